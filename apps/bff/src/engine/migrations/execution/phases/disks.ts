// The disk phases (reference engine.md §2.4, §8.2): CreateDataVolumes makes what is missing — the
// VM's Secret for CDI, the plan's OVA share volume, one DataVolume per disk — each found first by
// its labels, and CopyDisks / AllocateDisks follow the DataVolumes into the disk tasks.
import type { KubernetesObject, V1Secret } from '@kubernetes/client-node';
import {
  conversionSecret,
  DISK_INDEX_ANNOTATION,
  DISK_SOURCE_ANNOTATION,
  dataVolumeSecret,
  dataVolumes,
  ovaShareVolume,
  vpxInventoryPath,
  type InventoryObject,
} from '../../targets/index.ts';
import { isApiError } from '@forklift-console/controller-runtime';
import { CLAIM, DATA_VOLUME, SECRET, VOLUME, withKind } from '../cluster.ts';
import {
  migrationVmLabels,
  targetContextOf,
  targetNamespaceOf,
  type RunContext,
  type VmContext,
} from '../context.ts';
import { stepOfPhase } from '../itinerary.ts';
import { executionLabels, labelled, planLabels, ROLE_LABEL, type Role } from '../owned.ts';
import { findStep, reflectStep } from '../pipeline.ts';
import {
  stepPhaseFromTasks,
  updateTaskFromDataVolume,
  type DataVolumeStatus,
} from '../progress.ts';
import type { PhaseResult } from './phase.ts';

export type DataVolume = KubernetesObject & {
  spec?: Record<string, unknown>;
  status?: DataVolumeStatus;
};

/** Which of the VM's disks a DataVolume holds: by its disk-source, else its disk-index. */
export const diskIndexOf = (vm: VmContext, dataVolume: KubernetesObject): number => {
  const annotations = dataVolume.metadata?.annotations ?? {};
  const source = annotations[DISK_SOURCE_ANNOTATION];
  const bySource = source ? vm.sourceVm.disks.findIndex((disk) => disk.source === source) : -1;
  if (bySource >= 0) return bySource;
  const index = Number(annotations[DISK_INDEX_ANNOTATION]);
  return Number.isInteger(index) ? index : -1;
};

export const listDataVolumes = (run: RunContext, vm: VmContext): Promise<DataVolume[]> =>
  run.cluster.list<DataVolume>(
    DATA_VOLUME,
    targetNamespaceOf(run),
    migrationVmLabels(run, vm.status),
  );

/** This VM's DataVolumes in this migration as the engine's watch has them (see RunContext). */
const watchedDataVolumesOf = (run: RunContext, vm: VmContext): DataVolume[] => {
  const namespace = targetNamespaceOf(run);
  const labels = Object.entries(migrationVmLabels(run, vm.status));
  return run
    .watchedDataVolumes()
    .filter(
      (object) =>
        object.metadata?.namespace === namespace &&
        labels.every(([key, value]) => object.metadata?.labels?.[key] === value),
    ) as DataVolume[];
};

/** The object of `role` labelled for this VM in this migration, created from `build` when missing. */
const ensureSecret = async (
  run: RunContext,
  vm: VmContext,
  role: Role,
  build: () => V1Secret,
): Promise<string> => {
  const labels = { ...executionLabels(run, vm.status.id), [ROLE_LABEL]: role };
  const [found] = await run.cluster.list<V1Secret>(SECRET, targetNamespaceOf(run), labels);
  if (found) return found.metadata?.name ?? '';
  const secret = withKind(
    SECRET,
    labelled(build() as KubernetesObject, labels, targetNamespaceOf(run)),
  );
  const created = await run.cluster.create(secret);
  return created.metadata?.name ?? '';
};

export const ensureDataVolumeSecret = (run: RunContext, vm: VmContext): Promise<string> =>
  ensureSecret(run, vm, 'datavolume-secret', () =>
    dataVolumeSecret(targetContextOf(run, vm), run.providerSecret),
  );

