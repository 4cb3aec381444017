// A migration engineer creates a migration plan with the wizard: VMs chosen by a query, new maps
// seeded from what they use, a pre-migration hook; a taken name, a bad target name or no VMs stop
// the wizard where they are; a map name taken behind its back fails the create and leaves nothing.
import type { Page } from '@playwright/test';
import { CustomObjectsApi } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  HookModel,
  NetworkMapModel,
  PlanModel,
  StorageMapModel,
  type K8sModel,
  type Plan,
} from '@forklift-console/api';
import { adminKubeConfig, test, expect, type StandaloneApp } from './fixtures.ts';
import { createProjectWithVcenter } from './support/maps.ts';
import {
  fillGeneral as fillWizardGeneral,
  INVENTORY,
  selectByQuery as selectWizardVms,
  throughMapsToReview,
} from './support/wizard.ts';

const PROJECT = 'plan-lab';
const PLACE = { project: PROJECT, provider: 'lab-vcenter' };
// vcsim names its standalone host's VMs DC0_H0_VM0…3: not DNS-1123, so they are renamed.
const QUERY = "where name ~= '^DC0_H0_VM' and memoryMB >= 32";

const fillGeneral = (page: Page, name: string) => fillWizardGeneral(page, PLACE, name);
const selectByQuery = (page: Page) => selectWizardVms(page, QUERY, 4);

type Listed = { metadata: { name: string; uid: string; ownerReferences?: { uid: string }[] } };

const list = async (app: StandaloneApp, model: K8sModel) =>
  (
    (await adminKubeConfig(app)
      .makeApiClient(CustomObjectsApi)
      .listNamespacedCustomObject({ ...model, namespace: PROJECT })) as { items: Listed[] }
  ).items;

test.beforeAll(async ({ app, vcsim }) => {
  await createProjectWithVcenter(app, vcsim, PROJECT, 'lab-vcenter');
});

test('a plan made with VMs chosen by a query, new maps and a hook owns its maps and hook', async ({
  page,
  app,
}) => {
  await fillGeneral(page, 'web-plan');
  await page.getByTestId('wizard-next').click();

  // A query with a syntax error says where, and is not sent.
  await page.getByTestId('vm-query').fill('where name = ');
  await expect(page.getByTestId('vm-query-error')).toContainText('at character 14');
  await selectByQuery(page);
  await expect(page.getByTestId('target-name-renamed-DC0_H0_VM0')).toBeVisible();
  await expect(page.getByTestId('target-name-DC0_H0_VM0')).toHaveAttribute(
    'placeholder',
    'dc0-h0-vm0',
  );
  await page.getByTestId('target-name-DC0_H0_VM1').fill('web-one');

  // Selected shows the chosen VMs whatever the query asks now; the folder tree narrows to a
  // folder (vcsim keeps every VM in its datacenter's VM folder).
  const rows = page.getByTestId('plan-vm-table').locator('tbody tr');
  await page.getByTestId('vm-query').fill("where name = 'DC0_C0_RP0_VM0'");
  await expect(rows).toHaveCount(1, INVENTORY);
  await page.getByTestId('vm-show-selected').click();
  await expect(rows).toHaveCount(4, INVENTORY);
  await page.getByTestId('vm-folder-/DC0/vm').click();
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('vm-selected-count')).toHaveText('4 selected');

  await throughMapsToReview(page);
  await page.getByTestId('review-edit-hooks').click();
  await page.getByTestId('preHook-enabled').check();
  await expect(page.getByTestId('preHook-image')).toHaveValue('quay.io/konveyor/hook-runner');
  await page.getByTestId('preHook-playbook').fill('- hosts: localhost\n  tasks: []\n');
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('review-plan-name')).toHaveText('web-plan');
  await expect(page.getByTestId('review-vm-count')).toHaveText('4');
  await expect(page.getByTestId('review-pre-hook')).toContainText('quay.io/konveyor/hook-runner');
  const toDetails = page.waitForURL(
    new RegExp(`/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Plan/web-plan$`),
  );
  await page.getByTestId('wizard-next').click();
  await toDetails;
  // The plan controller judges the new plan on the open details page: VMs found, every network
  // and datastore they use mapped, the hook Ready.
  await expect(page.getByTestId('plan-status')).toHaveText('Ready to start', { timeout: 60_000 });
  const plan = (await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .getNamespacedCustomObject({ ...PlanModel, namespace: PROJECT, name: 'web-plan' })) as Plan;
  const uid = plan.metadata?.uid;
  expect(plan.spec?.vms).toHaveLength(4);
  expect(plan.spec?.vms.find((vm) => vm.name === 'DC0_H0_VM1')?.targetName).toBe('web-one');
  const ownedBy = async (model: K8sModel, name: string | undefined) =>
    (await list(app, model)).find((item) => item.metadata.name === name)?.metadata
      .ownerReferences?.[0]?.uid;
  expect(await ownedBy(NetworkMapModel, plan.spec?.map.network.name)).toBe(uid);
  expect(await ownedBy(StorageMapModel, plan.spec?.map.storage.name)).toBe(uid);
  const hook = plan.spec?.vms[0]?.hooks?.[0];
  expect(hook?.step).toBe('PreHook');
  expect(await ownedBy(HookModel, hook?.hook.name)).toBe(uid);
});

