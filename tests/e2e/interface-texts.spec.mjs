// The interface texts of every language but English are files of the build, fetched for the
// reader's language only (src/i18n/texts.rs): a Russian reader gets Russian with no English
// drawn first, a switch fetches the next language once, and a file that fails leaves the page
// in English with a notice in the reader's language and a Retry that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr, trCount, LANGS } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const TEXTS = /\/locales\/([a-z]{2})\.[0-9a-f]{16}\.txt$/;
/** The language switcher, labelled in `lang`. */
const switcher = (lang) => t.page.getByLabel(tr('language_label', {}, lang), { exact: true });
const htmlLang = () => t.page.evaluate(() => document.documentElement.lang);

/** The languages whose texts file the page asked for, in order. */
function textsAsked(page) {
  const asked = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(TEXTS);
    if (m) asked.push(m[1]);
  });
  return asked;
}

/** Whether the page shows its interface in `lang`: heading, count, search label. */
async function shownIn(lang) {
  const page = t.page;
  const count = trCount('results_count', dataset.centers.length, lang);
  return (await htmlLang()) === lang
    && (await page.getByRole('heading', { name: tr('results_heading', {}, lang), exact: true }).isVisible())
    && (await page.getByRole('status').filter({ hasText: count }).isVisible())
    && (await page.getByLabel(tr('search_label', {}, lang), { exact: true }).isVisible());
}

/** Drops the console's report of the texts file the spec made fail on purpose. */
function forgetStagedFailures() {
  const kept = t.errors.filter((e) => !/locales\/|ERR_FAILED|ERR_INTERNET_DISCONNECTED/.test(e));
  t.errors.splice(0, t.errors.length, ...kept);
}

// Messages whose English differs from every other language's: any of them on the page, at any
// moment, would be English shown to a reader of another language.
const ENGLISH_ONLY = ['app_tagline', 'results_heading', 'search_label', 'country_legend', 'skip_to_results']
  .filter((k) => LANGS.every((l) => l === 'en' || tr(k, {}, l) !== tr(k)))
  .map((k) => tr(k));

