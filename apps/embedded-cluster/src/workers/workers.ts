// The cluster-side workers that honour the objects the engine creates: each is a controller on the
// embedded API, reached through the Kubernetes client like any other, and each stops on close.
import { startCdiImporter } from '../cdi/importer.ts';
import type { Worker, WorkerContext, WorkerStarter } from './worker.ts';
import { startKubevirtLauncher } from '../kubevirt/worker.ts';
import { startJobController } from '../pods/job-controller.ts';
import { startPodRunner } from '../pods/pod-runner.ts';
import { startVolumeProvisioner } from '../volumes/provisioner.ts';

/** Every worker, in the order they start; they stop in the reverse order. */
export const WORKERS: { name: string; start: WorkerStarter }[] = [
  { name: 'volumes', start: startVolumeProvisioner },
  { name: 'cdi', start: startCdiImporter },
  { name: 'pods', start: startPodRunner },
  { name: 'jobs', start: startJobController },
  { name: 'kubevirt', start: (context) => startKubevirtLauncher(context) },
];

export const startWorkers = async (context: WorkerContext): Promise<Worker> => {
  const started: Worker[] = [];
  try {
    for (const { name, start } of WORKERS) {
      started.push(await start({ ...context, logger: context.logger.child({ worker: name }) }));
    }
  } catch (error) {
    for (const worker of started.reverse()) await worker.stop();
    throw error;
  }
  return {
    async stop() {
      for (const worker of [...started].reverse()) await worker.stop();
    },
  };
};
