// Everything a VMI needs before qemu can start, decided in one place: its volumes as files, a
// command line the launcher can build, the firmware, and qemu itself. What is missing either makes
// the VMI wait (volumes not ready yet) or blocks its launcher pod with a reason and a message.
import {
  cpuTopology,
  commandRefusal,
  interfacesOf,
  qemuArguments,
  type Refusal,
} from './qemu-command.ts';
import { accelerator } from './accelerator.ts';
import { QEMU_PACKAGE, type LauncherContext } from './context.ts';
import { resolveFirmware } from './firmware.ts';
import { findExecutable, prepareRun, runFiles, type RunFiles } from './qemu-process.ts';
import { resolveVolumes, type VolumeWait } from './volumes.ts';
import type { VirtualMachineInstance } from './types.ts';

export type LaunchPlan =
  | { kind: 'waiting'; wait: VolumeWait }
  | { kind: 'blocked'; refusal: Refusal }
  | {
      kind: 'ready';
      binary: string;
      args: string[];
      files: RunFiles;
      interfaces: { name: string; mac: string }[];
      notAttached: string[];
      topology: ReturnType<typeof cpuTopology>;
    };

export const launchPlan = async (
  context: LauncherContext,
  vmi: VirtualMachineInstance,
  serialLog: string,
): Promise<LaunchPlan> => {
  const { namespace = '', name = '', uid = '' } = vmi.metadata;
  const files = runFiles(context.dataDir, uid);
  await prepareRun(files, { namespace, name, uid });
  const volumes = await resolveVolumes({
    core: context.core,
    custom: context.custom,
    vmi,
    runDir: files.dir,
  });
  if (volumes.kind === 'waiting') return { kind: 'waiting', wait: volumes.wait };
  if (volumes.kind === 'refused') return { kind: 'blocked', refusal: volumes.refusal };
  const refusal = commandRefusal(vmi);
  if (refusal) return { kind: 'blocked', refusal };
  const firmware = await resolveFirmware(vmi, context.ovmfDir, files.efiVars);
  if ('reason' in firmware) return { kind: 'blocked', refusal: firmware };
  const binary = await findExecutable(context.qemuBinary);
  if (!binary) {
    return {
      kind: 'blocked',
      refusal: {
        reason: 'Unschedulable',
        message: `0/1 nodes are available: ${context.qemuBinary} is not installed on ${context.nodeName}: apt-get install ${QEMU_PACKAGE}`,
      },
    };
  }
  const args = qemuArguments({
    vmi,
    accelerator: await accelerator(binary),
    disks: volumes.disks,
    firmware,
    qmpSocket: files.qmpSocket,
    serialLog,
  });
  return {
    kind: 'ready',
    binary,
    args,
    files,
    interfaces: interfacesOf(vmi).map(({ name, mac }) => ({ name, mac })),
    notAttached: volumes.notAttached,
    topology: cpuTopology(vmi.spec),
  };
};
