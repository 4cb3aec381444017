import type { FC } from 'react';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { InventoryUnavailable } from '../../components/InventoryUnavailable.tsx';
import type { InventoryState } from '../../utils/inventory-state.ts';

/** What `providers/<type>/<uid>` adds to the provider (reference inventory.md §1.3): counts. */
export type ProviderSummary = { product?: string } & Partial<Record<`${string}Count`, number>>;

type Props = { provider: Provider; summary: InventoryState<ProviderSummary> };

export const InventoryCounts: FC<Props> = ({ provider, summary }) => {
  const { t } = useForkliftTranslation();
  if (summary.state !== 'ready')
    return <InventoryUnavailable provider={provider} state={summary} />;
  const type = provider.spec?.type;
  const counts: { key: `${string}Count`; term: string }[] =
    type === 'ova'
      ? [
          { key: 'vmCount', term: t('Virtual machines') },
          { key: 'networkCount', term: t('Networks') },
          { key: 'diskCount', term: t('Disks') },
          { key: 'storageCount', term: t('Storage') },
        ]
      : type === 'openshift'
        ? [
            // The pod network counts as one.
            { key: 'networkCount', term: t('Networks') },
            { key: 'storageClassCount', term: t('Storage classes') },
            { key: 'vmCount', term: t('Virtual machines') },
          ]
        : [
            { key: 'vmCount', term: t('Virtual machines') },
            { key: 'hostCount', term: t('Hosts') },
            { key: 'clusterCount', term: t('Clusters') },
            { key: 'datacenterCount', term: t('Datacenters') },
            { key: 'networkCount', term: t('Networks') },
            { key: 'datastoreCount', term: t('Datastores') },
          ];
  return (
    <DescriptionList columnModifier={{ default: '2Col', md: '3Col' }} isCompact>
      {counts.map(({ key, term }) => (
        <DescriptionListGroup key={key}>
          <DescriptionListTerm>{term}</DescriptionListTerm>
          <DescriptionListDescription data-testid={`inventory-${key}`}>
            {summary.data[key] ?? 0}
          </DescriptionListDescription>
        </DescriptionListGroup>
      ))}
    </DescriptionList>
  );
};
