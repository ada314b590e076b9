// Network faults: an empty, cut-off, silent, stalled or unreachable dataset is told in the
// reader's language with a retry that works; unreachable tiles leave a usable map of country outlines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { dataset, nameIn, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const URL_PATH = 'data/centers.json';
const DATA = '**/data/centers.json';
const bundled = readFileSync(resolve(import.meta.dirname, '../../public/data/centers.json'), 'utf8');

/** The alert's text once it shows `wanted` (in `lang`), and a retry that loads the dataset. */
async function expectFailureThenRetry(wanted, lang) {
  const alert = t.page.getByRole('alert');
  await expect(async () => (await alert.count()) === 1 && (await alert.textContent()).includes(wanted), `alert says "${wanted}"`);
  assert.equal(await alert.getByRole('heading').textContent(), tr('error_heading', {}, lang));
  await t.page.unroute(DATA);
  await alert.getByRole('button', { name: tr('retry', {}, lang) }).click();
  await expect(async () => (await t.page.getByRole('status').filter({ hasText: trCount('results_count', dataset.centers.length, lang) }).count()) === 1,
    'all centers shown after retry');
  assert.equal(await t.page.getByRole('alert').count(), 0);
}

test('an empty answer is named as empty, in Russian, and retry loads the dataset', async () => {
  await t.page.route(DATA, (r) => r.fulfill({ body: '', contentType: 'application/json' }));
  await t.app.open('lang=ru', { waitReady: false });
  await expectFailureThenRetry(tr('error_empty', { url: URL_PATH }, 'ru'), 'ru');
});

test('a download cut off midway says where it stops, in Kazakh, and retry loads the dataset', async () => {
  // Cut inside a line, so the place is that line's last character (1-based, in characters).
  let cut = Math.floor(bundled.length * 0.6);
  while (bundled[cut - 1] === '\n') cut -= 1;
  const part = bundled.slice(0, cut);
  const lines = part.split('\n');
  const where = { url: URL_PATH, line: lines.length, column: [...lines.at(-1)].length };
  await t.page.route(DATA, (r) => r.fulfill({ body: part, contentType: 'application/json' }));
  await t.app.open('lang=kk', { waitReady: false });
  await expectFailureThenRetry(tr('error_truncated', where, 'kk'), 'kk');
});

test('a server that never answers times out after 20 seconds, in Uzbek, and retry loads the dataset', async () => {
  // The page's clock is Playwright's: 20 seconds pass at once, the wait stays real.
  await t.page.clock.install();
  const stuck = [];
  await t.page.route(DATA, (r) => { stuck.push(r); });
  await t.app.open('lang=uz', { waitReady: false, takeover: false });
  await expect(() => stuck.length === 1, 'the dataset was requested');
  // Meanwhile the page's first view stands (first-view.spec.mjs): the list it was served with.
  await expect(() => t.page.getByRole('list', { name: tr('results_list_label', {}, 'uz') }).isVisible(), 'the first view shown while waiting');
  // The app's own loading indicator, built unseen under the first view: the app's clock for
  // the dataset is running (the request itself is the page's preload, asked before the app).
  await expect(async () => (await t.page.getByText(tr('loading', {}, 'uz')).count()) === 1, 'the app loading the dataset');
  await t.page.clock.fastForward('00:19');
  assert.equal(await t.page.getByRole('alert').count(), 0, 'no error before 20 seconds');
  await t.page.clock.fastForward('00:02');
  await expectFailureThenRetry(tr('error_timeout', { url: URL_PATH, seconds: 20 }, 'uz'), 'uz');
  for (const r of stuck) await r.abort().catch(() => {});
});

test('a download that stops midway without closing gives up after 20 silent seconds, in Kyrgyz, and retry loads the dataset', async () => {
  // The server sends the headers and 60 % of the file, then holds the connection open.
  t.server.stallNext(`/${URL_PATH}`, Math.floor(Buffer.byteLength(bundled) * 0.6));
  await t.page.clock.install();
  const body = t.page.waitForResponse((r) => r.url().endsWith(URL_PATH));
  await t.app.open('lang=ky', { waitReady: false, takeover: false });
  await body;
  await expect(() => t.page.getByRole('list', { name: tr('results_list_label', {}, 'ky') }).isVisible(), 'the first view shown while the body is held');
  // The app's own loading indicator, built unseen under the first view: the app's clock for
  // the dataset is running (the request itself is the page's preload, asked before the app).
  await expect(async () => (await t.page.getByText(tr('loading', {}, 'ky')).count()) === 1, 'the app loading the dataset');
  await t.page.clock.fastForward('00:19');
  assert.equal(await t.page.getByRole('alert').count(), 0, 'no error before 20 silent seconds');
  await t.page.clock.fastForward('00:02');
  await expectFailureThenRetry(tr('error_stalled', { url: URL_PATH, seconds: 20 }, 'ky'), 'ky');
});

test('a fetch that fails while offline says so, in Tajik, and retry works once back online', async () => {
  let fail;
  const failed = new Promise((ok) => { fail = ok; });
  await t.page.route(DATA, async (r) => { await failed; await r.abort('internetdisconnected'); });
  // The Tajik interface texts first (a file fetched at start): offline before them, the page
  // would be in English with the notice that they failed.
  const texts = t.page.waitForResponse((r) => /\/locales\/tg\.[0-9a-f]+\.txt$/.test(new URL(r.url()).pathname));
  await t.app.open('lang=tg', { waitReady: false, takeover: false });
  await (await texts).finished();
  await t.context.setOffline(true);
  try {
    fail();
    const alert = t.page.getByRole('alert');
    await expect(async () => (await alert.count()) === 1, 'alert shown');
    assert.ok((await alert.textContent()).includes(tr('error_offline', { url: URL_PATH }, 'tg')), await alert.textContent());
  } finally {
    await t.context.setOffline(false);
  }
  await expectFailureThenRetry(tr('error_offline', { url: URL_PATH }, 'tg'), 'tg');
});

