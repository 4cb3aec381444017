// A virtualization administrator brings appliances exported as OVA files: from an NFS share the
// migration service reads (a local folder in the standalone app), and from their own disk through
// the browser.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import type { Page } from '@playwright/test';
import { FORKLIFT_API_VERSION, ProviderModel } from '@forklift-console/api';
import { makeSampleOva, makeSampleOvf } from '../scripts/sample-ova.ts';
import { adminKubeConfig, test, expect } from './fixtures.ts';
import { copiedEarlier, shareDirOf } from './support/ova-share.ts';

const PROJECT = 'ova-lab';
const providersUrl = `/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Provider`;
const READY = { timeout: 45_000 };
// The e2e app is started with --ova-upload-max-bytes 16Mi (fixtures.ts).
const UPLOAD_CAP_BYTES = 16 * 1024 * 1024;

/** What the share holds, hidden temporary files included. */
const shareFiles = async (shareDir: string) => (await readdir(shareDir)).sort();

const createProviderInForm = async (
  page: Page,
  { name, url, uploads }: { name: string; url: string; uploads: boolean },
) => {
  await page.goto(providersUrl);
  await page.getByTestId('create-provider-button').click();
  await expect(page.getByTestId('provider-project-select')).toHaveValue(PROJECT);
  await page.getByTestId('provider-type-select').selectOption('ova');
  await page.getByTestId('provider-name-input').fill(name);
  await page.getByTestId('ova-url-input').fill(url);
  if (uploads) await page.getByTestId('ova-appliance-management').check();
  await page.getByTestId('provider-create-button').click();
  await expect(page).toHaveURL(new RegExp(`${providersUrl}/${name}$`));
  await expect(page.getByTestId('provider-status')).toContainText('Ready', READY);
};

const chooseFile = (page: Page, file: string) =>
  page.getByTestId('ova-upload-file').locator('input[type="file"]').setInputFiles(file);

/** Chooses the file, uploads it and waits for the verdict. */
const uploadThroughPage = async (page: Page, file: string) => {
  await chooseFile(page, file);
  await page.getByTestId('ova-upload-button').click();
  await expect(
    page.getByTestId('ova-upload-success').or(page.getByTestId('ova-upload-error')),
  ).toBeVisible();
};

const tar = promisify(execFile);

/** Sets "OVA file upload from the console" on the Overview page's Settings tab. */
const setUploadSwitch = async (page: Page, value: 'Enabled' | 'Disabled') => {
  await page.goto('/mtv/overview/settings');
  await page.getByTestId('edit-settings-button').click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('combobox', { name: 'OVA file upload from the console' })
    .selectOption({ label: value === 'Enabled' ? 'Enabled (default)' : 'Disabled' });
  await dialog.getByTestId('save-settings').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('setting-feature_ova_appliance_management')).toContainText(value);
};

test.beforeAll(async ({ app }) => {
  await adminKubeConfig(app)
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name: PROJECT } } });
});

test('an administrator adds the NFS share of their appliances and sees what can be migrated', async ({
  page,
  app,
}) => {
  const url = 'nfs.lab:/exports/appliances';
  const share = shareDirOf(app, url);
  await copiedEarlier(
    await makeSampleOva({
      directory: share,
      name: 'rhel9-web',
      osType: 'rhel9_64Guest',
      cpus: 2,
      memoryMiB: 4096,
      disks: [{ capacityMiB: 32 }],
      nics: [{ network: 'VM Network' }],
    }),
    // Not a valid Kubernetes name: the VM gets a concern.
    await makeSampleOva({
      directory: path.join(share, 'legacy'),
      fileName: 'legacy-app.ova',
      name: 'Legacy_App Server #2',
      osType: 'centos7_64Guest',
    }),
  );

  await createProviderInForm(page, { name: 'appliances', url, uploads: false });
  await expect(page.getByTestId('details-url')).toHaveText(url);
  await expect(page.getByTestId('details-appliance-management')).toContainText('Disabled');
  await expect(page.getByTestId('inventory-vmCount')).toHaveText('2');
  // No credentials for a share, and no upload section unless asked for.
  await expect(page.getByTestId('provider-tab-credentials')).toHaveCount(0);
  await expect(page.getByTestId('ova-upload-file')).toHaveCount(0);

  await page.getByTestId('provider-tab-vms').click();
  const web = page.getByTestId('vm-row-rhel9-web');
  await expect(web).toContainText('rhel9_64Guest');
  await expect(web).toContainText(path.join(share, 'rhel9-web.ova'));
  await expect(web).toContainText('2');
  const legacy = page.getByTestId('vm-row-Legacy_App Server #2');
  await expect(legacy).toContainText(path.join(share, 'legacy', 'legacy-app.ova'));
  await expect(legacy.getByTestId(/^vm-concerns-/)).not.toHaveCount(0);
  // An OVA is a file: no power state to filter by.
  await expect(page.getByTestId('vm-power-filter')).toHaveCount(0);
});

