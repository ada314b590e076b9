// The benchmarks' HTTP server on a free 127.0.0.1 port. It serves the release build (dist/) at
// `/`, the markercluster baseline at `/bench-baseline/`, the first-visit benchmark's plain page
// at `/bench-plain/`, and, once `setDataset` was called, answers `/data/centers.json` (for all)
// with whichever synthetic dataset is under test, so app and baseline fetch the very same bytes
// from the very same URL. Without `setDataset` the build's own data/centers.json is served.
//
// Two modes:
// - 'bench' (the scale benchmark, bench/browser.mjs): every answer uncompressed and no-store,
//   so every page load really fetches everything and a timing means the same in every run.
// - 'static' (the first-visit benchmark, bench/first-visit.mjs): as an ordinary static host
//   serves a site. gzip when the browser asks for it; files with a content hash in their name
//   cached for a year (`immutable`); everything else (index.html, sw.js, Leaflet, the data)
//   `no-cache` with an ETag, so a second visit revalidates them (a 304) instead of
//   downloading them again.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TYPES } from '../tests/e2e/support/server.mjs';

const ROOT = resolve(import.meta.dirname, '..');

// URL prefix -> directory. The longest matching prefix wins; Leaflet and markercluster come
// straight from node_modules, as the app's own build copies Leaflet from there (never a CDN).
const mounts = (dist) => [
  ['/bench-baseline/vendor/leaflet/', join(ROOT, 'node_modules/leaflet/dist')],
  ['/bench-baseline/vendor/markercluster/', join(ROOT, 'node_modules/leaflet.markercluster/dist')],
  ['/bench-baseline/', join(ROOT, 'bench/baseline')],
  ['/bench-plain/vendor/leaflet/', join(ROOT, 'node_modules/leaflet/dist')],
  ['/bench-plain/vendor/markercluster/', join(ROOT, 'node_modules/leaflet.markercluster/dist')],
  ['/bench-plain/', join(ROOT, 'bench/plain')],
  ['/', dist],
];

// What a static host compresses: text and wasm, not images that are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.map']);
// trunk's file names: `shifo-b9057c9abb3fe863_bg.wasm`, `style-7f173b78579d6731.css`.
const HASHED = /-[0-9a-f]+(_bg)?\.\w+$/;

/** Starts the server; resolves to { url, setDataset(buffer), close() }. */
export async function serve({ dist = join(ROOT, 'dist'), mode = 'bench' } = {}) {
  const table = mounts(resolve(dist));
  let dataset = null;
  const files = new FileCache();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    try {
      if (path === '/data/centers.json' && dataset) {
        return send(res, 200, TYPES['.json'], dataset);
      }
      const [prefix, dir] = table.find(([p]) => path.startsWith(p));
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir)) throw new Error('outside the mount');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      if (mode === 'static') return sendStatic(req, res, await files.get(file));
      send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      send(res, 404, 'text/plain', 'not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    // A Buffer held in memory: re-reading 20 MB from disk per page load would add noise.
    setDataset(buffer) { dataset = buffer; },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

function send(res, status, type, body) {
  // no-store: every page load really fetches the dataset, so responseEnd means the same thing
  // in every run. A length, as any static file server sends (the app sizes its list of centers
  // from it).
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Files read and compressed once per change on disk: compressing the 1.4 MB wasm for every
 *  request would put the server's CPU time into the figures. */
class FileCache {
  #entries = new Map();

  async get(file) {
    const { mtimeMs, size } = await stat(file);
    const known = this.#entries.get(file);
    if (known && known.mtimeMs === mtimeMs && known.size === size) return known;
    const body = await readFile(file);
    const ext = extname(file);
    const entry = {
      mtimeMs, size, body, file,
      type: TYPES[ext] ?? 'application/octet-stream',
      // zlib's default level 6, what nginx, Apache and most hosts use when compressing on the fly.
      gzip: COMPRESSIBLE.has(ext) ? gzipSync(body) : null,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      cacheControl: HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    this.#entries.set(file, entry);
    return entry;
  }
}

function sendStatic(req, res, entry) {
  const headers = {
    'content-type': entry.type,
    'cache-control': entry.cacheControl,
    etag: entry.etag,
    vary: 'Accept-Encoding',
  };
  if (req.headers['if-none-match'] === entry.etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  const gzip = entry.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = gzip ? entry.gzip : entry.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