export const ensureConversionSecret = (run: RunContext, vm: VmContext): Promise<string> =>
  ensureSecret(run, vm, 'conversion-secret', () =>
    conversionSecret(targetContextOf(run, vm), run.providerSecret, {
      hostPath: hostInventoryPath(run, vm),
    }),
  );

/** vSphere: the inventory path of the VM's ESXi host (or its standalone compute resource). */
const hostInventoryPath = (run: RunContext, vm: VmContext): string | undefined => {
  const hostId = vm.sourceVm.hostId;
  if (!hostId) return undefined;
  const host = run.inventory.get('hosts', hostId) as InventoryObject | undefined;
  const computeResource =
    typeof host?.cluster === 'string'
      ? (run.inventory.get('clusters', host.cluster) as InventoryObject | undefined)
      : undefined;
  return vpxInventoryPath(host, computeResource);
};

/** The plan's OVA share claim, with its PersistentVolume, created when missing. */
export const ensureOvaShare = async (run: RunContext, vm: VmContext): Promise<string> => {
  // One share per plan, kept across its runs.
  const labels = { ...planLabels(run), [ROLE_LABEL]: 'ova-share' };
  const [claim] = await run.cluster.list(CLAIM, targetNamespaceOf(run), labels);
  if (claim) return claim.metadata?.name ?? '';
  const { persistentVolume, claim: newClaim } = ovaShareVolume(targetContextOf(run, vm));
  const [volume] = await run.cluster.list(VOLUME, undefined, labels);
  if (!volume) await createUnlessThere(run, withKind(VOLUME, labelled(persistentVolume, labels)));
  await createUnlessThere(run, withKind(CLAIM, labelled(newClaim, labels, targetNamespaceOf(run))));
  return newClaim.metadata?.name ?? '';
};

/**
 * Creates an object of a fixed name; one already there is the same object, made by another VM of
 * the plan advancing in the same pass.
 */
const createUnlessThere = async (run: RunContext, object: KubernetesObject): Promise<void> => {
  try {
    await run.cluster.create(object);
  } catch (error) {
    if (!isApiError(error, 409)) throw error;
  }
};

const needsDataVolumeSecret = (run: RunContext, vm: VmContext): boolean =>
  run.sourceProvider.spec?.type === 'vsphere' && vm.flags.cdiDiskCopy;

export const createDataVolumes = async (run: RunContext, vm: VmContext): Promise<PhaseResult> => {
  const secretName = needsDataVolumeSecret(run, vm) ? await ensureDataVolumeSecret(run, vm) : '';
  if (run.sourceProvider.spec?.type === 'ova') await ensureOvaShare(run, vm);
  const existing = await listDataVolumes(run, vm);
  const have = new Set(existing.map((dataVolume) => diskIndexOf(vm, dataVolume)));
  const wanted = dataVolumes(targetContextOf(run, vm), { secretName }) as DataVolume[];
  for (const dataVolume of wanted) {
    if (have.has(diskIndexOf(vm, dataVolume))) continue;
    await run.cluster.create(
      withKind(
        DATA_VOLUME,
        labelled(dataVolume, executionLabels(run, vm.status.id), targetNamespaceOf(run)),
      ),
    );
  }
  return 'next';
};

/** CopyDisks and AllocateDisks: each disk task follows its DataVolume. */
export const followDataVolumes = async (run: RunContext, vm: VmContext): Promise<PhaseResult> => {
  const step = findStep(vm.status, stepOfPhase(vm.status.phase));
  if (!step) return 'next';
  const byDisk = new Map(
    watchedDataVolumesOf(run, vm).map((dataVolume) => [diskIndexOf(vm, dataVolume), dataVolume]),
  );
  (step.tasks ?? []).forEach((task, index) => {
    updateTaskFromDataVolume(task, byDisk.get(index)?.status, {
      now: run.now,
      conversionFollows: vm.flags.requiresConversion,
    });
  });
  step.phase = stepPhaseFromTasks(step);
  reflectStep(step, run.now);
  return step.completed && !step.error ? 'next' : 'wait';
};
