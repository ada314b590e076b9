// Shifo against a Leaflet.markercluster baseline, in headless Chromium, over synthetic datasets.
//
//   node bench/browser.mjs [--sizes 1000,10000,50000] [--timeout 60] [--budget 180] [--quiet 300]
//   npm run bench -- --sizes 1000
//   node bench/browser.mjs --sizes 50000 --dist /tmp/dist-a --skip-baseline --out /tmp/a.json
//     (another build, Shifo alone, the raw results elsewhere: for runs of two builds in turn)
//
// For each size N it generates (once) target/bench-data/centers-N.json with `shifo-data synth`,
// serves dist/ and bench/baseline/ with that file as /data/centers.json, and measures both
// pages the same way (see bench/probe.js): dataset fetched -> page drawn, a fixed sequence of
// filter changes, clearing the filters, and memory. It prints one table per N, the targets at
// 50,000, and writes every raw figure to target/bench-results.json.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const PROBE = join(import.meta.dirname, 'probe.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };
const en = JSON.parse(readFileSync(join(ROOT, 'locales/en.json'), 'utf8'));

// The targets the scale issue sets, checked at 50,000 centers.
const TARGET_SIZE = 50000;
const TARGETS = { filterP50: 16, filterP95: 33, load: 250, memoryMB: 60, payloadKB: 200 };

let opts;
try {
  ({ values: opts } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,50000' },
      timeout: { type: 'string', default: '60' }, // seconds, per step (the load, one filter change)
      budget: { type: 'string', default: '180' }, // seconds, per page run (load + every change)
      quiet: { type: 'string', default: '300' }, // ms without a mutation that counts as settled
      dist: { type: 'string', default: join(ROOT, 'dist') }, // the build under test
      'skip-baseline': { type: 'boolean', default: false }, // Shifo alone (A/B runs of two builds)
      out: { type: 'string', default: join(ROOT, 'target/bench-results.json') }, // the raw results
    },
  }));
} catch (e) {
  usage(e.message);
}
const DIST = resolve(opts.dist);
const SKIP_BASELINE = opts['skip-baseline'];
const SIZES = opts.sizes.split(',').map((s) => Number(s.trim()));
if (SIZES.some((n) => !Number.isInteger(n) || n < 1)) usage(`bad --sizes "${opts.sizes}"`);
const STEP_TIMEOUT = Number(opts.timeout) * 1000;
const RUN_BUDGET = Number(opts.budget) * 1000;
const QUIET = Number(opts.quiet);
if (!(STEP_TIMEOUT > 0) || !(RUN_BUDGET > 0) || !(QUIET > 0)) usage('--timeout, --budget and --quiet take positive numbers');

function usage(message) {
  console.error(`bench: ${message}\nusage: node bench/browser.mjs [--sizes 1000,10000,50000] [--timeout SECONDS] [--budget SECONDS] [--quiet MS] [--dist DIR] [--skip-baseline] [--out FILE]`);
  process.exit(2);
}

const log = (...a) => console.error('bench:', ...a);

// ---------------------------------------------------------------------------------------------
// Inputs: the build, the datasets, the payload.

