// The Events KubeVirt's components record, under their names: the VM controller when it creates or
// deletes a VMI, virt-handler when a guest starts or is asked to shut down, and the scheduler when
// the launcher pod cannot be placed on this machine.
import type { V1ObjectMeta } from '@kubernetes/client-node';
import { recordEvent, type EventRecord } from '../workers/events.ts';
import type { LauncherContext } from './context.ts';

type Subject = { apiVersion?: string; kind?: string; metadata?: V1ObjectMeta };

export const VM_CONTROLLER = 'virtualmachine-controller';
export const VIRT_HANDLER = 'virt-handler';
export const SCHEDULER = 'default-scheduler';

export const recordKubevirtEvent = async (
  context: LauncherContext,
  subject: Subject,
  record: EventRecord,
): Promise<void> => {
  const { name = '', namespace = '', uid } = subject.metadata ?? {};
  try {
    await recordEvent(
      context.core,
      {
        apiVersion: subject.apiVersion ?? 'kubevirt.io/v1',
        kind: subject.kind ?? '',
        metadata: { name, namespace, ...(uid ? { uid } : {}) },
      },
      record,
    );
  } catch (error) {
    // An event is a courtesy: failing to record one never fails the reconcile.
    context.logger.warn(
      { object: `${namespace}/${name}`, err: String(error) },
      'event not recorded',
    );
  }
};
