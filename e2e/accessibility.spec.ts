// Every Overview tab and list page passes an axe-core audit without serious or critical findings.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';

const PAGES = [
  '/mtv/overview',
  '/mtv/overview/yaml',
  '/mtv/overview/health',
  '/mtv/overview/history',
  '/mtv/overview/settings',
  '/k8s/all-namespaces/forklift.konveyor.io~v1beta1~Provider',
];

for (const path of PAGES) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByTestId('page-title')).toBeVisible();
    // Wait for the data to settle so the audit sees the real page, not its spinner.
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
    expect(serious).toEqual([]);
  });
}
