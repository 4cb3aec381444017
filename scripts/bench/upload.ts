// Section "upload": a 2 GiB OVA uploaded through the standalone app's upload route, against `dd`
// writing as many bytes to the same filesystem, alternately in the same run. The upload streams,
// inspects the tar, parses the OVF and fsyncs; dd only writes and fsyncs, so the ratio is the cost
// of the HTTP path and the checks. The app's RSS is sampled during each upload: a streamed upload
// must not hold the file.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CustomObjectsApi,
  KubernetesObjectApi,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import {
  apiVersionOf,
  ForkliftControllerModel,
  NamespaceModel,
  ProviderModel,
  type Provider,
} from '@forklift-console/api';
import { localShareDir } from '../../apps/bff/src/inventory/ova/share.ts';
import { startAppProcess } from './app-process.ts';
import { cpuSeconds, residentBytes, startRssSampler } from './upload-app.ts';
import { ovaUploadBody, type OvaBody } from './upload-body.ts';
import { MIB } from './memory.ts';
import { median } from './stats.ts';
import type { SectionReport } from './report.ts';

const FILE_BYTES = 2 * 1024 ** 3;
const WARM_UP_BYTES = 64 * 1024 ** 2;
const NAMESPACE = 'bench';
const PROVIDER = 'ova-uploads';
const SHARE_URL = 'nfs.example.com:/ova';
/** Throughput ≥ 0.7× dd's is wall time ≤ 1/0.7 = 1.43× dd's; rounded down, to stay strict. */
const TIME_RATIO_GOAL = 1.42;
const RSS_GROWTH_GOAL_MIB = 100;
const RSS_SAMPLE_MS = 20;
// Deleting 2 GiB and the inventory's rescan of the share settle before the next measurement.
const SETTLE_MS = 2000;
const READY_TIMEOUT_MS = 60_000;
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

type UploadSample = {
  elapsedMs: number;
  rssBeforeBytes: number;
  rssPeakBytes: number;
  cpuSeconds: number;
};

const createOvaProvider = async (kubeConfig: KubeConfig) => {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  await client.create({
    apiVersion: apiVersionOf(NamespaceModel),
    kind: NamespaceModel.kind,
    metadata: { name: NAMESPACE },
  });
  // Uploads are an appliance-management feature, off unless the ForkliftController turns it on.
  await client.create({
    apiVersion: apiVersionOf(ForkliftControllerModel),
    kind: ForkliftControllerModel.kind,
    metadata: { name: 'forklift-controller', namespace: NAMESPACE },
    spec: { feature_ova_appliance_management: 'true' },
  } as KubernetesObject);
  await client.create({
    apiVersion: apiVersionOf(ProviderModel),
    kind: ProviderModel.kind,
    metadata: { name: PROVIDER, namespace: NAMESPACE },
    spec: { type: 'ova', url: SHARE_URL, secret: {}, settings: { applianceManagement: 'true' } },
  } as KubernetesObject);
};

/** Waits until the provider controller calls the Provider Ready: its inventory watches the share. */
const waitForReady = async (kubeConfig: KubeConfig) => {
  const api = kubeConfig.makeApiClient(CustomObjectsApi);
  const started = Date.now();
  let conditions: { type: string; status: string; message?: string }[] = [];
  while (Date.now() - started < READY_TIMEOUT_MS) {
    const provider = (await api.getNamespacedCustomObject({
      ...ProviderModel,
      namespace: NAMESPACE,
      name: PROVIDER,
    })) as Provider;
    conditions = (provider.status?.conditions ?? []) as typeof conditions;
    if (conditions.some((condition) => condition.type === 'Ready' && condition.status === 'True')) {
      return;
    }
    await sleep(500);
  }
  const summary = conditions.map((c) => `${c.type}=${c.status} ${c.message ?? ''}`.trim());
  throw new Error(`the OVA provider was not Ready within a minute: ${summary.join('; ')}`);
};

