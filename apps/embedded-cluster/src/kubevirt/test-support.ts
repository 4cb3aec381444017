// For the launcher's tests: a claim Bound to a local PV whose file is a raw disk the test wrote,
// arranged as static provisioning does (before the volume provisioner lands), a tiny bootable
// disk, and polling helpers.
import { writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CoreV1Api } from '@kubernetes/client-node';
import { volumesRoot } from '../volumes/claim-volume.ts';

/**
 * A 512-byte boot sector, hand-assembled 16-bit code the BIOS loads at 0x7c00: it writes `line`
 * and CR LF to COM1 (out to port 0x3f8, one byte at a time), then halts for ever. Padded to 1 MiB.
 */
export const bootDisk = (line: string): Buffer => {
  const code = [
    ...[0xfa], // cli
    ...[0x31, 0xc0, 0x8e, 0xd8], // xor ax, ax; mov ds, ax
    ...[0xfc], // cld
    ...[0xba, 0xf8, 0x03], // mov dx, 0x3f8
    ...[0xbe, 0x17, 0x7c], // mov si, 0x7c17 (the text, right after this code)
    ...[0xac], // next: lodsb
    ...[0x84, 0xc0], // test al, al
    ...[0x74, 0x03], // jz done
    ...[0xee], // out dx, al
    ...[0xeb, 0xf8], // jmp next
    ...[0xf4], // done: hlt
    ...[0xeb, 0xfd], // jmp done
  ];
  const text = Buffer.from(`${line}\r\n\0`, 'ascii');
  if (code.length !== 0x17 || code.length + text.length > 510) throw new Error('line too long');
  const disk = Buffer.alloc(1 << 20);
  Buffer.from(code).copy(disk);
  text.copy(disk, code.length);
  disk[510] = 0x55;
  disk[511] = 0xaa;
  return disk;
};

/**
 * A PV (Block, its `spec.local.path` the raw disk file) and a PVC bound to it, both Bound through
 * the status subresource: the writes the PV controller makes when it binds a claim.
 */
export const boundClaimWithDisk = async (
  core: CoreV1Api,
  dataDir: string,
  { namespace, name, disk }: { namespace: string; name: string; disk: Buffer },
): Promise<string> => {
  const file = path.join(volumesRoot(dataDir), `${namespace}-${name}.raw`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, disk);
  const volumeName = `pv-${namespace}-${name}`;
  const storage = String(disk.length);
  const pv = await core.createPersistentVolume({
    body: {
      metadata: { name: volumeName },
      spec: {
        capacity: { storage },
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Block',
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'local',
        local: { path: file },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'kubernetes.io/hostname', operator: 'In', values: [os.hostname()] },
                ],
              },
            ],
          },
        },
        claimRef: { kind: 'PersistentVolumeClaim', namespace, name },
      },
    },
  });
  const claim = await core.createNamespacedPersistentVolumeClaim({
    namespace,
    body: {
      metadata: { name, namespace },
      spec: {
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Block',
        storageClassName: 'local',
        volumeName,
        resources: { requests: { storage } },
      },
    },
  });
  await core.replacePersistentVolumeStatus({
    name: volumeName,
    body: { ...pv, status: { phase: 'Bound' } },
  });
  await core.replaceNamespacedPersistentVolumeClaimStatus({
    namespace,
    name,
    body: {
      ...claim,
      status: { phase: 'Bound', capacity: { storage }, accessModes: ['ReadWriteOnce'] },
    },
  });
  return file;
};

/** Polls `read` until `done` holds; fails with the last value seen after `timeoutMs`. */
export const eventually = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 90_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `timed out waiting for ${what}; last seen: ${JSON.stringify(last ?? String(lastError))}`,
  );
};

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
