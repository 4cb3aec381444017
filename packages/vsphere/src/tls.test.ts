// Trust by thumbprint against vcsim over HTTPS, whose self-signed certificate no CA vouches for.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startVcsim, type Vcsim } from '../../../scripts/vcsim.ts';
import { createSoapClient, VsphereFault } from './soap-client.ts';
import { formatThumbprint, normalizeThumbprint, presentedCertificate } from './tls.ts';

describe('certificate thumbprints', { timeout: 180_000 }, () => {
  let vcsim: Vcsim;
  let thumbprint: string;

  before(async () => {
    vcsim = await startVcsim({ vms: 1 }, undefined, { tls: true });
    const url = new URL(vcsim.sdkUrl);
    thumbprint = (await presentedCertificate(url.hostname, Number(url.port))).thumbprint;
  });

  after(() => vcsim?.stop());

  test('every spelling of a thumbprint is the same one', () => {
    assert.equal(normalizeThumbprint('ab:cd:0f'), 'ABCD0F');
    assert.equal(normalizeThumbprint('AB CD 0F'), 'ABCD0F');
    assert.equal(formatThumbprint('abcd0f'), 'AB:CD:0F');
  });

  test('the system CAs refuse the self-signed certificate; its thumbprint lets the client in', async () => {
    const untrusted = createSoapClient(vcsim.sdkUrl);
    await assert.rejects(untrusted.serviceContent(), (error) => {
      assert.ok(error instanceof VsphereFault);
      assert.equal(error.kind, 'Connection');
      return true;
    });
    await untrusted.close();
    const pinned = createSoapClient(vcsim.sdkUrl, { thumbprint: formatThumbprint(thumbprint) });
    assert.equal((await pinned.login(vcsim.username, vcsim.password)).userName, vcsim.username);
    await pinned.logout();
    await pinned.close();
  });

  test('another thumbprint is refused on connecting, naming both', async () => {
    const other = '01'.repeat(20);
    const client = createSoapClient(vcsim.sdkUrl, { thumbprint: other });
    await assert.rejects(client.serviceContent(), (error) => {
      assert.ok(error instanceof VsphereFault);
      assert.match(
        error.message,
        new RegExp(`${formatThumbprint(thumbprint)}, not the expected ${formatThumbprint(other)}`),
      );
      return true;
    });
    await client.close();
  });
});
