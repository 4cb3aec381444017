// The target `kubevirt.io/v1` VirtualMachine (reference engine.md §8.3): for vSphere and OVA built
// from the source's facts (firmware, CPU, memory, disks on the migrated claims, NICs from the
// network map with their MACs); for OpenShift a copy of the source VM (openshift-vm.ts). The VM
// is not owned by the Plan: it outlives it.
import { createHash } from 'node:crypto';
import type { SourceDisk } from '../source-vm.ts';
import { runStrategyFor, type TargetContext } from './context.ts';
import { destinationsFor, multusNetworkName } from './maps.ts';
import { bootDiskIndex, networkName, volumeName } from './names.ts';
import { openshiftVirtualMachine } from './openshift-vm.ts';
import {
  claimsInDiskOrder,
  placement,
  renameAnnotations,
  targetVmLabels,
  templateMetadata,
  type Json,
  type VirtualMachine,
  type VirtualMachineInput,
} from './vm-common.ts';

/** Raw copy in compatibility mode: devices every guest has drivers for (SATA, e1000e, USB tablet). */
const compatibilityMode = (ctx: TargetContext): boolean =>
  ctx.vm.providerType === 'vsphere' &&
  ctx.plan.spec?.skipGuestConversion === true &&
  ctx.plan.spec.useCompatibilityMode !== false;

/** The source's serial in KubeVirt's alphabet; without one, a stable hash of VM and disk. */
const diskSerial = (ctx: TargetContext, disk: SourceDisk, index: number): string => {
  const sanitized = (disk.serial ?? '').replace(/[^A-Za-z0-9_.+-]/g, '');
  if (sanitized) return sanitized;
  return createHash('sha256')
    .update(`${ctx.vm.id}:${disk.key ?? index}`)
    .digest('hex')
    .slice(0, 20);
};

const storage = (ctx: TargetContext, input: VirtualMachineInput) => {
  const boot = bootDiskIndex(ctx, input.conversion?.detectedBootDisk);
  const bus = compatibilityMode(ctx) ? 'sata' : 'virtio';
  const named = claimsInDiskOrder(ctx, input.claims).map((claim, index) => ({
    ...claim,
    name: volumeName(ctx, claim.claimName, index),
  }));
  return {
    disks: named.map(({ disk, name }) => {
      const diskIndex = ctx.vm.disks.indexOf(disk);
      return {
        name,
        disk: { bus },
        serial: diskSerial(ctx, disk, diskIndex),
        ...(diskIndex === boot ? { bootOrder: 1 } : {}),
        ...(disk.shared ? { shareable: true, cache: 'none' } : {}),
      };
    }),
    volumes: named.map(({ claimName, name }) => ({ name, persistentVolumeClaim: { claimName } })),
  };
};

const networking = (ctx: TargetContext) => {
  const model = compatibilityMode(ctx) ? 'e1000e' : 'virtio';
  const destinations = destinationsFor(
    ctx.networkMap,
    ctx.vm.nics.map((nic) => nic.network),
    ctx.vm.providerType,
  );
  const named = ctx.vm.nics
    .flatMap((nic, position) => {
      const destination = destinations[position];
      return destination ? [{ nic, destination }] : [];
    })
    .map((item, index) => ({ ...item, name: networkName(ctx, item.destination, index) }));
  return {
    interfaces: named.map(({ nic, destination, name }) => ({
      name,
      model,
      ...(destination.type === 'multus' ? { bridge: {} } : { masquerade: {} }),
      ...(nic.mac ? { macAddress: nic.mac } : {}),
      ...(nic.pciAddress ? { pciAddress: nic.pciAddress } : {}),
      ...(nic.startConnected === false ? { state: 'down' } : {}),
    })),
    networks: named.map(({ destination, name }) =>
      destination.type === 'multus'
        ? { name, multus: { networkName: multusNetworkName(destination) } }
        : { name, pod: {} },
    ),
  };
};

const firmware = (ctx: TargetContext, input: VirtualMachineInput): Json => {
  // virt-v2v's finding wins for OVA, whose OVF may not say.
  const kind = (ctx.vm.providerType === 'ova' && input.conversion?.firmware) || ctx.vm.firmware;
  const secureBoot = kind === 'efi' && ctx.vm.secureBoot === true;
  return {
    firmware: {
      ...(ctx.vm.uuid ? { serial: ctx.vm.uuid } : {}),
      bootloader: kind === 'efi' ? { efi: { secureBoot } } : { bios: {} },
    },
    ...(secureBoot ? { features: { smm: { enabled: true } } } : {}),
  };
};

const cpu = (ctx: TargetContext): Json => {
  const nested = ctx.planVm.enableNestedVirtualization ?? ctx.plan.spec?.enableNestedVirtualization;
  const policy = nested === undefined ? undefined : nested ? 'optional' : 'disable';
  return {
    sockets: ctx.vm.cpu.sockets,
    cores: ctx.vm.cpu.cores,
    ...(policy
      ? {
          features: [
            { name: 'vmx', policy },
            { name: 'svm', policy },
          ],
        }
      : {}),
  };
};

const builtVirtualMachine = (ctx: TargetContext, input: VirtualMachineInput): VirtualMachine => {
  const { disks, volumes } = storage(ctx, input);
  const { interfaces, networks } = networking(ctx);
  const annotations = renameAnnotations(ctx);
  const instanceType = ctx.planVm.instanceType;
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name: ctx.targetName,
      namespace: ctx.targetNamespace,
      labels: targetVmLabels(ctx),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      runStrategy: runStrategyFor(ctx, input.restorePowerState),
      // An instance type sizes the VM: CPU and memory are then not mapped (§8.3).
      ...(instanceType
        ? {
            instancetype: {
              name: instanceType,
              kind: input.instanceTypeKind ?? 'VirtualMachineInstancetype',
            },
          }
        : {}),
      template: {
        metadata: templateMetadata(ctx),
        spec: {
          ...placement(ctx),
          domain: {
            ...firmware(ctx, input),
            ...(instanceType ? {} : { cpu: cpu(ctx), memory: { guest: `${ctx.vm.memoryMiB}Mi` } }),
            devices: {
              disks,
              interfaces,
              inputs: [
                { name: 'tablet', type: 'tablet', bus: compatibilityMode(ctx) ? 'usb' : 'virtio' },
              ],
              tpm: { enabled: false },
            },
          },
          networks,
          volumes,
        },
      },
    },
  };
};

export const virtualMachine = (ctx: TargetContext, input: VirtualMachineInput): VirtualMachine =>
  ctx.vm.providerType === 'openshift'
    ? openshiftVirtualMachine(ctx, input)
    : builtVirtualMachine(ctx, input);
