// Undoing a migration story's effects on the worker's shared app, so that later stories find the
// vcsim VMs as the seed left them: running, and with no migrated copy (whose MACs a plan of the
// same VMs would otherwise conflict with).
import { CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import type { Vcsim } from '../../scripts/vcsim.ts';
import { adminKubeConfig, type StandaloneApp } from '../fixtures.ts';
import { powerOnVm } from './vcsim-actions.ts';

const VIRTUAL_MACHINES = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines' };
const INSTANCES = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances' };
const GONE = 90_000;

/**
 * Deletes the project's VirtualMachines (their claims go with them, as their owner) and waits until
 * they are gone. Their guests ignore the ACPI power button, so each instance is first given no
 * grace period: otherwise KubeVirt's default waits 180 s, holding the MACs meanwhile.
 */
export const deleteMigratedVms = async (app: StandaloneApp, project: string): Promise<void> => {
  const custom = adminKubeConfig(app).makeApiClient(CustomObjectsApi);
  const list = async () =>
    (
      (await custom.listNamespacedCustomObject({ ...VIRTUAL_MACHINES, namespace: project })) as {
        items: { metadata: { name: string } }[];
      }
    ).items;
  for (const vm of await list()) {
    const name = vm.metadata.name;
    await custom
      .patchNamespacedCustomObject(
        {
          ...INSTANCES,
          namespace: project,
          name,
          body: { spec: { terminationGracePeriodSeconds: 0 } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      )
      .catch(() => undefined);
    await custom.deleteNamespacedCustomObject({ ...VIRTUAL_MACHINES, namespace: project, name });
  }
  const deadline = Date.now() + GONE;
  while ((await list()).length > 0) {
    if (Date.now() > deadline) throw new Error(`the VirtualMachines of ${project} are not gone`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
};

/** Powers the source VMs on again (a migration leaves them off). */
export const powerOnVms = async (vcsim: Vcsim, names: readonly string[]): Promise<void> => {
  for (const name of names) await powerOnVm(vcsim, name);
};
