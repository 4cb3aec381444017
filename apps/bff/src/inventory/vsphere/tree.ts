// `tree/vm` and `tree/host` (reference inventory.md §1.4 "Trees"): one branch per datacenter,
// objects at detail 0 except VMs, which take the request's detail.
import type { Ref } from '@forklift-console/api';
import type { TreeNode } from '../provider-inventory.ts';
import type { ModelStore } from './model-store.ts';
import type { VsphereCluster } from './cluster-model.ts';
import type { VsphereDatacenter, VsphereFolder } from './folder-model.ts';
import type { VsphereVm } from './vm-model.ts';
import { atDetail0, vmAtDetail } from './projections.ts';

const MAX_DEPTH = 64;

export const buildTree = (store: ModelStore, kind: 'vm' | 'host', detail: number): TreeNode => {
  const folders = store.models('folders')!;
  const clusters = store.models('clusters')!;
  const hosts = store.models('hosts')!;
  const vms = store.models('vms')!;

  const vmNode = (id: string): TreeNode[] => {
    const vm = vms.get(id) as VsphereVm | undefined;
    return vm ? [{ kind: 'VM', object: vmAtDetail(vm, detail), children: [] }] : [];
  };

  const hostNode = (ref: Ref): TreeNode[] => {
    const host = hosts.get(ref.id);
    if (!host) return [];
    return [
      { kind: 'Host', object: atDetail0(host), children: store.vmsOnHost(ref.id).flatMap(vmNode) },
    ];
  };

  const clusterNode = (ref: Ref): TreeNode[] => {
    const cluster = clusters.get(ref.id) as VsphereCluster | undefined;
    if (!cluster) return [];
    return [
      { kind: 'Cluster', object: atDetail0(cluster), children: cluster.hosts.flatMap(hostNode) },
    ];
  };

  /** A folder's contents: sub-folders, then VMs (vm tree) or clusters (host tree). */
  const folderContents = (folderId: string, depth: number): TreeNode[] => {
    const folder = folders.get(folderId) as VsphereFolder | undefined;
    if (!folder || depth > MAX_DEPTH) return [];
    return folder.children.flatMap((child): TreeNode[] => {
      if (child.kind === 'Folder') {
        const subfolder = folders.get(child.id);
        return subfolder
          ? [
              {
                kind: 'Folder',
                object: atDetail0(subfolder),
                children: folderContents(child.id, depth + 1),
              },
            ]
          : [];
      }
      if (kind === 'vm' && child.kind === 'VM') return vmNode(child.id);
      if (kind === 'host' && child.kind === 'Cluster') return clusterNode(child);
      return [];
    });
  };

  const datacenters = [...store.models('datacenters')!.values()] as VsphereDatacenter[];
  return {
    kind: '',
    object: null,
    children: datacenters.map((datacenter) => ({
      kind: 'Datacenter',
      object: atDetail0(datacenter),
      children: folderContents(kind === 'vm' ? datacenter.vms.id : datacenter.clusters.id, 0),
    })),
  };
};
