// The provider types Forklift knows (Provider spec.type), in the order the create form offers them,
// with the names users know them by. The i18n keys are the English names.
import type { ProviderType } from '@forklift-console/api';

export type ProviderTypeInfo = {
  type: ProviderType;
  /** The brand name, e.g. "VMware vSphere"; translate with t(). */
  label: string;
  /** Only a source: a plan cannot migrate into it. */
  sourceOnly: boolean;
  /** Whether this console can create it yet (the rest come in later issues). */
  creatable: boolean;
};

export const PROVIDER_TYPES: readonly ProviderTypeInfo[] = [
  { type: 'vsphere', label: 'VMware vSphere', sourceOnly: true, creatable: true },
  { type: 'ova', label: 'Open Virtual Appliance', sourceOnly: true, creatable: true },
  { type: 'openshift', label: 'OpenShift Virtualization', sourceOnly: false, creatable: true },
  { type: 'ovirt', label: 'Red Hat Virtualization', sourceOnly: true, creatable: false },
  { type: 'openstack', label: 'OpenStack', sourceOnly: true, creatable: false },
  { type: 'hyperv', label: 'Microsoft Hyper-V', sourceOnly: true, creatable: false },
  { type: 'ec2', label: 'Amazon EC2', sourceOnly: true, creatable: false },
  { type: 'nutanix', label: 'Nutanix', sourceOnly: true, creatable: false },
];

export const providerTypeInfo = (type: string | undefined): ProviderTypeInfo | undefined =>
  PROVIDER_TYPES.find((info) => info.type === type);
