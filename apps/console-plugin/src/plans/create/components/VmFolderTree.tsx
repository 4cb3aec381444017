import { useMemo, type FC } from 'react';
import { TreeView, type TreeViewDataItem } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { FolderNode } from '../utils/vm-folders.ts';

type Props = {
  tree: readonly FolderNode[];
  /** The chosen folder's path; '' for every VM. */
  folder: string;
  onChange: (folder: string) => void;
};

const ALL = '';

/** Datacenters and their folders, each with its VM count; choosing one narrows the table to it. */
export const VmFolderTree: FC<Props> = ({ tree, folder, onChange }) => {
  const { t } = useForkliftTranslation();
  const { data, byPath } = useMemo(() => {
    const items = new Map<string, TreeViewDataItem>();
    const toItem = (node: FolderNode, depth: number): TreeViewDataItem => {
      const item: TreeViewDataItem = {
        id: node.path,
        name: <span data-testid={`vm-folder-${node.path}`}>{node.name}</span>,
        customBadgeContent: node.vmCount,
        // Datacenter and its VM folder open: the folders users made are what they look for.
        defaultExpanded: depth < 2,
        ...(node.children.length
          ? { children: node.children.map((child) => toItem(child, depth + 1)) }
          : {}),
      };
      items.set(node.path, item);
      return item;
    };
    const all: TreeViewDataItem = {
      id: ALL,
      name: <span data-testid="vm-folder-all">{t('All virtual machines')}</span>,
      customBadgeContent: tree.reduce((sum, node) => sum + node.vmCount, 0),
    };
    items.set(ALL, all);
    return { data: [all, ...tree.map((node) => toItem(node, 0))], byPath: items };
  }, [tree, t]);
  const active = byPath.get(folder);

  return (
    <TreeView
      aria-label={t('Folders')}
      data={data}
      hasBadges
      activeItems={active ? [active] : []}
      onSelect={(_event, item) => onChange(item.id ?? ALL)}
      data-testid="vm-folder-tree"
    />
  );
};
