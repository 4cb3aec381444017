package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// What libvirt's ESX driver (virt-v2v's `-i libvirt -ic vpx://…`, Forklift's default vSphere path)
// needs from vCenter and the simulator does not give: every item of an array property typed
// (vCenter writes xsi:type on each, the simulator only on the array), and each VM's .vmx file,
// which libvirt reads through /folder to describe the VM (the simulator leaves it empty).

var (
	arrayType = regexp.MustCompile(`:type="ArrayOf([A-Z]\w*)"`)
	// Array item types that are XML Schema's own (ArrayOfString holds <string>, already typed).
	schemaItem = regexp.MustCompile(`^(String|Int|Long|Short|Byte|Boolean|Float|Double|DateTime|AnyType|AnyURI)$`)
)

// typeArrayItems adds xsi:type to the items of the SOAP answers libvirt asks for. Only for
// libvirt's requests (its User-Agent): the rewrite reads whole answers, which the inventory
// benchmarks' thousands of VMs should not pay for.
func typeArrayItems(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/sdk" || !strings.HasPrefix(r.UserAgent(), "libvirt") {
			next.ServeHTTP(w, r)
			return
		}
		answer := httptest.NewRecorder()
		next.ServeHTTP(answer, r)
		body := withTypedArrayItems(answer.Body.Bytes())
		for key, values := range answer.Header() {
			w.Header()[key] = values
		}
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.WriteHeader(answer.Code)
		w.Write(body)
	})
}

func withTypedArrayItems(body []byte) []byte {
	seen := map[string]bool{}
	for _, match := range arrayType.FindAllSubmatch(body, -1) {
		item := string(match[1])
		if seen[item] || schemaItem.MatchString(item) {
			continue
		}
		seen[item] = true
		element := regexp.MustCompile(`<` + item + `((?: [^>]*)?)>`)
		body = element.ReplaceAllFunc(body, func(tag []byte) []byte {
			if bytes.Contains(tag, []byte(":type=")) {
				return tag
			}
			typed := fmt.Sprintf(` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="%s">`, item)
			return append(append([]byte{}, tag[:len(tag)-1]...), typed...)
		})
	}
	return body
}

// writeVmxFiles writes each VM's .vmx as ESXi keeps it, from the VM's configuration: what libvirt's
// VMX parser reads (name, memory, CPUs, firmware, SCSI/SATA/IDE disks, NICs with their MACs).
func writeVmxFiles(model *simulator.Model) error {
	registry := model.Map()
	for _, entity := range registry.All("VirtualMachine") {
		vm := entity.(*simulator.VirtualMachine)
		var vmxPath object.DatastorePath
		if !vmxPath.FromString(vm.Config.Files.VmPathName) {
			return fmt.Errorf("%s: .vmx %q is not a datastore path", vm.Name, vm.Config.Files.VmPathName)
		}
		datastore := datastoreNamed(registry, vm, vmxPath.Datastore)
		if datastore == nil {
			return fmt.Errorf("%s: datastore %s not found", vm.Name, vmxPath.Datastore)
		}
		file := filepath.Join(datastore.Summary.Url, filepath.FromSlash(vmxPath.Path))
		if err := os.WriteFile(file, []byte(vmxText(registry, vm, path.Dir(vmxPath.Path))), 0o644); err != nil {
			return fmt.Errorf("%s: %w", vm.Name, err)
		}
	}
	return nil
}

func datastoreNamed(registry *simulator.Registry, vm *simulator.VirtualMachine, name string) *simulator.Datastore {
	for _, reference := range vm.Datastore {
		if datastore, ok := registry.Get(reference).(*simulator.Datastore); ok && datastore.Name == name {
			return datastore
		}
	}
	return nil
}

