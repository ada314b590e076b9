// The interface speaks seven languages: the switcher, `lang=` in the URL and the browser's
// preferred languages choose one; names and labels of the data follow it, falling back to
// Russian, then English. Every expected text comes from the locale files and the dataset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr, trCount, nameIn, labelIn, LANGS } from './support/locale.mjs';
import { expect } from './support/expect.mjs';
import { ShifoPage } from './support/shifo-page.mjs';
import { watchErrors } from './support/browser.mjs';

const t = useApp();
const query = () => new URL(t.page.url()).search.replace(/^\?/, '');
const htmlLang = () => t.page.evaluate(() => document.documentElement.lang);
const astana = dataset.centers.filter((c) => c.city === 'Astana');
const nroc = dataset.centers.find((c) => c.id === 'nroc-astana');
const oncology = dataset.specialties.find((s) => s.code === 'oncology');

/** Asserts the page is in `lang`: interface strings, plural count, data names and labels. */
async function expectLanguage(lang) {
  const page = t.page;
  await expect(async () => (await htmlLang()) === lang, `<html lang="${lang}"> (is ${await htmlLang()})`);
  await expect(() => page.getByRole('heading', { name: tr('results_heading', {}, lang), exact: true }).isVisible(), `results heading in ${lang}`);
  await expect(() => page.getByLabel(tr('search_label', {}, lang), { exact: true }).isVisible(), `search label in ${lang}`);
  await expect(() => page.getByRole('group', { name: tr('country_legend', {}, lang), exact: true }).isVisible(), `country legend in ${lang}`);
  const count = trCount('results_count', dataset.centers.length, lang);
  await expect(() => page.getByRole('status').filter({ hasText: count }).isVisible(), `count "${count}"`);
  const list = page.getByRole('list', { name: tr('results_list_label', {}, lang) });
  await expect(() => list.getByRole('button', { name: nameIn(nroc, lang), exact: true }).isVisible(), `NROC listed as "${nameIn(nroc, lang)}"`);
  const specialties = page.getByRole('group', { name: tr('specialty_legend', {}, lang), exact: true });
  await expect(() => specialties.getByRole('checkbox', { name: new RegExp(`^${labelIn(oncology, lang)} \\d+$`) }).isVisible(), `oncology label "${labelIn(oncology, lang)}"`);
  const country = page.getByRole('checkbox', { name: new RegExp(`^${tr('country_KZ', {}, lang)} \\d+$`) });
  await expect(() => country.isVisible(), `Kazakhstan in ${lang}`);
  await expect(async () => (await page.title()) === tr('page_title', {}, lang), `the page title in ${lang}`);
}

test('switching to Russian and to Kazakh changes the interface and the data', async () => {
  await t.app.open();
  await expectLanguage('en');
  const select = t.page.getByLabel(tr('language_label'));
  // Each language is offered under its own name.
  for (const lang of LANGS) {
    assert.equal(await select.getByRole('option', { name: tr('language_name', {}, lang) }).count(), 1, lang);
  }
  await select.selectOption('ru');
  await expectLanguage('ru');
  assert.match(query(), /(^|&)lang=ru($|&)/);
  // Astana centers show their city in Russian.
  const list = t.page.getByRole('list', { name: tr('results_list_label', {}, 'ru') });
  const item = list.getByRole('listitem').filter({ has: t.page.getByRole('button', { name: nameIn(nroc, 'ru'), exact: true }) });
  assert.match(await item.textContent(), /Астана, Казахстан/);

  await t.page.getByLabel(tr('language_label', {}, 'ru')).selectOption('kk');
  await expectLanguage('kk');
  assert.match(query(), /(^|&)lang=kk($|&)/);
  // The detail is in Kazakh too: headings of its fields and the name.
  await t.page.getByRole('list', { name: tr('results_list_label', {}, 'kk') }).getByRole('button', { name: nameIn(nroc, 'kk'), exact: true }).click();
  const detail = t.page.getByRole('region', { name: nameIn(nroc, 'kk'), exact: true });
  await expect(() => detail.isVisible(), 'detail in Kazakh');
  assert.ok((await detail.textContent()).includes(tr('detail_specialties', {}, 'kk')));

  // Back returns to Russian, then to the browser's English.
  await t.page.goBack();
  await t.page.goBack();
  await expectLanguage('ru');
  await t.page.goBack();
  await expectLanguage('en');
});

