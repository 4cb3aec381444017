import { useAdministratorAccess } from '@forklift-console/console-plugin/hooks/useAdministratorAccess.ts';
import { ADMINISTRATOR_FLAG } from '@forklift-console/console-plugin/utils/administrator-access.ts';

/** The feature flags the plugin's flag hook sets inside the console, computed the same way. */
export const useShellFlags = (): Record<string, boolean> => {
  const { data: administrator = false } = useAdministratorAccess();
  return { [ADMINISTRATOR_FLAG]: administrator };
};
