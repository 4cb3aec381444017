// A migration engineer with a weekend's migrations finds what needs attention: from the plans list
// "View failed VMs" opens the plan's Virtual machines tab with only the failed VMs (a reload keeps
// the filter), filters by state and name, finds Cancel selected off while no migration runs, and
// reads each plan's status on its Details tab as the list shows it. The migrations' statuses are
// written here as Forklift's engine writes them (reference engine.md §1.5); no migration runs.
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, PlanModel } from '@forklift-console/api';
import {
  CANCELED_VM,
  COPYING_VM,
  EXECUTING_PLAN_STATUS,
  FAILED_VM,
  PENDING_VM,
  SUCCEEDED_VM,
} from '@forklift-console/api/migration-fixtures';
import { adminKubeConfig, expect, test, type StandaloneApp } from './fixtures.ts';
import { holdPlanStatus, releasePlanStatuses } from './support/plans.ts';

const PROJECT = 'plan-views';
const LIST = `/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Plan`;
const ALL_VMS = [COPYING_VM, FAILED_VM, CANCELED_VM, PENDING_VM, SUCCEEDED_VM];

const custom = (app: StandaloneApp) => adminKubeConfig(app).makeApiClient(CustomObjectsApi);

/** A plan of `vms` whose source provider does not exist: the plan controller judges it Cannot start. */
const createPlan = async (
  app: StandaloneApp,
  name: string,
  vms: readonly { id?: string; name?: string }[],
) => {
  await custom(app).createNamespacedCustomObject({
    ...PlanModel,
    namespace: PROJECT,
    body: {
      apiVersion: FORKLIFT_API_VERSION,
      kind: PlanModel.kind,
      metadata: { name },
      spec: {
        provider: {
          source: { name: 'vcenter', namespace: PROJECT },
          destination: { name: 'host', namespace: 'openshift-mtv' },
        },
        targetNamespace: PROJECT,
        map: { network: { name: 'n' }, storage: { name: 's' } },
        vms: vms.map(({ id, name: vmName }) => ({ id, name: vmName })),
      },
    },
  });
};

test.afterEach(releasePlanStatuses);

const WEB_STATUS = {
  conditions: EXECUTING_PLAN_STATUS.conditions,
  migration: { started: COPYING_VM.started, vms: [COPYING_VM, PENDING_VM] },
};

test.beforeAll(async ({ app }) => {
  await adminKubeConfig(app)
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name: PROJECT } } });
  await createPlan(app, 'weekend-db', ALL_VMS);
  await createPlan(app, 'weekend-web', [COPYING_VM, PENDING_VM]);
  await createPlan(app, 'weekend-mail', [SUCCEEDED_VM]);
});

