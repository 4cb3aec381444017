import type { FC } from 'react';
import {
  Alert,
  Button,
  Content,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { useNavigate } from 'react-router';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { resourceListPath } from '../../../utils/resource-paths.ts';
import { useDeleteProvider } from '../hooks/useProviderMutations.ts';

/** Asks before deleting; the provider's Secret and Host CRs go with it (owner references). */
export const DeleteProviderModal: FC<{ provider: Provider; onClose: () => void }> = ({
  provider,
  onClose,
}) => {
  const { t } = useForkliftTranslation();
  const navigate = useNavigate();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const remove = useDeleteProvider(namespace, name);

  return (
    <Modal
      isOpen
      variant="small"
      onClose={onClose}
      aria-labelledby="delete-provider-title"
      data-testid="delete-provider-modal"
    >
      <ModalHeader
        title={t('Delete provider')}
        labelId="delete-provider-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        <Content component="p">
          {t('Delete the provider {{name}} from the project {{namespace}}?', { name, namespace })}
        </Content>
        <Content component="p">
          {t(
            'Its credentials Secret and the migration networks chosen for its hosts are deleted with it. Migration plans that use it stop working.',
          )}
        </Content>
        {remove.error && (
          <Alert
            variant="danger"
            isInline
            title={t('The provider was not deleted')}
            className="pf-v6-u-mt-md"
            data-testid="delete-provider-error"
          >
            {remove.error.message}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={() =>
            remove.mutate(undefined, {
              onSuccess: () => navigate(resourceListPath(ProviderModel, namespace)),
            })
          }
          isLoading={remove.isPending}
          isDisabled={remove.isPending}
          data-testid="confirm-delete-provider"
        >
          {t('Delete')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
