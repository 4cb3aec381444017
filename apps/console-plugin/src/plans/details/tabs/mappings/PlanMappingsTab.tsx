import type { FC } from 'react';
import { Stack, StackItem } from '@patternfly/react-core';
import {
  NetworkMapModel,
  StorageMapModel,
  type NetworkMap,
  type StorageMap,
} from '@forklift-console/api';
import { networkMapKind } from '../../../../networkMaps/network-map-kind.ts';
import { NetworkMapTable } from '../../../../networkMaps/details/components/NetworkMapTable.tsx';
import { storageMapKind } from '../../../../storageMaps/storage-map-kind.ts';
import { StorageMapTable } from '../../../../storageMaps/details/components/StorageMapTable.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { usePlanEditGate } from '../../hooks/usePlanEditGate.ts';
import type { PlanTabProps } from '../../utils/plan-tab-props.ts';
import { PlanMapSection } from './PlanMapSection.tsx';

/**
 * The plan's network and storage maps, edited in place with the maps' own editors and routes.
 * The maps' kinds and tables are the maps features' own, shown here as Forklift's console does.
 */
export const PlanMappingsTab: FC<PlanTabProps> = ({ plan }) => {
  const { t } = useForkliftTranslation();
  const editDisabledReason = usePlanEditGate(plan);
  const namespace = plan.metadata?.namespace ?? '';
  const maps = plan.spec?.map;
  return (
    <Stack hasGutter>
      <StackItem>
        <PlanMapSection
          kind={networkMapKind}
          model={NetworkMapModel}
          namespace={maps?.network.namespace ?? namespace}
          mapName={maps?.network.name}
          title={t('Network map')}
          editLabel={t('Edit network map')}
          testId="plan-network-map"
          renderTable={(map: NetworkMap) => <NetworkMapTable entries={map.spec?.map ?? []} />}
          editDisabledReason={editDisabledReason}
        />
      </StackItem>
      <StackItem>
        <PlanMapSection
          kind={storageMapKind}
          model={StorageMapModel}
          namespace={maps?.storage.namespace ?? namespace}
          mapName={maps?.storage.name}
          title={t('Storage map')}
          editLabel={t('Edit storage map')}
          testId="plan-storage-map"
          renderTable={(map: StorageMap) => <StorageMapTable entries={map.spec?.map ?? []} />}
          editDisabledReason={editDisabledReason}
        />
      </StackItem>
    </Stack>
  );
};
