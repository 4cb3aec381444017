// The vSphere folder tree of the Virtual machines step, built from the VMs' inventory paths
// (`/DC0/vm/web/web-01` sits in DC0 › vm › web), each folder with how many of the VMs are under it,
// and whether a VM is under the folder chosen.
import type { VmRow } from '../../../utils/vm-table.ts';

export type FolderNode = {
  /** The folder's path, as a prefix of its VMs' paths: `/DC0/vm/web`. */
  path: string;
  name: string;
  /** The VMs in it and in its sub-folders. */
  vmCount: number;
  children: FolderNode[];
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export const folderTreeOf = (rows: readonly VmRow[]): FolderNode[] => {
  const root: FolderNode = { path: '', name: '', vmCount: 0, children: [] };
  const byPath = new Map<string, FolderNode>([['', root]]);
  for (const { path } of rows) {
    const folders = path.split('/').filter(Boolean).slice(0, -1);
    let parent = root;
    for (const [index, name] of folders.entries()) {
      const folderPath = `/${folders.slice(0, index + 1).join('/')}`;
      let node = byPath.get(folderPath);
      if (!node) {
        node = { path: folderPath, name, vmCount: 0, children: [] };
        byPath.set(folderPath, node);
        parent.children.push(node);
      }
      node.vmCount += 1;
      parent = node;
    }
  }
  const sort = (nodes: FolderNode[]) => {
    nodes.sort((a, b) => collator.compare(a.name, b.name));
    for (const node of nodes) sort(node.children);
  };
  sort(root.children);
  return root.children;
};

/** Whether the VM is in `folder` or below it; every VM is when no folder is chosen. */
export const isInFolder = (row: Pick<VmRow, 'path'>, folder: string): boolean =>
  !folder || row.path.startsWith(`${folder}/`);
