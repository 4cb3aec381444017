// The shell's navigation and routes come from console-extensions.json, the same file the OpenShift
// console reads, so both hosts show the same pages at the same URLs.
import { referenceFor } from '@forklift-console/api';
import { resourceListPath } from '@forklift-console/console-plugin/utils/resource-paths.ts';

export type Extension = {
  type: string;
  properties: Record<string, unknown>;
  flags?: { required?: string[] };
};

type ModelRef = { group: string; version: string; kind: string };

export type NavItem = {
  id: string;
  /** A `%namespace~Text%` reference or plain text. */
  name: string;
  testId: string | undefined;
  /** Feature flags that must all be set for the item to show, as in the console. */
  requiredFlags: string[];
  /** The link for the chosen project (undefined = All projects). */
  href: (namespace: string | undefined) => string;
};

export type NavSection = { id: string; name: string; testId: string | undefined; items: NavItem[] };

export type ShellRoute = { path: string; codeRef: string };

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

const testIdOf = (properties: Record<string, unknown>): string | undefined =>
  (properties.dataAttributes as Record<string, string> | undefined)?.['data-testid'];

export const navigationFrom = (extensions: Extension[]): NavSection[] => {
  const sections = extensions
    .filter((extension) => extension.type === 'console.navigation/section')
    .map(({ properties }) => ({
      id: str(properties.id),
      name: str(properties.name),
      testId: testIdOf(properties),
      items: [] as NavItem[],
    }));
  for (const { type, properties, flags } of extensions) {
    const section = sections.find((candidate) => candidate.id === properties.section);
    if (!section) continue;
    const base = {
      id: str(properties.id),
      name: str(properties.name),
      testId: testIdOf(properties),
      requiredFlags: flags?.required ?? [],
    };
    if (type === 'console.navigation/href') {
      section.items.push({ ...base, href: () => str(properties.href) });
    } else if (type === 'console.navigation/resource-ns') {
      const model = properties.model as ModelRef;
      section.items.push({ ...base, href: (namespace) => resourceListPath(model, namespace) });
    }
  }
  return sections;
};

export const routesFrom = (extensions: Extension[]): ShellRoute[] =>
  extensions.flatMap(({ type, properties }): ShellRoute[] => {
    const codeRef = str((properties.component as { $codeRef?: string } | undefined)?.$codeRef);
    if (type === 'console.page/route') {
      // Like the console: a route that is not exact also serves the paths below it (tabs).
      const path = str(properties.path);
      return [{ path: properties.exact === true ? path : `${path}/*`, codeRef }];
    }
    if (type === 'console.page/resource/list') {
      const reference = referenceFor(properties.model as ModelRef);
      return [
        { path: `/k8s/all-namespaces/${reference}`, codeRef },
        { path: `/k8s/ns/:namespace/${reference}`, codeRef },
      ];
    }
    return [];
  });

/** `pages.ProvidersListPage` → `ProvidersListPage`: the exported name inside the `pages` module. */
export const pageNameOf = (codeRef: string): string | undefined =>
  /^pages\.(\w+)$/.exec(codeRef)?.[1];

const I18N_REFERENCE = /^%(.+)~(.+)%$/;

/** The catalogue namespace and key of a display name like `%plugin__x~Providers%`. */
export const i18nReferenceOf = (name: string): { ns: string; key: string } | undefined => {
  const match = I18N_REFERENCE.exec(name);
  return match ? { ns: match[1]!, key: match[2]! } : undefined;
};

/** The items a user sees: those whose required flags are all set. */
export const visibleItems = (items: NavItem[], flags: Record<string, boolean>): NavItem[] =>
  items.filter((item) => item.requiredFlags.every((flag) => flags[flag] === true));
