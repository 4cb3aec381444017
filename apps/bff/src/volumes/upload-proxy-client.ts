// CDI's upload protocol as a client speaks it (virtctl image-upload, the console's upload form):
// an UploadTokenRequest for the claim, the proxy's address from CDIConfig `config`, and the image
// POSTed to `<proxy>/v1beta1/upload` with the token as a bearer. Every call to the API runs with
// the KubeConfig it is given, so the caller's RBAC decides.
import https from 'node:https';
import tls from 'node:tls';
import type { Readable } from 'node:stream';
import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import { CDIConfigModel, UploadTokenRequestModel } from '@forklift-console/api';

export type UploadProxy = { url: URL; ca: string[] };

export type ProxyAnswer = { statusCode: number; message: string };

/** The upload proxy could not be reached, or its address is not published. */
export class UploadProxyUnavailable extends Error {}

/** `status.token` of a new UploadTokenRequest for `pvcName`. */
export const requestUploadToken = async (
  kubeConfig: KubeConfig,
  namespace: string,
  pvcName: string,
): Promise<string> => {
  const { group, version, plural, kind } = UploadTokenRequestModel;
  const answer = (await kubeConfig.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    group,
    version,
    plural,
    namespace,
    body: {
      apiVersion: `${group}/${version}`,
      kind,
      metadata: { name: pvcName, namespace },
      spec: { pvcName },
    },
  })) as { status?: { token?: string } };
  const token = answer.status?.token;
  if (!token)
    throw new UploadProxyUnavailable('The UploadTokenRequest was answered without a token');
  return token;
};

/**
 * Where the proxy is and whom to trust: CDI writes a host without a scheme (the route's), a URL
 * is taken as given; the system's CAs, the cluster's and CDI's `uploadProxyCA` are trusted.
 */
export const readUploadProxy = async (kubeConfig: KubeConfig): Promise<UploadProxy> => {
  const { group, version, plural } = CDIConfigModel;
  const config = (await kubeConfig.makeApiClient(CustomObjectsApi).getClusterCustomObject({
    group,
    version,
    plural,
    name: 'config',
  })) as { status?: { uploadProxyURL?: string; uploadProxyCA?: string } };
  const address = config.status?.uploadProxyURL;
  if (!address) throw new UploadProxyUnavailable('CDIConfig config names no upload proxy');
  const clusterCa = kubeConfig.getCurrentCluster()?.caData;
  return {
    url: new URL('/v1beta1/upload', /^https?:\/\//.test(address) ? address : `https://${address}`),
    ca: [
      ...tls.rootCertificates,
      ...(clusterCa ? [Buffer.from(clusterCa, 'base64').toString('utf8')] : []),
      ...(config.status?.uploadProxyCA ? [config.status.uploadProxyCA] : []),
    ],
  };
};

/** Streams `body` to the proxy; resolves with its answer, whatever the status. */
export const sendToProxy = (
  proxy: UploadProxy,
  token: string,
  body: Readable,
  contentLength: string | undefined,
): Promise<ProxyAnswer> =>
  new Promise((resolve, reject) => {
    const request = https.request(
      proxy.url,
      {
        method: 'POST',
        ca: proxy.ca,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/octet-stream',
          ...(contentLength ? { 'content-length': contentLength } : {}),
        },
      },
      (response) => {
        let message = '';
        response.setEncoding('utf8').on('data', (chunk: string) => {
          message = (message + chunk).slice(0, 4096);
        });
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 502, message }));
        response.on('error', reject);
      },
    );
    request.on('error', (error) =>
      reject(new UploadProxyUnavailable(`The upload proxy cannot be reached: ${error.message}`)),
    );
    // A client that goes away mid-body ends the upload: the proxy sees it cut, not complete.
    body.on('error', (error) => request.destroy(error));
    body.on('close', () => {
      if (!body.readableEnded) request.destroy(new Error('the client went away'));
    });
    body.pipe(request);
  });
