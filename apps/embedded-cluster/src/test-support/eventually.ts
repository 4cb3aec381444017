// For the tests of the embedded cluster: waiting for what a worker does asynchronously. `read` is
// polled until `until` holds of its result (by default: until it returns something); a read that
// throws is tried again. Past `timeoutMs` (a bound, not a measurement) it fails with the last
// result or error seen.
import { setTimeout as sleep } from 'node:timers/promises';

type Bound = {
  /** What is awaited, for the failure message. */
  what: string;
  timeoutMs?: number;
};

/** Until `until` holds of what `read` returns. */
export function eventually<T>(
  read: () => Promise<T>,
  options: Bound & { until: (value: T) => boolean },
): Promise<T>;
/** Until `read` returns something other than undefined, which it resolves with. */
export function eventually<T>(read: () => Promise<T | undefined>, options: Bound): Promise<T>;
export async function eventually<T>(
  read: () => Promise<T>,
  {
    what,
    until = (value) => value !== undefined,
    timeoutMs = 90_000,
  }: Bound & { until?: (value: T) => boolean },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: { value: T } | { error: unknown } | undefined;
  for (;;) {
    try {
      const value = await read();
      if (until(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() > deadline) {
      const seen =
        last && 'error' in last ? String(last.error) : JSON.stringify(last?.value, null, 1);
      throw new Error(`timed out waiting for ${what}; last seen: ${seen}`);
    }
    await sleep(200);
  }
}
