// What 50 clients ask the inventory API for: the reads a console makes besides the full VM list,
// which is measured on its own line because its body is megabytes. Every tenth request of a
// client: 4 × one VM by id, 4 × a page of 100 VMs, 1 × hosts, 1 × the provider with its counts.
// Ids and offsets are spread by a fixed formula, so every run asks the same things.

const PAGE_SIZE = 100;

/** The baselines' routes, in the same app: a trivial JSON answer, and prepared bytes. */
export const OK_PATH = '/bench/ok';
export const PREPARED_VMS_PATH = '/bench/vms-bytes';

export const mixedPath = (
  base: string,
  vmIds: readonly string[],
  client: number,
  sequence: number,
): string => {
  // Large primes keep neighbouring clients and requests far apart in the VM list.
  const spread = (client * 7919 + sequence * 104_729) % vmIds.length;
  switch (sequence % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      return `${base}/vms/${encodeURIComponent(vmIds[spread]!)}`;
    case 4:
    case 5:
    case 6:
    case 7: {
      const pages = Math.ceil(vmIds.length / PAGE_SIZE);
      return `${base}/vms?limit=${PAGE_SIZE}&offset=${(spread % pages) * PAGE_SIZE}`;
    }
    case 8:
      return `${base}/hosts?detail=1`;
    default:
      return base;
  }
};

export type RequestKind = 'one VM' | 'page of VMs' | 'hosts' | 'provider';

/** Which kind of mixed read a path is, to break the latencies down by kind. */
export const requestKind = (base: string, path: string): RequestKind | undefined => {
  if (path === base) return 'provider';
  if (!path.startsWith(`${base}/`)) return undefined;
  const rest = path.slice(base.length + 1);
  if (rest.startsWith('vms/')) return 'one VM';
  if (rest.startsWith('vms?')) return 'page of VMs';
  if (rest.startsWith('hosts')) return 'hosts';
  return undefined;
};
