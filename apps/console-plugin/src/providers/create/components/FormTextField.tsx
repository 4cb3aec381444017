import type { FC } from 'react';
import { FormGroup, TextInput } from '@patternfly/react-core';
import { FieldHelperText } from './FieldHelperText.tsx';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  isRequired?: boolean;
  placeholder?: string;
  helper?: string;
  error?: string;
  warning?: string;
};

export const FormTextField: FC<Props> = ({
  id,
  label,
  value,
  onChange,
  testId,
  isRequired = false,
  placeholder,
  helper,
  error,
  warning,
}) => (
  <FormGroup label={label} isRequired={isRequired} fieldId={id}>
    <TextInput
      id={id}
      value={value}
      onChange={(_event, text) => onChange(text)}
      isRequired={isRequired}
      placeholder={placeholder}
      validated={error ? 'error' : warning ? 'warning' : 'default'}
      data-testid={testId}
    />
    <FieldHelperText error={error} warning={warning} helper={helper} testId={testId} />
  </FormGroup>
);
