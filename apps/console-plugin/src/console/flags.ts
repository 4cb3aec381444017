// Feature flags the console evaluates before showing extensions (exposed as `flags`).
import { useEffect } from 'react';
import type { SetFeatureFlag } from '@openshift-console/dynamic-plugin-sdk';
import { ADMINISTRATOR_FLAG, fetchAdministratorAccess } from '../utils/administrator-access.ts';
import { BFF_PROXY_URL } from './bff-proxy.ts';

/** Shows the Overview only to administrators; anyone else is treated as not one on failure. */
export const useAdministratorFlag = (setFeatureFlag: SetFeatureFlag): void => {
  useEffect(() => {
    fetchAdministratorAccess(BFF_PROXY_URL).then(
      (administrator) => setFeatureFlag(ADMINISTRATOR_FLAG, administrator),
      () => setFeatureFlag(ADMINISTRATOR_FLAG, false),
    );
  }, [setFeatureFlag]);
};
