// A status write that only moves a copy's progress on: CDI's importer rewrites a DataVolume's
// `status.progress` about once a second per disk while it copies. Controllers that watch such
// objects can tell that tick from a change they must act on (a phase, a condition, a new spec, a
// deletion) and treat it more lazily: the importer does not reconcile its own ticks, and the
// plan controller coalesces them.
import type { WatchEvent } from './watch.ts';

type WithProgress = { metadata?: { resourceVersion?: string }; status?: { progress?: unknown } };

/** The object as it would be without its resourceVersion and its progress. */
const withoutProgress = (object: WithProgress) =>
  JSON.stringify({
    ...object,
    metadata: { ...object.metadata, resourceVersion: undefined },
    status: object.status && { ...object.status, progress: undefined },
  });

/** True for an update whose only change is `status.progress`. */
export const isProgressOnly = <T extends WithProgress>({
  type,
  object,
  previous,
}: WatchEvent<T>): boolean =>
  type === 'updated' &&
  previous !== undefined &&
  object.status?.progress !== previous.status?.progress &&
  withoutProgress(object) === withoutProgress(previous);
