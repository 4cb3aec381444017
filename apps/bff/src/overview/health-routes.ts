// The Health tab's data. In a cluster the migration service is the pods of the ForkliftController's
// namespace (their logs are the console's pod logs pages); standalone it is the BFF's own
// components, whose recent log lines the BFF keeps.
import type { FastifyInstance } from 'fastify';
import { CoreV1Api } from '@kubernetes/client-node';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { errorSchema } from '../http/schemas.ts';
import type { ComponentRegistry } from '../components/registry.ts';
import { findForkliftController } from './access.ts';

type Deps = { connection: KubeConnection; components: ComponentRegistry };

const componentSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    role: { type: 'string' },
    state: { type: 'string' },
    message: { type: 'string' },
    created: { type: 'string' },
    /** Where the logs are: a BFF path standalone, a console pod logs page in a cluster. */
    logs: {
      type: 'object',
      properties: { kind: { enum: ['bff', 'pod'] }, namespace: { type: 'string' } },
      required: ['kind'],
    },
  },
  required: ['name', 'state', 'created', 'logs'],
} as const;

/** A pod's state as `oc get pods` would summarise it. */
const podState = (phase: string | undefined, ready: boolean) => {
  if (phase === 'Running') return ready ? 'Running' : 'Starting';
  if (phase === 'Failed') return 'Failed';
  return phase ?? 'Unknown';
};

export const registerHealthRoutes = (app: FastifyInstance, { connection, components }: Deps) => {
  app.get(
    '/api/v1/admin/health',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { components: { type: 'array', items: componentSchema } },
            required: ['components'],
          },
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      if (connection.mode === 'embedded') {
        return {
          components: components
            .list()
            .map((component) => ({ ...component, logs: { kind: 'bff' } })),
        };
      }
      try {
        const userConfig = kubeConfigForRequest(connection, request.caller);
        const controller = await findForkliftController(connection.kubeConfig);
        const namespace = controller?.metadata?.namespace;
        if (!namespace) return sendError(reply, 404, 'No ForkliftController exists');
        const pods = await userConfig.makeApiClient(CoreV1Api).listNamespacedPod({ namespace });
        const rows = pods.items.map((pod) => ({
          name: pod.metadata?.name ?? '',
          role: pod.metadata?.labels?.app === 'forklift' ? 'controller' : 'pod',
          state: podState(
            pod.status?.phase,
            pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
          ),
          created: new Date(pod.metadata?.creationTimestamp ?? 0).toISOString(),
          logs: { kind: 'pod', namespace },
        }));
        // The controller first, then the rest by name.
        rows.sort(
          (a, b) =>
            Number(b.name.startsWith('forklift-controller')) -
              Number(a.name.startsWith('forklift-controller')) || a.name.localeCompare(b.name),
        );
        return { components: rows };
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );

  app.get<{ Params: { component: string } }>(
    '/api/v1/admin/health/:component/logs',
    {
      schema: {
        params: {
          type: 'object',
          properties: { component: { type: 'string', pattern: '^[a-z0-9-]+$' } },
          required: ['component'],
        },
        response: { 200: { type: 'string' }, 404: errorSchema },
      },
    },
    async (request, reply) => {
      if (connection.mode !== 'embedded' || !components.has(request.params.component)) {
        return sendError(reply, 404, `No component ${request.params.component} keeps logs here`);
      }
      const lines = components.logs(request.params.component);
      return reply
        .type('text/plain; charset=utf-8')
        .send(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    },
  );
};
