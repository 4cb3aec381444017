import type { FC } from 'react';
import type { StorageMap } from '@forklift-console/api';
import type { MapEntry } from '../../../components/maps/map-kind.ts';
import { MapEntriesTable } from '../../../components/maps/MapEntriesTable.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

type Entry = MapEntry<StorageMap>;

/** The map's rows as stored: source storage → storage class with its options, read-only. */
export const StorageMapTable: FC<{ entries: readonly Entry[] }> = ({ entries }) => {
  const { t } = useForkliftTranslation();
  const offloadLabel = (xcopy: NonNullable<Entry['offloadPlugin']>['vsphereXcopyConfig']) =>
    xcopy
      ? t('vSphere XCOPY: {{product}}, Secret {{secret}}', {
          product: xcopy.storageVendorProduct,
          secret: xcopy.secretRef,
        }) +
        (xcopy.dedicatedMigrationHosts?.length
          ? ` (${xcopy.dedicatedMigrationHosts.join(', ')})`
          : '')
      : t('None');
  return (
    <MapEntriesTable
      entries={entries}
      ariaLabel={t('Storage mappings')}
      columns={[
        {
          title: t('Source storage'),
          testId: 'map-entry-source',
          cell: ({ source }) => source.name ?? source.id,
        },
        {
          title: t('Target storage class'),
          testId: 'map-entry-target',
          cell: ({ destination }) => destination.storageClass,
        },
        {
          title: t('Volume mode'),
          testId: 'map-entry-volume-mode',
          cell: ({ destination }) => destination.volumeMode ?? t('Default'),
        },
        {
          title: t('Access mode'),
          testId: 'map-entry-access-mode',
          cell: ({ destination }) => destination.accessMode ?? t('Default'),
        },
        {
          title: t('Offload'),
          testId: 'map-entry-offload',
          cell: ({ offloadPlugin }) => offloadLabel(offloadPlugin?.vsphereXcopyConfig),
        },
      ]}
    />
  );
};
