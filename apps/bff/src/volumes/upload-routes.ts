// `POST /api/v1/namespaces/:namespace/datavolumes/:name/upload`: a disk image (raw, qcow2 or VMDK)
// as the raw body, streamed, never buffered whole, into a DataVolume whose source is `upload`.
// The BFF speaks CDI's upload protocol with the caller's credentials (get datavolumes, create
// uploadtokenrequests, get cdiconfigs) and never touches volume files: in a cluster CDI's upload
// proxy takes the bytes, standalone the embedded cluster's.
import type { FastifyPluginAsync } from 'fastify';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Readable } from 'node:stream';
import { DataVolumeModel } from '@forklift-console/api';
import { sendError, sendKubeError } from '../http/errors.ts';
import { errorSchema, objectParamsSchema } from '../http/schemas.ts';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { objectsOf } from '../kube/objects.ts';
import {
  readUploadProxy,
  requestUploadToken,
  sendToProxy,
  UploadProxyUnavailable,
  type ProxyAnswer,
  type UploadProxy,
} from './upload-proxy-client.ts';

type UploadDataVolume = {
  metadata: { name: string; namespace: string };
  spec?: { source?: Record<string, unknown> };
  status?: { phase?: string; claimName?: string };
};

const IMAGE_CONTENT_TYPE = 'application/octet-stream';

/** Why this DataVolume takes no upload now, or undefined when it does. */
export const uploadProblem = (dv: UploadDataVolume): string | undefined => {
  const { name } = dv.metadata;
  const source = Object.keys(dv.spec?.source ?? {})[0];
  if (source !== 'upload') {
    return `DataVolume ${name} does not take uploads: its source is ${source ?? 'not set'}`;
  }
  if (dv.status?.phase === 'Succeeded') return `DataVolume ${name} has already been uploaded`;
  if (dv.status?.phase === 'Failed') return `DataVolume ${name} has failed`;
  return undefined;
};

/** The proxy's answer as this route's: its reason kept, its 503 for a finished claim a 409. */
const proxyFailure = ({ statusCode, message }: ProxyAnswer): [number, string] => {
  const reason = message.trim() || `the upload proxy answered ${statusCode}`;
  if (statusCode === 400) return [400, reason];
  if (statusCode === 503 && /already finished uploading/.test(reason)) return [409, reason];
  if (statusCode === 503) return [503, reason];
  return [502, `The upload proxy refused the upload (${statusCode}): ${reason}`];
};

type UploadGrant = { proxy: UploadProxy; token: string; claimName: string };

/**
 * What sending the image takes, asked with the caller's credentials: the DataVolume (it must take
 * an upload), the proxy's address and a token for its claim; a string says why there is none.
 */
const grantUpload = async (
  userConfig: KubeConfig,
  namespace: string,
  name: string,
): Promise<UploadGrant | string> => {
  const dv = await objectsOf<UploadDataVolume>(userConfig, DataVolumeModel).get({
    namespace,
    name,
  });
  const problem = uploadProblem(dv);
  if (problem) return problem;
  // CDI names a DataVolume's claim after it.
  const claimName = dv.status?.claimName ?? name;
  const proxy = await readUploadProxy(userConfig);
  return { proxy, token: await requestUploadToken(userConfig, namespace, claimName), claimName };
};

const uploadedSchema = {
  type: 'object',
  properties: {
    namespace: { type: 'string' },
    name: { type: 'string' },
    claimName: { type: 'string' },
  },
  required: ['namespace', 'name', 'claimName'],
} as const;

export const dataVolumeUploadRoutes: FastifyPluginAsync<{ connection: KubeConnection }> = async (
  app,
  { connection },
) => {
  // The body stays a stream: the handler pipes it to the proxy (and so no body limit applies).
  app.addContentTypeParser(IMAGE_CONTENT_TYPE, (_request, payload, done) => done(null, payload));

  app.post<{ Params: { namespace: string; name: string }; Body: Readable }>(
    '/api/v1/namespaces/:namespace/datavolumes/:name/upload',
    {
      schema: {
        params: objectParamsSchema,
        response: {
          200: uploadedSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
          415: errorSchema,
          502: errorSchema,
          503: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { namespace, name } = request.params;
      // JSON and text bodies have Fastify's own parsers; only the image type arrives as a stream.
      if (typeof (request.body as Partial<Readable> | undefined)?.pipe !== 'function') {
        return sendError(reply, 415, `body must be the disk image, sent as ${IMAGE_CONTENT_TYPE}`);
      }
      let upload: UploadGrant | string;
      try {
        upload = await grantUpload(
          kubeConfigForRequest(connection, request.caller),
          namespace,
          name,
        );
      } catch (error) {
        // Refused before the proxy gets the image, the body is read and dropped, so that the
        // client can finish sending and read the answer (a connection closed under it shows a
        // reset).
        request.body.resume();
        if (error instanceof UploadProxyUnavailable) return sendError(reply, 503, error.message);
        return sendKubeError(reply, error);
      }
      if (typeof upload === 'string') {
        request.body.resume();
        return sendError(reply, 409, upload);
      }
      const { proxy, token, claimName } = upload;
      let answer: ProxyAnswer;
      try {
        answer = await sendToProxy(proxy, token, request.body, request.headers['content-length']);
      } catch (error) {
        if (error instanceof UploadProxyUnavailable) return sendError(reply, 503, error.message);
        throw error;
      }
      if (answer.statusCode !== 200) return sendError(reply, ...proxyFailure(answer));
      request.log.info({ namespace, dataVolume: name }, 'disk image uploaded');
      return reply.code(200).send({ namespace, name, claimName });
    },
  );
};
