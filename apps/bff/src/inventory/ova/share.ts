// Where an OVA provider's NFS share is on this machine. In a cluster Forklift mounts the export in
// a pod; standalone, the BFF reads a local folder instead: `server:/export/path` (Forklift's form)
// or `nfs://server/export/path` maps to `<share root>/<server>/export/path`, where the share root
// is `--ova-share-root` / OVA_SHARE_ROOT (default `<data dir>/ova-shares`).
import path from 'node:path';
import { NFS_SHARE_MESSAGES, nfsShareFolder, parseNfsShare } from '@forklift-console/api';

/** Thrown for an OVA provider URL that is not an NFS share; the message is the share rule's. */
export class ShareUrlError extends Error {}

/** The local folder that stands for the share of this URL. */
export const localShareDir = (url: string, shareRoot: string): string => {
  const { share, problem } = parseNfsShare(url);
  if (problem) throw new ShareUrlError(NFS_SHARE_MESSAGES[problem]);
  return nfsShareFolder(share, path.resolve(shareRoot));
};
