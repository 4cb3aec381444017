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
