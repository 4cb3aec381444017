// What the wizard sends to the create-plan route: the Plan as the form shaped it, the map choices,
// the hooks and the disk decryption (reference ui.md §2.6, submit sequence).
import type {
  CreatePlanRequest,
  HookSpec,
  NetworkMapSpec,
  Plan,
  PlanSpec,
  Provider,
  StorageMapSpec,
} from '@forklift-console/api';
import { providerReference } from '../../../utils/map-form.ts';
import type { HookForm, MapChoiceForm, PlanForm } from './plan-form.ts';

// btoa takes Latin-1 only; a playbook may hold any Unicode.
const base64 = (text: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)));

const hookSpec = (hook: HookForm): HookSpec | undefined =>
  hook.enabled
    ? {
        image: hook.image.trim(),
        ...(hook.serviceAccount ? { serviceAccount: hook.serviceAccount } : {}),
        ...(hook.playbook.trim() ? { playbook: base64(hook.playbook) } : {}),
      }
    : undefined;

const mapChoice = <Entries>(choice: MapChoiceForm, entries: Entries) =>
  choice.mode === 'existing'
    ? { name: choice.existing }
    : { map: entries, ...(choice.newName ? { name: choice.newName } : {}) };

const namespaced = (key: string) => {
  const [namespace = '', name = ''] = key.split('/');
  return { namespace, name };
};

type Context = {
  source: Provider;
  target: Provider;
  networkEntries: NetworkMapSpec['map'];
  storageEntries: StorageMapSpec['map'];
  /** Settings only vSphere has (static IPs, root device, shared disks, disk decryption). */
  isVsphere: boolean;
};

const vmEntries = (form: PlanForm, isVsphere: boolean): PlanSpec['vms'] =>
  [...form.vms.values()].map((vm) => {
    const targetName = form.targetNames[vm.id];
    const instanceType = form.instanceTypes[vm.id];
    return {
      id: vm.id,
      name: vm.name,
      ...(targetName ? { targetName } : {}),
      ...(instanceType ? { instanceType } : {}),
      ...(isVsphere && form.rootDevice.trim() ? { rootDisk: form.rootDevice.trim() } : {}),
      ...(isVsphere && form.nbde ? { nbdeClevis: true } : {}),
    };
  });

const diskDecryption = (form: PlanForm, isVsphere: boolean) => {
  if (!isVsphere || form.nbde) return undefined;
  if (form.diskDecryption === 'secret') return { secretName: form.decryptionSecret };
  const passphrases = form.passphrases.filter((passphrase) => passphrase.length > 0);
  return passphrases.length > 0 ? { passphrases } : undefined;
};

export const createPlanRequest = (form: PlanForm, context: Context): CreatePlanRequest => {
  const { source, target, isVsphere } = context;
  const pre = hookSpec(form.preHook);
  const post = hookSpec(form.postHook);
  const decryption = diskDecryption(form, isVsphere);
  const spec: PlanSpec = {
    provider: { source: providerReference(source), destination: providerReference(target) },
    targetNamespace: form.targetNamespace,
    ...(form.description ? { description: form.description } : {}),
    ...(form.migrationType === 'cold' ? {} : { type: form.migrationType }),
    ...(form.migrationType === 'warm' ? { warm: true } : {}),
    ...(form.transferNetwork ? { transferNetwork: namespaced(form.transferNetwork) } : {}),
    ...(isVsphere
      ? { preserveStaticIPs: form.preserveStaticIPs, migrateSharedDisks: form.migrateSharedDisks }
      : {}),
    ...(form.targetPowerState === 'auto' ? {} : { targetPowerState: form.targetPowerState }),
    vms: vmEntries(form, isVsphere),
  } as PlanSpec;
  const plan: Plan = { metadata: { name: form.name }, spec };
  return {
    plan,
    networkMap: mapChoice(form.networkMap, context.networkEntries),
    storageMap: mapChoice(form.storageMap, context.storageEntries),
    ...(pre || post ? { hooks: { ...(pre ? { pre } : {}), ...(post ? { post } : {}) } } : {}),
    ...(decryption ? { diskDecryption: decryption } : {}),
  };
};
