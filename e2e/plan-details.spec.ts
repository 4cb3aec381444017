// A migration plan's details page, as a user who created a plan (through the API, or with kubectl
// from Forklift YAML) reads and edits it before migrating: its settings, its VMs, its YAML.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { CustomObjectsApi } from '@kubernetes/client-node';
import {
  apiVersionOf,
  FORKLIFT_API_VERSION,
  PlanModel,
  VirtualMachineClusterInstancetypeModel,
  VirtualMachineModel,
  type Plan,
} from '@forklift-console/api';
import { adminKubeConfig, test, expect, type StandaloneApp } from './fixtures.ts';

const hasKubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const EXAMPLES = path.resolve(import.meta.dirname, '../deploy/examples');
const planUrl = (name: string, tab = '') =>
  `/k8s/ns/demo/forklift.konveyor.io~v1beta1~Plan/${name}${tab ? `/${tab}` : ''}`;

const plans = (app: StandaloneApp) => {
  const api = adminKubeConfig(app).makeApiClient(CustomObjectsApi);
  const kind = { ...PlanModel, namespace: 'demo' };
  return {
    create: async (name: string, spec: Partial<Plan['spec']> = {}) =>
      (await api.createNamespacedCustomObject({
        ...kind,
        body: {
          apiVersion: FORKLIFT_API_VERSION,
          kind: 'Plan',
          metadata: { name },
          spec: {
            provider: {
              source: { name: 'vcenter', namespace: 'demo' },
              destination: { name: 'host', namespace: 'openshift-mtv' },
            },
            map: { network: { name: 'net' }, storage: { name: 'store' } },
            targetNamespace: 'demo',
            vms: [
              { id: 'vm-1', name: 'web-1' },
              { id: 'vm-2', name: 'DB_Server' },
            ],
            ...spec,
          },
        },
      })) as Plan,
    read: async (name: string) => (await api.getNamespacedCustomObject({ ...kind, name })) as Plan,
    remove: (name: string) => api.deleteNamespacedCustomObject({ ...kind, name }),
  };
};

test('a plan made through the API shows its details, and its description and power state are edited', async ({
  page,
  app,
}) => {
  const api = plans(app);
  await api.create('details-edits', { description: 'First draft' });
  try {
    await page.goto(planUrl('details-edits'));
    await expect(page.getByTestId('page-title')).toHaveText('details-edits');
    await expect(page.getByTestId('plan-detail-namespace')).toHaveText('demo');
    await expect(page.getByTestId('plan-setting-description')).toHaveText('First draft');

    await page.getByTestId('plan-setting-description-edit').click();
    await page.getByTestId('plan-setting-input').fill('Web tier, weekend window');
    await page.getByTestId('edit-plan-setting-save').click();
    await expect(page.getByTestId('edit-plan-setting-modal')).toBeHidden();
    await expect(page.getByTestId('plan-setting-description')).toHaveText(
      'Web tier, weekend window',
    );

    await page.getByTestId('plan-setting-targetPowerState-edit').click();
    await page.getByTestId('plan-setting-input').selectOption('off');
    await page.getByTestId('edit-plan-setting-save').click();
    await expect(page.getByTestId('plan-setting-targetPowerState')).toHaveText('off');
    const stored = await api.read('details-edits');
    expect(stored.spec?.description).toBe('Web tier, weekend window');
    expect(stored.spec?.targetPowerState).toBe('off');
  } finally {
    await api.remove('details-edits');
  }
});

test('the open page follows the plan: a change and the controller’s conditions show without reload', async ({
  page,
  app,
}) => {
  const api = plans(app);
  await api.create('live-plan');
  try {
    await page.goto(planUrl('live-plan'));
    await expect(page.getByTestId('page-title')).toHaveText('live-plan');
    // The plan controller judges the plan on the open page: its source provider does not exist.
    const alert = page.getByTestId('plan-critical-alert');
    await expect(alert).toContainText('SourceProviderNotValid', { timeout: 30_000 });
    await expect(page.getByTestId('plan-status')).toHaveText('Cannot start');

    await page.getByTestId('view-all-concerns').click();
    await expect(page.getByTestId('plan-concerns-drawer')).toContainText('SourceProviderNotValid');
  } finally {
    await api.remove('live-plan');
  }
});

