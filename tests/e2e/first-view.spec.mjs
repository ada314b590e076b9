// The page is served with its first view (core output/first_view.rs, written in at build time):
// a reader reads the heading, the count and the first centers before the code arrives, in their
// language; the app then takes that view over without contradicting or moving it, keeping what
// was typed. A link with filters gets a neutral "Loading…" instead of rows the app would
// contradict; with scripts off the whole list is there to read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { expect } from './support/expect.mjs';
import { LANGS, tr, trCount, dataset } from './support/locale.mjs';

const t = useApp();
const TOTAL = dataset.centers.length;
/** Rows the first view holds (core output/first_view.rs `ROWS`). */
const ROWS = 8;

/** Holds the app's code until `release` is called: what a slow network shows first. */
async function holdCode(page) {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  return release;
}

const results = (page, lang) => page.getByRole('list', { name: tr('results_list_label', {}, lang) });
/** The text of each visible item of the result list, as read on screen. */
const rowTexts = (page, lang) => results(page, lang).getByRole('listitem').evaluateAll(
  (items) => items.map((li) => li.innerText.replace(/\s+/g, ' ').trim()));
/** The app's own count (a live status: the first view's is plain text). */
const appCount = (page, lang, n = TOTAL) => page.getByRole('status').filter({ hasText: trCount('results_count', n, lang) });
const takenOver = (page, lang, n) => expect(() => appCount(page, lang, n).isVisible(), 'the app took the first view over');

for (const lang of LANGS) {
  test(`${lang}: the first view shows what the app shows once running, and the app changes none of it`, async () => {
    const { page } = t;
    const release = await holdCode(page);
    await page.goto(`${t.app.baseUrl}?lang=${lang}`, { waitUntil: 'commit' });
    await expect(() => results(page, lang).isVisible(), 'the first view\'s list, the code held');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), tr('app_title', {}, lang));
    assert.ok(await page.getByText(trCount('results_count', TOTAL, lang), { exact: true }).isVisible(), 'the count');
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    const before = await rowTexts(page, lang);
    assert.equal(before.length, ROWS, 'its first rows');
    release();
    await takenOver(page, lang);
    const after = await rowTexts(page, lang);
    assert.equal(after.length, TOTAL, 'the app lists them all');
    assert.deepEqual(before, after.slice(0, ROWS), 'the same rows, word for word');
  });
}

test('a link with filters shows a neutral "Loading…", never rows the app would contradict', async () => {
  const { page } = t;
  const release = await holdCode(page);
  await page.goto(`${t.app.baseUrl}?lang=ru&country=TJ`, { waitUntil: 'commit' });
  // The page's own "Loading…", in every language (index.html: the reader's is not known yet).
  await expect(() => page.getByRole('status').filter({ hasText: 'Загрузка…' }).isVisible(), 'Загрузка…');
  assert.equal(await results(page, 'ru').count(), 0, 'no list before the app');
  release();
  const tajik = dataset.centers.filter((c) => c.country === 'TJ').length;
  await takenOver(page, 'ru', tajik);
  assert.equal((await rowTexts(page, 'ru')).length, tajik);
});

test('a shortlist kept in this browser, which the app shows above the list, gets the neutral "Loading…" too', async () => {
  const { page } = t;
  const id = dataset.centers[0].id;
  await page.addInitScript((id) => localStorage.setItem('shifo.shortlist', id), id);
  try {
    const release = await holdCode(page);
    await page.goto(t.app.baseUrl, { waitUntil: 'commit' });
    await expect(() => page.getByRole('status').filter({ hasText: 'Loading…' }).isVisible(), 'Loading…');
    assert.equal(await results(page, 'en').count(), 0, 'no list before the app');
    release();
    await takenOver(page, 'en');
  } finally {
    // The browser's storage outlives the page: the next tests have no shortlist.
    await page.evaluate(() => localStorage.clear());
  }
});

test('translations that never come do not keep the first view: the app takes over, in the reader\'s language', async () => {
  const { page } = t;
  await page.route('**/data/translations/ru.json', () => {});
  await page.goto(`${t.app.baseUrl}?lang=ru`, { waitUntil: 'commit' });
  await expect(() => appCount(page, 'ru').isVisible(), 'the app\'s own count', 20_000);
  assert.equal(await page.getByRole('heading', { name: tr('results_heading', {}, 'ru'), exact: true }).count(), 1);
});

