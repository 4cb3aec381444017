import { useMemo, type FC } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import {
  ownerPlanName,
  type K8sModel,
  type NetworkMap,
  type StorageMap,
} from '@forklift-console/api';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { mapDetailsPath } from '../../utils/map-paths.ts';
import { mapStatus } from '../../utils/map-status.ts';
import { MapActionsMenu } from './MapActionsMenu.tsx';
import { MapStatusLabel } from './MapStatusLabel.tsx';

type Props = {
  model: K8sModel;
  maps: readonly (NetworkMap | StorageMap)[];
  ariaLabel: string;
  deleteLabel: string;
};

const NO_VALUE = '–';

export const MapsTable: FC<Props> = ({ model, maps, ariaLabel, deleteLabel }) => {
  const { t } = useForkliftTranslation();
  const sorted = useMemo(
    () =>
      [...maps].sort(
        (a, b) =>
          (a.metadata?.namespace ?? '').localeCompare(b.metadata?.namespace ?? '') ||
          (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
      ),
    [maps],
  );
  return (
    <Table aria-label={ariaLabel} variant="compact" data-testid="maps-table">
      <Thead>
        <Tr>
          <Th>{t('Name')}</Th>
          <Th>{t('Namespace')}</Th>
          <Th>{t('Status')}</Th>
          <Th>{t('Source provider')}</Th>
          <Th>{t('Target provider')}</Th>
          <Th>{t('Owner')}</Th>
          <Th screenReaderText={t('Actions')} />
        </Tr>
      </Thead>
      <Tbody>
        {sorted.map((map) => {
          const { name = '', namespace = '' } = map.metadata ?? {};
          const owner = ownerPlanName(map.metadata);
          return (
            <Tr key={map.metadata?.uid ?? `${namespace}/${name}`} data-testid={`map-row-${name}`}>
              <Td dataLabel={t('Name')}>
                <Link to={mapDetailsPath(model, namespace, name)}>{name}</Link>
              </Td>
              <Td dataLabel={t('Namespace')}>{namespace}</Td>
              <Td dataLabel={t('Status')}>
                <MapStatusLabel status={mapStatus(map)} testId="map-status" />
              </Td>
              <Td dataLabel={t('Source provider')} data-testid="map-source-provider">
                {map.spec?.provider.source.name ?? NO_VALUE}
              </Td>
              <Td dataLabel={t('Target provider')} data-testid="map-target-provider">
                {map.spec?.provider.destination.name ?? NO_VALUE}
              </Td>
              <Td dataLabel={t('Owner')} data-testid="map-owner">
                {owner ?? NO_VALUE}
              </Td>
              <Td isActionCell>
                <MapActionsMenu
                  model={model}
                  metadata={map.metadata ?? {}}
                  deleteLabel={deleteLabel}
                  variant="kebab"
                />
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
