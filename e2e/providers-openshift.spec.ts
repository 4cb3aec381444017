// A migration administrator looks at the OpenShift clusters Forklift knows: the cluster the
// console runs on (the Provider `openshift-mtv/host` every first start creates) and another
// cluster reached with a service account token. They see what each cluster holds and choose the
// network that disks are copied over when the host cluster is the migration target.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { CustomObjectsApi, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import type { Page } from '@playwright/test';
import {
  DEFAULT_TRANSFER_NETWORK_ANNOTATION,
  NetworkAttachmentDefinitionModel,
  ProviderModel,
  VirtualMachineModel,
  apiVersionOf,
  type Provider,
} from '@forklift-console/api';
import { adminKubeConfig, test, expect, type StandaloneApp } from './fixtures.ts';

// Besides the host cluster, the app starts a second embedded cluster with projects, networks and
// VMs of its own, and the Provider demo/remote holding a reader's token for it.
test.use({ remoteCluster: true });

const HOST_URL = '/k8s/ns/openshift-mtv/forklift.konveyor.io~v1beta1~Provider/host';
const READY = { timeout: 45_000 };

/** The annotation as the cluster has it, read past the console. */
const storedTransferNetwork = async (app: StandaloneApp, namespace: string, name: string) => {
  const provider = (await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .getNamespacedCustomObject({ ...ProviderModel, namespace, name })) as Provider;
  return provider.metadata?.annotations?.[DEFAULT_TRANSFER_NETWORK_ANNOTATION];
};

/** Opens "Set default transfer network", picks a network by its label and saves. */
const chooseTransferNetwork = async (page: Page, label: string) => {
  const dialog = page.getByTestId('transfer-network-modal');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('transfer-network-select').selectOption({ label });
  await dialog.getByTestId('transfer-network-save').click();
  await expect(dialog).toBeHidden();
};

test('the host cluster shows what it holds, on the providers list and on its details', async ({
  page,
}) => {
  await page.goto('/k8s/ns/openshift-mtv/forklift.konveyor.io~v1beta1~Provider');
  const row = page.getByTestId('provider-row-host');
  await expect(row.getByTestId('provider-status')).toContainText('Ready', READY);
  // Two NetworkAttachmentDefinitions and the pod network; two storage classes.
  await expect(row.getByTestId('provider-networks')).toHaveText('3');
  await expect(row.getByTestId('provider-storage')).toHaveText('2');
  await expect(row.getByTestId('provider-vms')).toHaveText(/^\d+$/);

  await row.getByRole('link', { name: 'host' }).click();
  await expect(page).toHaveURL(new RegExp(`${HOST_URL}$`));
  await expect(page.getByTestId('details-type')).toHaveText('OpenShift Virtualization');
  await expect(page.getByTestId('details-url')).toHaveText('The cluster the console runs on');
  await expect(page.getByTestId('details-owner')).toHaveText('No owner');
  await expect(page.getByTestId('inventory-networkCount')).toHaveText('3');
  await expect(page.getByTestId('inventory-storageClassCount')).toHaveText('2');
  // Forklift reaches its own cluster with its service account: there are no credentials to show.
  await expect(page.getByTestId('details-credentials')).toHaveCount(0);
  await expect(page.getByTestId('provider-tab-credentials')).toHaveCount(0);
  await expect(page.getByTestId('provider-tab-networks')).toBeVisible();
});

test('an administrator sets the host cluster’s default transfer network, then goes back to the pod network', async ({
  page,
  app,
}) => {
  await page.goto(HOST_URL);
  const item = page.getByTestId('details-transfer-network');
  await expect(item).toHaveText('Default network');

  await page.getByTestId('edit-transfer-network').click();
  await chooseTransferNetwork(page, 'demo/migration-net');
  await expect(item).toHaveText('demo/migration-net');
  expect(await storedTransferNetwork(app, 'openshift-mtv', 'host')).toBe('demo/migration-net');

  // Saving the pod network removes the annotation rather than storing an empty value.
  await page.getByTestId('edit-transfer-network').click();
  await expect(page.getByTestId('transfer-network-save')).toBeDisabled();
  await chooseTransferNetwork(page, 'Default network (pod network)');
  await expect(item).toHaveText('Default network');
  expect(await storedTransferNetwork(app, 'openshift-mtv', 'host')).toBeUndefined();
});

