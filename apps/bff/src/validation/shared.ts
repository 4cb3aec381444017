// What every provider type's rule set shares (reference inventory.md §4, general rules): the VM
// name rule, the disk-count limit, and how a rule set's findings become its answer.
import { CONCERN_CATEGORIES, type Concern } from '@forklift-console/api';

// Forklift's regex admits upper-case letters although the assessment asks for lower-case; the
// target renames such VMs anyway, so the rule stays as lenient as Forklift's.
const VM_NAME_PATTERN = /^(([A-Za-z0-9][-A-Za-z0-9.]*)?[A-Za-z0-9])?$/;

export const isValidVmName = (name: string): boolean =>
  VM_NAME_PATTERN.test(name) && name.length < 64;

/** The name concern every provider raises, under its own id. */
export const invalidNameConcern = (id: string): Concern => ({
  id,
  category: 'Warning',
  label: 'Invalid VM Name',
  assessment:
    'The VM name does not comply with the DNS subdomain name format. Edit the name or it will be ' +
    'renamed automatically during the migration to meet RFC 1123. The VM name must be a maximum ' +
    'of 63 characters containing lowercase letters (a-z), numbers (0-9), periods (.), and hyphens ' +
    '(-). The first and last character must be a letter or number. The name cannot contain ' +
    'uppercase letters, spaces or special characters.',
});

export const MAX_DISKS = 165;

/** The disk-count concern every provider raises, under its own id. */
export const diskCountConcern = (id: string, count: number): Concern => ({
  id,
  category: 'Warning',
  label: `VM has ${count} disks, which exceeds the limit of ${MAX_DISKS}`,
  assessment:
    `The VM has ${count} disks but the target platform supports a maximum of ${MAX_DISKS} ` +
    'disks per VM. Migration may result in network connectivity issues.',
});

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const compareConcerns = (a: Concern, b: Concern) =>
  CONCERN_CATEGORIES.indexOf(a.category) - CONCERN_CATEGORIES.indexOf(b.category) ||
  compareText(a.id, b.id) ||
  compareText(a.label, b.label) ||
  compareText(a.assessment, b.assessment);

/**
 * A rule set's answer: equal concerns collapse into one, as members of Forklift's Rego set do,
 * and the order is fixed (most severe first) so an unchanged VM always gets the same list.
 */
export const collectConcerns = (concerns: Iterable<Concern>): Concern[] => {
  const unique = new Map<string, Concern>();
  for (const { id, label, category, assessment } of concerns) {
    unique.set(JSON.stringify([id, label, category, assessment]), {
      id,
      label,
      category,
      assessment,
    });
  }
  return [...unique.values()].sort(compareConcerns);
};

/**
 * The elements of an array field that are objects. Workloads also arrive through the validate
 * API, so a field of another shape makes its rules not apply, as an undefined value does in
 * Rego, rather than throw.
 */
export const objectsIn = <T extends object>(value: readonly T[] | null | undefined): T[] =>
  Array.isArray(value)
    ? value.filter((item): item is T => typeof item === 'object' && item !== null)
    : [];

/**
 * A field's value in a label. Documents sent to the validate API may hold a number where the
 * inventory has a string (a disk's file, a guest path); the rule still fires, as in Rego, and
 * names the value as JSON.
 */
export const printed = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);
