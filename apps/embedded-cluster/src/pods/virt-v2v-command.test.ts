// How the conversion pod's environment and volumes become a virt-v2v command line (no virt-v2v
// run here: conversion-pod.test.ts runs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ContainerView } from './container-config.ts';
import { findTool } from './local-command.ts';
import { diskLetters, virtV2vCommand } from './virt-v2v-command.ts';

const skip = findTool('virt-v2v')
  ? false
  : 'virt-v2v is not installed (apt-get install virt-v2v libnbd-bin)';

const withFolder = async (run: (folder: string) => Promise<void>) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'v2v-command-'));
  try {
    await run(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};

test('disks are lettered as virt-v2v names them', () => {
  assert.deepEqual([0, 1, 25, 26, 27].map(diskLetters), ['a', 'b', 'z', 'aa', 'ab']);
});

test(
  'a vSphere pod runs virt-v2v -i libvirt with the mounted password file, output linked to its disks',
  { skip },
  async () => {
    await withFolder(async (folder) => {
      const view: ContainerView = {
        env: {
          V2V_source: 'vSphere',
          V2V_libvirtURL: 'vpx://admin@vcenter.example.com/DC/cluster/esxi?no_verify=1',
          V2V_secretKey: 'key',
          V2V_vmName: 'Web Server',
          V2V_NewName: 'web-server',
          V2V_staticIPs: '00:50:56:aa:bb:cc:ip:10.0.0.5,10.0.0.1,24_00:50:56:aa:bb:cd:ip:10.0.0.6',
          V2V_extra_args: '["--no-trim","all"]',
        },
        mounts: [
          { containerPath: '/etc/secret', hostPath: `${folder}/secret` },
          { containerPath: '/dev/block1', hostPath: `${folder}/second.raw` },
          { containerPath: '/dev/block0', hostPath: `${folder}/first.raw` },
          { containerPath: '/mnt/disks/disk2', hostPath: `${folder}/third` },
        ],
      };
      const work = path.join(folder, 'work');
      const command = await virtV2vCommand(view.env, view, work);
      assert.equal(path.basename(command.command), 'virt-v2v');
      assert.deepEqual(command.args, [
        '-v',
        '-x',
        '-o',
        'kubevirt',
        '-os',
        work,
        '-on',
        'web-server',
        '--root',
        'first',
        '-i',
        'libvirt',
        '-ic',
        'vpx://admin@vcenter.example.com/DC/cluster/esxi?no_verify=1',
        '-ip',
        `${folder}/secret/secretKey`,
        '--mac',
        '00:50:56:aa:bb:cc:ip:10.0.0.5,10.0.0.1,24',
        '--mac',
        '00:50:56:aa:bb:cd:ip:10.0.0.6',
        '--no-trim',
        'all',
        '--',
        'Web Server',
      ]);
      assert.equal(await readlink(path.join(work, 'web-server-sda')), `${folder}/first.raw`);
      assert.equal(await readlink(path.join(work, 'web-server-sdb')), `${folder}/second.raw`);
      assert.equal(await readlink(path.join(work, 'web-server-sdc')), `${folder}/third/disk.img`);
      assert.deepEqual(command.env, {
        LIBGUESTFS_BACKEND: 'direct',
        LIBGUESTFS_BACKEND_SETTINGS: 'force_tcg',
      });
    });
  },
);

test('an OVA pod reads the OVA through the mount its path is on', { skip }, async () => {
  await withFolder(async (folder) => {
    const view: ContainerView = {
      env: { V2V_source: 'ova', V2V_diskPath: '/ova/appliances/web.ova', V2V_vmName: 'web' },
      mounts: [{ containerPath: '/ova', hostPath: `${folder}/nfs` }],
    };
    const command = await virtV2vCommand(view.env, view, path.join(folder, 'work'));
    assert.deepEqual(command.args.slice(-3), ['-i', 'ova', `${folder}/nfs/appliances/web.ova`]);
  });
});

test(
  'in place, the libvirt XML the pod mounts is read with its disk paths made local',
  { skip },
  async () => {
    await withFolder(async (folder) => {
      await mkdir(`${folder}/v2v`);
      await writeFile(
        `${folder}/v2v/input.xml`,
        "<domain><devices><disk type='block'><source dev='/dev/block0'/></disk>" +
          '<disk type="file"><source file="/mnt/disks/disk1/disk.img"/></disk></devices></domain>',
      );
      const view: ContainerView = {
        env: { V2V_inPlace: '1', V2V_RootDisk: '/dev/sda2' },
        mounts: [
          { containerPath: '/mnt/v2v', hostPath: `${folder}/v2v` },
          { containerPath: '/dev/block0', hostPath: `${folder}/a.raw` },
          { containerPath: '/mnt/disks/disk1', hostPath: `${folder}/b` },
        ],
      };
      const work = path.join(folder, 'work');
      const command = await virtV2vCommand(view.env, view, work);
      assert.equal(path.basename(command.command), 'virt-v2v-in-place');
      assert.deepEqual(command.args, [
        '-v',
        '-x',
        '--root',
        '/dev/sda2',
        '-i',
        'libvirtxml',
        `${work}/input.xml`,
      ]);
      assert.equal(
        await readFile(`${work}/input.xml`, 'utf8'),
        `<domain><devices><disk type='block'><source dev='${folder}/a.raw'/></disk>` +
          `<disk type="file"><source file="${folder}/b/disk.img"/></disk></devices></domain>`,
      );
    });
  },
);

test(
  'a source the image does not know fails the container as its entrypoint does',
  { skip },
  async () => {
    await withFolder(async (folder) => {
      await assert.rejects(
        virtV2vCommand({ V2V_source: 'ovirt' }, { env: {}, mounts: [] }, folder),
        /virt-v2v supports the following providers: \{vSphere, ova\}. Provided: ovirt/,
      );
      await assert.rejects(
        virtV2vCommand({ V2V_source: 'vSphere', V2V_vmName: 'x' }, { env: {}, mounts: [] }, folder),
        /V2V_libvirtURL, V2V_secretKey/,
      );
    });
  },
);

test('without virt-v2v on the machine the container fails naming the Debian packages', async () => {
  const searchPath = process.env.PATH;
  await withFolder(async (folder) => {
    process.env.PATH = folder;
    try {
      await assert.rejects(
        virtV2vCommand({ V2V_inPlace: '1' }, { env: {}, mounts: [] }, `${folder}/work`),
        {
          message: 'virt-v2v-in-place is not installed: apt-get install virt-v2v libnbd-bin',
          exitCode: 127,
        },
      );
    } finally {
      process.env.PATH = searchPath;
    }
  });
});