test('a folder holding two .ovf files is shown as an error while the rest of the share lists', async ({
  page,
  app,
}) => {
  const url = 'nfs.lab:/exports/mixed';
  const share = shareDirOf(app, url);
  await makeSampleOvf({ directory: path.join(share, 'pkg'), name: 'first' });
  await makeSampleOvf({ directory: path.join(share, 'pkg'), name: 'second' });
  await copiedEarlier(await makeSampleOva({ directory: share, name: 'fine' }));
  await adminKubeConfig(app)
    .makeApiClient(CustomObjectsApi)
    .createNamespacedCustomObject({
      ...ProviderModel,
      namespace: PROJECT,
      body: {
        apiVersion: FORKLIFT_API_VERSION,
        kind: ProviderModel.kind,
        metadata: { name: 'mixed', namespace: PROJECT },
        spec: { type: 'ova', url, secret: {} },
      },
    });

  await page.goto(`${providersUrl}/mixed`);
  await expect(page.getByTestId('provider-status')).toContainText('Ready', READY);
  await expect(page.getByTestId('inventory-vmCount')).toHaveText('1');
  const problem = `${path.join(share, 'pkg')}: The folder holds 2 .ovf files (first.ovf, second.ovf); a folder may hold only one`;
  await expect(page.getByTestId('condition-row-InventoryScanErrors')).toContainText(problem);
  // Where the VMs are listed, the user learns that some are missing and why.
  await page.getByTestId('provider-tab-vms').click();
  await expect(page.getByTestId('ova-scan-errors')).toContainText(problem);
  await expect(page.getByTestId('vm-row-fine')).toBeVisible();
});

