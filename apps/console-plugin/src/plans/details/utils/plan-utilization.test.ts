import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planUtilization } from './plan-utilization.ts';

describe('plan utilization', () => {
  test('sums the plan VMs, apart for those running, and counts those the inventory lacks', () => {
    const result = planUtilization(
      ['vm-1', 'vm-2', 'vm-gone'],
      [
        { id: 'vm-1', name: 'a', cpuCount: 2, memoryMB: 4096, powerState: 'poweredOn' },
        { id: 'vm-2', name: 'b', cpuCount: 4, memoryMB: 8192, powerState: 'poweredOff' },
        { id: 'vm-3', name: 'not in plan', cpuCount: 64, memoryMB: 1 },
      ],
    );
    assert.deepEqual(result, {
      total: { vms: 2, cpus: 6, memoryMB: 12288 },
      running: { vms: 1, cpus: 2, memoryMB: 4096 },
      unknown: 1,
    });
  });
});
