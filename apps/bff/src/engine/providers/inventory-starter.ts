// Starts the inventory of a Provider whose connection test passed: vSphere's collector, the scan
// of an OVA provider's share folder, or the watches of an OpenShift cluster (the host one with the
// BFF's own credentials, a remote one with the provider's token).
import type { KubeConfig } from '@kubernetes/client-node';
import type { Provider } from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import { createVsphereInventory } from '../../inventory/vsphere/vsphere-inventory.ts';
import { createOvaInventory } from '../../inventory/ova/ova-inventory.ts';
import { createOpenshiftInventory } from '../../inventory/openshift/openshift-inventory.ts';
import { localShareDir } from '../../inventory/ova/share.ts';
import { kubeConfigForRemoteCluster, remoteClusterOf } from '../../kube/remote-cluster.ts';
import type { Logger } from '../../logging.ts';
import { isHostProvider } from './validation.ts';
import { vsphereConnectionOf } from './vsphere-connection.ts';

export type InventoryStarterContext = {
  /** The local folder under which OVA providers' NFS shares are found (config ovaShareRoot). */
  ovaShareRoot: string;
  /** The BFF's own access to the cluster it runs on: the host provider's inventory reads with it. */
  kubeConfig: KubeConfig;
  logger: Logger;
};

export type InventoryStarter = (
  provider: Provider,
  secretData: Record<string, string>,
  context: InventoryStarterContext,
) => ProviderInventory;

export const startProviderInventory: InventoryStarter = (provider, secretData, context) => {
  const providerUid = provider.metadata?.uid ?? '';
  const logger = context.logger.child({ inventory: providerUid });
  switch (provider.spec?.type) {
    case 'ova':
      return createOvaInventory({
        providerUid,
        shareDir: localShareDir(provider.spec.url ?? '', context.ovaShareRoot),
      });
    case 'openshift':
      return isHostProvider(provider)
        ? createOpenshiftInventory({
            providerUid,
            kubeConfig: context.kubeConfig,
            callerScoped: true,
            logger,
          })
        : createOpenshiftInventory({
            providerUid,
            kubeConfig: kubeConfigForRemoteCluster(
              remoteClusterOf(provider.spec.url ?? '', secretData),
            ),
            callerScoped: false,
            logger,
          });
    case 'vsphere': {
      const { sdkUrl, username, password, tls } = vsphereConnectionOf(provider, secretData);
      return createVsphereInventory({ providerUid, sdkUrl, username, password, tls });
    }
    default:
      throw new Error(`No inventory for ${provider.spec?.type} providers`);
  }
};
