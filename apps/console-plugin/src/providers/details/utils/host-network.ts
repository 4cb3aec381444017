// The ESXi hosts tab as plain data: which network a host transfers disks over (its Host CR's IP,
// else vCenter's default), the networks a group of hosts share, and a Host CR's state.
import type { Host, NetworkAdapter } from '@forklift-console/api';
import { criticalCondition, isReady } from './provider-conditions.ts';

export type InventoryHost = {
  id: string;
  name: string;
  inMaintenance?: boolean;
  networkAdapters?: NetworkAdapter[] | null;
};

const ipv4Octets = (address: string): number[] | undefined => {
  const octets = address.split('.').map(Number);
  return octets.length === 4 && octets.every((o) => Number.isInteger(o) && o >= 0 && o <= 255)
    ? octets
    : undefined;
};

/** 255.255.255.0 → 24; undefined for a mask that is not a contiguous IPv4 mask. */
export const prefixLength = (subnetMask: string): number | undefined => {
  const octets = ipv4Octets(subnetMask);
  if (!octets) return undefined;
  const bits = octets.map((octet) => octet.toString(2).padStart(8, '0')).join('');
  if (!/^1*0*$/.test(bits)) return undefined;
  return bits.replace(/0+$/, '').length;
};

/** The network an address is on, `192.0.2.0/24`; undefined without a usable IPv4 mask. */
export const networkCidr = (ipAddress: string, subnetMask: string): string | undefined => {
  const ip = ipv4Octets(ipAddress);
  const mask = ipv4Octets(subnetMask);
  const prefix = prefixLength(subnetMask);
  if (!ip || !mask || prefix === undefined) return undefined;
  return `${ip.map((octet, index) => octet & mask[index]!).join('.')}/${prefix}`;
};

/** `Management Network - 192.0.2.21/24`, the adapter with the host's own address. */
export const adapterLabel = ({ name, ipAddress, subnetMask }: NetworkAdapter): string => {
  const prefix = prefixLength(subnetMask);
  return `${name} - ${ipAddress}${prefix === undefined ? '' : `/${prefix}`}`;
};

export type HostResource = Pick<Host, 'metadata' | 'spec' | 'status'>;

/** The Host CR that sets this host's migration network for this provider, if any. */
export const hostResourceFor = (
  hostResources: readonly HostResource[],
  provider: { namespace: string; name: string },
  hostId: string,
): HostResource | undefined =>
  hostResources.find(
    (resource) =>
      resource.spec?.id === hostId &&
      resource.spec.provider.name === provider.name &&
      (resource.spec.provider.namespace || resource.metadata?.namespace) === provider.namespace,
  );

/** The adapter a Host CR chose: the one holding its IP. Undefined: vCenter's default network. */
export const transferAdapter = (
  host: InventoryHost,
  resource: HostResource | undefined,
): NetworkAdapter | undefined =>
  resource?.spec?.ipAddress
    ? host.networkAdapters?.find((adapter) => adapter.ipAddress === resource.spec?.ipAddress)
    : undefined;

export type HostResourceState =
  { state: 'ready' } | { state: 'failed'; message: string } | { state: 'pending' };

/** Ready, the first critical condition's message, or pending while Forklift has not validated. */
export const hostResourceState = (resource: HostResource): HostResourceState => {
  const conditions = resource.status?.conditions;
  const failing = criticalCondition(conditions);
  if (failing) return { state: 'failed', message: failing.message || failing.type };
  return isReady(conditions) ? { state: 'ready' } : { state: 'pending' };
};

/** A network the selected hosts share: same adapter name on the same subnet. */
export type SharedNetwork = {
  key: string;
  name: string;
  cidr: string;
  /** The slowest link and smallest MTU among the hosts: what a transfer can count on. */
  linkSpeed: number;
  mtu: number;
};

const networkKey = (adapter: NetworkAdapter) =>
  `${adapter.name}|${networkCidr(adapter.ipAddress, adapter.subnetMask) ?? adapter.ipAddress}`;

/** The networks every one of `hosts` has an adapter on, in the first host's adapter order. */
export const sharedNetworks = (hosts: readonly InventoryHost[]): SharedNetwork[] => {
  const [first, ...others] = hosts;
  if (!first) return [];
  const networks: SharedNetwork[] = [];
  for (const adapter of first.networkAdapters ?? []) {
    const key = networkKey(adapter);
    if (networks.some((network) => network.key === key)) continue;
    const matches = others.map((host) =>
      host.networkAdapters?.find((candidate) => networkKey(candidate) === key),
    );
    if (matches.some((match) => !match)) continue;
    const all = [adapter, ...(matches as NetworkAdapter[])];
    networks.push({
      key,
      name: adapter.name,
      cidr: networkCidr(adapter.ipAddress, adapter.subnetMask) ?? adapter.ipAddress,
      linkSpeed: Math.min(...all.map((a) => a.linkSpeed)),
      mtu: Math.min(...all.map((a) => a.mtu)),
    });
  }
  return networks;
};

/** Each host with its own address on the chosen network, as the hosts route takes them. */
export const hostChoices = (
  hosts: readonly InventoryHost[],
  network: SharedNetwork,
): { id: string; name: string; ipAddress: string }[] =>
  hosts.flatMap((host) => {
    const adapter = host.networkAdapters?.find(
      (candidate) => networkKey(candidate) === network.key,
    );
    return adapter ? [{ id: host.id, name: host.name, ipAddress: adapter.ipAddress }] : [];
  });

/** Only hosts with adapters can be given a migration network. */
export const isSelectableHost = (host: InventoryHost): boolean =>
  (host.networkAdapters?.length ?? 0) > 0;
