// How the routes that create a plan with what it owns (create, Duplicate) answer a failed step and
// note what they could not undo: by kind and name only, since bodies may hold secrets.
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { toKubeFailure } from '../kube/errors.ts';
import { sendError, sendKubeError } from '../http/errors.ts';
import type { OwnedObjectError } from './owned-objects.ts';

export const sendOwnedObjectError = (reply: FastifyReply, error: OwnedObjectError) => {
  const failure = toKubeFailure(error.cause);
  if (!failure) return sendKubeError(reply, error.cause);
  return sendError(reply, failure.statusCode, `${error.message}: ${failure.message}`);
};

export const logUndoFailure =
  (log: FastifyBaseLogger, namespace: string) => (kind: string, name: string, error: unknown) =>
    log.warn(
      { namespace, kind, name, reason: error instanceof Error ? error.message : String(error) },
      'Could not delete an object of a plan that failed to be created',
    );
