// What the migration engine asks of a source provider: the VM as the inventory knows it, and its
// power, asked of and driven on the source itself. One adapter per provider and use; `close`
// releases what it opened (a vCenter session).
import type { KubernetesObject } from '@kubernetes/client-node';
import type { ConfigReference } from '../targets/config-copies.ts';
import type { PowerState, SourceVm } from '../source-vm.ts';

/** How a plan names a VM: by inventory id, else by name (vSphere path or name, OpenShift ns/name). */
export type SourceVmRef = { id?: string; name?: string; namespace?: string };

export type SourceAdapter = {
  /** The VM from the provider's inventory; undefined while the inventory does not have it. */
  readVm(ref: SourceVmRef): SourceVm | undefined;
  /** The live power state, asked of the source itself (not the inventory cache). */
  powerState(vm: SourceVm): Promise<PowerState>;
  /**
   * Graceful shutdown (vSphere ShutdownGuest, PowerOffVM_Task when tools are not running;
   * OpenShift runStrategy Halted); resolves once asked; no-op when already off.
   */
  powerOff(vm: SourceVm): Promise<void>;
  powerOn(vm: SourceVm): Promise<void>;
  /**
   * A ConfigMap or Secret in the VM's namespace on its own cluster, undefined when it has none;
   * only sources whose VMs name such objects (OpenShift) have it.
   */
  readConfig?(vm: SourceVm, reference: ConfigReference): Promise<KubernetesObject | undefined>;
  /** Releases sessions. */
  close(): Promise<void>;
};

/** The power half of an adapter, which each provider type implements. */
export type SourcePower = Omit<SourceAdapter, 'readVm'>;
