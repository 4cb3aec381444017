import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseXml, type XmlNode } from '@forklift-console/vsphere';
import { makeSampleOva, makeSampleOvf } from './sample-ova.ts';

const run = promisify(execFile);

const withTempDir = async (body: (dir: string) => Promise<void>) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sample-ova-test-'));
  try {
    await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

const parseManifest = (text: string) =>
  new Map(
    text
      .trim()
      .split('\n')
      .map((line) => {
        const match = /^SHA256\((.+)\)= ([0-9a-f]{64})$/.exec(line);
        assert.ok(match, `manifest line ${JSON.stringify(line)}`);
        return [match[1]!, match[2]!] as const;
      }),
  );

const list = (value: unknown) => (Array.isArray(value) ? value : [value]) as XmlNode[];

const itemsOfType = (envelope: XmlNode, type: number) => {
  const system = envelope['VirtualSystem'] as XmlNode;
  const hardware = system['VirtualHardwareSection'] as XmlNode;
  return list(hardware['Item']).filter((item) => item['ResourceType'] === String(type));
};

// Every file the manifest names is there with that hash, and nothing else is (besides the .mf).
const checkPackage = async (dir: string, base: string) => {
  const manifest = parseManifest(await readFile(path.join(dir, `${base}.mf`), 'utf8'));
  assert.deepEqual(
    [...manifest.keys()].toSorted(),
    (await readdir(dir)).filter((name) => name !== `${base}.mf`).toSorted(),
  );
  for (const [name, hash] of manifest) assert.equal(await sha256(path.join(dir, name)), hash, name);
};

test('an OVA is a tar of OVF, manifest and real VMDK disks, in that order', async () => {
  await withTempDir(async (dir) => {
    const ova = await makeSampleOva({
      directory: path.join(dir, 'catalog'),
      fileName: 'web-db.ova',
      name: 'Web & <DB> "primary"',
      cpus: 4,
      coresPerSocket: 2,
      memoryMiB: 4096,
      disks: [{ capacityMiB: 4 }, { capacityMiB: 8 }],
      nics: [{ network: 'VM Network' }, { network: 'Storage & Backup', mac: '00:50:56:aa:bb:cc' }],
      osType: 'windows2019srv_64Guest',
      firmware: 'efi',
      secureBoot: true,
      virtualSystemId: '4224a1c6-0c5e-4f0e-9d5e-0123456789ab',
    });
    assert.equal(ova, path.join(dir, 'catalog', 'web-db.ova'));
    assert.deepEqual(await readdir(path.join(dir, 'catalog')), ['web-db.ova']);

    const { stdout: listing } = await run('tar', ['-tvf', ova]);
    const entries = listing
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/));
    assert.deepEqual(
      entries.map((fields) => fields.at(-1)),
      ['web-db.ovf', 'web-db.mf', 'web-db-disk1.vmdk', 'web-db-disk2.vmdk'],
    );
    for (const fields of entries) assert.equal(fields[0], '-rw-r--r--');

    const extracted = path.join(dir, 'extracted');
    await mkdir(extracted);
    await run('tar', ['-xf', ova, '-C', extracted]);
    await checkPackage(extracted, 'web-db');

    const { stdout: info } = await run('qemu-img', [
      'info',
      '--output=json',
      path.join(extracted, 'web-db-disk2.vmdk'),
    ]);
    const disk = JSON.parse(info) as {
      format: string;
      'virtual-size': number;
      'format-specific': { data: { 'create-type': string } };
    };
    assert.equal(disk.format, 'vmdk');
    assert.equal(disk['virtual-size'], 8 * 2 ** 20);
    assert.equal(disk['format-specific'].data['create-type'], 'streamOptimized');

    const ovfText = await readFile(path.join(extracted, 'web-db.ovf'), 'utf8');
    const envelope = parseXml(ovfText)['Envelope'] as XmlNode;
    assert.equal(envelope['@_xmlns'], 'http://schemas.dmtf.org/ovf/envelope/1');
    assert.equal(envelope['@_xmlns:vmw'], 'http://www.vmware.com/schema/ovf');
    const system = envelope['VirtualSystem'] as XmlNode;
    assert.equal(system['Name'], 'Web & <DB> "primary"');
    assert.equal(system['@_ovf:id'], '4224a1c6-0c5e-4f0e-9d5e-0123456789ab');
    assert.equal(
      (system['OperatingSystemSection'] as XmlNode)['@_vmw:osType'],
      'windows2019srv_64Guest',
    );

    const files = list((envelope['References'] as XmlNode)['File']);
    assert.deepEqual(
      files.map((file) => file['@_ovf:href']),
      ['web-db-disk1.vmdk', 'web-db-disk2.vmdk'],
    );
    // tar -tv lists mode, owner, size, date, time, name.
    for (const file of files) {
      const entry = entries.find((fields) => fields.at(-1) === file['@_ovf:href']);
      assert.equal(file['@_ovf:size'], entry?.[2]);
    }
    const disks = list((envelope['DiskSection'] as XmlNode)['Disk']);
    assert.deepEqual(
      disks.map((d) => [
        d['@_ovf:capacity'],
        d['@_ovf:capacityAllocationUnits'],
        d['@_ovf:fileRef'],
      ]),
      [
        ['4', 'byte * 2^20', 'file1'],
        ['8', 'byte * 2^20', 'file2'],
      ],
    );
    assert.deepEqual(
      list((envelope['NetworkSection'] as XmlNode)['Network']).map((n) => n['@_ovf:name']),
      ['VM Network', 'Storage & Backup'],
    );

    const [cpu] = itemsOfType(envelope, 3);
    assert.equal(cpu?.['VirtualQuantity'], '4');
    assert.equal((cpu?.['CoresPerSocket'] as XmlNode)['#text'], '2');
    const [memory] = itemsOfType(envelope, 4);
    assert.equal(memory?.['VirtualQuantity'], '4096');
    assert.equal(memory?.['AllocationUnits'], 'byte * 2^20');
    assert.equal(itemsOfType(envelope, 6).length, 1);
    assert.deepEqual(
      itemsOfType(envelope, 17).map((item) => item['HostResource']),
      ['ovf:/disk/vmdisk1', 'ovf:/disk/vmdisk2'],
    );
    const nics = itemsOfType(envelope, 10);
    assert.deepEqual(
      nics.map((nic) => nic['Connection']),
      ['VM Network', 'Storage & Backup'],
    );
    assert.match(String(nics[0]?.['Address']), /^00:50:56(:[0-9a-f]{2}){3}$/);
    assert.equal(nics[1]?.['Address'], '00:50:56:aa:bb:cc');

    const config = list(
      ((envelope['VirtualSystem'] as XmlNode)['VirtualHardwareSection'] as XmlNode)['Config'],
    );
    assert.deepEqual(
      config.map((entry) => [entry['@_vmw:key'], entry['@_vmw:value']]),
      [
        ['firmware', 'efi'],
        ['bootOptions.efiSecureBootEnabled', 'true'],
      ],
    );
  });
});

