// A migration engineer migrates two appliances from an OVA share, one at a time (the in-flight
// limit set to 1). The second waits and says why, and is canceled from its row; the first holds a
// blank disk, so virt-v2v fails fast and says so in the VM's error and in its conversion pod's log.
// Restart runs the failed and canceled VMs again, and the one waiting is canceled from a selection
// ("Cancel selected"); Archive then ends the plan. virt-v2v really runs (under emulation, about a
// minute a VM), in the standalone app's embedded cluster.
import path from 'node:path';
import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  ForkliftControllerModel,
  MigrationModel,
  PlanModel,
  ProviderModel,
  type ForkliftController,
  type Plan,
} from '@forklift-console/api';
import { makeSampleOva } from '../scripts/sample-ova.ts';
import type { Page } from '@playwright/test';
import { adminKubeConfig, test, expect, type StandaloneApp } from './fixtures.ts';
import { copiedEarlier, shareDirOf } from './support/ova-share.ts';
import { fillGeneral, selectByQuery, throughMapsToReview } from './support/wizard.ts';

const PROJECT = 'appliance-run';
const PLACE = { project: PROJECT, provider: 'appliances' };
const PLAN = 'two-appliances';
const SHARE = 'nfs.lab:/exports/run';
const FAILED = 'blank-one';
const WAITING = 'blank-two';
// virt-v2v boots its appliance under emulation before it finds no guest.
const CONVERTED = { timeout: 300_000 };
const INSPECTION_ERROR = 'inspection could not detect the source guest';

const controller = {
  ...ForkliftControllerModel,
  namespace: 'openshift-mtv',
  name: 'forklift-controller',
};
let inflightBefore: unknown;

const setMaxInflight = async (app: StandaloneApp, value: unknown) => {
  await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .patchNamespacedCustomObject(
      { ...controller, body: { spec: { controller_max_vm_inflight: value ?? null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
};

const readPlan = async (app: StandaloneApp) =>
  (await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .getNamespacedCustomObject({ ...PlanModel, namespace: PROJECT, name: PLAN })) as Plan;

const vmIdOf = async (app: StandaloneApp, name: string) =>
  (await readPlan(app)).status?.migration?.vms?.find((vm) => vm.name === name)?.id ?? '';

/** A VM's row of the migration table, found by its id once the migration lists it. */
const vmRow = async (page: Page, app: StandaloneApp, name: string) => {
  await expect.poll(() => vmIdOf(app, name), CONVERTED).not.toBe('');
  const id = await vmIdOf(app, name);
  const row = page.getByTestId(`migration-vm-row-${id}`);
  return {
    id,
    row,
    state: row.getByTestId('migration-vm-state'),
    toggle: row.locator('td button').first(),
  };
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ app }) => {
  const kubeConfig = adminKubeConfig(app);
  await kubeConfig
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name: PROJECT } } });
  const share = shareDirOf(app, SHARE);
  await copiedEarlier(
    ...(await Promise.all(
      [FAILED, WAITING].map((name) =>
        makeSampleOva({ directory: path.join(share, name), name, osType: 'rhel9_64Guest' }),
      ),
    )),
  );
  await kubeConfig.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    ...ProviderModel,
    namespace: PROJECT,
    body: {
      apiVersion: FORKLIFT_API_VERSION,
      kind: ProviderModel.kind,
      metadata: { name: PLACE.provider },
      spec: { type: 'ova', url: SHARE, secret: {} },
    },
  });
  const current = (await kubeConfig
    .makeApiClient(CustomObjectsApi)
    .getNamespacedCustomObject(controller)) as ForkliftController;
  inflightBefore = current.spec?.controller_max_vm_inflight;
  await setMaxInflight(app, 1);
});

test.afterAll(async ({ app }) => {
  await setMaxInflight(app, inflightBefore);
});

