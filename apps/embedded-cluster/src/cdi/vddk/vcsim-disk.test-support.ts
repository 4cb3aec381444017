// For the vddk tests: what a Forklift plan would put in a DataVolume's vddk source for a vcsim VM
// (its BIOS UUID and disk backing file), read through the vim25 API as an administrator would,
// and the local folder vcsim keeps that datastore in (its `summary.url`), where a test can put the
// bytes it later expects to import.
import path from 'node:path';
import {
  moRefXml,
  readProperties,
  textXml,
  toMoRef,
  type SoapClient,
  type XmlNode,
} from '@forklift-console/vsphere';

export type VcsimDisk = {
  uuid: string;
  backingFile: string;
  /** The disk's flat extent as a local file of vcsim's datastore. */
  flatExtentFile: string;
};

const list = (value: unknown): XmlNode[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as XmlNode[]) : [value as XmlNode];

export const vcsimDisk = async (client: SoapClient, inventoryPath: string): Promise<VcsimDisk> => {
  const { searchIndex } = await client.serviceContent();
  const found = await client.call(
    'FindByInventoryPath',
    moRefXml('_this', searchIndex) + textXml('inventoryPath', inventoryPath),
  );
  const vm = toMoRef((found.returnval as XmlNode[])[0]);
  const properties = await readProperties(client, vm, ['config.uuid', 'config.hardware.device']);
  const disk = list((properties['config.hardware.device'] as XmlNode).VirtualDevice).find(
    (device) => device['@_xsi:type'] === 'VirtualDisk',
  )!;
  const backing = disk.backing as XmlNode;
  const datastore = await readProperties(client, toMoRef(backing.datastore), ['summary.url']);
  const backingFile = String(backing.fileName);
  const relative = /^\[[^\]]+\] (.*)\.vmdk$/.exec(backingFile)![1]!;
  return {
    uuid: String(properties['config.uuid']),
    backingFile,
    flatExtentFile: path.join(String(datastore['summary.url']), `${relative}-flat.vmdk`),
  };
};
