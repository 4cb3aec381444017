import type { FC } from 'react';
import { Alert, Spinner } from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { MutationModal } from '../../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useRevealedCredentials, useSaveCredentials } from '../../hooks/useCredentials.ts';
import { useCredentialsForm } from '../../hooks/useCredentialsForm.ts';
import { CredentialsForm } from './CredentialsForm.tsx';

type Props = { provider: Provider; onClose: () => void; onSaved?: () => void };

/** The create form's credential fields, filled from the decoded Secret. */
export const EditCredentialsModal: FC<Props> = ({ provider, onClose, onSaved }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const current = useRevealedCredentials(namespace, name, true);
  const save = useSaveCredentials(namespace, name);
  const form = useCredentialsForm(provider, current.data?.data);
  const onSave = () =>
    save.mutate(form.data(), {
      onSuccess: () => {
        onSaved?.();
        onClose();
      },
    });

  return (
    <MutationModal
      variant="medium"
      testId="edit-credentials-modal"
      onClose={onClose}
      title={t('Edit credentials')}
      description={t(
        'Saving replaces the data of the Secret. The provider then tests the connection with the new credentials.',
      )}
      mutation={save}
      errorTitle={t('The credentials were not saved')}
      errorTestId="credentials-save-error"
      actionLabel={t('Save')}
      actionTestId="credentials-save"
      onAction={onSave}
      isActionDisabled={!form.canSave}
    >
      {current.isPending && <Spinner aria-label={t('Loading')} />}
      {current.error && (
        <Alert variant="danger" isInline title={t('Could not read the credentials')}>
          {current.error.message}
        </Alert>
      )}
      {current.data && <CredentialsForm form={form} />}
    </MutationModal>
  );
};
