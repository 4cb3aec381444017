// Fills a folder with a small OVA catalog for the standalone demo: `npm run sample-ovas -- <dir>`.
// The layout exercises the OVA provider's scan rules: OVAs in the root and in a sub-folder, and an
// extracted OVF package two folders down.
import { stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { makeSampleOva, makeSampleOvf } from './sample-ova.ts';

const directory = process.argv[2];
if (!directory || process.argv.length > 3) {
  console.error('usage: node scripts/make-sample-ovas.ts <dir>');
  process.exit(2);
}
const root = path.resolve(directory);

const written = [
  await makeSampleOva({
    directory: root,
    fileName: 'rhel9-web.ova',
    name: 'rhel9-web',
    virtualSystemId: '5f1c2a7e-3b4d-4e8f-9a10-2b3c4d5e6f70',
    cpus: 2,
    memoryMiB: 4096,
    osType: 'rhel9_64Guest',
    disks: [{ capacityMiB: 32 }],
    nics: [{ network: 'VM Network' }],
  }),
  await makeSampleOva({
    directory: root,
    fileName: 'win2019-efi.ova',
    name: 'win2019-efi',
    cpus: 4,
    coresPerSocket: 2,
    memoryMiB: 8192,
    osType: 'windows2019srv_64Guest',
    firmware: 'efi',
    secureBoot: true,
    disks: [{ capacityMiB: 64 }, { capacityMiB: 16 }],
    nics: [{ network: 'VM Network' }],
  }),
  // Not a valid Kubernetes name (capitals, spaces, `_`, `#`): the VM gets a name concern.
  await makeSampleOva({
    directory: root,
    fileName: 'legacy-app.ova',
    name: 'Legacy_App Server #2',
    memoryMiB: 2048,
    osType: 'centos7_64Guest',
    nics: [{ network: 'VM Network' }, { network: 'Backup Network' }],
  }),
  await makeSampleOva({
    directory: path.join(root, 'databases'),
    fileName: 'postgres-primary.ova',
    name: 'postgres-primary',
    ovfVersion: 2,
    cpus: 8,
    coresPerSocket: 4,
    memoryMiB: 16384,
    osType: 'rhel8_64Guest',
    disks: [{ capacityMiB: 16 }, { capacityMiB: 128 }],
    nics: [{ network: 'Database Network' }],
  }),
  await makeSampleOvf({
    directory: path.join(root, 'extracted', 'tools-vm'),
    name: 'tools-vm',
    osType: 'ubuntu64Guest',
    nics: [{ network: 'VM Network' }],
  }),
];

// The files are whole once written. The OVA scan skips files modified in the last 30 s as possibly
// still being copied; dating these a minute back lets a provider on this folder list them at once.
const aMinuteAgo = new Date(Date.now() - 60_000);
for (const file of written) {
  await utimes(file, aMinuteAgo, aMinuteAgo);
  console.log(`${file} (${(await stat(file)).size} bytes)`);
}
