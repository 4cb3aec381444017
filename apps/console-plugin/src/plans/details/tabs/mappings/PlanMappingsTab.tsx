import type { FC } from 'react';
import { Stack, StackItem } from '@patternfly/react-core';
import {
  NetworkMapModel,
  StorageMapModel,
  type NetworkMap,
  type StorageMap,
} from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { usePlanEditGate } from '../../hooks/usePlanEditGate.ts';
import type { PlanTabProps } from '../../utils/plan-tab-props.ts';
import { PlanMapSection } from './PlanMapSection.tsx';

/**
 * The plan's network and storage maps, edited in place with the maps' own editors and routes.
 * The maps' kinds and tables are the maps features' own (passed in by pages.ts), as Forklift's
 * console shows them.
 */
export const PlanMappingsTab: FC<PlanTabProps> = ({ plan, mapKinds }) => {
  const { t } = useForkliftTranslation();
  const editDisabledReason = usePlanEditGate(plan);
  const namespace = plan.metadata?.namespace ?? '';
  const maps = plan.spec?.map;
  return (
    <Stack hasGutter>
      <StackItem>
        <PlanMapSection
          kind={mapKinds.network}
          model={NetworkMapModel}
          namespace={maps?.network.namespace ?? namespace}
          mapName={maps?.network.name}
          title={t('Network map')}
          editLabel={t('Edit network map')}
          testId="plan-network-map"
          renderTable={(map: NetworkMap) => (
            <mapKinds.network.EntriesTable entries={map.spec?.map ?? []} />
          )}
          editDisabledReason={editDisabledReason}
          targetProject={plan.spec?.targetNamespace ?? namespace}
        />
      </StackItem>
      <StackItem>
        <PlanMapSection
          kind={mapKinds.storage}
          model={StorageMapModel}
          namespace={maps?.storage.namespace ?? namespace}
          mapName={maps?.storage.name}
          title={t('Storage map')}
          editLabel={t('Edit storage map')}
          testId="plan-storage-map"
          renderTable={(map: StorageMap) => (
            <mapKinds.storage.EntriesTable entries={map.spec?.map ?? []} />
          )}
          editDisabledReason={editDisabledReason}
          targetProject={plan.spec?.targetNamespace ?? namespace}
        />
      </StackItem>
    </Stack>
  );
};
