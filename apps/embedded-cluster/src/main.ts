// Runs the embedded cluster on its own, its API server and its workers:
// `node apps/embedded-cluster/src/main.ts --data-dir D [--port P] [--host H] [--nfs-share-root F]`.
import { parseArgs } from 'node:util';
import pino from 'pino';
import { startEmbeddedCluster } from './index.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'nfs-share-root': { type: 'string' },
  },
});
if (!values['data-dir']) {
  process.stderr.write('--data-dir is required\n');
  process.exit(2);
}
const cluster = await startEmbeddedCluster({
  dataDir: values['data-dir'],
  port: Number(values.port ?? 0),
  host: values.host ?? '127.0.0.1',
  ...(values['nfs-share-root'] ? { nfsShareRoot: values['nfs-share-root'] } : {}),
  logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2)),
});
process.stdout.write(`Kubernetes API server listening on ${cluster.url}\n`);
process.stdout.write(`administrator kubeconfig: ${cluster.kubeconfigPath}\n`);
const stop = () => cluster.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
