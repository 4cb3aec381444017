import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandRefusal, interfacesOf, qemuArguments, type QemuLaunch } from './qemu-command.ts';
import type { VirtualMachineInstance, VmiSpec } from './types.ts';

const vmi = (
  spec: Partial<VmiSpec['domain']> = {},
  rest: Partial<VmiSpec> = {},
): VirtualMachineInstance => ({
  metadata: { name: 'web', namespace: 'vms', uid: 'uid-1' },
  spec: { domain: { memory: { guest: '2Gi' }, ...spec }, ...rest },
});

const launch = (instance: VirtualMachineInstance, extra: Partial<QemuLaunch> = {}): string[] =>
  qemuArguments({
    vmi: instance,
    accelerator: 'tcg',
    disks: new Map([
      ['root', { file: '/data/volumes/root,1.raw', readOnly: false }],
      ['data', { file: '/data/volumes/data.raw', readOnly: true }],
    ]),
    firmware: { kind: 'bios' },
    qmpSocket: '/run/qmp.sock',
    serialLog: '/logs/guest-console-log/0.log',
    ...extra,
  });

/** The value following `flag`, every time it appears. */
const values = (args: string[], flag: string) =>
  args.flatMap((arg, index) => (arg === flag ? [args[index + 1]!] : []));

test('memory, CPU topology and accelerator come from the spec', () => {
  const args = launch(vmi({ cpu: { sockets: 2, cores: 2, threads: 1 } }));
  assert.deepEqual(values(args, '-m'), ['2048M']);
  assert.deepEqual(values(args, '-smp'), ['4,sockets=2,cores=2,threads=1']);
  assert.deepEqual(values(args, '-accel'), ['tcg']);
  assert.deepEqual(values(args, '-cpu'), [], 'TCG keeps its default CPU model');
  const kvm = launch(vmi({ memory: {}, resources: { requests: { memory: '512Mi' } } }), {
    accelerator: 'kvm',
  });
  assert.deepEqual(values(kvm, '-m'), ['512M']);
  assert.deepEqual(values(kvm, '-cpu'), ['host']);
});

test('disks go on their bus in boot order; commas in paths are escaped, read-only kept', () => {
  const args = launch(
    vmi({
      devices: {
        disks: [
          { name: 'data', disk: { bus: 'scsi' } },
          { name: 'root', bootOrder: 1, disk: { bus: 'sata' } },
        ],
      },
    }),
  );
  const drives = values(args, '-drive');
  assert.deepEqual(drives, [
    'if=none,id=drive-data,file=/data/volumes/data.raw,format=raw,readonly=on',
    'if=none,id=drive-root,file=/data/volumes/root,,1.raw,format=raw',
  ]);
  assert.deepEqual(
    values(args, '-device').filter(
      (device) => !device.startsWith('VGA') && !device.includes('net'),
    ),
    [
      'virtio-scsi-pci,id=scsi0',
      'scsi-hd,bus=scsi0.0,drive=drive-data,id=ua-data',
      'ide-hd,bus=ide.0,drive=drive-root,id=ua-root,bootindex=1',
    ],
  );
});

test('a shareable disk is not locked by the one guest', () => {
  const args = launch(vmi({ devices: { disks: [{ name: 'data', shareable: true }] } }));
  assert.deepEqual(values(args, '-drive'), [
    'if=none,id=drive-data,file=/data/volumes/data.raw,format=raw,readonly=on,file.locking=off',
  ]);
});

test('without any bootOrder the first disk boots', () => {
  const args = launch(vmi({ devices: { disks: [{ name: 'root' }, { name: 'data' }] } }));
  assert.ok(
    values(args, '-device').includes('virtio-blk-pci,drive=drive-root,id=ua-root,bootindex=1'),
  );
  assert.ok(values(args, '-device').includes('virtio-blk-pci,drive=drive-data,id=ua-data'));
});

test('NICs on user-mode networking with their MAC; a default one when none is declared', () => {
  const declared = vmi(
    {
      devices: { interfaces: [{ name: 'nic0', model: 'e1000e', macAddress: '02:AA:BB:CC:DD:EE' }] },
    },
    { networks: [{ name: 'nic0', pod: {} }] },
  );
  const args = launch(declared);
  assert.deepEqual(values(args, '-netdev'), ['user,id=net-nic0']);
  assert.ok(
    values(args, '-device').includes('e1000e,netdev=net-nic0,mac=02:aa:bb:cc:dd:ee,id=ua-nic0'),
  );
  const [generated] = interfacesOf(vmi());
  assert.equal(generated?.name, 'default');
  assert.match(generated?.mac ?? '', /^02(:[0-9a-f]{2}){5}$/);
  assert.equal(interfacesOf(vmi())[0]?.mac, generated?.mac, 'the generated MAC is stable');
  assert.deepEqual(interfacesOf(vmi({ devices: { autoattachPodInterface: false } })), []);
});

test('no display; serial console into the log file; QMP on its socket; EFI from OVMF', () => {
  const args = launch(vmi(), {
    firmware: { kind: 'efi', code: '/ovmf/CODE.fd', vars: '/run/vars.fd', secureBoot: true },
  });
  assert.deepEqual(values(args, '-display'), ['none']);
  assert.deepEqual(values(args, '-chardev'), [
    'file,id=serial0,path=/logs/guest-console-log/0.log,append=on',
  ]);
  assert.deepEqual(values(args, '-serial'), ['chardev:serial0']);
  assert.deepEqual(values(args, '-qmp'), ['unix:/run/qmp.sock,server=on,wait=off']);
  assert.deepEqual(values(args, '-machine'), ['q35,smm=on']);
  assert.ok(
    values(args, '-drive').includes('if=pflash,format=raw,unit=0,readonly=on,file=/ovmf/CODE.fd'),
  );
  assert.ok(values(args, '-drive').includes('if=pflash,format=raw,unit=1,file=/run/vars.fd'));
});

test('what cannot be built is refused with the field that says so', () => {
  assert.equal(commandRefusal(vmi({ memory: {} }))?.reason, 'MemoryNotSet');
  assert.match(
    commandRefusal(vmi({ devices: { disks: [{ name: 'root', disk: { bus: 'usb' } }] } }))
      ?.message ?? '',
    /disk root: bus usb is not supported/,
  );
  assert.equal(
    commandRefusal(vmi({ devices: { interfaces: [{ name: 'n', model: 'vmxnet3' }] } }))?.reason,
    'UnsupportedInterfaceModel',
  );
  assert.equal(commandRefusal(vmi()), undefined);
});
