// The plan details page's writes: a partial spec edit (PATCH), the whole Plan from the YAML tab
// (PUT), and the plan's pre/post hook (a plan-owned Hook set on every VM). Each runs with the
// caller's credentials, is refused with 409 while the plan is not editable (planEditBlock) or was
// changed since the page read it, and replaces the Plan at the resourceVersion it checked, so a
// write racing the controller or another user is a 409 from the API server too.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  HookModel,
  planEditBlock,
  planHookRefs,
  PlanModel,
  type Hook,
  type HookSpec,
  type Plan,
  type PlanHookStep,
} from '@forklift-console/api';
import type { KubeConnection } from '../kube/connection.ts';
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
import { applySpecPatch, planBodyError, playbookError, withStepHook } from './plan-edits.ts';

type Options = { connection: KubeConnection };
type PlanParams = ObjectKey;
type HookParams = ObjectKey & { step: PlanHookStep };

/** A reason the write may not happen, answered as 409. */
class Refusal extends Error {}

/** The stored plan, if the caller may still edit it at the resourceVersion the page read. */
const editablePlan = async (
  kubeConfig: KubeConfig,
  key: ObjectKey,
  resourceVersion: string,
): Promise<Plan> => {
  const plan = await objectsOf<Plan>(kubeConfig, PlanModel).get(key);
  const block = planEditBlock(plan);
  if (block) throw new Refusal(block);
  if (plan.metadata?.resourceVersion !== resourceVersion) {
    throw new Refusal(
      `The plan ${key.name} has changed since it was read (resourceVersion ${resourceVersion}, ` +
        `now ${plan.metadata?.resourceVersion}): reload it and edit again`,
    );
  }
  return plan;
};

const answerFailure = (reply: FastifyReply, error: unknown) =>
  error instanceof Refusal ? sendError(reply, 409, error.message) : sendKubeError(reply, error);

const isOwnedBy = (hook: Hook, plan: Plan) =>
  (hook.metadata?.ownerReferences ?? []).some((owner) => owner.uid === plan.metadata?.uid);

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
        const hooks = objectsOf<Hook>(kubeConfig, HookModel);
        const [current] = planHookRefs(plan, step);
        const existing =
          current && (current.namespace ?? key.namespace) === key.namespace
            ? await hooks
                .get({ namespace: key.namespace, name: current.name })
                .catch(() => undefined)
            : undefined;
        // The plan's own hook is edited in place; a hook it shares with others is left alone.
        const reused = existing && isOwnedBy(existing, plan) ? existing : undefined;
        const hook = reused
          ? await hooks.replace(
              { namespace: key.namespace, name: reused.metadata?.name ?? '' },
              { ...reused, spec },
            )
          : await hooks.create(key.namespace, {
              apiVersion: FORKLIFT_API_VERSION,
              kind: HookModel.kind,
              metadata: {
                generateName: `${key.name}-${step}-hook-`,
                namespace: key.namespace,
                ownerReferences: [
                  {
                    apiVersion: FORKLIFT_API_VERSION,
                    kind: PlanModel.kind,
                    name: key.name,
                    uid: plan.metadata?.uid ?? '',
                  },
                ],
              },
              spec,
            });
        try {
          const stored = await objectsOf<Plan>(kubeConfig, PlanModel).replace(
            key,
            withStepHook(plan, step, {
              name: hook.metadata?.name ?? '',
              namespace: key.namespace,
            }),
          );
          return { plan: stored, hook };
        } catch (error) {
          // Leave nothing half-made: the Hook goes back to what it was, or away.
          const hookKey = { namespace: key.namespace, name: hook.metadata?.name ?? '' };
          if (reused) {
            await hooks
              .replace(hookKey, {
                ...reused,
                metadata: { ...reused.metadata, resourceVersion: hook.metadata?.resourceVersion },
              })
              .catch(() => undefined);
          } else {
            await hooks.delete(hookKey).catch(() => undefined);
          }
          throw error;
        }
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
        const removed = planHookRefs(plan, step);
        const stored = await objectsOf<Plan>(kubeConfig, PlanModel).replace(
          key,
          withStepHook(plan, step, undefined),
        );
        // Hooks the plan owns and no longer names are its leftovers; shared ones stay.
        const hooks = objectsOf<Hook>(kubeConfig, HookModel);
        for (const ref of removed) {
          const hookKey = { namespace: ref.namespace ?? key.namespace, name: ref.name };
          const hook = await hooks.get(hookKey).catch(() => undefined);
          if (
            hook &&
            isOwnedBy(hook, plan) &&
            planHookRefs(stored, step === 'pre' ? 'post' : 'pre').every(
              (other) => other.name !== ref.name,
            )
          ) {
            await hooks.delete(hookKey).catch(() => undefined);
          }
        }
        return stored;
      } catch (error) {
        return answerFailure(reply, error);
      }
    },
  );
};
