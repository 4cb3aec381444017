// For the importer's tests: disk images made with qemu-img and qemu-io, a certificate for an HTTPS
// image server, and what the tests ask of a DataVolume and its disk.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Watch, type CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import { DataVolumeModel } from '@forklift-console/api';
import type { DataVolume } from './data-volume.ts';

export const toolsMissing = (): string | undefined => {
  for (const tool of ['qemu-img', 'qemu-io', 'nbdkit', 'openssl']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (Debian: qemu-utils, nbdkit, openssl)`;
    }
  }
  return undefined;
};

export const imageFolder = () => mkdtemp(path.join(os.tmpdir(), 'cdi-images-'));

/** An image of `format` and `size` with a pattern of bytes written at a few offsets. */
export const makeImage = (
  folder: string,
  name: string,
  format: 'qcow2' | 'raw' | 'vmdk',
  size: string,
  writes: string[] = ['write -P 0x5a 0 1M', 'write -P 0xa5 3M 512k'],
  options: string[] = [],
): string => {
  const file = path.join(folder, name);
  execFileSync('qemu-img', ['create', '-q', '-f', format, ...options, file, size]);
  if (writes.length > 0) {
    execFileSync('qemu-io', ['-f', format, ...writes.flatMap((write) => ['-c', write]), file], {
      stdio: 'ignore',
    });
  }
  return file;
};

/** True when the guest bytes are the same (a larger target's tail reads as zeros). */
export const sameGuestBytes = (source: string, format: string, disk: string): boolean => {
  try {
    execFileSync('qemu-img', ['compare', '-f', format, '-F', 'raw', source, disk], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
};

/** A self-signed certificate for 127.0.0.1. */
export const makeCertificate = async (folder: string) => {
  const key = path.join(folder, 'tls.key');
  const cert = path.join(folder, 'tls.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
};

const readDv = (custom: CustomObjectsApi, namespace: string, name: string) =>
  custom.getNamespacedCustomObject({
    group: DataVolumeModel.group,
    version: DataVolumeModel.version,
    plural: DataVolumeModel.plural,
    namespace,
    name,
  }) as Promise<DataVolume>;

export const createDv = (custom: CustomObjectsApi, namespace: string, body: object) =>
  custom.createNamespacedCustomObject({
    group: DataVolumeModel.group,
    version: DataVolumeModel.version,
    plural: DataVolumeModel.plural,
    namespace,
    body: { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume', ...body },
  });

/** Waits for the DataVolume to reach `phase`; another final phase fails at once. */
export const dvInPhase = async (
  custom: CustomObjectsApi,
  namespace: string,
  name: string,
  phase: string,
  timeoutMs = 60_000,
): Promise<DataVolume> => {
  const deadline = Date.now() + timeoutMs;
  let dv: DataVolume | undefined;
  while (Date.now() < deadline) {
    dv = await readDv(custom, namespace, name);
    const now = dv.status?.phase;
    if (now === phase) return dv;
    if (now === 'Succeeded' || now === 'Failed') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`DataVolume ${name} is not ${phase}: ${JSON.stringify(dv?.status)}`);
};

/** Every progress value a watch sees on the DataVolume, in order, until `stop()`. */
export const watchProgress = async (kubeConfig: KubeConfig, namespace: string, name: string) => {
  const seen: string[] = [];
  const request = await new Watch(kubeConfig).watch(
    `/apis/cdi.kubevirt.io/v1beta1/namespaces/${namespace}/datavolumes`,
    { fieldSelector: `metadata.name=${name}` },
    (_type, object: DataVolume) => {
      const progress = object.status?.progress;
      if (progress && progress !== seen.at(-1)) seen.push(progress);
    },
    () => undefined,
  );
  return { seen, stop: () => request.abort() };
};
