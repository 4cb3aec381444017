// `npm run build -w @forklift-console/console-plugin`: validates the extensions (an invalid one
// fails the build), then runs webpack and checks that plugin-manifest.json came out.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import webpack from 'webpack';
import { createConfig, extensions, localesDir } from '../webpack.config.ts';
import { validateExtensions } from './validate-extensions.ts';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const catalogues = Object.fromEntries(
  readdirSync(path.join(localesDir, 'en')).map((file) => [
    path.basename(file, '.json'),
    JSON.parse(readFileSync(path.join(localesDir, 'en', file), 'utf8')) as Record<string, string>,
  ]),
);
const problems = validateExtensions(extensions, catalogues);
if (problems.length > 0) fail(`console-extensions.json is invalid:\n- ${problems.join('\n- ')}`);

const mode = process.env.NODE_ENV === 'development' ? 'development' : 'production';
const config = createConfig(mode);
const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
  webpack(config, (error, result) => (error ? reject(error) : resolve(result))),
);
if (!stats || stats.hasErrors()) {
  fail(stats?.toString({ colors: false, all: false, errors: true }) ?? 'webpack failed');
}
if (stats?.hasWarnings()) {
  process.stdout.write(`${stats.toString({ colors: false, all: false, warnings: true })}\n`);
}
const manifest = path.join(config.output!.path!, 'plugin-manifest.json');
if (!existsSync(manifest)) fail(`webpack finished but ${manifest} is missing`);
process.stdout.write(`Built the console plugin into ${path.dirname(manifest)}\n`);
