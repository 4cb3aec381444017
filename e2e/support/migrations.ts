// Undoing a migration story's effects on the worker's shared app, so that later stories find the
// vcsim VMs as the seed left them: running, and with no migrated copy (whose MACs a plan of the
// same VMs would otherwise conflict with).
import { CustomObjectsApi } from '@kubernetes/client-node';
import type { Vcsim } from '../../scripts/vcsim.ts';
import { adminKubeConfig, type StandaloneApp } from '../fixtures.ts';
import { powerOnVm } from './vcsim-actions.ts';

const VIRTUAL_MACHINES = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines' };

/** Deletes the project's VirtualMachines (their claims go with them, as their owner). */
export const deleteMigratedVms = async (app: StandaloneApp, project: string): Promise<void> => {
  const custom = adminKubeConfig(app).makeApiClient(CustomObjectsApi);
  const { items } = (await custom.listNamespacedCustomObject({
    ...VIRTUAL_MACHINES,
    namespace: project,
  })) as { items: { metadata: { name: string } }[] };
  for (const vm of items) {
    await custom.deleteNamespacedCustomObject({
      ...VIRTUAL_MACHINES,
      namespace: project,
      name: vm.metadata.name,
    });
  }
};

/** Powers the source VMs on again (a migration leaves them off). */
export const powerOnVms = async (vcsim: Vcsim, names: readonly string[]): Promise<void> => {
  for (const name of names) await powerOnVm(vcsim, name);
};
