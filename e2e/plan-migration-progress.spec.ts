// A migration engineer follows a running migration on the plan's Virtual machines tab: each VM's
// state, a bar per disk with its figures, why a VM failed or waits, and what the migration made
// for a VM, which appears while the page is open. The VM statuses are written here as Forklift's
// engine writes them (reference engine.md §1.5); the engine that writes them is another part.
import AxeBuilder from '@axe-core/playwright';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, PlanModel, type Plan } from '@forklift-console/api';
import { COPYING_VM, FAILED_VM, PENDING_VM } from '@forklift-console/api/migration-fixtures';
import { adminKubeConfig, test, expect } from './fixtures.ts';
import { setPlanStatus } from './support/plans.ts';

const PROJECT = 'plan-progress';
const PLAN = 'weekend-db';

test('the Virtual machines tab shows each VM’s migration and the objects made for it, live', async ({
  page,
  app,
}) => {
  const kubeConfig = adminKubeConfig(app);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: PROJECT } } });
  const plan = (await kubeConfig.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    ...PlanModel,
    namespace: PROJECT,
    body: {
      apiVersion: FORKLIFT_API_VERSION,
      kind: PlanModel.kind,
      metadata: { name: PLAN },
      spec: {
        provider: {
          source: { name: 'vcenter', namespace: PROJECT },
          destination: { name: 'host', namespace: 'openshift-mtv' },
        },
        targetNamespace: PROJECT,
        map: { network: { name: 'n' }, storage: { name: 's' } },
        vms: [COPYING_VM, FAILED_VM, PENDING_VM].map(({ id, name }) => ({ id, name })),
      },
    },
  })) as Plan;
  await setPlanStatus(app, PROJECT, PLAN, {
    migration: { started: COPYING_VM.started, vms: [COPYING_VM, FAILED_VM, PENDING_VM] },
  });

  await page.goto(`/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Plan`);
  const row = page.getByTestId(`plan-row-${PLAN}`);
  await expect(row.getByTestId('plan-vm-state-Failed')).toHaveText('1');
  await row.getByTestId('plan-vm-state-Pending').click();
  await expect(page.getByRole('dialog')).toContainText('1 VMs waiting to start');
  await expect(page.getByRole('dialog')).toContainText('app-01');

  await page.goto(`/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Plan/${PLAN}/vms`);
  const copying = page.getByTestId('migration-vm-row-vm-101');
  await expect(copying.getByTestId('migration-vm-state')).toHaveText('Running: Transfer disks.');
  await copying.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByTestId('disk-progress-[datastore1] web-01/web-01.vmdk')).toContainText(
    '6144 of 8192 MiB',
  );

  const failed = page.getByTestId('migration-vm-row-vm-102');
  await expect(failed.getByTestId('migration-vm-state')).toHaveText('Failed');
  await failed.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByTestId('vm-error-vm-102')).toContainText(
    'Importer pod failed: unable to read the source disk: 403 Forbidden',
  );
  await page
    .getByTestId('migration-vm-row-vm-104')
    .getByRole('button', { name: 'Details' })
    .click();
  await expect(page.getByTestId('vm-pending-vm-104')).toContainText(
    'in-flight limit reached (max 2)',
  );

  // The failed VM's resources, opened before its claim exists; the claim shows without reload.
  await page.getByTestId('migration-resources-vm-102').getByRole('button').first().click();
  await expect(page.getByTestId('migration-resources-vm-102')).toContainText(
    'The migration has not created anything for this VM',
  );
  await core.createNamespacedPersistentVolumeClaim({
    namespace: PROJECT,
    body: {
      metadata: {
        name: `${PLAN}-db-01-disk-0`,
        labels: {
          plan: plan.metadata?.uid ?? '',
          'plan-name': PLAN,
          'plan-namespace': PROJECT,
          vmID: 'vm-102',
        },
      },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '64Mi' } } },
    },
  });
  await expect(page.getByTestId(`migration-pvc-${PLAN}-db-01-disk-0`)).toBeVisible();

  // The expanded rows, bars and tables pass the same audit as every other page.
  const audit = await new AxeBuilder({ page }).analyze();
  expect(
    audit.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help}`),
  ).toEqual([]);
});
