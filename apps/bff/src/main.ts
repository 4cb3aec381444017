// `npm start` lands here: connect to Kubernetes (the embedded API server unless a kubeconfig or a
// service account says otherwise), seed a first standalone start, serve the console.
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chmod, mkdir } from 'node:fs/promises';
import { readConfig, ConfigError } from './config.ts';
import { createLogger } from './logging.ts';
import { connectToKubernetes } from './kube/connection.ts';
import { startChangeFeed } from './events/change-feed.ts';
import { isSeeded, seedSampleResources } from './seed/seed.ts';
import { buildApp } from './app.ts';
import { createComponentRegistry, PROCESS_COMPONENT } from './components/registry.ts';
import { createInventoryRegistry } from './inventory/registry.ts';
import { startSampleVcsim } from './seed/vcsim-provider.ts';
import { startSampleRemoteCluster } from './seed/remote-cluster-provider.ts';
import { ensureVcsimMaps } from './seed/vcsim-maps.ts';
import { ensureVcsimPlan } from './seed/vcsim-plan.ts';
import { startEngine } from './engine/engine.ts';
import { startProviderInventory } from './engine/providers/inventory-starter.ts';
import { ensureAccessToken } from './access/access-token.ts';
import { consoleHostNames } from './access/access-layer.ts';

const repoPath = (relative: string) =>
  fileURLToPath(new URL(`../../../${relative}`, import.meta.url));

const main = async () => {
  let config;
  try {
    config = readConfig(process.argv.slice(2), process.env, process.cwd());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof TypeError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const components = createComponentRegistry();
  // Every line goes to stdout and, per component, to the Health tab's logs; the logger's level
  // decides what is written at all.
  const logger = createLogger(
    config.logLevel,
    pino.multistream([
      { level: 'trace', stream: process.stdout },
      { level: 'trace', stream: components.logStream },
    ]),
  );
  components.register(PROCESS_COMPONENT, 'controller', () => ({ state: 'Running' }));
  // The data directory holds the access token and every Secret: only its owner may look inside.
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  await chmod(config.dataDir, 0o700);

  const connection = await connectToKubernetes(config, logger);
  if (connection.mode === 'embedded' && config.seed && !isSeeded(config.dataDir)) {
    await seedSampleResources(connection.kubeConfig, config.dataDir, logger);
  }
  if (connection.mode === 'embedded') {
    components.register('embedded-api', 'api-server', () => ({ state: 'Running' }));
  }
  const vcsim =
    connection.mode === 'embedded' && config.vcsim
      ? await startSampleVcsim(connection.kubeConfig, logger.child({ component: 'vcsim' }))
      : undefined;
  const remoteCluster =
    connection.mode === 'embedded' && config.remoteCluster
      ? await startSampleRemoteCluster(
          connection.kubeConfig,
          config.dataDir,
          logger.child({ component: 'remote-cluster' }),
        )
      : undefined;
  if (vcsim) {
    await ensureVcsimMaps(connection.kubeConfig, logger.child({ component: 'vcsim' }));
    await ensureVcsimPlan(connection.kubeConfig, logger.child({ component: 'vcsim' }));
  }
  const feed = await startChangeFeed(
    connection.kubeConfig,
    logger.child({ component: 'change-feed' }),
  );
  components.register('change-feed', 'watch', () =>
    feed.isReady()
      ? { state: 'Running' }
      : { state: 'Starting', message: 'Waiting for the Kubernetes API server watches' },
  );
  const inventories = createInventoryRegistry();
  const engine = await startEngine({
    kubeConfig: connection.kubeConfig,
    inventories,
    startInventory: startProviderInventory,
    ovaShareRoot: config.ovaShareRoot,
    logger: logger.child({ component: 'engine' }),
  });
  components.register('engine', 'engine', () =>
    engine.isLive()
      ? { state: 'Running' }
      : { state: 'Starting', message: 'Waiting for the Kubernetes API server watches' },
  );
  const accessToken =
    connection.mode === 'embedded' && !config.noAuth
      ? await ensureAccessToken(config.dataDir)
      : undefined;
  const app = await buildApp({
    logger,
    connection,
    feed,
    components,
    inventories,
    ovaShareRoot: config.ovaShareRoot,
    ovaUploadMaxBytes: config.ovaUploadMaxBytes,
    shellDir: repoPath('apps/console-shell/dist'),
    pluginDir: repoPath('apps/console-plugin/dist'),
    access: {
      accessToken,
      noAuth: config.noAuth,
      allowedHosts: consoleHostNames(config.host, config.allowedHosts),
    },
  });
  const address = await app.listen({ host: config.host, port: config.port });
  const consoleUrl = address.replace('://127.0.0.1', '://localhost');

  // Plain lines, not log records: newcomers and the e2e tests read these. The link carries the
  // access token once; opening it signs the browser in.
  process.stdout.write(
    `Forklift Console: ${consoleUrl}${accessToken ? `/?token=${accessToken}` : ''}\n`,
  );
  if (config.noAuth) {
    process.stdout.write('  --no-auth: anyone on this machine acts as the administrator\n');
  }
  if (connection.mode === 'embedded') {
    process.stdout.write(`Kubernetes API server (embedded): ${connection.serverUrl}\n`);
    process.stdout.write(
      `  try: kubectl --kubeconfig ${connection.kubeconfigPath} get providers -A\n`,
    );
  } else {
    process.stdout.write(`Kubernetes API server: ${connection.serverUrl}\n`);
  }
  if (vcsim) {
    process.stdout.write(`vcsim (vSphere simulator): ${vcsim.sdkUrl} → Provider demo/vcsim\n`);
  }
  if (remoteCluster) {
    process.stdout.write(
      `Remote cluster (second embedded API server): ${remoteCluster.url} → Provider demo/remote\n`,
    );
    process.stdout.write(
      `  try: kubectl --kubeconfig ${remoteCluster.kubeconfigPath} get virtualmachines -A\n`,
    );
  }

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await engine.stop();
    await inventories.stopAll();
    await feed.stop();
    await connection.close();
    await vcsim?.stop();
    await remoteCluster?.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

await main();