for (const viewport of [{ width: 375, height: 667 }, { width: 1024, height: 768 }, { width: 1280, height: 800 }]) {
  test(`at ${viewport.width}x${viewport.height} the heading, count and rows stay where they were as the app takes over`, async () => {
    const { page } = t;
    await page.setViewportSize(viewport);
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const release = await holdCode(page);
    await page.goto(`${t.app.baseUrl}?lang=kk`, { waitUntil: 'commit' });
    const boxes = async () => {
      const items = results(page, 'kk').getByRole('listitem');
      const parts = [
        page.getByRole('heading', { level: 1 }),
        page.getByRole('heading', { name: tr('results_heading', {}, 'kk') }),
        page.getByText(trCount('results_count', TOTAL, 'kk'), { exact: true }),
        page.getByLabel(tr('search_label', {}, 'kk')),
        items.nth(0), items.nth(1), items.nth(2),
      ];
      return Promise.all(parts.map(async (p) => {
        const b = await p.boundingBox();
        return b && [b.x, b.y, b.width, b.height].map(Math.round).join(',');
      }));
    };
    await expect(() => results(page, 'kk').isVisible(), 'the first view');
    const before = await boxes();
    release();
    await takenOver(page, 'kk');
    assert.deepEqual(await boxes(), before, 'heading, count, search box and rows in the same place');
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.05, `layout shift ${shift.toFixed(4)}`);
  });
}

test('words typed before the app arrives are kept and searched, the cursor still in the box', async () => {
  const { page } = t;
  const release = await holdCode(page);
  await page.goto(t.app.baseUrl, { waitUntil: 'commit' });
  const box = page.getByRole('searchbox', { name: tr('search_label') });
  await box.fill('proton');
  // Enter keeps the words for the app (the page is not reloaded).
  await box.press('Enter');
  release();
  await expect(async () => (await page.getByRole('status').filter({ hasText: /^\d+ centers?$/ }).count()) === 1
    && !(await appCount(page, 'en').isVisible()), 'the app searched for the words');
  const search = page.getByRole('combobox', { name: tr('search_label') });
  assert.equal(await search.inputValue(), 'proton');
  assert.ok(await search.evaluate((el) => el === document.activeElement), 'focus in the search box');
  for (const row of await rowTexts(page, 'en')) assert.match(row, /proton/i);
});

test('a center chosen before the app arrives is marked at once, and its detail opens when the app runs', async () => {
  const { page } = t;
  const release = await holdCode(page);
  await page.goto(`${t.app.baseUrl}?lang=ru`, { waitUntil: 'commit' });
  const rows = results(page, 'ru').getByRole('listitem');
  await expect(() => rows.nth(2).isVisible(), 'the first view');
  const name = await rows.nth(2).getByRole('button').textContent();
  const button = results(page, 'ru').getByRole('button', { name, exact: true });
  await button.click();
  assert.equal(await button.getAttribute('aria-current'), 'true', 'marked as chosen');
  release();
  await expect(() => t.app.detail(name).isVisible(), `the detail of ${name}`);
  assert.match(page.url(), /[?&]center=/);
});

test('the first view\'s language switcher opens the page in the language chosen', async () => {
  const { page } = t;
  await holdCode(page);
  await page.goto(t.app.baseUrl, { waitUntil: 'commit' });
  await page.getByLabel(tr('language_label')).selectOption({ label: tr('language_name', {}, 'uz') });
  await expect(() => page.getByText(trCount('results_count', TOTAL, 'uz'), { exact: true }).isVisible(), 'the Uzbek first view');
  assert.match(page.url(), /[?&]lang=uz\b/);
});

test('with scripts off, every center is listed to read, with a word on what needs them', async () => {
  const context = await t.browser.newContext({ javaScriptEnabled: false });
  try {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(t.app.baseUrl);
    assert.ok(await page.getByText(trCount('results_count', TOTAL, 'en'), { exact: true }).isVisible());
    const names = await page.locator('.results').getByRole('listitem').count();
    assert.equal(names, TOTAL, 'all of them');
    assert.ok(await page.getByText(/needs JavaScript/).isVisible());
    assert.equal(await page.getByText('Loading…', { exact: true }).isVisible(), false, 'no endless "Loading…"');
  } finally {
    await context.close();
  }
});
