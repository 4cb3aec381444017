// The embedded cluster's CDI upload proxy: HTTPS on the loopback address with the cluster's serving
// certificate (so a client trusts it by the kubeconfig's CA), CDI's sync upload path
// `POST /v1beta1/upload` with `Authorization: Bearer <token from an UploadTokenRequest>`. The body
// is the disk image, raw, qcow2 or VMDK. One upload per claim at a time, as CDI's upload server.
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CoreV1Api } from '@kubernetes/client-node';
import type { CertifiedKey } from '../../api/certificates.ts';
import { uploadTokenKey, verifyUploadToken, type UploadGrant } from '../../api/upload-tokens.ts';
import type { ClusterLogger } from '../../logger.ts';
import { uploadIntoClaim, UploadRefusal } from './upload-into-claim.ts';

/** CDI's sync upload paths (v1alpha1 is the older spelling clients still use). */
const UPLOAD_PATHS = new Set(['/v1beta1/upload', '/v1alpha1/upload']);
const BEARER = /^Bearer\s+(\S+)$/i;

export type UploadProxy = {
  /** `127.0.0.1:<port>`, as CDIConfig's `status.uploadProxyURL` names it (host, no scheme). */
  address: string;
  stop(): Promise<void>;
};

const answer = (response: ServerResponse, status: number, message: string) => {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
  });
  response.end(message);
};

/** The grant the request's bearer token carries; undefined when there is none or it is not ours. */
const grantOf = (key: Buffer, request: IncomingMessage): UploadGrant | undefined => {
  const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
  return token === undefined ? undefined : verifyUploadToken(key, token);
};

export const startUploadProxy = async ({
  core,
  dataDir,
  servingCredential,
  logger,
}: {
  core: CoreV1Api;
  dataDir: string;
  servingCredential: CertifiedKey;
  logger: ClusterLogger;
}): Promise<UploadProxy> => {
  const key = uploadTokenKey(dataDir);
  const uploading = new Set<string>();
  const stopping = new AbortController();

  const serveUpload = async (request: IncomingMessage, response: ServerResponse) => {
    const grant = grantOf(key, request);
    if (!grant) {
      // Drained, not read: an unauthenticated client gets its answer without sending gigabytes.
      request.resume();
      return answer(response, 401, 'a valid upload token is required');
    }
    const claimKey = `${grant.namespace}/${grant.pvcName}`;
    if (uploading.has(claimKey)) {
      request.resume();
      return answer(response, 503, `an upload into PVC ${grant.pvcName} is already in progress`);
    }
    uploading.add(claimKey);
    try {
      await uploadIntoClaim(
        { core, dataDir },
        { namespace: grant.namespace, name: grant.pvcName },
        request,
        stopping.signal,
      );
      answer(response, 200, '');
    } catch (error) {
      if (error instanceof UploadRefusal) {
        logger.warn({ claim: claimKey, reason: error.message }, 'upload refused');
        request.resume();
        return answer(response, error.status, error.message);
      }
      logger.error({ claim: claimKey, err: String(error) }, 'upload failed');
      answer(response, 500, 'the upload failed; see the cluster log');
    } finally {
      uploading.delete(claimKey);
    }
  };

  const server = https.createServer(
    { key: servingCredential.key, cert: servingCredential.certificate },
    (request, response) => {
      const { pathname } = new URL(request.url ?? '/', 'https://upload-proxy');
      if (pathname === '/healthz' && request.method === 'GET') return answer(response, 200, 'OK');
      if (!UPLOAD_PATHS.has(pathname)) return answer(response, 404, 'not found');
      if (request.method !== 'POST') return answer(response, 405, 'POST an image to upload it');
      serveUpload(request, response).catch((error: unknown) => {
        logger.error({ err: String(error) }, 'upload request failed');
        answer(response, 500, 'the upload failed; see the cluster log');
      });
    },
  );
  // An upload may take long; the server's default request timeout would cut it.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    async stop() {
      stopping.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
