// For tests of one BFF route plugin: the embedded API with a fresh project, the plugin on its own
// Fastify instance, and Providers arranged the way the create route would store them.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { FastifyPluginAsync } from 'fastify';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, ProviderModel, type Provider } from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { bffValidationOptions } from '../http/validation.ts';
import { createLogger, type Logger } from '../logging.ts';
import { startTestApi, type TestApi } from './embedded-api.ts';
import { actAsBearerOrAdministrator } from './caller.ts';

export type RouteTest = {
  api: TestApi;
  connection: KubeConnection;
  app: FastifyInstance;
  core: CoreV1Api;
  custom: CustomObjectsApi;
  close(): Promise<void>;
};

export const startRouteTest = async (
  prefix: string,
  plugin: FastifyPluginAsync<{ connection: KubeConnection }>,
  {
    namespace,
    logger = createLogger('silent'),
    clusterWorkers,
  }: { namespace: string; logger?: Logger; clusterWorkers?: boolean },
): Promise<RouteTest> => {
  const api = await startTestApi(prefix, { logger, clusterWorkers });
  const { connection } = api;
  const core = connection.kubeConfig.makeApiClient(CoreV1Api);
  const custom = connection.kubeConfig.makeApiClient(CustomObjectsApi);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  const app = Fastify({ ...bffValidationOptions, loggerInstance: logger as FastifyBaseLogger });
  actAsBearerOrAdministrator(app);
  await app.register(plugin, { connection });
  return {
    api,
    connection,
    app,
    core,
    custom,
    async close() {
      await app.close();
      await api.close();
    },
  };
};

export type TestProviderOptions = {
  settings?: Record<string, string>;
  /**
   * The provider's Secret `<name>-secret`: its data, created and owned by the Provider; `reference`
   * names it without creating it; `none` leaves `spec.secret` empty. `reference` by default.
   */
  secret?: Record<string, string> | 'reference' | 'none';
};

/** A vSphere Provider in `namespace`, with its Secret as the create route makes it. */
export const createVsphereProvider = async (
  { core, custom }: Pick<RouteTest, 'core' | 'custom'>,
  namespace: string,
  name: string,
  { settings, secret = 'reference' }: TestProviderOptions = {},
): Promise<Provider> => {
  const provider = (await custom.createNamespacedCustomObject({
    group: ProviderModel.group,
    version: ProviderModel.version,
    plural: ProviderModel.plural,
    namespace,
    body: {
      apiVersion: FORKLIFT_API_VERSION,
      kind: 'Provider',
      metadata: { name, namespace },
      spec: {
        type: 'vsphere',
        url: 'https://vcenter.example.com/sdk',
        secret: secret === 'none' ? {} : { name: `${name}-secret`, namespace },
        ...(settings ? { settings } : {}),
      },
    },
  })) as Provider;
  if (typeof secret === 'object') {
    await core.createNamespacedSecret({
      namespace,
      body: {
        metadata: {
          name: `${name}-secret`,
          labels: { createdForResourceType: 'providers' },
          ownerReferences: [
            {
              apiVersion: FORKLIFT_API_VERSION,
              kind: 'Provider',
              name,
              uid: provider.metadata?.uid ?? '',
            },
          ],
        },
        data: Object.fromEntries(
          Object.entries(secret).map(([key, value]) => [
            key,
            Buffer.from(value).toString('base64'),
          ]),
        ),
      },
    });
  }
  return provider;
};
