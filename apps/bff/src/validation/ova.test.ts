// Forklift's OVA rules (reference inventory.md §4.4), one behaviour per test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateOvaWorkload } from './ova.ts';

const clean = {
  name: 'web-01',
  exportSource: 'VMware',
  disks: [{ FilePath: '/ova/web.ova', Capacity: 1024 }],
};
const ids = (workload: Parameters<typeof validateOvaWorkload>[0]) =>
  validateOvaWorkload(workload).map(({ id }) => id);

test('a VMware export with sized disks and a DNS name has no concerns', () => {
  assert.deepEqual(validateOvaWorkload(clean), []);
});

test('any hotplug flag raises one hotplug warning', () => {
  for (const flag of ['cpuHotAddEnabled', 'cpuHotRemoveEnabled', 'memoryHotAddEnabled']) {
    assert.deepEqual(ids({ ...clean, [flag]: true }), ['ova.cpu_memory.hotplug.enabled'], flag);
  }
  const [concern] = validateOvaWorkload({
    ...clean,
    cpuHotAddEnabled: true,
    memoryHotAddEnabled: true,
  });
  assert.deepEqual([concern!.category, concern!.label], ['Warning', 'CPU/Memory hotplug detected']);
});

test('CPU affinity is a warning', () => {
  assert.deepEqual(ids({ ...clean, cpuAffinity: [0, 1] }), ['ova.cpu_affinity.detected']);
  assert.deepEqual(ids({ ...clean, cpuAffinity: [] }), []);
});

test('a disk without positive capacity is critical and names its file', () => {
  const concerns = validateOvaWorkload({
    ...clean,
    disks: [
      { FilePath: '/ova/a.ova', Capacity: 0 },
      { FilePath: '/ova/b/', Capacity: 5 },
    ],
  });
  assert.deepEqual(
    concerns.map(({ id, category, label }) => [id, category, label]),
    [
      [
        'ova.disk.capacity.invalid',
        'Critical',
        "Disk '/ova/a.ova' has an invalid capacity of 0 bytes",
      ],
    ],
  );
});

test('more than 165 disks is a warning with the shared text', () => {
  const disks = (count: number) =>
    Array.from({ length: count }, () => ({ FilePath: '/x', Capacity: 1 }));
  assert.deepEqual(ids({ ...clean, disks: disks(165) }), []);
  const [concern] = validateOvaWorkload({ ...clean, disks: disks(166) });
  assert.equal(concern!.id, 'ova.disk.count.exceeds.limit');
  assert.equal(concern!.label, 'VM has 166 disks, which exceeds the limit of 165');
});

test('an export from anything but VMware is an unsupported source', () => {
  for (const exportSource of ['VirtualBox', 'Unknown', 'Xen']) {
    const [concern] = validateOvaWorkload({ ...clean, exportSource });
    assert.equal(concern!.id, 'ova.source.unsupported', exportSource);
    assert.equal(concern!.label, 'Unsupported OVA source');
  }
});

test('a name that is not a DNS subdomain is a warning', () => {
  assert.deepEqual(ids({ ...clean, name: 'Web server' }), ['ova.name.invalid']);
  assert.deepEqual(ids({ ...clean, name: 'a'.repeat(64) }), ['ova.name.invalid']);
  assert.deepEqual(ids({ ...clean, name: 'a'.repeat(63) }), []);
});