test('with the tile server unreachable, zoomed to a city the outlines name the cities around in the reader\'s language; seen, not read out (review defect 29)', async () => {
  const c = dataset.centers.find((x) => x.id === 'nroc-astana');
  await t.app.open('lang=ru&center=nroc-astana', { waitReady: false });
  const map = t.page.getByRole('region', { name: tr('map_label', {}, 'ru') });
  const label = map.locator('.city-label').getByText('Астана', { exact: true });
  await expect(() => label.isVisible(), 'Astana named on the map, in Russian');
  // Under the markers (they stay pressable) and out of the accessibility tree: the list and the
  // markers' names say every place in words.
  assert.equal(await label.getAttribute('aria-hidden'), 'true');
  assert.equal(await t.page.getByRole('region', { name: nameIn(c, 'ru'), exact: true }).count(), 1, 'the detail open');
  // The whole region: no names (they would lie over each other and the markers).
  await t.app.open('lang=ru', { waitReady: false });
  await expect(async () => (await map.locator('path.country-outline').count()) === 5, 'outlines drawn');
  await t.app.settled();
  assert.equal(await map.locator('.city-label').filter({ visible: true }).count(), 0, 'no names at the region\'s zoom');
});

test('with the tile server unreachable the map shows the five countries and says why; it stays usable', async () => {
  // Every tile request fails here (support/browser.mjs), as on a network without the internet.
  await t.app.open();
  const note = t.app.map.getByRole('status').filter({ hasText: tr('tiles_failed') });
  await expect(() => note.isVisible(), 'the map says its background is missing');
  const outlines = t.app.map.locator('path.country-outline');
  await expect(async () => (await outlines.count()) === 5, 'five country outlines drawn');
  const box = async (code) => t.app.map.locator(`path.country-${code}`).boundingBox();
  const [kz, uz, tm, kg, tj] = await Promise.all(['KZ', 'UZ', 'TM', 'KG', 'TJ'].map(box));
  // The shapes are where the countries are: Kazakhstan north of Turkmenistan, Kyrgyzstan
  // east of Uzbekistan, Tajikistan south of Kyrgyzstan; Kazakhstan the largest.
  assert.ok(kz.y < tm.y && kz.y + kz.height < tm.y + tm.height, 'KZ north of TM');
  assert.ok(kg.x + kg.width > uz.x + uz.width, 'KG east of UZ');
  assert.ok(tj.y + tj.height > kg.y + kg.height, 'TJ south of KG');
  assert.ok(kz.width * kz.height > Math.max(uz.width * uz.height, tm.width * tm.height, kg.width * kg.height, tj.width * tj.height));
  // The borders' source is credited on the map.
  assert.ok((await t.app.map.getByRole('link', { name: 'Natural Earth' }).count()) === 1, 'Natural Earth credited');
  // Markers sit on the outlines: Astana's centers (their group) inside Kazakhstan's box.
  const astana = dataset.centers.find((c) => c.country === 'KZ' && c.city === 'Astana');
  await t.app.countryBox('KZ').check();
  await t.app.expectInView([astana]);
  const mark = (await t.app.marker(astana.name).count()) ? t.app.marker(astana.name) : t.app.groupIn('Astana').first();
  const [m, fitted] = [await mark.boundingBox(), await box('KZ')];
  assert.ok(m.x >= fitted.x && m.x <= fitted.x + fitted.width && m.y >= fitted.y && m.y <= fitted.y + fitted.height, 'Astana inside Kazakhstan');
  await t.app.countryBox('KZ').uncheck();
  // Still usable: a filter narrows map and list, and a marker opens its center.
  await t.app.countryBox('TJ').check();
  await t.app.expectShown(dataset.centers.filter((c) => c.country === 'TJ'));
  const tj1 = dataset.centers.find((c) => c.country === 'TJ');
  await (await t.app.showMarker(tj1)).click();
  await expect(() => t.app.detail(tj1.name).isVisible(), 'detail opened from the map');
});

// A plain link shows the page's first view meanwhile (first-view.spec.mjs); a link with filters
// has none, since its rows would differ.
test('while the code is on its way (a slow network), a link with filters says "Loading…" in every language, then gives way to the app', async () => {
  // Hold the app's code back until the page has been looked at.
  let release;
  const held = new Promise((r) => { release = r; });
  await t.page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await t.page.goto(`${t.server.url}?pediatric=1`, { waitUntil: 'domcontentloaded' });
  const status = t.page.getByRole('status');
  for (const [lang, text] of [['ru', 'Загрузка…'], ['kk', 'Жүктелуде…'], ['uz', 'Yuklanmoqda…'], ['en', 'Loading…']]) {
    const word = status.locator(`[lang="${lang}"]`);
    assert.equal(await word.textContent(), text, `${lang}: "${text}"`);
  }
  assert.ok(await t.page.getByText('Shifo', { exact: true }).filter({ visible: true }).isVisible(), 'the name shown');
  assert.equal(await t.page.getByRole('list', { name: tr('results_list_label') }).count(), 0, 'no rows the filters would contradict');
  release();
  await expect(() => t.app.resultCount().isVisible(), 'the app runs');
  assert.equal(await t.page.getByText('Loading…', { exact: true }).count(), 0, 'the page\'s own note gone');
  await t.page.unroute('**/*.wasm');
});
