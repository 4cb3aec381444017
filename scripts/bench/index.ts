// `npm run bench [-- sync api page upload query wizard import migrate conversion]`: the console's
// performance figures, each measured against a baseline in the same run, printed as tables and
// written to bench-results/latest.json. `conversion` measures the full sample guest (about 40
// minutes of both CPUs); BENCH_CONVERSION_GUEST=fixture checks the section in a few.
// A missed goal is a finding, not a failure: the exit code is non-zero only when a section could
// not be measured.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatSection, toJson, type SectionOutcome, type SectionReport } from './report.ts';
import { runSyncSection } from './sync.ts';
import { runApiSection } from './api.ts';
import { runPageSection } from './page.ts';
import { runUploadSection } from './upload.ts';
import { runQuerySection } from './query.ts';
import { runWizardSection } from './wizard.ts';
import { runImportSection } from './import.ts';
import { runMigrateSection } from './migrate.ts';
import { runConversionSection } from './conversion.ts';

const SECTIONS: Record<string, { title: string; run: () => Promise<SectionReport> }> = {
  sync: { title: 'Full inventory sync', run: () => runSyncSection({ runs: 3 }) },
  api: { title: 'Inventory API latency', run: () => runApiSection({ durationMs: 10_000 }) },
  page: { title: 'Power-off to page', run: () => runPageSection({ samples: 20 }) },
  upload: { title: 'OVA upload', run: () => runUploadSection({ runs: 3 }) },
  query: { title: 'VM query', run: () => runQuerySection({ samples: 50 }) },
  wizard: {
    title: 'Plan wizard: Virtual machines step',
    run: () => runWizardSection({ samples: 5 }),
  },
  import: { title: 'CDI import', run: () => runImportSection({ runs: 3 }) },
  migrate: { title: 'Cold migration from vcsim', run: () => runMigrateSection() },
  conversion: {
    title: 'Guest conversion through virt-v2v',
    run: () => runConversionSection(),
  },
};

const requested = process.argv.slice(2);
const unknown = requested.filter((id) => !(id in SECTIONS));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown section ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}\n`,
  );
  process.exit(2);
}

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  // The machine is shared: the load average says how much the figures were disturbed.
  loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))),
};
process.stdout.write(
  `Forklift Console bench — ${machine.cpus} CPUs, load average ${machine.loadAverageAtStart.join(' ')}, Node ${machine.node}\n\n`,
);

const outcomes: SectionOutcome[] = [];
for (const id of requested.length > 0 ? requested : Object.keys(SECTIONS)) {
  const section = SECTIONS[id]!;
  let outcome: SectionOutcome;
  // Progress goes to stderr, so stdout stays the report.
  process.stderr.write(`${section.title}: measuring…\n`);
  try {
    outcome = await section.run();
  } catch (error) {
    outcome = { id, title: section.title, error: (error as Error).message };
  }
  outcomes.push(outcome);
  process.stdout.write(`${formatSection(outcome)}\n\n`);
}

const resultsFile = path.resolve(import.meta.dirname, '../../bench-results/latest.json');
await mkdir(path.dirname(resultsFile), { recursive: true });
await writeFile(resultsFile, `${JSON.stringify(toJson(outcomes, machine), null, 2)}\n`);
process.stdout.write(`Figures written to ${path.relative(process.cwd(), resultsFile)}\n`);
process.exitCode = outcomes.some((outcome) => 'error' in outcome) ? 1 : 0;
