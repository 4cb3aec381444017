// Creating a provider: its credentials Secret, the Provider referencing it, and the Secret's owner
// reference to the Provider, all with the user's own credentials. Either all three happen or none
// remain: credentials are never left behind without the Provider that needs them.
import type { FastifyBaseLogger, FastifyPluginAsync, FastifySchemaValidationError } from 'fastify';
import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { ProviderModel, type Provider } from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { describeValidationError } from '../http/validation.ts';
import { kubeErrorResponses, kubeObjectSchema, namespaceParamsSchema } from '../http/schemas.ts';
import {
  buildProvider,
  buildProviderSecret,
  createProviderBodySchema,
  createRequestError,
  ownerReferenceTo,
} from './provider-secret.ts';
import type { CreateProviderRequest } from '@forklift-console/api';

type Options = { connection: KubeConnection };

const { group, version, plural } = ProviderModel;

// The per-type rules are `if`/`then`: Ajv adds an error for the `if` itself, which says nothing.
const formatBodyErrors = (errors: FastifySchemaValidationError[], dataVar: string): Error =>
  new Error(
    errors
      .filter((error) => error.keyword !== 'if')
      .map((error) => describeValidationError(error, dataVar))
      .join(', '),
  );

export const providerCreateRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  app.post<{ Params: { namespace: string }; Body: CreateProviderRequest }>(
    '/api/v1/namespaces/:namespace/providers',
    {
      schema: {
        params: namespaceParamsSchema,
        body: createProviderBodySchema,
        response: { 201: kubeObjectSchema, ...kubeErrorResponses },
      },
      schemaErrorFormatter: formatBodyErrors,
    },
    async (request, reply) => {
      const { namespace } = request.params;
      const refusal = createRequestError(request.body);
      if (refusal) return sendError(reply, 400, refusal);
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        const core = kubeConfig.makeApiClient(CoreV1Api);
        const custom = kubeConfig.makeApiClient(CustomObjectsApi);

        const secret = await core.createNamespacedSecret({
          namespace,
          body: buildProviderSecret(request.body, namespace),
        });
        const secretName = secret.metadata?.name ?? '';
        let provider: Provider | undefined;
        try {
          provider = (await custom.createNamespacedCustomObject({
            group,
            version,
            plural,
            namespace,
            body: buildProvider(request.body, namespace, secretName),
          })) as Provider;
          await core.patchNamespacedSecret(
            {
              name: secretName,
              namespace,
              body: [
                {
                  op: 'add',
                  path: '/metadata/ownerReferences',
                  value: [ownerReferenceTo(provider)],
                },
              ],
            },
            setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
          );
        } catch (error) {
          await undoCreation({ core, custom, namespace, secretName, provider, log: request.log });
          throw error;
        }
        return await reply.code(201).send(provider);
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );
};

type Undo = {
  core: CoreV1Api;
  custom: CustomObjectsApi;
  namespace: string;
  secretName: string;
  provider: Provider | undefined;
  log: FastifyBaseLogger;
};

// Only the message: a client error object carries request details that have no place in a log.
const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Deletes what a failed creation left; a failure here is logged, the first error is answered. */
const undoCreation = async ({ core, custom, namespace, secretName, provider, log }: Undo) => {
  const name = provider?.metadata?.name;
  if (name) {
    await custom
      .deleteNamespacedCustomObject({ group, version, plural, namespace, name })
      .catch((error: unknown) =>
        log.warn(
          { namespace, name, reason: messageOf(error) },
          'Could not delete a half-created Provider',
        ),
      );
  }
  await core
    .deleteNamespacedSecret({ name: secretName, namespace })
    .catch((error: unknown) =>
      log.warn(
        { namespace, name: secretName, reason: messageOf(error) },
        "Could not delete a half-created provider's Secret",
      ),
    );
};
