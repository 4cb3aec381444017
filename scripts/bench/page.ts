// Section "page": a VM powered off in vCenter, until its row on an open Virtual machines tab says
// Off. The whole product is in the path: vcsim → collector → inventory → server push → the page's
// refetch → React → the DOM, in the standalone app with Debian's Chromium. The baseline is vCenter
// itself: a watch with the inventory's own filter, run alone afterwards, since vcsim recomputes a
// filter's whole result for every change and two big filters would slow each other down.
// At 5,000 VMs the same tab also times a keystroke in the VM name filter until the new rows are
// painted, against the same filter as a plain function over the same VMs in the same page.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { errors } from '@playwright/test';
import { startVcsim, type VcsimModel } from '../vcsim.ts';
import { startAppProcess, type AppProcess } from './app-process.ts';
import { createVsphereProvider, type ProviderObject } from './provider.ts';
import {
  launchChromium,
  openVmsTab,
  timeKeystrokes,
  type KeystrokeTimes,
  type VmsTab,
} from './page-browser.ts';
import { runPowerTask, startPowerWatch } from './vm-power.ts';
import { percentile } from './stats.ts';
import { inventoryRequests, SYNC_MODEL } from './sync.ts';
import type { Figure, SectionReport } from './report.ts';
import {
  createSoapClient,
  type ManagedObjectReference,
  type SoapClient,
} from '@forklift-console/vsphere';

const root = path.resolve(import.meta.dirname, '../..');
const NAMESPACE = 'bench';
const PROVIDER = 'vcsim';
const READY_TIMEOUT_MS = 10 * 60_000;
/** A controller that runs sets some condition within seconds, Ready or not. */
const CONTROLLER_TIMEOUT_MS = 60_000;
const SAMPLE_TIMEOUT_MS = 30_000;
/** Each sample starts from a quiet page and BFF, outside the previous change's coalescing. */
const SETTLE_MS = 1000;
// Powering the VM back on is not measured: a slow one only delays the next sample.
const RESTORE_TIMEOUT_MS = 120_000;
const TLS = { insecureSkipVerify: true };

/** The goal of the keystroke figure: typing into a 5,000-VM filter must feel immediate. */
const KEYSTROKE_GOAL_MS = 100;

/** The inventory's scale, and a small one where vcsim's own delay is small. */
const SCALES: { label: string; model: VcsimModel; keystrokes: boolean }[] = [
  { label: '5,000 VMs', model: SYNC_MODEL, keystrokes: true },
  {
    label: '100 VMs',
    model: { datacenters: 1, clusters: 1, hosts: 2, 'standalone-hosts': 0, vms: 100 },
    keystrokes: false,
  },
];

type Phases = { toRefetch: number; refetch: number; toPaint: number };

