// Creating a migration plan as Forklift's wizard submits it, with the caller's credentials: the
// plan-owned maps (copies of chosen maps, or new ones), the LUKS Secret and the Hooks, then the
// Plan naming them, then their ownerReferences to it. A failure at any step answers with the cause
// and leaves nothing behind (owned-objects.ts). Passphrases are written to the Secret only: never
// answered, never logged.
import type { FastifyPluginAsync } from 'fastify';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import {
  HookModel,
  NetworkMapModel,
  PlanModel,
  StorageMapModel,
  type CreatePlanRequest,
  type HookStep,
  type NetworkMap,
  type Plan,
  type StorageMap,
} from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { objectsOf } from '../kube/objects.ts';
import { toKubeFailure } from '../kube/errors.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { kubeErrorResponses, kubeObjectSchema } from '../http/schemas.ts';
import { createPlanBodySchema, planCollectionParamsSchema } from './create-schemas.ts';
import { logUndoFailure, sendOwnedObjectError } from './owned-object-replies.ts';
import {
  createWithOwned,
  customStore,
  OwnedObjectError,
  coreStore,
  type KubeObject,
  type OwnedObject,
} from './owned-objects.ts';
import {
  createPlanRequestError,
  decryptionSecretBody,
  existingMapError,
  hookBody,
  planBody,
  planMapBody,
} from './plan-owned-bodies.ts';

type Options = { connection: KubeConnection };

/** A request that refers to something that is not there or not usable: 400 naming the field. */
class RequestRefusal extends Error {}

const readExistingMap = async (
  kubeConfig: KubeConfig,
  field: 'networkMap' | 'storageMap',
  namespace: string,
  request: CreatePlanRequest,
): Promise<NetworkMap | StorageMap | undefined> => {
  const choice = request[field];
  if ('map' in choice) return undefined;
  const model = field === 'networkMap' ? NetworkMapModel : StorageMapModel;
  try {
    const existing = await objectsOf<NetworkMap>(kubeConfig, model).get({
      namespace,
      name: choice.name,
    });
    const refusal = existingMapError(field, existing, request.plan);
    if (refusal) throw new RequestRefusal(refusal);
    return existing;
  } catch (error) {
    if (toKubeFailure(error)?.statusCode === 404) {
      throw new RequestRefusal(`${field}.name: ${model.kind} ${choice.name} not found`);
    }
    throw error;
  }
};

const checkSecretExists = async (kubeConfig: KubeConfig, namespace: string, name: string) => {
  try {
    // Only its existence matters; its data is not kept, answered or logged.
    await kubeConfig.makeApiClient(CoreV1Api).readNamespacedSecret({ namespace, name });
  } catch (error) {
    if (toKubeFailure(error)?.statusCode === 404) {
      throw new RequestRefusal(`diskDecryption.secretName: Secret ${name} not found`);
    }
    throw error;
  }
};

const HOOK_STEPS: [keyof NonNullable<CreatePlanRequest['hooks']>, HookStep][] = [
  ['pre', 'PreHook'],
  ['post', 'PostHook'],
];

/** Creates the plan and what it owns; throws RequestRefusal, OwnedObjectError or a client error. */
const createPlan = async (
  kubeConfig: KubeConfig,
  namespace: string,
  request: CreatePlanRequest,
  onUndoFailure: (kind: string, name: string, error: unknown) => void,
): Promise<Plan> => {
  const { plan, diskDecryption } = request;
  const planName = plan.metadata?.name ?? '';
  const [existingNetworkMap, existingStorageMap] = await Promise.all([
    readExistingMap(kubeConfig, 'networkMap', namespace, request),
    readExistingMap(kubeConfig, 'storageMap', namespace, request),
  ]);
  if (diskDecryption && 'secretName' in diskDecryption) {
    await checkSecretExists(kubeConfig, namespace, diskDecryption.secretName);
  }

  const hooks = HOOK_STEPS.flatMap(([key, step]) => {
    const spec = request.hooks?.[key];
    return spec ? [{ step, spec }] : [];
  });
  const owned: OwnedObject[] = [
    {
      store: customStore(kubeConfig, NetworkMapModel),
      body: planMapBody('NetworkMap', request.networkMap, plan, existingNetworkMap),
    },
    {
      store: customStore(kubeConfig, StorageMapModel),
      body: planMapBody('StorageMap', request.storageMap, plan, existingStorageMap),
    },
    ...hooks.map(({ step, spec }) => ({
      store: customStore(kubeConfig, HookModel),
      body: hookBody(planName, step, spec),
    })),
  ];
  if (diskDecryption && 'passphrases' in diskDecryption) {
    owned.push({
      store: coreStore(kubeConfig, 'Secret'),
      body: decryptionSecretBody(planName, diskDecryption.passphrases) as KubeObject,
    });
  }

  const nameAt = (created: KubeObject[], index: number) => created[index]?.metadata?.name ?? '';
  const { owner } = await createWithOwned<Plan>({
    namespace,
    owned,
    owner: {
      store: customStore(kubeConfig, PlanModel),
      build: (created) =>
        planBody(plan, namespace, {
          networkMap: nameAt(created, 0),
          storageMap: nameAt(created, 1),
          hooks: hooks.map(({ step }, index) => ({ step, name: nameAt(created, 2 + index) })),
          luksSecret:
            diskDecryption && 'secretName' in diskDecryption
              ? diskDecryption.secretName
              : diskDecryption
                ? nameAt(created, 2 + hooks.length)
                : undefined,
        }),
    },
    onUndoFailure,
  });
  return owner;
};

/** The answer for a failure of one step: the API server's code, its message and which object. */
export const planCreateRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  app.post<{ Params: { namespace: string }; Body: CreatePlanRequest }>(
    '/api/v1/namespaces/:namespace/plans',
    {
      schema: {
        params: planCollectionParamsSchema,
        body: createPlanBodySchema,
        response: { 201: kubeObjectSchema, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      const { namespace } = request.params;
      const invalid = createPlanRequestError(request.body, namespace);
      if (invalid) return sendError(reply, 400, invalid);
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        const plan = await createPlan(
          kubeConfig,
          namespace,
          request.body,
          logUndoFailure(request.log, namespace),
        );
        return await reply.code(201).send(plan);
      } catch (error) {
        if (error instanceof RequestRefusal) return sendError(reply, 400, error.message);
        if (error instanceof OwnedObjectError) return sendOwnedObjectError(reply, error);
        return sendKubeError(reply, error);
      }
    },
  );
};
