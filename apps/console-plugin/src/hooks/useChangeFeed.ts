import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useConsoleHost } from '../host/ConsoleHost.ts';

type ChangeMessage = { resource: string };

/**
 * Listens to the BFF's server push and marks exactly the stale queries, so pages never poll.
 * `ready` arrives on every (re)connect: whatever changed while disconnected is refetched then.
 */
export const useChangeFeed = (): void => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();

  useEffect(() => {
    const source = new EventSource(`${bffBaseUrl}/api/v1/events`);
    const onReady = () => void queryClient.invalidateQueries({ queryKey: ['resources'] });
    const onChange = (event: MessageEvent<string>) => {
      const change = JSON.parse(event.data) as ChangeMessage;
      void queryClient.invalidateQueries({ queryKey: ['resources', change.resource] });
    };
    source.addEventListener('ready', onReady);
    source.addEventListener('change', onChange);
    return () => source.close();
  }, [bffBaseUrl, queryClient]);
};
