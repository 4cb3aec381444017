// Where an OVA provider's NFS share is on this machine. In a cluster Forklift mounts the export in
// a pod; standalone, the BFF reads a local folder instead: `server:/export/path` (Forklift's form)
// or `nfs://server/export/path` maps to `<share root>/<server>/export/path`, where the share root
// is `--ova-share-root` / OVA_SHARE_ROOT (default `<data dir>/ova-shares`).
import path from 'node:path';

export class ShareUrlError extends Error {}

const SERVER = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/** Server and export path of an OVA provider URL, or why it is not one. */
export const parseShareUrl = (url: string): { server: string; exportPath: string } => {
  const text = url.trim();
  const match = text.startsWith('nfs://')
    ? /^nfs:\/\/([^/]+)(\/.*)$/.exec(text)
    : /^([^:/]+):(\/(?!\/).*)$/.exec(text);
  const server = match?.[1];
  const exportPath = match?.[2];
  if (!server || !exportPath || !SERVER.test(server)) {
    throw new ShareUrlError(
      `"${url}" is not an NFS share: use server:/export/path or nfs://server/export/path`,
    );
  }
  const segments = exportPath.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    throw new ShareUrlError(`"${url}" must not contain "." or ".." segments`);
  }
  return { server, exportPath: `/${segments.join('/')}` };
};

/** The local folder that stands for the share of this URL. */
export const localShareDir = (url: string, shareRoot: string): string => {
  const { server, exportPath } = parseShareUrl(url);
  return path.join(path.resolve(shareRoot), server, ...exportPath.split('/').filter(Boolean));
};
