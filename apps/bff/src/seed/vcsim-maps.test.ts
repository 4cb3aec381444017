// The example maps `--vcsim` seeds: the YAML copies under deploy/examples/ say the same, kubectl
// applies them to the embedded API with every field intact, and seeding twice changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import {
  NetworkMapModel,
  StorageMapModel,
  type K8sModel,
  type NetworkMap,
  type StorageMap,
} from '@forklift-console/api';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import { createLogger } from '../logging.ts';
import { DEMO_NAMESPACE } from './sample-resources.ts';
import { ensureVcsimMaps, VCSIM_MAP_NAME, vcsimNetworkMap, vcsimStorageMap } from './vcsim-maps.ts';

const run = promisify(execFile);
const EXAMPLES = path.resolve(import.meta.dirname, '../../../../deploy/examples');
const NETWORK_YAML = path.join(EXAMPLES, 'networkmap-vcsim-to-host.yaml');
const STORAGE_YAML = path.join(EXAMPLES, 'storagemap-vcsim-to-host.yaml');

const kubectlPath = await run('kubectl', ['version', '--client']).then(
  () => 'kubectl',
  () => undefined,
);

const readYaml = async (file: string) => yaml.load(await readFile(file, 'utf8'));

test('the YAML examples under deploy/examples are the maps the seed creates', async () => {
  assert.deepEqual(await readYaml(NETWORK_YAML), vcsimNetworkMap());
  assert.deepEqual(await readYaml(STORAGE_YAML), vcsimStorageMap());
});

describe('the example maps on the embedded API server', () => {
  let api: TestApi;
  let custom: CustomObjectsApi;

  const readMap = async <T>(model: K8sModel) =>
    (await custom.getNamespacedCustomObject({
      group: model.group,
      version: model.version,
      plural: model.plural,
      namespace: DEMO_NAMESPACE,
      name: VCSIM_MAP_NAME,
    })) as T;

  const deleteMap = (model: K8sModel) =>
    custom.deleteNamespacedCustomObject({
      group: model.group,
      version: model.version,
      plural: model.plural,
      namespace: DEMO_NAMESPACE,
      name: VCSIM_MAP_NAME,
    });

  before(async () => {
    api = await startTestApi('bff-vcsim-maps-');
    const { kubeConfig } = api.connection;
    custom = kubeConfig.makeApiClient(CustomObjectsApi);
    await kubeConfig
      .makeApiClient(CoreV1Api)
      .createNamespace({ body: { metadata: { name: DEMO_NAMESPACE } } });
  });

  after(async () => {
    await api?.close();
  });

  test(
    'kubectl apply -f accepts both examples with their fields intact',
    { skip: !kubectlPath && 'kubectl is not installed, so the examples are not applied with it' },
    async () => {
      const kubeconfig = api.connection.kubeconfigPath ?? '';
      assert.ok(kubeconfig, 'the embedded API writes a kubeconfig');
      const { stdout } = await run('kubectl', [
        '--kubeconfig',
        kubeconfig,
        'apply',
        '-f',
        NETWORK_YAML,
        '-f',
        STORAGE_YAML,
      ]);
      assert.match(stdout, /networkmap.* created/);
      assert.match(stdout, /storagemap.* created/);
      const network = await readMap<NetworkMap>(NetworkMapModel);
      const storage = await readMap<StorageMap>(StorageMapModel);
      assert.deepEqual(network.spec, vcsimNetworkMap().spec);
      assert.deepEqual(storage.spec, vcsimStorageMap().spec);
      await deleteMap(NetworkMapModel);
      await deleteMap(StorageMapModel);
    },
  );

  test('seeding creates the maps once and leaves a user edit alone on the next start', async () => {
    const logger = createLogger('silent');
    assert.deepEqual(await ensureVcsimMaps(api.connection.kubeConfig, logger), [
      'NetworkMap',
      'StorageMap',
    ]);
    const storage = await readMap<StorageMap>(StorageMapModel);
    assert.deepEqual(storage.spec, vcsimStorageMap().spec);
    await custom.patchNamespacedCustomObject({
      group: StorageMapModel.group,
      version: StorageMapModel.version,
      plural: StorageMapModel.plural,
      namespace: DEMO_NAMESPACE,
      name: VCSIM_MAP_NAME,
      body: [{ op: 'replace', path: '/spec/map/0/destination/storageClass', value: 'nfs-csi' }],
    });
    assert.deepEqual(await ensureVcsimMaps(api.connection.kubeConfig, logger), []);
    const edited = await readMap<StorageMap>(StorageMapModel);
    assert.equal(edited.spec?.map[0]?.destination.storageClass, 'nfs-csi');
  });
});
