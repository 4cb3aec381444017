// What a container sees, resolved as the kubelet resolves it before it starts a container: its
// environment (values, Secret and ConfigMap references, the pod's own fields) and its volumes, each
// mount point mapped to a path on this machine. A PVC maps to its volume's file or folder
// (claimVolume); Secret and ConfigMap volumes are written into the pod's private runtime folder,
// which the runner removes when the pod is done. What cannot be resolved is a reason the container
// waits for, as the kubelet's CreateContainerConfigError is.
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ApiException,
  type CoreV1Api,
  type V1Container,
  type V1Pod,
  type V1Volume,
} from '@kubernetes/client-node';
import { claimVolume, type VolumePlaces } from '../volumes/claim-volume.ts';

export type Mount = { containerPath: string; hostPath: string };

export type ContainerView = { env: Record<string, string>; mounts: Mount[] };

export type ConfigProblem =
  { kind: 'unbound'; message: string } | { kind: 'config'; message: string };

export class ContainerConfigError extends Error {
  readonly problem: ConfigProblem;
  constructor(problem: ConfigProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

const configError = (message: string) => new ContainerConfigError({ kind: 'config', message });

const notFound = (error: unknown) => error instanceof ApiException && error.code === 404;

type KeyedData = { data: Record<string, Buffer>; kind: 'secret' | 'configmap' };

const readSecretData = async (core: CoreV1Api, namespace: string, name: string) => {
  try {
    const secret = await core.readNamespacedSecret({ namespace, name });
    return Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]),
    );
  } catch (error) {
    if (notFound(error)) return undefined;
    throw error;
  }
};

const readConfigMapData = async (core: CoreV1Api, namespace: string, name: string) => {
  try {
    const configMap = await core.readNamespacedConfigMap({ namespace, name });
    return {
      ...Object.fromEntries(
        Object.entries(configMap.data ?? {}).map(([key, value]) => [key, Buffer.from(value)]),
      ),
      ...Object.fromEntries(
        Object.entries(configMap.binaryData ?? {}).map(([key, value]) => [
          key,
          Buffer.from(value, 'base64'),
        ]),
      ),
    };
  } catch (error) {
    if (notFound(error)) return undefined;
    throw error;
  }
};

/** Reads Secrets and ConfigMaps once per resolution. */
const dataReader = (core: CoreV1Api, namespace: string) => {
  const cache = new Map<string, Promise<KeyedData | undefined>>();
  return (kind: 'secret' | 'configmap', name: string): Promise<KeyedData | undefined> => {
    const key = `${kind}/${name}`;
    if (!cache.has(key)) {
      cache.set(
        key,
        (kind === 'secret'
          ? readSecretData(core, namespace, name)
          : readConfigMapData(core, namespace, name)
        ).then((data) => (data ? { data, kind } : undefined)),
      );
    }
    return cache.get(key)!;
  };
};

const KIND_NAME = { secret: 'secret', configmap: 'configmap' } as const;

const podField = (pod: V1Pod, fieldPath: string): string | undefined => {
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': '127.0.0.1',
    'status.podIP': '127.0.0.1',
  };
  const label = /^metadata\.labels\['(.+)'\]$/.exec(fieldPath)?.[1];
  if (label) return pod.metadata?.labels?.[label];
  const annotation = /^metadata\.annotations\['(.+)'\]$/.exec(fieldPath)?.[1];
  if (annotation) return pod.metadata?.annotations?.[annotation];
  return fields[fieldPath];
};

const resolveEnv = async (
  pod: V1Pod,
  container: V1Container,
  read: ReturnType<typeof dataReader>,
): Promise<Record<string, string>> => {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const ref = source.secretRef ?? source.configMapRef;
    const kind = source.secretRef ? 'secret' : 'configmap';
    if (!ref?.name) continue;
    const found = await read(kind, ref.name);
    if (!found) {
      if (ref.optional) continue;
      throw configError(`${KIND_NAME[kind]} "${ref.name}" not found`);
    }
    for (const [key, value] of Object.entries(found.data)) {
      env[`${source.prefix ?? ''}${key}`] = value.toString();
    }
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    if (!from) {
      env[variable.name] = variable.value ?? '';
      continue;
    }
    const keyRef = from.secretKeyRef ?? from.configMapKeyRef;
    if (keyRef) {
      const kind = from.secretKeyRef ? 'secret' : 'configmap';
      const value = (await read(kind, keyRef.name ?? ''))?.data[keyRef.key];
      if (value === undefined) {
        if (keyRef.optional) continue;
        throw configError(
          `couldn't find key ${keyRef.key} in ${KIND_NAME[kind]} ${pod.metadata?.namespace}/${keyRef.name}`,
        );
      }
      env[variable.name] = value.toString();
      continue;
    }
    if (from.fieldRef) {
      env[variable.name] = podField(pod, from.fieldRef.fieldPath) ?? '';
      continue;
    }
    throw configError(`env ${variable.name}: only values, Secret, ConfigMap and field references`);
  }
  return env;
};

