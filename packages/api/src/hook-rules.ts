// What a Hook's image and playbook, and a Plan's virt-v2v image, must be (reference engine.md §1.9
// and §4): the hook controller and the plan controller judge them, the wizard's Hooks step and the
// plan's Hooks tab check them as typed, so the rules and their wording live here once.

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

// The container image reference grammar (distribution/reference): [domain/]path[:tag][@digest].
const IMAGE_REFERENCE = new RegExp(
  `^(?:(${DOMAIN})/)?(${COMPONENT}(?:/${COMPONENT})*)(?::${TAG})?(?:@${DIGEST})?$`,
);

const MAX_NAME_LENGTH = 255;

/** Why `image` is not a container image reference, or undefined when it is one. */
export const imageReferenceError = (image: string): string | undefined => {
  if (image.trim() === '') return 'must not be empty';
  const match = IMAGE_REFERENCE.exec(image);
  if (!match) return 'must be a container image reference such as quay.io/org/image:tag';
  const name = `${match[1] ? `${match[1]}/` : ''}${match[2]}`;
  if (name.length > MAX_NAME_LENGTH) {
    return `must have a repository name of no more than ${MAX_NAME_LENGTH} characters`;
  }
  return undefined;
};

/**
 * Whether `image` names its registry (`quay.io/…`, `registry:5000/…`, `localhost/…`): the cluster
 * would otherwise resolve a short name by its own search list, which is not the image meant.
 */
export const isFullyQualifiedImage = (image: string): boolean => {
  const match = IMAGE_REFERENCE.exec(image);
  const domain = match?.[1];
  if (!domain) return false;
  return domain.includes('.') || domain.includes(':') || domain === 'localhost';
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Why a hook's playbook is not base64 (how the Hook resource carries it), or undefined. */
export const playbookError = (playbook: string): string | undefined =>
  BASE64.test(playbook.replace(/\s+/g, '')) ? undefined : 'must be base64-encoded';