test("the map's zoom buttons are named in the reader's language, and follow a switch", async () => {
  // Leaflet names them in English; a screen reader and a hover say them in the interface's.
  const zoom = (key, lang) => t.page.getByRole('region', { name: tr('map_label', {}, lang) }).getByRole('button', { name: tr(key, {}, lang), exact: true });
  await t.app.open('lang=ru', { waitReady: false });
  for (const key of ['map_zoom_in', 'map_zoom_out']) {
    await expect(() => zoom(key, 'ru').isVisible(), `${key} named in Russian`);
    assert.equal(await zoom(key, 'ru').getAttribute('title'), tr(key, {}, 'ru'));
  }
  await t.page.getByLabel(tr('language_label', {}, 'ru')).selectOption('tk');
  await expect(() => zoom('map_zoom_in', 'tk').isVisible(), 'named in Turkmen after the switch');
  assert.equal(await zoom('map_zoom_out', 'tk').getAttribute('title'), tr('map_zoom_out', {}, 'tk'));
});

test('lang= in the URL is honoured, with names falling back to Russian', async () => {
  for (const lang of ['uz', 'tg', 'tk', 'ky']) {
    await t.app.open(`lang=${lang}`, { waitReady: false });
    await expectLanguage(lang);
  }
  // A center without a Kazakh name (one outside Kazakhstan) is shown by its Russian one.
  const noKk = dataset.centers.find((c) => !c.names.kk && c.names.ru);
  await t.app.open('lang=kk', { waitReady: false });
  const list = t.page.getByRole('list', { name: tr('results_list_label', {}, 'kk') });
  await expect(() => list.getByRole('button', { name: noKk.names.ru, exact: true }).isVisible(), `${noKk.id} by its Russian name`);
});

test('an unknown lang= is dropped and the browser language is used', async () => {
  await t.app.open('lang=xx&country=KZ');
  assert.equal(await htmlLang(), 'en');
  await expect(() => query() === 'country=KZ', `URL rewritten (is ${query()})`);
});

test('the browser\'s preferred language is the default, and the URL overrides it', async () => {
  const context = await t.browser.newContext({ locale: 'ru-RU' });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  const errors = watchErrors(page);
  const app = new ShifoPage(page, t.server.url);
  try {
    await page.goto(t.server.url);
    await expect(async () => (await page.evaluate(() => document.documentElement.lang)) === 'ru', 'Russian from the browser');
    await expect(() => page.getByRole('heading', { name: tr('results_heading', {}, 'ru'), exact: true }).isVisible(), 'Russian heading');
    // Nothing was chosen, so nothing is written to the URL.
    assert.equal(new URL(page.url()).search, '');
    await page.goto(`${t.server.url}?lang=en`);
    await expect(async () => (await page.evaluate(() => document.documentElement.lang)) === 'en', 'English from the URL');
    await expect(() => app.resultCount().isVisible(), 'English count');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('loading errors are told in the chosen language', async () => {
  await t.page.route('**/data/centers.json', (route) => route.fulfill({ status: 404, body: 'no' }));
  await t.app.open('lang=ru', { waitReady: false });
  const alert = t.page.getByRole('alert');
  await expect(() => alert.getByRole('heading', { name: tr('error_heading', {}, 'ru') }).isVisible(), 'Russian error heading');
  assert.ok((await alert.textContent()).includes(tr('error_http', { url: 'data/centers.json', status: 404, status_text: 'Not Found' }, 'ru')));
  assert.equal(await alert.getByRole('button', { name: tr('retry', {}, 'ru') }).count(), 1);
});

for (const lang of ['ru', 'kk', 'uz', 'en']) {
  test(`the page title names what is open, in the reader's language (${lang})`, async () => {
    const title = () => t.page.title();
    const app = tr('app_title', {}, lang);
    await t.app.open(`lang=${lang}&center=${nroc.id}`, { waitReady: false });
    const name = nameIn(nroc, lang);
    await expect(async () => (await title()) === `${name} — ${app}`, `"${name} — ${app}" (is "${await title()}")`);
    await t.app.open(`lang=${lang}&center=${nroc.id}&sheet=1`, { waitReady: false });
    const sheet = `${tr('referral_heading', {}, lang)}: ${name} — ${app}`;
    await expect(async () => (await title()) === sheet, `"${sheet}" (is "${await title()}")`);
    await t.app.open(`lang=${lang}`, { waitReady: false });
    await expect(async () => (await title()) === tr('page_title', {}, lang), `"${tr('page_title', {}, lang)}"`);
  });
}
