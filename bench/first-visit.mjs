// The first-visit benchmark (issue 18, item 1): Shifo's release build against a plain page,
// as a phone on a slow network sees them the first time and the second time.
//
//   npm run bench:first-visit                    # or: node bench/first-visit.mjs
//   node bench/first-visit.mjs --dist /work/dist-baseline --runs 5 [--no-lighthouse]
//
// What is compared. Shifo's release build (--dist, default dist/) and a plain page
// (bench/plain/: Leaflet 1.9.4 + Leaflet.markercluster 1.5.3 from node_modules, a fetch of the
// same data/centers.json, a plain <ul> of every center and a checkbox per country), both served
// by bench/server.mjs in its 'static' mode: gzip, hashed files cached for a year, everything
// else `no-cache` with an ETag.
//
// How. One headless Chromium (playwright-core). Every visit gets Lighthouse's mobile throttling
// through the DevTools protocol on its page: Network.emulateNetworkConditions (150 ms RTT,
// 1,638.4 kbit/s down, 750 kbit/s up) and Emulation.setCPUThrottlingRate 4. Map tiles (and
// every other host but 127.0.0.1) fail at once for both pages (--host-resolver-rules), so
// neither waits on them. Each run opens, per page and per screen (a 375x667 phone at 2x, and
// 1280x800), a fresh browser context (empty caches, no service worker) for the cold visit;
// once that visit is idle and Shifo's service worker is active (then stopped, as after a
// while away), a new tab in the same context makes the warm visit. Runs interleave the pages
// so that a busier moment of the machine falls on both.
//
// Definitions (bench/first-visit-probe.js measures them inside the page, identically for both,
// in ms from navigation start):
// - center readable: the end of the first rendered frame in which one of the first five items
//   of the result list (aria-label "Matching centers") holds a center's name and lies, visible,
//   inside the viewport. Measured on the phone.
// - map drawn: the end of the frame after the last change to Leaflet's marker pane, once the
//   pane has had markers and stayed unchanged for --quiet ms. Measured at 1280x800.
// - first filter click answered: once a center is readable and the "Kazakhstan" country
//   checkbox exists and is enabled (whichever comes last), the probe clicks it at once
//   (element.click(), so also inside Shifo's closed phone sheet, whose opening tap is not
//   counted); answered is the end of the first frame in which a status then says
//   "53 centers". Measured on the phone.
// - layout shift: layout-shift entries (PerformanceObserver, buffered) summed until the visit is
//   idle, without those of the 500 ms after the probe's click (the window in which Chromium
//   flags shifts after a real tap hadRecentInput).
// - bytes: encodedDataLength (headers and compressed body) of Network.loadingFinished, for the
//   page and for its service worker's own fetches; "before first content" counts the requests
//   that finished before "center readable", "in all" every request until the visit was idle
//   (no request in flight for --quiet ms).
// - first download: the body bytes (gzip, as served) of every wasm, js and css file a cold
//   Shifo visit fetched, Leaflet's included.
// The service worker's own fetches are NOT throttled: Chromium applies page-level network
// emulation to the page's requests only (docs/benchmarks.md, "First visit").
//
// It prints medians, ratios and the targets with PASS/FAIL, then runs Lighthouse
// (bench/lighthouse.mjs) on the build, and writes every figure to target/first-visit.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { lighthouseRun } from './lighthouse.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PROBE = readFileSync(join(import.meta.dirname, 'first-visit-probe.js'), 'utf8');
const en = JSON.parse(readFileSync(join(ROOT, 'locales/en.json'), 'utf8'));

