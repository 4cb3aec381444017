// The `vddk` DataVolume source without VDDK. VMware's library cannot exist here, so the disk is
// read where vSphere also serves it: the datastore HTTPS interface of the same vCenter or ESXi,
// `GET /folder/<path>?dcPath=<datacenter>&dsName=<datastore>`. As VDDK would, this logs in with
// the Secret's credentials, finds the VM by UUID and trusts the server by its thumbprint; it then
// hands the importer the URL of the disk's flat extent and the session cookie to fetch it with.
import type { CoreV1Api, V1Secret } from '@kubernetes/client-node';
import {
  createSoapClient,
  dispatcherFor,
  formatThumbprint,
  normalizeThumbprint,
  presentedCertificate,
  VsphereFault,
  type SoapClient,
  type TlsOptions,
} from '@forklift-console/vsphere';
import { fetch, type Dispatcher } from 'undici';
import type { RemoteImage } from '../remote-image.ts';
import { flatExtentOf, parseDatastorePath, parseDescriptor } from './backing-file.ts';
import { VddkSourceError } from './errors.ts';
import { datacenterPathOf, findVm } from './vm-location.ts';

/** `spec.source.vddk` of a `cdi.kubevirt.io/v1beta1` DataVolume. */
export type VddkSource = {
  url?: string;
  uuid?: string;
  backingFile?: string;
  thumbprint?: string;
  secretRef?: string;
  certConfigMap?: string;
  initImageURL?: string;
  extraArgs?: string;
};

export type VddkDataVolume = {
  metadata?: { name?: string; namespace?: string };
  spec?: { source?: { vddk?: VddkSource } };
};

// A descriptor is a few hundred bytes; a VMDK that is not one (binary sparse) is not read whole.
const DESCRIPTOR_LIMIT = 64 * 1024;

const required = (source: VddkSource, field: 'url' | 'uuid' | 'backingFile' | 'secretRef') => {
  const value = source[field]?.trim();
  if (!value) {
    throw new VddkSourceError('InvalidSource', `spec.source.vddk.${field} is required`);
  }
  return value;
};

const sdkUrlOf = (url: string) => {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error();
    return parsed;
  } catch {
    throw new VddkSourceError(
      'InvalidSource',
      `spec.source.vddk.url "${url}" is not the https URL of a vCenter or ESXi SDK`,
    );
  }
};

const decoded = (secret: V1Secret, key: string) => {
  const value = secret.data?.[key];
  return value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');
};

const notFound = (error: unknown) => (error as { code?: number }).code === 404;

// CDI reads `accessKeyId`/`secretKey` (what Forklift writes into the DataVolume's Secret); a
// Forklift provider Secret holds `user`/`password`, and either kind is accepted.
const credentialsOf = async (core: CoreV1Api, namespace: string, name: string) => {
  const secret = await core.readNamespacedSecret({ namespace, name }).catch((error: unknown) => {
    if (!notFound(error)) throw error;
    throw new VddkSourceError(
      'SecretNotFound',
      `Secret ${namespace}/${name} (spec.source.vddk.secretRef) does not exist`,
    );
  });
  const user = decoded(secret, 'accessKeyId') ?? decoded(secret, 'user');
  const password = decoded(secret, 'secretKey') ?? decoded(secret, 'password');
  if (!user || password === undefined) {
    throw new VddkSourceError(
      'SecretNotFound',
      `Secret ${namespace}/${name} has no accessKeyId and secretKey (or user and password)`,
    );
  }
  return { user, password, secret };
};

const certConfigMapCa = async (core: CoreV1Api, namespace: string, name: string) => {
  const configMap = await core
    .readNamespacedConfigMap({ namespace, name })
    .catch((error: unknown) => {
      if (!notFound(error)) throw error;
      throw new VddkSourceError(
        'InvalidSource',
        `ConfigMap ${namespace}/${name} (spec.source.vddk.certConfigMap) does not exist`,
      );
    });
  // As CDI mounts it: every key is a certificate file.
  return Object.values(configMap.data ?? {}).join('\n');
};

