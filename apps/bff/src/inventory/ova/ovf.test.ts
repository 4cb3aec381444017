import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesPerUnit, parseOvf } from './ovf.ts';

// Abridged from a vSphere 8 export (OVF 1.x namespaces).
const VMWARE_OVF = `<?xml version="1.0" encoding="UTF-8"?>
<Envelope vmw:buildId="build-1" xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" xmlns:vmw="http://www.vmware.com/schema/ovf">
  <References>
    <File ovf:href="data.vmdk" ovf:id="file2" ovf:size="1024"/>
    <File ovf:href="boot.vmdk" ovf:id="file1" ovf:size="2048"/>
  </References>
  <DiskSection><Info>Virtual disk information</Info>
    <Disk ovf:capacity="16" ovf:capacityAllocationUnits="byte * 2^30" ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized" ovf:populatedSize="2048"/>
    <Disk ovf:capacity="1048576" ovf:diskId="vmdisk2" ovf:fileRef="file2" ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"/>
  </DiskSection>
  <NetworkSection><Info>The list of logical networks</Info>
    <Network ovf:name="VM Network"><Description>The VM Network network</Description></Network>
  </NetworkSection>
  <VirtualSystem ovf:id="rhel9-web">
    <Info>A virtual machine</Info>
    <Name>rhel9-web</Name>
    <OperatingSystemSection ovf:id="80" vmw:osType="rhel9_64Guest"><Info>OS</Info></OperatingSystemSection>
    <VirtualHardwareSection>
      <Info>Virtual hardware requirements</Info>
      <Item><rasd:AllocationUnits>hertz * 10^6</rasd:AllocationUnits><rasd:ElementName>4 virtual CPU(s)</rasd:ElementName><rasd:InstanceID>1</rasd:InstanceID><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>4</rasd:VirtualQuantity><vmw:CoresPerSocket ovf:required="false">2</vmw:CoresPerSocket></Item>
      <Item><rasd:AllocationUnits>byte * 2^20</rasd:AllocationUnits><rasd:ElementName>8192MB of memory</rasd:ElementName><rasd:InstanceID>2</rasd:InstanceID><rasd:ResourceType>4</rasd:ResourceType><rasd:VirtualQuantity>8192</rasd:VirtualQuantity></Item>
      <Item><rasd:ElementName>SCSI Controller 0</rasd:ElementName><rasd:InstanceID>3</rasd:InstanceID><rasd:ResourceSubType>VirtualSCSI</rasd:ResourceSubType><rasd:ResourceType>6</rasd:ResourceType></Item>
      <Item><rasd:AddressOnParent>0</rasd:AddressOnParent><rasd:ElementName>Hard Disk 1</rasd:ElementName><rasd:HostResource>ovf:/disk/vmdisk1</rasd:HostResource><rasd:InstanceID>4</rasd:InstanceID><rasd:Parent>3</rasd:Parent><rasd:ResourceType>17</rasd:ResourceType></Item>
      <Item><rasd:AddressOnParent>7</rasd:AddressOnParent><rasd:AutomaticAllocation>true</rasd:AutomaticAllocation><rasd:Address>00:50:56:aa:bb:cc</rasd:Address><rasd:Connection>VM Network</rasd:Connection><rasd:ElementName>Network adapter 1</rasd:ElementName><rasd:InstanceID>5</rasd:InstanceID><rasd:ResourceSubType>VmxNet3</rasd:ResourceSubType><rasd:ResourceType>10</rasd:ResourceType><vmw:Config ovf:required="false" vmw:key="wakeOnLanEnabled" vmw:value="true"/></Item>
      <vmw:Config ovf:required="false" vmw:key="firmware" vmw:value="efi"/>
      <vmw:Config ovf:required="false" vmw:key="bootOptions.efiSecureBootEnabled" vmw:value="true"/>
      <vmw:Config ovf:required="false" vmw:key="cpuHotAddEnabled" vmw:value="true"/>
      <vmw:ExtraConfig ovf:required="false" vmw:key="bootOptions.efiSecureBootEnabled" vmw:value="false"/>
    </VirtualHardwareSection>
  </VirtualSystem>
</Envelope>`;