/** The upload route, and the headers of a write from the console's page. */
type UploadTarget = { url: string; headers: Record<string, string> };

/** POSTs the body with its Content-Length; resolves with the answer once it is read whole. */
const post = ({ url, headers }: UploadTarget, body: OvaBody) =>
  new Promise<{ statusCode: number; text: string }>((resolve, reject) => {
    let answered = false;
    const request = http.request(url, {
      method: 'POST',
      agent: false,
      timeout: UPLOAD_TIMEOUT_MS,
      headers: {
        ...headers,
        'content-type': body.contentType,
        'content-length': body.contentLength,
      },
    });
    request.on('timeout', () => request.destroy(new Error('the upload timed out')));
    request.on('response', (response) => {
      answered = true;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ statusCode: response.statusCode!, text }));
      response.on('error', reject);
    });
    // A server that refuses the body answers before reading it all, then the rest cannot be sent:
    // its answer says more than the broken pipe.
    pipeline(Readable.from(body.chunks()), request).catch((error: unknown) => {
      if (!answered) reject(error);
    });
  });

const uploadOva = async (target: UploadTarget, shareDir: string, body: OvaBody) => {
  const { fileName } = body;
  const answer = await post(target, body);
  if (answer.statusCode !== 201) {
    throw new Error(`the upload of ${fileName} answered ${answer.statusCode}: ${answer.text}`);
  }
  const stored = await stat(path.join(shareDir, fileName));
  if (stored.size !== body.fileBytes) {
    throw new Error(`${fileName} is ${stored.size} bytes in the share, not ${body.fileBytes}`);
  }
};

const measureUpload = async (
  target: UploadTarget,
  shareDir: string,
  app: { pid: number },
  fileName: string,
  pattern: Buffer,
): Promise<UploadSample> => {
  const body = ovaUploadBody({ fileName, fileBytes: FILE_BYTES, pattern });
  const rssBeforeBytes = residentBytes(app.pid);
  const cpuBefore = cpuSeconds(app.pid);
  const sampler = startRssSampler(app.pid, RSS_SAMPLE_MS);
  const started = performance.now();
  let rssPeakBytes: number;
  try {
    await uploadOva(target, shareDir, body);
  } finally {
    rssPeakBytes = sampler.stop();
  }
  const sample = {
    elapsedMs: performance.now() - started,
    rssBeforeBytes,
    rssPeakBytes,
    cpuSeconds: cpuSeconds(app.pid) - cpuBefore,
  };
  await rm(path.join(shareDir, fileName));
  return sample;
};

const sha256 = async (chunks: AsyncIterable<Buffer> | Iterable<Buffer>) => {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
};

/**
 * A smaller upload before anything is measured, so the route's code is loaded and its loops
 * compiled; what it stores is compared byte for byte with what was sent.
 */
const warmUp = async (target: UploadTarget, shareDir: string, pattern: Buffer) => {
  const body = ovaUploadBody({ fileName: 'warm-up.ova', fileBytes: WARM_UP_BYTES, pattern });
  await uploadOva(target, shareDir, body);
  const stored = path.join(shareDir, body.fileName);
  if ((await sha256(createReadStream(stored))) !== (await sha256(body.fileChunks()))) {
    throw new Error(`${body.fileName} in the share is not the file that was sent`);
  }
  await rm(stored);
};

