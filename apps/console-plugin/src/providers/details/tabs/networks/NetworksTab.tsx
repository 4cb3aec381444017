import { useMemo, useState, type FC } from 'react';
import { Button, Label, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { useAccessReview } from '../../../../hooks/useAccessReview.ts';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { InventoryUnavailable } from '../../components/InventoryUnavailable.tsx';
import { TransferNetworkModal } from '../../components/TransferNetworkModal.tsx';
import { useProviderInventory } from '../../hooks/useProviderInventory.ts';
import {
  defaultTransferNetworkOf,
  networkRows,
  type InventoryNad,
} from '../../utils/openshift-networks.ts';

/** The cluster's pod network and NetworkAttachmentDefinitions, with its default transfer network. */
export const NetworksTab: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const [isModalOpen, setIsModalOpen] = useState(false);
  const nads = useProviderInventory<InventoryNad[]>(
    provider,
    '/networkattachmentdefinitions?detail=1',
  );
  const { allowed: mayPatch } = useAccessReview({
    verb: 'patch',
    group: ProviderModel.group,
    resource: ProviderModel.plural,
    namespace,
    name,
  });
  const defaultNetwork = defaultTransferNetworkOf(provider);
  const nadList = nads.state === 'ready' ? nads.data : undefined;
  const rows = useMemo(() => networkRows(nadList ?? [], defaultNetwork), [nadList, defaultNetwork]);

  if (nads.state !== 'ready') return <InventoryUnavailable provider={provider} state={nads} />;

  return (
    <>
      <Title headingLevel="h2">{t('NetworkAttachmentDefinitions')}</Title>
      {mayPatch === true && (
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <Button
                variant="secondary"
                onClick={() => setIsModalOpen(true)}
                data-testid="set-transfer-network"
              >
                {t('Set provider default transfer network')}
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      )}
      <Table
        aria-label={t('NetworkAttachmentDefinitions')}
        variant="compact"
        data-testid="networks-table"
      >
        <Thead>
          <Tr>
            <Th>{t('Name')}</Th>
            <Th>{t('Project')}</Th>
            <Th>{t('Type')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <Tr
              key={row.key}
              data-testid={row.isPodNetwork ? 'network-row-pod' : `network-row-${row.key}`}
            >
              <Td dataLabel={t('Name')} data-testid="network-name">
                {row.isPodNetwork ? t('Default network') : row.name}{' '}
                {row.isDefault && (
                  <Label color="blue" isCompact data-testid="network-default-label">
                    {t('Default')}
                  </Label>
                )}
              </Td>
              <Td dataLabel={t('Project')}>{row.project || '-'}</Td>
              <Td dataLabel={t('Type')} data-testid="network-type">
                {row.isPodNetwork ? t('Pod network') : (row.cniType ?? '-')}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {isModalOpen && (
        <TransferNetworkModal provider={provider} onClose={() => setIsModalOpen(false)} />
      )}
    </>
  );
};
