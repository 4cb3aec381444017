import type { FC, ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConsoleHostContext, type ConsoleHost } from '../host/ConsoleHost.ts';
import { TipsProvider } from '../tips/TipsContext.tsx';
import { TipsDrawer } from '../tips/TipsDrawer.tsx';
import { ChangeFeedListener } from './ChangeFeedListener.tsx';

// One cache for every page of the plugin: data fetched on one page is fresh on the next, and server
// push keeps it so, which is why queries never go stale by time.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, retry: 1, refetchOnWindowFocus: false } },
});

type Props = {
  host: ConsoleHost;
  children: ReactNode;
  /**
   * False when the host places the drawer itself: the standalone shell keeps its masthead and
   * navigation outside it, as the console does.
   */
  withTipsDrawer?: boolean;
};

/** What every page needs around it, whichever host renders it. */
export const PageProviders: FC<Props> = ({ host, children, withTipsDrawer = true }) => (
  <ConsoleHostContext.Provider value={host}>
    <QueryClientProvider client={queryClient}>
      <ChangeFeedListener />
      <TipsProvider>{withTipsDrawer ? <TipsDrawer>{children}</TipsDrawer> : children}</TipsProvider>
    </QueryClientProvider>
  </ConsoleHostContext.Provider>
);