/** Wall time of `dd` writing FILE_BYTES of zeros to `file` and fsyncing it, as the upload does. */
const measureDd = async (file: string): Promise<number> => {
  const started = performance.now();
  const dd = spawn(
    'dd',
    ['if=/dev/zero', `of=${file}`, 'bs=1M', `count=${FILE_BYTES / MIB}`, 'conv=fsync'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  dd.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(dd, 'exit')) as [number | null];
  const elapsedMs = performance.now() - started;
  await rm(file, { force: true });
  if (code !== 0) throw new Error(`dd exited with ${code}: ${stderr.trim()}`);
  return elapsedMs;
};

const mibPerSecond = (ms: number) => FILE_BYTES / MIB / (ms / 1000);

export const runUploadSection = async ({ runs }: { runs: number }): Promise<SectionReport> => {
  const app = await startAppProcess();
  try {
    // The app's default share root (--ova-share-root is not given): <data dir>/ova-shares.
    const shareDir = localShareDir(SHARE_URL, path.join(app.dataDir, 'ova-shares'));
    await mkdir(shareDir, { recursive: true });
    await createOvaProvider(app.kubeConfig);
    await waitForReady(app.kubeConfig);
    const target = {
      url: `${app.consoleUrl}/api/v1/namespaces/${NAMESPACE}/providers/${PROVIDER}/ova-files`,
      headers: app.writeHeaders,
    };
    // Like a compressed streamOptimized disk, the bytes look random; one MiB of them repeats.
    const pattern = randomBytes(MIB);

    await warmUp(target, shareDir, pattern);
    await sleep(SETTLE_MS);

    const ddMs: number[] = [];
    const uploads: UploadSample[] = [];
    for (let run = 0; run < runs; run += 1) {
      ddMs.push(await measureDd(path.join(app.dataDir, 'dd-baseline.bin')));
      await sleep(SETTLE_MS);
      uploads.push(await measureUpload(target, shareDir, app, `bench-${run + 1}.ova`, pattern));
      await sleep(SETTLE_MS);
    }

    const uploadMs = median(uploads.map((sample) => sample.elapsedMs));
    const baselineMs = median(ddMs);
    const growthMiB = uploads.map((sample) => (sample.rssPeakBytes - sample.rssBeforeBytes) / MIB);
    const list = (values: number[], digits = 0) =>
      values.map((value) => value.toFixed(digits)).join(', ');
    const rssBefore = list(uploads.map((sample) => sample.rssBeforeBytes / MIB));
    const cpu = list(
      uploads.map((sample) => sample.cpuSeconds),
      1,
    );
    return {
      id: 'upload',
      title: `OVA upload: a 2 GiB OVA through POST …/providers/<name>/ova-files, median of ${runs} runs`,
      baseline: `dd if=/dev/zero bs=1M count=2048 conv=fsync into the app's data folder (the share's filesystem), alternating with the uploads`,
      notes: [
        `goal: upload throughput ≥ 0.7× dd's, i.e. wall time ≤ ${TIME_RATIO_GOAL}× dd's (1/0.7, rounded to the stricter side)`,
        `throughput: upload ${mibPerSecond(uploadMs).toFixed(0)} MiB/s, dd ${mibPerSecond(baselineMs).toFixed(0)} MiB/s (${(baselineMs / uploadMs).toFixed(2)}× dd's)`,
        `samples (ms): upload ${list(uploads.map((sample) => sample.elapsedMs))}; dd ${list(ddMs)}`,
        "the client is the bench process over loopback (1 MiB writes, Content-Length set); an upload's time ends with the 201, after fsync and publication; the provider's inventory watches the share meanwhile, as in use",
        `app RSS before each upload ${rssBefore} MiB, growth ${list(growthMiB, 1)} MiB (sampled every ${RSS_SAMPLE_MS} ms); app CPU per upload ${cpu} s`,
      ],
      figures: [
        {
          name: 'Upload of 2 GiB, wall time',
          unit: 'ms',
          measured: uploadMs,
          baseline: baselineMs,
          goal: { max: TIME_RATIO_GOAL, of: 'ratio' },
        },
        {
          name: 'App RSS growth during an upload (worst run)',
          unit: 'MiB',
          measured: Math.max(...growthMiB),
          goal: { max: RSS_GROWTH_GOAL_MIB, of: 'measured' },
        },
      ],
    };
  } finally {
    await app.stop();
  }
};