test('a Russian reader sees the Russian first view, then the app in Russian: never English, and only Russian is fetched', async () => {
  const asked = textsAsked(t.page);
  // Every text the page shows, in every frame it renders from the first on (a frame is not
  // rendered before the stylesheets are in: what the page holds before then is never seen), to
  // find a flash of English.
  await t.page.addInitScript((english) => {
    window.__english = [];
    const look = () => {
      const text = document.body?.innerText ?? '';
      for (const e of english) if (text.includes(e) && !window.__english.includes(e)) window.__english.push(e);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, ENGLISH_ONLY);
  // A slow texts file: the page must wait for it with its own loading notice.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await t.page.route(TEXTS, async (route) => { await held; await route.continue(); });
  await t.page.goto(`${t.server.url}?lang=ru`);
  // The page's own first view, in Russian, stays until the app (waiting for its texts) can
  // take it over in Russian.
  const firstView = t.page.getByRole('list', { name: tr('results_list_label', {}, 'ru') });
  await expect(() => asked.includes('ru'), 'the app running, its texts asked for');
  assert.ok(await firstView.isVisible(), 'the Russian first view while the texts are on their way');
  release();
  await expect(() => shownIn('ru'), 'the interface in Russian');
  assert.deepEqual(await t.page.evaluate(() => window.__english), [], 'no English shown on the way');
  assert.deepEqual(asked, ['ru'], 'only the Russian texts fetched');
  assert.equal(await t.page.getByRole('alert').count(), 0);
});

test('a reader whose browser prefers Kazakh gets Kazakh; an English one fetches no texts', async () => {
  const context = await t.browser.newContext({ locale: 'kk-KZ' });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort('internetdisconnected'));
  try {
    const page = await context.newPage();
    const asked = textsAsked(page);
    await page.goto(t.server.url);
    await expect(() => page.getByRole('heading', { name: tr('results_heading', {}, 'kk'), exact: true }).isVisible(), 'Kazakh from the browser');
    assert.deepEqual(asked, ['kk']);
  } finally {
    await context.close();
  }
  const asked = textsAsked(t.page);
  await t.app.open();
  assert.ok(await shownIn('en'));
  assert.deepEqual(asked, [], 'English is in the code');
});

test('switching language fetches that language once, and the page stays as it is until it is here', async () => {
  const asked = textsAsked(t.page);
  await t.app.open();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await t.page.route(TEXTS, async (route) => { await held; await route.continue(); });
  await switcher('en').selectOption('kk');
  await new Promise((ok) => setTimeout(ok, 300));
  assert.ok(await shownIn('en'), 'still English while the Kazakh texts are on their way');
  release();
  await expect(() => shownIn('kk'), 'the interface in Kazakh');
  await switcher('kk').selectOption('en');
  await expect(() => shownIn('en'), 'back in English');
  await switcher('en').selectOption('kk');
  await expect(() => shownIn('kk'), 'Kazakh again');
  await switcher('kk').selectOption('tg');
  await expect(() => shownIn('tg'), 'the interface in Tajik');
  assert.deepEqual(asked, ['kk', 'tg'], 'each language fetched once');
  // The switcher still names every language in itself (compiled in for each).
  const select = switcher('tg');
  for (const lang of LANGS) {
    assert.equal(await select.getByRole('option', { name: tr('language_name', {}, lang), exact: true }).count(), 1, lang);
  }
});

test('a texts file that fails shows the page in English with a notice in Russian, and Retry brings Russian', async () => {
  await t.page.route(TEXTS, (route) => route.abort('failed'));
  await t.app.open('lang=ru');
  const alert = t.page.getByRole('alert');
  await expect(() => alert.filter({ hasText: tr('texts_failed', {}, 'ru') }).isVisible(), 'the notice, in Russian');
  assert.equal(await alert.getAttribute('lang'), 'ru');
  assert.ok(await shownIn('en'), 'the page in English meanwhile');
  assert.equal(await switcher('en').inputValue(), 'ru', 'Russian stays chosen');
  // Retry while it still fails: the notice stays.
  const retry = alert.getByRole('button', { name: tr('retry', {}, 'ru'), exact: true });
  await retry.click();
  await new Promise((ok) => setTimeout(ok, 300));
  assert.ok(await alert.filter({ hasText: tr('texts_failed', {}, 'ru') }).isVisible(), 'the notice after a failed retry');
  await t.page.unroute(TEXTS);
  await retry.click();
  await expect(() => shownIn('ru'), 'Russian after Retry');
  assert.equal(await t.page.getByRole('alert').count(), 0, 'the notice gone');
  forgetStagedFailures();
});

test('a file of another version is refused: English, and the notice says why', async () => {
  await t.app.open();
  await t.page.route(TEXTS, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'shifo-texts 1 0000000000000000 uz 1\nx\n' }));
  await switcher('en').selectOption('uz');
  const alert = t.page.getByRole('alert');
  await expect(() => alert.filter({ hasText: tr('texts_failed', {}, 'uz') }).isVisible(), 'the notice, in Uzbek');
  const text = await alert.textContent();
  assert.match(text, /locales\/uz\.[0-9a-f]{16}\.txt/);
  assert.ok(text.includes('0000000000000000'), text);
  assert.ok(await shownIn('en'));
  // Choosing another language drops the notice.
  await t.page.unroute(TEXTS);
  await switcher('en').selectOption('ky');
  await expect(() => shownIn('ky'), 'Kyrgyz');
  assert.equal(await alert.count(), 0);
});

test('the reader\'s texts download while the code does, once: the app takes the page\'s download', async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await t.page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  const requests = [];
  t.page.on('request', (r) => { if (TEXTS.test(new URL(r.url()).pathname)) requests.push(r); });
  await t.page.goto(`${t.server.url}?lang=kk`, { waitUntil: 'commit' });
  // The code cannot have run: it is held.
  await expect(() => requests.length === 1, 'the Kazakh texts asked for while the code is held');
  assert.ok(await requests[0].response(), 'and answered');
  release();
  await expect(() => shownIn('kk'), 'the interface in Kazakh');
  assert.equal(requests.length, 1, 'one request: the app\'s fetch took the page\'s');
  assert.match(new URL(requests[0].url()).pathname, /\/locales\/kk\./);
});
