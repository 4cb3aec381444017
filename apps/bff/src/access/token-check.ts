// Standalone, a bearer token other than the access token must be one the embedded API knows
// (tokens.csv); the BFF asks the API server rather than reading that file, so that it judges
// tokens the one way a cluster would.
import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { mayDo } from '../kube/access-review.ts';
import { callerKey } from './caller.ts';
import type { KubeConnection } from '../kube/kube-connection.ts';

const CHECK_CACHE_MS = 10_000;
const CHECK_CACHE_LIMIT = 10_000;

/**
 * Whether the API server authenticates this token. Any SelfSubjectAccessReview answer, allowed or
 * not, means it did; only a 401 means the token is unknown. Answers are kept for a few seconds so
 * that a page's many requests cost one check.
 */
export const createTokenCheck = (connection: Pick<KubeConnection, 'mode' | 'kubeConfig'>) => {
  const answers = new Map<string, { valid: Promise<boolean>; expires: number }>();

  const ask = async (userConfig: KubeConfig): Promise<boolean> => {
    try {
      await mayDo(userConfig, { verb: 'get', group: '', resource: 'namespaces' });
      return true;
    } catch (error) {
      if (error instanceof ApiException && error.code === 401) return false;
      throw error;
    }
  };

  return (token: string): Promise<boolean> => {
    const caller = { kind: 'user', token } as const;
    const key = callerKey(caller);
    const now = Date.now();
    const cached = answers.get(key);
    if (cached && cached.expires > now) return cached.valid;
    if (answers.size >= CHECK_CACHE_LIMIT) answers.clear();
    const valid = ask(kubeConfigForRequest(connection, caller));
    const entry = { valid, expires: now + CHECK_CACHE_MS };
    answers.set(key, entry);
    // A failure to ask is not an answer: the next request asks again.
    valid.catch(() => answers.get(key) === entry && answers.delete(key));
    return valid;
  };
};
