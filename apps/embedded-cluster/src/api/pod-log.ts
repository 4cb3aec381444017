// GET …/pods/<name>/log, answered as kube-apiserver answers it from the kubelet: plain text of one
// container's log (the `container` parameter, needed when the pod has more than one), its previous
// run with `previous`, the last lines with `tailLines`, at most `limitBytes`, and with `follow` the
// lines as they are written until the container ends. The pod runner and the KubeVirt launcher
// write the files this reads (pods/log-files.ts).
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { containerLogFile } from '../pods/log-files.ts';
import { badRequest } from './status.ts';

type ContainerState = {
  waiting?: { reason?: string };
  running?: object;
  terminated?: object;
};

type ContainerStatus = { name: string; restartCount?: number; state?: ContainerState };

export type LoggedPod = {
  metadata: { name: string; namespace: string; uid: string };
  spec?: { containers?: { name: string }[]; initContainers?: { name: string }[] };
  status?: { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] };
};

const FOLLOW_POLL_MS = 250;

const containerNames = (pod: LoggedPod) =>
  [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map(({ name }) => name);

const statusOf = (pod: LoggedPod, container: string) =>
  [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find(
    ({ name }) => name === container,
  );

const nonNegativeInteger = (query: URLSearchParams, name: string): number | undefined => {
  const value = query.get(name);
  if (value === null) return undefined;
  if (!/^\d+$/.test(value)) throw badRequest(`${name}: must be a non-negative integer`);
  return Number(value);
};

/** The last `lines` lines of `text` (a final newline does not start a line). */
const tail = (text: Buffer, lines: number): Buffer => {
  if (lines === 0) return Buffer.alloc(0);
  let end = text.length;
  if (end > 0 && text[end - 1] === 0x0a) end -= 1;
  let start = end;
  for (let seen = 0; start > 0; start -= 1) {
    if (text[start - 1] === 0x0a && ++seen === lines) break;
  }
  return text.subarray(start);
};

export const servePodLog = async ({
  response,
  query,
  pod,
  dataDir,
  readPod,
  closed,
}: {
  response: ServerResponse;
  query: URLSearchParams;
  pod: LoggedPod;
  dataDir: string;
  /** The pod as stored now, or undefined once deleted: `follow` ends with the container. */
  readPod: () => LoggedPod | undefined;
  /** True once the client has gone away. */
  closed: () => boolean;
}): Promise<void> => {
  const { name } = pod.metadata;
  const names = containerNames(pod);
  let container = query.get('container') ?? undefined;
  if (container === undefined) {
    if (names.length !== 1) {
      throw badRequest(
        `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`,
      );
    }
    container = names[0]!;
  }
  if (!names.includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${name}`);
  }
  const tailLines = nonNegativeInteger(query, 'tailLines');
  const limitBytes = nonNegativeInteger(query, 'limitBytes');
  const follow = query.get('follow') === 'true';
  const status = statusOf(pod, container);
  const run = (status?.restartCount ?? 0) - (query.get('previous') === 'true' ? 1 : 0);
  if (run < 0) {
    throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  }
  const file = containerLogFile(dataDir, pod.metadata, container, run);
  if (!existsSync(file)) {
    throw badRequest(
      `container "${container}" in pod "${name}" is waiting to start: ${
        status?.state?.waiting?.reason ?? 'ContainerCreating'
      }`,
    );
  }

  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  const handle = await open(file, 'r');
  try {
    const initial = await handle.readFile();
    let text = tailLines === undefined ? initial : tail(initial, tailLines);
    let budget = limitBytes ?? Infinity;
    if (text.length > budget) text = text.subarray(0, budget);
    budget -= text.length;
    response.write(text);
    let position = initial.length;
    const ended = () => {
      const now = readPod();
      if (!now || now.metadata.uid !== pod.metadata.uid) return true;
      return Boolean(statusOf(now, container)?.state?.terminated);
    };
    while (follow && budget > 0 && !closed()) {
      // Checked before reading, so that what was written before the container ended is sent.
      const done = ended();
      const chunk = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead > 0) {
        position += bytesRead;
        const piece = chunk.subarray(0, Math.min(bytesRead, budget));
        budget -= piece.length;
        response.write(piece);
        continue;
      }
      if (done) break;
      await sleep(FOLLOW_POLL_MS);
    }
  } finally {
    await handle.close();
    response.end();
  }
};
