// An OpenShift source VM recreated in the target (reference engine.md §8.3 "OCP"): a copy of the
// source's spec whose claim volumes point at the cloned claims and whose networks go where the
// network map sends them; volumes of unmapped disks and networks mapped to `ignored` are left out
// with their disks and interfaces. The VM carries no dataVolumeTemplates.
import { runStrategyFor, type TargetContext } from './context.ts';
import { destinationsFor, multusNetworkName } from './maps.ts';
import {
  placement,
  renameAnnotations,
  targetVmLabels,
  templateMetadata,
  type Json,
  type VirtualMachine,
  type VirtualMachineInput,
} from './vm-common.ts';

/** Annotations the source's API server and controllers wrote, which mean nothing on a new VM. */
const OWNED_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'kubevirt.io/latest-observed-api-version',
  'kubevirt.io/storage-observed-api-version',
];

/** Interface bindings KubeVirt knows; the copy gets the one its new network needs. */
const BINDINGS = ['bridge', 'masquerade', 'slirp', 'sriov', 'macvtap', 'passt', 'binding'];

const objects = (value: unknown): Json[] =>
  Array.isArray(value)
    ? value.filter((item): item is Json => typeof item === 'object' && !!item)
    : [];

const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

/** `pod`, or the multus network as `ns/name` (a bare name is in the VM's namespace). */
const networkKey = (network: Json, vmNamespace: string): string | undefined => {
  if (network.pod) return 'pod';
  const name = record(network.multus).networkName;
  if (typeof name !== 'string') return undefined;
  return name.includes('/') ? name : `${vmNamespace}/${name}`;
};

const withoutKeys = (object: Json, keys: readonly string[]): Json =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

/** An instance type or preference by name: its revision is a ControllerRevision of the source cluster. */
const withoutRevision = (spec: Json, key: 'instancetype' | 'preference'): Json =>
  spec[key] ? { [key]: withoutKeys(record(spec[key]), ['revisionName']) } : {};

const remapVolumes = (ctx: TargetContext, input: VirtualMachineInput, volumes: Json[]) => {
  const sourceNamespace = ctx.vm.namespace ?? '';
  const dropped = new Set<string>();
  const kept = volumes.flatMap((volume) => {
    const claim = record(volume.persistentVolumeClaim).claimName ?? record(volume.dataVolume).name;
    if (typeof claim !== 'string') return [volume];
    const target = input.claims.find(({ disk }) => disk.source === `${sourceNamespace}/${claim}`);
    if (!target) {
      dropped.add(String(volume.name));
      return [];
    }
    return [{ name: volume.name, persistentVolumeClaim: { claimName: target.claimName } }];
  });
  return { volumes: kept, dropped };
};

const remapNetworks = (ctx: TargetContext, networks: Json[]) => {
  const keys = networks.map((network) => networkKey(network, ctx.vm.namespace ?? '') ?? '');
  const destinations = destinationsFor(ctx.networkMap, keys, 'openshift');
  const bindings = new Map<string, 'bridge' | 'masquerade'>();
  const kept = networks.flatMap((network, index) => {
    const destination = destinations[index];
    if (!destination) return [];
    const name = String(network.name);
    bindings.set(name, destination.type === 'multus' ? 'bridge' : 'masquerade');
    return [
      destination.type === 'multus'
        ? { name, multus: { networkName: multusNetworkName(destination) } }
        : { name, pod: {} },
    ];
  });
  return { networks: kept, bindings };
};

export const openshiftVirtualMachine = (
  ctx: TargetContext,
  input: VirtualMachineInput,
): VirtualMachine => {
  const source = structuredClone(record(ctx.vm.object));
  const sourceMeta = record(source.metadata);
  const sourceSpec = record(source.spec);
  const template = record(sourceSpec.template);
  const templateSpec = record(template.spec);
  const domain = record(templateSpec.domain);
  const devices = record(domain.devices);

  const { volumes, dropped } = remapVolumes(ctx, input, objects(templateSpec.volumes));
  const { networks, bindings } = remapNetworks(ctx, objects(templateSpec.networks));
  const disks = objects(devices.disks).filter((disk) => !dropped.has(String(disk.name)));
  const interfaces = objects(devices.interfaces).flatMap((iface) => {
    const binding = bindings.get(String(iface.name));
    return binding ? [{ ...withoutKeys(iface, BINDINGS), [binding]: {} }] : [];
  });

  const annotations = {
    ...withoutKeys(record(sourceMeta.annotations), OWNED_ANNOTATIONS),
    ...renameAnnotations(ctx),
  } as Record<string, string>;
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name: ctx.targetName,
      namespace: ctx.targetNamespace,
      labels: {
        ...(sourceMeta.labels as Record<string, string> | undefined),
        ...targetVmLabels(ctx),
      },
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      ...withoutKeys(sourceSpec, ['running', 'dataVolumeTemplates', 'template', 'runStrategy']),
      ...withoutRevision(sourceSpec, 'instancetype'),
      ...withoutRevision(sourceSpec, 'preference'),
      runStrategy: runStrategyFor(ctx, input.restorePowerState),
      template: {
        metadata: templateMetadata(ctx, record(template.metadata)),
        spec: {
          ...templateSpec,
          ...placement(ctx),
          domain: { ...domain, devices: { ...devices, disks, interfaces } },
          networks,
          volumes,
        },
      },
    },
  };
};
