// UploadTokenRequest (upload.cdi.kubevirt.io/v1beta1), as CDI's API server answers it: nothing is
// stored, the answer's `status.token` lets its bearer upload into `spec.pvcName` of the request's
// namespace for a few minutes. CDI signs a JWT with its API server's key and the upload proxy checks
// it; here the token is an HMAC-SHA256 over namespace, claim and expiry with a key kept under
// DATA_DIR/pki, checked by the CDI worker's upload proxy (cdi/upload/).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDirectory, restrictToOwner } from './private-files.ts';
import { badRequest } from './status.ts';

/** CDI's tokens last five minutes: long enough to start an upload, which then runs to its end. */
export const UPLOAD_TOKEN_LIFETIME_MS = 5 * 60_000;

export type UploadGrant = { namespace: string; pvcName: string };

/** DATA_DIR/pki/upload-token.key (0600), made on first use. */
export const uploadTokenKey = (dataDir: string): Buffer => {
  const dir = path.join(dataDir, 'pki');
  ensurePrivateDirectory(dir);
  const file = path.join(dir, 'upload-token.key');
  try {
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  restrictToOwner(file);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
};

const signature = (key: Buffer, payload: string) =>
  createHmac('sha256', key).update(payload).digest('base64url');

export const signUploadToken = (key: Buffer, grant: UploadGrant, now = Date.now()): string => {
  const payload = Buffer.from(
    JSON.stringify({ ...grant, expires: now + UPLOAD_TOKEN_LIFETIME_MS }),
  ).toString('base64url');
  return `${payload}.${signature(key, payload)}`;
};

/** What the token grants, or undefined when it is forged, malformed or expired. */
export const verifyUploadToken = (
  key: Buffer,
  token: string,
  now = Date.now(),
): UploadGrant | undefined => {
  const [payload, signed, ...rest] = token.split('.');
  if (!payload || !signed || rest.length > 0) return undefined;
  const expected = Buffer.from(signature(key, payload));
  const given = Buffer.from(signed);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { namespace, pvcName, expires } = JSON.parse(
      Buffer.from(payload, 'base64url').toString('utf8'),
    ) as Partial<UploadGrant & { expires: number }>;
    if (typeof namespace !== 'string' || typeof pvcName !== 'string') return undefined;
    if (typeof expires !== 'number' || expires < now) return undefined;
    return { namespace, pvcName };
  } catch {
    return undefined;
  }
};

type UploadTokenRequestBody = {
  metadata?: { name?: string };
  spec?: { pvcName?: unknown };
};

/** The answer to creating an UploadTokenRequest in `namespace` (RBAC has allowed the create). */
export const uploadTokenRequest = (key: Buffer, namespace: string, body: unknown) => {
  const request = (body ?? {}) as UploadTokenRequestBody;
  const pvcName = request.spec?.pvcName;
  if (typeof pvcName !== 'string' || pvcName === '') {
    throw badRequest('spec.pvcName: Required value: the PVC to upload into');
  }
  return {
    apiVersion: 'upload.cdi.kubevirt.io/v1beta1',
    kind: 'UploadTokenRequest',
    metadata: {
      ...(request.metadata?.name ? { name: request.metadata.name } : {}),
      namespace,
      creationTimestamp: null,
    },
    spec: { pvcName },
    status: { token: signUploadToken(key, { namespace, pvcName }) },
  };
};
