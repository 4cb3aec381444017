import { useState, type FC } from 'react';
import { Alert, Button, Form, ModalBody, ModalFooter } from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
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
  const canSave = isDirty && Object.keys(errors).length === 0 && !save.isPending;

  const onSave = () =>
    save.mutate(credentialsData(fields, values), {
      onSuccess: () => {
        onSaved?.();
        onClose();
      },
    });

  return (
    <>
      <ModalBody>
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
        {save.error && (
          <Alert
            variant="danger"
            isInline
            title={t('The credentials were not saved')}
            className="pf-v6-u-mt-md"
            data-testid="credentials-save-error"
          >
            {save.error.message}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          onClick={onSave}
          isDisabled={!canSave}
          isLoading={save.isPending}
          data-testid="credentials-save"
        >
          {t('Save')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </>
  );
};
