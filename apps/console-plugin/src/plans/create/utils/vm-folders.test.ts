import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankVmRow } from '../../../utils/vm-table.ts';
import { folderTreeOf, isInFolder } from './vm-folders.ts';

const row = (id: string, path: string) => ({ ...blankVmRow(id, id), path });

test('the folders of the VMs’ paths form a tree, counting the VMs under each folder', () => {
  const rows = [
    row('web-10', '/DC0/vm/web/prod/web-10'),
    row('web-2', '/DC0/vm/web/web-2'),
    row('db', '/DC0/vm/db/db'),
    row('edge', '/DC1/vm/edge'),
  ];
  const tree = folderTreeOf(rows);
  const shape = (nodes: ReturnType<typeof folderTreeOf>): unknown =>
    nodes.map(({ name, vmCount, children }) => [name, vmCount, shape(children)]);
  assert.deepEqual(shape(tree), [
    [
      'DC0',
      3,
      [
        [
          'vm',
          3,
          [
            ['db', 1, []],
            ['web', 2, [['prod', 1, []]]],
          ],
        ],
      ],
    ],
    ['DC1', 1, [['vm', 1, []]]],
  ]);
  assert.equal(tree[0]!.children[0]!.children[1]!.path, '/DC0/vm/web');
});

test('a VM is in the folder chosen or below it, and in no folder’s namesake', () => {
  assert.ok(isInFolder(row('a', '/DC0/vm/web/prod/a'), '/DC0/vm/web'));
  assert.ok(!isInFolder(row('b', '/DC0/vm/web2/b'), '/DC0/vm/web'));
  assert.ok(isInFolder(row('c', ''), ''));
});
