package main

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
	"github.com/vmware/govmomi/vmdk"
)

// Bytes at each end of a disk that carry the VM's own content: the boot sector plus what follows
// it, and the disk's last sectors, so a copy cut short or shifted does not compare equal. Kept
// small: the benchmarks create thousands of VMs.
const vmContentBytes = 4096

// The memory a VM whose disk is a real guest (-disk-image) gets at least.
const realGuestMemoryMB = 1024

// giveDisksImages replaces the simulator's empty disks (a descriptor over a 0-byte extent) with
// real monolithic-flat images of diskBytes each, so that reading a VM's disk through /folder or
// virt-v2v yields bytes that can be compared with a migrated copy. Each disk's content differs:
// its first sector boots and prints "vcsim disk <n> of <VM name>" on the first serial port, then
// halts; sectors after it and the last ones are derived from the VM's UUID. The rest is a hole.
// A VM named in rawImages gets that raw disk image (a real guest) as its first disk instead.
func giveDisksImages(model *simulator.Model, diskBytes int64, rawImages map[string]string) error {
	registry := model.Map()
	for _, entity := range registry.All("VirtualMachine") {
		vm := entity.(*simulator.VirtualMachine)
		diskIndex := 0
		for _, device := range vm.Config.Hardware.Device {
			disk, ok := device.(*types.VirtualDisk)
			if !ok {
				continue
			}
			backing, ok := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo)
			if !ok || backing.Datastore == nil {
				continue
			}
			datastore, ok := registry.Get(*backing.Datastore).(*simulator.Datastore)
			if !ok {
				return fmt.Errorf("%s: datastore %s not found", vm.Name, backing.Datastore.Value)
			}
			var location object.DatastorePath
			if !location.FromString(backing.FileName) {
				return fmt.Errorf("%s: disk file %q is not a datastore path", vm.Name, backing.FileName)
			}
			diskIndex++
			descriptor := filepath.Join(datastore.Summary.Url, filepath.FromSlash(location.Path))
			size := diskBytes
			if image, ok := rawImages[vm.Name]; ok && diskIndex == 1 {
				placed, err := placeRawImage(descriptor, image)
				if err != nil {
					return fmt.Errorf("%s: %w", vm.Name, err)
				}
				size = placed
				// vcsim's VMs have 32 MB; a real guest migrated from here must boot.
				if vm.Config.Hardware.MemoryMB < realGuestMemoryMB {
					vm.Config.Hardware.MemoryMB = realGuestMemoryMB
					vm.Summary.Config.MemorySizeMB = realGuestMemoryMB
				}
			} else {
				label := fmt.Sprintf("vcsim disk %d of %s", diskIndex, vm.Name)
				if err := writeFlatImage(descriptor, diskBytes, label, vm.Config.Uuid); err != nil {
					return fmt.Errorf("%s: %w", vm.Name, err)
				}
			}
			// What the inventory reports must be what the descriptor says: both from one size.
			disk.CapacityInBytes = size
			disk.CapacityInKB = size / 1024
		}
	}
	return nil
}

// placeRawImage makes the raw disk image at imagePath the flat extent of descriptorPath: a hard
// link when both are on one file system (the image is large and is only read through /folder),
// else a copy. It returns the disk's size, a whole number of sectors.
func placeRawImage(descriptorPath, imagePath string) (int64, error) {
	info, err := os.Stat(imagePath)
	if err != nil {
		return 0, err
	}
	if info.Size() == 0 || info.Size()%vmdk.SectorSize != 0 {
		return 0, fmt.Errorf("%s: a raw disk image is a whole number of %d-byte sectors", imagePath, vmdk.SectorSize)
	}
	extentPath := descriptorPath[:len(descriptorPath)-len(".vmdk")] + "-flat.vmdk"
	if err := writeDescriptor(descriptorPath, extentPath, info.Size()); err != nil {
		return 0, err
	}
	if err := os.Remove(extentPath); err != nil && !os.IsNotExist(err) {
		return 0, err
	}
	if os.Link(imagePath, extentPath) == nil {
		return info.Size(), nil
	}
	return info.Size(), copyFile(imagePath, extentPath)
}

