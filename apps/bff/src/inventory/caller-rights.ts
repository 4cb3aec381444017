// What a caller may see of a caller-scoped inventory (the host cluster's), asked of RBAC with the
// caller's own credentials before a read: may it list the kind cluster-wide, and otherwise in
// which namespaces. A namespace itself is seen by whoever may get it, as `kubectl get namespace`.
import type { Caller } from '../access/caller.ts';
import type { AccessReviews } from '../kube/access-review.ts';
import type { CallerRights, CallerScope, RbacResource } from './provider-inventory.ts';

const keyOf = ({ group, resource }: RbacResource) => `${group}/${resource}`;

const isNamespaces = ({ group, resource }: RbacResource) =>
  group === '' && resource === 'namespaces';

export const callerRightsFor = async (
  reviews: AccessReviews,
  caller: Caller | undefined,
  scope: CallerScope,
  collectionOrTree: string,
): Promise<CallerRights> => {
  const allowed = new Map<string, 'all' | Set<string>>();
  await Promise.all(
    scope.resourcesFor(collectionOrTree).map(async (resource) => {
      const { group } = resource;
      if (await reviews.may(caller, { verb: 'list', group, resource: resource.resource })) {
        allowed.set(keyOf(resource), 'all');
        return;
      }
      const namespaces = scope.namespaces();
      const answers = await Promise.all(
        namespaces.map((namespace) =>
          reviews.may(
            caller,
            isNamespaces(resource)
              ? { verb: 'get', group, resource: 'namespaces', namespace, name: namespace }
              : { verb: 'list', group, resource: resource.resource, namespace },
          ),
        ),
      );
      allowed.set(keyOf(resource), new Set(namespaces.filter((_, index) => answers[index])));
    }),
  );
  return (resource, namespace) => {
    const answer = allowed.get(keyOf(resource));
    return answer === 'all' || (answer?.has(namespace) ?? false);
  };
};
