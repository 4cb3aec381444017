// An administrator opens the Overview: a welcome for newcomers, then charts of what migrated.
import AxeBuilder from '@axe-core/playwright';
import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import type { Page } from '@playwright/test';
import { planMigrationStatus, type Plan } from '@forklift-console/api';
import { adminKubeConfig, test, expect } from './fixtures.ts';

const forklift = { group: 'forklift.konveyor.io', version: 'v1beta1' };
const apiVersion = 'forklift.konveyor.io/v1beta1';
// The app is shared by every story of the run, so this one keeps its objects in a project of its
// own, deletes that project at the end, and counts on top of what other stories left behind.
const NAMESPACE = 'dashboard-story';
const OUTCOMES = ['Running', 'Succeeded', 'Failed', 'Canceled'] as const;
const PROVIDER_TYPES = ['vsphere', 'ova', 'openstack', 'ovirt', 'openshift'];

type Counts = Record<string, number>;

/** The counts a donut card's legend shows, all zero while the card says there is nothing yet. */
const readLegend = async (page: Page, card: string, keys: readonly string[]): Promise<Counts> => {
  const legend = page.getByTestId(`${card}-legend`);
  await expect(page.getByTestId(`${card}-empty`).or(legend)).toBeVisible();
  const shown = await legend.isVisible();
  const counts: Counts = {};
  for (const key of keys) {
    counts[key] = shown
      ? Number(await page.getByTestId(`${card}-legend-count-${key}`).textContent())
      : 0;
  }
  return counts;
};

const total = (counts: Counts) => Object.values(counts).reduce((sum, count) => sum + count, 0);

const condition = (type: string, at: string) => ({
  type,
  status: 'True',
  category: 'Advisory',
  durable: true,
  lastTransitionTime: at,
});

test('a newcomer is welcomed, and can hide the welcome for good and bring it back', async ({
  page,
}) => {
  await page.goto('/mtv/overview');
  const welcome = page.getByTestId('welcome-card');
  await expect(welcome).toContainText('You can migrate virtual machines from:');
  for (const type of PROVIDER_TYPES) {
    await expect(page.getByTestId(`welcome-tile-${type}`)).toBeVisible();
  }

  await page.getByTestId('welcome-card-kebab').click();
  await page.getByTestId('hide-welcome-card').click();
  await expect(welcome).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('show-welcome-card')).toBeVisible();
  await expect(welcome).toHaveCount(0);

  await page.getByTestId('show-welcome-card').click();
  await expect(welcome).toBeVisible();
  await page.reload();
  await expect(welcome).toBeVisible();

  // A tile opens the Providers list filtered to that type.
  await page.getByTestId('welcome-tile-vsphere').click();
  await expect(page).toHaveURL(/forklift\.konveyor\.io~v1beta1~Provider\?providerType=vsphere$/);
});

test('on a fresh start the charts say that nothing has migrated yet', async ({ app, page }) => {
  const custom = adminKubeConfig(app).makeApiClient(CustomObjectsApi);
  const list = async (plural: string) =>
    ((await custom.listClusterCustomObject({ ...forklift, plural })) as { items: unknown[] }).items;
  // Stories that run earlier leave plans behind, but none leaves migrations.
  expect(await list('migrations')).toEqual([]);
  const plans = (await list('plans')).length;

  await page.goto('/mtv/overview');
  await expect(page.getByTestId('vm-migrations-empty')).toContainText('No migrations yet');
  await expect(page.getByTestId('migration-history-empty')).toContainText('No migrations yet');
  if (plans === 0) {
    await expect(page.getByTestId('plan-status-empty')).toContainText('No migration plans yet');
  } else {
    await expect(page.getByTestId('plan-status-donut')).toContainText(`${plans}Plans`);
  }
});

