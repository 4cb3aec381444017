import type { FC } from 'react';
import { EmptyState } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { NetworkMap } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

type Entry = NonNullable<NetworkMap['spec']>['map'][number];

/** The map's rows as stored: source network → target, read-only. */
export const NetworkMapTable: FC<{ entries: readonly Entry[] }> = ({ entries }) => {
  const { t } = useForkliftTranslation();
  if (entries.length === 0) {
    return (
      <EmptyState
        titleText={t('No mappings yet')}
        headingLevel="h3"
        data-testid="map-entries-empty"
      />
    );
  }
  const targetLabel = ({ type, namespace, name }: Entry['destination']) =>
    type === 'pod'
      ? t('Pod network (default)')
      : type === 'ignored'
        ? t('Ignored (not migrated)')
        : `${namespace}/${name}`;
  return (
    <Table aria-label={t('Network mappings')} variant="compact" data-testid="map-entries">
      <Thead>
        <Tr>
          <Th>{t('Source network')}</Th>
          <Th>{t('Target network')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {entries.map((entry, index) => (
          <Tr key={index} data-testid={`map-entry-${index}`}>
            <Td dataLabel={t('Source network')} data-testid="map-entry-source">
              {entry.source.name ?? entry.source.id ?? entry.source.type}
            </Td>
            <Td dataLabel={t('Target network')} data-testid="map-entry-target">
              {targetLabel(entry.destination)}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
