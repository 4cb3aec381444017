// The SOAP client against vcsim, the vSphere API simulator (a real vim25 endpoint).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startVcsim, type Vcsim } from '../../../scripts/vcsim.ts';
import { createSoapClient, VsphereFault } from './soap-client.ts';

describe('vSphere SOAP client against vcsim', { timeout: 180_000 }, () => {
  let vcsim: Vcsim;

  before(async () => {
    vcsim = await startVcsim({ vms: 2 });
  });

  after(async () => {
    await vcsim?.stop();
  });

  test('reads the service content and logs in with the right credentials', async () => {
    const client = createSoapClient(vcsim.sdkUrl);
    const content = await client.serviceContent();
    assert.equal(content.about.apiType, 'VirtualCenter');
    assert.equal(content.rootFolder.type, 'Folder');
    const session = await client.login(vcsim.username, vcsim.password);
    assert.equal(session.userName, vcsim.username);
    await client.logout();
  });

  test('a wrong password is an InvalidLogin fault that does not repeat the password', async () => {
    const client = createSoapClient(vcsim.sdkUrl);
    await assert.rejects(client.login(vcsim.username, 'not-the-password'), (error) => {
      assert.ok(error instanceof VsphereFault);
      assert.equal(error.kind, 'InvalidLogin');
      assert.doesNotMatch(error.message, /not-the-password/);
      return true;
    });
  });
});
