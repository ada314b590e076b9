// Trunk post-build hook: writes into sw.js the list of files a first visit caches (the app
// shell and the dataset, not its translations) and a build id taken from their contents, so each new build installs
// afresh and drops the previous build's cache. Fails the build if sw.js is not as expected.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('service-worker: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook)');
  process.exit(1);
}

/** Every file under `root`, as paths relative to it with forward slashes. */
function files(root) {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'));
}

// Leaflet's package also ships its unminified sources and source maps, which the page never loads.
const unused = (path) => path === 'sw.js' || path.endsWith('.map') || /(^|\/)leaflet-src[^/]*$/.test(path);
// The .gz/.br twins (precompress.mjs, run after this step) are the same files as the server may
// send them: the browser asks for the file and decompresses, so a cache never holds a twin.
const twin = (path) => /\.(gz|br)$/.test(path);
// The dataset's translations are fetched for the reader's language only, and cached then
// (sw.js keeps every JSON file it serves): a first visit must not download all six.
const onDemand = (path) => path.startsWith('data/translations/');
const shell = files(dir).filter((p) => !unused(p) && !onDemand(p) && !twin(p)).sort();
for (const needed of ['index.html', 'data/centers.json']) {
  if (!shell.includes(needed)) {
    console.error(`service-worker: ${needed} is missing from the build`);
    process.exit(1);
  }
}
const hash = createHash('sha256');
for (const path of shell) hash.update(path).update('\0').update(readFileSync(join(dir, path)));
const build = hash.digest('hex').slice(0, 16);

const file = join(dir, 'sw.js');
const source = readFileSync(file, 'utf8');
const filled = source
  .replace("const BUILD = 'development';", `const BUILD = '${build}';`)
  .replace('const SHELL = [];', `const SHELL = ${JSON.stringify(shell)};`);
if (filled === source || !filled.includes(build) || filled.includes('const SHELL = [];')) {
  console.error('service-worker: sw.js has no BUILD/SHELL placeholders to fill');
  process.exit(1);
}
writeFileSync(file, filled);
console.log(`service-worker: build ${build}, ${shell.length} files cached on first visit`);
