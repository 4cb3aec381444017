// Measured code runs in its own Node process so its memory can be read apart from the bench's,
// and so the load generator does not share its event loop. The two sides talk over the IPC
// channel: the parent calls a named command, the child answers with a result or an error.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

type Request = { id: number; command: string; args: unknown };
type Reply = { id: number; result?: unknown; error?: string };

export type BenchChild = {
  call<T>(command: string, args?: unknown): Promise<T>;
  stop(): Promise<void>;
};

const STOP_TIMEOUT_MS = 15_000;

export const startChild = (modulePath: string, execArgv: string[] = []): BenchChild => {
  const child: ChildProcess = fork(modulePath, [], {
    execArgv,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // The last lines of stderr, to explain a child that dies.
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error !== undefined) waiter?.reject(new Error(reply.error));
    else waiter?.resolve(reply.result);
  });
  const exited = once(child, 'exit').then(([code, signal]) => {
    const error = new Error(`${modulePath} exited (${signal ?? code}): ${stderr.trim()}`);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  let nextId = 0;

  return {
    call<T>(command: string, args?: unknown): Promise<T> {
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, command, args } satisfies Request);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Disconnecting asks the child to clean up and leave; a child stuck in cleanup is killed.
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
};

/**
 * The child's side: runs each command the parent sends, one at a time in arrival order, and
 * calls `cleanup` before leaving when the parent disconnects.
 */
export const serveParent = (
  handlers: Record<string, (args: never) => Promise<unknown>>,
  cleanup: () => Promise<void> = async () => undefined,
): void => {
  let queue = Promise.resolve();
  process.on('message', (request: Request) => {
    queue = queue.then(async () => {
      const handler = handlers[request.command];
      try {
        if (!handler) throw new Error(`unknown command ${request.command}`);
        const result = await handler(request.args as never);
        process.send!({ id: request.id, result } satisfies Reply);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.send!({ id: request.id, error: message } satisfies Reply);
      }
    });
  });
  process.once('disconnect', () => {
    void queue
      .then(cleanup)
      .catch((error: unknown) => process.stderr.write(`cleanup failed: ${String(error)}\n`))
      .finally(() => process.exit(0));
  });
};
