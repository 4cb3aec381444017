// Events as the cluster's components record them: on the object they are about, with the
// component's name as source and reporter, so `kubectl describe` and the console show them. The
// same reason for the same object is counted on one Event rather than repeated.
import { createHash } from 'node:crypto';
import { ApiException, type CoreV1Api, type CoreV1Event } from '@kubernetes/client-node';

export type EventSubject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; uid?: string; resourceVersion?: string };
};

export type EventRecord = {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** The component, as kubelet or cdi-importer name themselves: `source.component`. */
  component: string;
};

export const recordEvent = async (
  core: CoreV1Api,
  subject: EventSubject,
  { type, reason, message, component }: EventRecord,
): Promise<void> => {
  const { namespace, name, uid } = subject.metadata;
  // One Event per object, reason and message, named from them so a restart finds it again.
  const suffix = createHash('sha256')
    .update(`${uid ?? name}/${reason}/${message}`)
    .digest('hex')
    .slice(0, 16);
  const eventName = `${name}.${suffix}`;
  const now = new Date();
  try {
    const existing = await core.readNamespacedEvent({ namespace, name: eventName });
    await core.replaceNamespacedEvent({
      namespace,
      name: eventName,
      body: { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now },
    });
    return;
  } catch (error) {
    if (!(error instanceof ApiException && error.code === 404)) throw error;
  }
  const body: CoreV1Event = {
    metadata: { name: eventName, namespace },
    involvedObject: {
      apiVersion: subject.apiVersion,
      kind: subject.kind,
      name,
      namespace,
      ...(uid ? { uid } : {}),
    },
    type,
    reason,
    message,
    source: { component },
    reportingComponent: component,
    reportingInstance: component,
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
  await core.createNamespacedEvent({ namespace, body });
};