test('an extracted OVF package has its OVF, manifest and disks side by side', async () => {
  await withTempDir(async (dir) => {
    const packageDir = path.join(dir, 'packages', 'tools');
    const ovf = await makeSampleOvf({ directory: packageDir, name: 'tools', ovfVersion: 2 });
    assert.equal(ovf, path.join(packageDir, 'tools.ovf'));
    assert.deepEqual((await readdir(packageDir)).toSorted(), [
      'tools-disk1.vmdk',
      'tools.mf',
      'tools.ovf',
    ]);
    await checkPackage(packageDir, 'tools');
    const envelope = parseXml(await readFile(ovf, 'utf8'))['Envelope'] as XmlNode;
    assert.equal(envelope['@_xmlns'], 'http://schemas.dmtf.org/ovf/envelope/2');
    assert.equal(envelope['@_ovf:version'], '2.0');
    assert.equal((envelope['VirtualSystem'] as XmlNode)['@_ovf:id'], 'tools');
  });
});

test('a disk made from a raw image holds that image’s bytes', async () => {
  await withTempDir(async (dir) => {
    const raw = path.join(dir, 'guest.raw');
    const bytes = Buffer.alloc(1 << 20);
    bytes.write('a guest’s first sector', 0);
    bytes.write('and its last bytes', bytes.length - 64);
    await writeFile(raw, bytes);
    const packageDir = path.join(dir, 'package');
    await makeSampleOvf({
      directory: packageDir,
      name: 'guest',
      disks: [{ capacityMiB: 1, rawImage: raw }],
    });
    const back = path.join(dir, 'back.raw');
    await run('qemu-img', [
      'convert',
      '-O',
      'raw',
      path.join(packageDir, 'guest-disk1.vmdk'),
      back,
    ]);
    assert.ok((await readFile(back)).equals(bytes));
    await assert.rejects(
      makeSampleOvf({ directory: dir, name: 'x', disks: [{ capacityMiB: 2, rawImage: raw }] }),
      /is not 2 MiB/,
    );
  });
});

test('bad input leaves no file behind', async () => {
  await withTempDir(async (dir) => {
    await assert.rejects(
      makeSampleOva({ directory: dir, name: 'bad', disks: [{ capacityMiB: 0 }] }),
      /capacityMiB must be a positive integer/,
    );
    await assert.rejects(
      makeSampleOva({ directory: dir, name: 'bad\u0001name', fileName: 'bad.ova' }),
      /character XML cannot hold/,
    );
    await assert.rejects(
      makeSampleOva({ directory: dir, name: 'x'.repeat(120) }),
      /tar entry name over 100 bytes/,
    );
    assert.deepEqual(await readdir(dir), []);
  });
});
