// `npm run sample-guest [-- --variant full|fixture] [--rebuild]`: builds the sample guest once
// (as root, with debootstrap) and prints where its files are and how long it took.
import { parseArgs } from 'node:util';
import {
  buildSampleGuest,
  describeFiles,
  SAMPLE_GUEST_VARIANTS,
  SAMPLE_GUEST_VERSION,
  type SampleGuestVariant,
} from './sample-guest.ts';

const { values } = parseArgs({
  options: {
    variant: { type: 'string', multiple: true },
    rebuild: { type: 'boolean', default: false },
  },
});
const variants = (values.variant ?? SAMPLE_GUEST_VARIANTS) as SampleGuestVariant[];
const unknown = variants.filter((variant) => !SAMPLE_GUEST_VARIANTS.includes(variant));
if (unknown.length > 0) {
  console.error(
    `--variant is one of ${SAMPLE_GUEST_VARIANTS.join(', ')}; got ${unknown.join(', ')}`,
  );
  process.exit(2);
}

const started = Date.now();
try {
  const built = await buildSampleGuest({
    variants,
    rebuild: values.rebuild,
    progress: (line) => console.log(line),
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`sample guest ${SAMPLE_GUEST_VERSION} ready in ${seconds} s:`);
  for (const variant of variants) {
    console.log(`  ${variant}:`);
    for (const line of await describeFiles(built[variant]!)) console.log(`    ${line}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
