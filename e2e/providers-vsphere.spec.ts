// A virtualization administrator connects the console to their vCenter (vcsim here, over HTTPS
// with a self-signed certificate) and looks at what can be migrated from it.
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import type { Page } from '@playwright/test';
import { adminKubeConfig, test, expect } from './fixtures.ts';
import { powerOffVm } from './support/vcsim-actions.ts';

// The project these stories work in, so that they leave the other specs' projects alone.
const PROJECT = 'vsphere-lab';
const providersUrl = `/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Provider`;

// Reaching Ready takes a connection test and a full inventory read.
const READY = { timeout: 45_000 };

test.beforeAll(async ({ app }) => {
  const core = adminKubeConfig(app).makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: PROJECT } } });
});

const startVsphereProvider = async (
  page: Page,
  { name, url, username, password }: Record<'name' | 'url' | 'username' | 'password', string>,
) => {
  await page.goto(providersUrl);
  await page.getByTestId('create-provider-button').click();
  await expect(page.getByTestId('page-title')).toHaveText('Create provider');
  await expect(page.getByTestId('provider-project-select')).toHaveValue(PROJECT);
  await page.getByTestId('provider-type-select').selectOption('vsphere');
  await page.getByTestId('provider-name-input').fill(name);
  await page.getByTestId('vsphere-url-input').fill(url);
  await page.getByTestId('vddk-skip-radio').check();
  await page.getByTestId('vsphere-username-input').fill(username);
  await page.getByTestId('vsphere-password-input').fill(password);
};

test('an administrator adds their vCenter, trusting its certificate, and browses its estate', async ({
  page,
  app,
  vcsim,
}) => {
  await startVsphereProvider(page, {
    name: 'lab-vcenter',
    url: vcsim.sdkUrl,
    username: vcsim.username,
    password: vcsim.password,
  });

  // The certificate is self-signed: the user looks at it and says they trust it.
  await page.getByTestId('certificate-custom-radio').check();
  await page.getByTestId('fetch-certificate-button').click();
  const certificate = page.getByTestId('fetch-certificate-modal');
  await expect(certificate).toContainText('vcsim.local');
  await expect(certificate).toContainText('SHA-256');
  await expect(page.getByTestId('confirm-certificate-button')).toBeDisabled();
  await page.getByTestId('trust-certificate-checkbox').check();
  await page.getByTestId('confirm-certificate-button').click();
  await page.getByTestId('provider-create-button').click();

  // The details page of the new provider, which turns Ready by itself.
  await expect(page).toHaveURL(new RegExp(`${providersUrl}/lab-vcenter$`));
  await expect(page.getByTestId('provider-status')).toContainText('Ready', READY);

  // Its VMs, with their power state and concerns.
  await page.getByTestId('provider-tab-vms').click();
  await expect(page.getByTestId('vm-row-DC0_H0_VM0')).toBeVisible();
  await expect(page.getByTestId('vm-row-DC0_C0_RP0_VM1')).toBeVisible();
  await expect(page.getByTestId('vm-power-DC0_H0_VM0')).toHaveText('On');
  await expect(page.getByTestId('vm-concerns-warning-DC0_H0_VM0')).toBeVisible();

  // Powering a VM off in vCenter shows on the open page, without a reload.
  await powerOffVm(vcsim, 'DC0_H0_VM0');
  await expect(page.getByTestId('vm-power-DC0_H0_VM0')).toHaveText('Off');

  // The list counts what the inventory holds.
  await page.goto(providersUrl);
  const row = page.getByTestId('provider-row-lab-vcenter');
  await expect(row.getByTestId('provider-status')).toContainText('Ready');
  await expect(row.getByTestId('provider-vms')).toHaveText('8');
  await expect(row.getByTestId('provider-hosts')).toHaveText('3');

  // Two ESXi hosts get a migration network: Host resources appear and turn Ready.
  await page.goto(`${providersUrl}/lab-vcenter/hosts`);
  for (const host of ['DC0_C0_H0', 'DC0_C0_H1']) {
    await page.getByTestId(`host-row-${host}`).getByRole('checkbox').check();
  }
  await page.getByTestId('select-migration-network').click();
  await expect(page.getByTestId('migration-network-count')).toContainText('2 hosts selected');
  await page.getByTestId('migration-network-select').click();
  await page.getByText('Management Network - 127.0.0.0/8').click();
  await page.getByTestId('esxi-username-input').fill('root');
  await page.getByTestId('esxi-password-input').fill('esxi-secret');
  await page.getByTestId('migration-network-save').click();
  for (const host of ['DC0_C0_H0', 'DC0_C0_H1']) {
    await expect(page.getByTestId(`host-status-${host}`)).toContainText('Ready', READY);
  }
  const hosts = (await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .listNamespacedCustomObject({
      group: 'forklift.konveyor.io',
      version: 'v1beta1',
      plural: 'hosts',
      namespace: PROJECT,
    })) as { items: { spec: { provider: { name: string } } }[] };
  expect(hosts.items.map((host) => host.spec.provider.name)).toEqual([
    'lab-vcenter',
    'lab-vcenter',
  ]);
});

test('a wrong password shows why the provider cannot connect, and fixing it brings it back', async ({
  page,
  vcsim,
}) => {
  await startVsphereProvider(page, {
    name: 'typo-vcenter',
    url: vcsim.sdkUrl,
    username: vcsim.username,
    password: 'not-the-password',
  });
  // Skipping asks for confirmation first.
  await page.getByTestId('certificate-skip-radio').click();
  await page.getByTestId('confirm-skip-validation').click();
  await page.getByTestId('provider-create-button').click();

  await expect(page).toHaveURL(new RegExp(`${providersUrl}/typo-vcenter$`));
  await expect(page.getByTestId('provider-status')).toContainText('Connection failed', READY);
  await expect(page.getByTestId('provider-not-ready')).toContainText(
    'incorrect user name or password',
  );

  await page.getByTestId('provider-tab-credentials').click();
  await page.getByTestId('credentials-edit').click();
  await page.getByTestId('credential-password-input').fill(vcsim.password);
  await page.getByTestId('credentials-save').click();
  await expect(page.getByTestId('provider-status')).toContainText('Ready', READY);
});
