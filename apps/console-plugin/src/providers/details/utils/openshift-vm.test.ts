import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenshiftVm } from '@forklift-console/api';
import { openshiftVmStatus, toOpenshiftVmRows, vmFeatures } from './openshift-vm.ts';
import { NO_VM_FILTERS, filterVmRows, sortVmRows } from '../../../utils/vm-table.ts';

const vm = (
  name: string,
  object: Record<string, unknown> | undefined,
  instance?: Record<string, unknown>,
): OpenshiftVm => ({
  uid: `uid-${name}`,
  id: `uid-${name}`,
  version: '7',
  namespace: 'demo',
  name,
  selfLink: `providers/openshift/p/vms/uid-${name}`,
  ...(object ? { object } : {}),
  ...(instance ? { instance } : {}),
});

const domain = (value: Record<string, unknown>) => ({
  spec: { template: { spec: { domain: value } } },
});

describe('OpenShift VMs', () => {
  test('a plain VM has no features', () => {
    assert.deepEqual(vmFeatures(vm('plain', domain({ cpu: { cores: 2 }, devices: {} }))), []);
    assert.deepEqual(vmFeatures(vm('bare', undefined)), []);
  });

  test('each feature is read from the VM template’s domain', () => {
    assert.deepEqual(vmFeatures(vm('a', domain({ cpu: { dedicatedCpuPlacement: true } }))), [
      'dedicatedCpu',
    ]);
    assert.deepEqual(vmFeatures(vm('b', domain({ cpu: { dedicatedCpuPlacement: false } }))), []);
    assert.deepEqual(
      vmFeatures(vm('c', domain({ devices: { gpus: [{ name: 'g', deviceName: 'nvidia/A10' }] } }))),
      ['gpusHostDevices'],
    );
    assert.deepEqual(
      vmFeatures(vm('d', domain({ devices: { hostDevices: [{ name: 'h', deviceName: 'x' }] } }))),
      ['gpusHostDevices'],
    );
    assert.deepEqual(vmFeatures(vm('e', domain({ devices: { gpus: [] } }))), []);
    assert.deepEqual(
      vmFeatures(vm('f', domain({ cpu: { numa: { guestMappingPassthrough: {} } } }))),
      ['numa'],
    );
    assert.deepEqual(vmFeatures(vm('g', domain({ devices: { tpm: { persistent: true } } }))), [
      'persistentTpmEfi',
    ]);
    assert.deepEqual(vmFeatures(vm('h', domain({ devices: { tpm: {} } }))), []);
    assert.deepEqual(
      vmFeatures(
        vm(
          'i',
          domain({ firmware: { bootloader: { efi: { persistent: true, secureBoot: true } } } }),
        ),
      ),
      ['persistentTpmEfi'],
    );
  });

  test('features are listed in one order whatever the VM holds', () => {
    const all = domain({
      devices: { tpm: { persistent: true }, gpus: [{ name: 'g' }] },
      cpu: { numa: { guestMappingPassthrough: {} }, dedicatedCpuPlacement: true },
    });
    assert.deepEqual(vmFeatures(vm('all', all)), [
      'dedicatedCpu',
      'gpusHostDevices',
      'numa',
      'persistentTpmEfi',
    ]);
  });

  test('the status is KubeVirt’s printable status, else the running instance’s phase', () => {
    assert.equal(openshiftVmStatus(vm('a', { status: { printableStatus: 'Stopped' } })), 'Stopped');
    assert.equal(
      openshiftVmStatus(
        vm('b', { status: { printableStatus: 'Migrating' } }, { status: { phase: 'Running' } }),
      ),
      'Migrating',
    );
    assert.equal(
      openshiftVmStatus(vm('c', { status: {} }, { status: { phase: 'Scheduling' } })),
      'Scheduling',
    );
    assert.equal(openshiftVmStatus(vm('d', {})), '');
  });

  test('a VM to stay off with no status yet is Stopped, as KubeVirt prints it', () => {
    assert.equal(openshiftVmStatus(vm('a', { spec: { runStrategy: 'Halted' } })), 'Stopped');
    assert.equal(openshiftVmStatus(vm('b', { spec: { running: false } })), 'Stopped');
    assert.equal(openshiftVmStatus(vm('c', { spec: { runStrategy: 'Always' } })), '');
  });

  test('rows carry the project, status, power, features and template', () => {
    const [row] = toOpenshiftVmRows([
      vm('web', {
        metadata: {
          namespace: 'apps',
          labels: { 'vm.kubevirt.io/template': 'rhel9-server-small' },
        },
        ...domain({ cpu: { dedicatedCpuPlacement: true } }),
        status: { printableStatus: 'Running' },
      }),
    ]);
    assert.equal(row?.project, 'apps');
    assert.equal(row?.status, 'Running');
    assert.equal(row?.power, 'on');
    assert.deepEqual(row?.features, ['dedicatedCpu']);
    assert.equal(row?.template, 'rhel9-server-small');
    assert.equal(row?.searchName, 'web');
    assert.deepEqual(row?.concerns, []);
  });

  test('without its object a VM still has its name and the project it was listed in', () => {
    const [row] = toOpenshiftVmRows([vm('Web-01', undefined)]);
    assert.equal(row?.project, 'demo');
    assert.equal(row?.status, '');
    assert.equal(row?.power, 'unknown');
    assert.equal(row?.template, '');
  });

  test('the features filter keeps VMs with any chosen feature', () => {
    const rows = toOpenshiftVmRows([
      vm('gpu', domain({ devices: { gpus: [{ name: 'g' }] } })),
      vm('numa', domain({ cpu: { numa: { guestMappingPassthrough: {} } } })),
      vm('plain', domain({})),
    ]);
    const names = (filtered: readonly { name: string }[]) => filtered.map((row) => row.name);
    assert.deepEqual(names(filterVmRows(rows, { ...NO_VM_FILTERS, features: ['numa'] })), ['numa']);
    assert.deepEqual(
      names(filterVmRows(rows, { ...NO_VM_FILTERS, features: ['numa', 'gpusHostDevices'] })),
      ['gpu', 'numa'],
    );
    assert.deepEqual(names(filterVmRows(rows, NO_VM_FILTERS)), ['gpu', 'numa', 'plain']);
  });

  test('rows sort by project, status and template', () => {
    const rows = toOpenshiftVmRows([
      vm('b', { metadata: { namespace: 'zeta' }, status: { printableStatus: 'Running' } }),
      vm('a', { metadata: { namespace: 'alpha' }, status: { printableStatus: 'Stopped' } }),
    ]);
    const names = (sorted: readonly { name: string }[]) => sorted.map((row) => row.name);
    assert.deepEqual(names(sortVmRows(rows, { column: 'project', direction: 'asc' })), ['a', 'b']);
    assert.deepEqual(names(sortVmRows(rows, { column: 'status', direction: 'asc' })), ['b', 'a']);
  });
});
