import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Flags } from './itinerary.ts';
import { buildPipeline, nextPhase, reflectVm, MIB } from './pipeline.ts';
import type { VmStatus } from './types.ts';

const raw: Flags = {
  hasPreHook: true,
  hasPostHook: false,
  requiresConversion: false,
  cdiDiskCopy: true,
  virtV2vDiskCopy: false,
};
const disks = [
  { name: '[LocalDS_0] vm/vm.vmdk', capacityBytes: 16 * MIB },
  { name: '[LocalDS_0] vm/vm_1.vmdk', capacityBytes: 10 * MIB + 1 },
];
const t0 = new Date('2026-12-03T10:00:00Z');
const t1 = new Date('2026-12-03T10:01:00Z');

test('the pipeline has a step per included phase group and a task per disk in MiB', () => {
  const pipeline = buildPipeline(raw, disks);
  assert.deepEqual(
    pipeline.map((step) => [step.name, step.progress.total]),
    [
      ['Initialize', 1],
      ['PreHook', 1],
      ['DiskTransfer', 27],
      ['VirtualMachineCreation', 1],
    ],
  );
  const transfer = pipeline[2];
  assert.deepEqual(transfer?.annotations, { unit: 'MB' });
  assert.deepEqual(
    transfer?.tasks?.map((task) => [task.name, task.progress.total, task.phase]),
    [
      ['[LocalDS_0] vm/vm.vmdk', 16, 'Pending'],
      ['[LocalDS_0] vm/vm_1.vmdk', 11, 'Pending'],
    ],
  );
  assert.ok(pipeline.every((step) => step.phase === 'Pending'));
});

test('moving through the phases completes the step left and starts the next one', () => {
  const vm: VmStatus = { id: 'vm-1', phase: 'Started', pipeline: buildPipeline(raw, disks) };
  vm.pipeline[0]!.started = t0.toISOString();
  vm.pipeline[0]!.phase = 'Running';
  nextPhase(vm, raw, t1);
  assert.equal(vm.phase, 'PreHook');
  assert.equal(vm.pipeline[0]?.phase, 'Completed');
  assert.equal(vm.pipeline[1]?.phase, 'Running');
  nextPhase(vm, raw, t1);
  assert.equal(vm.phase, 'StorePowerState');
  assert.equal(vm.pipeline[1]?.phase, 'Completed');
  assert.equal(vm.pipeline[0]?.phase, 'Running', 'Initialize is entered again after the hook');
  nextPhase(vm, raw, t1);
  assert.equal(vm.pipeline[0]?.phase, 'Running', 'a phase of the same step keeps it running');
});

test('the VM reflects its steps and a task error fails its step and the VM', () => {
  const vm: VmStatus = { id: 'vm-1', phase: 'CopyDisks', pipeline: buildPipeline(raw, disks) };
  const tasks = vm.pipeline[2]!.tasks!;
  tasks[0]!.progress.completed = 16;
  tasks[0]!.started = t0.toISOString();
  tasks[0]!.completed = t1.toISOString();
  tasks[1]!.progress.completed = 5;
  tasks[1]!.started = t0.toISOString();
  reflectVm(vm, t1);
  assert.equal(vm.pipeline[2]?.progress.completed, 21);
  assert.equal(vm.pipeline[2]?.started, t1.toISOString());
  assert.equal(vm.pipeline[2]?.completed, undefined);
  assert.equal(vm.completed, undefined);
  tasks[1]!.error = { phase: 'Failed', reasons: ['no space'] };
  reflectVm(vm, t1);
  reflectVm(vm, t1);
  assert.deepEqual(vm.error, { phase: 'Failed', reasons: ['no space'] });
});

test('the last phase completes the step it was in', () => {
  const flags = { ...raw, hasPreHook: false };
  const vm: VmStatus = { id: 'vm-1', phase: 'CreateVM', pipeline: buildPipeline(flags, disks) };
  nextPhase(vm, flags, t1);
  assert.equal(vm.phase, 'Completed');
  assert.equal(vm.pipeline.at(-1)?.phase, 'Completed');
});
