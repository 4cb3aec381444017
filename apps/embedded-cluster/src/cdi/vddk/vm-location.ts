// Which datacenter a VM is in, found the way VDDK finds the VM: by its UUID through the
// SearchIndex, then up its `parent` chain. The datastore interface names files by datacenter
// path and datastore name, so the datacenter's inventory path is what the download URL needs.
import {
  moRefXml,
  readProperties,
  textXml,
  toMoRef,
  type ManagedObjectReference,
  type SoapClient,
  type XmlNode,
} from '@forklift-console/vsphere';
import { VddkSourceError } from './errors.ts';

const findByUuid = async (client: SoapClient, uuid: string, instanceUuid: boolean) => {
  const { searchIndex } = await client.serviceContent();
  const response = await client.call(
    'FindByUuid',
    moRefXml('_this', searchIndex) +
      textXml('uuid', uuid) +
      '<vmSearch>true</vmSearch>' +
      `<instanceUuid>${instanceUuid}</instanceUuid>`,
  );
  const found = (response.returnval as XmlNode[] | undefined)?.[0];
  return found ? toMoRef(found) : undefined;
};

/** The VM with this BIOS UUID, or instance UUID (which Forklift passes when it may). */
export const findVm = async (client: SoapClient, uuid: string): Promise<ManagedObjectReference> => {
  const vm = (await findByUuid(client, uuid, false)) ?? (await findByUuid(client, uuid, true));
  if (!vm) {
    throw new VddkSourceError(
      'VMNotFound',
      `no virtual machine has the UUID ${uuid} (spec.source.vddk.uuid)`,
    );
  }
  return vm;
};

const parentOf = async (client: SoapClient, ref: ManagedObjectReference) => {
  // A VM inside a vApp has no folder parent; its vApp leads on to the datacenter.
  const paths =
    ref.type === 'VirtualMachine' ? ['name', 'parent', 'parentVApp'] : ['name', 'parent'];
  const properties = await readProperties(client, ref, paths);
  const parent = properties.parent ?? properties.parentVApp;
  return { name: String(properties.name ?? ''), parent: parent ? toMoRef(parent) : undefined };
};

/**
 * The datacenter holding the VM, as the inventory path `/folder` takes in `dcPath`: its name,
 * after the folders above it below the root folder (`Folder1/DC0`).
 */
export const datacenterPathOf = async (
  client: SoapClient,
  vm: ManagedObjectReference,
): Promise<string> => {
  let current: ManagedObjectReference | undefined = vm;
  while (current && current.type !== 'Datacenter')
    current = (await parentOf(client, current)).parent;
  if (!current) throw new VddkSourceError('VMNotFound', `VM ${vm.value} is in no datacenter`);
  const names: string[] = [];
  // Up to the root folder, whose own name ("Datacenters") is not part of any path.
  for (let step = await parentOf(client, current); step.parent;) {
    names.unshift(step.name);
    step = await parentOf(client, step.parent);
  }
  return names.join('/');
};