func copyFile(from, to string) error {
	source, err := os.Open(from)
	if err != nil {
		return err
	}
	defer source.Close()
	target, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(target, source); err != nil {
		target.Close()
		return err
	}
	return target.Close()
}

// writeDescriptor writes descriptorPath as VMware writes a monolithic flat disk on VMFS (createType
// "vmfs", one VMFS extent named <disk>-flat.vmdk).
func writeDescriptor(descriptorPath, extentPath string, size int64) error {
	descriptor := vmdk.NewDescriptor(vmdk.Extent{
		Size: size / vmdk.SectorSize,
		Info: filepath.Base(extentPath),
	})
	descriptor.DDB["adapterType"] = "lsilogic"
	descriptor.DDB["virtualHWVersion"] = "13"
	descriptorFile, err := os.Create(descriptorPath)
	if err != nil {
		return err
	}
	if err := descriptor.Write(descriptorFile); err != nil {
		descriptorFile.Close()
		return err
	}
	return descriptorFile.Close()
}

// writeFlatImage writes descriptorPath as VMware writes a monolithic flat disk on VMFS (createType
// "vmfs", one VMFS extent named <disk>-flat.vmdk) and the extent beside it.
func writeFlatImage(descriptorPath string, size int64, label, uuid string) error {
	extentPath := descriptorPath[:len(descriptorPath)-len(".vmdk")] + "-flat.vmdk"
	if err := writeDescriptor(descriptorPath, extentPath, size); err != nil {
		return err
	}
	extent, err := os.Create(extentPath)
	if err != nil {
		return err
	}
	head := make([]byte, vmContentBytes)
	copy(head, bootSector(label))
	fillFrom(head[512:], uuid, "head")
	tail := make([]byte, vmContentBytes)
	fillFrom(tail, uuid, "tail")
	if _, err := extent.WriteAt(head, 0); err != nil {
		extent.Close()
		return err
	}
	if _, err := extent.WriteAt(tail, size-vmContentBytes); err != nil {
		extent.Close()
		return err
	}
	return extent.Close()
}

// fillFrom fills buffer with SHA-256 blocks of (seed, part, counter): bytes that differ per VM
// and that anyone holding the VM's UUID can regenerate.
func fillFrom(buffer []byte, seed, part string) {
	var counter [8]byte
	for offset, block := 0, uint64(0); offset < len(buffer); block++ {
		binary.BigEndian.PutUint64(counter[:], block)
		sum := sha256.Sum256(append([]byte(seed+"/"+part+"/"), counter[:]...))
		offset += copy(buffer[offset:], sum[:])
	}
}

// bootSector is a 512-byte MBR boot sector for a PC BIOS: it writes message and CR LF to COM1
// (I/O port 0x3f8, which needs no setup in a virtual UART) and halts.
func bootSector(message string) []byte {
	code := []byte{
		0xfa,       // cli
		0xfc,       // cld
		0x31, 0xc0, // xor ax, ax
		0x8e, 0xd8, // mov ds, ax
		0xbe, 0x17, 0x7c, // mov si, 0x7c17 (the message, right after this code)
		0xba, 0xf8, 0x03, // mov dx, 0x3f8
		0xac,       // print: lodsb
		0x84, 0xc0, // test al, al
		0x74, 0x03, // jz halt
		0xee,       // out dx, al
		0xeb, 0xf8, // jmp print
		0xf4,       // halt: hlt
		0xeb, 0xfd, // jmp halt
	}
	sector := make([]byte, 512)
	copy(sector, code)
	text := []byte(message)
	// Room up to the partition table (offset 446), with CR LF and the terminating zero.
	if room := 446 - len(code) - 3; len(text) > room {
		text = text[:room]
	}
	copy(sector[len(code):], append(text, '\r', '\n', 0))
	sector[510], sector[511] = 0x55, 0xaa
	return sector
}