// OVF 2.x: ovf2 namespace, StorageItem/EthernetPortItem, units as words, two systems.
const OVF2 = `<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/2" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/2" xmlns:sasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_StorageAllocationSettingData" xmlns:epasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_EthernetPortAllocationSettingData" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData">
  <References><File ovf:id="f1" ovf:href="a.vmdk"/><File ovf:id="f2" ovf:href="b.vmdk"/></References>
  <DiskSection><Disk ovf:diskId="d1" ovf:fileRef="f1" ovf:capacity="2" ovf:capacityAllocationUnits="GigaBytes"/><Disk ovf:diskId="d2" ovf:fileRef="f2" ovf:capacity="512" ovf:capacityAllocationUnits="MegaBytes"/></DiskSection>
  <NetworkSection><Network ovf:name="lan"/></NetworkSection>
  <VirtualSystemCollection ovf:id="pair">
    <VirtualSystem ovf:id="6f1d2c3b-0a4e-4b8f-9c7d-1e2f3a4b5c6d"><Name>first</Name>
      <VirtualHardwareSection>
        <Item><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>2</rasd:VirtualQuantity></Item>
        <Item><rasd:ResourceType>4</rasd:ResourceType><rasd:AllocationUnits>GigaBytes</rasd:AllocationUnits><rasd:VirtualQuantity>2</rasd:VirtualQuantity></Item>
        <StorageItem><sasd:ElementName>Disk 1</sasd:ElementName><sasd:HostResource>ovf:disk/d1</sasd:HostResource><sasd:ResourceType>17</sasd:ResourceType></StorageItem>
        <EthernetPortItem><epasd:Address>52:54:00:00:00:01</epasd:Address><epasd:Connection>lan</epasd:Connection><epasd:ElementName>eth0</epasd:ElementName><epasd:ResourceType>10</epasd:ResourceType></EthernetPortItem>
      </VirtualHardwareSection>
    </VirtualSystem>
    <VirtualSystem ovf:id="second"><Name>second</Name>
      <VirtualHardwareSection>
        <Item><rasd:ResourceType>4</rasd:ResourceType><rasd:AllocationUnits>byte * 2^30</rasd:AllocationUnits><rasd:VirtualQuantity>1</rasd:VirtualQuantity></Item>
        <StorageItem><sasd:HostResource>ovf:disk/d2</sasd:HostResource><sasd:ResourceType>17</sasd:ResourceType></StorageItem>
      </VirtualHardwareSection>
    </VirtualSystem>
  </VirtualSystemCollection>
</Envelope>`;

