import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAction, runStrategyOf } from './run-strategy.ts';
import type { VirtualMachine, VirtualMachineInstance, VmiPhase } from './types.ts';

const vm = (spec: VirtualMachine['spec']): VirtualMachine => ({ metadata: { name: 'web' }, spec });
const vmi = (phase: VmiPhase, deleting = false): VirtualMachineInstance => ({
  metadata: { name: 'web', ...(deleting ? { deletionTimestamp: new Date() } : {}) },
  spec: { domain: {} },
  status: { phase },
});

test('spec.running maps to Always and Halted; runStrategy wins when set', () => {
  assert.equal(runStrategyOf(vm({ running: true })), 'Always');
  assert.equal(runStrategyOf(vm({ running: false })), 'Halted');
  assert.equal(runStrategyOf(vm({})), 'Halted');
  assert.equal(runStrategyOf(vm({ runStrategy: 'Manual', running: true })), 'Manual');
});

test('Always starts, and replaces a finished VMI whichever way it ended', () => {
  assert.equal(runAction('Always', undefined), 'start');
  assert.equal(runAction('Always', vmi('Running')), 'none');
  assert.equal(runAction('Always', vmi('Succeeded')), 'replace');
  assert.equal(runAction('Always', vmi('Failed')), 'replace');
});

test('RerunOnFailure replaces only a failed VMI', () => {
  assert.equal(runAction('RerunOnFailure', vmi('Failed')), 'replace');
  assert.equal(runAction('RerunOnFailure', vmi('Succeeded')), 'none');
});

test('Once runs once; Manual never acts; Halted stops what exists', () => {
  assert.equal(runAction('Once', undefined), 'start');
  assert.equal(runAction('Once', vmi('Failed')), 'none');
  assert.equal(runAction('Manual', undefined), 'none');
  assert.equal(runAction('Halted', vmi('Running')), 'stop');
  assert.equal(runAction('Halted', undefined), 'none');
});

test('a VMI already being deleted is left to finish', () => {
  assert.equal(runAction('Halted', vmi('Running', true)), 'none');
  assert.equal(runAction('Always', vmi('Failed', true)), 'none');
});
