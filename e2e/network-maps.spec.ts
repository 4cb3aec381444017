// A migration engineer maps the networks of their vCenter (vcsim) onto the cluster: with the form
// and Suggest mappings, by editing a row on the details page, with YAML, and deletes a map.
import { CustomObjectsApi } from '@kubernetes/client-node';
import { NetworkAttachmentDefinitionModel, apiVersionOf } from '@forklift-console/api';
import { adminKubeConfig, test, expect } from './fixtures.ts';
import { createProjectWithVcenter } from './support/maps.ts';

const PROJECT = 'network-lab';
const listUrl = `/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~NetworkMap`;
// The provider must be Ready and its inventory read before suggestions can be made.
const INVENTORY = { timeout: 45_000 };

test.beforeAll(async ({ app, vcsim }) => {
  await createProjectWithVcenter(app, vcsim, PROJECT, 'lab-vcenter');
});

test('a network map made with Suggest mappings shows in the list and on its details page', async ({
  page,
}) => {
  await page.goto(listUrl);
  await page.getByTestId('create-map-button').click();
  await page.getByTestId('create-map-with-form').click();
  await expect(page.getByTestId('page-title')).toHaveText('Create network map');
  await expect(page.getByTestId('map-project')).toHaveValue(PROJECT);

  // Create with nothing filled in says what is missing and stays on the form.
  await page.getByTestId('map-create-submit').click();
  await expect(page.getByTestId('map-name-helper')).toContainText('must not be empty');
  await expect(page.getByTestId('network-row-error')).toContainText(
    'Choose both a source network and a target',
  );

  await page.getByTestId('map-name').fill('lab-networks');
  await page.getByTestId('map-source-provider').selectOption(`${PROJECT}/lab-vcenter`);
  await page.getByTestId('map-target-provider').selectOption('openshift-mtv/host');
  const suggest = page.getByTestId('suggest-mappings');
  await expect(suggest).not.toHaveAttribute('aria-disabled', 'true', INVENTORY);
  await suggest.click();

  // No NAD in the project has a vSphere network's name: the first goes to the pod network.
  const first = page.getByTestId('network-row-0');
  await expect(first.getByTestId('network-row-target')).toHaveValue('pod');
  await expect(first.getByTestId('network-row-suggestion')).toContainText(
    `no NAD of the same name in ${PROJECT}, so it goes to the pod network`,
  );
  // vcsim's VMs are all on one port group; the user adds a row for another network.
  await expect(page.getByTestId('network-row-1')).toHaveCount(0);
  await page.getByTestId('network-row-add').click();
  const second = page.getByTestId('network-row-1');
  await second.getByTestId('network-row-source').selectOption({ label: 'VM Network' });

  await second.getByTestId('network-row-target').selectOption('pod');
  await expect(second.getByTestId('network-row-error')).toContainText(
    'Only one source network may be mapped to the pod network',
  );
  await second.getByTestId('network-row-target').selectOption('multus:demo/vm-bridge');
  await expect(second.getByTestId('network-row-suggestion')).toHaveCount(0);
  const firstSource = await first
    .getByTestId('network-row-source')
    .locator('option:checked')
    .textContent();

  await page.getByTestId('map-create-submit').click();
  await expect(page).toHaveURL(new RegExp(`${listUrl}/lab-networks$`));
  await expect(page.getByTestId('page-title')).toHaveText('lab-networks');
  await expect(page.getByTestId('map-details-source-provider')).toHaveText('lab-vcenter');
  await expect(page.getByTestId('map-details-target-provider')).toHaveText('host');
  await expect(page.getByTestId('map-entry-0').getByTestId('map-entry-source')).toHaveText(
    firstSource ?? '',
  );
  await expect(page.getByTestId('map-entry-0').getByTestId('map-entry-target')).toHaveText(
    'Pod network (default)',
  );
  await expect(page.getByTestId('map-entry-1').getByTestId('map-entry-target')).toHaveText(
    'demo/vm-bridge',
  );

  await page.goto(listUrl);
  const row = page.getByTestId('map-row-lab-networks');
  await expect(row.getByTestId('map-source-provider')).toHaveText('lab-vcenter');
  await expect(row.getByTestId('map-target-provider')).toHaveText('host');
  // The map controller finds every source in vCenter and every target in the cluster.
  await expect(row.getByTestId('map-status')).toHaveText('Ready', INVENTORY);
});

