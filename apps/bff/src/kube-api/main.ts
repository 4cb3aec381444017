// Runs the embedded API server on its own: `node main.ts --data-dir D [--port P]`.
import { parseArgs } from 'node:util';
import { startEmbeddedApiServer } from './index.ts';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
});
if (!values['data-dir']) {
  process.stderr.write('--data-dir is required\n');
  process.exit(2);
}
const server = await startEmbeddedApiServer({
  dataDir: values['data-dir'],
  port: Number(values.port ?? 0),
  host: values.host ?? '127.0.0.1',
});
process.stdout.write(`Kubernetes API server listening on ${server.url}\n`);
process.stdout.write(`administrator kubeconfig: ${server.kubeconfigPath}\n`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
