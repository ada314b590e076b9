// The release build's precompressed twins (scripts/precompress.mjs): each file a page may load
// has a .gz and a .br beside it that decompress to exactly that file, no twin is left without
// its file, and the service worker's list names none (the browser caches what it asked for).
// Reads dist/ (or SHIFO_DIST); no browser, no network; a second or so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressible, files, isTwin } from '../../scripts/precompress.mjs';

const DIST = resolve(process.env.SHIFO_DIST ?? resolve(import.meta.dirname, '../../dist'));
const all = files(DIST);
const twins = all.filter(isTwin);
const read = (path) => readFileSync(join(DIST, path));

test('the files a first visit needs have both twins', () => {
  const name = (re) => all.find((p) => re.test(p)) ?? assert.fail(`no ${re} in the build`);
  const needed = [
    'index.html', 'sw.js', 'data/centers.json', 'vendor/leaflet/leaflet.js', 'vendor/leaflet/leaflet.css',
    name(/^shifo-[0-9a-f]+_bg\.wasm$/), name(/^shifo-[0-9a-f]+\.js$/), name(/^style-[0-9a-f]+\.css$/), name(/^start-[0-9a-f]+\.js$/),
  ];
  for (const path of needed) {
    for (const ext of ['gz', 'br']) assert.ok(all.includes(`${path}.${ext}`), `${path}.${ext} is missing`);
  }
});

test('every compressible file of over 1 KB has both twins, each smaller than it', () => {
  // Any text of that size compresses; below it a twin is written only where it saves.
  const big = all.filter((p) => compressible(p) && !isTwin(p) && read(p).length > 1024);
  assert.ok(big.length > 10, `only ${big.length} files found: is ${DIST} a release build?`);
  for (const path of big) {
    for (const ext of ['gz', 'br']) {
      assert.ok(all.includes(`${path}.${ext}`), `${path}.${ext} is missing`);
      assert.ok(read(`${path}.${ext}`).length < read(path).length, `${path}.${ext} is not smaller`);
    }
  }
});

test('every twin decompresses to exactly its file, and has one', () => {
  assert.ok(twins.length > 0, 'no .gz or .br in the build');
  for (const twin of twins) {
    const path = twin.replace(/\.(gz|br)$/, '');
    assert.ok(existsSync(join(DIST, path)) && compressible(path), `${twin} has no compressible file beside it`);
    const unpack = twin.endsWith('.gz') ? gunzipSync : brotliDecompressSync;
    assert.ok(unpack(read(twin)).equals(read(path)), `${twin} does not decompress to ${path}`);
  }
});

test('the service worker precaches no twin', () => {
  const sw = read('sw.js').toString();
  const shell = JSON.parse(sw.match(/const SHELL = (\[.*?\]);/s)?.[1] ?? 'null');
  assert.ok(Array.isArray(shell) && shell.includes('index.html'), 'sw.js has its filled-in file list');
  assert.deepEqual(shell.filter(isTwin), []);
});