test('a taken plan name, an invalid target name and no VMs each stop the wizard', async ({
  page,
  app,
}) => {
  // A plan of the same name in another project: plan names are unique across all of them.
  await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .createNamespacedCustomObject({
      ...PlanModel,
      namespace: 'demo',
      body: {
        apiVersion: FORKLIFT_API_VERSION,
        kind: 'Plan',
        metadata: { name: 'taken-plan' },
        spec: {
          provider: { source: { name: 'x' }, destination: { name: 'host' } },
          targetNamespace: 'demo',
          map: { network: { name: 'x' }, storage: { name: 'x' } },
          vms: [{ id: 'vm-1' }],
        },
      },
    });
  await fillGeneral(page, 'taken-plan');
  await expect(page.getByTestId('plan-name-helper')).toContainText(
    'Plan name must be unique across all namespaces.',
  );
  await expect(page.getByTestId('wizard-next')).toBeDisabled();
  await page.getByTestId('plan-name').fill('fresh-plan');
  await page.getByTestId('wizard-next').click();

  await expect(page.getByTestId('vms-error')).toContainText('Must select at least 1 VM.');
  await expect(page.getByTestId('wizard-next')).toBeDisabled();
  await selectByQuery(page);
  await page.getByTestId('target-name-DC0_H0_VM2').fill('Not_Valid');
  await expect(page.getByTestId('target-name-error-DC0_H0_VM2')).toContainText('The target name');
  await expect(page.getByTestId('wizard-next')).toBeDisabled();
  await page.getByTestId('target-name-DC0_H0_VM2').fill('dc0-h0-vm3');
  await expect(page.getByTestId('target-name-error-DC0_H0_VM3')).toContainText(
    'dc0-h0-vm3 is also the target name of DC0_H0_VM2',
  );
  await page.getByTestId('target-name-DC0_H0_VM2').fill('vm-two');
  await expect(page.getByTestId('wizard-next')).toBeEnabled();
});

test('a map name taken behind the wizard’s back fails the create, keeps the input and leaves nothing', async ({
  page,
  app,
}) => {
  await fillGeneral(page, 'fail-plan');
  await page.getByTestId('wizard-next').click();
  await selectByQuery(page);
  await throughMapsToReview(page, { networkMapName: 'fail-plan-networks' });

  const before = {
    storageMaps: (await list(app, StorageMapModel)).length,
    hooks: (await list(app, HookModel)).length,
  };
  await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .createNamespacedCustomObject({
      ...NetworkMapModel,
      namespace: PROJECT,
      body: {
        apiVersion: FORKLIFT_API_VERSION,
        kind: 'NetworkMap',
        metadata: { name: 'fail-plan-networks' },
        spec: {
          provider: { source: { name: 'lab-vcenter' }, destination: { name: 'host' } },
          map: [],
        },
      },
    });
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('create-plan-error')).toContainText('Failed to create plan');
  await expect(page.getByTestId('create-plan-error')).toContainText('fail-plan-networks');
  await expect(page.getByTestId('review-plan-name')).toHaveText('fail-plan');
  await expect(page.getByTestId('review-vm-count')).toHaveText('4');

  expect((await list(app, PlanModel)).map((plan) => plan.metadata.name)).not.toContain('fail-plan');
  expect((await list(app, StorageMapModel)).length).toBe(before.storageMaps);
  expect((await list(app, HookModel)).length).toBe(before.hooks);
});
