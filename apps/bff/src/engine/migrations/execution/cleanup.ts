// Cleanup of a VM's objects (reference engine.md §7.2), of earlier runs (§7.4), of an archived
// plan (§7.3) and of a deleted plan's orphans (§7.5). Temporary objects — the VM's Secrets, hook
// Jobs and their ConfigMaps, the conversion pod (kept for its log when a conversion failed) — go;
// the target VirtualMachine, its
// DataVolumes and PVCs only for a VM that did not succeed, when the plan deletes on failure, and
// the copy did not finish or the cleanup is forced (cancel, archive).
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  CLAIM,
  CONFIG_MAP,
  DATA_VOLUME,
  JOB,
  POD,
  SECRET,
  VIRTUAL_MACHINE,
  VOLUME,
  withKind,
  type Cluster,
  type Kind,
} from './cluster.ts';
import { planVmLabels, targetNamespaceOf, type RunContext } from './context.ts';
import { ROLE_LABEL } from './owned.ts';
import type { VmStatus } from './types.ts';
import { hasCondition, SUCCEEDED } from './vm-conditions.ts';

const deleteAll = async (
  cluster: Cluster,
  kind: Kind,
  namespace: string | undefined,
  labels: Record<string, string>,
  keep: (object: KubernetesObject) => boolean = () => false,
): Promise<void> => {
  for (const object of await cluster.list(kind, namespace, labels)) {
    if (!keep(object)) await cluster.delete(withKind(kind, object));
  }
};

const ownedByVirtualMachine = (object: KubernetesObject): boolean =>
  (object.metadata?.ownerReferences ?? []).some((owner) => owner.kind === VIRTUAL_MACHINE.kind);

/** The migrated VM's own pod, which carries its template's labels: KubeVirt's to manage. */
const isLauncher = (pod: KubernetesObject): boolean => !!pod.metadata?.labels?.['kubevirt.io'];

/** The Secrets the execution made (the per-VM ones); others with these labels are not its own. */
const isRoleObject = (object: KubernetesObject): boolean => !!object.metadata?.labels?.[ROLE_LABEL];

const DISK_STEPS = new Set(['DiskTransfer', 'DiskAllocation', 'DiskTransferV2v']);

const disksCopied = (vm: VmStatus): boolean =>
  vm.pipeline
    .filter((step) => DISK_STEPS.has(step.name))
    .every((step) => !!step.completed && !step.error);

const deletesOnFailure = (run: RunContext, vm: VmStatus): boolean =>
  // The CRD's default for the plan is true (reference engine.md §9.8).
  (run.plan.spec?.deleteVmOnFailMigration ?? true) || vm.deleteVmOnFailMigration === true;

/** The virt-v2v pod, whose log tells why a conversion failed. */
const isConversionPod = (pod: KubernetesObject): boolean =>
  pod.metadata?.labels?.['forklift.app'] === 'virt-v2v';

/** The temporary objects of a VM in this plan, in every run. */
const deleteTemporaries = async (
  run: RunContext,
  labels: Record<string, string>,
  keepConversionPod: boolean,
) => {
  const namespace = targetNamespaceOf(run);
  const planNamespace = run.plan.metadata?.namespace;
  // A VM's last pass waits for this: the kinds are asked side by side.
  await Promise.all([
    deleteAll(
      run.cluster,
      POD,
      namespace,
      labels,
      (pod) => isLauncher(pod) || (keepConversionPod && isConversionPod(pod)),
    ),
    deleteAll(run.cluster, SECRET, namespace, labels, (secret) => !isRoleObject(secret)),
    deleteAll(run.cluster, JOB, planNamespace, labels),
    deleteAll(run.cluster, CONFIG_MAP, planNamespace, labels),
  ]);
};

const deleteTargets = async (run: RunContext, labels: Record<string, string>) => {
  const namespace = targetNamespaceOf(run);
  await deleteAll(run.cluster, VIRTUAL_MACHINE, namespace, labels);
  await deleteAll(run.cluster, DATA_VOLUME, namespace, labels);
  await deleteAll(run.cluster, CLAIM, namespace, labels);
};

export const cleanupVm = async (
  run: RunContext,
  vm: VmStatus,
  { forced }: { forced: boolean },
): Promise<void> => {
  const labels = planVmLabels(run, vm);
  const succeeded = hasCondition(vm, SUCCEEDED);
  // A failed conversion's pod stays for its log, unless the plan says otherwise (§7.2).
  const keepConversionPod = !forced && !succeeded && !run.plan.spec?.deleteGuestConversionPod;
  await deleteTemporaries(run, labels, keepConversionPod);
  if (!hasCondition(vm, SUCCEEDED) && deletesOnFailure(run, vm) && (forced || !disksCopied(vm))) {
    await deleteTargets(run, labels);
  }
};

/** What earlier runs of this plan left for a VM that runs again (§7.4). */
export const cleanupEarlierRuns = async (run: RunContext, vm: VmStatus): Promise<void> => {
  const labels = planVmLabels(run, vm);
  const migration = run.migration.metadata?.uid;
  const earlier = (object: KubernetesObject) => object.metadata?.labels?.migration !== migration;
  const namespace = targetNamespaceOf(run);
  const planNamespace = run.plan.metadata?.namespace;
  // Every VM that starts looks, and mostly finds nothing: the kinds are asked side by side.
  await Promise.all([
    deleteAll(run.cluster, POD, namespace, labels, (pod) => !earlier(pod) || isLauncher(pod)),
    deleteAll(run.cluster, SECRET, namespace, labels, (secret) => !earlier(secret)),
    deleteAll(run.cluster, JOB, planNamespace, labels, (job) => !earlier(job)),
    deleteAll(run.cluster, CONFIG_MAP, planNamespace, labels, (map) => !earlier(map)),
    ...(deletesOnFailure(run, vm)
      ? [VIRTUAL_MACHINE, DATA_VOLUME, CLAIM].map((kind) =>
          deleteAll(run.cluster, kind, namespace, labels, (object) => !earlier(object)),
        )
      : []),
  ]);
};

/** The plan's shared OVA volume (§7.3). */
export const cleanupPlanStorage = async (cluster: Cluster, planUid: string, namespace: string) => {
  const labels = { plan: planUid, [ROLE_LABEL]: 'ova-share' };
  await deleteAll(cluster, CLAIM, namespace, labels);
  await deleteAll(cluster, VOLUME, undefined, labels);
};

/** A deleted plan's objects, except the disks a VirtualMachine now owns (§7.5). */
export const deleteOrphans = async (cluster: Cluster, name: string, namespace: string) => {
  const labels = { 'plan-name': name, 'plan-namespace': namespace };
  for (const kind of [CLAIM, DATA_VOLUME]) {
    await deleteAll(cluster, kind, undefined, labels, ownedByVirtualMachine);
  }
  for (const kind of [POD, SECRET, CONFIG_MAP, JOB, VOLUME]) {
    await deleteAll(cluster, kind, undefined, labels);
  }
};
