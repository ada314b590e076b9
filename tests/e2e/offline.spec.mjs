// Offline: after one visit the service worker has the app and its dataset, so the app opens
// and works with the network off; a newer dataset replaces the cached one on the next online
// visit. Served from a copy of the build, so the dataset can change between visits.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { CSP, DIST } from './support/server.mjs';
import { dataset, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const root = mkdtempSync(join(tmpdir(), 'shifo-offline-'));
cpSync(DIST, root, { recursive: true });
after(() => rmSync(root, { recursive: true, force: true }));
const DATA_FILE = join(root, 'data/centers.json');
const original = readFileSync(DATA_FILE, 'utf8');

// Under the Content-Security-Policy of docs/embedding.md, which must let the worker register and run.
const t = useApp({ root, serviceWorkers: 'allow', headers: { 'content-security-policy': CSP } });

/** Waits until the service worker controls the page, with the shell and dataset cached. */
async function offlineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect(() => page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');
  await expect(() => page.evaluate(async () => {
    const data = await caches.match(new URL('data/centers.json', location.href).href);
    const page = await caches.match(new URL('index.html', location.href).href);
    return !!(data && page);
  }), 'dataset and page cached');
}

test('after one visit the app opens and works with the network off', async () => {
  await t.app.open();
  await offlineReady(t.page);
  await t.context.setOffline(true);
  try {
    await t.page.reload();
    await t.app.expectShown(dataset.centers);
    // Filters, the list and the detail all work offline.
    await t.app.countryBox('TJ').check();
    const tj = dataset.centers.filter((c) => c.country === 'TJ');
    await t.app.expectShown(tj);
    await t.app.listItem(tj[0].name).click();
    await expect(() => t.app.detail(tj[0].name).isVisible(), 'detail open offline');
    // A link opened offline in a new tab (here: Kazakhstan, in Russian) works too.
    const other = await t.context.newPage();
    await other.goto(`${t.server.url}?country=KZ&lang=ru`);
    await expect(async () => (await other.getByRole('heading', { level: 2 }).allTextContents()).length > 0, 'page rendered');
    const kz = dataset.centers.filter((c) => c.country === 'KZ');
    await expect(async () => (await other.getByRole('status').allTextContents()).some((s) => s.startsWith(`${kz.length} `)),
      `${kz.length} Kazakh centers counted offline`);
    // Without tiles the map is the country outlines.
    await expect(async () => (await other.locator('path.country-outline').count()) === 5, 'outlines drawn offline');
    assert.equal(await other.getByRole('alert').count(), 0);
    await other.close();
  } finally {
    await t.context.setOffline(false);
  }
});

test("a Russian reader's interface texts are there offline after one visit, and so are the other languages'", async () => {
  await t.app.open('lang=ru', { waitReady: false });
  await offlineReady(t.page);
  await t.context.setOffline(true);
  try {
    await t.page.reload();
    const heading = (lang) => t.page.getByRole('heading', { name: tr('results_heading', {}, lang), exact: true });
    await expect(() => heading('ru').isVisible(), 'Russian offline');
    const count = trCount('results_count', dataset.centers.length, 'ru');
    await expect(() => t.page.getByRole('status').filter({ hasText: count }).isVisible(), `"${count}" offline`);
    // A language this browser never showed comes from the cache the first visit filled.
    await t.page.getByLabel(tr('language_label', {}, 'ru')).selectOption('ky');
    await expect(() => heading('ky').isVisible(), 'Kyrgyz offline');
    assert.equal(await t.page.getByRole('alert').count(), 0, 'no notice');
  } finally {
    await t.context.setOffline(false);
  }
  // Not the interface's texts but the dataset's translations: fetched on the first visit
  // before the service worker controlled the page, they were not cached, so offline the
  // summaries stay in English (the console reports the failed fetch). A known gap, not this
  // test's subject.
  const kept = t.errors.filter((e) => !/data\/translations\/(ru|ky)\.json/.test(e));
  t.errors.splice(0, t.errors.length, ...kept);
});

test('a newer dataset replaces the cached one on the next online visit', async () => {
  const newer = structuredClone(dataset);
  const dropped = newer.centers.pop();
  writeFileSync(DATA_FILE, JSON.stringify(newer, null, 2));
  try {
    // Online: the newer file is shown at once (the network answers first).
    await t.app.open();
    await offlineReady(t.page);
    await t.app.expectShown(newer.centers);
    // Offline afterwards: the cached copy is now the newer one.
    await t.context.setOffline(true);
    try {
      await t.page.reload();
      await t.app.expectShown(newer.centers);
      assert.equal(await t.app.listItem(dropped.name).count(), 0, 'the removed center is gone offline too');
    } finally {
      await t.context.setOffline(false);
    }
  } finally {
    writeFileSync(DATA_FILE, original);
  }
});
