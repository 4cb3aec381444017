// "Suggest mappings" for a network map: every network the source VMs use gets a row. A NAD of the
// same name in the target project is the natural match; otherwise the first such network goes to
// the pod network (a VM has one pod interface) and the rest are ignored until the user decides.
import type { SourceOption, TargetNetwork } from '../../utils/map-inventory.ts';
import type { NetworkRow } from './network-rows.ts';

type Input = {
  /** The networks the source provider's VMs use, in the order first met. */
  usedNetworks: readonly SourceOption[];
  nads: readonly TargetNetwork[];
  targetProject: string;
};

export const suggestNetworkRows = ({ usedNetworks, nads, targetProject }: Input): NetworkRow[] => {
  let podTaken = false;
  return usedNetworks.map((source, index) => {
    const key = `suggested-${index}-${source.key}`;
    const base = { key, source };
    const explain = (reason: NonNullable<NetworkRow['suggestion']>['reason']) => ({
      reason,
      source: source.label,
      project: targetProject,
    });
    const nad = nads.find(
      (candidate) => candidate.namespace === targetProject && candidate.name === source.label,
    );
    if (nad) {
      return {
        ...base,
        target: { type: 'multus' as const, namespace: nad.namespace, name: nad.name },
        suggestion: explain('same-name-nad'),
      };
    }
    if (!podTaken) {
      podTaken = true;
      return { ...base, target: { type: 'pod' as const }, suggestion: explain('first-to-pod') };
    }
    return { ...base, target: { type: 'ignored' as const }, suggestion: explain('pod-taken') };
  });
};
