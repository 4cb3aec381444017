// A migration engineer's plan is judged before it can start: a VM whose network the plan's map
// leaves unmapped makes the plan "Cannot start", naming the VM and the condition, and mapping that
// network on the plan's Mappings tab turns it Ready on the page the engineer has open.
import { CustomObjectsApi } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  NetworkMapModel,
  PlanModel,
  StorageMapModel,
  type K8sModel,
} from '@forklift-console/api';
import { adminKubeConfig, test, expect, type StandaloneApp } from './fixtures.ts';
import { createProjectWithVcenter } from './support/maps.ts';

const PROJECT = 'plan-checks';
const PROVIDER = 'checks-vcenter';
// The controller judges the plan once the provider's inventory is read.
const JUDGED = { timeout: 60_000 };

const providers = {
  source: { name: PROVIDER, namespace: PROJECT },
  destination: { name: 'host', namespace: 'openshift-mtv' },
};

const create = async (app: StandaloneApp, model: K8sModel, name: string, spec: object) => {
  await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .createNamespacedCustomObject({
      ...model,
      namespace: PROJECT,
      body: { apiVersion: FORKLIFT_API_VERSION, kind: model.kind, metadata: { name }, spec },
    });
};

test.beforeAll(async ({ app, vcsim }) => {
  await createProjectWithVcenter(app, vcsim, PROJECT, PROVIDER);
});

test('a VM whose network is not mapped keeps the plan from starting until the map has it', async ({
  page,
  app,
}) => {
  // vcsim's VMs are on the distributed port group; this map has only the standard one.
  await create(app, NetworkMapModel, 'partial-networks', {
    provider: providers,
    map: [{ source: { name: 'VM Network' }, destination: { type: 'pod' } }],
  });
  await create(app, StorageMapModel, 'all-storage', {
    provider: providers,
    map: [
      {
        source: { name: 'LocalDS_0' },
        destination: { storageClass: 'hostpath-csi', accessMode: 'ReadWriteOnce' },
      },
    ],
  });
  // Into demo, where the bridge NAD the fix maps onto is (Forklift wants a plan's NADs in its
  // target project or in default).
  await create(app, PlanModel, 'weekend-web', {
    provider: providers,
    targetNamespace: 'demo',
    map: {
      network: { name: 'partial-networks', namespace: PROJECT },
      storage: { name: 'all-storage', namespace: PROJECT },
    },
    vms: [{ name: 'DC0_H0_VM0' }],
  });

  await page.goto(`/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Plan/weekend-web`);
  await expect(page.getByTestId('plan-status')).toHaveText('Cannot start', JUDGED);
  const alert = page.getByTestId('plan-critical-alert');
  await expect(alert).toContainText('VMNetworksNotMapped');
  await expect(alert).toContainText('DC0_H0_VM0');

  await page.getByTestId('plan-tab-mappings').click();
  await page.getByTestId('plan-network-map-edit').click();
  const modal = page.getByTestId('plan-network-map-modal-modal');
  await modal.getByTestId('network-row-add').click();
  const added = modal.getByTestId('network-row-1');
  await added.getByTestId('network-row-source').selectOption({ label: 'DC0_DVPG0' });
  await added.getByTestId('network-row-target').selectOption('multus:demo/vm-bridge');
  await modal.getByTestId('plan-network-map-modal-save').click();
  await expect(modal).toBeHidden();

  // No reload: the controller re-judges the plan when its map changes, and the page follows.
  await expect(page.getByTestId('plan-status')).toHaveText('Ready to start', JUDGED);
  await expect(page.getByTestId('plan-critical-alert')).toHaveCount(0);
});
