import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { fetchBffJson, sendBffJson } from '../../../utils/bff.ts';
import { providerApiPath } from './useProviderMutations.ts';

export type MaskedCredentials = { secretName: string; keys: { key: string; set: boolean }[] };

export type RevealedCredentials = { secretName: string; data: Record<string, string> };

const credentialsPath = (namespace: string, name: string) =>
  `${providerApiPath(namespace, name)}/credentials`;

// Under the provider's key, so that a pushed change of the provider (its controller noting a new
// Secret version) refreshes them.
const credentialsQueryKey = (namespace: string, name: string, view: 'masked' | 'revealed') =>
  ['resources', 'providers', namespace, name, 'credentials', view] as const;

/** Which keys the provider's Secret holds, and whether each is set; never the values. */
export const useMaskedCredentials = (namespace: string, name: string, enabled = true) => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: credentialsQueryKey(namespace, name, 'masked'),
    queryFn: () => fetchBffJson<MaskedCredentials>(bffBaseUrl, credentialsPath(namespace, name)),
    enabled,
  });
};

/**
 * The decoded values, fetched only while a page asks for them. The cache forgets them as soon as
 * they are hidden or nothing shows them, so revealed secrets do not linger in memory.
 */
export const useRevealedCredentials = (namespace: string, name: string, enabled: boolean) => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();
  const queryKey = credentialsQueryKey(namespace, name, 'revealed');
  useEffect(() => {
    if (!enabled) {
      queryClient.removeQueries({
        queryKey: credentialsQueryKey(namespace, name, 'revealed'),
        exact: true,
      });
    }
  }, [enabled, queryClient, namespace, name]);
  return useQuery({
    queryKey,
    queryFn: () =>
      fetchBffJson<RevealedCredentials>(
        bffBaseUrl,
        `${credentialsPath(namespace, name)}?reveal=true`,
      ),
    enabled,
    gcTime: 0,
  });
};

/** Replaces the Secret's data; the answer is the masked view of what was stored. */
export const useSaveCredentials = (namespace: string, name: string) => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: Record<string, string>) =>
      sendBffJson<MaskedCredentials>(bffBaseUrl, 'PUT', credentialsPath(namespace, name), {
        data,
      }),
    onSuccess: (stored) => {
      queryClient.setQueryData(credentialsQueryKey(namespace, name, 'masked'), stored);
      void queryClient.invalidateQueries({
        queryKey: credentialsQueryKey(namespace, name, 'revealed'),
      });
    },
  });
};
