import type { FC } from 'react';
import { FormGroup, TextInput } from '@patternfly/react-core';
import { SecretInput } from './SecretInput.tsx';
import { FieldHelperText } from './FieldHelperText.tsx';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  isRequired?: boolean;
  /** A password or token: hidden while typed, with a show/hide button. */
  isSecret?: boolean;
  placeholder?: string;
  helper?: string;
  error?: string;
  warning?: string;
};

/** A text field with its label and the one line of helper text under it. */
export const FormTextField: FC<Props> = ({
  id,
  label,
  value,
  onChange,
  testId,
  isRequired = false,
  isSecret = false,
  placeholder,
  helper,
  error,
  warning,
}) => {
  const validated = error ? 'error' : warning ? 'warning' : 'default';
  return (
    <FormGroup label={label} isRequired={isRequired} fieldId={id}>
      {isSecret ? (
        <SecretInput
          id={id}
          value={value}
          onChange={onChange}
          validated={validated}
          testId={testId}
          isRequired={isRequired}
          placeholder={placeholder}
        />
      ) : (
        <TextInput
          id={id}
          value={value}
          onChange={(_event, text) => onChange(text)}
          isRequired={isRequired}
          placeholder={placeholder}
          validated={validated}
          data-testid={testId}
        />
      )}
      <FieldHelperText error={error} warning={warning} helper={helper} testId={testId} />
    </FormGroup>
  );
};
