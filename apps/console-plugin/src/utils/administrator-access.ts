import { fetchBffJson } from './bff.ts';

/** Console feature flag set for users who may administer the migration service. */
export const ADMINISTRATOR_FLAG = 'FORKLIFT_ADMINISTRATOR';

/** Whether the signed-in user may list namespaces and patch the ForkliftController. */
export const fetchAdministratorAccess = async (bffBaseUrl: string): Promise<boolean> =>
  (await fetchBffJson<{ administrator: boolean }>(bffBaseUrl, '/api/v1/admin/access'))
    .administrator;
