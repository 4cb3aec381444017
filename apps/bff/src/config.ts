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
  /** Local folder standing for OVA providers' NFS shares (see inventory/ova/share.ts). */
  ovaShareRoot: string;
  logLevel: string;
};

export class ConfigError extends Error {}

const parsePort = (value: string, source: string): number => {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(`${source} must be a port number from 0 to 65535, got "${value}"`);
  }
  return port;
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
      'ova-share-root': { type: 'string' },
      'log-level': { type: 'string' },
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
  return {
    host: values.host ?? env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(cwd, dataDir),
    kubeconfig: values.kubeconfig ?? (env.KUBECONFIG || undefined),
    inCluster: Boolean(env.KUBERNETES_SERVICE_HOST) && !values.kubeconfig && !env.KUBECONFIG,
    seed: !values['no-seed'] && env.SEED !== 'false',
    vcsim: values.vcsim === true || env.VCSIM === 'true',
    ovaShareRoot: path.resolve(
      cwd,
      values['ova-share-root'] ?? env.OVA_SHARE_ROOT ?? path.join(dataDir, 'ova-shares'),
    ),
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
  };
};
