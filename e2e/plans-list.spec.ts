// A Forklift user who already has migration plans (their YAML applied with kubectl) finds them in
// the Migration plans list: the columns and statuses, filters that survive a reload, archived
// plans on demand, bulk archive that says which plan it could not archive, and Duplicate and
// Delete from a row's kebab.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import {
  applyYaml,
  deletePlans,
  PLAN_STATUS,
  planNames,
  planSpec,
  planYaml,
  holdPlanStatus,
  releasePlanStatuses,
} from './support/plans.ts';

const PROJECT = 'openshift-mtv';
const LIST = `/k8s/ns/${PROJECT}/forklift.konveyor.io~v1beta1~Plan`;

const row = (page: Page, name: string) => page.getByTestId(`plan-row-${name}`);

/** Three plans of one story, named after it so that stories do not see each other's. */
const applyStoryPlans = async (app: Parameters<typeof applyYaml>[0], prefix: string) => {
  await applyYaml(
    app,
    [
      planYaml({
        name: `${prefix}-web`,
        namespace: PROJECT,
        description: 'Front-end web servers',
        type: 'warm',
        vms: ['web-01', 'web-02'],
      }),
      planYaml({ name: `${prefix}-db`, namespace: PROJECT, vms: ['database'] }),
      planYaml({ name: `${prefix}-old`, namespace: PROJECT, archived: true, vms: ['legacy'] }),
    ].join('\n---\n'),
  );
  await holdPlanStatus(app, PROJECT, `${prefix}-web`, PLAN_STATUS.ready('2026-11-02T12:00:00Z'));
  await holdPlanStatus(app, PROJECT, `${prefix}-db`, PLAN_STATUS.cannotStart());
};

// Later stories expect the seeded estate, which has no plans.
test.afterEach(async ({ app }) => {
  releasePlanStatuses();
  const mine = (await planNames(app, PROJECT)).filter((name) =>
    /^(columns|filters|bulk|kebab)-/.test(name),
  );
  await deletePlans(app, PROJECT, mine);
});

test('plans applied as YAML show Forklift’s columns, their status, and archived ones on demand', async ({
  page,
  app,
}) => {
  await applyStoryPlans(app, 'columns');
  await page.goto(LIST);
  await expect(page.getByTestId('not-built-notice')).toContainText('cannot be cut over yet');
  const web = row(page, 'columns-web');
  await expect(web.getByTestId('plan-cell-namespace')).toHaveText(PROJECT);
  await expect(web.getByTestId('plan-cell-source')).toContainText('host');
  await expect(web.getByTestId('plan-source-type')).toHaveText('openshift');
  await expect(web.getByTestId('plan-cell-target')).toHaveText('demo');
  await expect(web.getByTestId('plan-cell-vms')).toHaveText('2 VMs');
  await expect(web.getByTestId('plan-cell-vms').getByRole('link')).toHaveAttribute(
    'href',
    `${LIST}/columns-web/vms`,
  );
  // A plan ready to run offers Start in its status cell, as Forklift's list does.
  await expect(web.getByTestId('plan-start-columns-web')).toHaveText('Start');
  await expect(web.getByTestId('plan-cell-type')).toHaveText('Warm');
  await expect(web.getByTestId('plan-cell-started')).not.toHaveText('–');
  await expect(row(page, 'columns-db').getByTestId('plan-status')).toHaveText('Cannot start');
  await expect(row(page, 'columns-db').getByTestId('plan-cell-type')).toHaveText('Cold');
  await expect(row(page, 'columns-db').getByTestId('plan-cell-vms')).toHaveText('1 VM');

  // Description is hidden until the user shows it.
  await expect(web.getByTestId('plan-cell-description')).toHaveCount(0);
  await page.getByTestId('manage-columns').click();
  await page.getByTestId('plan-column-description').check();
  await page.getByTestId('save-columns').click();
  await expect(web.getByTestId('plan-cell-description')).toHaveText('Front-end web servers');

  await expect(row(page, 'columns-old')).toHaveCount(0);
  await page.locator('label[for="plans-show-archived"]').click();
  await expect(page.getByTestId('show-archived')).toBeChecked();
  await expect(row(page, 'columns-old').getByTestId('plan-status')).toHaveText('Archived');
});

