import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanOvaCatalog, stableId } from './scan.ts';

const ovf = (name: string, id = name) =>
  `<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" xmlns:vmw="http://www.vmware.com/schema/ovf">` +
  `<References><File ovf:id="file1" ovf:href="disk.vmdk"/></References>` +
  `<DiskSection><Disk ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:capacity="64" ovf:capacityAllocationUnits="byte * 2^20"/></DiskSection>` +
  `<NetworkSection><Network ovf:name="VM Network"/></NetworkSection>` +
  `<VirtualSystem ovf:id="${id}"><Name>${name}</Name><VirtualHardwareSection/></VirtualSystem></Envelope>`;

const UUID = '4a1f0c2e-7b3d-4c5e-8f60-112233445566';
let root = '';
let work = '';
const NOW = Date.now() + 60_000;

const put = async (path: string, content: string | Buffer) => {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), content);
};
const ova = async (path: string, files: Record<string, string>) => {
  const dir = await mkdtemp(join(work, 'ova-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  execFileSync('qemu-img', [
    'create',
    '-q',
    '-f',
    'vmdk',
    '-o',
    'subformat=streamOptimized',
    join(dir, 'disk.vmdk'),
    '64M',
  ]);
  await mkdir(join(root, path, '..'), { recursive: true });
  execFileSync('tar', ['-cf', join(root, path), ...Object.keys(files), 'disk.vmdk'], { cwd: dir });
};

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'ova-scan-'));
  root = join(work, 'catalog');
  await ova('root.ova', { 'vm.ovf': ovf('root-vm', UUID) });
  await ova('sub/Upper.OVA', { 'vm.ovf': ovf('sub-vm') });
  await ova('a/b/too-deep.ova', { 'vm.ovf': ovf('too-deep-ova') });
  await ova('no-ovf.ova', { 'readme.txt': 'hello' });
  await put('pkg/x/vm.ovf', ovf('extracted-vm'));
  await put('a/b/c/vm.ovf', ovf('too-deep-ovf'));
  await put('two/one.ovf', ovf('one'));
  await put('two/two.ovf', ovf('two'));
  await put('empty.ova', '');
  await put('bad.ovf', '<!DOCTYPE x><Envelope/>');
  const corrupt = Buffer.alloc(1024);
  corrupt.write('vm.ovf');
  await put('corrupt.ova', corrupt);
  await put('copying/vm.ovf', ovf('copying'));
  await utimes(join(root, 'copying/vm.ovf'), NOW / 1000, NOW / 1000 - 10);
});
after(() => rm(work, { recursive: true, force: true }));

describe('scanOvaCatalog', () => {
  test('finds OVAs and extracted OVFs within the depth limits and reports bad files', async () => {
    const result = await scanOvaCatalog(root, { now: () => NOW });
    assert.deepEqual(
      result.vms.map((vm) => [vm.name, vm.ovfPath.slice(root.length + 1)]),
      [
        ['root-vm', 'root.ova'],
        ['sub-vm', 'sub/Upper.OVA'],
        ['extracted-vm', 'pkg/x/vm.ovf'],
      ],
    );
    const [rootVm, subVm, extracted] = result.vms;
    assert.equal(rootVm!.uuid, UUID);
    assert.equal(subVm!.uuid, stableId('vm', 'sub/Upper.OVA', 'sub-vm'));
    assert.match(extracted!.uuid, /^[0-9a-f]{36}$/);
    assert.equal(extracted!.disks[0]!.FilePath, join(root, 'pkg/x') + '/');
    assert.equal(rootVm!.disks[0]!.FilePath, join(root, 'root.ova'));
    assert.equal(rootVm!.disks[0]!.Capacity, 64 * 2 ** 20);
    assert.equal(rootVm!.networks[0]!.ID, subVm!.networks[0]!.ID);
    assert.notEqual(rootVm!.disks[0]!.ID, subVm!.disks[0]!.ID);
    assert.equal(rootVm!.exportSource, 'VMware');

    const errors = Object.fromEntries(
      result.errors.map((error) => [error.path.slice(root.length + 1), error.message]),
    );
    assert.deepEqual(Object.keys(errors).sort(), ['bad.ovf', 'corrupt.ova', 'no-ovf.ova', 'two']);
    assert.match(errors['two']!, /holds 2 \.ovf files \(one\.ovf, two\.ovf\)/);
    assert.match(errors['no-ovf.ova']!, /has no \.ovf file/);
    assert.match(errors['corrupt.ova']!, /checksum mismatch/);
    assert.match(errors['bad.ovf']!, /DOCTYPE/);
    assert.deepEqual(result.pending.map((path) => path.slice(root.length + 1)).sort(), [
      'copying/vm.ovf',
      'empty.ova',
    ]);

    // A rescan gives the same IDs.
    const again = await scanOvaCatalog(root, { now: () => NOW });
    assert.deepEqual(
      again.vms.map((vm) => vm.uuid),
      result.vms.map((vm) => vm.uuid),
    );
  });

  test('an unreadable root fails the scan', async () => {
    await assert.rejects(scanOvaCatalog(join(work, 'missing')), /ENOENT/);
  });
});
