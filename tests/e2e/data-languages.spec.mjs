// The dataset's texts in the reader's language: each language's translations are fetched
// on demand beside the dataset (public/data/translations/<lang>.json), only the reader's, and
// a translation says it is one. Uzbek and Turkmen readers see Latin letters. Expected texts
// come from the dataset and translations files and the locale files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, rawDataset, tr, nameIn, translations } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

/** The center with a summary written in English and translated into every other language. */
const center = dataset.centers.find((c) => c.id === 'nroc-astana');
const summaryKey = `centers/${center.id}/summary`;
const translated = (lang) => translations(lang)[summaryKey];

/** The files of translations the page asked for, as `ru.json`, `kk.json`… */
function watchTranslations(page) {
  const asked = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/\/data\/translations\/([^/]+)$/);
    if (m) asked.push(m[1]);
  });
  return asked;
}

/** The detail of `center` in `lang`, and in it the summary's paragraph in `textLang`. */
function summaryIn(lang, textLang) {
  const detail = t.app.detail(nameIn(center, lang));
  return detail.locator(`[lang="${textLang}"]`).filter({ hasText: textLang === 'en' ? center.summary : translated(textLang).text });
}

test('a Russian reader reads the summary in Russian, marked as translated from English, and downloads only Russian', async () => {
  assert.equal(rawDataset.centers.find((c) => c.id === center.id).summary.en !== undefined, true, 'the original is English');
  assert.equal(translated('ru').translated_from, 'en');
  const asked = watchTranslations(t.page);
  await t.app.open(`lang=ru&center=${center.id}`, { waitReady: false });
  const summary = summaryIn('ru', 'ru');
  await expect(() => summary.isVisible(), 'the summary in Russian');
  // The note after it says what it was made from, in the reader's language.
  const note = `(${tr('made_translated', { lang: tr('lang_name_en', {}, 'ru') }, 'ru')})`;
  const paragraph = await summary.locator('xpath=..').textContent();
  assert.ok(paragraph.includes(note), `"${paragraph}" says ${note}`);
  assert.deepEqual(asked, ['ru.json']);
  // With the texts in place, the filters still narrow the list and the map.
  await t.page.getByRole('checkbox', { name: new RegExp(`^${tr('country_TJ', {}, 'ru')} \\d+$`) }).check();
  const list = t.page.getByRole('list', { name: tr('results_list_label', {}, 'ru') });
  const tj = dataset.centers.filter((c) => c.country === 'TJ');
  await expect(async () => (await list.getByRole('button').count()) === tj.length, `the ${tj.length} centers of Tajikistan listed`);
});

test('switching language brings that language\'s texts, and the first stay fetched once', async () => {
  const asked = watchTranslations(t.page);
  await t.app.open(`center=${center.id}`);
  await expect(() => summaryIn('en', 'en').isVisible(), 'the English original');
  await t.app.settled();
  assert.deepEqual(asked, [], 'an English reader downloads no translation');
  await t.page.getByLabel(tr('language_label'), { exact: true }).selectOption('kk');
  await expect(() => summaryIn('kk', 'kk').isVisible(), 'the summary in Kazakh after the switch');
  await t.page.getByLabel(tr('language_label', {}, 'kk'), { exact: true }).selectOption('en');
  await expect(() => summaryIn('en', 'en').isVisible(), 'back to English');
  await t.page.getByLabel(tr('language_label'), { exact: true }).selectOption('kk');
  await expect(() => summaryIn('kk', 'kk').isVisible(), 'Kazakh again');
  assert.deepEqual(asked, ['kk.json'], 'Kazakh was fetched once');
});

test('when a language\'s translations cannot be fetched, its reader gets the English texts and the page works', async () => {
  await t.page.route('**/data/translations/tg.json', (route) => route.abort());
  await t.app.open(`lang=tg&center=${center.id}`, { waitReady: false });
  await expect(() => summaryIn('tg', 'en').isVisible(), 'the English original, marked as English');
  await expect(() => t.page.getByRole('heading', { name: tr('results_heading', {}, 'tg'), exact: true }).isVisible(), 'the interface in Tajik');
  // The browser reports the aborted request; that is the staged failure, nothing else.
  const staged = (e) => /ERR_FAILED/.test(e) && /translations\/tg\.json/.test(e);
  t.errors.splice(0, t.errors.length, ...t.errors.filter((e) => !staged(e)));
});

/** The address of center `id` in the detail of a `lang` reader: the value of its row. */
function addressRow(c, lang) {
  const detail = t.app.detail(nameIn(c, lang));
  return detail.getByRole('term').filter({ hasText: tr('detail_address', {}, lang) }).locator('xpath=following-sibling::dd[1]');
}

