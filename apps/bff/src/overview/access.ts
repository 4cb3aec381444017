// Who may administer the migration service: users who may list namespaces and patch the
// ForkliftController. The API server decides, through SelfSubjectAccessReviews sent with the
// user's own credentials, so cluster RBAC (or the embedded API's) is the only source of truth.
import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import { mayDo } from '../kube/access-review.ts';
import { ForkliftControllerModel, type ForkliftController } from '@forklift-console/api';

const { group, version, plural } = ForkliftControllerModel;

/** The service's ForkliftController among `items`: the first by namespace and name, as there is one per install. */
export const serviceForkliftController = (
  items: readonly ForkliftController[],
): ForkliftController | undefined =>
  [...items].sort(
    (a, b) =>
      (a.metadata?.namespace ?? '').localeCompare(b.metadata?.namespace ?? '') ||
      (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  )[0];

/** The service's ForkliftController, read from the API server. */
export const findForkliftController = async (
  kubeConfig: KubeConfig,
): Promise<ForkliftController | undefined> => {
  const list = (await kubeConfig
    .makeApiClient(CustomObjectsApi)
    .listClusterCustomObject({ group, version, plural })) as { items: ForkliftController[] };
  return serviceForkliftController(list.items);
};

/**
 * @param serverConfig the BFF's own identity, used only to find which ForkliftController to ask
 *   about (a user may be allowed to patch it without being allowed to list them all)
 * @param userConfig the user's credentials
 */
export const isAdministrator = async (
  serverConfig: KubeConfig,
  userConfig: KubeConfig,
): Promise<boolean> => {
  const controller = await findForkliftController(serverConfig);
  const [listNamespaces, patchController] = await Promise.all([
    mayDo(userConfig, { verb: 'list', group: '', resource: 'namespaces' }),
    mayDo(userConfig, {
      verb: 'patch',
      group,
      resource: plural,
      ...(controller?.metadata?.namespace ? { namespace: controller.metadata.namespace } : {}),
      ...(controller?.metadata?.name ? { name: controller.metadata.name } : {}),
    }),
  ]);
  return listNamespaces && patchController;
};
