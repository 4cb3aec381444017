import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileVmQuery, QuerySyntaxError } from './index.ts';

// Inventory VMs in the vSphere inventory's shape, as much of it as the queries read.
const GiB = 2 ** 30;
const VMS = [
  {
    name: 'web-01',
    powerState: 'poweredOn',
    memoryMB: 8192,
    cpuCount: 4,
    guestId: 'rhel9_64Guest',
    isTemplate: false,
    disks: [{ capacity: 40 * GiB }, { capacity: 200 * GiB }],
    nics: [{ mac: '00:50:56:00:00:01', network: { id: 'network-7' } }],
    concerns: [{ category: 'Warning', label: 'Changed Block Tracking (CBT) not enabled' }],
  },
  {
    name: 'web-02',
    powerState: 'poweredOff',
    memoryMB: 2048,
    cpuCount: 1,
    guestId: 'rhel8_64Guest',
    isTemplate: false,
    disks: [{ capacity: 20 * GiB }],
    nics: [],
    concerns: [],
  },
  {
    name: 'DB-17',
    powerState: 'poweredOn',
    memoryMB: 65536,
    cpuCount: 16,
    guestId: 'windows2019srv_64Guest',
    isTemplate: false,
    disks: [{ capacity: 500 * GiB }, { capacity: 500 * GiB }],
    nics: [{ mac: 'a' }, { mac: 'b' }],
    concerns: [{ category: 'Critical', label: 'Shared disk detected' }],
  },
];

const select = (query: string) => VMS.filter(compileVmQuery(query)).map((vm) => vm.name);

describe('the VM query language', () => {
  test('compares fields, joined with and / or / not, as the issue’s example reads', () => {
    assert.deepEqual(select("powerState = 'poweredOn' and memoryMB > 4096 and name like 'web%'"), [
      'web-01',
    ]);
    assert.deepEqual(select("powerState = 'poweredOff' or cpuCount >= 16"), ['web-02', 'DB-17']);
    assert.deepEqual(select("not (powerState = 'poweredOn')"), ['web-02']);
    assert.deepEqual(select('memoryMB != 2048 and cpuCount < 8'), ['web-01']);
    assert.deepEqual(select('isTemplate = false and memoryMB <= 2048'), ['web-02']);
  });

  test('and binds tighter than or, keywords are case-insensitive', () => {
    assert.deepEqual(select("name = 'web-02' OR cpuCount > 2 AND memoryMB > 60000"), [
      'web-02',
      'DB-17',
    ]);
  });

  test('in, not in, like, ilike and ~= match text', () => {
    assert.deepEqual(select("guestId in ['rhel9_64Guest', 'rhel8_64Guest']"), ['web-01', 'web-02']);
    assert.deepEqual(select("guestId not in ['rhel9_64Guest', 'rhel8_64Guest']"), ['DB-17']);
    assert.deepEqual(select("name like 'web-0_'"), ['web-01', 'web-02']);
    assert.deepEqual(select("name like 'db%'"), []);
    assert.deepEqual(select("name ilike 'db%'"), ['DB-17']);
    assert.deepEqual(select("name not like 'web%'"), ['DB-17']);
    assert.deepEqual(select("name ~= '^[A-Z]+-[0-9]+$'"), ['DB-17']);
  });

  test('sizes take binary and decimal suffixes', () => {
    assert.deepEqual(select('sum(disks[*].capacity) > 1Ti'), []);
    assert.deepEqual(select('sum(disks[*].capacity) >= 1000Gi'), ['DB-17']);
    assert.deepEqual(select('sum(disks[*].capacity) > 200G'), ['web-01', 'DB-17']);
  });

  test('len, any, all and sum read lists; a [*] comparison holds when one element does', () => {
    assert.deepEqual(select('len(nics) >= 2'), ['DB-17']);
    assert.deepEqual(select('len(disks) = 1'), ['web-02']);
    assert.deepEqual(select('any(disks[*].capacity > 100Gi)'), ['web-01', 'DB-17']);
    assert.deepEqual(select('all(disks[*].capacity > 100Gi)'), ['DB-17']);
    assert.deepEqual(select("concerns[*].category = 'Critical'"), ['DB-17']);
    assert.deepEqual(select("any(concerns[*].category in ['Critical', 'Warning'])"), [
      'web-01',
      'DB-17',
    ]);
    assert.deepEqual(select('disks[1].capacity = 200Gi'), ['web-01']);
    assert.deepEqual(select("nics[0].network.id = 'network-7'"), ['web-01']);
  });

  test('a field a VM lacks is null: it equals null and compares false otherwise', () => {
    assert.deepEqual(select('folder = null'), ['web-01', 'web-02', 'DB-17']);
    assert.deepEqual(select('folder > 3'), []);
    assert.deepEqual(select("folder != 'x'"), []);
  });

  test("kubectl-mtv's leading where is accepted, and a field named where stays a field", () => {
    assert.deepEqual(
      select("where powerState = 'poweredOn' and memoryMB > 4096"),
      select("powerState = 'poweredOn' and memoryMB > 4096"),
    );
    assert.deepEqual(select("WHERE name like 'web%'"), select("name like 'web%'"));
    assert.deepEqual(select("where = 'x'"), []);
  });

  test('a malformed query is a syntax error that says where', () => {
    const cases: [string, RegExp, number][] = [
      ['', /Expected a condition but found the end of the query/, 0],
      ["powerState = 'poweredOn' and", /Expected a field, a value, a list or "\("/, 28],
      ["name = 'web", /no closing '/, 7],
      ['memoryMB > 4096)', /Expected "and", "or" or the end of the query but found "\)"/, 15],
      ['name in web', /Expected a list "\[…\]" after "in"/, 8],
      ["name ~= '(['", /Not a regular expression/, 8],
      ['memoryMB # 3', /"#" has no meaning here/, 9],
      ['len(disks', /Expected "\)" but found the end of the query/, 9],
      ['name like web', /Expected a pattern in quotes after "like"/, 10],
      ['disks[x].capacity > 1', /Expected "\*" or a position/, 6],
    ];
    for (const [query, message, position] of cases) {
      assert.throws(
        () => compileVmQuery(query),
        (error: unknown) =>
          error instanceof QuerySyntaxError &&
          message.test(error.message) &&
          error.position === position,
        query,
      );
    }
  });
});
