import { useMemo, type FC } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { ListedResource } from '../hooks/useResources.ts';
import { formatAge } from '../utils/age.ts';
import { summarizeStatus, type ResourceWithStatus } from '../utils/resource-status.ts';
import { useForkliftTranslation } from '../utils/i18n.ts';
import { StatusCell } from './StatusCell.tsx';

type Props = { resources: ListedResource[]; showNamespace: boolean; ariaLabel: string };

export const ResourceTable: FC<Props> = ({ resources, showNamespace, ariaLabel }) => {
  const { t } = useForkliftTranslation();
  // Ages are relative to when the list arrived; a live clock would re-render every row each second.
  const { sorted, now } = useMemo(
    () => ({
      now: Date.now(),
      sorted: [...resources].sort(
        (a, b) =>
          (a.metadata?.namespace ?? '').localeCompare(b.metadata?.namespace ?? '') ||
          (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
      ),
    }),
    [resources],
  );

  return (
    <Table aria-label={ariaLabel} variant="compact">
      <Thead>
        <Tr>
          <Th>{t('Name')}</Th>
          {showNamespace && <Th>{t('Namespace')}</Th>}
          <Th>{t('Status')}</Th>
          <Th>{t('Age')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {sorted.map((resource) => (
          <Tr key={resource.metadata?.uid} data-testid={`resource-row-${resource.metadata?.name}`}>
            <Td dataLabel={t('Name')}>{resource.metadata?.name}</Td>
            {showNamespace && <Td dataLabel={t('Namespace')}>{resource.metadata?.namespace}</Td>}
            <Td dataLabel={t('Status')}>
              <StatusCell status={summarizeStatus(resource as ResourceWithStatus)} />
            </Td>
            <Td dataLabel={t('Age')}>{formatAge(resource.metadata?.creationTimestamp, now)}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
