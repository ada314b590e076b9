// The benchmark's HTTP server on a free 127.0.0.1 port. It serves the release build (dist/) at
// `/`, the markercluster baseline at `/bench-baseline/`, and answers `/data/centers.json` (for
// both) with whichever synthetic dataset is under test, so app and baseline fetch the very same
// bytes from the very same URL.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { TYPES } from '../tests/e2e/support/server.mjs';

const ROOT = resolve(import.meta.dirname, '..');

// URL prefix -> directory. The longest matching prefix wins; Leaflet and markercluster come
// straight from node_modules, as the app's own build copies Leaflet from there (never a CDN).
const MOUNTS = [
  ['/bench-baseline/vendor/leaflet/', join(ROOT, 'node_modules/leaflet/dist')],
  ['/bench-baseline/vendor/markercluster/', join(ROOT, 'node_modules/leaflet.markercluster/dist')],
  ['/bench-baseline/', join(ROOT, 'bench/baseline')],
  ['/', join(ROOT, 'dist')],
];

/** Starts the server; resolves to { url, setDataset(buffer), close() }. */
export async function serve() {
  let dataset = null;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    try {
      if (path === '/data/centers.json') {
        if (!dataset) throw new Error('no dataset set');
        return send(res, 200, TYPES['.json'], dataset);
      }
      const [prefix, dir] = MOUNTS.find(([p]) => path.startsWith(p));
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir)) throw new Error('outside the mount');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
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
