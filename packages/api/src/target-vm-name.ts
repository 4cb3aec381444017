// How a source VM's name becomes its target VirtualMachine's name (reference engine.md §7.6). The
// wizard previews it, the VM tab's target-name field checks it as typed and the plan controller
// refuses a plan whose explicit target name would fail at run time: one rule for all three.
import { dns1123SubdomainError, DNS1123_LABEL_MAX_LENGTH, isDns1123Subdomain } from './naming.ts';

const RANDOM_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Four random `[a-z0-9]`, as the engine appends on a collision or to an empty name. */
export const randomNameSuffix = (random: () => number = Math.random): string =>
  Array.from({ length: 4 }, () => RANDOM_ALPHABET[Math.floor(random() * 36)]).join('');

const trimEdges = (text: string): string => text.replace(/^[.-]+|[.-]+$/g, '');

const adjustPart = (part: string): string => {
  const dashed = part.replace(/[_+* /\\]/g, '-').replace(/[^a-z0-9-]/g, '');
  const collapsed = dashed
    .split('-')
    .filter((segment) => segment.length > 0)
    .join('-');
  return trimEdges(trimEdges(collapsed).slice(0, DNS1123_LABEL_MAX_LENGTH));
};

/**
 * The engine's rename of a source name that is not a DNS-1123 subdomain. An empty result becomes
 * `vm-` and four random characters; `random` is there so tests can pin them.
 */
export const adjustVmName = (name: string, random?: () => number): string => {
  const parts = trimEdges(name.toLowerCase())
    .split('.')
    .map(adjustPart)
    .filter((part) => part.length > 0);
  let adjusted = parts.join('.');
  if (adjusted.length > DNS1123_LABEL_MAX_LENGTH) {
    adjusted = trimEdges(adjusted.slice(0, DNS1123_LABEL_MAX_LENGTH));
  }
  return adjusted.length > 0 ? adjusted : `vm-${randomNameSuffix(random)}`;
};

export type TargetNamePreview = {
  /** The name the VirtualMachine will have. */
  name: string;
  /** Why it differs from the source name: the user chose it, or the engine renames it. */
  source: 'source' | 'renamed' | 'chosen';
};

/**
 * The target name a plan VM will get before collisions are known: the chosen `targetName`, the
 * source name when it is a DNS-1123 subdomain, otherwise the engine's rename.
 */
export const previewTargetName = (sourceName: string, targetName?: string): TargetNamePreview => {
  if (targetName) return { name: targetName, source: 'chosen' };
  if (isDns1123Subdomain(sourceName)) return { name: sourceName, source: 'source' };
  return { name: adjustVmName(sourceName, () => 0), source: 'renamed' };
};

/** Why a target name the user typed would be refused, or undefined (never altered by the engine). */
export const targetNameError = (targetName: string): string | undefined =>
  dns1123SubdomainError(targetName);
