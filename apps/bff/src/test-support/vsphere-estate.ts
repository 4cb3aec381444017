// What a user creates before migrating from vSphere, for the tests and benches that migrate from
// vcsim: the project, the vCenter's Secret and Provider, the maps (the VMs' "VM Network" to the pod
// network, other networks ignored; the datastore to a storage class) and, on a cluster without
// the standalone app's seed, the ForkliftController and the host provider. Also where the bytes
// are on both sides: a VM's disk as the datastore serves it, and the file behind a claim.
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request } from 'node:https';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  CoreV1Api,
  KubernetesObjectApi,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, type PlanSpec } from '@forklift-console/api';
import { isApiError } from '@forklift-console/controller-runtime';

const MTV = 'openshift-mtv';
const POD_NETWORK = 'VM Network';

/** What of vcsim the estate needs (scripts/vcsim.ts `Vcsim` has it). */
export type VcsimEndpoint = { sdkUrl: string; username: string; password: string };

export type VsphereEstateOptions = {
  namespace: string;
  /** The class the datastore maps to; made unless `seeded` says the cluster has it. */
  storageClass: string;
  /** The standalone app's seed made the ForkliftController, the host provider and the classes. */
  seeded?: boolean;
  /** controller_max_vm_inflight of the ForkliftController made here (not with `seeded`). */
  maxInFlight?: number;
  /** The networks the map lists; vcsim's default model has these two. */
  networks?: readonly string[];
  datastore?: string;
};

export type VsphereEstate = {
  namespace: string;
  /** The plan's provider pair: vcsim into the host cluster. */
  pair: {
    source: { name: string; namespace: string };
    destination: { name: string; namespace: string };
  };
  /** A plan of these VMs with the estate's provider pair and maps, into the estate's project. */
  planSpec(vms: NonNullable<PlanSpec['vms']>, extra?: Partial<PlanSpec>): PlanSpec;
};

/** A Forklift resource of `kind` as a user's YAML would have it. */
export const forkliftObject = (kind: string, name: string, namespace: string, spec: object) =>
  ({
    apiVersion: FORKLIFT_API_VERSION,
    kind,
    metadata: { name, namespace },
    spec,
  }) as KubernetesObject;

export const createVsphereEstate = async (
  kubeConfig: KubeConfig,
  vcsim: VcsimEndpoint,
  {
    namespace,
    storageClass,
    seeded = false,
    maxInFlight,
    networks = [POD_NETWORK, 'DC0_DVPG0'],
    datastore = 'LocalDS_0',
  }: VsphereEstateOptions,
): Promise<VsphereEstate> => {
  const objects = KubernetesObjectApi.makeApiClient(kubeConfig);
  const namespaces = seeded ? [namespace] : [namespace, MTV];
  for (const name of namespaces) {
    await objects
      .create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
      .catch((error: unknown) => {
        if (!isApiError(error, 409)) throw error;
      });
  }
  const pair = {
    source: { name: 'vcsim', namespace },
    destination: { name: 'host', namespace: MTV },
  };
  const cluster: KubernetesObject[] = seeded
    ? []
    : [
        forkliftObject('ForkliftController', 'forklift-controller', MTV, {
          ...(maxInFlight === undefined ? {} : { controller_max_vm_inflight: maxInFlight }),
        }),
        forkliftObject('Provider', 'host', MTV, { type: 'openshift', url: '', secret: {} }),
        {
          apiVersion: 'storage.k8s.io/v1',
          kind: 'StorageClass',
          metadata: { name: storageClass },
          provisioner: 'kubevirt.io.hostpath-provisioner',
        } as KubernetesObject,
      ];
  const resources: KubernetesObject[] = [
    ...cluster,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'vcsim', namespace },
      stringData: { user: vcsim.username, password: vcsim.password, insecureSkipVerify: 'true' },
    } as KubernetesObject,
    forkliftObject('Provider', 'vcsim', namespace, {
      type: 'vsphere',
      url: vcsim.sdkUrl,
      secret: { name: 'vcsim', namespace },
    }),
    forkliftObject('NetworkMap', 'networks', namespace, {
      provider: pair,
      map: networks.map((name) => ({
        source: { name },
        destination: { type: name === POD_NETWORK ? 'pod' : 'ignored' },
      })),
    }),
    forkliftObject('StorageMap', 'datastore', namespace, {
      provider: pair,
      map: [{ source: { name: datastore }, destination: { storageClass } }],
    }),
  ];
  for (const resource of resources) await objects.create(resource);
  return {
    namespace,
    pair,
    planSpec: (vms, extra = {}) =>
      ({
        provider: pair,
        targetNamespace: namespace,
        map: {
          network: { name: 'networks', namespace },
          storage: { name: 'datastore', namespace },
        },
        vms,
        ...extra,
      }) as PlanSpec,
  };
};

/** A vcsim VM's first disk as its datastore serves it (the flat extent), saved to a file. */
export const readSourceDisk = async (
  vcsim: VcsimEndpoint,
  vmName: string,
  into: string,
): Promise<string> => {
  const url = new URL(vcsim.sdkUrl);
  url.pathname = `/folder/${vmName}/disk1-flat.vmdk`;
  url.search = '?dcPath=DC0&dsName=LocalDS_0';
  const file = path.join(into, `${vmName}.raw`);
  await new Promise<void>((resolve, reject) => {
    const get = request(
      url,
      { rejectUnauthorized: false, auth: `${vcsim.username}:${vcsim.password}` },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`GET ${url.pathname}: ${response.statusCode}`));
          response.resume();
          return;
        }
        pipeline(response, createWriteStream(file)).then(resolve, reject);
      },
    );
    get.on('error', reject);
    get.end();
  });
  return file;
};

/** The raw file behind a claim of the embedded cluster's local volumes. */
export const claimFile = async (
  kubeConfig: KubeConfig,
  namespace: string,
  claimName: string,
): Promise<string> => {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const claim = await core.readNamespacedPersistentVolumeClaim({ name: claimName, namespace });
  const volume = await core.readPersistentVolume({ name: claim.spec?.volumeName ?? '' });
  const local = volume.spec?.local?.path ?? '';
  return (await stat(local)).isDirectory() ? path.join(local, 'disk.img') : local;
};
