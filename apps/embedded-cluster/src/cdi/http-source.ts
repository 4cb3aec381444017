// An `http` source as a RemoteImage: the secretRef's accessKeyId/secretKey become basic auth, the
// certConfigMap's certificates the CA bundle, extraHeaders and each secretExtraHeaders Secret's
// values ("Name: value") the headers, as CDI's importer reads them.
import type { CoreV1Api } from '@kubernetes/client-node';
import { isApiError } from '@forklift-console/controller-runtime';
import type { HttpSource } from './data-volume.ts';
import type { RemoteImage } from './remote-image.ts';

/** A reason the source cannot be read as it stands (missing Secret, bad header). */
export class SourceError extends Error {}

const decode = (value: string | undefined) =>
  value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');

const readSecretData = async (core: CoreV1Api, namespace: string, name: string) => {
  try {
    return (await core.readNamespacedSecret({ namespace, name })).data ?? {};
  } catch (error) {
    if (isApiError(error, 404)) throw new SourceError(`secret "${name}" not found`);
    throw error;
  }
};

const addHeader = (headers: Record<string, string>, line: string) => {
  const colon = line.indexOf(':');
  const name = line.slice(0, colon).trim();
  if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n]/.test(line)) {
    throw new SourceError('an extra header is not of the form "Name: value"');
  }
  headers[name] = line.slice(colon + 1).trim();
};

export const httpRemoteImage = async (
  core: CoreV1Api,
  namespace: string,
  source: HttpSource,
): Promise<RemoteImage> => {
  const headers: Record<string, string> = {};
  for (const line of source.extraHeaders ?? []) addHeader(headers, line);
  for (const name of source.secretExtraHeaders ?? []) {
    const data = await readSecretData(core, namespace, name);
    for (const value of Object.values(data)) addHeader(headers, decode(value) ?? '');
  }
  const image: RemoteImage = { url: source.url, headers };
  if (source.secretRef) {
    const data = await readSecretData(core, namespace, source.secretRef);
    const user = decode(data.accessKeyId);
    const password = decode(data.secretKey);
    if (user === undefined || password === undefined) {
      throw new SourceError(`secret "${source.secretRef}" lacks accessKeyId or secretKey`);
    }
    image.basicAuth = { user, password };
  }
  if (source.certConfigMap) {
    try {
      const configMap = await core.readNamespacedConfigMap({
        namespace,
        name: source.certConfigMap,
      });
      image.ca = Object.values(configMap.data ?? {}).join('\n');
    } catch (error) {
      if (isApiError(error, 404)) {
        throw new SourceError(`configmap "${source.certConfigMap}" not found`);
      }
      throw error;
    }
  }
  if (source.insecureSkipVerify) image.insecureSkipVerify = true;
  return image;
};