/** Writes a Secret's or ConfigMap's keys (or the listed items) as files, owner-only. */
const materialise = async (
  folder: string,
  found: KeyedData,
  items: { key: string; path: string }[] | undefined,
) => {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  const entries = items ?? Object.keys(found.data).map((key) => ({ key, path: key }));
  for (const { key, path: relative } of entries) {
    const value = found.data[key];
    if (value === undefined) throw configError(`key ${key} not found in the volume's source`);
    const target = path.join(folder, relative);
    if (!target.startsWith(folder + path.sep)) throw configError(`item path ${relative} escapes`);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await writeFile(target, value, { mode: 0o600 });
  }
};

const volumeHostPath = async (
  core: CoreV1Api,
  pod: V1Pod,
  volume: V1Volume,
  read: ReturnType<typeof dataReader>,
  volumesFolder: string,
  as: 'mount' | 'device',
  places: VolumePlaces,
): Promise<string> => {
  const namespace = pod.metadata?.namespace ?? '';
  if (volume.persistentVolumeClaim) {
    const claim = volume.persistentVolumeClaim.claimName;
    const bound = await claimVolume(core, namespace, claim, places);
    if (!bound) {
      throw new ContainerConfigError({
        kind: 'unbound',
        message: `persistentvolumeclaim "${claim}" is not bound`,
      });
    }
    if (as === 'device' && bound.volumeMode !== 'Block') {
      throw configError(`volume ${volume.name}: a volumeDevice needs a Block claim`);
    }
    return as === 'device' ? bound.diskImage : bound.path;
  }
  const folder = path.join(volumesFolder, volume.name);
  if (volume.secret || volume.configMap) {
    const kind = volume.secret ? 'secret' : 'configmap';
    const name = volume.secret?.secretName ?? volume.configMap?.name ?? '';
    const found = await read(kind, name);
    const optional = volume.secret?.optional ?? volume.configMap?.optional;
    if (!found && !optional) throw configError(`${KIND_NAME[kind]} "${name}" not found`);
    const items = (volume.secret?.items ?? volume.configMap?.items) as
      { key: string; path: string }[] | undefined;
    await materialise(folder, found ?? { data: {}, kind }, found ? items : []);
    return folder;
  }
  if (volume.emptyDir) {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    return folder;
  }
  throw configError(
    `volume ${volume.name}: only persistentVolumeClaim, secret, configMap and emptyDir volumes`,
  );
};

/** The container's environment and mounts; Secret and ConfigMap volumes under `volumesFolder`. */
export const resolveContainer = async (
  core: CoreV1Api,
  pod: V1Pod,
  container: V1Container,
  volumesFolder: string,
  places: VolumePlaces = {},
): Promise<ContainerView> => {
  const read = dataReader(core, pod.metadata?.namespace ?? '');
  const volumes = new Map((pod.spec?.volumes ?? []).map((volume) => [volume.name, volume]));
  const mounts: Mount[] = [];
  const uses = [
    ...(container.volumeMounts ?? []).map((m) => ({
      name: m.name,
      at: m.mountPath,
      subPath: m.subPath,
      as: 'mount' as const,
    })),
    ...(container.volumeDevices ?? []).map((d) => ({
      name: d.name,
      at: d.devicePath,
      subPath: undefined,
      as: 'device' as const,
    })),
  ];
  for (const use of uses) {
    const volume = volumes.get(use.name);
    if (!volume) throw configError(`volume ${use.name} is not among the pod's volumes`);
    const hostPath = await volumeHostPath(core, pod, volume, read, volumesFolder, use.as, places);
    mounts.push({
      containerPath: path.posix.normalize(use.at),
      hostPath: use.subPath ? path.join(hostPath, use.subPath) : hostPath,
    });
  }
  return { env: await resolveEnv(pod, container, read), mounts };
};

/** Where a path the container names is on this machine, through its longest matching mount. */
export const hostPathOf = (view: ContainerView, containerPath: string): string | undefined => {
  const wanted = path.posix.normalize(containerPath);
  let best: Mount | undefined;
  for (const mount of view.mounts) {
    const inside =
      wanted === mount.containerPath ||
      wanted.startsWith(`${mount.containerPath.replace(/\/$/, '')}/`);
    if (inside && (!best || mount.containerPath.length > best.containerPath.length)) best = mount;
  }
  if (!best) return undefined;
  return path.join(best.hostPath, path.posix.relative(best.containerPath, wanted));
};