test('text, status, type and date filters narrow the list and survive a reload', async ({
  page,
  app,
}) => {
  await applyStoryPlans(app, 'filters');
  await page.goto(LIST);
  await expect(row(page, 'filters-db')).toBeVisible();

  await page.getByTestId('plan-text-filter').locator('input').fill('front-end');
  await expect(row(page, 'filters-web')).toBeVisible();
  await expect(row(page, 'filters-db')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('plan-text-filter').locator('input')).toHaveValue('front-end');
  await expect(row(page, 'filters-web')).toBeVisible();
  await expect(row(page, 'filters-db')).toHaveCount(0);
  await page.getByTestId('plan-text-filter').locator('input').fill('filters-');

  await page.getByTestId('plan-status-filter').click();
  await page.getByTestId('plan-status-filter-CannotStart').click();
  await page.keyboard.press('Escape');
  await expect(row(page, 'filters-db')).toBeVisible();
  await expect(row(page, 'filters-web')).toHaveCount(0);
  await page.reload();
  await expect(row(page, 'filters-db')).toBeVisible();
  await expect(row(page, 'filters-web')).toHaveCount(0);

  await page.getByTestId('plan-status-filter').click();
  await page.getByTestId('plan-status-filter-CannotStart').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('plan-type-filter').click();
  await page.getByTestId('plan-type-filter-warm').click();
  await page.keyboard.press('Escape');
  await expect(row(page, 'filters-web')).toBeVisible();
  await expect(row(page, 'filters-db')).toHaveCount(0);

  await page.getByTestId('plan-started-from').fill('2026-11-03');
  await expect(page.getByTestId('no-match-state')).toBeVisible();
  await page.getByTestId('plan-started-from').fill('2026-11-01');
  await page.getByTestId('plan-started-to').fill('2026-11-02');
  await expect(row(page, 'filters-web')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('plan-started-from')).toHaveValue('2026-11-01');
  await expect(page.getByTestId('plan-started-to')).toHaveValue('2026-11-02');
  await expect(row(page, 'filters-web')).toBeVisible();
  await expect(row(page, 'filters-db')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('type')).toBe('warm');
});

test('bulk archive archives what it can and names the plan it could not archive', async ({
  page,
  app,
}) => {
  await applyStoryPlans(app, 'bulk');
  await page.goto(`${LIST}?q=bulk-`);
  await row(page, 'bulk-web').getByRole('checkbox').check();
  await row(page, 'bulk-db').getByRole('checkbox').check();
  await page.getByTestId('bulk-actions').click();
  await page.getByTestId('bulk-archive').click();
  const modal = page.getByTestId('bulk-plan-action-modal');
  await expect(modal).toContainText('Archive 2 plans?');
  // Meanwhile someone starts the database plan's migration.
  await holdPlanStatus(app, PROJECT, 'bulk-db', PLAN_STATUS.running('database'));
  await page.getByTestId('confirm-bulk-plan-action').click();
  await expect(modal.getByTestId('plan-action-failures')).toContainText('1 of 2 plans failed');
  await expect(modal.getByTestId('plan-failure-bulk-db')).toContainText(
    'bulk-db: The plan is running a migration',
  );
  expect((await planSpec(app, PROJECT, 'bulk-web')).archived).toBe(true);
  expect((await planSpec(app, PROJECT, 'bulk-db')).archived).toBeUndefined();
  await modal.getByRole('button', { name: 'Cancel' }).click();
  await expect(row(page, 'bulk-web')).toHaveCount(0);
  // A running plan cannot be selected for bulk actions at all.
  await expect(row(page, 'bulk-db').getByRole('checkbox')).toBeDisabled();
});

test('Duplicate and Delete from a plan’s kebab', async ({ page, app }) => {
  await applyStoryPlans(app, 'kebab');
  await page.goto(`${LIST}?q=kebab-`);
  await page.getByTestId('plan-actions-kebab-web').click();
  await page.getByTestId('plan-action-duplicate').click();
  const duplicate = page.getByTestId('duplicate-plan-modal');
  const name = duplicate.getByTestId('duplicate-plan-name');
  await expect(name).toHaveValue('copy-of-kebab-web');
  await name.fill('kebab-db');
  await expect(duplicate).toContainText(
    `A plan named kebab-db already exists in project ${PROJECT}`,
  );
  await expect(page.getByTestId('confirm-duplicate-plan')).toBeDisabled();
  await name.fill('kebab-copy');
  await page.getByTestId('confirm-duplicate-plan').click();
  await expect(duplicate).toHaveCount(0);
  await expect(row(page, 'kebab-copy').getByTestId('plan-cell-type')).toHaveText('Warm');

  await page.getByTestId('plan-actions-kebab-copy').click();
  await page.getByTestId('plan-action-delete').click();
  const remove = page.getByTestId('delete-plan-modal');
  await expect(remove.getByTestId('not-archived-alert')).toBeVisible();
  await expect(remove.getByTestId('owned-deleted-alert')).toBeVisible();
  await page.getByTestId('confirm-delete-plan').click();
  await expect(remove).toHaveCount(0);
  await expect(row(page, 'kebab-copy')).toHaveCount(0);
  expect(await planNames(app, PROJECT)).not.toContain('kebab-copy');
});

test('Create plan says why it is off in a new project without providers', async ({ page, app }) => {
  // A project of its own: other stories leave plans in the seeded ones, and an empty list is
  // where the way to the providers page shows.
  await applyYaml(app, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: new-team\n');
  await page.goto('/k8s/ns/new-team/forklift.konveyor.io~v1beta1~Plan');
  const button = page.getByTestId('create-plan-button');
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await button.hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    'At least one source and one target provider must be available.',
  );
  await expect(page.getByTestId('go-to-providers')).toBeVisible();
});