describe('parseOvf', () => {
  test('reads a VMware OVF 1.x export', () => {
    const { exportSource, virtualSystems } = parseOvf(VMWARE_OVF);
    assert.equal(exportSource, 'VMware');
    assert.equal(virtualSystems.length, 1);
    const vm = virtualSystems[0]!;
    assert.equal(vm.id, 'rhel9-web');
    assert.equal(vm.name, 'rhel9-web');
    assert.equal(vm.osType, 'rhel9_64Guest');
    assert.deepEqual([vm.cpuCount, vm.coresPerSocket, vm.cpuUnits], [4, 2, 'hertz * 10^6']);
    assert.deepEqual([vm.memoryMB, vm.memoryUnits], [8192, 'byte * 2^20']);
    assert.deepEqual(vm.nics, [
      {
        Name: 'Network adapter 1',
        MAC: '00:50:56:aa:bb:cc',
        Network: 'VM Network',
        Config: [{ Key: 'wakeOnLanEnabled', Value: 'true' }],
      },
    ]);
    assert.deepEqual(vm.devices, [{ Kind: 'SCSI Controller' }, { Kind: 'Hard Disk' }]);
    // Paired by fileRef although References lists the files in the other order.
    assert.deepEqual(
      vm.disks.map((disk) => [disk.DiskId, disk.Name, disk.Capacity, disk.PopulatedSize]),
      [
        ['vmdisk1', 'boot.vmdk', 16 * 2 ** 30, 2048],
        ['vmdisk2', 'data.vmdk', 1048576, 0],
      ],
    );
    assert.deepEqual(vm.networks, [{ Name: 'VM Network', Description: 'The VM Network network' }]);
    // ExtraConfig comes after Config and wins.
    assert.deepEqual(
      [
        vm.firmware,
        vm.secureBoot,
        vm.cpuHotAddEnabled,
        vm.cpuHotRemoveEnabled,
        vm.memoryHotAddEnabled,
      ],
      ['efi', false, true, false, false],
    );
  });

  test('reads an OVF 2.x envelope with a collection of two systems', () => {
    const { exportSource, virtualSystems } = parseOvf(OVF2);
    assert.equal(exportSource, 'Unknown');
    const [first, second] = virtualSystems;
    assert.equal(first!.id, '6f1d2c3b-0a4e-4b8f-9c7d-1e2f3a4b5c6d');
    assert.deepEqual([first!.cpuCount, first!.coresPerSocket, first!.memoryMB], [2, 0, 2048]);
    assert.deepEqual(
      first!.nics.map((nic) => [nic.Name, nic.MAC, nic.Network]),
      [['eth0', '52:54:00:00:00:01', 'lan']],
    );
    assert.deepEqual(
      first!.disks.map((disk) => [disk.Name, disk.Capacity]),
      [['a.vmdk', 2 * 2 ** 30]],
    );
    assert.deepEqual([second!.name, second!.memoryMB], ['second', 1024]);
    assert.deepEqual(
      second!.disks.map((disk) => [disk.Name, disk.Capacity]),
      [['b.vmdk', 512 * 2 ** 20]],
    );
    assert.deepEqual(second!.devices, [{ Kind: 'Unknown' }]);
  });

  test('converts allocation units', () => {
    assert.equal(bytesPerUnit('byte * 2^20'), 2 ** 20);
    assert.equal(bytesPerUnit('byte*2^30'), 2 ** 30);
    assert.equal(bytesPerUnit('MegaBytes'), 2 ** 20);
    assert.equal(bytesPerUnit('GigaBytes'), 2 ** 30);
    assert.equal(bytesPerUnit('byte * 1024'), 1024);
    assert.equal(bytesPerUnit('byte * 10^9'), 1e9);
    assert.equal(bytesPerUnit('byte'), 1);
    assert.throws(() => bytesPerUnit('hertz * 10^6'), /Unknown allocation units "hertz \* 10\^6"/);
  });

  test('refuses what is not an OVF', () => {
    assert.throws(
      () => parseOvf('<Envelope><References/></Envelope>'),
      /The OVF has no VirtualSystem/,
    );
    assert.throws(() => parseOvf('<Other/>'), /no Envelope element/);
    assert.throws(() => parseOvf('<Envelope><VirtualSystem>'), /The OVF is not valid XML/);
    assert.throws(
      () =>
        parseOvf(
          '<?xml version="1.0"?><!DOCTYPE Envelope [<!ENTITY x SYSTEM "file:///etc/passwd">]><Envelope>&x;</Envelope>',
        ),
      /not valid XML: XML: DOCTYPE and other declarations are not accepted/,
    );
    const badCapacity = VMWARE_OVF.replace('ovf:capacity="16"', 'ovf:capacity="${disk.size}"');
    assert.throws(
      () => parseOvf(badCapacity),
      /The capacity of disk "vmdisk1" is "\$\{disk.size\}", which is not a whole number/,
    );
    const badUnits = VMWARE_OVF.replace('byte * 2^30', 'furlongs');
    assert.throws(() => parseOvf(badUnits), /Unknown allocation units "furlongs"/);
  });
});
