import type { FC } from 'react';
import {
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Switch,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { CA_CERTIFICATE_MESSAGES, CREDENTIAL_MESSAGES } from '@forklift-console/api';
import { SecretInput } from '../../../../components/SecretInput.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import type { CredentialError, CredentialField } from '../../utils/credentials-form.ts';
import { useCredentialLabel } from './useCredentialLabel.ts';

type Props = {
  field: CredentialField;
  value: string;
  error: CredentialError | undefined;
  onChange: (value: string) => void;
};

/** One credential: a text or password input, the verification switch, or a PEM text area. */
export const CredentialInput: FC<Props> = ({ field, value, error, onChange }) => {
  const { t } = useForkliftTranslation();
  const label = useCredentialLabel()(field.key);
  const id = `credential-${field.key}`;
  const validated = error ? 'error' : 'default';
  const errorText: Record<CredentialError, string> = {
    required: t('This field is required'),
    spaces: t(CREDENTIAL_MESSAGES.spaces),
    'not-pem': t(CA_CERTIFICATE_MESSAGES['not-pem']),
    'not-certificate': t(CA_CERTIFICATE_MESSAGES['not-certificate']),
  };

  if (field.kind === 'switch') {
    return (
      <FormGroup fieldId={id}>
        <Switch
          id={id}
          label={label}
          isChecked={value === 'true'}
          onChange={(_event, checked) => onChange(checked ? 'true' : 'false')}
          data-testid={`${id}-input`}
        />
        {value === 'true' && (
          <FormHelperText>
            <HelperText>
              <HelperTextItem variant="warning">
                {t(
                  'The certificate of the provider is not checked: the connection is open to man-in-the-middle attacks.',
                )}
              </HelperTextItem>
            </HelperText>
          </FormHelperText>
        )}
      </FormGroup>
    );
  }

  const input =
    field.kind === 'certificate' ? (
      <TextArea
        id={id}
        value={value}
        onChange={(_event, text) => onChange(text)}
        validated={validated}
        rows={8}
        resizeOrientation="vertical"
        spellCheck={false}
        style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}
        data-testid={`${id}-input`}
      />
    ) : field.kind === 'password' ? (
      <SecretInput
        id={id}
        value={value}
        onChange={onChange}
        validated={validated}
        testId={`${id}-input`}
      />
    ) : (
      <TextInput
        id={id}
        value={value}
        onChange={(_event, text) => onChange(text)}
        validated={validated}
        autoComplete="off"
        data-testid={`${id}-input`}
      />
    );

  return (
    <FormGroup label={label} fieldId={id} isRequired={field.required}>
      {input}
      {error && (
        <FormHelperText>
          <HelperText>
            <HelperTextItem variant="error">{errorText[error]}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );
};
