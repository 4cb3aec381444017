// Forklift's `name` query parameter on vSphere collections (reference inventory.md §1.1): the
// last segment must equal the object's name; a path before it narrows further.
import type { ListOptions } from '../provider-inventory.ts';
import type { Resource } from './resource.ts';

/** Collections whose path filter checks only the datacenter (the first segment). */
const DATACENTER_SCOPED = new Set(['clusters', 'hosts', 'networks', 'datastores']);

const firstSegment = (path: string) => path.split('/').find(Boolean) ?? '';

export const matchesName = (
  collection: string,
  object: Resource,
  filter: NonNullable<ListOptions['name']>,
): boolean => {
  if (object.name !== filter.name) return false;
  if (filter.path === undefined) return true;
  if (collection === 'vms') {
    // A relative path matches whole segments at the end: `prod/web01`, not `od/web01`.
    const full = `${filter.path}/${filter.name}`;
    return object.path.endsWith(full.startsWith('/') ? full : `/${full}`);
  }
  if (DATACENTER_SCOPED.has(collection)) {
    const datacenter = firstSegment(filter.path);
    return datacenter === '' || datacenter === firstSegment(object.path);
  }
  return true;
};
