// The guest conversion (reference engine.md §8.5): the per-VM Secret of `V2V_*` variables and the
// virt-v2v Pod that reads it. With a separate copy (vSphere through CDI) virt-v2v converts the
// copied disks in place (`V2V_inPlace=1`); otherwise it reads the source itself (vSphere through
// libvirt's vpx driver, OVA from the share mounted at /ova) and writes the blank claims.
import type { V1Affinity, V1Container, V1Pod, V1Secret, V1Volume } from '@kubernetes/client-node';
import type { SourceDisk } from '../source-vm.ts';
import {
  hasSeparateCopyAndConversion,
  migrationServiceAccount,
  vmGenerateName,
  vmLabels,
  type TargetContext,
} from './context.ts';
import { perVmSecret, secretValues } from './secrets.ts';

/** ForkliftController's `virt_v2v_image_fqin` when unset: the upstream conversion image. */
export const DEFAULT_VIRT_V2V_IMAGE = 'quay.io/kubev2v/forklift-virt-v2v:latest';

export type ConversionClaim = {
  disk: SourceDisk;
  claimName: string;
  volumeMode: 'Block' | 'Filesystem';
};

const SECRET_MOUNT = '/etc/secret';
const OVA_MOUNT = '/ova';

/** Whether virt-v2v converts disks CDI has already copied, rather than reading the source. */
export const convertsInPlace = (ctx: TargetContext): boolean => hasSeparateCopyAndConversion(ctx);

/** The conversion Pod's one container, whose log is virt-v2v's. */
export const CONVERSION_CONTAINER = 'virt-v2v';

/** An inventory object as the engine reads it (host or compute resource). */
export type InventoryObject = { path?: unknown; cluster?: unknown; variant?: unknown };

/** The inventory's variant of a standalone ESXi host's compute resource (in `clusters`). */
const STANDALONE_COMPUTE_RESOURCE = 'ComputeResource';

/**
 * The inventory path virt-v2v's vpx:// URL names: the VM's ESXi host in a cluster
 * (`/dc/host/cluster/esxi`), or for a standalone host its compute resource (`/dc/host/esxi`):
 * libvirt's ESX driver takes `dc/cluster/esxi` or `dc/esxi` and refuses a standalone host's name
 * after its compute resource ("Path … ends with an excess item").
 */
export const vpxInventoryPath = (
  host: InventoryObject | undefined,
  computeResource: InventoryObject | undefined,
): string | undefined => {
  const named = computeResource?.variant === STANDALONE_COMPUTE_RESOURCE ? computeResource : host;
  return typeof named?.path === 'string' ? named.path : undefined;
};

/**
 * libvirt's vpx URL of the VM's ESXi host through vCenter: `vpx://user@vcenter/<dc>/<cluster>/<host>`,
 * the host's inventory path without its `host` folder. `no_verify=1` only when the provider
 * skips TLS verification, as Forklift does.
 */
const libvirtUrl = (
  ctx: TargetContext,
  user: string,
  hostPath: string | undefined,
  insecure: boolean,
): string => {
  const url = new URL('vpx://placeholder');
  url.host = new URL(ctx.sourceProvider.spec?.url ?? 'https://invalid').host;
  url.username = encodeURIComponent(user);
  const segments = (hostPath ?? '').split('/').filter(Boolean);
  if (segments[1] === 'host') segments.splice(1, 1);
  url.pathname = `/${segments.map(encodeURIComponent).join('/')}`;
  if (insecure) url.search = 'no_verify=1';
  return url.toString();
};

/**
 * The conversion Secret: its keys are the variables' names without `V2V_` (the pod's envFrom adds
 * it), so `secretKey` is also the password file at /etc/secret/secretKey that virt-v2v's `-ip`
 * reads. `hostPath` is the vSphere inventory path of the VM's host, for the libvirt URL.
 */
export const conversionSecret = (
  ctx: TargetContext,
  providerSecret: V1Secret | undefined,
  { hostPath }: { hostPath?: string } = {},
): V1Secret => {
  const provider = secretValues(providerSecret);
  const renamed = ctx.targetName !== ctx.vm.name;
  const values: Record<string, string | undefined> = {
    source: ctx.vm.providerType === 'vsphere' ? 'vSphere' : ctx.vm.providerType,
    vmName: ctx.vm.name,
    NewName: renamed ? ctx.targetName : undefined,
    RootDisk: ctx.planVm.rootDisk || undefined,
    extra_args: ctx.settings?.virt_v2v_extra_args || undefined,
  };
  if (ctx.vm.providerType === 'vsphere') {
    Object.assign(values, {
      libvirtURL: libvirtUrl(
        ctx,
        provider.user ?? '',
        hostPath,
        provider.insecureSkipVerify === 'true',
      ),
      fingerprint: ctx.sourceProvider.status?.fingerprint,
      accessKeyId: provider.user,
      secretKey: provider.password,
      cacert: provider.cacert,
    });
  }
  if (ctx.vm.providerType === 'ova') {
    values.diskPath = `${OVA_MOUNT}/${(ctx.vm.ovaPath ?? '').replace(/^\/+/, '')}`;
  }
  return perVmSecret(ctx, 'isV2V', values);
};

