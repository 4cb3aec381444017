// `--vcsim`: an example Plan that migrates two of vcsim's VMs into the demo project with the example
// maps, as a user would write it in Forklift YAML. The plan controller judges it Ready within
// seconds of the start, so the plan pages have something real to show. Made when missing on every
// start and otherwise left alone: the user may have edited, archived or deleted it.
import { ApiException, KubernetesObjectApi, type KubeConfig } from '@kubernetes/client-node';
import type { KubernetesObject } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, PlanModel, type Plan } from '@forklift-console/api';
import type { Logger } from '../logging.ts';
import { DEMO_NAMESPACE, MTV_NAMESPACE } from './sample-resources.ts';
import { VCSIM_MAP_NAME } from './vcsim-maps.ts';
import { VCSIM_PROVIDER } from './vcsim-provider.ts';

export const VCSIM_PLAN_NAME = 'vcsim-demo';

const mapRef = { name: VCSIM_MAP_NAME, namespace: DEMO_NAMESPACE };

/** The VM names are vcsim's default model's: one on a standalone host, one in the cluster. */
export const vcsimPlan = (): Plan => ({
  apiVersion: FORKLIFT_API_VERSION,
  kind: PlanModel.kind,
  metadata: { name: VCSIM_PLAN_NAME, namespace: DEMO_NAMESPACE },
  spec: {
    description: 'Two vcsim VMs into the demo project',
    provider: {
      source: { name: VCSIM_PROVIDER, namespace: DEMO_NAMESPACE },
      destination: { name: 'host', namespace: MTV_NAMESPACE },
    },
    targetNamespace: DEMO_NAMESPACE,
    map: { network: mapRef, storage: mapRef },
    vms: [{ name: 'DC0_H0_VM0' }, { name: 'DC0_C0_RP0_VM0' }],
  },
});

/** Creates the example plan when it is missing; returns whether it did. */
export const ensureVcsimPlan = async (kubeConfig: KubeConfig, logger: Logger): Promise<boolean> => {
  try {
    await KubernetesObjectApi.makeApiClient(kubeConfig).create(vcsimPlan() as KubernetesObject);
  } catch (error) {
    if (error instanceof ApiException && error.code === 409) return false;
    throw error;
  }
  logger.info({ name: VCSIM_PLAN_NAME }, 'example plan created');
  return true;
};