test('a row edited on the details page is saved, and the map turns Critical on the open page when its NAD goes', async ({
  page,
  app,
}) => {
  // A network of the team's own project, which the cluster's inventory lists within seconds.
  const custom = adminKubeConfig(app).makeApiClient(CustomObjectsApi);
  await custom.createNamespacedCustomObject({
    ...NetworkAttachmentDefinitionModel,
    namespace: PROJECT,
    body: {
      apiVersion: apiVersionOf(NetworkAttachmentDefinitionModel),
      kind: NetworkAttachmentDefinitionModel.kind,
      metadata: { name: 'lab-net' },
      spec: { config: JSON.stringify({ cniVersion: '0.3.1', name: 'lab-net', type: 'bridge' }) },
    },
  });

  await page.goto(`${listUrl}/lab-networks`);
  await page.getByTestId('edit-map-rows').click();
  const modal = page.getByTestId('edit-network-map-modal');
  const target = modal.getByTestId('network-row-1').getByTestId('network-row-target');
  await expect(target).toHaveValue('multus:demo/vm-bridge');
  await expect(target.locator(`option[value="multus:${PROJECT}/lab-net"]`)).toHaveCount(
    1,
    INVENTORY,
  );
  await target.selectOption(`multus:${PROJECT}/lab-net`);
  await modal.getByTestId('edit-network-map-save').click();
  await expect(modal).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('map-entry-1').getByTestId('map-entry-target')).toHaveText(
    `${PROJECT}/lab-net`,
  );
  await expect(page.getByTestId('map-status')).toHaveText('Ready', INVENTORY);

  // The NAD is deleted behind the page's back: the controller's verdict shows without a reload.
  await custom.deleteNamespacedCustomObject({
    ...NetworkAttachmentDefinitionModel,
    namespace: PROJECT,
    name: 'lab-net',
  });
  await expect(page.getByTestId('map-status')).toHaveText('Critical', INVENTORY);
  await expect(page.getByTestId('condition-row-DestinationNetworkNotValid')).toContainText(
    `${PROJECT}/lab-net`,
  );
});

test('a network map created with YAML opens on its details page', async ({ page }) => {
  await page.goto(listUrl);
  await page.getByTestId('create-map-button').click();
  await page.getByTestId('create-map-with-yaml').click();
  const editor = page.getByTestId('yaml-editor');
  await expect(editor).toContainText('kind: NetworkMap');
  await editor.fill(
    [
      'apiVersion: forklift.konveyor.io/v1beta1',
      'kind: NetworkMap',
      'metadata:',
      '  name: from-yaml',
      `  namespace: ${PROJECT}`,
      'spec:',
      '  provider:',
      '    source: { name: lab-vcenter, namespace: network-lab }',
      '    destination: { name: host, namespace: openshift-mtv }',
      '  map:',
      '    - source: { name: VM Network }',
      '      destination: { type: pod }',
    ].join('\n'),
  );
  await page.getByTestId('yaml-save').click();
  await expect(page).toHaveURL(new RegExp(`${listUrl}/from-yaml$`));
  await expect(page.getByTestId('map-entry-0').getByTestId('map-entry-source')).toHaveText(
    'VM Network',
  );
});

test('a network map is deleted from the list after confirming', async ({ page }) => {
  await page.goto(listUrl);
  await page.getByTestId('map-actions-from-yaml').click();
  await page.getByTestId('map-action-delete').click();
  await expect(page.getByTestId('delete-map-modal')).toContainText('from-yaml');
  await page.getByTestId('confirm-delete-map').click();
  await expect(page.getByTestId('map-row-from-yaml')).toHaveCount(0);
  await expect(page.getByTestId('map-row-lab-networks')).toBeVisible();
});
