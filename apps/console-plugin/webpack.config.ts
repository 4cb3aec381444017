// Production build of the dynamic plugin. ConsoleRemotePlugin turns the exposed modules and
// console-extensions.json into the federated container and plugin-manifest.json the console loads.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import webpack, { type Configuration } from 'webpack';
import sdkWebpack from '@openshift-console/dynamic-plugin-sdk-webpack';
import type { ConsoleExtension } from './scripts/validate-extensions.ts';

const pluginDir = import.meta.dirname;
const rootDir = path.resolve(pluginDir, '../..');
const packageJson = JSON.parse(readFileSync(path.join(pluginDir, 'package.json'), 'utf8')) as {
  consolePlugin: { name: string; version: string } & Record<string, unknown>;
};
export const extensions = JSON.parse(
  readFileSync(path.join(rootDir, 'console-extensions.json'), 'utf8'),
) as ConsoleExtension[];
export const localesDir = path.join(rootDir, 'locales');

/** The console fetches catalogues from the plugin at locales/<language>/<namespace>.json. */
class CopyLocalesPlugin {
  apply(compiler: webpack.Compiler) {
    compiler.hooks.thisCompilation.tap('CopyLocalesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyLocalesPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const language of readdirSync(localesDir)) {
            for (const file of readdirSync(path.join(localesDir, language))) {
              const source = readFileSync(path.join(localesDir, language, file));
              compilation.emitAsset(
                `locales/${language}/${file}`,
                new webpack.sources.RawSource(source),
              );
            }
          }
        },
      );
    });
  }
}

export const createConfig = (mode: 'production' | 'development'): Configuration => ({
  mode,
  context: pluginDir,
  entry: {},
  output: {
    path: path.join(pluginDir, 'dist'),
    filename: '[name]-bundle-[contenthash].min.js',
    chunkFilename: '[name]-chunk-[chunkhash].min.js',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    // Sources import each other with .ts/.tsx extensions (as Node requires for the unit tests);
    // the loader rewrites those to .js, which must lead back to the source file.
    extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          // Type checking is `npm run typecheck`'s job; the build only strips types.
          options: {
            transpileOnly: true,
            configFile: path.join(pluginDir, 'tsconfig.json'),
            compilerOptions: {
              noEmit: false,
              allowImportingTsExtensions: false,
              rewriteRelativeImportExtensions: true,
            },
          },
        },
      },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(png|jpe?g|gif|svg|woff2?|ttf|eot)$/, type: 'asset/resource' },
    ],
  },
  plugins: [
    new sdkWebpack.ConsoleRemotePlugin({
      pluginMetadata: packageJson.consolePlugin as never,
      extensions: extensions as never,
      // Dependencies are hoisted to the workspace root, not the plugin's own node_modules.
      sharedDynamicModuleSettings: { modulePaths: [path.join(rootDir, 'node_modules')] },
    }),
    new CopyLocalesPlugin(),
  ],
  // PatternFly's table and its CSS make one chunk larger than webpack's generic 244 KiB hint; the
  // console loads chunks on demand, so the hint is noise here.
  performance: { hints: false },
  devtool: mode === 'production' ? false : 'source-map',
  optimization: { chunkIds: mode === 'production' ? 'deterministic' : 'named' },
});
