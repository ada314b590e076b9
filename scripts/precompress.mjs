// Trunk post-build step (scripts/post-build.mjs runs it last, once every file is final): writes
// `<file>.gz` (gzip -9) and `<file>.br` (brotli 11) beside each file of a release build that the
// page may load and that compression makes smaller, for servers that send a file's compressed
// twin when the browser accepts it (nginx `gzip_static` / `brotli_static`, Caddy
// `file_server { precompressed br gzip }`; docs/hosting.md). Done once here at the highest
// levels, instead of by the server per request at the fast ones.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gz = promisify(gzip);
const br = promisify(brotliCompress);

/** The kinds of file that compress: text and wasm (the images are compressed already). */
const TEXT = /\.(html|js|mjs|wasm|css|json|svg|txt)$/;

/** Whether `path` (relative to the build, forward slashes) gets compressed twins: a kind that
 *  compresses, and a file the page may load. Leaflet's package also ships its unminified
 *  sources, which the page never loads (as in service-worker.mjs). */
export function compressible(path) {
  return TEXT.test(path) && !/(^|\/)leaflet-src[^/]*$/.test(path);
}

/** Whether `path` is a compressed twin written here. */
export const isTwin = (path) => /\.(gz|br)$/.test(path);

/** Every file under `root`, as paths relative to it with forward slashes. */
export function files(root) {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'));
}

/** The gzip and brotli forms of `body`. Both are deterministic (gzip's header carries no
 *  time or name), so the same build gives the same bytes. */
export async function compress(body) {
  const [g, b] = await Promise.all([
    gz(body, { level: 9 }),
    br(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  ]);
  return { gz: g, br: b };
}

/** Writes the twins of every compressible file under `dir`; returns what it wrote. A twin that
 *  would not be smaller than its file (a tiny config.json) is not written: the server then
 *  sends the file itself. */
export async function precompress(dir) {
  const written = [];
  // In parallel: zlib works on libuv's thread pool, so the wasm does not hold up the rest.
  await Promise.all(files(dir).filter((p) => compressible(p) && !isTwin(p)).map(async (path) => {
    const body = readFileSync(join(dir, path));
    const twins = await compress(body);
    for (const [ext, bytes] of Object.entries(twins)) {
      if (bytes.length >= body.length) continue;
      writeFileSync(join(dir, `${path}.${ext}`), bytes);
      written.push({ path: `${path}.${ext}`, from: body.length, to: bytes.length });
    }
  }));
  return written;
}

/** The post-build step (post-build.mjs calls it last): the build in TRUNK_STAGING_DIR, release
 *  builds only, the ones deployed; a debug build's wasm is large and slow to compress, and
 *  `trunk serve` never sends the twins. */
export async function run() {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('precompress: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook)');
    process.exit(1);
  }
  if (process.env.TRUNK_PROFILE !== 'release') {
    console.log('precompress: skipped (not a release build)');
    return;
  }
  const written = await precompress(dir);
  if (!written.length) {
    console.error('precompress: nothing was compressed');
    process.exit(1);
  }
  const kb = (n) => Math.round(n / 1024);
  const [from, to] = written.filter((w) => w.path.endsWith('.br')).reduce(([a, b], w) => [a + w.from, b + w.to], [0, 0]);
  console.log(`precompress: ${written.length} .gz/.br files; brotli sends ${kb(to)} KB for ${kb(from)} KB`);
}
