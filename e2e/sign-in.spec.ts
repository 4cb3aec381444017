// The person who ran `npm start` opens the printed link; anyone else who reaches the port, or a
// page on another site, gets nothing.
import { test, expect } from './fixtures.ts';

test('the printed link opens the console signed in; the bare address asks for the link', async ({
  browser,
  app,
}) => {
  const stranger = await browser.newContext();
  try {
    const page = await stranger.newPage();
    const refused = await page.goto(app.consoleUrl);
    expect(refused?.status()).toBe(401);
    await expect(page.getByTestId('sign-in-page')).toContainText('Sign in to Forklift Console');
    await expect(page.getByTestId('sign-in-page')).toContainText('?token=');

    await page.goto(app.signInUrl);
    await expect(page.getByTestId('migration-nav-section')).toBeVisible();
    // The token has left the address bar; the session cookie carries on after a reload.
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await expect(page.getByTestId('migration-nav-section')).toBeVisible();
  } finally {
    await stranger.close();
  }
});

test('without the link the credentials of a provider cannot be read, and a write from another site is refused', async ({
  playwright,
  app,
}) => {
  const outsider = await playwright.request.newContext({ baseURL: app.consoleUrl });
  try {
    const reveal = await outsider.get(
      '/api/v1/namespaces/openshift-mtv/providers/host/credentials?reveal=true',
    );
    expect(reveal.status()).toBe(401);

    const token = new URL(app.signInUrl).searchParams.get('token')!;
    const crossSite = await outsider.post('/api/v1/access-reviews', {
      headers: { authorization: `Bearer ${token}`, origin: 'https://attacker.example' },
      data: { checks: [] },
    });
    expect(crossSite.status()).toBe(403);
  } finally {
    await outsider.dispose();
  }
});
