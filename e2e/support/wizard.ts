// The plan wizard driven as a user does: General for a project's vCenter, VMs chosen by a query,
// the maps seeded from what they use, on to Review. Shared by the wizard and migration stories.
import type { Page } from '@playwright/test';
import { expect } from '../fixtures.ts';

// The provider must be Ready and its inventory read before it can be chosen.
export const INVENTORY = { timeout: 45_000 };

export type WizardPlace = { project: string; provider: string };

export const wizardUrl = (project: string) =>
  `/k8s/ns/${project}/forklift.konveyor.io~v1beta1~Plan/~new`;

/** General, filled in for `name`, migrating into the project itself; leaves the wizard there. */
export const fillGeneral = async (page: Page, { project, provider }: WizardPlace, name: string) => {
  await page.goto(wizardUrl(project));
  await expect(page.getByTestId('page-title')).toHaveText('Create migration plan');
  await page.getByTestId('plan-name').fill(name);
  const source = page.getByTestId('plan-source-provider');
  await expect(source.locator(`option[value="${project}/${provider}"]`)).toHaveCount(1, INVENTORY);
  await source.selectOption(`${project}/${provider}`);
  await page.getByTestId('plan-target-provider').selectOption('openshift-mtv/host');
  const target = page.getByTestId('plan-target-project');
  await expect(target.locator(`option[value="${project}"]`)).toHaveCount(1, INVENTORY);
  await target.selectOption(project);
};

/** Selects every VM the query matches (`count` of them). */
export const selectByQuery = async (page: Page, query: string, count: number) => {
  await page.getByTestId('vm-query').fill(query);
  await expect(page.getByTestId('plan-vm-table').locator('tbody tr')).toHaveCount(count, INVENTORY);
  await page.getByTestId('vm-select-matching').click();
  await expect(page.getByTestId('vm-selected-count')).toHaveText(`${count} selected`);
};

/** Next, past the critical-concerns question when it is asked. */
export const next = async (page: Page) => {
  await page.getByTestId('wizard-next').click();
  const modal = page.getByTestId('critical-concerns-modal');
  if (await modal.isVisible()) await modal.getByTestId('critical-confirm').click();
};

/**
 * From Virtual machines to Review with new maps seeded from the selected VMs; past the cold
 * migration type where the source offers a choice (OVA offers none).
 */
export const throughMapsToReview = async (
  page: Page,
  { networkMapName = '', typeStep = true }: { networkMapName?: string; typeStep?: boolean } = {},
) => {
  await next(page);
  await expect(page.getByTestId('network-row-0').getByTestId('network-row-target')).toHaveValue(
    'pod',
    INVENTORY,
  );
  if (networkMapName) await page.getByTestId('network-map-name').fill(networkMapName);
  await next(page);
  await expect(page.getByTestId('storage-row-0').getByTestId('storage-row-target')).not.toHaveValue(
    '',
    INVENTORY,
  );
  await next(page);
  if (typeStep) await expect(page.getByTestId('migration-type-cold')).toBeChecked();
  await page.getByTestId('wizard-skip-to-review').click();
};
