// A ministry's page on another origin (a second localhost port) that embeds Shifo in an
// iframe, with the auto-height script a site owner pastes beside it.
import { createServer } from 'node:http';

/** The host page for an iframe of `src`: `width`/`height` are the iframe's attributes. */
export function hostPage(src, { width = '100%', height = 300, title = 'Map of specialty centers' } = {}) {
  const origin = new URL(src).origin;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ministry of Health</title></head>
<body style="margin:0">
<h1>Ministry of Health</h1>
<iframe id="shifo" title="${title}" src="${src}" width="${width}" height="${height}" loading="lazy" allow="geolocation; clipboard-write; web-share" style="border:0;display:block"></iframe>
<script>
  // Accept only Shifo's own messages, and only a height.
  window.addEventListener('message', (e) => {
    if (e.origin !== ${JSON.stringify(origin)}) return;
    if (!e.data || e.data.type !== 'shifo:height' || !Number.isFinite(e.data.height)) return;
    document.getElementById('shifo').style.height = e.data.height + 'px';
  });
</script>
</body></html>`;
}

/** A host page holding `snippet` (the code "Embed this map" gives) as a site owner pastes it. */
export function hostPageWith(snippet) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ministry of Health</title></head>
<body style="margin:0">
<h1>Ministry of Health</h1>
<div style="width:400px">
${snippet}
</div>
</body></html>`;
}

/** Serves `html` at / on a free localhost port; resolves to { url, close }. */
export async function serveHost(html) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}
