import { useMemo, useState, type FC } from 'react';
import {
  Button,
  EmptyState,
  EmptyStateBody,
  Label,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { HostModel, type Provider } from '@forklift-console/api';
import { useResourcesInNamespace } from '../../../../hooks/useResource.ts';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { InventoryUnavailable } from '../../components/InventoryUnavailable.tsx';
import { useProviderInventory } from '../../hooks/useProviderInventory.ts';
import {
  adapterLabel,
  hostResourceFor,
  hostResourceState,
  isSelectableHost,
  transferAdapter,
  type HostResource,
  type InventoryHost,
} from '../../utils/host-network.ts';
import { MigrationNetworkModal } from './MigrationNetworkModal.tsx';

const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * The provider's ESXi hosts and the network each transfers disks over. Host CRs come from the
 * change feed, so a host's status follows Forklift's validation live.
 */
export const HostsTab: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const inventory = useProviderInventory<InventoryHost[]>(provider, '/hosts?detail=1');
  const { data: hostResources = [] } = useResourcesInNamespace<HostResource>(HostModel, namespace);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [isModalOpen, setIsModalOpen] = useState(false);
  const data = inventory.state === 'ready' ? inventory.data : undefined;
  const hosts = useMemo(
    () => [...(data ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
    [data],
  );

  if (inventory.state !== 'ready') {
    return <InventoryUnavailable provider={provider} state={inventory} />;
  }
  if (hosts.length === 0) {
    return (
      <EmptyState titleText={t('No ESXi hosts')} headingLevel="h2" data-testid="hosts-empty">
        <EmptyStateBody>{t('The inventory of this provider holds no ESXi hosts.')}</EmptyStateBody>
      </EmptyState>
    );
  }

  const selectable = hosts.filter(isSelectableHost);
  const selected = selectable.filter((host) => selectedIds.has(host.id));
  const toggle = (hostId: string, isSelecting: boolean) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (isSelecting) next.add(hostId);
      else next.delete(hostId);
      return next;
    });

  const statusCell = (resource: HostResource | undefined) => {
    if (!resource) return '-';
    const state = hostResourceState(resource);
    if (state.state === 'ready') return <Label status="success">{t('Ready')}</Label>;
    if (state.state === 'pending') return <Label color="blue">{t('Validating')}</Label>;
    return (
      <>
        <Label status="danger">{t('Error')}</Label> {state.message}
      </>
    );
  };

  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button
              onClick={() => setIsModalOpen(true)}
              isDisabled={selected.length === 0}
              data-testid="select-migration-network"
            >
              {t('Select migration network')}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <Table aria-label={t('ESXi hosts')} variant="compact" data-testid="hosts-table">
        <Thead>
          <Tr>
            <Th
              select={{
                onSelect: (_event, isSelecting) =>
                  setSelectedIds(new Set(isSelecting ? selectable.map((host) => host.id) : [])),
                isSelected: selectable.length > 0 && selected.length === selectable.length,
              }}
              aria-label={t('Select all hosts')}
            />
            <Th>{t('Name')}</Th>
            <Th>{t('Network for data transfer')}</Th>
            <Th>{t('Bandwidth')}</Th>
            <Th>{t('MTU')}</Th>
            <Th>{t('Status')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {hosts.map((host, rowIndex) => {
            const resource = hostResourceFor(hostResources, { namespace, name }, host.id);
            const adapter = transferAdapter(host, resource);
            return (
              <Tr key={host.id} data-testid={`host-row-${host.name}`}>
                <Td
                  select={{
                    rowIndex,
                    onSelect: (_event, isSelecting) => toggle(host.id, isSelecting),
                    isSelected: selectedIds.has(host.id),
                    isDisabled: !isSelectableHost(host),
                  }}
                />
                <Td dataLabel={t('Name')}>{host.name}</Td>
                <Td
                  dataLabel={t('Network for data transfer')}
                  data-testid={`host-network-${host.name}`}
                >
                  {adapter
                    ? adapterLabel(adapter)
                    : (resource?.spec?.ipAddress ?? t('Default network'))}
                </Td>
                <Td dataLabel={t('Bandwidth')}>
                  {adapter ? t('{{speed}} Mbps', { speed: adapter.linkSpeed }) : '-'}
                </Td>
                <Td dataLabel={t('MTU')}>{adapter ? adapter.mtu : '-'}</Td>
                <Td dataLabel={t('Status')} data-testid={`host-status-${host.name}`}>
                  {statusCell(resource)}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {isModalOpen && (
        <MigrationNetworkModal
          provider={provider}
          hosts={selected}
          onClose={() => setIsModalOpen(false)}
          onSaved={() => setSelectedIds(new Set())}
        />
      )}
    </>
  );
};
