// The self reviews a client sends to learn about its own credentials: SelfSubjectReview (who am
// I, `kubectl auth whoami`) and SelfSubjectAccessReview (may I, `kubectl auth can-i`).
import type { NonResourceAttributes, RequestAttributes } from './authorization.ts';
import type { UserInfo } from './authentication.ts';
import { badRequest } from './status.ts';

export const SELF_SUBJECT_REVIEW_PATH = '/apis/authentication.k8s.io/v1/selfsubjectreviews';
export const SELF_SUBJECT_ACCESS_REVIEW_PATH =
  '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

/** The attributes RBAC checks before a review is answered: creating the review itself. */
export const reviewAttributes = (path: string): RequestAttributes | undefined => {
  if (path === SELF_SUBJECT_REVIEW_PATH) {
    return { verb: 'create', group: 'authentication.k8s.io', resource: 'selfsubjectreviews' };
  }
  if (path === SELF_SUBJECT_ACCESS_REVIEW_PATH) {
    return { verb: 'create', group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' };
  }
  return undefined;
};

export const selfSubjectReview = (user: UserInfo) => ({
  apiVersion: 'authentication.k8s.io/v1',
  kind: 'SelfSubjectReview',
  metadata: { creationTimestamp: null },
  status: {
    userInfo: {
      username: user.username,
      ...(user.uid ? { uid: user.uid } : {}),
      groups: user.groups,
    },
  },
});

type AccessReviewSpec = {
  resourceAttributes?: Partial<RequestAttributes>;
  nonResourceAttributes?: Partial<NonResourceAttributes>;
};

/** What a SelfSubjectAccessReview asks about, checked as kube-apiserver checks it. */
const askedAttributes = (spec: AccessReviewSpec): RequestAttributes | NonResourceAttributes => {
  const { resourceAttributes: wanted, nonResourceAttributes: path } = spec;
  if (wanted && path) {
    throw badRequest('spec.resourceAttributes and spec.nonResourceAttributes are exclusive');
  }
  if (path) {
    if (!path.verb || !path.path) {
      throw badRequest('spec.nonResourceAttributes.verb and .path are required');
    }
    return { verb: path.verb, path: path.path };
  }
  if (!wanted?.verb || wanted.resource === undefined) {
    throw badRequest('spec.resourceAttributes.verb and .resource are required');
  }
  return {
    verb: wanted.verb,
    group: wanted.group ?? '',
    resource: wanted.resource,
    ...(wanted.subresource ? { subresource: wanted.subresource } : {}),
    ...(wanted.namespace ? { namespace: wanted.namespace } : {}),
    ...(wanted.name ? { name: wanted.name } : {}),
  };
};

export const selfSubjectAccessReview = (
  body: unknown,
  allowed: (attributes: RequestAttributes | NonResourceAttributes) => boolean,
) => {
  const spec = (body as { spec?: AccessReviewSpec } | null)?.spec ?? {};
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    metadata: { creationTimestamp: null },
    spec,
    status: { allowed: allowed(askedAttributes(spec)) },
  };
};
