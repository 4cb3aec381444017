// When a change to one of a migration's objects (DataVolumes, PVCs, pods, VirtualMachines) wakes
// its plan. A DataVolume's importer rewrites `status.progress` about once a second per disk;
// waking the plan on each tick made it reconcile (and rewrite its own, much larger, status)
// several times a second while four disks copy (the migrate bench's app RSS growth went from 117
// to 72 MiB when the ticks were coalesced). A progress tick now wakes the plan within a second,
// coalesced with the other ticks; any other change (a phase, a condition, a new or deleted object)
// wakes it at once.
import type { KubernetesObject } from '@kubernetes/client-node';
import { isProgressOnly, type WatchEvent } from '@forklift-console/controller-runtime';

export const PROGRESS_WAKE_MS = 1_000;

/** Milliseconds before the plan is reconciled for this change: 0 for at once. */
export const wakeDelayFor = (event: WatchEvent<KubernetesObject>): number =>
  isProgressOnly(event) ? PROGRESS_WAKE_MS : 0;