test('the Networks tab lists the pod network first, then the cluster’s NetworkAttachmentDefinitions, and marks the default', async ({
  page,
  app,
}) => {
  await page.goto(`${HOST_URL}/networks`);
  const rows = page.getByTestId('networks-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-testid', 'network-row-pod');
  await expect(rows.nth(0).getByTestId('network-name')).toHaveText('Default network Default');
  await expect(rows.nth(1)).toHaveAttribute('data-testid', 'network-row-demo/migration-net');
  await expect(rows.nth(1).getByTestId('network-type')).toHaveText('macvlan');
  await expect(rows.nth(2)).toHaveAttribute('data-testid', 'network-row-demo/vm-bridge');
  await expect(rows.nth(2).getByTestId('network-type')).toHaveText('bridge');

  await page.getByTestId('set-transfer-network').click();
  await chooseTransferNetwork(page, 'demo/vm-bridge');
  await expect(rows.nth(2).getByTestId('network-default-label')).toBeVisible();
  await expect(page.getByTestId('network-default-label')).toHaveCount(1);
  expect(await storedTransferNetwork(app, 'openshift-mtv', 'host')).toBe('demo/vm-bridge');

  await page.getByTestId('set-transfer-network').click();
  await chooseTransferNetwork(page, 'Default network (pod network)');
  await expect(rows.nth(0).getByTestId('network-default-label')).toBeVisible();
  await expect(page.getByTestId('network-default-label')).toHaveCount(1);
});

test('a user who may read the host provider but not change it sees its networks without the way to set the default', async ({
  app,
  browser,
}) => {
  // The embedded API's users come from a kube-apiserver style token file; other stories may have
  // added theirs. This one reads providers in openshift-mtv and the networks of demo.
  await appendFile(path.join(app.dataDir, 'tokens.csv'), 'ocp-viewer-token,ocp-viewer,3101\n');
  const rbac = adminKubeConfig(app).makeApiClient(RbacAuthorizationV1Api);
  const grant = async (namespace: string, group: string, resource: string) => {
    const name = `ocp-viewer-${resource}`;
    await rbac.createNamespacedRole({
      namespace,
      body: {
        metadata: { name },
        rules: [{ apiGroups: [group], resources: [resource], verbs: ['get', 'list', 'watch'] }],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: [{ kind: 'User', name: 'ocp-viewer' }],
      },
    });
  };
  await grant('openshift-mtv', ProviderModel.group, ProviderModel.plural);
  await grant(
    'demo',
    NetworkAttachmentDefinitionModel.group,
    NetworkAttachmentDefinitionModel.plural,
  );

  const context = await browser.newContext({
    baseURL: app.consoleUrl,
    extraHTTPHeaders: { authorization: 'Bearer ocp-viewer-token' },
  });
  const viewer = await context.newPage();
  try {
    await viewer.goto(`${HOST_URL}/networks`);
    await expect(viewer.getByTestId('network-row-demo/vm-bridge')).toBeVisible(READY);
    await expect(viewer.getByTestId('network-row-pod')).toBeVisible();
    await expect(viewer.getByTestId('set-transfer-network')).toHaveCount(0);

    await viewer.getByTestId('provider-tab-details').click();
    await expect(viewer.getByTestId('details-transfer-network')).toHaveText('Default network');
    await expect(viewer.getByTestId('edit-transfer-network')).toBeDisabled();
  } finally {
    await context.close();
  }
});