type Trust = { tls: TlsOptions; image: Pick<RemoteImage, 'ca' | 'insecureSkipVerify'> };

/**
 * How the server is trusted: by thumbprint first, as VDDK does (the image then trusts exactly the
 * certificate that matched), else by a CA (certConfigMap, or the Secret's `cacert`), else not at
 * all if the Secret says `insecureSkipVerify`, else by the system's CAs.
 */
const trustOf = async (
  core: CoreV1Api,
  namespace: string,
  source: VddkSource,
  secret: V1Secret,
  sdkUrl: URL,
): Promise<Trust> => {
  if (sdkUrl.protocol !== 'https:') return { tls: {}, image: {} };
  const thumbprint = source.thumbprint?.trim() || decoded(secret, 'thumbprint')?.trim();
  if (thumbprint) {
    const host = sdkUrl.hostname.replace(/^\[|\]$/g, '');
    const presented = await presentedCertificate(host, Number(sdkUrl.port || 443)).catch(
      (error: Error) => {
        throw new VddkSourceError('Connection', `${sdkUrl.host}: ${error.message}`);
      },
    );
    if (presented.thumbprint !== normalizeThumbprint(thumbprint)) {
      throw new VddkSourceError(
        'ThumbprintMismatch',
        `${sdkUrl.host} presents a certificate with SHA-1 thumbprint ` +
          `${formatThumbprint(presented.thumbprint)}, not ${formatThumbprint(thumbprint)}`,
      );
    }
    return { tls: { thumbprint }, image: { ca: presented.pem } };
  }
  const ca = source.certConfigMap
    ? await certConfigMapCa(core, namespace, source.certConfigMap)
    : decoded(secret, 'cacert');
  if (ca?.trim()) return { tls: { ca }, image: { ca } };
  if (decoded(secret, 'insecureSkipVerify') === 'true') {
    return { tls: { insecureSkipVerify: true }, image: { insecureSkipVerify: true } };
  }
  return { tls: {}, image: {} };
};

const login = async (client: SoapClient, user: string, password: string, host: string) => {
  try {
    await client.login(user, password);
  } catch (error) {
    if (error instanceof VsphereFault && error.kind === 'InvalidLogin') {
      throw new VddkSourceError(
        'InvalidLogin',
        `${host} refused the login of ${user}: ${error.message} (InvalidLogin)`,
      );
    }
    throw new VddkSourceError('Connection', `${host}: ${(error as Error).message}`);
  }
};

/** The start of a datastore file (a descriptor is small); undefined for a 404. */
const readHead = async (url: string, headers: Record<string, string>, dispatcher: Dispatcher) => {
  const response = await fetch(url, {
    dispatcher,
    headers: { ...headers, range: `bytes=0-${DESCRIPTOR_LIMIT - 1}` },
  });
  if (response.status === 404) return undefined;
  if (!response.ok) {
    await response.body?.cancel();
    throw new VddkSourceError('Connection', `GET ${url} answered ${response.status}`);
  }
  const chunks: Buffer[] = [];
  let length = 0;
  // A server that ignores Range sends the whole file: stop reading at the limit.
  for await (const chunk of response.body!) {
    chunks.push(Buffer.from(chunk));
    length += chunk.length;
    if (length >= DESCRIPTOR_LIMIT) break;
  }
  return Buffer.concat(chunks).subarray(0, DESCRIPTOR_LIMIT);
};

/** The file's length in bytes (null when the server does not say); undefined for a 404. */
const fileSize = async (url: string, headers: Record<string, string>, dispatcher: Dispatcher) => {
  const response = await fetch(url, { dispatcher, method: 'HEAD', headers });
  if (response.status === 404) return undefined;
  if (!response.ok)
    throw new VddkSourceError('Connection', `HEAD ${url} answered ${response.status}`);
  const length = response.headers.get('content-length');
  return length === null ? null : Number(length);
};