function ensureBuild() {
  if (existsSync(join(DIST, 'index.html'))) return;
  log(`${DIST} is missing: trunk build --release --offline --dist ${DIST}`);
  const r = spawnSync('trunk', ['build', '--release', '--offline', '--dist', DIST], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('trunk build failed');
}

/** target/bench-data/centers-N.json, generated once. Written to a temporary name first, so an
 *  interrupted run never leaves a truncated file that later runs would take as the dataset. */
async function datasetFile(n) {
  const dir = join(ROOT, 'target/bench-data');
  const file = join(dir, `centers-${n}.json`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  log(`generating ${file}`);
  const tmp = `${file}.tmp`;
  const out = openSync(tmp, 'w');
  const code = await new Promise((ok, fail) => {
    const child = spawn('cargo', ['run', '--release', '-q', '-p', 'shifo-core', '--bin', 'shifo-data', '--', 'synth', String(n), '--seed', '1'],
      { cwd: ROOT, stdio: ['ignore', out, 'inherit'] });
    child.on('error', fail);
    child.on('exit', ok);
  });
  closeSync(out);
  if (code !== 0) throw new Error(`shifo-data synth ${n} exited with ${code}`);
  renameSync(tmp, file);
  return file;
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The app payload as scripts/size-report.mjs counts it: dist/*.{wasm,js,css}, gzip -9,
 *  without Leaflet (vendor/) and the dataset (data/). */
function appPayload() {
  const files = readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f));
  return { files, gzipBytes: files.reduce((sum, f) => sum + gz(join(DIST, f)), 0) };
}

/** What the baseline adds on top of Leaflet, counted the same way. */
function baselinePayload() {
  const files = [
    'node_modules/leaflet.markercluster/dist/leaflet.markercluster.js',
    'node_modules/leaflet.markercluster/dist/MarkerCluster.css',
    'node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css',
    'bench/baseline/baseline.js',
  ];
  return { files, gzipBytes: files.reduce((sum, f) => sum + gz(join(ROOT, f)), 0) };
}

// ---------------------------------------------------------------------------------------------
// The filter sequence: the same for app and baseline, derived from the dataset's vocabulary.

const NO_FILTER = { specialty: null, country: null, pediatric: false };

/** Toggles and the filter state after each. At most one specialty and one country are on at a
 *  time, so the baseline's single-valued filter means exactly what the app's sets mean. */
function changeSequence(dataset) {
  const [a, b, c, d] = dataset.specialties.slice(0, 4).map((s) => s.code);
  const toggles = [
    ['specialty', a], ['specialty', a],
    ['country', 'KZ'], ['pediatric'], ['specialty', b], ['specialty', b], ['country', 'KZ'],
    ['country', 'UZ'], ['pediatric'], ['specialty', c], ['country', 'UZ'], ['specialty', c],
    ['specialty', d], ['country', 'KG'], ['pediatric'], ['country', 'KG'], ['specialty', d],
    ['country', 'TJ'], ['specialty', a], ['pediatric'], ['country', 'TJ'], ['specialty', a],
    ['country', 'TM'], ['pediatric'], ['country', 'TM'], ['specialty', b],
  ];
  let state = NO_FILTER;
  const steps = toggles.map(([kind, code]) => {
    if (kind === 'pediatric') {
      state = { ...state, pediatric: !state.pediatric };
      return { kind, on: state.pediatric, filter: state, label: `pediatric ${state.pediatric ? 'on' : 'off'}` };
    }
    if (state[kind] && state[kind] !== code) throw new Error(`sequence: ${kind} ${code} while ${state[kind]} is on`);
    const on = state[kind] !== code;
    state = { ...state, [kind]: on ? code : null };
    return { kind, code, on, filter: state, label: `${kind} ${code} ${on ? 'on' : 'off'}` };
  });
  // "Clear all filters" is disabled when nothing is set: the sequence must end with a filter.
  if (JSON.stringify(state) === JSON.stringify(NO_FILTER)) throw new Error('sequence: ends unfiltered');
  return steps;
}

const treatsChildren = (c) => !!c.pediatric?.treats_children; // core/src/dataset/model.rs treats_children

function expectedCount(dataset, f) {
  return dataset.centers.filter((c) => (!f.specialty || c.specialties.includes(f.specialty))
    && (!f.country || c.country === f.country)
    && (!f.pediatric || treatsChildren(c))).length;
}

// ---------------------------------------------------------------------------------------------
// The two pages, driven the way each is used.

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// "1 center", "50000 centers", allowing a thousands separator should the app add one.
const COUNT_TEXT = /^\s*(\d[\d\s,.\u00a0\u202f]*) centers?\s*$/;

/** The result count, found by role and text, as a screen reader would (both pages). */
const statusCount = (page) => page.getByRole('status').filter({ hasText: COUNT_TEXT });

const app = {
  name: 'Shifo',
  path: '',
  /** The checkbox for one toggle, by the group's legend and the option's visible label
   *  (labels are followed by the option's count, e.g. "Kazakhstan 123"). */
  control(page, dataset, step) {
    const filters = page.getByRole('search', { name: en.filters_heading });
    if (step.kind === 'pediatric') {
      return filters.getByRole('checkbox', { name: new RegExp(`^${escapeRe(en.pediatric_label)} \\d`) });
    }
    const [legend, label] = step.kind === 'country'
      ? [en.country_legend, en[`country_${step.code}`]]
      : [en.specialty_legend, dataset.specialties.find((s) => s.code === step.code).label];
    return filters.getByRole('group', { name: legend, exact: true })
      .getByRole('checkbox', { name: new RegExp(`^${escapeRe(label)} \\d`) });
  },
  // t0 is taken in the page, right before the click, so node <-> browser latency is not timed.
  async change(page, dataset, step, timeout) {
    await this.control(page, dataset, step).evaluate((el) => { window.__t0 = performance.now(); el.click(); }, null, { timeout });
  },
  async clear(page, timeout) {
    await page.getByRole('search', { name: en.filters_heading })
      .getByRole('button', { name: en.clear_filters, exact: true })
      .evaluate((el) => { window.__t0 = performance.now(); el.click(); }, null, { timeout });
  },
};

const baseline = {
  name: 'markercluster baseline',
  path: 'bench-baseline/',
  async change(page, _dataset, step) {
    await page.evaluate((f) => { window.__t0 = performance.now(); window.baseline.apply(f); }, step.filter);
  },
  async clear(page) {
    await page.evaluate(() => { window.__t0 = performance.now(); window.baseline.apply({}); });
  },
};

/** The time limits of one page run: each step (the load, one change) gets STEP_TIMEOUT, and
 *  all of them together RUN_BUDGET, so a slow build fails clearly instead of running for hours. */
class Limits {
  constructor(tag) {
    this.tag = tag;
    this.end = Date.now() + RUN_BUDGET;
  }

  /** Milliseconds left for the next step. */
  get ms() {
    return Math.max(0, Math.min(STEP_TIMEOUT, this.end - Date.now()));
  }

  /** Runs `start(ms)` (which gets the step's time, for in-page and Playwright timeouts) and
   *  settles with it, or fails naming the step once the time is up plus `slack`: a page stuck
   *  in one long task never answers evaluate() at all. */
  within(what, start, slack = 0) {
    const ms = this.ms;
    const budget = ms < STEP_TIMEOUT ? ` (the run budget of ${RUN_BUDGET / 1000} s is used up)` : '';
    const reason = `no answer within ${ms / 1000} s${budget}`;
    const promise = ms > 0 ? start(ms) : Promise.reject(new Error(reason));
    // The race's loser rejects later, when the context closes: that must not crash node.
    promise.catch(() => {});
    let timer;
    const timeout = new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(reason)), ms + slack);
    });
    return Promise.race([promise, timeout])
      .catch((e) => {
        // Playwright prefixes "page.evaluate: Error: "; keep the page's own words.
        const message = e.message.split('\n')[0].replace(/^[\w.]+: Error: /, '');
        throw new Error(`${this.tag}: ${what}: ${message}${e.message === reason || message.includes('budget') ? '' : budget}`);
      })
      .finally(() => clearTimeout(timer));
  }
}

