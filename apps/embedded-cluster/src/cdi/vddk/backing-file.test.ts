import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { flatExtentOf, parseDatastorePath, parseDescriptor } from './backing-file.ts';
import { VddkSourceError } from './errors.ts';

// As ESXi writes a thin or thick disk: one VMFS extent beside the descriptor.
const ESXI_DESCRIPTOR = `# Disk DescriptorFile
version=1
encoding="UTF-8"
CID=fffffffe
parentCID=ffffffff
createType="vmfs"

# Extent description
RW 41943040 VMFS "vm-1-flat.vmdk"

# The Disk Data Base
#DDB

ddb.adapterType = "lsilogic"
ddb.uuid = "60 00 C2 9b 6c 1f 5e 3a-8f 1e 4d 2c 0a 9b 7e 11"
`;

const refusal = (reason: string, pattern: RegExp) => (error: unknown) => {
  assert.ok(error instanceof VddkSourceError);
  assert.equal(error.reason, reason);
  assert.match(error.message, pattern);
  return true;
};

describe('vddk backing files', () => {
  test('a datastore path splits into datastore and path', () => {
    assert.deepEqual(parseDatastorePath('[datastore1] vm-1/vm-1.vmdk'), {
      datastore: 'datastore1',
      path: 'vm-1/vm-1.vmdk',
    });
    assert.deepEqual(parseDatastorePath('[Local DS (2)]  my vm/disk 1.vmdk'), {
      datastore: 'Local DS (2)',
      path: 'my vm/disk 1.vmdk',
    });
  });

  test('anything else is refused naming the field', () => {
    for (const bad of ['vm-1/vm-1.vmdk', '[ds1]', '[] x.vmdk', '[ds1] ../etc/passwd']) {
      assert.throws(() => parseDatastorePath(bad), refusal('InvalidSource', /backingFile/));
    }
  });

  test("an ESXi descriptor's flat extent is the file beside it, of the size it says", () => {
    const descriptor = parseDescriptor(ESXI_DESCRIPTOR)!;
    assert.equal(descriptor.createType, 'vmfs');
    assert.deepEqual(flatExtentOf('vm-1/vm-1.vmdk', descriptor), {
      path: 'vm-1/vm-1-flat.vmdk',
      sizeBytes: 41943040 * 512,
    });
  });

  test('an extent not named -flat is found through the descriptor', () => {
    const descriptor = parseDescriptor(
      '# Disk DescriptorFile\ncreateType="monolithicFlat"\nRW 2048 FLAT "data.img" 0\n',
    )!;
    assert.deepEqual(flatExtentOf('disk.vmdk', descriptor), {
      path: 'data.img',
      sizeBytes: 1048576,
    });
  });

  test('a binary VMDK is not a descriptor', () => {
    assert.equal(parseDescriptor('KDMV\x01\x00\x00\x00'), undefined);
  });

  test('disks that need VDDK to assemble them are refused, saying why', () => {
    const cases: [string, RegExp][] = [
      [
        '# Disk DescriptorFile\nparentFileNameHint="vm-1.vmdk"\ncreateType="vmfsSparse"\nRW 2048 VMFSSPARSE "vm-1-000001-delta.vmdk"\n',
        /snapshot delta of vm-1\.vmdk/,
      ],
      [
        '# Disk DescriptorFile\ncreateType="twoGbMaxExtentFlat"\nRW 4194304 FLAT "a-f001.vmdk" 0\nRW 2048 FLAT "a-f002.vmdk" 0\n',
        /has 2 extents/,
      ],
      [
        '# Disk DescriptorFile\ncreateType="vmfsRawDeviceMap"\nRW 2048 VMFSRDM "vm-1-rdm.vmdk"\n',
        /VMFSRDM extent/,
      ],
    ];
    for (const [text, why] of cases) {
      assert.throws(
        () => flatExtentOf('vm-1/vm-1.vmdk', parseDescriptor(text)!),
        refusal('UnsupportedDisk', why),
      );
    }
  });
});
