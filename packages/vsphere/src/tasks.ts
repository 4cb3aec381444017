// vim25 methods named `…_Task` answer at once with a Task; the work's outcome is the task's
// `info.state` (queued, running, success, error) and, on error, `info.error`. These follow one to
// its end, so a caller reads "vCenter did it" or the fault vCenter gives.
import { readProperties } from './properties.ts';
import {
  moRefXml,
  toMoRef,
  VsphereFault,
  type ManagedObjectReference,
  type SoapClient,
  type XmlNode,
} from './soap-client.ts';

export type TaskOptions = {
  /** How often the task is read; vCenter tasks take from milliseconds to minutes. */
  pollMs?: number;
  /** Give up (a VsphereFault of kind Timeout) after this long; the task itself goes on. */
  timeoutMs?: number;
};

const DEFAULT_POLL_MS = 250;
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** The fault of a failed task: its vim25 type as the kind, vCenter's sentence as the message. */
const taskFault = (error: unknown): VsphereFault => {
  const localized = error as XmlNode | undefined;
  const fault = localized?.fault as XmlNode | undefined;
  const kind = String(fault?.['@_xsi:type'] ?? 'TaskFailed');
  const message = String(localized?.localizedMessage ?? '') || `the task failed (${kind})`;
  return new VsphereFault(kind, message);
};

/** Resolves when the task succeeded; throws its fault when it failed. */
export const waitForTask = async (
  client: SoapClient,
  task: ManagedObjectReference,
  { pollMs = DEFAULT_POLL_MS, timeoutMs = DEFAULT_TIMEOUT_MS }: TaskOptions = {},
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await readProperties(client, task, ['info.state', 'info.error']);
    const state = info['info.state'];
    if (state === 'success') return;
    if (state === 'error') throw taskFault(info['info.error']);
    if (Date.now() > deadline) {
      throw new VsphereFault(
        'Timeout',
        `task ${task.value} did not finish in ${timeoutMs / 1000} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
};

/** Calls a `…_Task` method on an object and waits for the task it starts. */
export const runTask = async (
  client: SoapClient,
  method: string,
  target: ManagedObjectReference,
  options?: TaskOptions,
): Promise<void> => {
  const response = await client.call(method, moRefXml('_this', target));
  const task = toMoRef((response.returnval as XmlNode[] | undefined)?.[0]);
  if (!task.value) throw new VsphereFault('InvalidResponse', `${method} answered with no task`);
  await waitForTask(client, task, options);
};