async function readCount(page, timeout) {
  const text = await statusCount(page).first().textContent({ timeout });
  return Number(text.match(COUNT_TEXT)[1].replace(/\D/g, ''));
}

async function memory(page, cdp) {
  // Collect garbage first: without it the heap figure mostly says when V8 last collected.
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
  const wasm = await page.evaluate(() => window.__bench.wasmMemory?.buffer.byteLength ?? 0);
  return { jsHeapUsed: m.JSHeapUsedSize, wasm, total: m.JSHeapUsedSize + wasm, domNodes: m.Nodes };
}

const markerElements = (page) => page.evaluate(() => document.querySelector('.leaflet-marker-pane')?.childElementCount ?? 0);

/** Waits in the page until it is quiet (bench/probe.js), then gives { lastMutation, lastFrame }
 *  relative to `since` ('t0': the window.__t0 the change stamped; 'responseEnd': the dataset's
 *  resource timing entry). Throws if nothing changed after it: then nothing was measured. */
function settled(page, since, timeout) {
  return page.evaluate(async ({ since, quiet, timeout }) => {
    let from = window.__t0;
    if (since === 'responseEnd') {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/data/centers.json'));
      if (!entry) throw new Error('no resource timing entry for data/centers.json');
      from = entry.responseEnd;
    }
    const s = await window.__bench.settle({ since: from, quiet, timeout });
    if (s.lastMutation <= from) throw new Error('the page did not change');
    return { drawn: s.lastMutation - from, frame: s.lastFrame - from, [since]: from };
  }, { since, quiet: QUIET, timeout });
}

