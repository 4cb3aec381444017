import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateExtensions, type ConsoleExtension } from './validate-extensions.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const namespace = 'plugin__forklift-console-plugin';
const catalogues = {
  [namespace]: JSON.parse(
    readFileSync(path.join(root, 'locales/en', `${namespace}.json`), 'utf8'),
  ) as Record<string, string>,
};
const extensions = JSON.parse(
  readFileSync(path.join(root, 'console-extensions.json'), 'utf8'),
) as ConsoleExtension[];

test("the plugin's console-extensions.json is valid for the console", () => {
  assert.deepEqual(validateExtensions(extensions, catalogues), []);
});

test('a misspelt extension type is refused instead of passing as a custom extension', () => {
  const problems = validateExtensions(
    [{ type: 'console.navigation/hreff', properties: { id: 'x', name: 'x', href: '/x' } }],
    catalogues,
  );
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /"console\.navigation\/hreff" is not an extension type/);
});

test('a missing or unknown property is refused with its name', () => {
  const problems = validateExtensions(
    [{ type: 'console.navigation/href', properties: { id: 'x', name: 'x', hreff: '/x' } }],
    catalogues,
  );
  assert.ok(problems.some((problem) => problem.includes('"missingProperty":"href"')));
  assert.ok(problems.some((problem) => problem.includes('"additionalProperty":"hreff"')));
});

test('a display name missing from the catalogue is refused', () => {
  const problems = validateExtensions(
    [
      {
        type: 'console.navigation/section',
        properties: { id: 'x', name: `%${namespace}~Not in the catalogue%` },
      },
    ],
    catalogues,
  );
  assert.deepEqual(problems, [
    `extension 0 (console.navigation/section): "Not in the catalogue" is missing from locales/en/${namespace}.json`,
  ]);
});