test.describe('another cluster, reached with a service account token', () => {
  const REMOTE_URL = '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Provider/remote';

  /** The second cluster's administrator, as `--remote-cluster` writes its kubeconfig. */
  const remoteKubeConfig = (app: StandaloneApp) => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(path.join(app.dataDir, 'remote-cluster', 'kubeconfig'));
    return kubeConfig;
  };

  test('its details link its credentials, which show the token only when revealed', async ({
    page,
  }) => {
    await page.goto(REMOTE_URL);
    await expect(page.getByTestId('provider-status')).toContainText('Ready', READY);
    await expect(page.getByTestId('details-url')).toHaveText(/^https:\/\//);
    await expect(page.getByTestId('details-transfer-network')).toHaveText('Default network');
    await expect(page.getByTestId('inventory-vmCount')).toHaveText('3');
    await page.getByTestId('details-credentials').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${REMOTE_URL}/credentials$`));

    const token = page.getByTestId('credential-token');
    await expect(token).toHaveText('••••••••');
    await page.getByTestId('credentials-reveal').click();
    await expect(token).not.toHaveText('••••••••');
    await expect(token).not.toBeEmpty();
    await expect(page.getByTestId('credential-cacert')).toContainText('BEGIN CERTIFICATE');
    await page.getByTestId('credentials-reveal').click();
    await expect(token).toHaveText('••••••••');
  });

  test('its Networks tab lists that cluster’s networks, not the host’s', async ({ page }) => {
    await page.goto(`${REMOTE_URL}/networks`);
    await expect(page.getByTestId('network-row-vms-prod/prod-bridge')).toBeVisible(READY);
    await expect(page.getByTestId('network-row-vms-dev/dev-vlan')).toContainText('macvlan');
    await expect(page.getByTestId('network-row-demo/vm-bridge')).toHaveCount(0);
  });

  test('its virtual machines list with their project, status and features', async ({
    page,
    app,
  }) => {
    await page.goto('/k8s/ns/demo/forklift.konveyor.io~v1beta1~Provider');
    const row = page.getByTestId('provider-row-remote');
    await expect(row.getByTestId('provider-status')).toContainText('Ready', READY);
    await expect(row.getByTestId('provider-vms')).toHaveText('3');
    await row.getByTestId('provider-vms').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${REMOTE_URL}/vms$`));

    // The remote cluster's workers import its blank root disk and boot it in qemu.
    await expect(page.getByTestId('vm-status-database')).toHaveText('Running', { timeout: 90_000 });
    await expect(page.getByTestId('vm-row-database')).toContainText('vms-prod');
    await expect(page.getByTestId('vm-status-web')).toHaveText('Stopped');
    await expect(page.getByTestId('vm-row-test-vm')).toContainText('vms-dev');
    // Forklift does not validate KubeVirt VMs: there is no concern to filter by.
    await expect(page.getByTestId('vm-concern-filter')).toHaveCount(0);

    await page.getByTestId('vm-name-filter').locator('input').fill('data');
    await expect(page.getByTestId('vm-table').locator('tbody tr')).toHaveCount(1);
    await page.getByTestId('vm-name-filter').locator('input').fill('');

    // A VM made on that cluster with a GPU and dedicated CPUs appears, and the filter finds it.
    await remoteKubeConfig(app)
      .makeApiClient(CustomObjectsApi)
      .createNamespacedCustomObject({
        ...VirtualMachineModel,
        namespace: 'vms-prod',
        body: {
          apiVersion: apiVersionOf(VirtualMachineModel),
          kind: VirtualMachineModel.kind,
          metadata: {
            name: 'render-node',
            labels: { 'vm.kubevirt.io/template': 'rhel9-gpu' },
          },
          spec: {
            runStrategy: 'Halted',
            template: {
              spec: {
                domain: {
                  cpu: { cores: 4, dedicatedCpuPlacement: true },
                  devices: { gpus: [{ name: 'gpu1', deviceName: 'nvidia.com/A10' }] },
                },
              },
            },
          },
        },
      });
    const renderNode = page.getByTestId('vm-row-render-node');
    await expect(renderNode).toContainText('Dedicated CPU');
    await expect(renderNode).toContainText('GPUs/Host devices');
    await expect(renderNode).toContainText('rhel9-gpu');
    await page.getByTestId('vm-features-filter').click();
    await page.getByRole('menuitem', { name: 'GPUs/Host devices' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('vm-table').locator('tbody tr')).toHaveCount(1);
    await expect(renderNode).toBeVisible();
  });
});
