// A migration engineer migrates three vCenter VMs with raw copy: the plan made with the wizard,
// started from the plans list, followed on the Virtual machines tab until the three
// VirtualMachines run. Each migrated disk holds its source's bytes (compared with qemu-img against
// the disk as vCenter's datastore serves it), the first VM's serial console shows its disk's boot
// line, and the Overview's history counts the run. The migration really runs: the standalone
// app's embedded cluster imports the disks and boots the VMs in qemu.
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CoreV1Api, CustomObjectsApi, type V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { MigrationModel, PlanModel, type Migration, type Plan } from '@forklift-console/api';
import type { Vcsim } from '../scripts/vcsim.ts';
import { adminKubeConfig, test, expect, type StandaloneApp } from './fixtures.ts';
import { createProjectWithVcenter } from './support/maps.ts';
import { fillGeneral, selectByQuery, throughMapsToReview } from './support/wizard.ts';
import { deleteMigratedVms, powerOnVms } from './support/migrations.ts';

const PROJECT = 'migration-run';
const PLACE = { project: PROJECT, provider: 'run-vcenter' };
const PLAN = 'three-vms';
const VMS = ['DC0_H0_VM1', 'DC0_H0_VM2', 'DC0_H0_VM3'];
// The copy, the VirtualMachine and qemu's start under emulation, for three VMs.
const MIGRATED = { timeout: 240_000 };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ app, vcsim }) => {
  await createProjectWithVcenter(app, vcsim, PROJECT, PLACE.provider);
});

// Later stories use these VMs as the seed left them: running, and not yet migrated anywhere.
test.afterAll(async ({ app, vcsim }) => {
  await deleteMigratedVms(app, PROJECT);
  await powerOnVms(vcsim, VMS);
});

/** A VM's disk as vCenter's datastore serves it (the flat extent), saved to a file. */
const sourceDisk = async (vcsim: Vcsim, vmName: string, into: string): Promise<string> => {
  const url = new URL(`/folder/${vmName}/disk1-flat.vmdk`, vcsim.sdkUrl);
  url.search = '?dcPath=DC0&dsName=LocalDS_0';
  const file = path.join(into, `${vmName}.raw`);
  // vcsim's certificate is self-signed: this reads it as the provider does, without verifying.
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    https
      .get(url, { rejectUnauthorized: false, auth: `${vcsim.username}:${vcsim.password}` }, resolve)
      .on('error', reject),
  );
  expect(response.statusCode, `GET ${url.pathname}`).toBe(200);
  await pipeline(response, createWriteStream(file));
  return file;
};

/** The file behind a claim of the embedded cluster's local volumes. */
const claimFile = async (app: StandaloneApp, claim: V1PersistentVolumeClaim): Promise<string> => {
  const core = adminKubeConfig(app).makeApiClient(CoreV1Api);
  const volume = await core.readPersistentVolume({ name: claim.spec?.volumeName ?? '' });
  const local = volume.spec?.local?.path ?? '';
  return (await stat(local)).isDirectory() ? path.join(local, 'disk.img') : local;
};

test('three VMs made into a raw-copy plan with the wizard migrate and run, their disks byte for byte', async ({
  page,
  app,
  vcsim,
}) => {
  test.setTimeout(420_000);
  await fillGeneral(page, PLACE, PLAN);
  await page.getByTestId('wizard-next').click();
  await selectByQuery(page, "where name ~= '^DC0_H0_VM[1-3]$'", 3);
  await throughMapsToReview(page);
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('plan-status')).toHaveText('Ready to start', MIGRATED);

  // Raw copy: the disks are copied as they are, without virt-v2v.
  await page.getByTestId('plan-setting-skipGuestConversion-edit').click();
  await page.getByTestId('plan-setting-input').check({ force: true });
  await page.getByTestId('edit-plan-setting-save').click();
  await expect(page.getByTestId('edit-plan-setting-modal')).toBeHidden();

  await page.goto(`/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Plan`);
  const row = page.getByTestId(`plan-row-${PLAN}`);
  await row.getByTestId(`plan-start-${PLAN}`).click({ timeout: MIGRATED.timeout });
  const modal = page.getByTestId('start-plan-modal');
  await expect(modal).toContainText(`Start the cold migration for plan ${PLAN}?`);
  await modal.getByTestId('confirm-start-plan').click();
  await expect(modal).toBeHidden();

  await row.getByRole('link', { name: PLAN }).click();
  await page.getByTestId('plan-tab-vms').click();
  const table = page.getByTestId('migration-vms-table');
  await expect(table.locator('tbody tr[data-testid^="migration-vm-row-"]')).toHaveCount(
    3,
    MIGRATED,
  );
  for (const name of VMS) {
    await expect(
      table.locator('tr', { hasText: name }).getByTestId('migration-vm-state'),
    ).toHaveText('Succeeded', MIGRATED);
  }
  await expect(page.getByTestId('plan-status')).toHaveText('Complete');

  // Each VM's pipeline and disk: every step done, the whole disk copied.
  const first = table.locator('tr', { hasText: VMS[0] });
  await first.getByRole('button', { name: 'Details' }).click();
  const disk = page.locator(`[data-testid^="disk-progress-[LocalDS_0] ${VMS[0]}/"]`);
  await expect(disk).toContainText('16 of 16 MiB');

  // The VirtualMachines run, and the first one's serial console shows its disk's boot line.
  const plan = (await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .getNamespacedCustomObject({ ...PlanModel, namespace: PROJECT, name: PLAN })) as Plan;
  const vmId = plan.status?.migration?.vms?.find((vm) => vm.name === VMS[0])?.id ?? '';
  const resources = page.getByTestId(`migration-resources-${vmId}`);
  await resources.getByRole('button').first().click();
  await expect(resources.getByTestId('migrated-vm-status')).toHaveText('Running', MIGRATED);
  await resources.locator('[data-testid^="serial-console-"]').click();
  await expect(page.getByTestId('pod-log-text')).toContainText(`vcsim disk 1 of ${VMS[0]}`, {
    timeout: 120_000,
  });

  // The Overview's history counts the run.
  const [migration] = (
    (await adminKubeConfig(app)
      .makeApiClient(CustomObjectsApi)
      .listNamespacedCustomObject({ ...MigrationModel, namespace: PROJECT })) as {
      items: Migration[];
    }
  ).items;
  await page.goto('/mtv/overview/history');
  await expect(page.getByTestId(`history-row-${migration?.metadata?.name}`)).toContainText(
    'Succeeded',
  );

  const claims = (
    await adminKubeConfig(app)
      .makeApiClient(CoreV1Api)
      .listNamespacedPersistentVolumeClaim({
        namespace: PROJECT,
        labelSelector: `plan=${plan.metadata?.uid ?? ''}`,
      })
  ).items;
  expect(claims).toHaveLength(3);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'migration-run-'));
  try {
    for (const vm of plan.status?.migration?.vms ?? []) {
      const claim = claims.find((item) => item.metadata?.labels?.vmID === vm.id);
      expect(claim, `the claim of ${vm.name}`).toBeDefined();
      const source = await sourceDisk(vcsim, vm.name ?? '', scratch);
      const copied = await claimFile(app, claim!);
      await promisify(execFile)('qemu-img', ['compare', '-f', 'raw', '-F', 'raw', source, copied]);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
