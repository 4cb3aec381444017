// Who a request acts as, decided once by the access layer (access/access-layer.ts) and read by
// every route through kubeConfigForRequest: routes never look at headers or cookies themselves.
import { createHash } from 'node:crypto';

export type Caller =
  /** Standalone only: the holder of the console's access token (or anyone, with --no-auth). */
  | { kind: 'administrator' }
  /** A bearer token the API server judges: a console user's in a cluster, a tokens.csv user's standalone. */
  | { kind: 'user'; token: string };

export const ADMINISTRATOR: Caller = { kind: 'administrator' };

/** A key for caches of per-caller answers; hashed so that no cache holds a token in the clear. */
export const callerKey = (caller: Caller | undefined): string =>
  !caller
    ? 'nobody'
    : caller.kind === 'administrator'
      ? 'administrator'
      : `user:${createHash('sha256').update(caller.token).digest('hex')}`;

// Fastify's request type can only be extended by declaration merging, which needs an interface.
declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merging needs one
  interface FastifyRequest {
    /** Set by the access layer before any route runs; undefined only where it is not registered. */
    caller?: Caller;
  }
}
