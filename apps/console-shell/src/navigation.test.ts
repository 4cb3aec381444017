import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  i18nReferenceOf,
  navigationFrom,
  pageNameOf,
  visibleItems,
  routesFrom,
  type Extension,
} from './navigation.ts';

const extensions = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../console-extensions.json'), 'utf8'),
) as Extension[];

test('the shell shows the Migration for Virtualization section with its five pages in order', () => {
  const [section] = navigationFrom(extensions);
  assert.equal(i18nReferenceOf(section!.name)?.key, 'Migration for Virtualization');
  assert.deepEqual(
    section!.items.map((item) => i18nReferenceOf(item.name)?.key),
    ['Overview', 'Providers', 'Migration plans', 'Network maps', 'Storage maps'],
  );
});

test('resource pages link to the chosen project, or to all projects', () => {
  const providers = navigationFrom(extensions)[0]!.items[1]!;
  assert.equal(providers.href('demo'), '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Provider');
  assert.equal(
    providers.href(undefined),
    '/k8s/all-namespaces/forklift.konveyor.io~v1beta1~Provider',
  );
  assert.equal(navigationFrom(extensions)[0]!.items[0]!.href('demo'), '/mtv/overview');
});

test('every navigation link has a route to a page', () => {
  const routes = routesFrom(extensions);
  const matches = (route: string, href: string) =>
    new RegExp(`^${route.replace(/:[^/]+/g, '[^/]+').replace(/\/\*$/, '(/.*)?')}$`).test(href);
  for (const item of navigationFrom(extensions)[0]!.items) {
    for (const namespace of ['demo', undefined]) {
      const href = item.href(namespace);
      const route = routes.find((candidate) => matches(candidate.path, href));
      assert.ok(route, `${href} has a route`);
      assert.ok(pageNameOf(route.codeRef), `${route.codeRef} names a page`);
    }
  }
});

test('a page route that is not exact also serves its sub-paths, such as tabs', () => {
  assert.ok(routesFrom(extensions).some((route) => route.path === '/mtv/overview/*'));
});

test('the Overview shows only to administrators, the other pages to everyone', () => {
  const items = navigationFrom(extensions)[0]!.items;
  const names = (flags: Record<string, boolean>) =>
    visibleItems(items, flags).map((item) => i18nReferenceOf(item.name)?.key);
  assert.deepEqual(names({}), ['Providers', 'Migration plans', 'Network maps', 'Storage maps']);
  assert.equal(names({ FORKLIFT_ADMINISTRATOR: true })[0], 'Overview');
});
