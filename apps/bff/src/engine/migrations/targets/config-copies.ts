// The ConfigMaps and Secrets an OpenShift source VM's volumes name (reference engine.md §8.3 OCP):
// the VM recreated in another namespace finds them there only if they are copied, each under its
// own name with the annotation saying where it came from. The copies carry none of the plan's
// labels: those mark temporary objects, which the cleanup deletes once the VM has migrated.
import type { KubernetesObject } from '@kubernetes/client-node';

export type ConfigKind = 'ConfigMap' | 'Secret';
export type ConfigReference = { kind: ConfigKind; name: string };

/** Where a copy came from, `namespace/name` of the source object. */
export const COPY_SOURCE_ANNOTATION = 'forklift.konveyor.io/source';

type Json = Record<string, unknown>;

const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

const nameAt = (value: unknown, key: string): string | undefined => {
  const name = record(value)[key];
  return typeof name === 'string' && name ? name : undefined;
};

/** The volume's references: config and secret volumes, cloud-init's and sysprep's sources. */
const referencesOfVolume = (volume: Json): ConfigReference[] => {
  const found: (ConfigReference | undefined)[] = [];
  const add = (kind: ConfigKind, name: string | undefined) =>
    found.push(name ? { kind, name } : undefined);
  add('ConfigMap', nameAt(volume.configMap, 'name'));
  add('Secret', nameAt(volume.secret, 'secretName'));
  for (const cloudInit of [volume.cloudInitNoCloud, volume.cloudInitConfigDrive]) {
    add('Secret', nameAt(record(cloudInit).secretRef, 'name'));
    add('Secret', nameAt(record(cloudInit).networkDataSecretRef, 'name'));
  }
  add('ConfigMap', nameAt(record(volume.sysprep).configMap, 'name'));
  add('Secret', nameAt(record(volume.sysprep).secret, 'name'));
  return found.filter((reference): reference is ConfigReference => !!reference);
};

/** The distinct ConfigMaps and Secrets the VM's template volumes name, in volume order. */
export const configReferencesOf = (vm: unknown): ConfigReference[] => {
  const volumes = record(record(record(record(vm).spec).template).spec).volumes;
  const all = (Array.isArray(volumes) ? volumes : []).flatMap((volume) =>
    referencesOfVolume(record(volume)),
  );
  return all.filter(
    (reference, index) =>
      all.findIndex((other) => other.kind === reference.kind && other.name === reference.name) ===
      index,
  );
};

/** The copy of `source` for `namespace`: its content and labels, none of its server's metadata. */
export const configCopy = (source: KubernetesObject, namespace: string): KubernetesObject => {
  const { metadata, ...content } = source as KubernetesObject & Json;
  const { labels } = metadata ?? {};
  return {
    ...Object.fromEntries(Object.entries(content).filter(([key]) => key !== 'status')),
    metadata: {
      name: metadata?.name,
      namespace,
      ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
      annotations: {
        [COPY_SOURCE_ANNOTATION]: `${metadata?.namespace ?? ''}/${metadata?.name ?? ''}`,
      },
    },
  } as KubernetesObject;
};
