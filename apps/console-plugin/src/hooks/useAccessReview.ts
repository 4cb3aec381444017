import { skipToken, useQuery } from '@tanstack/react-query';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { sendBffJson } from '../utils/bff.ts';

/** One thing the user might do; without a namespace, in every project at once. */
export type AccessCheck = {
  verb: 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';
  /** '' for the core API group. */
  group: string;
  /** The plural, e.g. `providers`. */
  resource: string;
  namespace?: string;
  name?: string;
};

export const accessReviewQueryKey = ({ verb, group, resource, namespace, name }: AccessCheck) =>
  ['access-reviews', verb, group, resource, namespace ?? '', name ?? ''] as const;

/** The BFF's body for one check; absent names are left out, as the API server reads "any". */
export const accessReviewBody = ({ verb, group, resource, namespace, name }: AccessCheck) => ({
  checks: [
    { verb, group, resource, ...(namespace ? { namespace } : {}), ...(name ? { name } : {}) },
  ],
});

// Rights change only through RBAC objects the change feed does not carry; half a minute old is
// fresh enough for greying out a button, since the action's own route asks again.
const STALE_TIME_MS = 30_000;

/**
 * Whether the user may do it: undefined while unknown (no check, still asking, or the question
 * failed), so that only a definite refusal disables an action and the server decides the rest.
 */
export const useAccessReview = (
  check: AccessCheck | undefined,
): { allowed: boolean | undefined; isLoading: boolean } => {
  const { bffBaseUrl } = useConsoleHost();
  const query = useQuery({
    queryKey: check ? accessReviewQueryKey(check) : ['access-reviews'],
    queryFn: check
      ? async () => {
          const answer = await sendBffJson<{ allowed: boolean[] }>(
            bffBaseUrl,
            'POST',
            '/api/v1/access-reviews',
            accessReviewBody(check),
          );
          return answer.allowed[0] === true;
        }
      : skipToken,
    staleTime: STALE_TIME_MS,
    // The action stays enabled until an answer comes, so a failed question is not worth repeating.
    retry: false,
  });
  return { allowed: query.data, isLoading: query.isLoading };
};
