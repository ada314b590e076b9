// A static file server for the release build (dist/), on a free localhost port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** Content types by file extension (the benchmark's server uses them too). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Security-Policy docs/embedding.md documents for deployments. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // Only an empty style attribute (leptos-leaflet's map container writes style="").
  "style-src-attr 'unsafe-hashes' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
  // data: is Leaflet's blank image for tiles that failed or were cancelled.
  "img-src 'self' data: https://tile.openstreetmap.org",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The build the suite serves: dist/, or SHIFO_DIST (a copy, so a build can run beside a suite). */
export const DIST = resolve(process.env.SHIFO_DIST ?? resolve(import.meta.dirname, '../../../dist'));

/** Serves `root` on 127.0.0.1, with `headers` on every answer, under `prefix` (a sub-path such
 *  as `/shifo/`, as a site owner may host it; anything outside it is not found); resolves to
 *  { url, close }. */
export async function serve(root = DIST, headers = {}, { prefix = '/' } = {}) {
  // path -> bytes: the next answer for that path sends its headers and that many bytes of the
  // body, then nothing, as a connection lost mid-download without closing.
  const stalls = new Map();
  const held = new Set();
  const server = createServer(async (req, res) => {
    try {
      const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!full.startsWith(prefix)) throw new Error('outside the prefix');
      const path = `/${full.slice(prefix.length)}`;
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'content-length': body.length, ...headers });
      if (stalls.has(path)) {
        res.write(body.subarray(0, stalls.get(path)));
        stalls.delete(path);
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      }
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    /** The next request for `path` (e.g. `/data/centers.json`) stalls after `bytes` bytes. */
    stallNext: (path, bytes) => stalls.set(path, bytes),
    close: () => {
      for (const res of held) res.destroy();
      return new Promise((ok) => server.close(ok));
    },
  };
}

// `node tests/e2e/support/server.mjs` serves dist/ by hand.
if (import.meta.filename === process.argv[1]) {
  const { url } = await serve();
  console.log(`Shifo is served at ${url}`);
}
