// The target objects of a migration, exactly as Forklift makes them (reference engine.md §8):
// pure builders; the engine creates what they return.
export { vmLabels, type PlanVm, type TargetContext } from './context.ts';
export { dataVolumeSecret } from './secrets.ts';
export {
  dataVolumes,
  DISK_INDEX_ANNOTATION,
  DISK_SOURCE_ANNOTATION,
  type DataVolume,
} from './data-volumes.ts';
export {
  CONVERSION_CONTAINER,
  conversionPod,
  conversionSecret,
  convertsInPlace,
  virtV2vImage,
  vpxInventoryPath,
  type ConversionClaim,
  type InventoryObject,
} from './conversion.ts';
export { ovaShareVolume, OvaShareError } from './ova-share.ts';
export { virtualMachine } from './virtual-machine.ts';
export {
  claimOwnerReference,
  type VirtualMachine,
  type VirtualMachineInput,
  type VmClaim,
} from './vm-common.ts';
export { pvcName, volumeName, networkName, type ObjectName } from './names.ts';
