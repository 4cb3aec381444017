// An administrator looks back at what migrated: first on a fresh start, then after a few runs.
import { CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { adminKubeConfig, test, expect } from './fixtures.ts';

const migrations = { group: 'forklift.konveyor.io', version: 'v1beta1', plural: 'migrations' };

test('the History tab lists every migration, filters by status and groups by plan', async ({
  app,
  page,
}) => {
  await page.goto('/mtv/overview/history');
  await expect(page.getByTestId('empty-state')).toContainText('No migration has run yet');

  const custom = adminKubeConfig(app).makeApiClient(CustomObjectsApi);
  const run = async (name: string, plan: string, minutesAgo: number, outcome?: string) => {
    await custom.createNamespacedCustomObject({
      ...migrations,
      namespace: 'demo',
      body: {
        apiVersion: 'forklift.konveyor.io/v1beta1',
        kind: 'Migration',
        metadata: { name, namespace: 'demo' },
        spec: { plan: { name: plan, namespace: 'demo' } },
      },
    });
    const started = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const ended = new Date(Date.now() - (minutesAgo - 1) * 60_000).toISOString();
    await custom.patchNamespacedCustomObjectStatus(
      {
        ...migrations,
        namespace: 'demo',
        name,
        body: {
          status: {
            started,
            ...(outcome
              ? {
                  completed: ended,
                  conditions: [
                    {
                      type: outcome,
                      status: 'True',
                      category: 'Advisory',
                      lastTransitionTime: ended,
                    },
                  ],
                }
              : {}),
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  };
  await run('rack-a-1', 'rack-a', 30, 'Failed');
  await run('rack-a-2', 'rack-a', 20, 'Succeeded');
  await run('rack-b-1', 'rack-b', 10);

  // The open tab follows the changes without a reload.
  for (const name of ['rack-a-1', 'rack-a-2', 'rack-b-1']) {
    await expect(page.getByTestId(`history-row-${name}`)).toBeVisible();
  }
  await expect(page.getByTestId('history-row-rack-b-1')).toContainText('Running');

  await page.getByTestId('history-status-filter').selectOption('Failed');
  await expect(page.getByTestId('history-row-rack-a-1')).toBeVisible();
  await expect(page.getByTestId('history-row-rack-a-2')).toHaveCount(0);

  // Grouped, rack-a's latest run succeeded, so no plan is failing any more.
  await page.getByText('Group by plan').click();
  await expect(page.getByTestId('empty-state')).toContainText('No migration matches the filters');
  await page.getByTestId('history-status-filter').selectOption('all');
  await expect(page.getByTestId('history-row-rack-a-2')).toBeVisible();
  await expect(page.getByTestId('history-row-rack-a-1')).toHaveCount(0);
});
