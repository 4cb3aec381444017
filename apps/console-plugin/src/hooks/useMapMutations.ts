import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { K8sModel, NetworkMap, StorageMap } from '@forklift-console/api';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { sendBffJson } from '../utils/bff.ts';
import { mapApiPath } from '../utils/map-paths.ts';
import { resourceQueryKey } from './useResource.ts';

export type AnyMap = NetworkMap | StorageMap;

/** Creates a whole map in `namespace`; answers the stored map (201). */
export const useCreateMap = (model: K8sModel) => {
  const { bffBaseUrl } = useConsoleHost();
  return useMutation({
    mutationFn: ({ namespace, map }: { namespace: string; map: AnyMap }) =>
      sendBffJson<AnyMap>(bffBaseUrl, 'POST', mapApiPath(model, namespace), map),
  });
};

/**
 * Replaces the map with an edited copy that carries the resourceVersion it was read at, so an edit
 * of an older version is refused (409) instead of overwriting the controller's or another user's.
 */
export const useReplaceMap = (model: K8sModel, namespace: string, name: string) => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (map: AnyMap) =>
      sendBffJson<AnyMap>(bffBaseUrl, 'PUT', mapApiPath(model, namespace, name), map),
    onSuccess: (stored) =>
      queryClient.setQueryData(resourceQueryKey(model.plural, namespace, name), stored),
  });
};

export const useDeleteMap = (model: K8sModel, namespace: string, name: string) => {
  const { bffBaseUrl } = useConsoleHost();
  return useMutation({
    mutationFn: () => sendBffJson<void>(bffBaseUrl, 'DELETE', mapApiPath(model, namespace, name)),
  });
};
