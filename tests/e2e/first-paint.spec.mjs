// The first paint waits for nothing but the two stylesheets and the tiny boot.js: Leaflet's script is deferred; the
// bundled dataset downloads beside the code (one request, the page's preload, which the app's
// fetch takes over); and nothing moves when the app and its data fill in (cumulative layout
// shift at most 0.05, on a phone and on a laptop). Counts, order and shift sums only, never
// durations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { DIST } from './support/server.mjs';
import { expect } from './support/expect.mjs';
import { tr } from './support/locale.mjs';

const t = useApp();

/** Holds every request matching `pattern` until the returned `release` is called. */
async function hold(page, pattern) {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const asked = [];
  await page.route(pattern, async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  return { asked, release };
}

/** The page's paints and layout shifts, recorded from before any of its scripts run. */
async function recordPaintAndShifts(page) {
  await page.addInitScript(() => {
    window.__paints = [];
    window.__shifts = [];
    const name = (n) => (n?.nodeType === 1 ? `${n.tagName.toLowerCase()}.${[...n.classList].join('.')}` : String(n?.nodeName));
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__paints.push(e.name);
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: e.sources.map((s) => name(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test('the built page defers Leaflet, preloads the dataset, and runs Leaflet before the app', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const leaflet = html.match(/<script[^>]*vendor\/leaflet\/leaflet\.js[^>]*>/)?.[0] ?? '';
  assert.match(leaflet, /\bdefer\b/, 'Leaflet\'s script is deferred');
  // Deferred and module scripts run in the page's order: L must exist when the wasm starts.
  assert.ok(html.indexOf(leaflet) < html.search(/<script type="?module"? src=/), 'Leaflet before the app\'s loader');
  assert.match(html, /<link (?=[^>]*rel="?preload"?)(?=[^>]*href="?data\/centers\.json"?)(?=[^>]*as="?fetch"?)(?=[^>]*crossorigin)[^>]*>/,
    'the dataset preloaded, with the mode and credentials of the app\'s fetch');
});

test('the page paints while Leaflet and the code are still on their way; only the stylesheets and boot.js hold it', async () => {
  const { page } = t;
  await recordPaintAndShifts(page);
  const leaflet = await hold(page, '**/vendor/leaflet/leaflet.js');
  const wasm = await hold(page, '**/*.wasm');
  await page.goto(t.app.baseUrl, { waitUntil: 'commit' });
  await expect(() => page.evaluate(() => window.__paints.includes('first-contentful-paint')), 'the first paint, Leaflet held');
  assert.ok(await page.getByRole('list', { name: tr('results_list_label') }).isVisible(), 'the page\'s own first view shown');
  const blocking = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.renderBlockingStatus === 'blocking')
    .map((e) => new URL(e.name).pathname.replace(/^.*\//, '').replace(/-[0-9a-f]+(?=\.)/, '')));
  // boot.js (1.5 KB gzip, fetched beside the stylesheets) picks the reader's first view: it has to
  // run before the body is painted, or another language's would show first.
  assert.deepEqual(blocking.sort(), ['boot.js', 'leaflet.css', 'style.css'], 'only the two stylesheets and boot.js block rendering');
  leaflet.release();
  wasm.release();
  await expect(() => t.app.resultCount().isVisible(), 'the app runs once Leaflet and the code are in');
});

test('the dataset is asked for once, while the code is still downloading, and the app uses that download', async () => {
  const { page } = t;
  const requests = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/data/centers.json')) requests.push(r);
  });
  const wasm = await hold(page, '**/*.wasm');
  await page.goto(t.app.baseUrl, { waitUntil: 'commit' });
  // The wasm cannot have run: it is held.
  await expect(() => requests.length === 1 && wasm.asked.length > 0, 'the dataset asked for while the wasm is held');
  assert.ok(await requests[0].response(), 'the dataset answered while the wasm is held');
  wasm.release();
  await expect(() => t.app.resultCount().isVisible(), 'the app shows the dataset');
  assert.equal(requests.length, 1, 'one request for the dataset: the app\'s fetch took the preload');
  const timing = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('/data/centers.json')).map((e) => e.initiatorType));
  assert.deepEqual(timing, ['link'], 'the one download is the page\'s preload');
});

for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 800 }]) {
  test(`at ${viewport.width}x${viewport.height} nothing moves while the app and its dataset fill in (CLS <= 0.05)`, async () => {
    const { page } = t;
    await page.setViewportSize(viewport);
    await recordPaintAndShifts(page);
    // The dataset arrives only once the app shows its "Loading…": the slow network's order,
    // in which the most fills in at once.
    const data = await hold(page, '**/data/centers.json');
    await page.goto(t.app.baseUrl);
    // The app builds under the page's first view, which it takes over once the data is in.
    await expect(() => page.evaluate(() => document.getElementById('app')?.childElementCount > 0), 'the app running, its dataset held');
    assert.ok(await page.getByRole('list', { name: tr('results_list_label') }).isVisible(), 'the first view still shown');
    data.release();
    await expect(() => t.app.resultCount().isVisible(), 'the dataset shown');
    // Tiles are refused here: the outlines replace them, and the map's credits grow.
    await expect(async () => (await page.locator('path.country-outline').count()) === 5, 'the outlines drawn');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const shifts = await page.evaluate(() => window.__shifts);
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.ok(cls <= 0.05, `CLS ${cls.toFixed(4)}: ${JSON.stringify(shifts)}`);
  });
}