test('a VM target name is checked as typed, saved, its instance type chosen, and a VM is removed from the plan', async ({
  page,
  app,
}) => {
  const api = plans(app);
  const custom = adminKubeConfig(app).makeApiClient(CustomObjectsApi);
  await custom.createClusterCustomObject({
    ...VirtualMachineClusterInstancetypeModel,
    body: {
      apiVersion: apiVersionOf(VirtualMachineClusterInstancetypeModel),
      kind: VirtualMachineClusterInstancetypeModel.kind,
      metadata: { name: 'u1.small' },
      spec: { cpu: { guest: 1 }, memory: { guest: '2Gi' } },
    },
  });
  await api.create('vm-edits');
  try {
    await page.goto(planUrl('vm-edits', 'vms'));
    const db = page.getByTestId('plan-vm-row-vm-2');
    // Not a DNS-1123 name: the engine will rename it, and the page says so.
    await expect(db.getByTestId('plan-vm-target-name')).toContainText('db-server');
    await expect(db.getByTestId('plan-vm-target-name')).toContainText('Renamed');

    await page.getByTestId('plan-vm-actions-vm-2').click();
    await page.getByTestId('plan-vm-action-targetName').click();
    const input = page.getByTestId('plan-vm-input');
    await input.fill('Database_1');
    await expect(page.getByTestId('plan-vm-helper')).toBeVisible();
    await expect(page.getByTestId('edit-plan-vm-save')).toBeDisabled();
    await input.fill('web-1');
    await expect(page.getByTestId('plan-vm-helper')).toContainText('already named web-1');
    await expect(page.getByTestId('edit-plan-vm-save')).toBeDisabled();
    await input.fill('database-1');
    await page.getByTestId('edit-plan-vm-save').click();
    await expect(db.getByTestId('plan-vm-target-name')).toHaveText('database-1');

    await page.getByTestId('plan-vm-actions-vm-2').click();
    await page.getByTestId('plan-vm-action-instanceType').click();
    await expect(
      page.getByTestId('plan-vm-input').locator('option', { hasText: 'u1.small' }),
    ).toHaveCount(1, { timeout: 45_000 });
    await page.getByTestId('plan-vm-input').selectOption('u1.small');
    await page.getByTestId('edit-plan-vm-save').click();
    await expect(db).toContainText('u1.small');

    await page.getByTestId('plan-vm-actions-vm-1').click();
    await page.getByTestId('plan-vm-action-remove').click();
    await page.getByTestId('remove-plan-vm-confirm').click();
    await expect(page.getByTestId('plan-vm-row-vm-1')).toHaveCount(0);
    const stored = await api.read('vm-edits');
    expect(stored.spec?.vms).toEqual([
      { id: 'vm-2', name: 'DB_Server', targetName: 'database-1', instanceType: 'u1.small' },
    ]);

    // The last VM stays: a plan needs one.
    await page.getByTestId('plan-vm-actions-vm-2').click();
    await expect(page.getByTestId('plan-vm-action-remove').getByRole('menuitem')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  } finally {
    await api.remove('vm-edits');
    await custom.deleteClusterCustomObject({
      ...VirtualMachineClusterInstancetypeModel,
      name: 'u1.small',
    });
  }
});

test('the plan YAML is saved through the page, and a pre-migration hook is added', async ({
  page,
  app,
}) => {
  const api = plans(app);
  await api.create('yaml-plan', { description: 'from the API' });
  try {
    await page.goto(planUrl('yaml-plan', 'yaml'));
    const editor = page.getByTestId('yaml-editor');
    await expect(editor).toContainText('description: from the API');
    const text = await editor.inputValue();
    await editor.fill(text.replace('description: from the API', 'description: from the YAML tab'));
    await page.getByTestId('yaml-save').click();
    await expect(page.getByTestId('yaml-saved')).toBeVisible();
    expect((await api.read('yaml-plan')).spec?.description).toBe('from the YAML tab');

    await page.getByTestId('plan-tab-hooks').click();
    await expect(page.getByTestId('plan-hook-pre-none')).toBeVisible();
    await page.getByTestId('plan-hook-pre-edit').click();
    await page.getByTestId('plan-hook-playbook').fill('- hosts: localhost\n  tasks: []\n');
    await page.getByTestId('edit-plan-hook-save').click();
    await expect(page.getByTestId('plan-hook-pre-image')).toHaveText(
      'quay.io/konveyor/hook-runner',
    );
    await expect(page.getByTestId('plan-hook-pre-playbook')).toContainText('hosts: localhost');
    const vms = (await api.read('yaml-plan')).spec?.vms ?? [];
    expect(vms.every((vm) => vm.hooks?.[0]?.step === 'PreHook')).toBe(true);
  } finally {
    await api.remove('yaml-plan');
  }
});

test('VMs of the source provider are added to the plan from its inventory', async ({
  page,
  app,
}) => {
  const api = plans(app);
  const custom = adminKubeConfig(app).makeApiClient(CustomObjectsApi);
  const vm = { ...VirtualMachineModel, namespace: 'demo', name: 'added-later' };
  await custom.createNamespacedCustomObject({
    ...VirtualMachineModel,
    namespace: 'demo',
    body: {
      apiVersion: apiVersionOf(VirtualMachineModel),
      kind: VirtualMachineModel.kind,
      metadata: { name: 'added-later' },
      spec: { runStrategy: 'Halted', template: { spec: { domain: { devices: {} } } } },
    },
  });
  // The host cluster is its own source here: an OpenShift-to-OpenShift plan.
  await api.create('add-vms', {
    provider: {
      source: { name: 'host', namespace: 'openshift-mtv' },
      destination: { name: 'host', namespace: 'openshift-mtv' },
    },
  });
  try {
    await page.goto(planUrl('add-vms', 'vms'));
    await page.getByTestId('add-plan-vms').click();
    await page.getByTestId('add-plan-vms-filter').locator('input').fill('added-later');
    const row = page.locator('[data-testid^="add-plan-vm-"]', { hasText: 'added-later' });
    await expect(row).toBeVisible({ timeout: 45_000 });
    await row.getByRole('checkbox').check();
    await page.getByTestId('add-plan-vms-confirm').click();
    await expect(page.getByTestId('add-plan-vms-modal')).toBeHidden();
    await expect(page.getByTestId('plan-vms-table')).toContainText('added-later');
    const added = (await api.read('add-vms')).spec?.vms.at(-1);
    expect(added).toMatchObject({ name: 'added-later', namespace: 'demo' });
  } finally {
    await api.remove('add-vms');
    await custom.deleteNamespacedCustomObject(vm);
  }
});

test('an archived plan shows its edits disabled with the reason', async ({ page, app }) => {
  const api = plans(app);
  await api.create('archived-plan', { archived: true });
  try {
    await page.goto(planUrl('archived-plan'));
    await expect(page.getByTestId('plan-status')).toHaveText('Archived');
    await expect(page.getByTestId('plan-setting-description-edit')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await page.getByTestId('plan-setting-description-edit').hover();
    await expect(page.getByText('Archived plans cannot be edited')).toBeVisible();

    await page.getByTestId('plan-tab-vms').click();
    await page.getByTestId('plan-vm-actions-vm-1').click();
    await expect(
      page.getByTestId('plan-vm-action-targetName').getByRole('menuitem'),
    ).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');
    await page.getByTestId('plan-tab-mappings').click();
    await expect(page.getByTestId('plan-network-map-edit')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  } finally {
    await api.remove('archived-plan');
  }
});

test('a Forklift Plan YAML applied with kubectl shows its VMs, maps and settings', async ({
  page,
  app,
}) => {
  test.skip(!hasKubectl, 'kubectl is not installed: this story applies YAML with it');
  const kubectl = (...args: string[]) =>
    execFileSync('kubectl', ['--kubeconfig', path.join(app.dataDir, 'kubeconfig'), ...args]);
  const examples = [
    'networkmap-vcsim-to-host.yaml',
    'storagemap-vcsim-to-host.yaml',
    'plan-vcsim-to-host.yaml',
  ].flatMap((file) => ['-f', path.join(EXAMPLES, file)]);
  try {
    kubectl('apply', ...examples);
    await page.goto(planUrl('vcsim-to-host'));
    await expect(page.getByTestId('plan-setting-description')).toHaveText(
      'Two vcsim VMs onto the host cluster',
    );
    await expect(page.getByTestId('plan-source-provider')).toContainText('vcsim');
    await expect(page.getByTestId('plan-target-provider')).toHaveText('host');
    await expect(page.getByTestId('plan-setting-targetNamespace')).toHaveText('demo');

    await page.getByTestId('plan-tab-vms').click();
    const first = page.getByTestId('plan-vm-row-DC0_H0_VM0');
    await expect(first).toContainText('DC0_H0_VM0');
    await expect(first.getByTestId('plan-vm-target-name')).toContainText('dc0-h0-vm0');
    await expect(page.getByTestId('plan-vm-row-DC0_H0_VM1')).toContainText('off');

    await page.getByTestId('plan-tab-mappings').click();
    await expect(page.getByTestId('plan-network-map-link')).toHaveText('vcsim-to-host');
    await expect(page.getByTestId('plan-network-map').getByTestId('map-entry-0')).toContainText(
      'VM Network',
    );
    await expect(page.getByTestId('plan-storage-map').getByTestId('map-entry-0')).toContainText(
      'LocalDS_0',
    );
  } finally {
    kubectl('delete', '--ignore-not-found', ...examples);
  }
});
