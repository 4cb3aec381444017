import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ForkliftController, SettingsChanges } from '@forklift-console/api';
import { useConsoleHost } from '../../host/ConsoleHost.ts';
import { sendBffJson } from '../../utils/bff.ts';
import { forkliftControllerQueryKey } from './useForkliftController.ts';

type Save =
  | { kind: 'settings'; resourceVersion: string; changes: SettingsChanges }
  | { kind: 'yaml'; controller: ForkliftController };

/** Saves settings (changed keys only) or the whole YAML; the answer is the stored controller. */
export const useSaveForkliftController = () => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: Save) =>
      save.kind === 'settings'
        ? sendBffJson<ForkliftController>(
            bffBaseUrl,
            'PATCH',
            '/api/v1/admin/forklift-controller/settings',
            { resourceVersion: save.resourceVersion, changes: save.changes },
          )
        : sendBffJson<ForkliftController>(
            bffBaseUrl,
            'PUT',
            '/api/v1/admin/forklift-controller',
            save.controller,
          ),
    onSuccess: (stored) => queryClient.setQueryData(forkliftControllerQueryKey, stored),
  });
};
