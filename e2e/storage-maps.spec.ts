// A migration engineer maps the datastores of their vCenter (vcsim) onto storage classes: with the
// form and Suggest mappings, access mode and the all-or-nothing copy-offload options, then edits a
// row on the details page, sees a map go not Ready when its datastore is removed, and deletes a map.
import { CustomObjectsApi } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, StorageMapModel } from '@forklift-console/api';
import { adminKubeConfig, test, expect } from './fixtures.ts';
import { destroyDatastore } from './support/vcsim-actions.ts';
import { createProjectWithVcenter } from './support/maps.ts';

const PROJECT = 'storage-lab';
const listUrl = `/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~StorageMap`;
const INVENTORY = { timeout: 45_000 };

test.beforeAll(async ({ app, vcsim }) => {
  await createProjectWithVcenter(app, vcsim, PROJECT, 'lab-vcenter');
});

test('a storage map made with Suggest mappings, an access mode and offload options', async ({
  page,
}) => {
  await page.goto(listUrl);
  await page.getByTestId('create-map-button').click();
  await page.getByTestId('create-map-with-form').click();
  await expect(page.getByTestId('page-title')).toHaveText('Create storage map');
  await page.getByTestId('map-name').fill('lab-storage');
  await page.getByTestId('map-source-provider').selectOption(`${PROJECT}/lab-vcenter`);
  await page.getByTestId('map-target-provider').selectOption('openshift-mtv/host');
  const suggest = page.getByTestId('suggest-mappings');
  await expect(suggest).not.toHaveAttribute('aria-disabled', 'true', INVENTORY);
  await suggest.click();

  // The cluster's default class is hostpath-csi.
  const row = page.getByTestId('storage-row-0');
  await expect(row.getByTestId('storage-row-target')).toHaveValue('hostpath-csi');
  await expect(row.getByTestId('storage-row-suggestion')).toContainText(
    "hostpath-csi is the target cluster's default storage class",
  );

  await row.getByRole('button', { name: 'Advanced options (optional)' }).click();
  await row.getByTestId('storage-row-access-mode').selectOption('ReadWriteMany');

  // Offload options are all or nothing: a Secret alone is refused, and so is Create.
  await row.getByTestId('storage-row-offload-secret').fill('array-credentials');
  await expect(row.getByTestId('storage-row-offload-error')).toContainText(
    'Storage product must be set when configuring offload options',
  );
  await page.getByTestId('map-create-submit').click();
  await expect(page.getByTestId('page-title')).toHaveText('Create storage map');

  await row.getByTestId('storage-row-offload-product').selectOption('ontap');
  await row.getByTestId('storage-row-offload-host').first().check();
  await expect(row.getByTestId('storage-row-offload-error')).toHaveCount(0);
  await page.getByTestId('map-create-submit').click();

  await expect(page).toHaveURL(new RegExp(`${listUrl}/lab-storage$`));
  const entry = page.getByTestId('map-entry-0');
  await expect(entry.getByTestId('map-entry-target')).toHaveText('hostpath-csi');
  await expect(entry.getByTestId('map-entry-access-mode')).toHaveText('ReadWriteMany');
  await expect(entry.getByTestId('map-entry-offload')).toContainText(
    'vSphere XCOPY: ontap, Secret array-credentials (host-',
  );

  await page.goto(listUrl);
  const listed = page.getByTestId('map-row-lab-storage');
  await expect(listed.getByTestId('map-source-provider')).toHaveText('lab-vcenter');
  await expect(listed.getByTestId('map-status')).toHaveText('Ready', INVENTORY);
});

test('a row edited on the details page keeps its new values after a reload', async ({ page }) => {
  await page.goto(`${listUrl}/lab-storage`);
  await page.getByTestId('edit-map-rows').click();
  const modal = page.getByTestId('edit-storage-map-modal');
  const row = modal.getByTestId('storage-row-0');
  await row.getByTestId('storage-row-target').selectOption('nfs-csi');
  await row.getByRole('button', { name: 'Advanced options (optional)' }).click();
  await expect(row.getByTestId('storage-row-access-mode')).toHaveValue('ReadWriteMany');
  await row.getByTestId('storage-row-access-mode').selectOption('ReadWriteOnce');
  await row.getByTestId('storage-row-offload-clear').click();
  await modal.getByTestId('edit-storage-map-save').click();
  await expect(modal).toHaveCount(0);

  await page.reload();
  const entry = page.getByTestId('map-entry-0');
  await expect(entry.getByTestId('map-entry-target')).toHaveText('nfs-csi');
  await expect(entry.getByTestId('map-entry-access-mode')).toHaveText('ReadWriteOnce');
  await expect(entry.getByTestId('map-entry-offload')).toHaveText('None');
});

test('a map whose datastore is removed from vCenter turns not Ready on the open page', async ({
  page,
  app,
  vcsim,
}) => {
  // Written as Forklift YAML would have it, by datastore name; vcsim's VMs live on LocalDS_0.
  await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .createNamespacedCustomObject({
      ...StorageMapModel,
      namespace: PROJECT,
      body: {
        apiVersion: FORKLIFT_API_VERSION,
        kind: StorageMapModel.kind,
        metadata: { name: 'spare-datastore' },
        spec: {
          provider: {
            source: { name: 'lab-vcenter', namespace: PROJECT },
            destination: { name: 'host', namespace: 'openshift-mtv' },
          },
          map: [{ source: { name: 'LocalDS_1' }, destination: { storageClass: 'nfs-csi' } }],
        },
      },
    });
  await page.goto(`${listUrl}/spare-datastore`);
  await expect(page.getByTestId('map-status')).toHaveText('Ready', INVENTORY);

  await destroyDatastore(vcsim, 'LocalDS_1');
  await expect(page.getByTestId('map-status')).toHaveText('Not Ready', INVENTORY);
  await expect(page.getByTestId('condition-row-SourceStorageNotValid')).toContainText('LocalDS_1');
});

test('a storage map is deleted from its details page and the list no longer has it', async ({
  page,
}) => {
  await page.goto(`${listUrl}/lab-storage`);
  await page.getByTestId('map-actions-lab-storage').click();
  await page.getByTestId('map-action-delete').click();
  await page.getByTestId('confirm-delete-map').click();
  await expect(page).toHaveURL(new RegExp(`${listUrl}$`));
  await expect(page.getByTestId('map-row-spare-datastore')).toBeVisible();
  await expect(page.getByTestId('map-row-lab-storage')).toHaveCount(0);
});
