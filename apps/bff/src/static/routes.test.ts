// The built UI as a browser fetches it: compressed when it asks, and cached for ever only when the
// file's name changes with its content.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import { compressionOptions } from '../http/compression.ts';
import { staticRoutes } from './routes.ts';

// Names as the plugin's webpack build and the shell's Vite build write them.
const PLUGIN_CHUNK = '1153-chunk-9a7d5bb411b9ed3fbb1d.min.js';
const SHELL_BUNDLE = 'assets/index-C8CZhVan.js';
const SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `vm-${i}`))};`;

describe('static files', () => {
  let dir: string;
  let app: FastifyInstance;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bff-static-'));
    const files: Record<string, string> = {
      [`plugin/${PLUGIN_CHUNK}`]: SCRIPT,
      'plugin/plugin-entry.js': SCRIPT,
      'plugin/plugin-manifest.json': JSON.stringify({ name: 'forklift-console-plugin' }),
      'plugin/locales/en/plugin__forklift-console-plugin.json': JSON.stringify({ Name: 'Name' }),
      [`shell/${SHELL_BUNDLE}`]: SCRIPT,
      'shell/index.html': '<!doctype html><title>Forklift Console</title>',
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
    }
    app = Fastify();
    await app.register(fastifyCompress, compressionOptions);
    await app.register(staticRoutes, {
      shellDir: path.join(dir, 'shell'),
      pluginDir: path.join(dir, 'plugin'),
    });
  });

  after(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('a file whose name carries its content hash may be kept for a year', async () => {
    for (const url of [`/plugin/${PLUGIN_CHUNK}`, `/${SHELL_BUNDLE}`]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable', url);
    }
  });

  test('index.html, the manifest, the entry and the locales are revalidated on every load', async () => {
    const urls = [
      '/',
      '/index.html',
      '/plugin/plugin-manifest.json',
      '/plugin/plugin-entry.js',
      '/plugin/locales/en/plugin__forklift-console-plugin.json',
    ];
    for (const url of urls) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['cache-control'], 'no-cache', url);
    }
  });

  test('a page address the shell routes itself gets index.html, revalidated', async () => {
    const page = await app.inject({ url: '/mtv/providers', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Forklift Console/);
    assert.equal(page.headers['cache-control'], 'no-cache');
  });

  test('a script is sent with br or gzip as the browser asks, and decodes to the file', async () => {
    const decoders = { br: brotliDecompressSync, gzip: gunzipSync };
    for (const [encoding, decode] of Object.entries(decoders)) {
      const response = await app.inject({
        url: `/${SHELL_BUNDLE}`,
        headers: { 'accept-encoding': `${encoding}, identity` },
      });
      assert.equal(response.headers['content-encoding'], encoding);
      assert.equal(decode(response.rawPayload).toString(), SCRIPT);
    }
    const plain = await app.inject(`/${SHELL_BUNDLE}`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, SCRIPT);
  });
});
