// Waits for what a worker does asynchronously: polls `read` until `done` holds of its result, and
// fails with the last result seen when it does not within `timeoutMs` (a bound, not a measurement).
import { setTimeout as sleep } from 'node:timers/promises';

export const until = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 30_000, what = 'the condition' }: { timeoutMs?: number; what?: string } = {},
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last, null, 1)}`);
    }
    await sleep(200);
  }
};
