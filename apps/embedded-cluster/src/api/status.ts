// Failures as Kubernetes `Status` objects, worded as the real API server words them.
import type { FieldCause } from './schema.ts';
import type { Kind } from './kinds.ts';

export type Status = {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: FieldCause[];
    retryAfterSeconds?: number;
  };
  code: number;
};

export class StatusError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message);
    this.status = status;
  }
}

const qualified = (kind: Kind) => (kind.group ? `${kind.plural}.${kind.group}` : kind.plural);

const failure = (
  code: number,
  reason: string,
  message: string,
  details?: Status['details'],
): StatusError =>
  new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });

export const notFound = (kind: Kind, name: string) =>
  failure(404, 'NotFound', `${qualified(kind)} "${name}" not found`, {
    name,
    group: kind.group,
    kind: kind.plural,
  });

export const pathNotFound = (path: string) =>
  failure(404, 'NotFound', `the server could not find the requested resource (${path})`);

export const alreadyExists = (kind: Kind, name: string) =>
  failure(409, 'AlreadyExists', `${qualified(kind)} "${name}" already exists`, {
    name,
    group: kind.group,
    kind: kind.plural,
  });

export const conflict = (kind: Kind, name: string) =>
  failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: kind.group, kind: kind.plural },
  );

export const badRequest = (message: string) => failure(400, 'BadRequest', message);

export const methodNotAllowed = (method: string) =>
  failure(
    405,
    'MethodNotAllowed',
    `the server does not allow this method on the requested resource (${method})`,
  );

export const unsupportedMediaType = (
  contentType: string,
  accepted = [
    'application/json-patch+json',
    'application/merge-patch+json',
    'application/strategic-merge-patch+json',
  ],
) =>
  failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')} (got ${contentType})`,
  );

export const forbiddenTerminating = (kind: Kind, name: string, namespace: string) =>
  failure(
    403,
    'Forbidden',
    `${kind.plural}${kind.group ? `.${kind.group}` : ''} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
    { name, group: kind.group, kind: kind.plural },
  );

export const namespaceNotFound = (namespace: string) =>
  failure(404, 'NotFound', `namespaces "${namespace}" not found`, {
    name: namespace,
    kind: 'namespaces',
  });

export const invalid = (kind: Kind, name: string, causes: FieldCause[]) => {
  const messages = causes.map((cause) => `${cause.field}: ${cause.message}`);
  const summary = messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
  const kindName = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  return failure(422, 'Invalid', `${kindName} "${name}" is invalid: ${summary}`, {
    name,
    group: kind.group,
    kind: kind.kind,
    causes,
  });
};

export const requestEntityTooLarge = (limit: number) =>
  failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);

export const gone = (message: string) => failure(410, 'Expired', message);

export const unauthorized = () => failure(401, 'Unauthorized', 'Unauthorized');

export const forbidden = (message: string) => failure(403, 'Forbidden', message);
