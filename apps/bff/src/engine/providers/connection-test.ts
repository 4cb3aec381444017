// The vSphere connection test: a SOAP login with the Secret's credentials, the endpoint type checked
// against settings.sdkEndpoint, the session closed again (vCenter limits open sessions, and the
// test repeats every 30 s). A failure becomes the condition that tells the user what to fix.
import { connect } from 'node:tls';
import { isIP } from 'node:net';
import { once } from 'node:events';
import { createSoapClient, VsphereFault } from '@forklift-console/vsphere';
import type { ConditionInput } from '../conditions.ts';
import type { VsphereConnection } from './vsphere-connection.ts';

export type ConnectionTestResult =
  { ok: true; fingerprint?: string } | { ok: false; condition: ConditionInput };

export const CONNECTION_TEST_TIMEOUT_MS = 20_000;

/** The API type vSphere reports for each `sdkEndpoint` setting. */
const API_TYPES: Record<string, { apiType: string; label: string }> = {
  vcenter: { apiType: 'VirtualCenter', label: 'a vCenter' },
  esxi: { apiType: 'HostAgent', label: 'an ESXi host' },
};

const failed = (message: string): ConnectionTestResult => ({
  ok: false,
  condition: { type: 'ConnectionTestFailed', category: 'Critical', reason: 'Tested', message },
});

export const CERTIFICATE_PROBLEM =
  /self[- ]signed|unable to (verify|get (local )?issuer)|certificate (has expired|is not yet valid)|altnames|CERT_/i;

/** Turns what went wrong into a sentence that says what to fix, without any credential in it. */
export const describeFailure = (error: unknown, sdkUrl: string): ConnectionTestResult => {
  if (!(error instanceof VsphereFault)) {
    return failed(`The connection test failed: ${(error as Error).message}`);
  }
  if (error.kind === 'InvalidLogin') {
    return {
      ok: false,
      condition: {
        type: 'ConnectionAuthFailed',
        category: 'Critical',
        reason: 'Tested',
        message: 'Login failed: incorrect user name or password.',
      },
    };
  }
  if (error.kind === 'Connection') {
    const cause = error.message.startsWith(`${sdkUrl}: `)
      ? error.message.slice(sdkUrl.length + 2)
      : error.message;
    const { host } = new URL(sdkUrl);
    if (CERTIFICATE_PROBLEM.test(cause)) {
      // Node appends advice about its own trust store flags, which means nothing to a user here.
      const problem = cause.split(';')[0];
      return failed(
        `The TLS certificate of ${host} is not trusted (${problem}). Put the CA certificate in the Secret's cacert, or skip certificate verification.`,
      );
    }
    if (/ECONNREFUSED/.test(cause))
      return failed(`Could not connect to ${host}: connection refused.`);
    if (/ENOTFOUND|EAI_AGAIN/.test(cause))
      return failed(`Could not resolve the host name ${host}.`);
    return failed(`Could not connect to ${host}: ${cause}`);
  }
  if (error.kind === 'InvalidResponse') {
    return failed(`${sdkUrl} is not a vSphere SDK endpoint: it did not answer with SOAP.`);
  }
  return failed(`vSphere refused the connection test (${error.kind}): ${error.message}`);
};

/** The server certificate's SHA-1 fingerprint (AA:BB:…), as Forklift records for VDDK. */
const readFingerprint = async (sdkUrl: string, tls: VsphereConnection['tls']): Promise<string> => {
  const { hostname, port } = new URL(sdkUrl);
  const host = hostname.replace(/^\[|\]$/g, '');
  const socket = connect({
    host,
    port: Number(port || 443),
    ...(isIP(host) ? {} : { servername: host }),
    ...(tls.ca ? { ca: tls.ca } : {}),
    rejectUnauthorized: !tls.insecureSkipVerify,
  });
  try {
    await once(socket, 'secureConnect');
    return socket.getPeerCertificate().fingerprint;
  } finally {
    socket.destroy();
  }
};

const withTimeout = async <T>(work: Promise<T>, timeoutMs: number, sdkUrl: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new VsphereFault('Connection', `${sdkUrl}: no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

export const testVsphereConnection = async (
  connection: VsphereConnection,
  timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
): Promise<ConnectionTestResult> => {
  const { sdkUrl, username, password, tls, sdkEndpoint } = connection;
  const client = createSoapClient(sdkUrl, tls);
  let loggedIn = false;
  try {
    return await withTimeout(
      (async (): Promise<ConnectionTestResult> => {
        const { about } = await client.serviceContent();
        await client.login(username, password);
        loggedIn = true;
        const expected = sdkEndpoint ? API_TYPES[sdkEndpoint] : undefined;
        if (expected && about.apiType !== expected.apiType) {
          const actual = Object.values(API_TYPES).find((type) => type.apiType === about.apiType);
          return failed(
            `The SDK endpoint is set to ${sdkEndpoint}, but ${sdkUrl} is ${actual?.label ?? about.apiType}.`,
          );
        }
        const fingerprint = sdkUrl.startsWith('https:')
          ? await readFingerprint(sdkUrl, tls)
          : undefined;
        return { ok: true, ...(fingerprint ? { fingerprint } : {}) };
      })(),
      timeoutMs,
      sdkUrl,
    );
  } catch (error) {
    return describeFailure(error, sdkUrl);
  } finally {
    // Not awaited: after a timeout the request may still hang, and the test has its answer.
    const release = loggedIn ? client.logout().catch(() => undefined) : Promise.resolve();
    void release.then(() => client.close());
  }
};
