import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestNetworkRows } from './suggest-network-rows.ts';
import { networkRowsProblems } from './network-rows.ts';

const network = (id: string, name: string) => ({ key: id, label: name, ref: { id, name } });

test('a network with a NAD of the same name in the target project maps to that NAD', () => {
  const [row] = suggestNetworkRows({
    usedNetworks: [network('network-2', 'vm-bridge')],
    nads: [
      { namespace: 'other', name: 'vm-bridge' },
      { namespace: 'demo', name: 'vm-bridge' },
    ],
    targetProject: 'demo',
  });
  assert.deepEqual(row?.target, { type: 'multus', namespace: 'demo', name: 'vm-bridge' });
  assert.deepEqual(row?.suggestion, {
    reason: 'same-name-nad',
    source: 'vm-bridge',
    project: 'demo',
  });
});

test('without a NAD, the first network goes to the pod network and the others are ignored', () => {
  const rows = suggestNetworkRows({
    usedNetworks: [
      network('network-1', 'VM Network'),
      network('network-2', 'vm-bridge'),
      network('network-3', 'backup'),
    ],
    nads: [{ namespace: 'demo', name: 'vm-bridge' }],
    targetProject: 'demo',
  });
  assert.deepEqual(
    rows.map((row) => [row.source?.label, row.target?.type, row.suggestion?.reason]),
    [
      ['VM Network', 'pod', 'first-to-pod'],
      ['vm-bridge', 'multus', 'same-name-nad'],
      ['backup', 'ignored', 'pod-taken'],
    ],
  );
  assert.equal(networkRowsProblems(rows).secondPodKey, undefined);
  assert.deepEqual(networkRowsProblems(rows).incompleteKeys, []);
});

test('VMs that use no network give no rows', () => {
  assert.deepEqual(suggestNetworkRows({ usedNetworks: [], nads: [], targetProject: 'demo' }), []);
});
