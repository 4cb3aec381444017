// A closed-loop HTTP load: each virtual client has its own keep-alive connection and sends its
// next request as soon as the previous answer has been read to the end, like a browser tab would.
// Latency is from sending the request to the last byte of the body.
import { performance } from 'node:perf_hooks';
import { Client } from 'undici';

export type LoadOptions = {
  origin: string;
  clients: number;
  /** Requests started before this much time has passed are not recorded (connections, JIT). */
  warmupMs: number;
  durationMs: number;
  /** The path a client requests next; `sequence` counts that client's requests. */
  path: (client: number, sequence: number) => string;
};

export type LoadResult = {
  latenciesMs: number[];
  /** The path of each recorded request, index for index with latenciesMs. */
  paths: string[];
  errors: number;
  firstError?: string;
  /** Body bytes of the recorded requests. */
  bytes: number;
};

export const runLoad = async (options: LoadOptions): Promise<LoadResult> => {
  const result: LoadResult = { latenciesMs: [], paths: [], errors: 0, bytes: 0 };
  const started = performance.now();
  const recordFrom = started + options.warmupMs;
  const endAt = recordFrom + options.durationMs;
  const clients = Array.from(
    { length: options.clients },
    () => new Client(options.origin, { pipelining: 1, keepAliveTimeout: 60_000 }),
  );
  const fail = (message: string) => {
    result.errors += 1;
    result.firstError ??= message;
  };

  const runClient = async (client: Client, index: number) => {
    for (let sequence = 0; performance.now() < endAt; sequence += 1) {
      const path = options.path(index, sequence);
      const sentAt = performance.now();
      try {
        const response = await client.request({ method: 'GET', path });
        let bytes = 0;
        for await (const chunk of response.body) bytes += (chunk as Buffer).length;
        const latency = performance.now() - sentAt;
        // Only a full answer counts: 206 is the inventory saying it has no data yet.
        if (response.statusCode !== 200) fail(`GET ${path}: ${response.statusCode}`);
        else if (sentAt >= recordFrom) {
          result.latenciesMs.push(latency);
          result.paths.push(path);
          result.bytes += bytes;
        }
      } catch (error) {
        fail(`GET ${path}: ${(error as Error).message}`);
      }
    }
  };

  try {
    await Promise.all(clients.map(runClient));
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
  return result;
};
