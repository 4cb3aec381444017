import type { FC } from 'react';
import { Alert, Modal, ModalBody, ModalHeader, Spinner } from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useRevealedCredentials } from '../../hooks/useCredentials.ts';
import { CredentialsForm } from './CredentialsForm.tsx';

type Props = { provider: Provider; onClose: () => void; onSaved?: () => void };

/** The create form's credential fields, filled from the decoded Secret. */
export const EditCredentialsModal: FC<Props> = ({ provider, onClose, onSaved }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const current = useRevealedCredentials(namespace, name, true);

  return (
    <Modal
      isOpen
      variant="medium"
      onClose={onClose}
      aria-labelledby="edit-credentials-title"
      data-testid="edit-credentials-modal"
    >
      <ModalHeader
        title={t('Edit credentials')}
        labelId="edit-credentials-title"
        description={t(
          'Saving replaces the data of the Secret. The provider then tests the connection with the new credentials.',
        )}
      />
      {current.isPending && (
        <ModalBody>
          <Spinner aria-label={t('Loading')} />
        </ModalBody>
      )}
      {current.error && (
        <ModalBody>
          <Alert variant="danger" isInline title={t('Could not read the credentials')}>
            {current.error.message}
          </Alert>
        </ModalBody>
      )}
      {current.data && (
        <CredentialsForm
          provider={provider}
          initial={current.data.data}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
};
