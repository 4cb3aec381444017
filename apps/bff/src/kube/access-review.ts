// Asks the API server whether the holder of these credentials may do something: a
// SelfSubjectAccessReview sent with the user's own credentials, so RBAC is the only judge.
import { AuthorizationV1Api, type KubeConfig } from '@kubernetes/client-node';
import { callerKey, type Caller } from '../access/caller.ts';
import type { KubeConnection } from './kube-connection.ts';
import { kubeConfigForRequest } from './requester.ts';

export type ResourceAttributes = {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
};

export const mayDo = async (
  userConfig: KubeConfig,
  resourceAttributes: ResourceAttributes,
): Promise<boolean> => {
  const review = await userConfig.makeApiClient(AuthorizationV1Api).createSelfSubjectAccessReview({
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes },
    },
  });
  return review.status?.allowed === true;
};

const ANSWER_CACHE_MS = 10_000;
const CACHE_LIMIT = 10_000;

/**
 * Access reviews with each caller's own credentials, kept a few seconds per caller and question,
 * since one page load or one change fans out to many of the same questions. A failed review (API
 * server away, token expired) counts as "no".
 */
export const createAccessReviews = (connection: Pick<KubeConnection, 'mode' | 'kubeConfig'>) => {
  const answers = new Map<string, { allowed: Promise<boolean>; expires: number }>();
  return {
    may(caller: Caller | undefined, attributes: ResourceAttributes): Promise<boolean> {
      const key = `${callerKey(caller)}\n${JSON.stringify(attributes)}`;
      const now = Date.now();
      const cached = answers.get(key);
      if (cached && cached.expires > now) return cached.allowed;
      if (answers.size >= CACHE_LIMIT) answers.clear();
      const allowed = (async () =>
        mayDo(kubeConfigForRequest(connection, caller), attributes))().catch(() => false);
      answers.set(key, { allowed, expires: now + ANSWER_CACHE_MS });
      return allowed;
    },
  };
};

export type AccessReviews = ReturnType<typeof createAccessReviews>;