test.describe('uploading OVA files from the browser', () => {
  // One story in three parts: the provider the first part creates receives the later uploads.
  test.describe.configure({ mode: 'serial' });
  const url = 'nfs.lab:/exports/uploads';
  let files: string;

  test.beforeAll(async ({ app }) => {
    await mkdir(shareDirOf(app, url), { recursive: true });
    files = await mkdtemp(path.join(os.tmpdir(), 'e2e-ova-files-'));
  });

  test('an administrator uploads an appliance, with its progress, and it lists within seconds', async ({
    page,
    app,
  }) => {
    await createProviderInForm(page, { name: 'uploads', url, uploads: true });
    await expect(page.getByTestId('details-appliance-management')).toContainText('Enabled');
    await expect(page.getByTestId('inventory-vmCount')).toHaveText('0');

    // The service-wide switch (on by default) governs every provider's uploads.
    await setUploadSwitch(page, 'Disabled');
    await page.goto(`${providersUrl}/uploads`);
    await expect(page.getByTestId('ova-upload-off')).toBeVisible();
    await expect(page.getByTestId('condition-row-ApplianceManagementDisabled')).toBeVisible();
    await setUploadSwitch(page, 'Enabled');
    await page.goto(`${providersUrl}/uploads`);
    await expect(page.getByTestId('ova-upload-file')).toBeVisible();

    const appliance = await makeSampleOva({
      directory: files,
      name: 'uploaded-appliance',
      osType: 'rhel9_64Guest',
      disks: [{ capacityMiB: 64 }],
    });
    await uploadThroughPage(page, appliance);
    await expect(page.getByTestId('ova-upload-success')).toContainText('uploaded-appliance.ova');
    const progress = page.getByTestId('ova-upload-progress');
    await expect(progress).toContainText('Uploaded');
    await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    // Pushed to the open page: no reload, and no 30 s wait for a file that might be half-copied.
    await expect(page.getByTestId('inventory-vmCount')).toHaveText('1');
    await page.getByTestId('provider-tab-vms').click();
    await expect(page.getByTestId('vm-row-uploaded-appliance')).toContainText(
      path.join(shareDirOf(app, url), 'uploaded-appliance.ova'),
    );
  });

  test('each bad upload gets an error that says why and leaves nothing in the share', async ({
    page,
    app,
  }) => {
    const share = shareDirOf(app, url);
    const before = await shareFiles(share);
    await page.goto(`${providersUrl}/uploads`);

    // The page refuses what is plainly not an OVA before sending anything.
    const notes = path.join(files, 'notes.txt');
    await writeFile(notes, 'not an appliance');
    await chooseFile(page, notes);
    await expect(page.getByTestId('ova-upload-file-helper')).toContainText(
      'The uploaded file name extension should be .ova',
    );
    await expect(page.getByTestId('ova-upload-button')).toBeDisabled();

    const notATar = path.join(files, 'broken.ova');
    await writeFile(notATar, 'just some text, not a tar archive');
    const twoOvfs = path.join(files, 'two.ova');
    await writeFile(path.join(files, 'a.ovf'), '<Envelope/>');
    await writeFile(path.join(files, 'b.ovf'), '<Envelope/>');
    await tar('tar', ['-cf', twoOvfs, '-C', files, 'a.ovf', 'b.ovf']);
    const garbled = path.join(files, 'garbled.ova');
    await writeFile(path.join(files, 'vm.ovf'), '<Envelope><VirtualSystem>');
    await tar('tar', ['-cf', garbled, '-C', files, 'vm.ovf']);
    const huge = path.join(files, 'huge.ova');
    await writeFile(path.join(files, 'disk.vmdk'), Buffer.alloc(UPLOAD_CAP_BYTES));
    await tar('tar', ['-cf', huge, '-C', files, 'vm.ovf', 'disk.vmdk']);
    const duplicate = path.join(files, 'uploaded-appliance.ova');

    // Over the cap: the page knows the cap and does not send what the server would refuse.
    await chooseFile(page, huge);
    await expect(page.getByTestId('ova-upload-file-helper')).toContainText(
      'The file is larger than the 16 MiB this console accepts',
    );
    await expect(page.getByTestId('ova-upload-button')).toBeDisabled();

    const refusals: [string, RegExp][] = [
      [notATar, /file is not an OVA/],
      [twoOvfs, /2 \.ovf files at its root/],
      [garbled, /OVF descriptor that does not parse/],
      [duplicate, /A file named uploaded-appliance\.ova already exists/],
    ];
    for (const [file, reason] of refusals) {
      await uploadThroughPage(page, file);
      await expect(page.getByTestId('ova-upload-error'), path.basename(file)).toContainText(reason);
      expect(await shareFiles(share)).toEqual(before);
    }
  });

  test('the progress bar follows a slow upload, and cancelling it leaves nothing', async ({
    page,
    app,
  }) => {
    const share = shareDirOf(app, url);
    const before = await shareFiles(share);
    // A real descriptor followed by 8 MiB: a file worth watching arrive.
    const work = await mkdtemp(path.join(files, 'slow-'));
    await makeSampleOva({ directory: work, name: 'slow' });
    await tar('tar', ['-xf', path.join(work, 'slow.ova'), '-C', work, 'slow.ovf']);
    await writeFile(path.join(work, 'padding.bin'), Buffer.alloc(8 * 1024 * 1024, 1));
    const padded = path.join(files, 'slow.ova');
    await tar('tar', ['-cf', padded, '-C', work, 'slow.ovf', 'padding.bin']);
    // A link of 2 MiB/s: the 8 MiB file takes seconds to send.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 2 * 1024 * 1024,
    });
    await page.goto(`${providersUrl}/uploads`);
    await chooseFile(page, padded);
    await page.getByTestId('ova-upload-button').click();
    const bar = page.getByTestId('ova-upload-progress').getByRole('progressbar');
    await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
    await page.getByTestId('ova-upload-cancel').click();
    await expect(page.getByTestId('ova-upload-error')).toContainText('The upload was cancelled');
    await expect.poll(() => shareFiles(share)).toEqual(before);
  });

  test('two people uploading a file of the same name at once leave exactly one file', async ({
    page,
    context,
    app,
  }) => {
    const share = shareDirOf(app, url);
    const appliance = await makeSampleOva({
      directory: files,
      name: 'race',
      disks: [{ capacityMiB: 256 }],
    });
    const other = await context.newPage();
    for (const each of [page, other]) {
      await each.goto(`${providersUrl}/uploads`);
      await chooseFile(each, appliance);
    }
    await Promise.all([page, other].map((each) => each.getByTestId('ova-upload-button').click()));
    const verdicts = await Promise.all(
      [page, other].map(async (each) => {
        const success = each.getByTestId('ova-upload-success');
        await expect(success.or(each.getByTestId('ova-upload-error'))).toBeVisible();
        return (await success.isVisible())
          ? 'uploaded'
          : await each.getByTestId('ova-upload-error').innerText();
      }),
    );
    expect(verdicts.filter((verdict) => verdict === 'uploaded')).toHaveLength(1);
    expect(verdicts.find((verdict) => verdict !== 'uploaded')).toMatch(/race\.ova already exists/);
    expect((await shareFiles(share)).filter((file) => file.includes('race'))).toEqual(['race.ova']);
  });
});
