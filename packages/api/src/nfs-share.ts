// The share rule of an OVA provider's URL, an NFS export in either of Forklift's spellings:
// `server:/export/path` or `nfs://server/export/path`. The create form, the create route, the
// provider controller and the OVA inventory's share folder all apply this one rule, and so does
// the embedded cluster when a pod mounts an NFS PersistentVolume: standalone, a share is the local
// folder `<share root>/<server>/<export path>`.

export type NfsShare = { server: string; exportPath: string };

export type NfsShareProblem = 'missing' | 'not-share' | 'dot-segments';

export const NFS_SHARE_MESSAGES: Record<NfsShareProblem, string> = {
  missing: 'An NFS share is required.',
  'not-share': 'Enter the NFS share as host:/path or nfs://host/path.',
  'dot-segments': 'The path of the NFS share must not contain "." or ".." segments.',
};

const SERVER = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/**
 * The server and the export path, normalized (no empty segments, no trailing slash), or why the
 * URL is not a share. "." and ".." are refused because the BFF maps a share to a local folder,
 * which such a path would climb out of.
 */
export const parseNfsShare = (
  url: string,
): { share: NfsShare; problem?: undefined } | { share?: undefined; problem: NfsShareProblem } => {
  const text = url.trim();
  if (text === '') return { problem: 'missing' };
  const match = text.startsWith('nfs://')
    ? /^nfs:\/\/([^/]+)(\/\S*)$/.exec(text)
    : /^([^:/]+):(\/(?!\/)\S*)$/.exec(text);
  const server = match?.[1];
  const exportPath = match?.[2];
  if (!server || !exportPath || !SERVER.test(server)) return { problem: 'not-share' };
  const segments = exportPath.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { problem: 'dot-segments' };
  }
  return { share: { server, exportPath: `/${segments.join('/')}` } };
};

/** The message for a URL that is not an NFS share, or undefined. */
export const nfsShareError = (url: string): string | undefined => {
  const { problem } = parseNfsShare(url);
  return problem && NFS_SHARE_MESSAGES[problem];
};

/**
 * The local folder standing for `share` under `shareRoot` (an absolute path): the one rule by which
 * the BFF's OVA inventory and the embedded cluster's NFS volumes find a share on this machine.
 */
export const nfsShareFolder = (share: NfsShare, shareRoot: string): string =>
  [
    shareRoot.replace(/\/+$/, ''),
    share.server,
    ...share.exportPath.split('/').filter(Boolean),
  ].join('/');