func vmxText(registry *simulator.Registry, vm *simulator.VirtualMachine, folder string) string {
	lines := []string{
		`.encoding = "UTF-8"`,
		`config.version = "8"`,
		fmt.Sprintf(`virtualHW.version = "%s"`, strings.TrimPrefix(vm.Config.Version, "vmx-")),
		fmt.Sprintf(`displayName = %q`, vm.Name),
		fmt.Sprintf(`guestOS = %q`, strings.TrimSuffix(vm.Config.GuestId, "Guest")),
		fmt.Sprintf(`uuid.bios = %q`, vm.Config.Uuid),
		fmt.Sprintf(`memsize = "%d"`, vm.Config.Hardware.MemoryMB),
		fmt.Sprintf(`numvcpus = "%d"`, vm.Config.Hardware.NumCPU),
	}
	// libvirt knows "efi" and refuses "bios", which is the default when the key is absent.
	if vm.Config.Firmware == string(types.GuestOsDescriptorFirmwareTypeEfi) {
		lines = append(lines, `firmware = "efi"`)
	}
	controllers := map[int32]string{}
	devices := vm.Config.Hardware.Device
	for _, device := range devices {
		if prefix := controllerPrefix(device); prefix != "" {
			controllers[device.GetVirtualDevice().Key] = prefix
			lines = append(lines, fmt.Sprintf(`%s.present = "TRUE"`, prefix))
			if model := scsiModel(device); model != "" {
				lines = append(lines, fmt.Sprintf(`%s.virtualDev = %q`, prefix, model))
			}
		}
	}
	nic := 0
	for _, device := range devices {
		switch device := device.(type) {
		case *types.VirtualDisk:
			lines = append(lines, diskLines(device, controllers, folder)...)
		case types.BaseVirtualEthernetCard:
			lines = append(lines, nicLines(registry, device, nic)...)
			nic++
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

func controllerPrefix(device types.BaseVirtualDevice) string {
	switch controller := device.(type) {
	case types.BaseVirtualSCSIController:
		return fmt.Sprintf("scsi%d", controller.GetVirtualSCSIController().BusNumber)
	case types.BaseVirtualSATAController:
		return fmt.Sprintf("sata%d", controller.GetVirtualSATAController().BusNumber)
	case *types.VirtualIDEController:
		return fmt.Sprintf("ide%d", controller.BusNumber)
	}
	return ""
}

func scsiModel(device types.BaseVirtualDevice) string {
	switch device.(type) {
	case *types.VirtualLsiLogicController:
		return "lsilogic"
	case *types.VirtualLsiLogicSASController:
		return "lsisas1068"
	case *types.ParaVirtualSCSIController:
		return "pvscsi"
	case *types.VirtualBusLogicController:
		return "buslogic"
	}
	return ""
}

func diskLines(disk *types.VirtualDisk, controllers map[int32]string, folder string) []string {
	backing, ok := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo)
	prefix, known := controllers[disk.ControllerKey]
	if !ok || !known || disk.UnitNumber == nil {
		return nil
	}
	var location object.DatastorePath
	if !location.FromString(backing.FileName) {
		return nil
	}
	// A disk beside the .vmx is named relative to it, as ESXi writes it; others by their VMFS path.
	fileName := "/vmfs/volumes/" + location.Datastore + "/" + location.Path
	if path.Dir(location.Path) == folder {
		fileName = path.Base(location.Path)
	}
	device := fmt.Sprintf("%s:%d", prefix, *disk.UnitNumber)
	lines := []string{fmt.Sprintf(`%s.present = "TRUE"`, device)}
	// SATA disks go without: a .vmdk file name is a disk to libvirt.
	if deviceType := map[string]string{"scsi": "scsi-hardDisk", "ide": "ata-hardDisk"}[strings.TrimRight(prefix, "0123456789")]; deviceType != "" {
		lines = append(lines, fmt.Sprintf(`%s.deviceType = %q`, device, deviceType))
	}
	return append(lines, fmt.Sprintf(`%s.fileName = %q`, device, fileName))
}

// networkName is the NIC's network: a standard network by name, a distributed portgroup by the
// name of the portgroup its port is on.
func networkName(registry *simulator.Registry, card *types.VirtualEthernetCard) string {
	switch backing := card.Backing.(type) {
	case *types.VirtualEthernetCardNetworkBackingInfo:
		return backing.DeviceName
	case *types.VirtualEthernetCardDistributedVirtualPortBackingInfo:
		for _, entity := range registry.All("DistributedVirtualPortgroup") {
			if portgroup := entity.(*simulator.DistributedVirtualPortgroup); portgroup.Key == backing.Port.PortgroupKey {
				return portgroup.Name
			}
		}
	}
	return ""
}

func nicModel(device types.BaseVirtualEthernetCard) string {
	switch device.(type) {
	case *types.VirtualE1000:
		return "e1000"
	case *types.VirtualE1000e:
		return "e1000e"
	case *types.VirtualVmxnet3:
		return "vmxnet3"
	}
	return ""
}

func nicLines(registry *simulator.Registry, device types.BaseVirtualEthernetCard, index int) []string {
	card := device.GetVirtualEthernetCard()
	prefix := fmt.Sprintf("ethernet%d", index)
	lines := []string{
		fmt.Sprintf(`%s.present = "TRUE"`, prefix),
		fmt.Sprintf(`%s.networkName = %q`, prefix, networkName(registry, card)),
	}
	if model := nicModel(device); model != "" {
		lines = append(lines, fmt.Sprintf(`%s.virtualDev = %q`, prefix, model))
	}
	if card.MacAddress != "" {
		lines = append(lines,
			fmt.Sprintf(`%s.addressType = "generated"`, prefix),
			fmt.Sprintf(`%s.generatedAddress = %q`, prefix, card.MacAddress))
	}
	return lines
}