/** Lighthouse's mobile profile ("slow 4G"), as its constants.js sets it. */
export const THROTTLING = {
  latency: 150,
  downloadThroughput: (1638.4 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuSlowdown: 4,
};
/** Every host but this machine fails at once: tiles for both pages, and nothing else leaks. */
export const OFFLINE_RULES = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

const SCREENS = {
  phone: { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};
const PAGES = [
  { name: 'Shifo', path: '' },
  { name: 'plain page', path: 'bench-plain/' },
];
const CLICKED_COUNTRY = 'KZ';
const INPUT_WINDOW = 500; // ms after an input during which Chrome flags shifts hadRecentInput

const log = (...a) => console.error('first-visit:', ...a);

function options() {
  try {
    const { values } = parseArgs({
      options: {
        dist: { type: 'string', default: join(ROOT, 'dist') },
        runs: { type: 'string', default: '5' },
        quiet: { type: 'string', default: '1000' }, // ms without a request or a marker change
        timeout: { type: 'string', default: '60' }, // s per visit
        'no-lighthouse': { type: 'boolean', default: false },
      },
    });
    const o = { dist: resolve(values.dist), runs: Number(values.runs), quiet: Number(values.quiet), timeout: Number(values.timeout) * 1000, lighthouse: !values['no-lighthouse'] };
    if (!existsSync(join(o.dist, 'index.html'))) throw new Error(`no build at ${o.dist} (trunk build --release --offline, or --dist DIR)`);
    if (!(o.runs >= 1 && o.quiet > 0 && o.timeout > 0)) throw new Error('--runs, --quiet and --timeout take positive numbers');
    return o;
  } catch (e) {
    console.error(`first-visit: ${e.message}\nusage: node bench/first-visit.mjs [--dist DIR] [--runs 5] [--quiet MS] [--timeout SECONDS] [--no-lighthouse]`);
    process.exit(2);
  }
}

/** What the probe needs to know of the dataset, read from the build under test. */
function probeConfig(dist) {
  const dataset = JSON.parse(readFileSync(join(dist, 'data/centers.json'), 'utf8'));
  const nameOf = (c) => (typeof c.name === 'string' ? c.name : c.name.text);
  return {
    listLabel: en.results_list_label,
    names: dataset.centers.map(nameOf),
    country: en[`country_${CLICKED_COUNTRY}`],
    filteredCount: dataset.centers.filter((c) => c.country === CLICKED_COUNTRY).length,
    total: dataset.centers.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Requests: the page's (its CDP session) and its service worker's (see ServiceWorkers).

/** Every request of one visit, with CDP's monotonic timestamps (seconds). */
class Requests {
  #byId = new Map();
  lastEvent = Date.now();

  handle(source, method, p) {
    this.lastEvent = Date.now();
    const id = `${source}:${p.requestId}`;
    if (method === 'Network.requestWillBeSent') {
      // A redirect reuses the id: keep the first start.
      if (!this.#byId.has(id)) this.#byId.set(id, { source, url: p.request.url, type: p.type, start: p.timestamp, wallTime: p.wallTime, end: null, bytes: 0 });
      return;
    }
    const r = this.#byId.get(id);
    if (!r) return;
    if (method === 'Network.responseReceived') {
      const h = Object.fromEntries(Object.entries(p.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      Object.assign(r, { status: p.response.status, fromServiceWorker: p.response.fromServiceWorker, fromDiskCache: p.response.fromDiskCache, bodyBytes: Number(h['content-length'] ?? NaN) });
    } else if (method === 'Network.loadingFinished') {
      Object.assign(r, { end: p.timestamp, bytes: p.encodedDataLength });
    } else if (method === 'Network.loadingFailed') {
      Object.assign(r, { end: p.timestamp, failed: p.errorText });
    }
  }

  inFlight() { return [...this.#byId.values()].filter((r) => r.end === null && !r.url.startsWith('data:')).length; }

  /** The requests with times in ms on the page's clock (navigation start = 0): the document
   *  request's wall time against performance.timeOrigin ties the two clocks together. */
  list(timeOrigin) {
    const all = [...this.#byId.values()];
    const doc = all.find((r) => r.source === 'page' && r.type === 'Document');
    if (!doc) return [];
    const at = (ts) => (ts === null ? null : (ts - doc.start) * 1000 + (doc.wallTime * 1000 - timeOrigin));
    return all.filter((r) => !r.url.startsWith('data:')).map((r) => ({ ...r, start: at(r.start), end: at(r.end), wallTime: undefined }))
      .sort((a, b) => a.start - b.start);
  }
}

/**
 * Watches service workers through the browser's CDP session, so their own fetches are
 * counted. Playwright gives no CDP session for a worker; a non-flat attach does (its messages
 * go through Target.sendMessageToTarget). Attached when the target appears, so a request the
 * worker makes in its first milliseconds could be missed.
 */
class ServiceWorkers {
  sink = null; // (method, params) => void, the current visit's
  #session;
  #id = 0;

  static async watch(browser) {
    const sw = new ServiceWorkers();
    sw.#session = await browser.newBrowserCDPSession();
    sw.#session.on('Target.targetCreated', ({ targetInfo }) => {
      if (targetInfo.type === 'service_worker') sw.#attach(targetInfo.targetId).catch((e) => log(`service worker: ${e.message}`));
    });
    sw.#session.on('Target.receivedMessageFromTarget', ({ message }) => {
      const m = JSON.parse(message);
      if (m.method?.startsWith('Network.')) sw.sink?.(m.method, m.params);
    });
    await sw.#session.send('Target.setDiscoverTargets', { discover: true });
    return sw;
  }

  async #attach(targetId) {
    const { sessionId } = await this.#session.send('Target.attachToTarget', { targetId, flatten: false });
    const message = JSON.stringify({ id: ++this.#id, method: 'Network.enable', params: {} });
    await this.#session.send('Target.sendMessageToTarget', { sessionId, message });
  }
}

// ---------------------------------------------------------------------------------------------
// One visit.

async function throttledPage(context, requests) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  for (const event of ['requestWillBeSent', 'responseReceived', 'loadingFinished', 'loadingFailed']) {
    cdp.on(`Network.${event}`, (p) => requests.handle('page', `Network.${event}`, p));
  }
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: THROTTLING.latency, downloadThroughput: THROTTLING.downloadThroughput, uploadThroughput: THROTTLING.uploadThroughput });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
  return { page, cdp };
}

/** The probe's figures, read without disturbing the page more than a small task. */
const probeState = (page) => page.evaluate(() => ({
  ...window.__fv,
  now: performance.now(),
  timeOrigin: performance.timeOrigin,
  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
}));

/** The last marker-pane change, once the pane has had markers and been quiet for `quiet` ms. */
function mapDrawn(state, quiet) {
  const last = state.markers.at(-1);
  if (!last || !state.markers.some((m) => m.count > 0)) return null;
  return state.now - last.t >= quiet && last.count > 0 ? last.t : null;
}

/** Waits until the visit has what it measures and nothing is loading: the phone's filter
 *  answered, the desktop's markers drawn, and no request for `quiet` ms. */
async function untilIdle(page, requests, screen, opts) {
  const started = Date.now();
  for (;;) {
    const left = opts.timeout - (Date.now() - started);
    // A page stuck in one long task would hold page.evaluate forever.
    const state = await Promise.race([probeState(page), new Promise((_, fail) => setTimeout(() => fail(new Error(`page unresponsive for ${opts.timeout / 1000} s`)), Math.max(left, 1000)))]);
    const measured = screen === 'phone' ? state.answered !== null : mapDrawn(state, opts.quiet) !== null;
    const idle = requests.inFlight() === 0 && Date.now() - requests.lastEvent >= opts.quiet;
    if (measured && idle) return state;
    if (Date.now() - started > opts.timeout) {
      throw new Error(`not done after ${opts.timeout / 1000} s (readable ${state.readable}, answered ${state.answered}, markers ${state.markers.length}, in flight ${requests.inFlight()})`);
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

function figures(state, requests, screen) {
  const list = requests.list(state.timeOrigin);
  const sum = (rs) => rs.reduce((s, r) => s + r.bytes, 0);
  const input = state.clicked;
  // Not hadRecentInput: Chromium set it on some shifts of visits that had no input at all
  // (a new tab's focus?), which made the same page's figure jump between 0 and 0.6. The only
  // input is the probe's click, so the window after it is excluded here instead.
  const shifts = state.shifts.filter((s) => !(input !== null && s.startTime >= input && s.startTime < input + INPUT_WINDOW));
  return {
    readable: state.readable,
    mapDrawn: screen === 'desktop' ? state.markers.filter((m) => m.count > 0).at(-1)?.t ?? null : null,
    clicked: state.clicked,
    answered: state.answered,
    fcp: state.fcp,
    cls: shifts.reduce((s, e) => s + e.value, 0),
    shifts: state.shifts.map((e) => ({ ...e, startTime: round(e.startTime), counted: shifts.includes(e) })),
    bytesBeforeReadable: state.readable === null ? null : sum(list.filter((r) => r.end !== null && r.end <= state.readable)),
    bytesAll: sum(list),
    probeErrors: state.errors,
    requests: list.map((r) => ({ ...r, start: round(r.start), end: r.end === null ? null : round(r.end) })),
  };
}

const round = (v) => Math.round(v * 10) / 10;

async function visit(context, url, screen, config, sw, opts) {
  const requests = new Requests();
  sw.sink = (method, p) => requests.handle('sw', method, p);
  const { page, cdp } = await throttledPage(context, requests);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // No click at 1280x800: the filter would move the markers that "map drawn" is timed by.
  await page.addInitScript({ content: `window.__fvConfig = ${JSON.stringify({ ...config, click: screen === 'phone' })};\n${PROBE}` });
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: opts.timeout });
    const state = await untilIdle(page, requests, screen, opts);
    return { page, cdp, result: { ...figures(state, requests, screen), pageErrors } };
  } catch (e) {
    return { page, cdp, result: { error: e.message.split('\n')[0], pageErrors } };
  } finally {
    sw.sink = null;
  }
}

/** After the cold visit: Shifo's worker active (the plain page has none), then stopped, as a
 *  browser stops it a little while after the tab is gone. */
async function workerReadyThenStopped(page, cdp) {
  const active = await page.evaluate(() => Promise.race([
    navigator.serviceWorker?.getRegistration().then((r) => (r ? navigator.serviceWorker.ready.then(() => true) : false)) ?? false,
    new Promise((ok) => setTimeout(() => ok(false), 30000)),
  ]));
  if (active) {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  }
  return active;
}

/** One cold and one warm visit of one page on one screen, in a fresh context. */
async function coldAndWarm(browser, server, target, screen, config, sw, opts) {
  const context = await browser.newContext({ ...SCREENS[screen], serviceWorkers: 'allow' });
  const url = server.url + target.path;
  try {
    const cold = await visit(context, url, screen, config, sw, opts);
    let serviceWorker = false;
    if (!cold.result.error) serviceWorker = await workerReadyThenStopped(cold.page, cold.cdp);
    await cold.page.close();
    const warm = await visit(context, url, screen, config, sw, opts);
    await warm.page.close();
    return { cold: cold.result, warm: { ...warm.result, serviceWorker } };
  } finally {
    await Promise.race([context.close(), new Promise((ok) => setTimeout(ok, 10000))]).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and the report.

function median(values) {
  const v = values.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Medians of one page's visits: { cold: {metric: ms}, warm: {...} } from the phone's and the
 *  desktop's runs (map drawn from the desktop, everything else from the phone). */
function summarize(visits) {
  const of = (screen, kind, key) => median(visits.filter((v) => v.screen === screen).map((v) => v[kind][key]));
  const s = {};
  for (const kind of ['cold', 'warm']) {
    s[kind] = {
      readable: of('phone', kind, 'readable'),
      mapDrawn: of('desktop', kind, 'mapDrawn'),
      answered: of('phone', kind, 'answered'),
      cls: of('phone', kind, 'cls'),
      bytesBeforeReadable: of('phone', kind, 'bytesBeforeReadable'),
      bytesAll: of('phone', kind, 'bytesAll'),
      fcp: of('phone', kind, 'fcp'),
      readableDesktop: of('desktop', kind, 'readable'),
      n: visits.filter((v) => v.screen === 'phone' && !v[kind].error).length,
      nDesktop: visits.filter((v) => v.screen === 'desktop' && !v[kind].error).length,
    };
  }
  return s;
}

/** Body bytes of the wasm, js and css of a cold Shifo phone visit (all runs fetch the same). */
function firstDownload(visits) {
  const cold = visits.find((v) => v.screen === 'phone' && !v.cold.error)?.cold;
  if (!cold) return null;
  const code = cold.requests.filter((r) => r.source === 'page' && r.status === 200 && /\.(wasm|js|css)$/.test(new URL(r.url).pathname));
  const total = code.reduce((s, r) => s + r.bodyBytes, 0);
  const own = code.filter((r) => !new URL(r.url).pathname.includes('/vendor/')).reduce((s, r) => s + r.bodyBytes, 0);
  return { total, withoutLeaflet: own, files: code.map((r) => ({ path: new URL(r.url).pathname, bytes: r.bodyBytes })) };
}

const ms = (v) => (v == null ? '–' : `${Math.round(v).toLocaleString('en')} ms`);
const kb = (v) => (v == null ? '–' : `${(v / 1024).toFixed(1)} KB`);
const cls = (v) => (v == null ? '–' : v.toFixed(3));
const ratio = (a, b) => (a != null && b > 0 ? a / b : null);
const x = (r) => (r == null ? '–' : `${r.toFixed(2)}×`);
const verdict = (ok) => (ok == null ? '–' : ok ? 'PASS' : 'FAIL');

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Rows: [label, Shifo, plain, ratio, target, pass/fail]. */
function comparisonRows(app, plain) {
  const rows = [];
  const row = (label, a, p, fmt, target = '', ok = null, r = ratio(a, p)) => rows.push([label, fmt(a), fmt(p), x(r), target, verdict(ok)]);
  for (const kind of ['cold', 'warm']) {
    const [A, P] = [app[kind], plain[kind]];
    const visitName = kind === 'cold' ? 'first visit' : 'second visit';
    const readableRatio = ratio(A.readable, P.readable);
    const limit = kind === 'cold' ? 0.8 : 0.6;
    row(`${visitName}: a center readable (375×667)`, A.readable, P.readable, ms, `≤ ${limit}× plain`, readableRatio == null ? null : readableRatio <= limit);
    row(`${visitName}: map drawn with markers (1280×800)`, A.mapDrawn, P.mapDrawn, ms);
    const answeredVsReadable = ratio(A.answered, P.readable);
    if (kind === 'cold') {
      row(`${visitName}: first filter click answered`, A.answered, P.answered, ms, `≤ 1.5× plain readable = ${ms(1.5 * P.readable)} (is ${x(answeredVsReadable)})`, answeredVsReadable == null ? null : answeredVsReadable <= 1.5);
    } else {
      row(`${visitName}: first filter click answered`, A.answered, P.answered, ms);
    }
    // No ratio: a ratio of two near-zero sums says nothing.
    row(`${visitName}: layout shift (CLS)`, A.cls, P.cls, cls, '', null, null);
    row(`${visitName}: bytes before a center readable`, A.bytesBeforeReadable, P.bytesBeforeReadable, kb);
    row(`${visitName}: bytes in all`, A.bytesAll, P.bytesAll, kb);
  }
  return rows;
}

function lighthouseRows(lh) {
  if (!lh) return [['Lighthouse', 'not run', '', '', '', '–']];
  if (lh.error) return [['Lighthouse', `failed: ${lh.error}`, '', '', '', 'FAIL']];
  const s = lh.scores;
  const m = lh.metrics;
  return [
    ['Lighthouse mobile: performance', String(s.performance), '', '', '≥ 95', verdict(s.performance >= 95)],
    ['Lighthouse mobile: CLS', cls(m.cls), '', '', '≤ 0.05', verdict(m.cls <= 0.05)],
    ['Lighthouse mobile: TBT', ms(m.tbt), '', '', '≤ 100 ms', verdict(m.tbt <= 100)],
    ['Lighthouse mobile: accessibility', String(s.accessibility), '', '', '100', verdict(s.accessibility === 100)],
    ['Lighthouse mobile: SEO', String(s.seo), '', '', '100', verdict(s.seo === 100)],
  ];
}

function report(results) {
  const { app, plain, download, lighthouse } = results;
  const rows = comparisonRows(app, plain);
  rows.push(['first download (wasm + js + css, gzip)', kb(download?.total), '', '', '≤ 300 KB', verdict(download ? download.total <= 300 * 1024 : null)]);
  rows.push(...lighthouseRows(lighthouse));
  console.log(`\n## First visit: ${results.runs} cold + ${results.runs} warm visits per page and screen (medians)\n`);
  console.log(table(['metric', 'Shifo', 'plain page', 'ratio', 'target', 'pass/fail'], rows));
  const notes = [
    `visits measured (phone/desktop): Shifo cold ${app.cold.n}/${app.cold.nDesktop}, warm ${app.warm.n}/${app.warm.nDesktop}; plain cold ${plain.cold.n}/${plain.cold.nDesktop}, warm ${plain.warm.n}/${plain.warm.nDesktop}`,
    `first contentful paint (phone): Shifo ${ms(app.cold.fcp)} cold, ${ms(app.warm.fcp)} warm; plain ${ms(plain.cold.fcp)} cold, ${ms(plain.warm.fcp)} warm`,
    download ? `first download without Leaflet (vendor/): ${kb(download.withoutLeaflet)}` : null,
    results.visits.Shifo.some((v) => !v.cold.error && !v.warm.serviceWorker) ? 'WARNING: Shifo\'s service worker was not active before some warm visits (see target/first-visit.json)' : null,
    'not throttled: the service worker\'s own fetches (Chromium emulates the network for the page\'s requests only)',
    `load average: ${results.loadAverage.start.map((v) => v.toFixed(2)).join(' ')} at the start, ${results.loadAverage.end.map((v) => v.toFixed(2)).join(' ')} at the end (${availableParallelism()} cores)`,
  ];
  console.log(`\n${notes.filter(Boolean).join('\n')}`);
}

/** One cold Shifo phone visit's requests, in order: what the first paint waits for. */
function waterfall(visits, base) {
  const cold = visits.find((v) => v.screen === 'phone' && !v.cold.error)?.cold;
  if (!cold) return;
  console.log(`\n## One cold Shifo visit on the phone: its requests (readable at ${ms(cold.readable)}, filter answered at ${ms(cold.answered)})\n`);
  const rows = cold.requests.map((r) => [
    new URL(r.url).host === new URL(base).host ? new URL(r.url).pathname : new URL(r.url).host + new URL(r.url).pathname,
    r.source, ms(r.start), ms(r.end), r.failed ?? String(r.status ?? ''), kb(r.bytes),
  ]);
  console.log(table(['request', 'by', 'start', 'end', 'status', 'bytes'], rows));
}

// ---------------------------------------------------------------------------------------------

async function measure(browser, server, config, opts) {
  const sw = await ServiceWorkers.watch(browser);
  const visits = { Shifo: [], 'plain page': [] };
  for (let run = 1; run <= opts.runs; run += 1) {
    for (const screen of ['phone', 'desktop']) {
      for (const target of PAGES) {
        log(`run ${run}/${opts.runs}, ${screen}, ${target.name} (load ${loadavg()[0].toFixed(2)})`);
        const v = await coldAndWarm(browser, server, target, screen, config, sw, opts);
        for (const kind of ['cold', 'warm']) if (v[kind].error) log(`  ${kind}: FAILED: ${v[kind].error}`);
        visits[target.name].push({ run, screen, ...v });
      }
    }
  }
  return visits;
}

async function main() {
  const opts = options();
  const config = probeConfig(opts.dist);
  const startLoad = loadavg();
  if (startLoad[0] > availableParallelism() / 2) log(`warning: load average ${startLoad[0].toFixed(1)} on ${availableParallelism()} cores: other work is running, figures will be noisy`);
  const server = await serve({ dist: opts.dist, mode: 'static' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // As bench/browser.mjs, plus: every host but this one unresolvable (tiles fail at once).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', OFFLINE_RULES],
  });
  const started = Date.now();
  const version = browser.version();
  let visits;
  try {
    visits = await measure(browser, server, config, opts);
  } finally {
    await browser.close();
  }
  let lighthouse = null;
  try {
    if (opts.lighthouse) lighthouse = await lighthouseRun({ url: server.url, out: join(ROOT, 'target') });
  } catch (e) {
    lighthouse = { error: e.message.split('\n')[0] };
  } finally {
    await server.close();
  }
  const shifo = visits.Shifo;
  const results = {
    date: new Date().toISOString(), dist: opts.dist, runs: opts.runs, quietMs: opts.quiet,
    chromium: version, node: process.version, throttling: THROTTLING, screens: SCREENS,
    loadAverage: { start: startLoad, end: loadavg() }, probe: { ...config, names: `${config.names.length} names` },
    app: summarize(shifo), plain: summarize(visits['plain page']), download: firstDownload(shifo), lighthouse,
    visits,
  };
  report(results);
  waterfall(shifo, server.url);
  mkdirSync(join(ROOT, 'target'), { recursive: true });
  const out = join(ROOT, 'target/first-visit.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nraw figures: ${out} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exitCode = Object.values(visits).flat().some((v) => v.cold.error || v.warm.error) ? 1 : 0;
}

if (import.meta.filename === process.argv[1]) await main();
