import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan, Provider, StorageMap } from '@forklift-console/api';
import { firstPhase, flagsOf, includedPhases, phaseAfter, stepOfPhase } from './itinerary.ts';

const provider = (type: string, url = ''): Provider => ({ spec: { type, url } }) as Provider;
const host = provider('openshift');
const plan = (spec: Partial<NonNullable<Plan['spec']>> = {}): Plan =>
  ({ spec: { targetNamespace: 'ns', vms: [], ...spec } }) as unknown as Plan;

test('a vSphere VM into the local cluster with conversion is copied by virt-v2v', () => {
  const flags = flagsOf({
    plan: plan(),
    vm: { id: 'vm-1' },
    sourceProvider: provider('vsphere', 'https://vc/sdk'),
    destinationProvider: host,
    storageMap: undefined,
  });
  assert.deepEqual(includedPhases(flags), [
    'Started',
    'StorePowerState',
    'PowerOffSource',
    'WaitForPowerOff',
    'CreateDataVolumes',
    'AllocateDisks',
    'CreateGuestConversionPod',
    'ConvertGuest',
    'CopyDisksVirtV2V',
    'CreateVM',
  ]);
});

test('skipGuestConversion copies a vSphere VM raw through CDI with no conversion phase', () => {
  const flags = flagsOf({
    plan: plan({ skipGuestConversion: true }),
    vm: { id: 'vm-1', hooks: [{ step: 'PostHook', hook: { name: 'h' } }] },
    sourceProvider: provider('vsphere', 'https://vc/sdk'),
    destinationProvider: host,
    storageMap: undefined,
  });
  assert.equal(flags.cdiDiskCopy, true);
  assert.equal(flags.requiresConversion, false);
  assert.deepEqual(includedPhases(flags).slice(4), [
    'CreateDataVolumes',
    'CopyDisks',
    'CreateVM',
    'PostHook',
  ]);
  assert.equal(phaseAfter(flags, 'PostHook'), 'Completed');
  assert.equal(phaseAfter(flags, 'Nonsense'), 'Completed');
});

test('an offload plugin or a remote destination makes CDI copy and virt-v2v convert in place', () => {
  const storageMap = {
    spec: { map: [{ offloadPlugin: { vsphereXcopyConfig: {} } }] },
  } as unknown as StorageMap;
  const flags = flagsOf({
    plan: plan(),
    vm: { id: 'vm-1', hooks: [{ step: 'PreHook', hook: { name: 'h' } }] },
    sourceProvider: provider('vsphere', 'https://vc/sdk'),
    destinationProvider: host,
    storageMap,
  });
  assert.deepEqual(includedPhases(flags), [
    'Started',
    'PreHook',
    'StorePowerState',
    'PowerOffSource',
    'WaitForPowerOff',
    'CreateDataVolumes',
    'CopyDisks',
    'CreateGuestConversionPod',
    'ConvertGuest',
    'CreateVM',
  ]);
  const remote = flagsOf({
    plan: plan(),
    vm: { id: 'vm-1' },
    sourceProvider: provider('vsphere', 'https://vc/sdk'),
    destinationProvider: provider('openshift', 'https://remote:6443'),
    storageMap: undefined,
  });
  assert.equal(remote.virtV2vDiskCopy, false);
});

test('OVA always goes through virt-v2v and OpenShift never converts', () => {
  const input = { plan: plan(), vm: { id: 'x' }, destinationProvider: host, storageMap: undefined };
  assert.equal(flagsOf({ ...input, sourceProvider: provider('ova') }).virtV2vDiskCopy, true);
  const openshift = flagsOf({ ...input, sourceProvider: provider('openshift') });
  assert.deepEqual(includedPhases(openshift).slice(4), [
    'CreateDataVolumes',
    'CopyDisks',
    'CreateVM',
  ]);
  assert.equal(firstPhase(openshift), 'Started');
});

test('each cold phase reports under its pipeline step', () => {
  assert.equal(stepOfPhase('WaitForPowerOff'), 'Initialize');
  assert.equal(stepOfPhase('CreateDataVolumes'), 'Initialize');
  assert.equal(stepOfPhase('CopyDisks'), 'DiskTransfer');
  assert.equal(stepOfPhase('AllocateDisks'), 'DiskAllocation');
  assert.equal(stepOfPhase('ConvertGuest'), 'ImageConversion');
  assert.equal(stepOfPhase('CopyDisksVirtV2V'), 'DiskTransferV2v');
  assert.equal(stepOfPhase('CreateVM'), 'VirtualMachineCreation');
  assert.equal(stepOfPhase('Completed'), undefined);
});
