// `--remote-cluster` against the embedded API: the second cluster starts seeded, the Provider
// demo/remote points at it with a token that works, and a restart refreshes the URL and keeps
// the token and whatever the user changed there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { ProviderModel, VirtualMachineModel, type Provider } from '@forklift-console/api';
import { decodeSecretData } from '../engine/secrets.ts';
import { testOpenshiftConnection } from '../engine/providers/openshift-connection.ts';
import { kubeConfigForRemoteCluster, remoteClusterOf } from '../kube/remote-cluster.ts';
import { createLogger } from '../logging.ts';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import { REMOTE_PROVIDER, startSampleRemoteCluster } from './remote-cluster-provider.ts';
import { DEMO_NAMESPACE } from './sample-resources.ts';

let api: TestApi;
const logger = createLogger('silent');

before(async () => {
  api = await startTestApi('bff-remote-cluster-');
});
after(async () => {
  await api?.close();
});

const readProvider = async () => {
  const custom = api.connection.kubeConfig.makeApiClient(CustomObjectsApi);
  const { group, version, plural } = ProviderModel;
  const provider = (await custom.getNamespacedCustomObject({
    group,
    version,
    plural,
    namespace: DEMO_NAMESPACE,
    name: REMOTE_PROVIDER,
  })) as Provider;
  const secret = await api.connection.kubeConfig
    .makeApiClient(CoreV1Api)
    .readNamespacedSecret({ namespace: DEMO_NAMESPACE, name: provider.spec!.secret.name! });
  return { provider, secretData: decodeSecretData(secret) };
};

const vmsOf = async (cluster: ReturnType<typeof remoteClusterOf>) => {
  const custom = kubeConfigForRemoteCluster(cluster).makeApiClient(CustomObjectsApi);
  const { group, version, plural } = VirtualMachineModel;
  const list = (await custom.listClusterCustomObject({ group, version, plural })) as {
    items: { metadata: { name: string } }[];
  };
  return list.items.map((vm) => vm.metadata.name).sort();
};

test('the remote provider reaches a seeded second cluster with its token, across restarts', async () => {
  const first = await startSampleRemoteCluster(api.connection.kubeConfig, api.dataDir, logger);
  let firstToken: string | undefined;
  try {
    const { provider, secretData } = await readProvider();
    assert.equal(provider.spec?.type, 'openshift');
    assert.equal(provider.spec?.url, first.url);
    assert.equal(secretData.insecureSkipVerify, 'false');
    assert.match(secretData.cacert ?? '', /BEGIN CERTIFICATE/);
    firstToken = secretData.token;
    const cluster = remoteClusterOf(provider.spec!.url!, secretData);
    assert.deepEqual(await testOpenshiftConnection(cluster), { ok: true });
    assert.deepEqual(await vmsOf(cluster), ['database', 'test-vm', 'web']);
    // What a user deletes there stays deleted: the estate is seeded once.
    const remoteAdmin = new KubeConfig();
    remoteAdmin.loadFromFile(first.kubeconfigPath!);
    const { group, version, plural } = VirtualMachineModel;
    await remoteAdmin.makeApiClient(CustomObjectsApi).deleteNamespacedCustomObject({
      group,
      version,
      plural,
      namespace: 'vms-prod',
      name: 'web',
    });
  } finally {
    await first.stop();
  }

  const second = await startSampleRemoteCluster(api.connection.kubeConfig, api.dataDir, logger);
  try {
    const { provider, secretData } = await readProvider();
    assert.equal(provider.spec?.url, second.url, 'the URL follows the new port');
    assert.equal(secretData.token, firstToken, 'the token is kept');
    assert.deepEqual(await vmsOf(remoteClusterOf(second.url, secretData)), ['database', 'test-vm']);
  } finally {
    await second.stop();
  }
});
