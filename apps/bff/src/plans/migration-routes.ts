// The migration actions of a plan and what its migration made: Start/Restart (a new Migration),
// Cancel of VMs (the Migration's spec.cancel), the objects per VM for the Virtual machines tab,
// and a migration pod's log. Every call runs with the caller's credentials, so RBAC decides.
import type { FastifyPluginAsync } from 'fastify';
import { PlanModel, type Plan } from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { objectsOf, type ObjectKey } from '../kube/objects.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { kubeErrorResponses, kubeObjectSchema, objectParamsSchema } from '../http/schemas.ts';
import { MigrationStartRefusal, startMigration } from './start-migration.ts';
import {
  cancelMigrationVms,
  MigrationCancelRefusal,
  type CancelRequest,
} from './cancel-migration.ts';
import { listMigrationResources } from './migration-resources.ts';
import { PodLogRefusal, readMigrationPodLog } from './migration-pod-log.ts';
import {
  cancelBodySchema,
  migrationResourcesSchema,
  podLogParamsSchema,
  podLogQuerySchema,
} from './migration-schemas.ts';

type Options = { connection: KubeConnection };

const planPath = '/api/v1/namespaces/:namespace/plans/:name';

export const planMigrationRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  app.post<{ Params: ObjectKey }>(
    `${planPath}/start`,
    {
      schema: {
        params: objectParamsSchema,
        response: { 201: kubeObjectSchema, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        return reply.code(201).send(await startMigration(kubeConfig, request.params));
      } catch (error) {
        if (error instanceof MigrationStartRefusal) return sendError(reply, 409, error.message);
        return sendKubeError(reply, error);
      }
    },
  );

  app.post<{ Params: ObjectKey; Body: CancelRequest }>(
    `${planPath}/cancel`,
    {
      schema: {
        params: objectParamsSchema,
        body: cancelBodySchema,
        response: { 200: kubeObjectSchema, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        return await cancelMigrationVms(kubeConfig, request.params, request.body);
      } catch (error) {
        if (error instanceof MigrationCancelRefusal) {
          return sendError(reply, error.statusCode, error.message);
        }
        return sendKubeError(reply, error);
      }
    },
  );

  app.get<{ Params: ObjectKey }>(
    `${planPath}/migration-resources`,
    {
      schema: {
        params: objectParamsSchema,
        response: { 200: migrationResourcesSchema, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        const plan = await objectsOf<Plan>(kubeConfig, PlanModel).get(request.params);
        const targetNamespace = plan.spec?.targetNamespace || request.params.namespace;
        return await listMigrationResources(kubeConfig, plan.metadata?.uid ?? '', targetNamespace);
      } catch (error) {
        return sendKubeError(reply, error);
      }
    },
  );

  app.get<{
    Params: { namespace: string; pod: string };
    Querystring: { container?: string; tailLines?: number };
  }>(
    '/api/v1/namespaces/:namespace/pods/:pod/log',
    {
      schema: {
        params: podLogParamsSchema,
        querystring: podLogQuerySchema,
        response: { 200: { type: 'string' }, ...kubeErrorResponses },
      },
    },
    async (request, reply) => {
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        const log = await readMigrationPodLog(kubeConfig, {
          namespace: request.params.namespace,
          name: request.params.pod,
          ...request.query,
        });
        return reply.type('text/plain; charset=utf-8').send(log);
      } catch (error) {
        if (error instanceof PodLogRefusal) return sendError(reply, 403, error.message);
        return sendKubeError(reply, error);
      }
    },
  );
};
