// The English catalogue is derived from the code: every `t('…')` key in the plugin and the shell,
// every `%namespace~Text%` display name in console-extensions.json, the settings' names and the
// shared rules' messages. `npm run i18n` rewrites it; a unit test fails when it is out of step.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FORKLIFT_SETTINGS, RULE_MESSAGES } from '@forklift-console/api';

const rootDir = path.resolve(import.meta.dirname, '../../..');
const NAMESPACE = 'plugin__forklift-console-plugin';
export const cataloguePath = path.join(rootDir, 'locales/en', `${NAMESPACE}.json`);
const sourceDirs = ['apps/console-plugin/src', 'apps/console-shell/src'].map((dir) =>
  path.join(rootDir, dir),
);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });

// t('…') with a single-quoted literal, as Prettier writes them.
const T_CALL = /\bt\(\s*'((?:[^'\\]|\\.)*)'/g;
const EXTENSION_NAME = new RegExp(`%${NAMESPACE}~([^%]+)%`, 'g');

export const collectCatalogue = (): Record<string, string> => {
  const keys = new Set<string>();
  for (const file of sourceDirs.flatMap(sourceFiles)) {
    for (const match of readFileSync(file, 'utf8').matchAll(T_CALL)) {
      keys.add(match[1]!.replace(/\\'/g, "'"));
    }
  }
  const extensions = readFileSync(path.join(rootDir, 'console-extensions.json'), 'utf8');
  for (const match of extensions.matchAll(EXTENSION_NAME)) keys.add(match[1]!);
  // Setting names live in the shared settings table and reach t() as variables.
  for (const setting of FORKLIFT_SETTINGS) {
    keys.add(setting.label);
    if (setting.defaultLabel) keys.add(setting.defaultLabel);
    for (const label of Object.values(setting.optionLabels ?? {})) keys.add(label);
  }
  // The shared rules' messages reach t() as variables too.
  for (const message of RULE_MESSAGES) keys.add(message);
  return Object.fromEntries([...keys].sort().map((key) => [key, key]));
};

if (import.meta.main) {
  writeFileSync(cataloguePath, `${JSON.stringify(collectCatalogue(), null, 2)}\n`);
}
