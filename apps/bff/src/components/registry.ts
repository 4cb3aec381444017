// The BFF's own parts (embedded API server, change feed, and later the engine's controllers and
// inventory collectors), with their live state and the recent log lines of each, so that the
// Health tab can show a standalone install the way a cluster shows the service's pods.
import { Writable } from 'node:stream';

export type ComponentState = 'Running' | 'Starting' | 'Failed';

export type ComponentRole = 'controller' | 'api-server' | 'watch' | 'engine';

export type ComponentStatus = {
  name: string;
  role: ComponentRole;
  state: ComponentState;
  message?: string;
  created: string;
};

type Probe = () => { state: ComponentState; message?: string };

type Entry = { role: ComponentRole; created: string; probe: Probe };

/** Log lines without a `component` field belong to the BFF process itself. */
export const PROCESS_COMPONENT = 'forklift-console';

const LOG_LINES_KEPT = 500;

export const createComponentRegistry = () => {
  const components = new Map<string, Entry>();
  const logs = new Map<string, string[]>();

  const keep = (component: string, line: string) => {
    const lines = logs.get(component) ?? [];
    lines.push(line);
    if (lines.length > LOG_LINES_KEPT) lines.splice(0, lines.length - LOG_LINES_KEPT);
    logs.set(component, lines);
  };

  /** A pino destination: each JSON log line (already redacted) is kept under its component. */
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        let component = PROCESS_COMPONENT;
        try {
          const record = JSON.parse(line) as { component?: unknown };
          if (typeof record.component === 'string') component = record.component;
        } catch {
          // Not a log record (should not happen with pino); keep it with the process.
        }
        keep(component, line);
      }
      done();
    },
  });

  return {
    logStream,
    register(name: string, role: ComponentRole, probe: Probe, created = new Date()) {
      components.set(name, { role, created: created.toISOString(), probe });
    },
    /** The controller first, then the rest by name, as the Health tab lists them. */
    list(): ComponentStatus[] {
      return [...components.entries()]
        .map(([name, { role, created, probe }]) => ({ name, role, created, ...probe() }))
        .sort(
          (a, b) =>
            Number(b.role === 'controller') - Number(a.role === 'controller') ||
            a.name.localeCompare(b.name),
        );
    },
    has: (name: string) => components.has(name),
    logs: (name: string): string[] => [...(logs.get(name) ?? [])],
  };
};

export type ComponentRegistry = ReturnType<typeof createComponentRegistry>;
