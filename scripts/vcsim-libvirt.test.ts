// tools/vcsim as libvirt's ESX driver (virt-v2v's `-i libvirt -ic vpx://…`) reads a vCenter: a raw
// disk image placed as a VM's disk, the VM's .vmx describing it, a session cookie for basic
// credentials on /folder, and array items typed for libvirt's requests only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startVcsim, type Vcsim } from './vcsim.ts';

const VM = 'DC0_C0_RP0_VM0';
const image = randomBytes(2 << 20);
let folder: string;
let vcsim: Vcsim;

before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'vcsim-libvirt-'));
  const file = path.join(folder, 'guest.raw');
  await writeFile(file, image);
  vcsim = await startVcsim({ hosts: 1, 'standalone-hosts': 0, vms: 1 }, undefined, {
    diskImages: { [VM]: file },
  });
});
after(async () => {
  await vcsim?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const folderUrl = (file: string) =>
  new URL(`/folder/${VM}/${file}?dcPath=DC0&dsName=LocalDS_0`, vcsim.sdkUrl);

const basic = () =>
  `Basic ${Buffer.from(`${vcsim.username}:${vcsim.password}`).toString('base64')}`;

const sessionCookie = (response: Response) => response.headers.get('set-cookie')?.split(';')[0];

test('basic credentials on /folder get the .vmx and a session cookie that alone reads the disk', async () => {
  const vmx = await fetch(folderUrl(`${VM}.vmx`), { headers: { authorization: basic() } });
  assert.equal(vmx.status, 200);
  const cookie = sessionCookie(vmx);
  assert.match(cookie ?? '', /^vmware_soap_session=/);
  const text = await vmx.text();
  assert.match(text, new RegExp(`^displayName = "${VM}"$`, 'm'));
  assert.match(text, /^memsize = "1024"$/m, 'a real guest gets the memory to boot');
  assert.match(text, /^scsi0:0\.fileName = "disk1\.vmdk"$/m);
  assert.match(text, /^ethernet0\.generatedAddress = "([0-9a-f]{2}:){5}[0-9a-f]{2}"$/m);

  const descriptor = await fetch(folderUrl('disk1.vmdk'), { headers: { cookie: cookie! } });
  assert.match(await descriptor.text(), /^RW 4096 VMFS "disk1-flat\.vmdk"$/m);
  const extent = await fetch(folderUrl('disk1-flat.vmdk'), { headers: { cookie: cookie! } });
  assert.ok(Buffer.from(await extent.arrayBuffer()).equals(image), 'the extent is the image');
});

const retrieveRootChildren = (cookie: string, userAgent: string) =>
  fetch(vcsim.sdkUrl, {
    method: 'POST',
    headers: { 'content-type': 'text/xml', 'user-agent': userAgent, cookie },
    body:
      '<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
      '<RetrieveProperties xmlns="urn:vim25"><_this type="PropertyCollector">propertyCollector</_this><specSet>' +
      '<propSet><type>Folder</type><pathSet>childEntity</pathSet></propSet>' +
      '<objectSet><obj type="Folder">group-d1</obj></objectSet>' +
      '</specSet></RetrieveProperties></soapenv:Body></soapenv:Envelope>',
  }).then((response) => response.text());

test('array items carry xsi:type for libvirt’s requests, as vCenter writes them', async () => {
  const login = await fetch(folderUrl(`${VM}.vmx`), { headers: { authorization: basic() } });
  const cookie = sessionCookie(login)!;
  await login.body?.cancel();
  const forLibvirt = await retrieveRootChildren(cookie, 'libvirt-esx');
  assert.match(
    forLibvirt,
    /<ManagedObjectReference type="Datacenter" xmlns:xsi="[^"]+" xsi:type="ManagedObjectReference">/,
  );
  const forOthers = await retrieveRootChildren(cookie, 'govmomi');
  assert.match(forOthers, /<ManagedObjectReference type="Datacenter">/);
});
