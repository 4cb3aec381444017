// Container image references (`[registry[:port]/]path[:tag][@digest]`), as the container tools'
// reference grammar defines them, checked piece by piece so that no pattern can backtrack badly.

const DOMAIN =
  /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const MAX_NAME_LENGTH = 255;

const isRegistry = (component: string): boolean =>
  component.includes('.') || component.includes(':') || component === 'localhost';

export const isImageReference = (text: string): boolean => {
  const [name = '', digest, ...extra] = text.split('@');
  if (extra.length > 0 || (digest !== undefined && !DIGEST.test(digest))) return false;
  const lastSlash = name.lastIndexOf('/');
  const lastColon = name.lastIndexOf(':');
  const hasTag = lastColon > lastSlash;
  const repository = hasTag ? name.slice(0, lastColon) : name;
  if (hasTag && !TAG.test(name.slice(lastColon + 1))) return false;
  if (repository.length === 0 || repository.length > MAX_NAME_LENGTH) return false;
  const components = repository.split('/');
  const [first = ''] = components;
  const hasRegistry = components.length > 1 && isRegistry(first);
  if (hasRegistry && !DOMAIN.test(first)) return false;
  const path = hasRegistry ? components.slice(1) : components;
  return path.every((component) => PATH_COMPONENT.test(component));
};
