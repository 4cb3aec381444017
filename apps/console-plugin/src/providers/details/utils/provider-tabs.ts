// The details page's tabs are routes below the provider's URL (…/Provider/<name>/<tab>), so that a
// tab can be linked and reloaded. Which tabs a provider has depends on its type.
import { isHostProvider, ProviderModel, referenceFor } from '@forklift-console/api';

export type ProviderTabKey = 'details' | 'yaml' | 'credentials' | 'vms' | 'hosts' | 'networks';

const ALL_TABS: readonly ProviderTabKey[] = [
  'details',
  'yaml',
  'credentials',
  'vms',
  'hosts',
  'networks',
];

const TABS_BY_TYPE: Record<string, readonly ProviderTabKey[]> = {
  vsphere: ['details', 'yaml', 'credentials', 'vms', 'hosts'],
  // An OVA provider reads an NFS share: it has no credentials.
  ova: ['details', 'yaml', 'vms'],
  openshift: ['details', 'yaml', 'credentials', 'vms', 'networks'],
};

const DEFAULT_TABS: readonly ProviderTabKey[] = ['details', 'yaml', 'credentials'];

export const providerTabsFor = (
  spec: { type?: string; url?: string } | undefined,
): readonly ProviderTabKey[] => {
  const tabs = TABS_BY_TYPE[spec?.type ?? ''] ?? DEFAULT_TABS;
  // The cluster the console runs on is reached with Forklift's own service account.
  return isHostProvider(spec) ? tabs.filter((tab) => tab !== 'credentials') : tabs;
};

const PROVIDER_REFERENCE = referenceFor(ProviderModel);

export const providerDetailsPath = (
  namespace: string,
  name: string,
  tab: ProviderTabKey = 'details',
): string => {
  const base = `/k8s/ns/${encodeURIComponent(namespace)}/${PROVIDER_REFERENCE}/${encodeURIComponent(name)}`;
  return tab === 'details' ? base : `${base}/${tab}`;
};

/** The tab a URL shows; `details` for the provider's own URL or a tab this page does not know. */
export const providerTabOf = (pathname: string): ProviderTabKey => {
  const segments = pathname.split('/');
  const segment = segments[segments.indexOf(PROVIDER_REFERENCE) + 2];
  return segment && (ALL_TABS as readonly string[]).includes(segment)
    ? (segment as ProviderTabKey)
    : 'details';
};
