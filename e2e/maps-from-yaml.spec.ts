// An administrator who already runs Forklift applies its NetworkMap and StorageMap YAML with kubectl
// (the examples in deploy/examples) and finds them in the console, checked against vCenter.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { createVcenterProvider } from './support/maps.ts';

const hasKubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const EXAMPLES = path.resolve(import.meta.dirname, '../deploy/examples');
const INVENTORY = { timeout: 45_000 };

const showsTheExamples = async (page: Page) => {
  await page.goto('/k8s/ns/demo/forklift.konveyor.io~v1beta1~NetworkMap/vcsim-to-host');
  await expect(page.getByTestId('map-details-source-provider')).toHaveText('vcsim');
  await expect(page.getByTestId('map-details-target-provider')).toHaveText('host');
  const pod = page.getByTestId('map-entry-0');
  await expect(pod.getByTestId('map-entry-source')).toHaveText('VM Network');
  await expect(pod.getByTestId('map-entry-target')).toHaveText('Pod network (default)');
  const multus = page.getByTestId('map-entry-1');
  await expect(multus.getByTestId('map-entry-source')).toHaveText('DC0_DVPG0');
  await expect(multus.getByTestId('map-entry-target')).toHaveText('demo/vm-bridge');
  await expect(page.getByTestId('map-status')).toHaveText('Ready', INVENTORY);

  await page.goto('/k8s/ns/demo/forklift.konveyor.io~v1beta1~StorageMap/vcsim-to-host');
  const storage = page.getByTestId('map-entry-0');
  await expect(storage.getByTestId('map-entry-source')).toHaveText('LocalDS_0');
  await expect(storage.getByTestId('map-entry-target')).toHaveText('hostpath-csi');
  await expect(storage.getByTestId('map-entry-access-mode')).toHaveText('ReadWriteOnce');
  await expect(page.getByTestId('map-status')).toHaveText('Ready', INVENTORY);
};

test('Forklift map YAML applied with kubectl shows its rows and turns Ready', async ({
  page,
  app,
  vcsim,
}) => {
  test.skip(!hasKubectl, 'kubectl is not installed: this story applies YAML with it');
  const kubectl = (...args: string[]) =>
    execFileSync('kubectl', ['--kubeconfig', path.join(app.dataDir, 'kubeconfig'), ...args]);
  const examples = ['networkmap-vcsim-to-host.yaml', 'storagemap-vcsim-to-host.yaml'].flatMap(
    (file) => ['-f', path.join(EXAMPLES, file)],
  );
  // The examples map the provider demo/vcsim, which `npm start -- --vcsim` makes.
  await createVcenterProvider(app, vcsim, 'demo', 'vcsim');
  try {
    kubectl('apply', ...examples);
    await showsTheExamples(page);
  } finally {
    // Later stories expect the seeded estate, which has neither.
    kubectl('delete', '--ignore-not-found', ...examples);
    kubectl(
      'delete',
      '-n',
      'demo',
      'providers.forklift.konveyor.io/vcsim',
      'secret/vcsim-credentials',
    );
  }
});