type ScaleResult = {
  label: string;
  vmName: string;
  pageMs: number[];
  directMs: number[];
  phases: Phases[];
  keystrokes?: KeystrokeTimes;
  /** Why sampling stopped early, if it did: the figures then hold the samples taken. */
  stopped: string[];
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class SampleTimeout extends Error {}

const withTimeout = <T>(promise: Promise<T>, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SampleTimeout(`${what} took over ${SAMPLE_TIMEOUT_MS / 1000} s`)),
      SAMPLE_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/** Waits for the provider controller to connect, load the inventory and call the Provider Ready. */
export const waitForReady = async (app: AppProcess, provider: ProviderObject): Promise<void> => {
  const api = app.kubeConfig.makeApiClient(CustomObjectsApi);
  const started = Date.now();
  let conditions: { type: string; status: string; message?: string }[] = [];
  while (Date.now() - started < READY_TIMEOUT_MS) {
    const current = (await api.getNamespacedCustomObject({
      group: 'forklift.konveyor.io',
      version: 'v1beta1',
      namespace: NAMESPACE,
      plural: 'providers',
      name: provider.metadata.name,
    })) as { status?: { conditions?: typeof conditions } };
    conditions = current.status?.conditions ?? [];
    if (conditions.some((condition) => condition.type === 'Ready' && condition.status === 'True')) {
      return;
    }
    if (conditions.length === 0 && Date.now() - started > CONTROLLER_TIMEOUT_MS) {
      throw new Error(
        `nothing set conditions on the Provider within ${CONTROLLER_TIMEOUT_MS / 1000} s: is the provider controller running in the app?`,
      );
    }
    await pause(1000);
  }
  const summary = conditions.map(
    (c) => `${c.type}=${c.status}${c.message ? ` (${c.message})` : ''}`,
  );
  throw new Error(
    `the Provider did not become Ready within ${READY_TIMEOUT_MS / 60_000} min; conditions: ${summary.join('; ')}`,
  );
};

/** The page phase: the app, its provider Ready, the tab open; returns the VM and the samples. */
const measurePage = async (
  vcsim: { sdkUrl: string; username: string; password: string },
  client: SoapClient,
  { samples, keystrokes }: { samples: number; keystrokes: boolean },
) => {
  const app = await startAppProcess();
  try {
    const provider = await createVsphereProvider(app.kubeConfig, vcsim, {
      namespace: NAMESPACE,
      name: PROVIDER,
    });
    await waitForReady(app, provider);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(app.signInUrl);
      const tab: VmsTab = await openVmsTab(
        page,
        `${app.consoleUrl}/k8s/ns/${NAMESPACE}/forklift.konveyor.io~v1beta1~Provider/${PROVIDER}/vms`,
      );
      const vmListUrl = `${app.consoleUrl}/api/v1/inventory/providers/vsphere/${provider.metadata.uid}/vms`;
      const keystrokeTimes = keystrokes
        ? await timeKeystrokes(page, { vmListUrl, samples, timeoutMs: SAMPLE_TIMEOUT_MS })
        : undefined;
      const found = (await (
        await fetch(`${vmListUrl}?name=${encodeURIComponent(tab.vmName)}`, {
          headers: app.writeHeaders,
        })
      ).json()) as { id: string; name: string }[];
      const vm = found.find((candidate) => candidate.name === tab.vmName);
      if (!vm) throw new Error(`the inventory API has no VM named ${tab.vmName}`);
      const vmRef: ManagedObjectReference = { type: 'VirtualMachine', value: vm.id };

      const pageMs: number[] = [];
      const phases: Phases[] = [];
      const stopped: string[] = [];
      for (let sample = 0; sample < samples; sample += 1) {
        await tab.forgetFetches();
        const completedAt = await runPowerTask(client, 'PowerOffVM_Task', vmRef);
        try {
          const paintedAt = await tab.shown('Off', SAMPLE_TIMEOUT_MS);
          pageMs.push(paintedAt - completedAt);
          const listFetch = await tab.lastVmListFetch();
          if (listFetch && listFetch.start > completedAt) {
            phases.push({
              toRefetch: listFetch.start - completedAt,
              refetch: listFetch.end - listFetch.start,
              toPaint: paintedAt - listFetch.end,
            });
          }
        } catch (error) {
          if (!(error instanceof errors.TimeoutError)) throw error;
          // A sample the page never showed counts as infinitely slow, so it weighs on p95.
          pageMs.push(Number.POSITIVE_INFINITY);
        }
        await runPowerTask(client, 'PowerOnVM_Task', vmRef);
        try {
          await tab.shown('On', RESTORE_TIMEOUT_MS);
        } catch (error) {
          if (!(error instanceof errors.TimeoutError)) throw error;
          // Later samples would start from a VM the page still shows Off: keep what was measured.
          stopped.push(
            `the page did not show the VM On again within ${RESTORE_TIMEOUT_MS / 1000} s after sample ${sample + 1}; sampling stopped`,
          );
          break;
        }
        await pause(SETTLE_MS);
      }
      return { vmName: tab.vmName, vmRef, pageMs, phases, keystrokeTimes, stopped };
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
  }
};

/** The baseline phase: the same power cycles, seen by a watch with the inventory's filter. */
const measureDirect = async (
  vcsim: { sdkUrl: string; username: string; password: string },
  client: SoapClient,
  vmRef: ManagedObjectReference,
  samples: number,
): Promise<{ directMs: number[]; stopped: string[] }> => {
  const requests = await inventoryRequests(vcsim.sdkUrl, TLS);
  const watch = await startPowerWatch({ ...vcsim, tls: TLS }, requests, vmRef);
  try {
    await withTimeout(watch.seen('poweredOn'), 'the direct watch reading the inventory');
    const directMs: number[] = [];
    for (let sample = 0; sample < samples; sample += 1) {
      try {
        const completedAt = await runPowerTask(client, 'PowerOffVM_Task', vmRef);
        const seenOff = await withTimeout(watch.seen('poweredOff'), 'the direct watch seeing Off');
        directMs.push(seenOff - completedAt);
        await runPowerTask(client, 'PowerOnVM_Task', vmRef);
        await withTimeout(watch.seen('poweredOn'), 'the direct watch seeing On');
      } catch (error) {
        if (!(error instanceof SampleTimeout)) throw error;
        directMs.push(Number.POSITIVE_INFINITY);
        return { directMs, stopped: [`${error.message}; sampling stopped`] };
      }
      await pause(SETTLE_MS);
    }
    return { directMs, stopped: [] };
  } finally {
    await watch.stop();
  }
};

const measureScale = async (
  { label, model, keystrokes }: (typeof SCALES)[number],
  samples: number,
): Promise<ScaleResult> => {
  const vcsim = await startVcsim(model, undefined, { tls: true });
  try {
    const client = createSoapClient(vcsim.sdkUrl, TLS);
    await client.login(vcsim.username, vcsim.password);
    try {
      const page = await measurePage(vcsim, client, { samples, keystrokes });
      const direct = await measureDirect(vcsim, client, page.vmRef, samples);
      return {
        label,
        vmName: page.vmName,
        pageMs: page.pageMs,
        directMs: direct.directMs,
        phases: page.phases,
        keystrokes: page.keystrokeTimes,
        stopped: [...page.stopped, ...direct.stopped].map((why) => `${label}: ${why}`),
      };
    } finally {
      await client.logout();
      await client.close();
    }
  } finally {
    await vcsim.stop();
  }
};

const ms = (values: number[]) =>
  values
    .map((value) => (Number.isFinite(value) ? String(Math.round(value)) : 'timeout'))
    .join(', ');

const phaseMedian = (phases: Phases[], key: keyof Phases) =>
  Math.round(
    percentile(
      phases.map((phase) => phase[key]),
      50,
    ),
  );

const notesOf = (result: ScaleResult): string[] => [
  ...result.stopped,
  `${result.label}, VM ${result.vmName}: page ${ms(result.pageMs)}; direct watch ${ms(result.directMs)}`,
  `${result.label}, page phases (median ms): task done → VM list refetch starts ${phaseMedian(result.phases, 'toRefetch')}, refetch ${phaseMedian(result.phases, 'refetch')}, response end → paint ${phaseMedian(result.phases, 'toPaint')}`,
  ...(result.keystrokes
    ? [
        `${result.label} (${result.keystrokes.vmCount} in the list), keystroke to painted rows: page ${ms(result.keystrokes.pageMs)}; plain filter ${result.keystrokes.plainMs.map((value) => value.toFixed(1)).join(', ')}`,
      ]
    : []),
];

const keystrokeFiguresOf = (label: string, { pageMs, plainMs }: KeystrokeTimes): Figure[] => [
  {
    name: `${label}: keystroke to painted rows, p50`,
    unit: 'ms',
    measured: percentile(pageMs, 50),
    baseline: percentile(plainMs, 50),
  },
  {
    name: `${label}: keystroke to painted rows, p95`,
    unit: 'ms',
    measured: percentile(pageMs, 95),
    baseline: percentile(plainMs, 95),
    goal: { max: KEYSTROKE_GOAL_MS, of: 'measured' },
  },
];

const figuresOf = ({ label, pageMs, directMs, keystrokes }: ScaleResult): Figure[] => [
  {
    name: `${label}: power-off to page, p50`,
    unit: 'ms',
    measured: percentile(pageMs, 50),
    baseline: percentile(directMs, 50),
  },
  {
    name: `${label}: power-off to page, p95`,
    unit: 'ms',
    measured: percentile(pageMs, 95),
    baseline: percentile(directMs, 95),
    goal: { max: 2000, of: 'measured' },
  },
  ...(keystrokes ? keystrokeFiguresOf(label, keystrokes) : []),
];

export const runPageSection = async ({ samples }: { samples: number }): Promise<SectionReport> => {
  for (const dist of ['apps/console-shell/dist/index.html', 'apps/console-plugin/dist']) {
    if (!existsSync(path.join(root, dist))) {
      throw new Error(`${dist} is missing: run \`npm run build\` first`);
    }
  }
  const results: ScaleResult[] = [];
  for (const scale of SCALES) results.push(await measureScale(scale, samples));
  return {
    id: 'page',
    title: `Power-off in vCenter → its row shows Off on the open Virtual machines tab, and a keystroke in its name filter → the new rows painted, ${samples} samples per scale`,
    baseline:
      'the same power-offs seen by a WaitForUpdatesEx watch with the inventory’s own filter, run alone after the page (vCenter’s own delay); for keystrokes, the same filter texts as a plain function (lower-case, contains) over the same VM list in the same page',
    notes: [
      `times (ms) from the task's completion to the paint of the changed cell; a sample the page did not show within ${SAMPLE_TIMEOUT_MS / 1000} s is a timeout`,
      'keystroke times (ms) from the key event of a digit typed into the empty filter to the frame that shows the changed rows',
      ...results.flatMap(notesOf),
    ],
    figures: results.flatMap(figuresOf),
  };
};
