import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  byHandArgs,
  conversionFigures,
  conversionGuestOf,
  conversionInputOf,
  outputNameOf,
} from './conversion-input.ts';
import { verdictOf } from './report.ts';

const encoded = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
  );

test('the full guest unless BENCH_CONVERSION_GUEST names the fixture; anything else is refused', () => {
  assert.equal(conversionGuestOf(undefined), 'full');
  assert.equal(conversionGuestOf(''), 'full');
  assert.equal(conversionGuestOf('full'), 'full');
  assert.equal(conversionGuestOf('fixture'), 'fixture');
  assert.throws(
    () => conversionGuestOf('Fixture'),
    /BENCH_CONVERSION_GUEST must be full or fixture/,
  );
});

test('the pod’s input is read from its Secret’s data, root disk first by default', () => {
  const secret = {
    metadata: { name: 'plan-vm-1-v2v' },
    data: encoded({
      source: 'vSphere',
      libvirtURL: 'vpx://user@127.0.0.1:8989/DC0/DC0_H0?no_verify=1',
      vmName: 'DC0_H0_VM0',
      secretKey: 'pass',
    }),
  };
  const input = conversionInputOf(secret);
  assert.deepEqual(input, {
    libvirtUrl: 'vpx://user@127.0.0.1:8989/DC0/DC0_H0?no_verify=1',
    vmName: 'DC0_H0_VM0',
    rootDisk: 'first',
  });
  assert.ok(!JSON.stringify(input).includes('pass'), 'the password stays in the Secret');
  assert.equal(
    conversionInputOf({ data: { ...secret.data, ...encoded({ RootDisk: '/dev/sdb' }) } }).rootDisk,
    '/dev/sdb',
  );
  assert.equal(
    conversionInputOf({ data: { ...secret.data, ...encoded({ NewName: 'dc0-h0-vm0' }) } }).newName,
    'dc0-h0-vm0',
  );
});

test('a Secret that is not a vSphere conversion’s is refused, naming what is missing', () => {
  assert.throws(
    () => conversionInputOf({ metadata: { name: 's' }, data: encoded({ source: 'ova' }) }),
    /source is ova, not vSphere/,
  );
  assert.throws(
    () => conversionInputOf({ metadata: { name: 's' }, data: encoded({ source: 'vSphere' }) }),
    /s lacks libvirtURL or vmName/,
  );
});

test('virt-v2v by hand reads the same vpx input into a local folder, the VM name last', () => {
  const args = byHandArgs(
    { libvirtUrl: 'vpx://user@h/DC0/DC0_H0?no_verify=1', vmName: 'VM -x', rootDisk: 'first' },
    { outputDir: '/tmp/out', passwordFile: '/tmp/pw' },
  );
  assert.deepEqual(args.slice(args.indexOf('-i')), [
    '-i',
    'libvirt',
    '-ic',
    'vpx://user@h/DC0/DC0_H0?no_verify=1',
    '-ip',
    '/tmp/pw',
    '--',
    'VM -x',
  ]);
  assert.deepEqual(args.slice(0, 6), ['-v', '-x', '-o', 'kubevirt', '-os', '/tmp/out']);
  assert.ok(!args.includes('-on'));
});

test('a renamed target is passed as -on and names the output, as the pod runner does', () => {
  const input = {
    libvirtUrl: 'vpx://user@h/DC0/DC0_H0?no_verify=1',
    vmName: 'DC0_H0_VM0',
    newName: 'dc0-h0-vm0',
    rootDisk: 'first',
  };
  const args = byHandArgs(input, { outputDir: '/tmp/out', passwordFile: '/tmp/pw' });
  assert.deepEqual(args.slice(6, 10), ['-on', 'dc0-h0-vm0', '--root', 'first']);
  assert.equal(args.at(-1), 'DC0_H0_VM0');
  assert.equal(outputNameOf(input), 'dc0-h0-vm0');
  assert.equal(outputNameOf({ ...input, newName: undefined }), 'DC0_H0_VM0');
});

test('the plan meets its goal at up to 1.1× virt-v2v by hand; RSS growth up to 100 MiB', () => {
  const figures = (planMs: number, rssGrowthMiB: number) =>
    conversionFigures({ guest: 'full', planMs, byHandMs: 1000, bootMs: 5000, rssGrowthMiB });
  const [plan, boot, rss] = figures(1100, 100);
  assert.equal(verdictOf(plan!), 'pass');
  assert.equal(verdictOf(boot!), '–');
  assert.equal(verdictOf(rss!), 'pass');
  assert.match(plan!.name, /full guest/);
  const [slow, , grown] = figures(1101, 100.5);
  assert.equal(verdictOf(slow!), 'fail');
  assert.equal(verdictOf(grown!), 'fail');
});
