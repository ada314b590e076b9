// Lighthouse 12.2.3 (npm, pinned: 13 needs Node 22) on Shifo's release build, mobile (its
// default: a Moto G Power's screen, simulated "slow 4G" 150 ms RTT and 1.6 Mbit/s, CPU 4x
// slower), served gzip by bench/server.mjs as the first-visit benchmark serves it.
//
//   npm run bench:lighthouse                     # or: node bench/lighthouse.mjs [--dist DIR]
//
// It writes the scores and the main metrics to target/lighthouse.json and the whole report
// to target/lighthouse-report.json. bench/first-visit.mjs runs it too, after its visits.
// No internet is needed: Chromium resolves no host but 127.0.0.1 (map tiles fail at once, as
// in the first-visit benchmark), and Lighthouse fetches nothing of its own.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { serve } from './server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
  tti: 'interactive',
};

/** Chromium with a DevTools port, as chrome-launcher starts it; resolves to { port, close }. */
async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'shifo-lighthouse-'));
  const child = spawn(CHROMIUM, [...FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((ok, fail) => {
    let err = '';
    const timer = setTimeout(() => fail(new Error(`chromium gave no DevTools port: ${err.slice(-500)}`)), 30000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (m) { clearTimeout(timer); ok(Number(m[1])); }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`chromium exited with ${code}: ${err.slice(-500)}`)); });
  });
  const close = async () => {
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
    rmSync(profile, { recursive: true, force: true });
  };
  return { port, close };
}

/** The scores (0-100) and metrics (ms; CLS unitless) of one report. */
function summary(lhr) {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c === 'best-practices' ? 'bestPractices' : c, Math.round(lhr.categories[c].score * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id].numericValue]));
  const failed = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id);
  return {
    date: lhr.fetchTime, lighthouse: lhr.lighthouseVersion, url: lhr.finalDisplayedUrl,
    formFactor: lhr.configSettings.formFactor, throttlingMethod: lhr.configSettings.throttlingMethod,
    throttling: lhr.configSettings.throttling, scores, metrics, failedAudits: failed,
    runWarnings: lhr.runWarnings,
  };
}

/** One Lighthouse run against `url`; writes `out`/lighthouse.json and lighthouse-report.json. */
export async function lighthouseRun({ url, out }) {
  const chrome = await launchChromium();
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result?.lhr) throw new Error('Lighthouse returned no report');
    if (result.lhr.runtimeError) throw new Error(`${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
    const s = summary(result.lhr);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'lighthouse.json'), `${JSON.stringify(s, null, 2)}\n`);
    writeFileSync(join(out, 'lighthouse-report.json'), result.report);
    return s;
  } finally {
    await chrome.close();
  }
}

async function main() {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: join(ROOT, 'dist') } } });
  const server = await serve({ dist: resolve(values.dist), mode: 'static' });
  try {
    const s = await lighthouseRun({ url: server.url, out: join(ROOT, 'target') });
    console.log(JSON.stringify({ scores: s.scores, metrics: s.metrics, failedAudits: s.failedAudits }, null, 2));
    console.log(`\nsummary: target/lighthouse.json; whole report: target/lighthouse-report.json`);
  } finally {
    await server.close();
  }
}

if (import.meta.filename === process.argv[1]) await main();
