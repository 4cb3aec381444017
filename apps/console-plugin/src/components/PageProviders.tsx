import type { FC, ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConsoleHostContext, type ConsoleHost } from '../host/ConsoleHost.ts';
import { ChangeFeedListener } from './ChangeFeedListener.tsx';

// One cache for every page of the plugin: data fetched on one page is fresh on the next, and server
// push keeps it so, which is why queries never go stale by time.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, retry: 1, refetchOnWindowFocus: false } },
});

type Props = { host: ConsoleHost; children: ReactNode };

/**
 * What every page needs around it, whichever host renders it. Features a host adds around its pages
 * (the tips drawer) are the host's to place, so that shared code knows no feature.
 */
export const PageProviders: FC<Props> = ({ host, children }) => (
  <ConsoleHostContext.Provider value={host}>
    <QueryClientProvider client={queryClient}>
      <ChangeFeedListener />
      {children}
    </QueryClientProvider>
  </ConsoleHostContext.Provider>
);
