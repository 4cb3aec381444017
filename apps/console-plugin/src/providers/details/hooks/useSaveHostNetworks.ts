import { useMutation, useQueryClient } from '@tanstack/react-query';
import { HostModel } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { sendBffJson } from '../../../utils/bff.ts';
import { providerApiPath } from './useProviderMutations.ts';

export type HostNetworkRequest = {
  hosts: { id: string; name: string; ipAddress: string }[];
  username?: string;
  password?: string;
};

/** Creates or updates the Host CR (and its Secret) of each host; answers their names. */
export const useSaveHostNetworks = (namespace: string, name: string) => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: HostNetworkRequest) =>
      sendBffJson<{ names: string[] }>(
        bffBaseUrl,
        'POST',
        `${providerApiPath(namespace, name)}/hosts`,
        request,
      ),
    // The change feed pushes the Host changes too; refetching now shows them without waiting.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['resources', HostModel.plural] }),
  });
};