/**
 * Resolves a DataVolume's `vddk` source to the disk image the importer reads: the flat extent of
 * `backingFile` (raw bytes, as many as the disk's capacity, in `rawSizeBytes`) on the datastore
 * interface of `url`, with the vSphere session cookie in
 * `headers.cookie` and the server's trust in `ca`/`insecureSkipVerify`, and a `note` for the
 * DataVolume's condition saying that VDDK was not used. Fails with a VddkSourceError naming the
 * cause: a missing field, Secret or VM, a refused login, a thumbprint mismatch, a file not found
 * or a disk that is not one flat extent. The session stays open for the importer to read with;
 * the image's `release` logs it out, as VDDK's disconnect does, once the import is over.
 */
export const vddkRemoteImage = async (
  core: CoreV1Api,
  dataVolume: VddkDataVolume,
): Promise<RemoteImage> => {
  const source = dataVolume.spec?.source?.vddk;
  if (!source) throw new VddkSourceError('InvalidSource', 'spec.source.vddk is missing');
  const namespace = dataVolume.metadata?.namespace;
  if (!namespace) throw new VddkSourceError('InvalidSource', 'metadata.namespace is required');
  const sdkUrl = sdkUrlOf(required(source, 'url'));
  const uuid = required(source, 'uuid');
  const backing = parseDatastorePath(required(source, 'backingFile'));
  const { user, password, secret } = await credentialsOf(
    core,
    namespace,
    required(source, 'secretRef'),
  );
  const trust = await trustOf(core, namespace, source, secret, sdkUrl);

  const client = createSoapClient(sdkUrl.toString(), trust.tls);
  const dispatcher = dispatcherFor(trust.tls);
  const release = async () => {
    // A session the server already ended (it idled out) has nothing left to log out.
    await client.logout().catch(() => undefined);
    await Promise.all([client.close(), dispatcher.close()]);
  };
  try {
    await login(client, user, password, sdkUrl.host);
    const datacenter = await datacenterPathOf(client, await findVm(client, uuid));
    const headers = { cookie: client.sessionCookie()! };
    const fileUrl = (datastorePath: string) => {
      const url = new URL(
        `/folder/${datastorePath.split('/').map(encodeURIComponent).join('/')}`,
        sdkUrl,
      );
      url.search = new URLSearchParams({
        dcPath: datacenter,
        dsName: backing.datastore,
      }).toString();
      return url.toString();
    };
    const where = `on datastore ${backing.datastore} of datacenter ${datacenter} at ${sdkUrl.host}`;

    const head = await readHead(fileUrl(backing.path), headers, dispatcher);
    if (!head) {
      throw new VddkSourceError('FileNotFound', `${backing.path} is not ${where} (404)`);
    }
    const descriptor = parseDescriptor(head.toString('latin1'));
    // ESXi keeps every disk a VM can use as a text descriptor beside its extents.
    if (!descriptor) {
      throw new VddkSourceError('UnsupportedDisk', `${backing.path} is not a VMDK descriptor`);
    }
    const extent = flatExtentOf(backing.path, descriptor);
    const imageUrl = fileUrl(extent.path);
    const size = await fileSize(imageUrl, headers, dispatcher);
    if (size === undefined) {
      throw new VddkSourceError('FileNotFound', `${extent.path} is not ${where} (404)`);
    }
    if (size !== null && size !== extent.sizeBytes) {
      throw new VddkSourceError(
        'UnsupportedDisk',
        `${extent.path} holds ${size} bytes where its descriptor says ${extent.sizeBytes}`,
      );
    }
    return {
      url: imageUrl,
      rawSizeBytes: extent.sizeBytes,
      headers,
      ...trust.image,
      note: `VDDK was not used: the disk is read through the datastore HTTPS interface of ${sdkUrl.host}`,
      release,
    };
  } catch (error) {
    await release();
    if (error instanceof VddkSourceError) throw error;
    throw new VddkSourceError('Connection', `${sdkUrl.host}: ${(error as Error).message}`);
  }
};
