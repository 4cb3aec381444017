// A newcomer starts the console for the first time and looks around.
import { CustomObjectsApi } from '@kubernetes/client-node';
import { adminKubeConfig, test, expect } from './fixtures.ts';

// What each page shows on a first start: the welcome card, the seeded provider, or an empty list.
const NAV_ITEMS = [
  { testId: 'forklift-overview-nav-item', title: 'Overview', shows: 'welcome-card' },
  { testId: 'providers-nav-item', title: 'Providers', shows: 'provider-row-host' },
  { testId: 'plans-nav-item', title: 'Migration plans', shows: 'empty-state' },
  { testId: 'network-mappings-nav-item', title: 'Network maps', shows: 'empty-state' },
  { testId: 'storage-mappings-nav-item', title: 'Storage maps', shows: 'empty-state' },
];

test('a newcomer visits every page of Migration for Virtualization and sees the seeded estate', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('migration-nav-section')).toContainText(
    'Migration for Virtualization',
  );

  for (const item of NAV_ITEMS) {
    await page.getByTestId(item.testId).click();
    await expect(page.getByTestId('page-title')).toHaveText(item.title);
    await expect(page.getByTestId(item.shows)).toBeVisible();
  }
});

test('choosing a project narrows the providers to that project', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('providers-nav-item').click();
  await expect(page.getByTestId('provider-row-host')).toBeVisible();

  await page.getByTestId('project-selector').click();
  await page.getByRole('option', { name: 'demo' }).click();
  await expect(page).toHaveURL(/\/k8s\/ns\/demo\//);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  await page.getByTestId('project-selector').click();
  await page.getByRole('option', { name: 'openshift-mtv' }).click();
  await expect(page.getByTestId('provider-row-host')).toBeVisible();
});

test('a plan applied through the Kubernetes API appears on the open page without a reload', async ({
  page,
  app,
}) => {
  await page.goto('/');
  await page.getByTestId('plans-nav-item').click();
  await expect(page.getByTestId('empty-state')).toBeVisible();

  const kubeConfig = adminKubeConfig(app);
  await kubeConfig.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    group: 'forklift.konveyor.io',
    version: 'v1beta1',
    namespace: 'demo',
    plural: 'plans',
    body: {
      apiVersion: 'forklift.konveyor.io/v1beta1',
      kind: 'Plan',
      metadata: { name: 'rack-a-to-ocp', namespace: 'demo' },
      spec: {
        provider: {
          source: { name: 'host', namespace: 'openshift-mtv' },
          destination: { name: 'host', namespace: 'openshift-mtv' },
        },
        map: { network: { name: 'rack-a-net' }, storage: { name: 'rack-a-storage' } },
        targetNamespace: 'demo',
        vms: [],
      },
    },
  });

  await expect(page.getByTestId('plan-row-rack-a-to-ocp')).toBeVisible();
});
