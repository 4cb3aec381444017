// The browser side of the page section: Debian's Chromium on the provider's Virtual machines tab,
// with a watcher in the page that notes when the watched VM's power cell changes.
import { chromium, type Browser, type Page } from '@playwright/test';

const FIRST_ROW_TIMEOUT_MS = 120_000;

/**
 * Installed in the page: notes the wall-clock time the watched VM's power cell changes state, on
 * the animation frame after the DOM change, i.e. when the browser is about to paint it.
 */
const POWER_CELL_WATCHER = `(name) => {
  const cell = () => document.querySelector('[data-testid="vm-power-' + CSS.escape(name) + '"]');
  const stateOf = (text) => (/\\bOff\\b/.test(text) ? 'Off' : /\\bOn\\b/.test(text) ? 'On' : text);
  window.__benchPower = { state: stateOf(cell()?.textContent ?? ''), at: Date.now() };
  const check = () => {
    const state = stateOf(cell()?.textContent ?? '');
    if (state === window.__benchPower.state) return;
    window.__benchPower = { state, at: 0 };
    requestAnimationFrame(() => {
      if (window.__benchPower.state === state) window.__benchPower.at = Date.now();
    });
  };
  new MutationObserver(check).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true,
  });
}`;

/** The page's latest fetch of the VM list, in wall-clock time, from its resource timing. */
const LAST_VM_LIST_FETCH = `(() => {
  const entry = performance.getEntriesByType('resource').filter((r) => /\\/vms$/.test(r.name)).pop();
  return entry
    ? { start: performance.timeOrigin + entry.startTime, end: performance.timeOrigin + entry.responseEnd }
    : null;
})()`;

export type VmsTab = {
  /** The VM in the first row, whose power cell the page watches. */
  vmName: string;
  /** Resolves with the wall-clock time the cell showed this state; rejects after the timeout. */
  shown(state: 'On' | 'Off', timeoutMs: number): Promise<number>;
  /** When the page's latest fetch of the VM list started and ended, if it made one. */
  lastVmListFetch(): Promise<{ start: number; end: number } | null>;
  forgetFetches(): Promise<void>;
};

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

export const openVmsTab = async (page: Page, url: string): Promise<VmsTab> => {
  await page.goto(url);
  const firstRow = page.locator('[data-testid^="vm-row-"]').first();
  await firstRow.waitFor({ timeout: FIRST_ROW_TIMEOUT_MS });
  const vmName = (await firstRow.getAttribute('data-testid'))!.slice('vm-row-'.length);
  await page.evaluate(`(${POWER_CELL_WATCHER})(${JSON.stringify(vmName)})`);
  return {
    vmName,
    async shown(state, timeoutMs) {
      const handle = await page.waitForFunction(
        `window.__benchPower.state === '${state}' && window.__benchPower.at > 0 ? window.__benchPower.at : 0`,
        undefined,
        { timeout: timeoutMs },
      );
      return (await handle.jsonValue()) as number;
    },
    lastVmListFetch: async () =>
      (await page.evaluate(LAST_VM_LIST_FETCH)) as { start: number; end: number } | null,
    forgetFetches: async () => {
      await page.evaluate('performance.clearResourceTimings()');
    },
  };
};
