// The OpenShift provider's networks as the Networks tab and the transfer-network modal show them:
// the pod network first, then the NetworkAttachmentDefinitions the inventory lists, each with the
// CNI plugin its config names. Forklift reads the provider's default transfer network from an
// annotation holding `namespace/name`; without it, disks are copied over the pod network.
import {
  DEFAULT_TRANSFER_NETWORK_ANNOTATION,
  type OpenshiftResource,
  type Provider,
} from '@forklift-console/api';
import type { ProviderPatch } from '../hooks/useProviderMutations.ts';

/** The part of a NetworkAttachmentDefinition the pages read: its CNI config, a JSON string. */
export type NadObject = { spec?: { config?: string } };

export type InventoryNad = OpenshiftResource<NadObject>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const typeField = (value: unknown): string | undefined =>
  isRecord(value) && typeof value.type === 'string' && value.type ? value.type : undefined;

/**
 * The CNI plugin a NAD's config names (`bridge`, `macvlan`, `ovn-k8s-cni-overlay`…): its `type`,
 * or the first plugin's in a plugin list. Undefined when the config is absent (the plugin then
 * reads a file on the node) or is not JSON.
 */
export const cniTypeOf = (config: string | undefined): string | undefined => {
  if (!config) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(config);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  return (
    typeField(parsed) ?? (Array.isArray(parsed.plugins) ? typeField(parsed.plugins[0]) : undefined)
  );
};

/** A NAD as Forklift names networks: `namespace/name`. */
export const networkNameOf = ({ namespace, name }: { namespace: string; name: string }) =>
  `${namespace}/${name}`;

/** The provider's default transfer network, `namespace/name`; undefined means the pod network. */
export const defaultTransferNetworkOf = (provider: Provider): string | undefined =>
  provider.metadata?.annotations?.[DEFAULT_TRANSFER_NETWORK_ANNOTATION] || undefined;

/** The merge patch that sets the default transfer network, or removes it for the pod network. */
export const transferNetworkPatch = (network: string | undefined): ProviderPatch => ({
  metadata: { annotations: { [DEFAULT_TRANSFER_NETWORK_ANNOTATION]: network ?? null } },
});

export type NetworkRow = {
  /** `namespace/name`; empty for the pod network. */
  key: string;
  name: string;
  project: string;
  cniType: string | undefined;
  isPodNetwork: boolean;
  /** The provider's default transfer network: the pod network while none is set. */
  isDefault: boolean;
};

const collator = new Intl.Collator(undefined, { numeric: true });

const byProjectAndName = (a: InventoryNad, b: InventoryNad) =>
  collator.compare(a.namespace, b.namespace) || collator.compare(a.name, b.name);

/** The pod network, then the NADs by project and name. */
export const networkRows = (
  nads: readonly InventoryNad[],
  defaultNetwork: string | undefined,
): NetworkRow[] => [
  {
    key: '',
    name: '',
    project: '',
    cniType: undefined,
    isPodNetwork: true,
    isDefault: defaultNetwork === undefined,
  },
  ...[...nads].sort(byProjectAndName).map((nad) => {
    const key = networkNameOf(nad);
    return {
      key,
      name: nad.name,
      project: nad.namespace,
      cniType: cniTypeOf(nad.object?.spec?.config),
      isPodNetwork: false,
      isDefault: key === defaultNetwork,
    };
  }),
];

/**
 * The networks the modal offers besides the pod network, `namespace/name` in order; a stored
 * network the inventory no longer lists stays offered, so that opening the modal does not change it.
 */
export const transferNetworkChoices = (
  nads: readonly InventoryNad[],
  current: string | undefined,
): string[] => {
  const names = [...nads].sort(byProjectAndName).map(networkNameOf);
  return current && !names.includes(current) ? [current, ...names] : names;
};