test('one VM waits for the in-flight limit and is canceled; the other fails with virt-v2v’s reason', async ({
  page,
  app,
}) => {
  test.setTimeout(480_000);
  await fillGeneral(page, PLACE, PLAN);
  await page.getByTestId('wizard-next').click();
  await selectByQuery(page, "where name ~= '^blank-'", 2);
  await throughMapsToReview(page, { typeStep: false });
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('plan-status')).toHaveText('Ready to start', CONVERTED);

  await page.getByTestId(`plan-start-${PLAN}`).click();
  await page.getByTestId('start-plan-modal').getByTestId('confirm-start-plan').click();
  await page.getByTestId('plan-tab-vms').click();
  const waiting = await vmRow(page, app, WAITING);
  await expect(waiting.state).toHaveText('Pending', CONVERTED);
  await waiting.toggle.click();
  await expect(page.getByTestId(`vm-pending-${waiting.id}`)).toContainText(
    'in-flight limit reached (max 1)',
  );

  await page.getByTestId(`cancel-vm-action-${waiting.id}`).click();
  const cancel = page.getByTestId('cancel-migration-modal');
  await expect(cancel.getByTestId(`cancel-vm-${waiting.id}`)).toBeChecked();
  await cancel.getByTestId('confirm-cancel-migration').click();
  await expect(cancel).toBeHidden();
  await expect(waiting.state).toHaveText('Canceled', CONVERTED);

  // The blank disk: virt-v2v finds no guest, and the VM says so in virt-v2v's own words.
  const failed = await vmRow(page, app, FAILED);
  const failedId = failed.id;
  await expect(failed.state).toHaveText('Failed', CONVERTED);
  await failed.toggle.click();
  await expect(page.getByTestId(`vm-error-${failedId}`)).toContainText(INSPECTION_ERROR);
  const resources = page.getByTestId(`migration-resources-${failedId}`);
  await resources.getByRole('button').first().click();
  await resources.getByRole('button', { name: 'View log' }).first().click();
  await expect(page.getByTestId('pod-log-text')).toContainText(INSPECTION_ERROR);
  await page.keyboard.press('Escape');
});

test('Restart runs the failed and canceled VMs again; Cancel selected stops the one waiting; Archive ends the plan', async ({
  page,
  app,
}) => {
  test.setTimeout(900_000);
  const migrations = async () =>
    (
      (await adminKubeConfig(app)
        .makeApiClient(CustomObjectsApi)
        .listNamespacedCustomObject({ ...MigrationModel, namespace: PROJECT })) as {
        items: unknown[];
      }
    ).items.length;
  await page.goto(`/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Plan/${PLAN}/vms`);
  const cancelSelected = page.getByTestId('cancel-selected-vms');
  const restart = page.getByTestId(`plan-start-${PLAN}`);
  await expect(restart).toHaveText('Restart', CONVERTED);
  await expect(cancelSelected).toHaveAttribute('aria-disabled', 'true');
  await cancelSelected.hover();
  await expect(page.getByRole('tooltip')).toContainText(
    'VMs can be canceled only while a migration of this plan is running.',
  );
  await restart.click();
  await page.getByTestId('start-plan-modal').getByTestId('confirm-start-plan').click();
  await expect.poll(migrations).toBe(2);

  // Both run again, one at a time: while the first converts, the second waits and is canceled
  // from a selection; the blank disk fails again.
  const converting = await vmRow(page, app, FAILED);
  const waiting = await vmRow(page, app, WAITING);
  await expect(waiting.state).toHaveText('Pending', CONVERTED);
  await cancelSelected.hover();
  await expect(page.getByRole('tooltip')).toContainText('Select the VMs to cancel');
  await page.getByTestId(`migration-vm-select-${waiting.id}`).getByRole('checkbox').check();
  await expect(cancelSelected).not.toHaveAttribute('aria-disabled', 'true');
  await cancelSelected.click();
  const cancel = page.getByTestId('cancel-migration-modal');
  await expect(cancel.getByTestId(`cancel-vm-${waiting.id}`)).toBeChecked();
  await cancel.getByTestId('confirm-cancel-migration').click();
  await expect(cancel).toBeHidden();
  await expect(waiting.state).toHaveText('Canceled', CONVERTED);
  await expect(converting.state).toHaveText('Failed', { timeout: 2 * CONVERTED.timeout });

  await page.getByTestId(`plan-actions-${PLAN}`).click();
  await page.getByTestId('plan-action-archive').click();
  await page.getByTestId('confirm-archive-plan').click();
  await expect(page.getByTestId('plan-status')).toHaveText('Archived');
  await expect(page.getByTestId(`plan-start-${PLAN}`)).toHaveCount(0);
});