test('the VM donut counts each VM of a plan once, by its latest run, and opens the History tab filtered', async ({
  app,
  page,
}) => {
  const kubeConfig = adminKubeConfig(app);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const core = kubeConfig.makeApiClient(CoreV1Api);

  await page.goto('/mtv/overview');
  const vmsBefore = await readLegend(page, 'vm-migrations', OUTCOMES);

  await core.createNamespace({ body: { metadata: { name: NAMESPACE } } });
  try {
    const vms = ['db-1', 'db-2', 'db-3'];
    await custom.createNamespacedCustomObject({
      ...forklift,
      plural: 'plans',
      namespace: NAMESPACE,
      body: {
        apiVersion,
        kind: 'Plan',
        metadata: { name: 'rack-c-to-ocp', namespace: NAMESPACE },
        spec: {
          provider: {
            source: { name: 'host', namespace: 'openshift-mtv' },
            destination: { name: 'host', namespace: 'openshift-mtv' },
          },
          map: { network: { name: 'rack-c-net' }, storage: { name: 'rack-c-storage' } },
          targetNamespace: NAMESPACE,
          vms: vms.map((name) => ({ id: name, name })),
        },
      },
    });
    const now = new Date().toISOString();
    await custom.patchNamespacedCustomObjectStatus(
      {
        ...forklift,
        plural: 'plans',
        namespace: NAMESPACE,
        name: 'rack-c-to-ocp',
        body: { status: { conditions: [condition('Failed', now)] } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );

    // The first run failed all three VMs; the retry moved one, failed one and one was canceled.
    const run = async (name: string, minutesAgo: number, vmOutcomes: string[]) => {
      await custom.createNamespacedCustomObject({
        ...forklift,
        plural: 'migrations',
        namespace: NAMESPACE,
        body: {
          apiVersion,
          kind: 'Migration',
          metadata: { name, namespace: NAMESPACE },
          spec: { plan: { name: 'rack-c-to-ocp', namespace: NAMESPACE } },
        },
      });
      const started = new Date(Date.now() - minutesAgo * 60_000).toISOString();
      const ended = new Date(Date.now() - (minutesAgo - 5) * 60_000).toISOString();
      await custom.patchNamespacedCustomObjectStatus(
        {
          ...forklift,
          plural: 'migrations',
          namespace: NAMESPACE,
          name,
          body: {
            status: {
              started,
              completed: ended,
              conditions: [condition('Failed', ended)],
              vms: vms.map((vm, index) => ({
                id: vm,
                name: vm,
                phase: 'Completed',
                pipeline: [],
                started,
                completed: ended,
                conditions: [condition(vmOutcomes[index]!, ended)],
              })),
            },
          },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
    };
    await run('rack-c-1', 30, ['Failed', 'Failed', 'Failed']);
    await run('rack-c-2', 10, ['Succeeded', 'Failed', 'Canceled']);

    // Three VMs, not six: the first run no longer counts.
    const expected: Counts = {
      ...vmsBefore,
      Succeeded: vmsBefore.Succeeded! + 1,
      Failed: vmsBefore.Failed! + 1,
      Canceled: vmsBefore.Canceled! + 1,
    };
    await expect(page.getByTestId('vm-migrations-donut')).toContainText(
      `${total(expected)}VM migrations`,
    );
    for (const outcome of OUTCOMES) {
      await expect(page.getByTestId(`vm-migrations-legend-count-${outcome}`)).toHaveText(
        String(expected[outcome]),
      );
    }
    // Its maps do not exist, so the plan controller judges it Cannot start, which outranks the
    // failed run in the plan's status (Forklift's order). Other stories' plans change as the
    // controller judges them, so the legend is compared with the plans as the API holds them.
    await expect
      .poll(
        async () => {
          const { items } = (await custom.listClusterCustomObject({
            ...forklift,
            plural: 'plans',
          })) as { items: Plan[] };
          const cannotStart = items.filter((plan) => planMigrationStatus(plan) === 'CannotStart');
          const shown = await page
            .getByTestId('plan-status-legend-count-CannotStart')
            .textContent();
          return (
            cannotStart.some((plan) => plan.metadata?.name === 'rack-c-to-ocp') &&
            shown === String(cannotStart.length)
          );
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await expect(page.getByTestId('migration-history-chart')).toBeVisible();

    // With charts drawn, the tab still passes an accessibility audit.
    const audit = await new AxeBuilder({ page }).analyze();
    const serious = audit.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
    expect(serious).toEqual([]);

    // A slice has no keyboard focus, and its arc may not cover the centre of its box, so the
    // click is dispatched to it rather than aimed with the mouse.
    await page.getByTestId('vm-migrations-slice-Failed').dispatchEvent('click');
    await expect(page).toHaveURL(/\/mtv\/overview\/history\?status=Failed$/);
    await expect(page.getByTestId('history-status-filter')).toHaveValue('Failed');
    await expect(page.getByTestId('history-row-rack-c-1')).toBeVisible();
    await expect(page.getByTestId('history-row-rack-c-2')).toBeVisible();

    // Choosing another status in the tab updates the address, so a reload keeps it.
    await page.getByTestId('history-status-filter').selectOption('Succeeded');
    await expect(page).toHaveURL(/\?status=Succeeded$/);
    await expect(page.getByTestId('history-row-rack-c-1')).toHaveCount(0);
  } finally {
    // Deleting the project deletes the plan and runs, so later stories start without them.
    await core.deleteNamespace({ name: NAMESPACE });
  }
});
