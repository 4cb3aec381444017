import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TRANSFER_NETWORK_ANNOTATION, type Provider } from '@forklift-console/api';
import {
  cniTypeOf,
  defaultTransferNetworkOf,
  networkRows,
  transferNetworkChoices,
  transferNetworkPatch,
  type InventoryNad,
} from './openshift-networks.ts';

const nad = (namespace: string, name: string, config?: string): InventoryNad => ({
  uid: `${namespace}-${name}`,
  id: `${namespace}-${name}`,
  version: '1',
  namespace,
  name,
  selfLink: `providers/openshift/p/networkattachmentdefinitions/${name}`,
  object: { spec: config === undefined ? {} : { config } },
});

const provider = (annotations?: Record<string, string>): Provider => ({
  apiVersion: 'forklift.konveyor.io/v1beta1',
  kind: 'Provider',
  metadata: { name: 'host', namespace: 'openshift-mtv', annotations },
  spec: { type: 'openshift', url: '', secret: {} },
});

describe('OpenShift networks', () => {
  test('the CNI type is the config’s type, or the first plugin’s of a plugin list', () => {
    assert.equal(
      cniTypeOf('{"cniVersion":"0.3.1","name":"br","type":"bridge","bridge":"br1"}'),
      'bridge',
    );
    assert.equal(
      cniTypeOf(
        '{"cniVersion":"0.4.0","name":"l","plugins":[{"type":"macvlan"},{"type":"tuning"}]}',
      ),
      'macvlan',
    );
  });

  test('a config that is absent, not JSON or names no type has no CNI type', () => {
    assert.equal(cniTypeOf(undefined), undefined);
    assert.equal(cniTypeOf(''), undefined);
    assert.equal(cniTypeOf('{"type": "bridge"'), undefined);
    assert.equal(cniTypeOf('"bridge"'), undefined);
    assert.equal(cniTypeOf('{"name":"x","plugins":[]}'), undefined);
    assert.equal(cniTypeOf('{"type":42}'), undefined);
  });

  test('the pod network comes first, then the NADs by project and name, with their types', () => {
    const rows = networkRows(
      [
        nad('demo', 'vm-bridge', '{"type":"bridge"}'),
        nad('demo', 'migration-net', '{"type":"macvlan"}'),
        nad('default', 'shared'),
      ],
      undefined,
    );
    assert.deepEqual(
      rows.map(({ key, cniType, isPodNetwork }) => [key, cniType, isPodNetwork]),
      [
        ['', undefined, true],
        ['default/shared', undefined, false],
        ['demo/migration-net', 'macvlan', false],
        ['demo/vm-bridge', 'bridge', false],
      ],
    );
  });

  test('the default is the annotated network, or the pod network while none is set', () => {
    const nads = [nad('demo', 'vm-bridge'), nad('demo', 'migration-net')];
    assert.deepEqual(
      networkRows(nads, undefined)
        .filter((row) => row.isDefault)
        .map((row) => row.key),
      [''],
    );
    assert.deepEqual(
      networkRows(nads, 'demo/migration-net')
        .filter((row) => row.isDefault)
        .map((row) => row.key),
      ['demo/migration-net'],
    );
  });

  test('the default transfer network is read from the provider’s annotation', () => {
    assert.equal(defaultTransferNetworkOf(provider()), undefined);
    assert.equal(
      defaultTransferNetworkOf(provider({ [DEFAULT_TRANSFER_NETWORK_ANNOTATION]: '' })),
      undefined,
    );
    assert.equal(
      defaultTransferNetworkOf(
        provider({ [DEFAULT_TRANSFER_NETWORK_ANNOTATION]: 'demo/vm-bridge' }),
      ),
      'demo/vm-bridge',
    );
  });

  test('setting the network patches the annotation; the pod network removes it', () => {
    assert.deepEqual(transferNetworkPatch('demo/vm-bridge'), {
      metadata: {
        annotations: { 'forklift.konveyor.io/defaultTransferNetwork': 'demo/vm-bridge' },
      },
    });
    assert.deepEqual(transferNetworkPatch(undefined), {
      metadata: { annotations: { 'forklift.konveyor.io/defaultTransferNetwork': null } },
    });
  });

  test('the modal offers the NADs, and keeps a stored network the inventory no longer lists', () => {
    const nads = [nad('demo', 'vm-bridge'), nad('demo', 'migration-net')];
    assert.deepEqual(transferNetworkChoices(nads, undefined), [
      'demo/migration-net',
      'demo/vm-bridge',
    ]);
    assert.deepEqual(transferNetworkChoices(nads, 'demo/vm-bridge'), [
      'demo/migration-net',
      'demo/vm-bridge',
    ]);
    assert.deepEqual(transferNetworkChoices(nads, 'lab/gone'), [
      'lab/gone',
      'demo/migration-net',
      'demo/vm-bridge',
    ]);
  });
});
