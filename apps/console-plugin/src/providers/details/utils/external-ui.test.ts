import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PROVIDER_UI_ANNOTATION,
  defaultExternalUiLink,
  externalUiLink,
  isValidExternalUiLink,
} from './external-ui.ts';

describe('external web UI link', () => {
  test('vSphere links to the vSphere Client on the SDK host', () => {
    assert.equal(
      defaultExternalUiLink('vsphere', 'https://vcenter.lab.example:8443/sdk'),
      'https://vcenter.lab.example/ui',
    );
  });

  test('other products link to where they publish their console', () => {
    assert.equal(
      defaultExternalUiLink('ovirt', 'https://engine.example/ovirt-engine/api'),
      'https://engine.example/ovirt-engine/webadmin',
    );
    assert.equal(
      defaultExternalUiLink('openshift', 'https://api.cluster.example:6443'),
      'https://console-openshift-console.apps.cluster.example',
    );
    assert.equal(defaultExternalUiLink('openshift', 'https://k8s.example:6443'), undefined);
    assert.equal(defaultExternalUiLink('ova', 'nfs.example:/ova'), undefined);
  });

  test('no URL, no default', () => {
    assert.equal(defaultExternalUiLink('vsphere', ''), undefined);
    assert.equal(defaultExternalUiLink('vsphere', 'not a url'), undefined);
  });

  test('the annotation wins over the default', () => {
    const provider = {
      metadata: { annotations: { [PROVIDER_UI_ANNOTATION]: 'https://custom.example/' } },
      spec: { type: 'vsphere', url: 'https://vc.example/sdk', secret: {} },
    };
    assert.equal(externalUiLink(provider), 'https://custom.example/');
    assert.equal(externalUiLink({ ...provider, metadata: {} }), 'https://vc.example/ui');
  });

  test('only absolute http(s) links can be stored', () => {
    assert.equal(isValidExternalUiLink('https://vc.example/ui'), true);
    assert.equal(isValidExternalUiLink(' http://vc.example '), true);
    assert.equal(isValidExternalUiLink('vc.example/ui'), false);
    assert.equal(isValidExternalUiLink('javascript:alert(1)'), false);
  });
});
