// KVM or TCG. `/dev/kvm` existing is not enough: where nested KVM is broken, qemu aborts on an MSR
// with `-cpu host`, or the guest hangs (here: the q35 machine never reaches the boot sector). So the
// launcher boots a 512-byte probe once under KVM with the machine and CPU model it would use and
// trusts KVM only if the probe's code ran in time: it writes to qemu's isa-debug-exit port, which
// makes qemu exit with status (value << 1) | 1.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type Accelerator = 'kvm' | 'tcg';

/** The machine every VM here is, and the one the probe tries KVM with. */
export const MACHINE_TYPE = 'q35';

const PROBE_TIMEOUT_SECONDS = 10;
const DEBUG_EXIT_PORT = 0xf4;
/** Exit status of qemu after the probe writes 1 to the debug-exit port. */
const PROBE_RAN = (1 << 1) | 1;

/** mov al, 1; out 0xf4, al; then hlt forever: boot-sector code, loaded at 0x7c00 by the BIOS. */
const probeBootSector = (): Buffer => {
  const sector = Buffer.alloc(512);
  Buffer.from([0xb0, 0x01, 0xe6, DEBUG_EXIT_PORT, 0xf4, 0xeb, 0xfd]).copy(sector);
  sector[510] = 0x55;
  sector[511] = 0xaa;
  return sector;
};

const kvmDeviceUsable = async (): Promise<boolean> => {
  try {
    await access('/dev/kvm', constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const probeKvm = async (qemuBinary: string): Promise<boolean> => {
  if (!(await kvmDeviceUsable())) return false;
  const folder = await mkdtemp(path.join(os.tmpdir(), 'kvm-probe-'));
  try {
    const disk = path.join(folder, 'probe.img');
    await writeFile(disk, probeBootSector());
    // coreutils' timeout kills a hung probe even if this process is killed meanwhile.
    const status = await new Promise<number | null>((resolve) => {
      execFile(
        'timeout',
        [
          ...['--signal=KILL', String(PROBE_TIMEOUT_SECONDS), qemuBinary],
          ...['-machine', MACHINE_TYPE, '-accel', 'kvm', '-cpu', 'host', '-m', '16'],
          ...['-nodefaults', '-no-user-config', '-display', 'none', '-no-reboot'],
          ...['-device', `isa-debug-exit,iobase=0x${DEBUG_EXIT_PORT.toString(16)},iosize=1`],
          ...['-drive', `file=${disk},format=raw,if=ide`],
        ],
        (error) => {
          const code = (error as { code?: unknown } | null)?.code;
          resolve(error ? (typeof code === 'number' ? code : null) : 0);
        },
      );
    });
    return status === PROBE_RAN;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};

const probes = new Map<string, Promise<Accelerator>>();

/** Probed once per qemu binary and process, when the first VMI is about to start. */
export const accelerator = (qemuBinary: string): Promise<Accelerator> => {
  let probe = probes.get(qemuBinary);
  if (!probe) {
    probe = probeKvm(qemuBinary).then(
      (usable) => (usable ? 'kvm' : 'tcg'),
      () => 'tcg' as const,
    );
    probes.set(qemuBinary, probe);
  }
  return probe;
};
