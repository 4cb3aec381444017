import { useState, type FC, type ReactNode } from 'react';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  PageSection,
} from '@patternfly/react-core';
import { ownerPlanName, type K8sModel } from '@forklift-console/api';
import type { AnyMap } from '../../hooks/useMapMutations.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { ConditionsTable } from '../ConditionsTable.tsx';
import { EditMapProvidersModal } from './EditMapProvidersModal.tsx';
import { MapSectionTitle } from './MapSectionTitle.tsx';

type Props = {
  model: K8sModel;
  map: AnyMap;
  detailsTitle: string;
  /** Why the map cannot be edited now; the edit buttons say it. */
  editDisabledReason: string | undefined;
  /** The feature's read-only rows table. */
  mapTable: ReactNode;
  /** Opens the feature's "Edit network map" / "Edit storage map" modal. */
  onEditMap: () => void;
  editMapLabel: string;
};

/** Details, Providers (editable), the feature's Map section and the controller's conditions. */
export const MapDetailsTab: FC<Props> = ({
  model,
  map,
  detailsTitle,
  editDisabledReason,
  mapTable,
  onEditMap,
  editMapLabel,
}) => {
  const { t } = useForkliftTranslation();
  const [isEditingProviders, setIsEditingProviders] = useState(false);
  const { name, namespace, creationTimestamp } = map.metadata ?? {};
  const row = (term: string, value: ReactNode, testId: string) => (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription data-testid={testId}>{value ?? '–'}</DescriptionListDescription>
    </DescriptionListGroup>
  );

  return (
    <PageSection>
      <MapSectionTitle title={detailsTitle} />
      <DescriptionList columnModifier={{ default: '2Col' }}>
        {row(t('Name'), name, 'map-details-name')}
        {row(t('Namespace'), namespace, 'map-details-namespace')}
        {row(
          t('Created at'),
          creationTimestamp ? new Date(creationTimestamp).toLocaleString() : undefined,
          'map-details-created',
        )}
        {row(t('Owner'), ownerPlanName(map.metadata), 'map-details-owner')}
      </DescriptionList>
      <MapSectionTitle
        title={t('Providers')}
        editLabel={t('Edit providers')}
        onEdit={() => setIsEditingProviders(true)}
        disabledReason={editDisabledReason}
        testId="edit-map-providers"
      />
      <DescriptionList columnModifier={{ default: '2Col' }}>
        {row(t('Source provider'), map.spec?.provider.source.name, 'map-details-source-provider')}
        {row(
          t('Target provider'),
          map.spec?.provider.destination.name,
          'map-details-target-provider',
        )}
      </DescriptionList>
      <MapSectionTitle
        title={t('Map')}
        editLabel={editMapLabel}
        onEdit={onEditMap}
        disabledReason={editDisabledReason}
        testId="edit-map-rows"
      />
      {mapTable}
      <MapSectionTitle title={t('Conditions')} />
      <ConditionsTable
        conditions={map.status?.conditions ?? []}
        emptyMessage={t('The map controller has not reported on this map yet.')}
      />
      {isEditingProviders && (
        <EditMapProvidersModal
          model={model}
          map={map}
          onClose={() => setIsEditingProviders(false)}
        />
      )}
    </PageSection>
  );
};
