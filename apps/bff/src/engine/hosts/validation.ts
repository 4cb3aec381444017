// What a Host CR must satisfy (reference engine.md §1.8): a Ready vSphere provider, an ESXi host of
// its inventory, an IP address of one of that host's VMkernel adapters, and a Secret with
// credentials. Pure: the reconcile reads the objects, this says which conditions they earn.
import type { Host, Provider } from '@forklift-console/api';
import type { ListOptions, ProviderInventory } from '../../inventory/provider-inventory.ts';
import type { ConditionInput } from '../conditions.ts';
import type { ResolvedSecret } from '../secrets.ts';

/** The fields of a vSphere inventory host (reference inventory.md §1.4) that a Host is checked on. */
export type InventoryHost = {
  id: string;
  name: string;
  path?: string;
  status?: string;
  inMaintenance?: boolean;
  networkAdapters?: { name: string; ipAddress: string }[];
};

export type HostChecks = {
  conditions: ConditionInput[];
  /** The provider or its inventory is not ready yet, so the host reference could not be judged. */
  waitingForProvider: boolean;
};

const critical = (type: string, reason: string, message: string): ConditionInput => ({
  type,
  category: 'Critical',
  reason,
  message,
});

const HOST_LIST: ListOptions = { detail: 0 };

/** The inventory host the spec names, by id or else by name (or path). */
const findHost = (
  host: Host,
  inventory: ProviderInventory,
  providerName: string,
): { host: InventoryHost } | { condition: ConditionInput } => {
  const { id, name } = host.spec ?? {};
  if (id) {
    const found = inventory.get('hosts', id) as InventoryHost | undefined;
    return found
      ? { host: found }
      : {
          condition: critical(
            'RefNotValid',
            'NotFound',
            `Host ${id} is not in the inventory of provider ${providerName}.`,
          ),
        };
  }
  if (!name) {
    return { condition: critical('RefNotValid', 'NotSet', 'The host has no id or name.') };
  }
  const matches = ((inventory.list('hosts', HOST_LIST) ?? []) as InventoryHost[]).filter(
    (candidate) => candidate.name === name || candidate.path === name,
  );
  if (matches.length > 1) {
    return {
      condition: critical(
        'RefNotValid',
        'Ambiguous',
        `More than one host of provider ${providerName} is named ${name}; use its id.`,
      ),
    };
  }
  const match = matches[0] && (inventory.get('hosts', matches[0].id) as InventoryHost | undefined);
  return match
    ? { host: match }
    : {
        condition: critical(
          'RefNotValid',
          'NotFound',
          `There is no host named ${name} in the inventory of provider ${providerName}.`,
        ),
      };
};

const inventoryHostConditions = (host: Host, found: InventoryHost): ConditionInput[] => {
  const conditions: ConditionInput[] = [];
  const ipAddress = host.spec?.ipAddress;
  const addresses = (found.networkAdapters ?? []).map((adapter) => adapter.ipAddress);
  if (!ipAddress) {
    conditions.push(critical('IpNotValid', 'NotSet', 'The host has no IP address.'));
  } else if (!addresses.includes(ipAddress)) {
    conditions.push({
      ...critical(
        'IpNotValid',
        'NotValid',
        addresses.length > 0
          ? `${ipAddress} is not an address of a VMkernel adapter of host ${found.name} (${addresses.join(', ')}).`
          : `${ipAddress} is not an address of host ${found.name}, which reports no VMkernel adapter address.`,
      ),
      items: addresses,
    });
  }
  if (found.inMaintenance) {
    conditions.push(
      critical('InMaintenance', 'InMaintenanceMode', `Host ${found.name} is in maintenance mode.`),
    );
  }
  if (found.status === 'red') {
    conditions.push(critical('NotHealthy', 'Red', `vSphere reports host ${found.name} as red.`));
  } else if (found.status && found.status !== 'green') {
    conditions.push({
      type: 'HostStatusNotGreen',
      category: 'Warn',
      reason: found.status,
      message: `vSphere reports host ${found.name} as ${found.status}.`,
    });
  }
  return conditions;
};

const secretConditions = (secret: ResolvedSecret): ConditionInput[] => {
  if (secret.state === 'unset') {
    return [critical('SecretNotValid', 'NotSet', 'The host has no Secret.')];
  }
  if (secret.state === 'missing') {
    return [
      critical(
        'SecretNotValid',
        'NotFound',
        `Secret ${secret.namespace}/${secret.name} does not exist.`,
      ),
    ];
  }
  const missing = ['user', 'password'].filter((key) => !secret.data[key]);
  return missing.length > 0
    ? [
        {
          ...critical(
            'SecretNotValid',
            'DataErr',
            `Secret ${secret.namespace}/${secret.name} has no ${missing.join(' and ')}.`,
          ),
          items: missing,
        },
      ]
    : [];
};

export const checkHost = ({
  host,
  providerName,
  provider,
  inventory,
  secret,
}: {
  host: Host;
  /** namespace/name of the referenced provider; empty when the spec names none. */
  providerName: string;
  provider: Provider | undefined;
  inventory: ProviderInventory | undefined;
  secret: ResolvedSecret;
}): HostChecks => {
  const conditions = secretConditions(secret);
  const done = (waitingForProvider = false): HostChecks => ({ conditions, waitingForProvider });
  if (!providerName) {
    conditions.push(critical('ProviderNotValid', 'NotSet', 'The host names no provider.'));
    return done();
  }
  if (!provider) {
    conditions.push(
      critical('ProviderNotValid', 'NotFound', `Provider ${providerName} does not exist.`),
    );
    return done();
  }
  if (provider.spec?.type !== 'vsphere') {
    conditions.push(
      critical(
        'TypeNotValid',
        'NotSupported',
        `Provider ${providerName} is of type ${provider.spec?.type}; hosts are for vSphere providers only.`,
      ),
    );
    return done();
  }
  const providerReady = provider.status?.conditions?.some(
    (condition) => condition.type === 'Ready' && condition.status === 'True',
  );
  if (!providerReady) {
    conditions.push(
      critical('ProviderNotReady', 'NotReady', `Provider ${providerName} is not ready.`),
    );
    return done(true);
  }
  if (!inventory?.hasParity()) {
    // Until the inventory is in, an unknown host id proves nothing.
    conditions.push(
      critical(
        'ProviderNotReady',
        'InventoryNotReady',
        `The inventory of provider ${providerName} is not loaded yet.`,
      ),
    );
    return done(true);
  }
  const found = findHost(host, inventory, providerName);
  if ('condition' in found) conditions.push(found.condition);
  else conditions.push(...inventoryHostConditions(host, found.host));
  return done();
};
