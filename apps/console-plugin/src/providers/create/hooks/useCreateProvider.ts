import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { sendBffJson } from '../../../utils/bff.ts';
import type { CreateProviderRequest } from '@forklift-console/api';

type Creation = { namespace: string; request: CreateProviderRequest };

/** Creates the Secret, the Provider and the ownership between them in one BFF call. */
export const useCreateProvider = () => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ namespace, request }: Creation) =>
      sendBffJson<Provider>(
        bffBaseUrl,
        'POST',
        `/api/v1/namespaces/${encodeURIComponent(namespace)}/providers`,
        request,
      ),
    // Server push would tell too, but the details page opens next and should find it at once.
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['resources', ProviderModel.plural] }),
  });
};
