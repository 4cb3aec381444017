// Whether "Create plan" can lead anywhere: the wizard needs a source and an `openshift` target
// provider in the project (Forklift disables the button otherwise, with this reason).
import type { Provider } from '@forklift-console/api';

export type CreatePlanBlock = 'no-providers' | 'no-target-provider';

export const createPlanBlock = (providers: readonly Provider[]): CreatePlanBlock | undefined => {
  if (providers.length === 0) return 'no-providers';
  if (!providers.some((provider) => provider.spec?.type === 'openshift')) {
    return 'no-target-provider';
  }
  return undefined;
};
