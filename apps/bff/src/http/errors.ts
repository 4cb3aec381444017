// Turns failures from the Kubernetes client into HTTP answers that say what went wrong.
import type { FastifyReply } from 'fastify';
import { toKubeFailure } from '../kube/errors.ts';
import { UnauthenticatedError } from '../kube/requester.ts';

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export const sendError = (reply: FastifyReply, statusCode: number, message: string) =>
  reply.code(statusCode).send({ statusCode, error: ERROR_NAMES[statusCode] ?? 'Error', message });

/** Answers for a failed Kubernetes call; rethrows what is not a Kubernetes failure. */
export const sendKubeError = (reply: FastifyReply, error: unknown) => {
  if (error instanceof UnauthenticatedError) return sendError(reply, 401, error.message);
  const failure = toKubeFailure(error);
  if (failure) return sendError(reply, failure.statusCode, failure.message);
  if (error instanceof Error && /ECONNREFUSED|ECONNRESET|fetch failed/.test(error.message)) {
    return sendError(reply, 503, 'The Kubernetes API server cannot be reached');
  }
  throw error;
};
