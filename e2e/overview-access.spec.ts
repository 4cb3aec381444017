// A migration user who is not an administrator of the migration service uses the console.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { adminKubeConfig, test, expect } from './fixtures.ts';

test('a user without administrator rights neither sees nor reaches the Overview', async ({
  app,
  browser,
}) => {
  // The embedded API's users come from a kube-apiserver style token file; RBAC lets this one read
  // projects and the migration resources, but not change the ForkliftController.
  await writeFile(path.join(app.dataDir, 'tokens.csv'), 'migrator-token,migrator,3001\n');
  const custom = adminKubeConfig(app).makeApiClient(CustomObjectsApi);
  const rbac = { group: 'rbac.authorization.k8s.io', version: 'v1' };
  await custom.createClusterCustomObject({
    ...rbac,
    plural: 'clusterroles',
    body: {
      metadata: { name: 'migration-reader' },
      rules: [
        { apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['forklift.konveyor.io'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      ],
    },
  });
  await custom.createClusterCustomObject({
    ...rbac,
    plural: 'clusterrolebindings',
    body: {
      metadata: { name: 'migrator-reads' },
      roleRef: { apiGroup: rbac.group, kind: 'ClusterRole', name: 'migration-reader' },
      subjects: [{ kind: 'User', name: 'migrator' }],
    },
  });

  const context = await browser.newContext({
    baseURL: app.consoleUrl,
    extraHTTPHeaders: { authorization: 'Bearer migrator-token' },
  });
  const page = await context.newPage();
  try {
    await page.goto('/');
    await expect(page.getByTestId('page-title')).toHaveText('Providers');
    await expect(page.getByTestId('provider-row-host')).toBeVisible();
    await expect(page.getByTestId('forklift-overview-nav-item')).toHaveCount(0);

    await page.goto('/mtv/overview/settings');
    await expect(page.getByTestId('admin-access-required')).toContainText(
      'You need administrator access',
    );
    const settings = await page.request.get('/api/v1/admin/forklift-controller');
    expect(settings.status()).toBe(403);
  } finally {
    await context.close();
  }
});
