import type { FC } from 'react';
import { Label, Truncate } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { providerDetailsPath } from '../../details/utils/provider-tabs.ts';
import { providerTypeInfo } from '../../utils/provider-types.ts';
import type { SortDirection } from '../utils/provider-filters.ts';
import type { ProviderRow } from '../utils/provider-rows.ts';
import { ProviderStatus } from '../../components/ProviderStatus.tsx';

type Props = {
  rows: readonly ProviderRow[];
  sortDirection: SortDirection;
  onSort: (direction: SortDirection) => void;
};

/** Shown where there is no value: a count the inventory has not given (yet), or no endpoint. */
const NO_VALUE = '–';

const formatCount = (count: number | undefined) => count ?? NO_VALUE;

export const ProvidersTable: FC<Props> = ({ rows, sortDirection, onSort }) => {
  const { t } = useForkliftTranslation();
  return (
    <Table aria-label={t('Providers')} variant="compact" data-testid="providers-table">
      <Thead>
        <Tr>
          <Th
            modifier="wrap"
            sort={{
              sortBy: { index: 0, direction: sortDirection },
              onSort: (_event, _index, direction) => onSort(direction),
              columnIndex: 0,
            }}
          >
            {t('Name')}
          </Th>
          <Th modifier="wrap">{t('Namespace')}</Th>
          <Th modifier="wrap">{t('Status')}</Th>
          <Th modifier="wrap">{t('Endpoint')}</Th>
          <Th modifier="wrap">{t('Type')}</Th>
          <Th modifier="wrap">{t('VMs')}</Th>
          <Th modifier="wrap">{t('Networks')}</Th>
          <Th modifier="wrap">{t('Hosts')}</Th>
          <Th modifier="wrap">{t('Storage')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => {
          const info = providerTypeInfo(row.type);
          return (
            <Tr key={row.uid} data-testid={`provider-row-${row.name}`}>
              <Td dataLabel={t('Name')} data-testid="provider-name">
                <Link to={providerDetailsPath(row.namespace, row.name)}>{row.name}</Link>
              </Td>
              <Td dataLabel={t('Namespace')} data-testid="provider-namespace">
                {row.namespace}
              </Td>
              <Td dataLabel={t('Status')} data-testid="provider-status">
                <ProviderStatus phase={row.phase} failureMessage={row.failureMessage} />
              </Td>
              <Td dataLabel={t('Endpoint')} data-testid="provider-endpoint">
                {row.url ? (
                  <Truncate content={row.url} position="middle" />
                ) : row.type === 'openshift' ? (
                  t('This cluster')
                ) : (
                  NO_VALUE
                )}
              </Td>
              <Td dataLabel={t('Type')} data-testid="provider-type">
                {info?.label ?? row.type}{' '}
                {info?.sourceOnly && (
                  <Label color="green" isCompact>
                    {t('Source')}
                  </Label>
                )}
              </Td>
              <Td dataLabel={t('VMs')} data-testid="provider-vms">
                {row.counts.vms === undefined ? (
                  NO_VALUE
                ) : (
                  <Link to={providerDetailsPath(row.namespace, row.name, 'vms')}>
                    {row.counts.vms}
                  </Link>
                )}
              </Td>
              <Td dataLabel={t('Networks')} data-testid="provider-networks">
                {formatCount(row.counts.networks)}
              </Td>
              <Td dataLabel={t('Hosts')} data-testid="provider-hosts">
                {formatCount(row.counts.hosts)}
              </Td>
              <Td dataLabel={t('Storage')} data-testid="provider-storage">
                {formatCount(row.counts.storage)}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
