// An administrator checks that the migration service is healthy and reads a component's logs.
import { test, expect } from './fixtures.ts';

test('the Health tab lists the standalone components, the controller first, with logs', async ({
  page,
}) => {
  await page.goto('/mtv/overview/health');
  const rows = page.locator('[data-testid^="health-row-"]');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAttribute('data-testid', 'health-row-forklift-console');
  for (const name of ['forklift-console', 'change-feed', 'embedded-api', 'engine']) {
    await expect(page.getByTestId(`health-row-${name}`)).toContainText('Running');
  }
  await expect(page.getByTestId('conditions-empty')).toBeVisible();

  const logsHref = await page
    .getByTestId('health-row-forklift-console')
    .getByRole('link', { name: 'View logs' })
    .getAttribute('href');
  // The e2e app logs at warn level, so a healthy run may have no lines yet; the unit tests check
  // what the lines hold.
  const logs = await page.request.get(logsHref!);
  expect(logs.status()).toBe(200);
  expect(logs.headers()['content-type']).toContain('text/plain');
});
