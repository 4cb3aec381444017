// What the migrate and conversion sections run a plan in: a vcsim started for it and the standalone
// app as a child, with what a user would create before pressing Start — the vSphere provider and
// its Secret, the host provider, a storage class, the maps, the ForkliftController's in-flight
// limit. A plan is a raw copy left off unless it asks for guest conversion and power on.
import { setTimeout as sleep } from 'node:timers/promises';
import { CustomObjectsApi, KubernetesObjectApi } from '@kubernetes/client-node';
import { PlanModel, type Plan } from '@forklift-console/api';
import { createSoapClient } from '@forklift-console/vsphere';
import { retrieveInventory } from '../../apps/bff/src/inventory/vsphere/property-collector.ts';
import {
  createVsphereEstate,
  forkliftObject,
} from '../../apps/bff/src/test-support/vsphere-estate.ts';
import { startVcsim, type Vcsim, type VcsimModel } from '../vcsim.ts';
import { startAppProcess, type AppProcess } from './app-process.ts';

export const NAMESPACE = 'bench-migrate';
const POLL_MS = 250;

export type EstateVm = { id: string; name: string; host: string };
export type PlanStatus = NonNullable<Plan['status']>;

/** What a plan does besides copying: by default neither (the copy and the bookkeeping alone). */
export type PlanOptions = {
  /** virt-v2v converts the guest (reading the VM through libvirt's vpx driver). */
  guestConversion?: boolean;
  /** The migrated VM is started. */
  powerOn?: boolean;
  /** Where the VMs go (made if missing); by default the estate's own namespace. */
  targetNamespace?: string;
};

export type Estate = {
  app: AppProcess;
  /** vcsim's SDK endpoint and credentials, as the provider's Secret holds them. */
  vcsim: Pick<Vcsim, 'sdkUrl' | 'username' | 'password'>;
  vms: EstateVm[];
  /** The datastore's folder on this machine (vcsim's datastores are local folders). */
  datastoreDir: string;
  /** Creates a plan of these VMs, waits for Ready; the Migration is made by `run`. */
  createPlan(name: string, vms: EstateVm[], options?: PlanOptions): Promise<void>;
  /** Creates the plan's Migration and waits for the plan to succeed; the wall time in ms. */
  run(name: string, onStart?: () => void): Promise<{ elapsedMs: number; status: PlanStatus }>;
  stop(): Promise<void>;
};

/** VMs with their ESXi host, and the datastore's local folder, through the vim25 API. */
const describeVcsim = async (vcsim: Vcsim) => {
  const client = createSoapClient(vcsim.sdkUrl, { insecureSkipVerify: true });
  try {
    await client.login(vcsim.username, vcsim.password);
    const found = await retrieveInventory(client, [
      { type: 'VirtualMachine', paths: ['name', 'runtime.host'] },
      { type: 'Datastore', paths: ['name', 'summary.url'] },
      { type: 'Network', paths: ['name'] },
    ]);
    await client.logout();
    const ofType = (type: string) => found.filter((object) => object.ref.type === type);
    const vms = ofType('VirtualMachine').map((object) => ({
      id: object.ref.value,
      name: String(object.properties.name),
      host: (object.properties['runtime.host'] as { value: string }).value,
    }));
    const datastores = ofType('Datastore');
    if (datastores.length !== 1) throw new Error('the bench wants vcsim with one datastore');
    const datastore = datastores[0]!.properties;
    const networks = [
      ...new Set(
        [...ofType('Network'), ...ofType('DistributedVirtualPortgroup')].map((object) =>
          String(object.properties.name),
        ),
      ),
    ];
    return {
      vms,
      datastoreName: String(datastore.name),
      // A local datastore's URL is its folder's path.
      datastoreDir: String(datastore['summary.url']),
      networks,
    };
  } finally {
    await client.close();
  }
};

const holds = (status: PlanStatus | undefined, type: string) =>
  (status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

export const startEstate = async ({
  model,
  diskMiB,
  diskImages,
  maxInFlight,
}: {
  model: VcsimModel;
  diskMiB: number;
  diskImages?: Record<string, string>;
  maxInFlight: number;
}): Promise<Estate> => {
  const vcsim = await startVcsim({ ...model, 'disk-mib': diskMiB }, undefined, {
    tls: true,
    diskImages,
  });
  let app: AppProcess | undefined;
  try {
    const described = await describeVcsim(vcsim);
    app = await startAppProcess();
    const objects = KubernetesObjectApi.makeApiClient(app.kubeConfig);
    const custom = app.kubeConfig.makeApiClient(CustomObjectsApi);
    const estate = await createVsphereEstate(app.kubeConfig, vcsim, {
      namespace: NAMESPACE,
      storageClass: 'bench-disks',
      maxInFlight,
      networks: described.networks,
      datastore: described.datastoreName,
    });

    const plans = { ...PlanModel, namespace: NAMESPACE };
    const readStatus = async (name: string) =>
      ((await custom.getNamespacedCustomObject({ ...plans, name })) as Plan).status;
    const waitForPlan = async (
      name: string,
      done: (status: PlanStatus | undefined) => boolean,
      timeoutMs: number,
    ) => {
      const deadline = performance.now() + timeoutMs;
      let status: PlanStatus | undefined;
      while (performance.now() < deadline) {
        status = await readStatus(name);
        if (done(status)) return status!;
        await sleep(POLL_MS);
      }
      throw new Error(
        `plan ${name} did not get there in ${timeoutMs / 1000} s; its conditions: ${JSON.stringify(status?.conditions)}`,
      );
    };

    const started = app;
    return {
      app: started,
      vcsim: { sdkUrl: vcsim.sdkUrl, username: vcsim.username, password: vcsim.password },
      vms: described.vms,
      datastoreDir: described.datastoreDir,
      async createPlan(
        name,
        vms,
        { guestConversion = false, powerOn = false, targetNamespace = NAMESPACE } = {},
      ) {
        if (targetNamespace !== NAMESPACE) {
          await objects.create({
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name: targetNamespace },
          });
        }
        const spec = estate.planSpec(
          vms.map((vm) => ({ id: vm.id })),
          {
            skipGuestConversion: !guestConversion,
            targetPowerState: powerOn ? 'on' : 'off',
            targetNamespace,
          },
        );
        await objects.create(forkliftObject('Plan', name, NAMESPACE, spec));
        // The provider's connection test and inventory come first: minutes at most.
        await waitForPlan(name, (status) => holds(status, 'Ready'), 5 * 60_000);
      },
      async run(name, onStart) {
        const startedAt = performance.now();
        await objects.create(
          forkliftObject('Migration', `${name}-run`, NAMESPACE, {
            plan: { name, namespace: NAMESPACE },
            cancel: [],
          }),
        );
        onStart?.();
        const status = await waitForPlan(
          name,
          (current) => holds(current, 'Succeeded') || holds(current, 'Failed'),
          45 * 60_000,
        );
        const elapsedMs = performance.now() - startedAt;
        if (!holds(status, 'Succeeded')) {
          const failed = status.migration?.vms?.find((vm) => vm.error);
          throw new Error(
            `plan ${name} failed: ${failed ? `${failed.name ?? failed.id}: ${failed.error?.reasons?.join('; ')}` : JSON.stringify(status.conditions)}`,
          );
        }
        return { elapsedMs, status };
      },
      async stop() {
        await started.stop();
        await vcsim.stop();
      },
    };
  } catch (error) {
    await app?.stop();
    await vcsim.stop();
    throw error;
  }
};
