// Start-up settings from flags and environment; flags win over environment.
import { parseArgs } from 'node:util';
import path from 'node:path';

export type BffConfig = {
  host: string;
  port: number;
  dataDir: string;
  /** Path of a kubeconfig to use instead of the embedded API server. */
  kubeconfig: string | undefined;
  /** True when running in a pod with a service account: talk to that cluster. */
  inCluster: boolean;
  /** Seed sample resources on the first start with the embedded API server. */
  seed: boolean;
  /** Start vcsim and point the `vcsim` Provider in the demo project at it (embedded API only). */
  vcsim: boolean;
  /** Start a second embedded API server and point the `remote` Provider in the demo project at it. */
  remoteCluster: boolean;
  /** Local folder standing for OVA providers' NFS shares (see inventory/ova/share.ts). */
  ovaShareRoot: string;
  /** The largest .ova the upload endpoint accepts, in bytes. */
  ovaUploadMaxBytes: number;
  logLevel: string;
  /** Standalone on loopback only: requests without credentials act as the administrator. */
  noAuth: boolean;
  /** Host names the console answers to besides localhost, 127.0.0.1, [::1] and --host. */
  allowedHosts: string[];
};

export class ConfigError extends Error {}

const parsePort = (value: string, source: string): number => {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(`${source} must be a port number from 0 to 65535, got "${value}"`);
  }
  return port;
};

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** A size as bytes or with a binary unit, like Kubernetes quantities: 1048576, 512Mi, 64Gi. */
const parseSize = (value: string, source: string): number => {
  const match = /^(\d+)(Ki|Mi|Gi|Ti)?$/.exec(value);
  const bytes = match ? Number(match[1]) * SIZE_UNITS[match[2] ?? '']! : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new ConfigError(
      `${source} must be a size in bytes or with Ki, Mi, Gi or Ti (for example 64Gi), got "${value}"`,
    );
  }
  return bytes;
};

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

const HOST_NAME = /^(\[[0-9a-f:.]+\]|[0-9a-z]([-0-9a-z.]*[0-9a-z])?)$/i;

/** `a.example, b.example` → ['a.example', 'b.example']; a value that is no host name is refused. */
const parseHostList = (value: string): string[] => {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const bad = names.find((name) => !HOST_NAME.test(name));
  if (bad !== undefined) {
    throw new ConfigError(`--allowed-hosts takes host names separated by commas, got "${bad}"`);
  }
  return names;
};

export const readConfig = (
  argv: string[],
  env: Record<string, string | undefined>,
  cwd: string,
): BffConfig => {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      kubeconfig: { type: 'string' },
      'no-seed': { type: 'boolean' },
      vcsim: { type: 'boolean' },
      'remote-cluster': { type: 'boolean' },
      'ova-share-root': { type: 'string' },
      'ova-upload-max-bytes': { type: 'string' },
      'log-level': { type: 'string' },
      'no-auth': { type: 'boolean' },
      'allowed-hosts': { type: 'string' },
    },
    strict: true,
  });
  const port =
    values.port !== undefined
      ? parsePort(values.port, '--port')
      : env.PORT !== undefined && env.PORT !== ''
        ? parsePort(env.PORT, 'PORT')
        : 9000;
  const dataDir = values['data-dir'] ?? env.DATA_DIR ?? '.data';
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const kubeconfig = values.kubeconfig ?? (env.KUBECONFIG || undefined);
  const inCluster = Boolean(env.KUBERNETES_SERVICE_HOST) && !values.kubeconfig && !env.KUBECONFIG;
  const noAuth = values['no-auth'] === true || env.NO_AUTH === 'true';
  if (noAuth && (kubeconfig || inCluster)) {
    throw new ConfigError(
      "--no-auth is for the standalone app: with a cluster every request acts with its user's token",
    );
  }
  if (noAuth && !isLoopback(host)) {
    throw new ConfigError(
      `--no-auth would give anyone who reaches ${host} the administrator's rights: it needs a loopback --host (127.0.0.1, ::1 or localhost)`,
    );
  }
  return {
    host,
    port,
    dataDir: path.resolve(cwd, dataDir),
    kubeconfig,
    inCluster,
    seed: !values['no-seed'] && env.SEED !== 'false',
    vcsim: values.vcsim === true || env.VCSIM === 'true',
    remoteCluster: values['remote-cluster'] === true || env.REMOTE_CLUSTER === 'true',
    ovaShareRoot: path.resolve(
      cwd,
      values['ova-share-root'] ?? env.OVA_SHARE_ROOT ?? path.join(dataDir, 'ova-shares'),
    ),
    ovaUploadMaxBytes:
      values['ova-upload-max-bytes'] !== undefined
        ? parseSize(values['ova-upload-max-bytes'], '--ova-upload-max-bytes')
        : env.OVA_UPLOAD_MAX_BYTES
          ? parseSize(env.OVA_UPLOAD_MAX_BYTES, 'OVA_UPLOAD_MAX_BYTES')
          : 64 * 1024 ** 3,
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
    noAuth,
    allowedHosts: parseHostList(values['allowed-hosts'] ?? env.ALLOWED_HOSTS ?? ''),
  };
};
