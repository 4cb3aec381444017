import { useState, type FC } from 'react';
import { Form } from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { MutationModalContent } from '../../../../components/MutationModalContent.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useSaveCredentials } from '../../hooks/useCredentials.ts';
import {
  credentialErrors,
  credentialFields,
  credentialsData,
  isFieldShown,
  type CredentialValues,
} from '../../utils/credentials-form.ts';
import { CredentialInput } from './CredentialInput.tsx';

type Props = {
  provider: Provider;
  initial: CredentialValues;
  onClose: () => void;
  onSaved?: () => void;
};

/** The modal's body and footer; Save is enabled once something changed and all is valid. */
export const CredentialsForm: FC<Props> = ({ provider, initial, onClose, onSaved }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const [values, setValues] = useState<CredentialValues>(initial);
  const save = useSaveCredentials(namespace, name);
  const fields = credentialFields(
    provider.spec?.type,
    Boolean(provider.spec?.url),
    Object.keys(initial),
  );
  const errors = credentialErrors(fields, values);
  const isDirty = fields.some((field) => (values[field.key] ?? '') !== (initial[field.key] ?? ''));
  const canSave = isDirty && Object.keys(errors).length === 0;

  const onSave = () =>
    save.mutate(credentialsData(fields, values), {
      onSuccess: () => {
        onSaved?.();
        onClose();
      },
    });

  return (
    <MutationModalContent
      mutation={save}
      errorTitle={t('The credentials were not saved')}
      errorTestId="credentials-save-error"
      actionLabel={t('Save')}
      actionTestId="credentials-save"
      onAction={onSave}
      isActionDisabled={!canSave}
      onCancel={onClose}
    >
      <Form onSubmit={(event) => event.preventDefault()}>
        {fields
          .filter((field) => isFieldShown(field, values))
          .map((field) => (
            <CredentialInput
              key={field.key}
              field={field}
              value={values[field.key] ?? ''}
              error={errors[field.key]}
              onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
            />
          ))}
      </Form>
    </MutationModalContent>
  );
};
