// The Overview page's routes: the administrator's view of the migration service, its
// ForkliftController, read, edited as YAML and tuned through the Settings form. Every write goes to
// the API server, whose verdict is the answer (409 on a stale form, 422 naming the invalid field).
// The paths stay under /api/v1/admin, as these routes are for administrators only.
import type { FastifyPluginAsync } from 'fastify';
import { CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import {
  FORKLIFT_SETTINGS,
  ForkliftControllerModel,
  NETWORK_NAME_PATTERN,
  settingsPatch,
  type ForkliftController,
  type SettingsChanges,
} from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { findForkliftController, isAdministrator } from './access.ts';
import { registerHealthRoutes } from './health-routes.ts';
import type { ComponentRegistry } from '../components/registry.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { objectsOf } from '../kube/objects.ts';
import type { Caller } from '../access/caller.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { kubeErrorResponses, kubeObjectSchema } from '../http/schemas.ts';

type Options = { connection: KubeConnection; components: ComponentRegistry };

const { group, version, plural } = ForkliftControllerModel;

const settingValueSchema = (setting: (typeof FORKLIFT_SETTINGS)[number]) => {
  const nullable = { type: 'null' };
  if (setting.control === 'number') {
    return { anyOf: [{ type: 'integer', minimum: setting.minimum ?? 0 }, nullable] };
  }
  if (setting.control === 'select') return { anyOf: [{ enum: setting.options }, nullable] };
  return {
    anyOf: [{ type: 'string', pattern: NETWORK_NAME_PATTERN }, nullable],
  };
};

const settingsBodySchema = {
  type: 'object',
  properties: {
    resourceVersion: { type: 'string', minLength: 1 },
    changes: {
      type: 'object',
      properties: Object.fromEntries(
        FORKLIFT_SETTINGS.map((setting) => [setting.key, settingValueSchema(setting)]),
      ),
      additionalProperties: false,
    },
  },
  required: ['resourceVersion', 'changes'],
  additionalProperties: false,
} as const;

export const overviewRoutes: FastifyPluginAsync<Options> = async (
  app,
  { connection, components },
) => {
  const api = (caller: Caller | undefined) =>
    kubeConfigForRequest(connection, caller).makeApiClient(CustomObjectsApi);

  const findController = (caller: Caller | undefined) =>
    findForkliftController(kubeConfigForRequest(connection, caller));

  app.get(
    '/api/v1/admin/access',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { administrator: { type: 'boolean' } },
            required: ['administrator'],
          },
          ...kubeErrorResponses,
        },
      },
    },
    async (request, reply) => {
      try {
        const userConfig = kubeConfigForRequest(connection, request.caller);
        return { administrator: await isAdministrator(connection.kubeConfig, userConfig) };
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );

  // Every other route here is for administrators only; the API server would refuse most of what
  // they do anyway, but a plain 403 up front says why instead of a half-loaded page.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/v1/admin/access')) return;
    try {
      const userConfig = kubeConfigForRequest(connection, request.caller);
      if (!(await isAdministrator(connection.kubeConfig, userConfig))) {
        return sendError(
          reply,
          403,
          'You need administrator access: permission to list namespaces and patch the ForkliftController',
        );
      }
    } catch (error) {
      return sendKubeError(reply, error);
    }
  });

  registerHealthRoutes(app, { connection, components });

  app.get(
    '/api/v1/admin/forklift-controller',
    { schema: { response: { 200: kubeObjectSchema, ...kubeErrorResponses } } },
    async (request, reply) => {
      try {
        const controller = await findController(request.caller);
        if (!controller) return sendError(reply, 404, 'No ForkliftController exists');
        return controller;
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );

  app.put<{ Body: ForkliftController }>(
    '/api/v1/admin/forklift-controller',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            metadata: {
              type: 'object',
              properties: { name: { type: 'string' }, namespace: { type: 'string' } },
              required: ['name', 'namespace'],
            },
          },
          required: ['metadata'],
        },
        response: { 200: kubeObjectSchema, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      const { name, namespace } = request.body.metadata as { name: string; namespace: string };
      try {
        return await objectsOf<ForkliftController>(
          kubeConfigForRequest(connection, request.caller),
          ForkliftControllerModel,
        ).replace({ namespace, name }, request.body);
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );

  app.patch<{ Body: { resourceVersion: string; changes: SettingsChanges } }>(
    '/api/v1/admin/forklift-controller/settings',
    {
      schema: {
        body: settingsBodySchema,
        response: { 200: kubeObjectSchema, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      const { caller } = request;
      try {
        const controller = await findController(caller);
        if (!controller?.metadata?.name || !controller.metadata.namespace) {
          return sendError(reply, 404, 'No ForkliftController exists');
        }
        const operations = settingsPatch(
          (controller.spec ?? {}) as Record<string, unknown>,
          request.body.changes,
          request.body.resourceVersion,
        );
        if (operations.length === 0) return controller;
        return await api(caller).patchNamespacedCustomObject(
          {
            group,
            version,
            plural,
            namespace: controller.metadata.namespace,
            name: controller.metadata.name,
            body: operations,
          },
          setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
        );
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );
};