// An address written in English (the Vakhidov center's, from its English page) and one written
// in Kazakh (the Pavlodar dispensary's): each reader reads it in their language, said to be a
// translation, with the original it was made from under it, marked with its language.
for (const [id, lang] of [['vakhidov-center-of-surgery-tashkent', 'ru'], ['vakhidov-center-of-surgery-tashkent', 'uz'], ['pavlodar-regional-oncology-dispensary', 'uz'], ['pavlodar-regional-oncology-dispensary', 'ru']]) {
  test(`a ${lang} reader reads the address of ${id} in ${lang}, marked as a translation, the original kept`, async () => {
    const c = dataset.centers.find((x) => x.id === id);
    const shown = rawDataset.centers.find((x) => x.id === id).address[lang];
    const from = shown.translated_from;
    assert.ok(from && from !== lang, `${id}: the ${lang} address is a translation`);
    const original = rawDataset.centers.find((x) => x.id === id).address[from];
    assert.equal(typeof original, 'string', 'made from an original');
    assert.equal(translations(lang)[`centers/${id}/address`].text, shown.text, `in translations/${lang}.json`);
    await t.app.open(`lang=${lang}&center=${id}`, { waitReady: false });
    const row = addressRow(c, lang);
    await expect(() => row.locator(`[lang="${lang}"]`).filter({ hasText: shown.text }).isVisible(), `the address in ${lang}`);
    const note = `(${tr('made_translated', { lang: tr(`lang_name_${from}`, {}, lang) }, lang)})`;
    const text = await row.textContent();
    assert.ok(text.includes(`${shown.text} ${note}`), `"${text}" says ${note}`);
    assert.equal(await row.locator(`.original[lang="${from}"]`).textContent(), original, 'the original under it');
  });
}

test('an English reader reads an address written in Kazakh in English, marked, and one written in English as it is', async () => {
  const pavlodar = rawDataset.centers.find((x) => x.id === 'pavlodar-regional-oncology-dispensary');
  await t.app.open(`center=${pavlodar.id}`);
  const row = addressRow(dataset.centers.find((x) => x.id === pavlodar.id), 'en');
  await expect(() => row.locator('[lang="en"]').filter({ hasText: pavlodar.address.en.text }).isVisible(), 'the English translation');
  assert.ok((await row.textContent()).includes(`(${tr('made_translated', { lang: tr('lang_name_kk') })})`));
  assert.equal(await row.locator('.original[lang="kk"]').textContent(), pavlodar.address.kk);
  const vakhidov = dataset.centers.find((x) => x.id === 'vakhidov-center-of-surgery-tashkent');
  await t.app.open(`center=${vakhidov.id}`);
  const plain = addressRow(vakhidov, 'en');
  await expect(async () => (await plain.textContent()) === vakhidov.address, 'the original alone, unmarked');
  assert.equal(await plain.locator('.original').count(), 0);
});

const CYRILLIC = /[\u0400-\u04FF\u0500-\u052F]/;

/** The text of `locator` a reader of `lang` reads as the page's own: what is marked as being
 *  in another language (a name in another language, an alias, a source cited as written) is
 *  left out, as a screen reader would read it in that language. */
function ownText(locator, lang) {
  return locator.evaluate((root, lang) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let out = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const marked = n.parentElement.closest('[lang]');
      if (marked && marked.lang !== lang) continue;
      out += `${n.textContent} `;
    }
    return out;
  }, lang);
}

for (const [lang, country] of [['uz', 'UZ'], ['tk', 'TM']]) {
  test(`read in ${lang === 'uz' ? 'Uzbek' : 'Turkmen'}, the list, the filters and every detail of ${country}'s centers are in Latin letters`, async () => {
    await t.app.open(`lang=${lang}`, { waitReady: false });
    const list = t.page.getByRole('list', { name: tr('results_list_label', {}, lang) });
    const filters = t.page.getByRole('search', { name: tr('filters_heading', {}, lang) });
    for (const [what, part] of [['list', list], ['filters', filters]]) {
      const text = await ownText(part, lang);
      assert.ok(!CYRILLIC.test(text), `the ${what} has Cyrillic: ${text.match(new RegExp(`.{0,40}${CYRILLIC.source}.{0,40}`))?.[0]}`);
    }
    const placeholder = await t.page.getByLabel(tr('search_label', {}, lang), { exact: true }).getAttribute('placeholder');
    assert.ok(!CYRILLIC.test(placeholder), `the search box's example: ${placeholder}`);
    const centers = dataset.centers.filter((c) => c.country === country);
    assert.ok(centers.length >= 10);
    for (const c of centers) {
      await list.getByRole('button', { name: nameIn(c, lang), exact: true }).click();
      const detail = t.app.detail(nameIn(c, lang));
      await expect(() => detail.isVisible(), `${c.id} open`);
      if (c.summary) {
        // The summary is there in the reader's language (its translations have arrived).
        await expect(async () => (await detail.locator(`[lang="${lang}"]`).count()) > 0, `${c.id}: texts in ${lang}`);
      }
      const text = await ownText(detail, lang);
      assert.ok(!CYRILLIC.test(text), `${c.id} has Cyrillic: ${text.match(new RegExp(`.{0,40}${CYRILLIC.source}.{0,40}`))?.[0]}`);
    }
  });
}
