// What the migration engine's parts share about a source VM: the sources read it from the
// provider's inventory (and drive its power), the target builders turn it into DataVolumes, a
// conversion Pod and a VirtualMachine, and the execution phases move it through its pipeline.

export type PowerState = 'On' | 'Off' | 'Unknown';

export type SourceDisk = {
  /**
   * The disk as Forklift names it in the pipeline task and the DataVolume's
   * `forklift.konveyor.io/disk-source` annotation: vSphere the backing file (`[ds] vm/vm.vmdk`),
   * OVA the disk's path in the package, OpenShift `namespace/pvc`.
   */
  source: string;
  capacityBytes: number;
  /**
   * The storage map's source key for this disk: vSphere the datastore id, OVA the disk id,
   * OpenShift the source claim's StorageClass name.
   */
  storage: string;
  /** vSphere: the device key (orders disks, seeds the serial when the source has none). */
  key?: number;
  /** The source's bus: `scsi`, `sata`, `ide`, `nvme`. */
  bus?: string;
  shared?: boolean;
  serial?: string;
};

export type SourceNic = {
  /** The network map's source key: vSphere network id, OVA network id, OpenShift `pod` or `ns/nad`. */
  network: string;
  mac?: string;
  startConnected?: boolean;
  /** vSphere: `0000:BB:DD.0` when the inventory knows it. */
  pciAddress?: string;
};

export type SourceVm = {
  providerType: 'vsphere' | 'ova' | 'openshift';
  /** The inventory id the plan names it by. */
  id: string;
  name: string;
  /** OpenShift: the source VM's namespace. */
  namespace?: string;
  /** vSphere: config.uuid (the VDDK source finds the VM by it). */
  uuid?: string;
  powerState: PowerState;
  firmware: 'bios' | 'efi';
  secureBoot?: boolean;
  cpu: { sockets: number; cores: number };
  memoryMiB: number;
  /** In the source's order (vSphere: by bus, as VMware orders them). */
  disks: SourceDisk[];
  nics: SourceNic[];
  /** vSphere: the ESXi host it runs on (the scheduler's key). */
  hostId?: string;
  /** The guest OS as the source reports it (vSphere guestId, OVA OS type). */
  guestOs?: string;
  /** OVA: the .ova file or .ovf folder's path relative to the provider's share. */
  ovaPath?: string;
  /** OpenShift: the source VirtualMachine object, as the inventory holds it. */
  object?: Record<string, unknown>;
};
