// `npm run sample-guest [-- --variant full|fixture] [--rebuild] [--ova-dir <dir>]`: builds the
// sample guest once (as root, with debootstrap), prints where its files are and how long it took,
// and with --ova-dir puts the full guest's OVA in that folder (an OVA provider's share).
import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildSampleGuest,
  cachedSampleGuest,
  describeFiles,
  SAMPLE_GUEST_VARIANTS,
  SAMPLE_GUEST_VERSION,
  type SampleGuestVariant,
} from './sample-guest.ts';

const { values } = parseArgs({
  options: {
    variant: { type: 'string', multiple: true },
    rebuild: { type: 'boolean', default: false },
    'ova-dir': { type: 'string' },
  },
});

/** A hard link where it can be (the OVA is only read), else a copy. */
const placeOva = async (ova: string, directory: string) => {
  await mkdir(directory, { recursive: true });
  const target = path.join(path.resolve(directory), path.basename(ova));
  await rm(target, { force: true });
  await link(ova, target).catch(() => copyFile(ova, target));
  return target;
};
const variants = (values.variant ?? SAMPLE_GUEST_VARIANTS) as SampleGuestVariant[];
const unknown = variants.filter((variant) => !SAMPLE_GUEST_VARIANTS.includes(variant));
if (unknown.length > 0) {
  console.error(
    `--variant is one of ${SAMPLE_GUEST_VARIANTS.join(', ')}; got ${unknown.join(', ')}`,
  );
  process.exit(2);
}

const started = Date.now();
const alreadyBuilt = !values.rebuild && variants.every((variant) => cachedSampleGuest(variant));
try {
  const built = await buildSampleGuest({
    variants,
    rebuild: values.rebuild,
    progress: (line) => console.log(line),
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    alreadyBuilt
      ? `sample guest ${SAMPLE_GUEST_VERSION}, built before (--rebuild builds it again):`
      : `sample guest ${SAMPLE_GUEST_VERSION} built in ${seconds} s:`,
  );
  for (const variant of variants) {
    console.log(`  ${variant}:`);
    for (const line of await describeFiles(built[variant]!)) console.log(`    ${line}`);
  }
  const ovaDir = values['ova-dir'];
  if (ovaDir) {
    const variant = variants.includes('full') ? 'full' : variants[0]!;
    console.log(`the ${variant} guest's OVA is at ${await placeOva(built[variant]!.ova, ovaDir)}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
