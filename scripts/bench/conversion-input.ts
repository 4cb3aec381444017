// The conversion section's pure parts: which sample guest it measures, what the engine's conversion
// pod was given (read from its Secret, the password left out) and the by-hand virt-v2v command
// built from it, and the section's figures with their goals.
import type { V1Secret } from '@kubernetes/client-node';
import type { SampleGuestVariant } from '../sample-guest/sample-guest.ts';
import type { Figure } from './report.ts';

export const GUEST_VARIABLE = 'BENCH_CONVERSION_GUEST';
/** The engine adds object creation and bookkeeping, not conversion work. */
export const TIME_RATIO_GOAL = 1.1;
export const RSS_GROWTH_GOAL_MIB = 100;

/** The guest to measure: `full` unless the variable names the fixture (for a quick check). */
export const conversionGuestOf = (value: string | undefined): SampleGuestVariant => {
  if (value === undefined || value === '' || value === 'full') return 'full';
  if (value === 'fixture') return 'fixture';
  throw new Error(`${GUEST_VARIABLE} must be full or fixture, not ${JSON.stringify(value)}`);
};

/** What virt-v2v reads, as the conversion pod's Secret says it (`V2V_` plus these keys). */
export type ConversionInput = {
  libvirtUrl: string;
  vmName: string;
  /** The target's name when the VM's is not a valid one (`-on`). */
  newName?: string;
  rootDisk: string;
};

/** The name virt-v2v gives its output (`<name>-sda`, …). */
export const outputNameOf = (input: ConversionInput): string => input.newName || input.vmName;

/** The pod's input from its Secret's data; the password (`secretKey`) is not read. */
export const conversionInputOf = (secret: V1Secret): ConversionInput => {
  const value = (key: string) => {
    const encoded = secret.data?.[key];
    return encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8');
  };
  if (value('source') !== 'vSphere') {
    throw new Error(
      `conversion Secret ${secret.metadata?.name}: source is ${value('source')}, not vSphere`,
    );
  }
  const libvirtUrl = value('libvirtURL');
  const vmName = value('vmName');
  if (!libvirtUrl || !vmName) {
    throw new Error(`conversion Secret ${secret.metadata?.name} lacks libvirtURL or vmName`);
  }
  const newName = value('NewName');
  return {
    libvirtUrl,
    vmName,
    ...(newName ? { newName } : {}),
    rootDisk: value('RootDisk') || 'first',
  };
};

/**
 * virt-v2v's arguments as the pod runner gives them for a vSphere source
 * (apps/embedded-cluster/src/pods/virt-v2v-command.ts): the same verbosity, input and output
 * mode, into a local folder instead of links to the claims.
 */
export const byHandArgs = (
  input: ConversionInput,
  { outputDir, passwordFile }: { outputDir: string; passwordFile: string },
): string[] => [
  '-v',
  '-x',
  '-o',
  'kubevirt',
  '-os',
  outputDir,
  ...(input.newName ? ['-on', input.newName] : []),
  '--root',
  input.rootDisk,
  '-i',
  'libvirt',
  '-ic',
  input.libvirtUrl,
  '-ip',
  passwordFile,
  '--',
  input.vmName,
];

/** The section's table: the plan against virt-v2v by hand, the boot, the app's RSS growth. */
export const conversionFigures = ({
  guest,
  planMs,
  byHandMs,
  bootMs,
  rssGrowthMiB,
}: {
  guest: SampleGuestVariant;
  planMs: number;
  byHandMs: number;
  bootMs: number;
  rssGrowthMiB: number;
}): Figure[] => [
  {
    name: `Cold migration with conversion (${guest} guest), wall time`,
    unit: 'ms',
    measured: planMs,
    baseline: byHandMs,
    goal: { max: TIME_RATIO_GOAL, of: 'ratio' },
  },
  { name: 'Succeeded to login: on the serial console', unit: 'ms', measured: bootMs },
  {
    name: 'App RSS growth during the plan',
    unit: 'MiB',
    measured: rssGrowthMiB,
    goal: { max: RSS_GROWTH_GOAL_MIB, of: 'measured' },
  },
];
