// A migration engineer migrates two appliances from an OVA share, one at a time (the in-flight
// limit set to 1). The second waits and says why, and is canceled from its row; the first holds a
// blank disk, so virt-v2v fails fast and says so in the VM's error and in its conversion pod's log.
// virt-v2v really runs (under emulation, about a minute a VM), in the standalone app's embedded
// cluster.
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
  PlanModel,
  ProviderModel,
  type ForkliftController,
  type Plan,
} from '@forklift-console/api';
import { makeSampleOva } from '../scripts/sample-ova.ts';
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
  const table = page.getByTestId('migration-vms-table');
  const waiting = table.locator('tr', { hasText: WAITING });
  await expect(waiting.getByTestId('migration-vm-state')).toHaveText('Pending', CONVERTED);
  const waitingId = await vmIdOf(app, WAITING);
  await waiting.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByTestId(`vm-pending-${waitingId}`)).toContainText(
    'in-flight limit reached (max 1)',
  );

  await page.getByTestId(`cancel-vm-action-${waitingId}`).click();
  const cancel = page.getByTestId('cancel-migration-modal');
  await expect(cancel.getByTestId(`cancel-vm-${waitingId}`)).toBeChecked();
  await cancel.getByTestId('confirm-cancel-migration').click();
  await expect(cancel).toBeHidden();
  await expect(waiting.getByTestId('migration-vm-state')).toHaveText('Canceled', CONVERTED);

  // The blank disk: virt-v2v finds no guest, and the VM says so in virt-v2v's own words.
  const failed = table.locator('tr', { hasText: FAILED });
  await expect(failed.getByTestId('migration-vm-state')).toHaveText('Failed', CONVERTED);
  const failedId = await vmIdOf(app, FAILED);
  await failed.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByTestId(`vm-error-${failedId}`)).toContainText(INSPECTION_ERROR);
  const resources = page.getByTestId(`migration-resources-${failedId}`);
  await resources.getByRole('button').first().click();
  await resources.getByRole('button', { name: 'View log' }).first().click();
  await expect(page.getByTestId('pod-log-text')).toContainText(INSPECTION_ERROR);
  await page.keyboard.press('Escape');
});
