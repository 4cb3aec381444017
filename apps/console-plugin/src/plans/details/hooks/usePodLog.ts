import { useQuery } from '@tanstack/react-query';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { BffError } from '../../../utils/bff.ts';

/** The last lines the log modal shows; the pod's whole log stays a `kubectl logs` away. */
export const POD_LOG_LINES = 2000;

/**
 * A migration pod's container log (plain text, apps/bff/src/plans/migration-pod-log.ts). Logs
 * grow without a change to any object, so the modal refetches on demand rather than by push.
 */
export const usePodLog = (namespace: string, pod: string, container: string) => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: ['pod-log', namespace, pod, container],
    queryFn: async () => {
      const response = await fetch(
        `${bffBaseUrl}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log?container=${encodeURIComponent(container)}&tailLines=${POD_LOG_LINES}`,
        { headers: { accept: 'text/plain, application/json' } },
      );
      if (!response.ok) {
        const answer = (await response.json().catch(() => undefined)) as
          { message?: string } | undefined;
        throw new BffError(
          response.status,
          answer?.message ?? `${response.status} ${response.statusText}`,
        );
      }
      return response.text();
    },
  });
};
