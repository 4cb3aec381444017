import type { ReactNode } from 'react';
import { EmptyState } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../utils/i18n.ts';

export type MapEntryColumn<Entry> = {
  title: string;
  testId: string;
  cell: (entry: Entry) => ReactNode;
};

type Props<Entry> = {
  entries: readonly Entry[];
  ariaLabel: string;
  columns: readonly MapEntryColumn<Entry>[];
};

/** A map's rows as stored, read-only, in the columns its kind shows. */
export const MapEntriesTable = <Entry,>({ entries, ariaLabel, columns }: Props<Entry>) => {
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
  return (
    <Table aria-label={ariaLabel} variant="compact" data-testid="map-entries">
      <Thead>
        <Tr>
          {columns.map((column) => (
            <Th key={column.testId}>{column.title}</Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {entries.map((entry, index) => (
          <Tr key={index} data-testid={`map-entry-${index}`}>
            {columns.map((column) => (
              <Td key={column.testId} dataLabel={column.title} data-testid={column.testId}>
                {column.cell(entry)}
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
