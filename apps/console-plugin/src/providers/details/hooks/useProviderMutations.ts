import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Provider } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { resourceQueryKey } from '../../../hooks/useResource.ts';
import { sendBffJson } from '../../../utils/bff.ts';

/** The fields the Details tab edits; null removes a key (JSON merge patch). */
export type ProviderPatch = {
  metadata?: { annotations?: Record<string, string | null> };
  spec?: { url?: string; settings?: Record<string, string | null> };
};

export const providerApiPath = (namespace: string, name: string) =>
  `/api/v1/namespaces/${encodeURIComponent(namespace)}/providers/${encodeURIComponent(name)}`;

/** Saves the YAML (whole object, with its resourceVersion) or a Details-tab patch. */
export const useSaveProvider = (namespace: string, name: string) => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      save: { kind: 'replace'; provider: Provider } | { kind: 'patch'; patch: ProviderPatch },
    ) =>
      save.kind === 'replace'
        ? sendBffJson<Provider>(bffBaseUrl, 'PUT', providerApiPath(namespace, name), save.provider)
        : sendBffJson<Provider>(bffBaseUrl, 'PATCH', providerApiPath(namespace, name), save.patch),
    onSuccess: (stored) =>
      queryClient.setQueryData(resourceQueryKey('providers', namespace, name), stored),
  });
};

export const useDeleteProvider = (namespace: string, name: string) => {
  const { bffBaseUrl } = useConsoleHost();
  return useMutation({
    mutationFn: () => sendBffJson<void>(bffBaseUrl, 'DELETE', providerApiPath(namespace, name)),
  });
};
