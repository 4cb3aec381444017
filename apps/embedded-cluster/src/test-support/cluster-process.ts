// For the kill -9 tests: the embedded cluster in a process of its own (`src/main.ts`), as the
// administrator of its DATA_DIR/kubeconfig, and SIGKILL, which runs nothing on the way out.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';

const mainScript = fileURLToPath(new URL('../main.ts', import.meta.url));

export type ClusterProcess = {
  child: ChildProcess;
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  custom: CustomObjectsApi;
};

export const startClusterProcess = async (dataDir: string): Promise<ClusterProcess> => {
  const child = spawn(process.execPath, [mainScript, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Read to the end rather than stop at the line: a closed pipe would kill the child on its next
  // write (EPIPE).
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      if (/administrator kubeconfig: \S+/.test(output)) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`the embedded cluster exited (${code}) before it was ready: ${output}`)),
    );
  });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(path.join(dataDir, 'kubeconfig'));
  return {
    child,
    kubeConfig,
    core: kubeConfig.makeApiClient(CoreV1Api),
    custom: kubeConfig.makeApiClient(CustomObjectsApi),
  };
};

export const kill9 = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
};
