import { ForkliftControllerModel, type ForkliftController } from '@forklift-console/api';
import { useResources } from './useResources.ts';

/**
 * Whether the migration service offers storage copy offload (the ForkliftController's
 * `feature_copy_offload`, on unless set to "false", as in Forklift). A user who may not read the
 * controller gets Forklift's default.
 */
export const useCopyOffloadEnabled = (): boolean => {
  const { data } = useResources<ForkliftController>(ForkliftControllerModel, 'all');
  return data?.[0]?.spec?.feature_copy_offload !== 'false';
};
