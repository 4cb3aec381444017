// Asks the API server whether the holder of these credentials may do something: a
// SelfSubjectAccessReview sent with the user's own credentials, so RBAC is the only judge.
import { AuthorizationV1Api, type KubeConfig } from '@kubernetes/client-node';

export type ResourceAttributes = {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
};

export const mayDo = async (
  userConfig: KubeConfig,
  resourceAttributes: ResourceAttributes,
): Promise<boolean> => {
  const review = await userConfig.makeApiClient(AuthorizationV1Api).createSelfSubjectAccessReview({
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes },
    },
  });
  return review.status?.allowed === true;
};