/** The plan's image, else the ForkliftController's, else upstream's. */
export const virtV2vImage = (ctx: TargetContext): string =>
  ctx.plan.spec?.virtV2vImage || ctx.settings?.virt_v2v_image_fqin || DEFAULT_VIRT_V2V_IMAGE;

const resources = (ctx: TargetContext): V1Container['resources'] => {
  const kvm: Record<string, string> =
    ctx.settings?.virt_v2v_dont_request_kvm === 'true' ? {} : { 'devices.kubevirt.io/kvm': '1' };
  return {
    limits: {
      cpu: ctx.settings?.virt_v2v_container_limits_cpu ?? '4000m',
      memory: ctx.settings?.virt_v2v_container_limits_memory ?? '8Gi',
      ...kvm,
    },
    requests: {
      cpu: ctx.settings?.virt_v2v_container_requests_cpu ?? '1000m',
      memory: ctx.settings?.virt_v2v_container_requests_memory ?? '1Gi',
      ...kvm,
    },
  };
};

/** The claims in the VM's disk order: the pod's disk N is the Nth (/dev/blockN, /mnt/disks/diskN). */
const orderedClaims = (ctx: TargetContext, claims: ConversionClaim[]): ConversionClaim[] =>
  [...claims].sort((a, b) => ctx.vm.disks.indexOf(a.disk) - ctx.vm.disks.indexOf(b.disk));

export const conversionPod = (
  ctx: TargetContext,
  {
    claims,
    secretName,
    ovaClaimName,
  }: { claims: ConversionClaim[]; secretName: string; ovaClaimName?: string },
): V1Pod => {
  const ordered = orderedClaims(ctx, claims);
  const diskVolumes: V1Volume[] = ordered.map(({ claimName }) => ({
    name: claimName,
    persistentVolumeClaim: { claimName },
  }));
  const volumes: V1Volume[] = [
    ...diskVolumes,
    { name: 'secret-volume', secret: { secretName } },
    ...(ovaClaimName
      ? [{ name: 'store-pv', persistentVolumeClaim: { claimName: ovaClaimName, readOnly: true } }]
      : []),
  ];
  const serviceAccount = migrationServiceAccount(ctx);
  const spec = ctx.plan.spec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: vmGenerateName(ctx),
      namespace: ctx.targetNamespace,
      labels: { ...spec?.convertorLabels, ...vmLabels(ctx), 'forklift.app': 'virt-v2v' },
    },
    spec: {
      restartPolicy: 'Never',
      ...(serviceAccount ? { serviceAccountName: serviceAccount } : {}),
      ...(spec?.convertorNodeSelector ? { nodeSelector: spec.convertorNodeSelector } : {}),
      ...(spec?.convertorAffinity ? { affinity: spec.convertorAffinity as V1Affinity } : {}),
      containers: [
        {
          name: CONVERSION_CONTAINER,
          image: virtV2vImage(ctx),
          imagePullPolicy: ctx.settings?.image_pull_policy ?? 'Always',
          envFrom: [{ prefix: 'V2V_', secretRef: { name: secretName } }],
          ...(convertsInPlace(ctx) ? { env: [{ name: 'V2V_inPlace', value: '1' }] } : {}),
          ports: [{ name: 'metrics', containerPort: 2112, protocol: 'TCP' }],
          resources: resources(ctx),
          volumeMounts: [
            { name: 'secret-volume', mountPath: SECRET_MOUNT, readOnly: true },
            ...(ovaClaimName ? [{ name: 'store-pv', mountPath: OVA_MOUNT, readOnly: true }] : []),
            ...ordered.flatMap(({ claimName, volumeMode }, index) =>
              volumeMode === 'Filesystem'
                ? [{ name: claimName, mountPath: `/mnt/disks/disk${index}` }]
                : [],
            ),
          ],
          volumeDevices: ordered.flatMap(({ claimName, volumeMode }, index) =>
            volumeMode === 'Block' ? [{ name: claimName, devicePath: `/dev/block${index}` }] : [],
          ),
        },
      ],
      volumes,
    },
  };
};
