import type { FC } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import type { VmMigrationResources } from '@forklift-console/api';

type Props = Pick<VmMigrationResources, 'dataVolumes' | 'persistentVolumeClaims'>;

/** A VM's DataVolumes (CDI's phase and progress) and the PVCs that hold its disks. */
export const MigrationVolumesTable: FC<Props> = ({ dataVolumes, persistentVolumeClaims }) => {
  const { t } = useForkliftTranslation();
  return (
    <Table aria-label={t('Volumes')} variant="compact" data-testid="migration-volumes">
      <Thead>
        <Tr>
          <Th>{t('Kind')}</Th>
          <Th>{t('Name')}</Th>
          <Th>{t('Phase')}</Th>
          <Th>{t('Progress or size')}</Th>
          <Th>{t('Storage class')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {dataVolumes.map((dv) => (
          <Tr key={`dv-${dv.name}`} data-testid={`migration-dv-${dv.name}`}>
            <Td dataLabel={t('Kind')}>{t('DataVolume')}</Td>
            <Td dataLabel={t('Name')}>{dv.name}</Td>
            <Td dataLabel={t('Phase')}>{dv.phase ?? '–'}</Td>
            <Td dataLabel={t('Progress or size')}>{dv.progress ?? '–'}</Td>
            <Td dataLabel={t('Storage class')}>–</Td>
          </Tr>
        ))}
        {persistentVolumeClaims.map((claim) => (
          <Tr key={`pvc-${claim.name}`} data-testid={`migration-pvc-${claim.name}`}>
            <Td dataLabel={t('Kind')}>{t('PersistentVolumeClaim')}</Td>
            <Td dataLabel={t('Name')}>{claim.name}</Td>
            <Td dataLabel={t('Phase')}>{claim.phase ?? '–'}</Td>
            <Td dataLabel={t('Progress or size')}>{claim.capacity ?? '–'}</Td>
            <Td dataLabel={t('Storage class')}>{claim.storageClassName ?? '–'}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
