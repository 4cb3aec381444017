// The plan details page's writes: a partial spec edit (PATCH), the whole Plan from the YAML tab
// (PUT), and the plan's pre/post hook (a plan-owned Hook set on every VM). Each runs with the
// caller's credentials, is refused with 409 while the plan is not editable (planEditBlock) or was
// changed since the page read it, and replaces the Plan at the resourceVersion it checked, so a
// write racing the controller or another user is a 409 from the API server too.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  FORKLIFT_API_VERSION,
  PlanModel,
  type HookSpec,
  type Plan,
  type PlanHookStep,
} from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { objectsOf, type ObjectKey } from '../kube/objects.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import { kubeErrorResponses, kubeObjectSchema } from '../http/schemas.ts';
import {
  hookBodySchema,
  hookDeleteQuerySchema,
  hookParamsSchema,
  planParamsSchema,
  planPatchBodySchema,
  planReplaceBodySchema,
} from './edit-schemas.ts';
import { editablePlan, PlanEditRefusal } from './editable-plan.ts';
import { applySpecPatch, planBodyError, playbookError } from './plan-edits.ts';
import { removePlanHook, setPlanHook } from './plan-hooks.ts';

type Options = { connection: KubeConnection };
type PlanParams = ObjectKey;
type HookParams = ObjectKey & { step: PlanHookStep };

const answerFailure = (reply: FastifyReply, error: unknown) =>
  error instanceof PlanEditRefusal
    ? sendError(reply, 409, error.message)
    : sendKubeError(reply, error);

/** A rollback or leftover that could not be removed is logged, never hidden; the answer stands. */
const logCleanupFailure = (request: FastifyRequest) => (what: string, error: unknown) =>
  request.log.warn({ err: String(error) }, `${what} could not be cleaned up`);

export const planEditRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  const member = '/api/v1/namespaces/:namespace/plans/:name';
  const planResponses = { 200: kubeObjectSchema, ...kubeErrorResponses };

  app.patch<{
    Params: PlanParams;
    Body: { resourceVersion: string; spec: Record<string, unknown> };
  }>(
    member,
    { schema: { params: planParamsSchema, body: planPatchBodySchema, response: planResponses } },
    async (request, reply) => {
      const key = request.params;
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        const plan = await editablePlan(kubeConfig, key, request.body.resourceVersion);
        return await objectsOf<Plan>(kubeConfig, PlanModel).replace(
          key,
          applySpecPatch(plan, request.body.spec),
        );
      } catch (error) {
        return answerFailure(reply, error);
      }
    },
  );

  app.put<{ Params: PlanParams; Body: Plan }>(
    member,
    { schema: { params: planParamsSchema, body: planReplaceBodySchema, response: planResponses } },
    async (request, reply) => {
      const key = request.params;
      const invalid = planBodyError(request.body, key);
      if (invalid) return sendError(reply, 400, invalid);
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        await editablePlan(kubeConfig, key, request.body.metadata?.resourceVersion ?? '');
        return await objectsOf<Plan>(kubeConfig, PlanModel).replace(key, {
          ...request.body,
          apiVersion: FORKLIFT_API_VERSION,
          kind: PlanModel.kind,
          metadata: { ...request.body.metadata, namespace: key.namespace },
        });
      } catch (error) {
        return answerFailure(reply, error);
      }
    },
  );

  app.put<{ Params: HookParams; Body: { resourceVersion: string; hook: HookSpec } }>(
    `${member}/hooks/:step`,
    {
      schema: {
        params: hookParamsSchema,
        body: hookBodySchema,
        response: {
          200: {
            type: 'object',
            properties: { plan: kubeObjectSchema, hook: kubeObjectSchema },
            required: ['plan', 'hook'],
          },
          ...kubeErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const { step, ...key } = request.params;
      const spec = request.body.hook;
      const invalid = playbookError(spec.playbook);
      if (invalid) return sendError(reply, 400, invalid);
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        const plan = await editablePlan(kubeConfig, key, request.body.resourceVersion);
        if ((plan.spec?.vms ?? []).length === 0) {
          return sendError(reply, 400, "spec.vms is empty: a hook runs for the plan's VMs");
        }
        return await setPlanHook(kubeConfig, plan, step, spec, logCleanupFailure(request));
      } catch (error) {
        return answerFailure(reply, error);
      }
    },
  );

  app.delete<{ Params: HookParams; Querystring: { resourceVersion: string } }>(
    `${member}/hooks/:step`,
    {
      schema: {
        params: hookParamsSchema,
        querystring: hookDeleteQuerySchema,
        response: planResponses,
      },
    },
    async (request, reply) => {
      const { step, ...key } = request.params;
      try {
        const kubeConfig = kubeConfigForRequest(connection, request.caller);
        const plan = await editablePlan(kubeConfig, key, request.query.resourceVersion);
        return await removePlanHook(kubeConfig, plan, step, logCleanupFailure(request));
      } catch (error) {
        return answerFailure(reply, error);
      }
    },
  );
};