test('“View failed VMs” opens the Virtual machines tab with the Failed filter, which a reload keeps', async ({
  page,
  app,
}) => {
  await holdPlanStatus(app, PROJECT, 'weekend-db', EXECUTING_PLAN_STATUS);
  await page.goto(LIST);
  const row = page.getByTestId('plan-row-weekend-db');
  // Executing with a failed VM: Incomplete, as Forklift's list says, not Starting.
  await expect(row.getByTestId('plan-status')).toHaveText('Incomplete');
  await row.getByTestId('plan-vm-state-Failed').click();
  await expect(page.getByRole('dialog')).toContainText('1 VMs migration failed');
  await page.getByTestId('plan-vm-state-link-Failed').click();

  await expect(page).toHaveURL(/\/weekend-db\/vms\?status=Failed$/);
  const table = page.getByTestId('migration-vms-table');
  await expect(page.getByTestId('vm-status-filter-Failed').getByRole('button')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(table.locator('[data-testid^="migration-vm-row-"]')).toHaveCount(1);
  await expect(page.getByTestId('migration-vm-row-vm-102')).toBeVisible();

  await page.reload();
  await expect(table.locator('[data-testid^="migration-vm-row-"]')).toHaveCount(1);
  await expect(page.getByTestId('migration-vm-row-vm-102')).toBeVisible();

  // The details header links to the same view.
  await page.getByTestId('vm-status-filter-All').getByRole('button').click();
  await expect(page).not.toHaveURL(/status=/);
  await page.getByTestId('plan-header-failed-vms').click();
  await expect(page).toHaveURL(/\/weekend-db\/vms\?status=Failed$/);
});

test('the VMs filter by state, with a count for each, and by name; each toggle is named after its VM', async ({
  page,
  app,
}) => {
  await holdPlanStatus(app, PROJECT, 'weekend-db', EXECUTING_PLAN_STATUS);
  await page.goto(`${LIST}/weekend-db/vms`);
  const rows = page
    .getByTestId('migration-vms-table')
    .locator('[data-testid^="migration-vm-row-"]');
  await expect(rows).toHaveCount(5);
  for (const [state, count] of [
    ['All', 5],
    ['Running', 1],
    ['Pending', 1],
    ['Succeeded', 1],
    ['Failed', 1],
    ['Canceled', 1],
  ] as const) {
    await expect(page.getByTestId(`vm-status-filter-${state}`)).toContainText(`(${count})`);
  }
  await page.getByTestId('vm-status-filter-Canceled').getByRole('button').click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('migration-vm-row-vm-103')).toBeVisible();
  await expect(page).toHaveURL(/status=Canceled/);

  await page.getByTestId('vm-status-filter-All').getByRole('button').click();
  await page.getByTestId('migration-vms-name-filter').getByRole('textbox').fill('WEB');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('vm-status-filter-All')).toContainText('(1)');
  await expect(page.getByTestId('vm-status-filter-Failed')).toContainText('(0)');
  await expect(page).toHaveURL(/name=WEB/);
  await page.getByTestId('vm-status-filter-Failed').getByRole('button').click();
  await expect(page.getByTestId('migration-vms-no-match')).toBeVisible();
  await page.getByTestId('migration-vms-no-match').getByRole('button').click();
  await expect(rows).toHaveCount(5);

  // One toggle per VM, found by its VM's name; ids of this table's own, none of them repeated.
  await page.getByRole('button', { name: 'Details of db-01', exact: true }).click();
  await expect(page.getByTestId('vm-error-vm-102')).toBeVisible();
  const ids = await page
    .locator('[id^="migration-vm-expand-"]')
    .evaluateAll((toggles) => toggles.map((toggle) => toggle.id));
  expect(ids).toHaveLength(5);
  expect(new Set(ids).size).toBe(5);
  const expandIds = await page
    .locator('[id*="expand"]')
    .evaluateAll((elements) => elements.map((element) => element.id));
  expect(expandIds.filter((id, index) => expandIds.indexOf(id) !== index)).toEqual([]);
});

// Selecting and canceling while a migration really runs is a story of its own, in
// plan-migration-failures.spec.ts (a VM waits for the in-flight limit while another converts).
test('Cancel selected is off until a migration of the plan runs, and a finished VM cannot be selected', async ({
  page,
  app,
}) => {
  await holdPlanStatus(app, PROJECT, 'weekend-db', EXECUTING_PLAN_STATUS);
  await page.goto(`${LIST}/weekend-db/vms`);
  const cancelSelected = page.getByTestId('cancel-selected-vms');
  await expect(cancelSelected).toHaveAttribute('aria-disabled', 'true');
  await cancelSelected.hover();
  await expect(page.getByRole('tooltip')).toContainText(
    'VMs can be canceled only while a migration of this plan is running.',
  );
  await expect(page.getByTestId('migration-vm-select-vm-105').getByRole('checkbox')).toBeDisabled();
  await expect(page.getByTestId('migration-vm-select-vm-101').getByRole('checkbox')).toBeEnabled();
});

test('the Details tab shows the plan’s status as the list does: its percent, or why it cannot start', async ({
  page,
  app,
}) => {
  await holdPlanStatus(app, PROJECT, 'weekend-web', WEB_STATUS);
  await page.goto(`${LIST}/weekend-web`);
  const status = page.getByTestId('plan-detail-status');
  await expect(status.getByTestId('plan-progress')).toHaveText('35%');
  await expect(status.getByTestId('plan-vm-state-Running')).toHaveText('1');
  await expect(status.getByTestId('plan-vm-state-Pending')).toHaveText('1');

  // The plan controller's own verdict on a plan whose source provider does not exist.
  const missingSource = `The source provider ${PROJECT}/vcenter does not exist.`;
  await page.goto(`${LIST}/weekend-mail`);
  await expect(status.getByTestId('plan-detail-status-label')).toHaveText('Cannot start');
  await expect(status.getByTestId('plan-cannot-start-reason')).toContainText(missingSource);
  await page.goto(LIST);
  await expect(
    page.getByTestId('plan-row-weekend-mail').getByTestId('plan-cannot-start-reason'),
  ).toContainText(missingSource);
});
