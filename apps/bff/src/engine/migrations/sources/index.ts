// The source side of a migration, by provider type: the VM read from the provider's inventory,
// its power asked of and driven on the source itself (vCenter, the VM's cluster; an OVA has none).
import type { KubeConfig, V1Secret } from '@kubernetes/client-node';
import { isHostProvider, type Provider } from '@forklift-console/api';
import type { ProviderInventory } from '../../../inventory/provider-inventory.ts';
import { kubeConfigForRemoteCluster, remoteClusterOf } from '../../../kube/remote-cluster.ts';
import type { Logger } from '../../../logging.ts';
import { decodeSecretData } from '../../secrets.ts';
import { vsphereConnectionOf } from '../../providers/vsphere-connection.ts';
import { createOpenshiftPower } from './openshift-power.ts';
import { readSourceVm } from './read-vm.ts';
import type { SourceAdapter, SourcePower } from './source-adapter.ts';
import { createVspherePower } from './vsphere-power.ts';

export type { SourceAdapter, SourceVmRef } from './source-adapter.ts';

export type SourceAdapterContext = {
  provider: Provider;
  /** The provider's Secret as read from the cluster; its values never leave this adapter. */
  secret: V1Secret | undefined;
  inventory: ProviderInventory;
  /** The engine's own access to the cluster it runs on (the host provider's cluster). */
  kubeConfig: KubeConfig;
  logger: Logger;
};

/** An OVA is a file: always off, and there is nothing to power. */
const OVA_POWER: SourcePower = {
  powerState: async () => 'Off',
  powerOff: async () => {},
  powerOn: async () => {},
  close: async () => {},
};

/** Power that fails with the reason it cannot be driven, for a provider it cannot reach. */
const unreachable = (why: string): SourcePower => {
  const fail = async (): Promise<never> => {
    throw new Error(why);
  };
  return { powerState: fail, powerOff: fail, powerOn: fail, close: async () => {} };
};

const providerLabel = (provider: Provider) =>
  `${provider.metadata?.namespace ?? ''}/${provider.metadata?.name ?? ''}`;

const powerFor = ({ provider, secret, kubeConfig, logger }: SourceAdapterContext): SourcePower => {
  const type = provider.spec?.type;
  if (type === 'ova') return OVA_POWER;
  if (type === 'openshift' && isHostProvider(provider.spec)) {
    return createOpenshiftPower(kubeConfig, logger);
  }
  if (type !== 'vsphere' && type !== 'openshift') {
    return unreachable(`Migrating from ${type ?? 'untyped'} providers is not supported.`);
  }
  if (!secret) {
    return unreachable(`The provider ${providerLabel(provider)} has no Secret to connect with.`);
  }
  const secretData = decodeSecretData(secret);
  if (type === 'openshift') {
    return createOpenshiftPower(
      kubeConfigForRemoteCluster(remoteClusterOf(provider.spec?.url ?? '', secretData)),
      logger,
    );
  }
  const connection = vsphereConnectionOf(provider, secretData);
  // The certificate the connection test saw and recorded is the one to trust from here on.
  const fingerprint = provider.status?.fingerprint;
  return createVspherePower(
    fingerprint
      ? { ...connection, tls: { ...connection.tls, thumbprint: fingerprint } }
      : connection,
    logger,
  );
};

export const sourceAdapterFor = (context: SourceAdapterContext): SourceAdapter => {
  const logger = context.logger.child({ sourceProvider: providerLabel(context.provider) });
  const power = powerFor({ ...context, logger });
  return {
    readVm: (ref) => readSourceVm(context.inventory, ref),
    ...power,
  };
};
