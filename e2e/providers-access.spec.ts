// A migration user who may look at a project's providers but not change them sees, before trying,
// which actions are not theirs to take, and why.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, ProviderModel } from '@forklift-console/api';
import { adminKubeConfig, test, expect } from './fixtures.ts';
import { shareDirOf } from './support/ova-share.ts';

const PROJECT = 'access-lab';
const providersUrl = `/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Provider`;
const READY = { timeout: 45_000 };

test('a user who may only read providers sees uploads and creation disabled, with the reason', async ({
  app,
  browser,
  page,
}) => {
  const kubeConfig = adminKubeConfig(app);
  await kubeConfig
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name: PROJECT } } });
  const url = 'nfs.lab:/exports/readonly';
  await mkdir(shareDirOf(app, url), { recursive: true });
  await kubeConfig.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    ...ProviderModel,
    namespace: PROJECT,
    body: {
      apiVersion: FORKLIFT_API_VERSION,
      kind: ProviderModel.kind,
      metadata: { name: 'appliances', namespace: PROJECT },
      spec: { type: 'ova', url, secret: {}, settings: { applianceManagement: 'true' } },
    },
  });

  // The embedded API's users come from a kube-apiserver style token file; other stories may have
  // added theirs. This one may read the providers of one project, and nothing else.
  await appendFile(path.join(app.dataDir, 'tokens.csv'), 'viewer-token,viewer,3002\n');
  const rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  await rbac.createClusterRole({
    body: {
      metadata: { name: 'provider-viewer' },
      rules: [
        {
          apiGroups: [ProviderModel.group],
          resources: [ProviderModel.plural],
          verbs: ['get', 'list', 'watch'],
        },
      ],
    },
  });
  await rbac.createNamespacedRoleBinding({
    namespace: PROJECT,
    body: {
      metadata: { name: 'viewer-provider-viewer' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'provider-viewer',
      },
      subjects: [{ kind: 'User', name: 'viewer' }],
    },
  });

  // The administrator, who may upload, finds the provider ready and nothing refused.
  await page.goto(`${providersUrl}/appliances`);
  await expect(page.getByTestId('provider-status')).toContainText('Ready', READY);
  await expect(page.getByTestId('ova-upload-file')).toBeVisible();
  await expect(page.getByTestId('ova-upload-forbidden')).toHaveCount(0);

  const context = await browser.newContext({
    baseURL: app.consoleUrl,
    extraHTTPHeaders: { authorization: 'Bearer viewer-token' },
  });
  const viewer = await context.newPage();
  try {
    await viewer.goto(providersUrl);
    await expect(viewer.getByTestId('provider-row-appliances')).toBeVisible();
    const create = viewer.getByTestId('create-provider-button');
    await expect(create).toBeDisabled();
    await create.hover();
    await expect(viewer.getByRole('tooltip')).toHaveText(
      'You cannot create providers in this project',
    );

    await viewer.goto(`${providersUrl}/appliances`);
    await expect(viewer.getByTestId('ova-upload-forbidden')).toContainText(
      'You need permission to edit this provider to upload files into its share.',
    );
    // A chosen file does not make the upload possible.
    await viewer
      .getByTestId('ova-upload-file')
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'appliance.ova',
        mimeType: 'application/x-tar',
        buffer: Buffer.alloc(1024),
      });
    await expect(viewer.getByTestId('ova-upload-file-helper')).toHaveText('1 KiB');
    await expect(viewer.getByTestId('ova-upload-button')).toBeDisabled();
    await expect(viewer.getByTestId('edit-appliance-management')).toBeDisabled();

    await viewer.getByTestId('provider-actions').click();
    await expect(viewer.getByTestId('action-edit-yaml').getByRole('menuitem')).toBeDisabled();
    await expect(viewer.getByTestId('action-delete-provider').getByRole('menuitem')).toBeDisabled();
  } finally {
    await context.close();
  }
});
