// How a server push marks queries stale. TanStack Query joins a refetch to a fetch already in
// flight when the query has no data yet (it cancels and restarts only queries that have data), so a
// change landing during a query's first fetch would be lost whenever that fetch's answer predates
// it: the page would show the old state until the next change. Such queries are invalidated once
// more when that first fetch has settled.
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';

export const createChangeInvalidator = (queryClient: QueryClient) => {
  const cache = queryClient.getQueryCache();
  const changedDuringFirstFetch = new WeakSet<Query>();
  const unsubscribe = cache.subscribe((event) => {
    const { query } = event;
    if (event.type !== 'updated' || query.state.fetchStatus !== 'idle') return;
    if (!changedDuringFirstFetch.delete(query)) return;
    void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
  });
  return {
    /** Marks the queries under `queryKey` stale and refetches those on screen. */
    invalidate(queryKey: QueryKey): void {
      for (const query of cache.findAll({ queryKey, fetchStatus: 'fetching' })) {
        if (query.state.data === undefined) changedDuringFirstFetch.add(query);
      }
      void queryClient.invalidateQueries({ queryKey });
    },
    stop: unsubscribe,
  };
};
