import { useState, type FC } from 'react';
import { DropdownItem } from '@patternfly/react-core';
import { useNavigate } from 'react-router';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { ActionsDropdown } from '../../../components/ActionsDropdown.tsx';
import { useAccessReview } from '../../../hooks/useAccessReview.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { EditCredentialsModal } from '../tabs/credentials/EditCredentialsModal.tsx';
import { providerDetailsPath, providerTabsFor } from '../utils/provider-tabs.ts';
import { DeleteProviderModal } from './DeleteProviderModal.tsx';

type OpenModal = 'credentials' | 'delete' | undefined;

export const ProviderActions: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const navigate = useNavigate();
  const [modal, setModal] = useState<OpenModal>();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const hasCredentials = providerTabsFor(provider.spec).includes('credentials');
  const thisProvider = {
    group: ProviderModel.group,
    resource: ProviderModel.plural,
    namespace,
    name,
  };
  // Saving the YAML replaces the whole object.
  const { allowed: mayUpdate } = useAccessReview({ verb: 'update', ...thisProvider });
  const { allowed: mayDelete } = useAccessReview({ verb: 'delete', ...thisProvider });

  return (
    <>
      <ActionsDropdown toggleTestId="provider-actions" label={t('Actions')}>
        <DropdownItem
          onClick={() => navigate(providerDetailsPath(namespace, name, 'yaml'))}
          isDisabled={mayUpdate === false}
          data-testid="action-edit-yaml"
        >
          {t('Edit YAML')}
        </DropdownItem>
        {hasCredentials && (
          <DropdownItem
            onClick={() => setModal('credentials')}
            data-testid="action-edit-credentials"
          >
            {t('Edit credentials')}
          </DropdownItem>
        )}
        <DropdownItem
          onClick={() => setModal('delete')}
          isDanger
          isDisabled={mayDelete === false}
          data-testid="action-delete-provider"
        >
          {t('Delete provider')}
        </DropdownItem>
      </ActionsDropdown>
      {modal === 'credentials' && (
        <EditCredentialsModal provider={provider} onClose={() => setModal(undefined)} />
      )}
      {modal === 'delete' && (
        <DeleteProviderModal provider={provider} onClose={() => setModal(undefined)} />
      )}
    </>
  );
};
