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
      <EmptyState titleText={t('No mappings yet')} headingLevel="h3" data-testid="map-rows-empty" />
    );
  }
  return (
    <Table aria-label={t('Storage mappings')} variant="compact" data-testid="map-rows">
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
            <Tr key={index} data-testid={`map-row-${index}`}>
              <Td dataLabel={t('Source storage')} data-testid="map-row-source">
                {entry.source.name ?? entry.source.id}
              </Td>
              <Td dataLabel={t('Target storage class')} data-testid="map-row-target">
                {entry.destination.storageClass}
              </Td>
              <Td dataLabel={t('Volume mode')} data-testid="map-row-volume-mode">
                {entry.destination.volumeMode ?? t('Default')}
              </Td>
              <Td dataLabel={t('Access mode')} data-testid="map-row-access-mode">
                {entry.destination.accessMode ?? t('Default')}
              </Td>
              <Td dataLabel={t('Offload')} data-testid="map-row-offload">
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
