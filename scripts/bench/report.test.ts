import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSection, formatTable, toJson, verdictOf, type Figure } from './report.ts';

const sync: Figure = {
  name: 'Full sync',
  unit: 'ms',
  measured: 4500,
  baseline: 3000,
  goal: { max: 1.5, of: 'ratio' },
};

test('a ratio goal is judged on measured / baseline, inclusive', () => {
  assert.equal(verdictOf(sync), 'pass');
  assert.equal(verdictOf({ ...sync, measured: 4501 }), 'fail');
});

test('a value goal is judged on the measured value alone', () => {
  const p95: Figure = {
    name: 'p95',
    unit: 'ms',
    measured: 2100,
    baseline: 300,
    goal: { max: 2000, of: 'measured' },
  };
  assert.equal(verdictOf(p95), 'fail');
  assert.equal(verdictOf({ ...p95, measured: 1999 }), 'pass');
});

test('a goal without samples or without its baseline fails; a figure without a goal has no verdict', () => {
  assert.equal(verdictOf({ ...sync, measured: Number.NaN }), 'fail');
  assert.equal(verdictOf({ ...sync, baseline: undefined }), 'fail');
  assert.equal(verdictOf({ name: 'RSS', unit: 'MiB', measured: 120 }), '–');
});

test('the table shows every column, numbers aligned right', () => {
  const table = formatTable([sync, { name: 'RSS growth', unit: 'MiB', measured: 123.456 }]);
  const lines = table.split('\n');
  assert.match(lines[0]!, /^figure\s+measured\s+baseline\s+ratio\s+goal\s+result$/);
  assert.match(lines[2]!, /^Full sync\s+4,500 ms\s+3,000 ms\s+1\.50×\s+≤ 1\.5×\s+pass$/);
  assert.match(lines[3]!, /^RSS growth\s+123\.5 MiB\s+–\s+–\s+–\s+–$/);
  const endOf = (line: string, cell: string) => line.indexOf(cell) + cell.length;
  assert.equal(endOf(lines[2]!, '4,500 ms'), endOf(lines[3]!, '123.5 MiB'));
});

test('a section that could not run says why instead of showing numbers', () => {
  assert.equal(
    formatSection({ id: 'page', title: 'Page', error: 'the shell is not built' }),
    'Page\n  could not run: the shell is not built',
  );
});

test('the JSON carries ratios and verdicts next to the raw figures', () => {
  const json = toJson(
    [{ id: 'sync', title: 'Sync', baseline: 'govmomi', notes: [], figures: [sync] }],
    { cpus: 2 },
  );
  assert.deepEqual(json.sections[0], {
    id: 'sync',
    title: 'Sync',
    baseline: 'govmomi',
    notes: [],
    figures: [{ ...sync, ratio: 1.5, result: 'pass' }],
  });
});
