// Shifo's service worker: after one visit the app opens and works with no network.
//
// - The app shell (page, wasm, glue, styles, Leaflet, every language's interface texts: a few KB
//   each, so a reader can switch language offline) is cached at install, under a cache named
//   for this build; files with a hash in their name never change, so they are served from the
//   cache first.
// - The page and every JSON file (the dataset, config.json, the country outlines) go to the
//   network first, so a newer dataset replaces the cached one on the next online visit; the
//   cached copy is the fallback when the network fails or is slow.
// - Nothing cross-origin is touched: map tiles and other sites' datasets pass straight through.
//
// scripts/service-worker.mjs (a trunk post-build hook) fills in BUILD and SHELL.

const BUILD = 'development';
const SHELL = [];

const SHELL_CACHE = `shifo-shell-${BUILD}`;
// Data outlives builds: a new app version must not throw away the dataset it could show offline.
const DATA_CACHE = 'shifo-data';
// A slow network answer loses to the cached copy after this long (it still refreshes the cache).
const NETWORK_GRACE_MS = 4000;

const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL_CACHE);
    const data = await caches.open(DATA_CACHE);
    await Promise.all(SHELL.map(async (path) => {
      const response = await fetch(scoped(path));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      await (isData(new URL(scoped(path))) ? data : shell).put(scoped(path), response);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('shifo-shell-') && name !== SHELL_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

/** JSON files and the page itself may change under the same address. */
function isData(url) {
  return url.pathname.endsWith('.json');
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(event, SHELL_CACHE, scoped('index.html')));
  } else if (isData(url)) {
    event.respondWith(networkFirst(event, DATA_CACHE, url.href));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

/** The network's answer, stored under `key`; the stored one if the network fails or dawdles. */
async function networkFirst(event, cacheName, key) {
  const cache = await caches.open(cacheName);
  const fresh = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(key, response.clone());
    return response;
  });
  // The update goes on (and lands in the cache) even when the cached copy answers first.
  event.waitUntil(fresh.catch(() => undefined));
  const cached = await cache.match(key);
  if (!cached) return fresh;
  const update = fresh.catch(() => cached);
  const grace = new Promise((ok) => setTimeout(() => ok(cached), NETWORK_GRACE_MS));
  return Promise.race([update, grace]);
}

/** Build files: from the cache, else from the network (and kept). */
async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
