import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cataloguePath, collectCatalogue } from './i18n-catalogue.ts';

test('the English catalogue holds exactly the texts the pages and navigation use', () => {
  assert.deepEqual(
    JSON.parse(readFileSync(cataloguePath, 'utf8')),
    collectCatalogue(),
    'locales/en is out of step with the code: run `npm run i18n`',
  );
});
