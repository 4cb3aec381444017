import type { FC } from 'react';
import { FormGroup } from '@patternfly/react-core';
import { SecretInput } from '../../../components/SecretInput.tsx';
import { FieldHelperText } from './FieldHelperText.tsx';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  isRequired?: boolean;
  helper?: string;
  error?: string;
};

/** A password or token field with its label and helper text. */
export const SecretTextField: FC<Props> = ({
  id,
  label,
  value,
  onChange,
  testId,
  isRequired = false,
  helper,
  error,
}) => (
  <FormGroup label={label} isRequired={isRequired} fieldId={id}>
    <SecretInput
      id={id}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      testId={testId}
      isRequired={isRequired}
    />
    <FieldHelperText error={error} helper={helper} testId={testId} />
  </FormGroup>
);
