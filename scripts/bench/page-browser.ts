// The browser side of the page section: Debian's Chromium on the provider's Virtual machines tab,
// with a watcher in the page that notes when the watched VM's power cell changes, and a timer of
// keystrokes in the VM name filter.
import { chromium, errors, type Browser, type Page } from '@playwright/test';

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

/**
 * Installed in the page: for each keystroke in the VM name filter, the time from the key's event
 * to the paint of a changed set of rows. The rows count as painted in the first task after the
 * animation frame that follows their DOM change, i.e. once the browser has rendered that frame.
 */
const KEYSTROKE_TIMER = `() => {
  const rowsOf = () =>
    Array.from(document.querySelectorAll('[data-testid^="vm-row-"]'), (row) => row.dataset.testid).join('\\n');
  const timer = { pending: null, samples: [] };
  window.__benchKeystrokes = timer;
  document.addEventListener('keydown', (event) => {
    if (!event.target.closest('[data-testid="vm-name-filter"]')) return;
    timer.pending = { key: event.key, at: event.timeStamp, rows: rowsOf() };
  }, { capture: true });
  new MutationObserver(() => {
    const pending = timer.pending;
    if (!pending || rowsOf() === pending.rows) return;
    timer.pending = null;
    requestAnimationFrame(() => setTimeout(() => {
      timer.samples.push({ key: pending.key, ms: performance.now() - pending.at });
    }));
  }).observe(document.body, {
    // Rows are reused in place, so a new row set can be a changed data-testid, not new elements.
    subtree: true, childList: true, characterData: true, attributeFilter: ['data-testid'],
  });
}`;

/**
 * The baseline, in the same page: the filter as a plain function (lower-case the names, keep those
 * that contain the text) over the same VM list, fetched from the inventory API, once per text.
 */
const PLAIN_FILTER = `async ({ url, texts }) => {
  const vms = await (await fetch(url)).json();
  const plainMs = texts.map((text) => {
    const started = performance.now();
    const matching = vms.filter((vm) => vm.name.toLowerCase().includes(text.toLowerCase()));
    const ms = performance.now() - started;
    if (matching.length === vms.length) throw new Error('the text ' + text + ' matches every VM');
    return ms;
  });
  return { plainMs, vmCount: vms.length };
}`;

export type KeystrokeTimes = { pageMs: number[]; plainMs: number[]; vmCount: number };

/**
 * Types one digit at a time into the empty name filter and deletes it again, `samples` times: each
 * digit changes the first page's rows of vcsim's VMs (every name holds a 0, so 1 to 9). Only the
 * typed digits are samples; a keystroke whose rows never show counts as infinitely slow.
 */
export const timeKeystrokes = async (
  page: Page,
  { vmListUrl, samples, timeoutMs }: { vmListUrl: string; samples: number; timeoutMs: number },
): Promise<KeystrokeTimes> => {
  const texts = Array.from({ length: samples }, (_, sample) => String((sample % 9) + 1));
  const input = page.getByTestId('vm-name-filter').locator('input');
  await input.fill('');
  await page.evaluate(`(${KEYSTROKE_TIMER})()`);
  const keystroke = async (key: string, count: number): Promise<number> => {
    await input.press(key);
    try {
      await page.waitForFunction(`window.__benchKeystrokes.samples.length >= ${count}`, undefined, {
        timeout: timeoutMs,
      });
    } catch (error) {
      if (!(error instanceof errors.TimeoutError)) throw error;
      await page.evaluate(`window.__benchKeystrokes.samples.push({ key: '', ms: Infinity })`);
    }
    return (await page.evaluate(`window.__benchKeystrokes.samples[${count - 1}].ms`)) as number;
  };
  const pageMs: number[] = [];
  for (const [index, text] of texts.entries()) {
    pageMs.push(await keystroke(text, index * 2 + 1));
    await keystroke('Backspace', index * 2 + 2);
  }
  const plain = (await page.evaluate(
    `(${PLAIN_FILTER})(${JSON.stringify({ url: vmListUrl, texts })})`,
  )) as { plainMs: number[]; vmCount: number };
  return { pageMs, ...plain };
};

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