/** One page, one target, one size: load, the filter sequence, clear, memory. On a failure the
 *  result keeps what was measured before it, plus `error`. */
async function run(browser, server, target, size, dataset, steps) {
  const tag = `${target.name} N=${size}`;
  const limits = new Limits(tag);
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' }); // no offline caching mid-measurement
  // Offline by design: tiles (and anything else not on this machine) fail at once.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript({ path: PROBE });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const result = { target: target.name, size, pageErrors, countMismatches: [], changes: [] };
  const checkCount = async (step, expected) => {
    const shown = await limits.within(`${step}: count`, (ms) => readCount(page, ms));
    if (shown !== expected) result.countMismatches.push({ step, expected, shown });
    return shown;
  };
  try {
    // Load: ready once the map region shows a marker or cluster and the count is up, then
    // quiet. Only roles, locale texts and Leaflet's own panes: the app's classes may change.
    log(`${tag}: load`);
    await limits.within('load', async (ms) => {
      await page.goto(server.url + target.path, { waitUntil: 'commit', timeout: ms });
      await Promise.all([
        page.getByRole('region', { name: en.map_label }).locator('.leaflet-marker-pane > *').first().waitFor({ state: 'attached', timeout: ms }),
        statusCount(page).first().waitFor({ state: 'visible', timeout: ms }),
      ]);
    });
    result.load = await limits.within('load: settle', (ms) => settled(page, 'responseEnd', ms), 2000);
    result.loadedCount = await checkCount('load', size);
    result.markerElementsAfterLoad = await limits.within('load: markers', () => markerElements(page));
    result.mapSize = await limits.within('load: map size', () => page.evaluate(() => {
      const r = document.querySelector('.leaflet-container').getBoundingClientRect();
      return [Math.round(r.width), Math.round(r.height)];
    }));
    result.memoryAfterLoad = await limits.within('load: memory', () => memory(page, cdp));

    log(`${tag}: ${steps.length} filter changes`);
    for (const step of steps) {
      await limits.within(step.label, (ms) => target.change(page, dataset, step, ms));
      const t = await limits.within(`${step.label}: settle`, (ms) => settled(page, 't0', ms), 2000);
      const count = await checkCount(step.label, expectedCount(dataset, step.filter));
      result.changes.push({ step: step.label, count, ...t });
    }

    log(`${tag}: clear`);
    await limits.within('clear', (ms) => target.clear(page, ms));
    result.clear = await limits.within('clear: settle', (ms) => settled(page, 't0', ms), 2000);
    await checkCount('clear', size);
    result.markerElementsAfterClear = await limits.within('clear: markers', () => markerElements(page));
    result.memoryAfterFilters = await limits.within('clear: memory', () => memory(page, cdp));
  } catch (e) {
    result.error = e.message;
    log(`FAILED: ${result.error}`);
  } finally {
    // A renderer stuck in a long task may not close politely; do not wait for it forever.
    await Promise.race([context.close(), new Promise((ok) => setTimeout(ok, 10000))]).catch(() => {});
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Statistics and the report.

/** Nearest-rank percentile. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The figures of one run; a failed run has those measured before it failed (filter
 *  percentiles only over the whole sequence: a few fast first changes would flatter it). */
function summarize(r, stepCount) {
  const s = {};
  if (r.load) Object.assign(s, { loadDrawn: r.load.drawn, loadFrame: r.load.frame });
  if (r.memoryAfterLoad) {
    const m = r.memoryAfterLoad;
    Object.assign(s, { heapLoad: m.jsHeapUsed, wasmLoad: m.wasm, totalLoad: m.total, domNodes: m.domNodes, markers: r.markerElementsAfterLoad });
  }
  if (r.changes.length === stepCount) {
    const drawn = r.changes.map((c) => c.drawn);
    const frame = r.changes.map((c) => c.frame);
    Object.assign(s, {
      filterP50: percentile(drawn, 50), filterP95: percentile(drawn, 95),
      filterFrameP50: percentile(frame, 50), filterFrameP95: percentile(frame, 95),
    });
  }
  if (r.clear) Object.assign(s, { clear: r.clear.drawn, clearFrame: r.clear.frame });
  if (r.memoryAfterFilters) {
    const m = r.memoryAfterFilters;
    Object.assign(s, { heapAfter: m.jsHeapUsed, wasmAfter: m.wasm, totalAfter: m.total });
  }
  // Wasm memory never shrinks, the JS heap may: the target is on the higher of the two.
  if (s.totalLoad != null) s.peakMemory = Math.max(s.totalLoad, s.totalAfter ?? 0);
  return s;
}

const MB = 1024 * 1024;
const ms = (v) => `${v.toFixed(1)} ms`;
const mb = (v) => `${(v / MB).toFixed(1)} MB`;
const kb = (v) => `${(v / 1024).toFixed(1)} KB`;
const int = (v) => String(Math.round(v));

// [label, key, format]. Every row is a cost, so a ratio (baseline/Shifo) above 1 always means
// Shifo needs less; DOM nodes and marker elements are there to explain the rest.
const ROWS = [
  ['fetched → drawn (last mutation)', 'loadDrawn', ms],
  ['fetched → next frame', 'loadFrame', ms],
  ['filter change p50', 'filterP50', ms],
  ['filter change p95', 'filterP95', ms],
  ['filter change p50, next frame', 'filterFrameP50', ms],
  ['filter change p95, next frame', 'filterFrameP95', ms],
  ['back to unfiltered', 'clear', ms],
  ['back to unfiltered, next frame', 'clearFrame', ms],
  ['JS heap after load', 'heapLoad', mb],
  ['wasm memory after load', 'wasmLoad', mb],
  ['heap + wasm after load', 'totalLoad', mb],
  ['heap + wasm after filters', 'totalAfter', mb],
  ['DOM nodes after load', 'domNodes', int],
  ['marker pane elements after load', 'markers', int],
];

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n');
}

const ratio = (a, b) => (a > 0 && b > 0 ? `${(b / a).toFixed(2)}×` : '–');

function report(size, appRun, baseRun, payload, steps) {
  const [a, b] = [summarize(appRun, steps.length), summarize(baseRun, steps.length)];
  const cell = (run, sum, key, fmt) => (sum[key] != null ? fmt(sum[key]) : run.error ? 'failed' : '–');
  const rows = ROWS.map(([label, key, fmt]) => [label, cell(appRun, a, key, fmt), cell(baseRun, b, key, fmt), ratio(a[key], b[key])]);
  rows.push(['payload gzip (without Leaflet)', kb(payload.app.gzipBytes), kb(payload.baseline.gzipBytes), ratio(payload.app.gzipBytes, payload.baseline.gzipBytes)]);
  console.log(`\n## ${size.toLocaleString('en')} centers\n`);
  console.log(table(['metric', app.name, baseline.name, 'ratio (baseline/Shifo)'], rows));
  const notes = [];
  for (const r of [appRun, baseRun]) {
    if (r.error) notes.push(`${r.target}: FAILED after ${r.changes.length} of ${steps.length} filter changes: ${r.error}`);
    for (const m of r.countMismatches) notes.push(`${r.target}: WARNING: after "${m.step}" the count says ${m.shown}, the dataset gives ${m.expected}`);
    for (const e of r.pageErrors) notes.push(`${r.target}: page error: ${e}`);
  }
  if (appRun.mapSize && baseRun.mapSize) notes.push(`map ${appRun.mapSize.join('x')} px (Shifo), ${baseRun.mapSize.join('x')} px (baseline); ${steps.length} filter changes, then clear`);
  if (notes.length) console.log(`\n${notes.join('\n')}`);
}

function targets(results, payload) {
  const r = results.find((x) => x.size === TARGET_SIZE);
  const s = r ? summarize(r.app, r.sequence.length) : {};
  const why = !r ? `not run (--sizes has no ${TARGET_SIZE})` : 'not measured (run failed)';
  const check = (label, value, limit, fmt) => (value == null
    ? [label, why, fmt(limit), '–']
    : [label, fmt(value), fmt(limit), value <= limit ? 'met' : 'MISSED']);
  const mbs = (v) => `${(v / MB).toFixed(1)} MB`;
  const rows = [
    check('filter change p50', s.filterP50, TARGETS.filterP50, ms),
    check('filter change p95', s.filterP95, TARGETS.filterP95, ms),
    check('fetched → drawn', s.loadDrawn, TARGETS.load, ms),
    check('heap + wasm (higher of after load, after filters)', s.peakMemory, TARGETS.memoryMB * MB, mbs),
    check('app payload gzip', payload.app.gzipBytes, TARGETS.payloadKB * 1024, kb),
  ];
  console.log(`\n## Targets at ${TARGET_SIZE.toLocaleString('en')} centers (Shifo)\n`);
  console.log(table(['target', 'measured', 'limit', 'status'], rows));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  ensureBuild();
  const indexHtml = readFileSync(join(DIST, 'index.html'), 'utf8');
  if (!indexHtml.includes('TrunkApplicationStarted')) log('warning: dist/index.html dispatches no TrunkApplicationStarted event; wasm memory will read 0');
  const payload = { app: appPayload(), baseline: baselinePayload() };

  const files = [];
  for (const n of SIZES) files.push(await datasetFile(n));

  const server = await serve({ dist: DIST });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // As tests/e2e/support/browser.mjs: without the background-networking flags Chromium
    // floods the closed network. playwright-core gives each launch a fresh user-data-dir.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  const out = resolve(opts.out);
  // Rewritten after every size, so an interrupted run still leaves what it measured.
  const save = () => writeFileSync(out, `${JSON.stringify({
    date: new Date().toISOString(),
    chromium: browser.version(), node: process.version, viewport: VIEWPORT, quietMs: QUIET,
    method: {
      drawn: `last DOM mutation outside .leaflet-tile-pane once the page was quiet for ${QUIET} ms; "frame": the end of the frame rendered after it`,
      load: 'from responseEnd of the data/centers.json resource timing entry',
      change: 'from performance.now() taken in the page just before the click (app) or apply() (baseline)',
      memory: 'after HeapProfiler.collectGarbage: Performance.getMetrics JSHeapUsedSize + WebAssembly memory byteLength',
    },
    payload, targets: { size: TARGET_SIZE, ...TARGETS },
    results: results.map((r) => ({
      ...r, summary: { app: summarize(r.app, r.sequence.length), baseline: summarize(r.baseline, r.sequence.length) },
    })),
  }, null, 2)}\n`);
  const started = Date.now();
  try {
    for (const [i, size] of SIZES.entries()) {
      const bytes = readFileSync(files[i]);
      const dataset = JSON.parse(bytes);
      const steps = changeSequence(dataset);
      server.setDataset(bytes);
      // Timings on a shared machine are only as good as its idleness: say so when it is not.
      const loadAverage = loadavg()[0];
      if (loadAverage > availableParallelism() / 2) log(`warning: load average ${loadAverage.toFixed(1)} on ${availableParallelism()} cores: other work is running, figures will be noisy`);
      const appRun = await run(browser, server, app, size, dataset, steps);
      const baseRun = SKIP_BASELINE
        ? { target: baseline.name, size, skipped: true, pageErrors: [], countMismatches: [], changes: [] }
        : await run(browser, server, baseline, size, dataset, steps);
      results.push({ size, datasetBytes: bytes.length, loadAverage, sequence: steps.map((s) => ({ step: s.label, filter: s.filter })), app: appRun, baseline: baseRun });
      save();
      report(size, appRun, baseRun, payload, steps);
    }
    targets(results, payload);
    console.log(`\nraw results: ${out} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    await browser.close();
    await server.close();
  }
  const failed = results.some((r) => r.app.error || r.baseline.error);
  process.exitCode = failed ? 1 : 0;
}

await main();
