// Launches Debian's Chromium through playwright-core, offline except for localhost.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A browser plus a context whose every request outside localhost fails (as tiles do here).
 *  Service workers are blocked unless asked for: a worker answering from its cache would hide
 *  the responses specs stage with `page.route` (offline.spec.mjs asks for them). */
export async function launch({ viewport = { width: 1280, height: 800 }, serviceWorkers = 'block' } = {}) {
  // playwright-core gives every launch a fresh, empty user-data-dir of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({ viewport, serviceWorkers });
  // Tests never depend on map tiles: refuse every request that is not to this machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort('internetdisconnected'));
  return { browser, context };
}

/** Collects page errors and console errors, so a spec can assert none happened. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Tiles fail offline, by design; a dataset answered with an error status is what some
    // specs stage on purpose. Anything else is a bug.
    const tile = /ERR_INTERNET_DISCONNECTED/.test(m.text());
    const stagedDataset = /status of (404|500)/.test(m.text()) && m.location().url.endsWith('data/centers.json');
    if (!tile && !stagedDataset) errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  return errors;
}
