// A migration engineer starts a Ready plan from the plans list and cancels its VM from the details
// page. The migration engine that runs Migrations is another part: these stories end where it
// takes over (the Migration exists, its cancel list holds the VM), and the page says it waits.
import { CustomObjectsApi } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  MigrationModel,
  NetworkMapModel,
  PlanModel,
  StorageMapModel,
  type K8sModel,
  type Migration,
} from '@forklift-console/api';
import { adminKubeConfig, test, expect, type StandaloneApp } from './fixtures.ts';
import { createProjectWithVcenter } from './support/maps.ts';

const PROJECT = 'plan-runs';
const PROVIDER = 'runs-vcenter';
const PLAN = 'friday-web';
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

const migrationsOfPlan = async (app: StandaloneApp): Promise<Migration[]> =>
  (
    (await adminKubeConfig(app)
      .makeApiClient(CustomObjectsApi)
      .listNamespacedCustomObject({ ...MigrationModel, namespace: PROJECT })) as {
      items: Migration[];
    }
  ).items.filter((migration) => migration.spec?.plan.name === PLAN);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ app, vcsim }) => {
  await createProjectWithVcenter(app, vcsim, PROJECT, PROVIDER);
  await create(app, NetworkMapModel, `${PLAN}-networks`, {
    provider: providers,
    map: [
      { source: { name: 'VM Network' }, destination: { type: 'pod' } },
      {
        source: { name: 'DC0_DVPG0' },
        destination: { type: 'multus', namespace: 'demo', name: 'vm-bridge' },
      },
    ],
  });
  await create(app, StorageMapModel, `${PLAN}-storage`, {
    provider: providers,
    map: [
      {
        source: { name: 'LocalDS_0' },
        destination: { storageClass: 'hostpath-csi', accessMode: 'ReadWriteOnce' },
      },
    ],
  });
  await create(app, PlanModel, PLAN, {
    provider: providers,
    targetNamespace: 'demo',
    map: {
      network: { name: `${PLAN}-networks`, namespace: PROJECT },
      storage: { name: `${PLAN}-storage`, namespace: PROJECT },
    },
    vms: [{ name: 'DC0_H0_VM0' }],
  });
});

test('Start on a Ready plan’s row asks first, creates its Migration, and the plan says it starts', async ({
  page,
  app,
}) => {
  await page.goto(`/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Plan`);
  const row = page.getByTestId(`plan-row-${PLAN}`);
  await row.getByTestId(`plan-start-${PLAN}`).click({ timeout: JUDGED.timeout });

  const modal = page.getByTestId('start-plan-modal');
  await expect(modal).toContainText(`Start the cold migration for plan ${PLAN}?`);
  await expect(modal.getByTestId('start-plan-message')).toContainText('shut down');
  await modal.getByTestId('confirm-start-plan').click();
  await expect(modal).toBeHidden();

  await expect(row.getByTestId('plan-starting')).toHaveText('Starting');
  await expect(row.getByTestId(`plan-start-${PLAN}`)).toHaveCount(0);
  const [migration, ...others] = await migrationsOfPlan(app);
  expect(others).toHaveLength(0);
  expect(migration?.metadata?.ownerReferences?.[0]?.name).toBe(PLAN);
  expect(migration?.spec?.cancel).toEqual([]);

  // The kebab's Start says why it is off now.
  await row.getByTestId(`plan-actions-${PLAN}`).click();
  await expect(page.getByTestId('plan-action-start')).toContainText(
    'A migration of this plan is already running',
  );
  await page.keyboard.press('Escape');

  await row.getByRole('link', { name: PLAN }).click();
  await expect(page.getByTestId('plan-migration-started')).toContainText(
    migration?.metadata?.name ?? '',
  );
  await expect(page.getByTestId(`plan-start-${PLAN}`)).toHaveCount(0);
});

test('Cancel migration offers the plan’s VM, chosen, and puts it on the Migration’s cancel list', async ({
  page,
  app,
}) => {
  await page.goto(`/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Plan/${PLAN}`);
  await page.getByTestId('plan-cancel-migration').click();
  const modal = page.getByTestId('cancel-migration-modal');
  const vm = modal.locator('input[data-testid^="cancel-vm-"]');
  await expect(vm).toHaveCount(1);
  await expect(vm).toBeChecked();
  await expect(modal).toContainText('DC0_H0_VM0');

  // Unticked, nothing is left to cancel; ticked again, the VM goes.
  await vm.uncheck();
  await expect(modal.getByTestId('confirm-cancel-migration')).toBeDisabled();
  await vm.check();
  const vmId = (await vm.getAttribute('data-testid'))?.replace('cancel-vm-', '');
  expect(vmId).toMatch(/^vm-/);
  await modal.getByTestId('confirm-cancel-migration').click();
  await expect(modal).toBeHidden();

  await expect
    .poll(async () => (await migrationsOfPlan(app))[0]?.spec?.cancel)
    .toEqual([{ id: vmId }]);
});
