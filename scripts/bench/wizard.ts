// Section "wizard": the create-plan wizard's Virtual machines step at 5,000 VMs. First rows: from
// Next on the General step until the first VM row is painted, in Debian's Chromium, each sample
// from a freshly loaded page (nothing cached). Query: a VM query answered by the inventory API
// over the 5,000 VMs (a selective one, with the goal, and a broad one), against the same filter as
// a plain function over the same VMs in this process (the VMs as the API answers them, parsed).
import { CustomObjectsApi } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, ProviderModel } from '@forklift-console/api';
import { startVcsim } from '../vcsim.ts';
import { startAppProcess, type AppProcess } from './app-process.ts';
import { waitForReady } from './page.ts';
import { launchChromium } from './page-browser.ts';
import { createVsphereProvider } from './provider.ts';
import { median } from './stats.ts';
import { SYNC_MODEL } from './sync.ts';
import type { SectionReport } from './report.ts';

const NAMESPACE = 'bench';
const PROVIDER = 'vcsim';
const FIRST_ROWS_GOAL_MS = 1000;
const QUERY_GOAL_MS = 100;
const STEP_TIMEOUT_MS = 120_000;

type BenchVm = { name: string; powerState?: string; memoryMB?: number };
type BenchQuery = { query: string; plain: (vm: BenchVm) => boolean };

const poweredOnWithMemory = (vm: BenchVm) =>
  vm.powerState === 'poweredOn' && (vm.memoryMB ?? 0) >= 32;

// A selection as a user makes one (a few hundred VMs by name pattern), and a broad one that
// matches most VMs: the answer's time grows with what it returns, so both are shown.
const SELECTIVE: BenchQuery = {
  query: "powerState = 'poweredOn' and memoryMB >= 32 and name ~= 'VM1[0-9][0-9]$'",
  plain: (vm) => poweredOnWithMemory(vm) && /VM1[0-9][0-9]$/.test(vm.name),
};
const BROAD: BenchQuery = {
  query: "powerState = 'poweredOn' and memoryMB >= 32 and name like '%1%'",
  plain: (vm) => poweredOnWithMemory(vm) && vm.name.includes('1'),
};

/** The cluster the app runs on as the migration target (the bench app starts without samples). */
const createHostProvider = (app: AppProcess) =>
  app.kubeConfig.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    ...ProviderModel,
    namespace: NAMESPACE,
    body: {
      apiVersion: FORKLIFT_API_VERSION,
      kind: ProviderModel.kind,
      metadata: { name: 'host', namespace: NAMESPACE },
      spec: { type: 'openshift', url: '', secret: {} },
    },
  });

/** The VMs as the inventory answers them at the wizard's detail, read once. */
const readVms = async (app: AppProcess, vmsUrl: string) =>
  (await (await fetch(vmsUrl, { headers: app.writeHeaders })).json()) as BenchVm[];

const timeQuery = async (
  app: AppProcess,
  vmsUrl: string,
  all: BenchVm[],
  { query, plain }: BenchQuery,
  samples: number,
) => {
  const expected = all.filter(plain).length;
  if (expected === 0 || expected === all.length) {
    throw new Error(`the bench query matches ${expected} of ${all.length} VMs`);
  }
  const serverMs: number[] = [];
  const plainMs: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) {
    let started = performance.now();
    const answer = await fetch(`${vmsUrl}&query=${encodeURIComponent(query)}`, {
      headers: app.writeHeaders,
    });
    const matching = (await answer.json()) as BenchVm[];
    serverMs.push(performance.now() - started);
    if (matching.length !== expected) {
      throw new Error(`the server answered ${matching.length} VMs, the plain filter ${expected}`);
    }
    started = performance.now();
    all.filter(plain);
    plainMs.push(performance.now() - started);
  }
  return { serverMs, plainMs, matching: expected };
};

const timeFirstRows = async (app: AppProcess, samples: number) => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(app.signInUrl);
    const firstRowsMs: number[] = [];
    for (let sample = 0; sample < samples; sample += 1) {
      await page.goto(
        `${app.consoleUrl}/k8s/ns/${NAMESPACE}/forklift.konveyor.io~v1beta1~Plan/~new`,
      );
      await page.getByTestId('plan-name').fill(`bench-plan-${sample}`);
      const source = page.getByTestId('plan-source-provider');
      await source
        .locator(`option[value="${NAMESPACE}/${PROVIDER}"]`)
        .waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
      await source.selectOption(`${NAMESPACE}/${PROVIDER}`);
      const target = page.getByTestId('plan-target-provider');
      await target
        .locator(`option[value="${NAMESPACE}/host"]`)
        .waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
      await target.selectOption(`${NAMESPACE}/host`);
      const project = page.getByTestId('plan-target-project');
      await project
        .locator(`option[value="${NAMESPACE}"]`)
        .waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
      await project.selectOption(NAMESPACE);
      const started = Date.now();
      await page.getByTestId('wizard-next').click();
      await page
        .locator('[data-testid^="plan-vm-row-"]')
        .first()
        .waitFor({ timeout: STEP_TIMEOUT_MS });
      // Painted: the first animation frame after the rows are in the DOM.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve()))');
      firstRowsMs.push(Date.now() - started);
    }
    return firstRowsMs;
  } finally {
    await browser.close();
  }
};

export const runWizardSection = async ({
  samples,
}: {
  samples: number;
}): Promise<SectionReport> => {
  const vcsim = await startVcsim(SYNC_MODEL);
  try {
    const app = await startAppProcess();
    try {
      const provider = await createVsphereProvider(app.kubeConfig, vcsim, {
        namespace: NAMESPACE,
        name: PROVIDER,
      });
      await createHostProvider(app);
      await waitForReady(app, provider);
      const vmsUrl = `${app.consoleUrl}/api/v1/inventory/providers/vsphere/${provider.metadata.uid}/vms?detail=4`;
      const all = await readVms(app, vmsUrl);
      const selective = await timeQuery(app, vmsUrl, all, SELECTIVE, samples * 4);
      const broad = await timeQuery(app, vmsUrl, all, BROAD, samples * 4);
      const firstRowsMs = await timeFirstRows(app, samples);
      return {
        id: 'wizard',
        title: 'Plan wizard: Virtual machines step',
        baseline: 'the same filter as a plain function over the same VMs in the bench process',
        figures: [
          {
            name: `first rows after Next, ${all.length} VMs (median)`,
            unit: 'ms',
            measured: median(firstRowsMs),
            goal: { max: FIRST_ROWS_GOAL_MS, of: 'measured' },
          },
          {
            name: `query answered by the server, ${selective.matching} of ${all.length} VMs (median)`,
            unit: 'ms',
            measured: median(selective.serverMs),
            baseline: median(selective.plainMs),
            goal: { max: QUERY_GOAL_MS, of: 'measured' },
          },
          {
            name: `broad query, ${broad.matching} of ${all.length} VMs (median)`,
            unit: 'ms',
            measured: median(broad.serverMs),
            baseline: median(broad.plainMs),
          },
        ],
        notes: [
          `query: ${SELECTIVE.query}`,
          `broad query: ${BROAD.query} (most of its time is writing the matching VMs as JSON)`,
          `first rows: ${samples} samples, each from a freshly loaded page`,
        ],
      };
    } finally {
      await app.stop();
    }
  } finally {
    await vcsim.stop();
  }
};
