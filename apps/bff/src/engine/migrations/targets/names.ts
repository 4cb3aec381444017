// The names Forklift's templates give target objects (reference engine.md §8.1, §8.3): the PVC
// (and so DataVolume) of each disk, the VM's volumes and its networks. A template that fails or
// yields no DNS-1123 label falls back as Forklift falls back: the PVC to `<plan>-<vmId>-`, volumes
// and networks to `vol-<i>` and `net-<k>`.
import {
  adjustVmName,
  DNS1123_LABEL_MAX_LENGTH,
  isDns1123Label,
  renderNameTemplate,
  type TemplateData,
} from '@forklift-console/api';
import type { SourceDisk } from '../source-vm.ts';
import { vmGenerateName, type TargetContext } from './context.ts';

export type ObjectName =
  { name: string; generateName?: undefined } | { name?: undefined; generateName: string };

const DEFAULT_PVC_TEMPLATE =
  '{{trunc 15 .PlanName}}-{{trunc 15 .TargetVmName}}-disk-{{.DiskIndex}}';
const DEFAULT_OCP_PVC_TEMPLATE = '{{.SourcePVCName}}';

/** The ForkliftController's templates are stored with escaped braces (`\{\{`), as the operator renders them. */
const unescapeBraces = (template: string) =>
  template.replace(/\\\{\\\{/g, '{{').replace(/\\\}\\\}/g, '}}');

const pvcTemplate = (ctx: TargetContext): string => {
  const openshift = ctx.vm.providerType === 'openshift';
  const global = openshift
    ? ctx.settings?.controller_ocp_pvc_name_template
    : ctx.settings?.controller_pvc_name_template;
  return (
    ctx.planVm.pvcNameTemplate ||
    ctx.plan.spec?.pvcNameTemplate ||
    (global ? unescapeBraces(global) : '') ||
    (openshift ? DEFAULT_OCP_PVC_TEMPLATE : DEFAULT_PVC_TEMPLATE)
  );
};

/**
 * `.TargetVmName` (§7.6): the target name when it is a DNS-1123 label; else the name adjusted with
 * its dots made dashes, else the VM id so adjusted, else `vm-0000`.
 */
const templateVmName = (ctx: TargetContext): string => {
  if (isDns1123Label(ctx.targetName)) return ctx.targetName;
  const asLabel = (name: string) =>
    adjustVmName(name, () => 0)
      .replace(/\./g, '-')
      .slice(0, DNS1123_LABEL_MAX_LENGTH)
      .replace(/-+$/, '');
  // Only [a-z0-9] survive the adjustment: a name without any has nothing to keep.
  const usable = [ctx.targetName, ctx.vm.id].find((name) => /[a-z0-9]/.test(name.toLowerCase()));
  const label = usable === undefined ? '' : asLabel(usable);
  return isDns1123Label(label) ? label : 'vm-0000';
};

/** `[ds] folder/vm_1.vmdk` → `vm_1.vmdk`. */
const vmdkFileName = (backingFile: string) => {
  const path = backingFile.replace(/^\[[^\]]*\]\s*/, '');
  return path.slice(path.lastIndexOf('/') + 1);
};

const pvcTemplateData = (ctx: TargetContext, disk: SourceDisk, diskIndex: number): TemplateData => {
  const [sourceNamespace = '', sourceName = ''] =
    ctx.vm.providerType === 'openshift' ? disk.source.split('/') : [];
  return {
    VmName: ctx.vm.name,
    TargetVmName: templateVmName(ctx),
    PlanName: ctx.plan.metadata?.name ?? '',
    DiskIndex: diskIndex,
    VmId: ctx.vm.id,
    RootDiskIndex: ctx.vm.providerType === 'vsphere' ? bootDiskIndex(ctx, undefined) : 0,
    Shared: disk.shared === true,
    FileName: ctx.vm.providerType === 'vsphere' ? vmdkFileName(disk.source) : '',
    WinDriveLetter: '',
    SourcePVCName: sourceName,
    SourcePVCNamespace: sourceNamespace,
    VolumeID: '',
    SnapshotID: '',
    DiskId: '',
  };
};

/** The PVC's (and its DataVolume's) name or generateName for the disk at `diskIndex` of the VM. */
export const pvcName = (ctx: TargetContext, disk: SourceDisk, diskIndex: number): ObjectName => {
  const useGenerateName =
    ctx.plan.spec?.pvcNameTemplateUseGenerateName ?? ctx.vm.providerType !== 'openshift';
  const rendered = renderNameTemplate(pvcTemplate(ctx), pvcTemplateData(ctx, disk, diskIndex));
  const name = rendered.value?.replace(/-+$/, '');
  if (name === undefined || !isDns1123Label(name)) return { generateName: vmGenerateName(ctx) };
  return useGenerateName ? { generateName: `${name}-` } : { name };
};

/** A template's output when it is a DNS-1123 label (truncated to 63), else the default. */
const templatedName = (
  template: string | undefined,
  data: TemplateData,
  fallback: string,
): string => {
  if (!template) return fallback;
  const value = renderNameTemplate(template, data)
    .value?.slice(0, DNS1123_LABEL_MAX_LENGTH)
    .replace(/-+$/, '');
  return value && isDns1123Label(value) ? value : fallback;
};

/** The VM's volume name for the claim at `index` (vSphere: volumeNameTemplate). */
export const volumeName = (ctx: TargetContext, claimName: string, index: number): string =>
  templatedName(
    ctx.planVm.volumeNameTemplate || ctx.plan.spec?.volumeNameTemplate,
    { PVCName: claimName, VolumeIndex: index },
    `vol-${index}`,
  );

/** The VM's network (and interface) name for the `index`th mapped NIC (vSphere: networkNameTemplate). */
export const networkName = (
  ctx: TargetContext,
  destination: { type: string; name?: string; namespace?: string },
  index: number,
): string =>
  templatedName(
    ctx.planVm.networkNameTemplate || ctx.plan.spec?.networkNameTemplate,
    {
      NetworkName: destination.type === 'multus' ? (destination.name ?? '') : '',
      NetworkNamespace: destination.type === 'multus' ? (destination.namespace ?? '') : '',
      NetworkType: destination.type === 'multus' ? 'Multus' : 'Pod',
      NetworkIndex: index,
    },
    `net-${index}`,
  );

/** `/dev/sda` → 0, `/dev/vdb` → 1, `2` → 2; undefined when it names no disk. */
const rootDiskIndex = (rootDisk: string | undefined): number | undefined => {
  if (!rootDisk) return undefined;
  if (/^\d+$/.test(rootDisk)) return Number(rootDisk);
  const letters = /^(?:\/dev\/)?(?:[shv]d|xvd)([a-z]+)$/.exec(rootDisk)?.[1];
  if (!letters) return undefined;
  return [...letters].reduce((index, letter) => (index + 1) * 26 + letter.charCodeAt(0) - 97, -1);
};

/** The boot disk's index among the VM's disks: the plan's rootDisk, else virt-v2v's finding, else 0. */
export const bootDiskIndex = (ctx: TargetContext, detectedBootDisk: number | undefined): number =>
  rootDiskIndex(ctx.planVm.rootDisk) ?? detectedBootDisk ?? 0;
