import type { FC } from 'react';
import { EmptyState } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { StorageMap } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

type Entry = NonNullable<StorageMap['spec']>['map'][number];

/** The map's rows as stored: source storage → storage class with its options, read-only. */
export const StorageMapTable: FC<{ entries: readonly Entry[] }> = ({ entries }) => {
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
    <Table aria-label={t('Storage mappings')} variant="compact" data-testid="map-entries">
      <Thead>
        <Tr>
          <Th>{t('Source storage')}</Th>
          <Th>{t('Target storage class')}</Th>
          <Th>{t('Volume mode')}</Th>
          <Th>{t('Access mode')}</Th>
          <Th>{t('Offload')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {entries.map((entry, index) => {
          const xcopy = entry.offloadPlugin?.vsphereXcopyConfig;
          return (
            <Tr key={index} data-testid={`map-entry-${index}`}>
              <Td dataLabel={t('Source storage')} data-testid="map-entry-source">
                {entry.source.name ?? entry.source.id}
              </Td>
              <Td dataLabel={t('Target storage class')} data-testid="map-entry-target">
                {entry.destination.storageClass}
              </Td>
              <Td dataLabel={t('Volume mode')} data-testid="map-entry-volume-mode">
                {entry.destination.volumeMode ?? t('Default')}
              </Td>
              <Td dataLabel={t('Access mode')} data-testid="map-entry-access-mode">
                {entry.destination.accessMode ?? t('Default')}
              </Td>
              <Td dataLabel={t('Offload')} data-testid="map-entry-offload">
                {xcopy
                  ? t('vSphere XCOPY: {{product}}, Secret {{secret}}', {
                      product: xcopy.storageVendorProduct,
                      secret: xcopy.secretRef,
                    }) +
                    (xcopy.dedicatedMigrationHosts?.length
                      ? ` (${xcopy.dedicatedMigrationHosts.join(', ')})`
                      : '')
                  : t('None')}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
