// Forklift's provider types: the values of a Provider's spec.type its controllers know.
export const PROVIDER_TYPES = [
  'openshift',
  'vsphere',
  'ovirt',
  'openstack',
  'ova',
  'ec2',
  'hyperv',
  'nutanix',
] as const;

export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** The provider types this console can create so far. */
export const CREATABLE_PROVIDER_TYPES = ['vsphere', 'ova', 'openshift'] as const;
export type CreatableProviderType = (typeof CREATABLE_PROVIDER_TYPES)[number];

/** What the create form sends: `POST /api/v1/namespaces/:namespace/providers`. */
export type CreateProviderRequest = {
  name: string;
  type: CreatableProviderType;
  url?: string;
  settings?: Record<string, string>;
  credentials: Record<string, string>;
};

/**
 * The provider is the cluster the console runs on: an openshift provider without a URL, reached
 * with Forklift's own service account, so it has no credentials of its own.
 */
export const isHostProvider = (spec: { type?: string; url?: string } | undefined): boolean =>
  spec?.type === 'openshift' && !spec.url;
