import type { FC } from 'react';
import { Content } from '@patternfly/react-core';
import { useNavigate } from 'react-router';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { MutationModal } from '../../../components/MutationModal.tsx';
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
    <MutationModal
      testId="delete-provider-modal"
      onClose={onClose}
      title={t('Delete provider')}
      titleIconVariant="warning"
      mutation={remove}
      errorTitle={t('The provider was not deleted')}
      errorTestId="delete-provider-error"
      actionLabel={t('Delete')}
      actionVariant="danger"
      actionTestId="confirm-delete-provider"
      onAction={() =>
        remove.mutate(undefined, {
          onSuccess: () => navigate(resourceListPath(ProviderModel, namespace)),
        })
      }
    >
      <Content component="p">
        {t('Delete the provider {{name}} from the project {{namespace}}?', { name, namespace })}
      </Content>
      <Content component="p">
        {t(
          'Its credentials Secret and the migration networks chosen for its hosts are deleted with it. Migration plans that use it stop working.',
        )}
      </Content>
    </MutationModal>
  );
};
