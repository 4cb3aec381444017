import type { FC } from 'react';
import type { NetworkMap } from '@forklift-console/api';
import type { MapEntry } from '../../../components/maps/map-kind.ts';
import { MapEntriesTable } from '../../../components/maps/MapEntriesTable.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

type Entry = MapEntry<NetworkMap>;

/** The map's rows as stored: source network → target, read-only. */
export const NetworkMapTable: FC<{ entries: readonly Entry[] }> = ({ entries }) => {
  const { t } = useForkliftTranslation();
  const targetLabel = ({ type, namespace, name }: Entry['destination']) =>
    type === 'pod'
      ? t('Pod network (default)')
      : type === 'ignored'
        ? t('Ignored (not migrated)')
        : `${namespace}/${name}`;
  return (
    <MapEntriesTable
      entries={entries}
      ariaLabel={t('Network mappings')}
      columns={[
        {
          title: t('Source network'),
          testId: 'map-entry-source',
          cell: ({ source }) => source.name ?? source.id ?? source.type,
        },
        {
          title: t('Target network'),
          testId: 'map-entry-target',
          cell: ({ destination }) => targetLabel(destination),
        },
      ]}
    />
  );
};
