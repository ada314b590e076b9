// The referral sheet: a center on a printable page in the reader's language plus English or
// Russian, with a QR code that decodes to the center's permalink; nothing about the patient.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { dataset, labelIn, nameIn, rawDataset, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const JSQR = resolve(import.meta.dirname, '../../node_modules/jsqr/dist/jsQR.js');
const proton = dataset.centers.find((c) => c.id === 'proton-therapy-center-astana');

/** Opens `center`'s detail in `lang` and its referral sheet from there. */
async function openSheet(center, lang) {
  await t.app.open(`center=${center.id}&lang=${lang}`, { waitReady: false });
  const detail = t.app.detail(nameIn(center, lang));
  await expect(() => detail.isVisible(), 'detail open');
  await detail.getByRole('button', { name: tr('referral_open', {}, lang) }).click();
  const sheet = t.page.getByRole('article', { name: new RegExp(nameIn(center, lang).replace(/[()]/g, '\\$&')) });
  await expect(() => sheet.isVisible(), 'referral sheet shown');
  return sheet;
}

/** The QR code in `sheet`, drawn on a canvas and read by jsQR (a QR reader from npm). */
async function readQr(sheet) {
  await t.page.addScriptTag({ path: JSQR });
  return sheet.getByRole('img', { name: tr('referral_qr_label', {}, await t.page.evaluate(() => document.documentElement.lang)) })
    .evaluate(async (svg) => {
      const xml = new XMLSerializer().serializeToString(svg);
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 400;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0, 400, 400);
      const data = ctx.getImageData(0, 0, 400, 400);
      return window.jsQR(data.data, 400, 400)?.data ?? null;
    });
}

test('a Russian reader gets the sheet in Russian with English beside it, and a QR of the permalink', async () => {
  const sheet = await openSheet(proton, 'ru');
  assert.ok(t.page.url().includes('sheet=1'), 'the sheet has its own address');
  const heading = sheet.getByRole('heading', { level: 2 });
  assert.equal(await heading.textContent(), `${proton.names.ru}${proton.name}`, 'name in Russian, then English');
  const text = await sheet.textContent();
  // Labels in both languages, and every fact a referring doctor needs.
  for (const key of ['detail_specialties', 'detail_pediatric', 'detail_sources', 'detail_last_verified', 'detail_capacity']) {
    assert.ok(text.includes(tr(key, {}, 'ru')) && text.includes(tr(key, {}, 'en')), `label ${key} in ru and en`);
  }
  for (const code of proton.specialties) {
    const s = dataset.specialties.find((x) => x.code === code);
    assert.ok(text.includes(labelIn(s, 'ru')) && text.includes(labelIn(s, 'en')), `specialty ${code} in ru and en`);
  }
  assert.ok(text.includes(trCount('capacity_patients', proton.capacity.patients_per_year, 'ru')));
  for (const s of proton.sources) assert.ok(text.includes(s.title), `source ${s.title}`);
  for (const s of proton.sources.filter((x) => x.url)) {
    assert.equal(await sheet.getByRole('link', { name: s.title }).getAttribute('href'), s.url);
  }
  assert.ok(text.includes(proton.last_verified));
  assert.ok(text.includes(tr('referral_privacy', {}, 'ru')), 'says nothing about the patient is asked or sent');
  // Nothing to fill in: a sheet asks nothing about the patient.
  assert.equal(await sheet.getByRole('textbox').count(), 0);
  const permalink = `${t.server.url}?center=${proton.id}&lang=ru`;
  assert.ok(text.includes(permalink), 'the permalink is printed under the code');
  assert.equal(await readQr(sheet), permalink, 'the QR code decodes to the permalink');
});

/** The definition the sheet gives under the term labelled `key` in both languages, as text. */
async function fact(sheet, key, [first, second]) {
  const term = sheet.getByRole('term').filter({ hasText: tr(key, {}, first) }).filter({ hasText: tr(key, {}, second) });
  // The second language's texts may still be on their way (fetched on demand): wait for them.
  await expect(async () => (await term.count()) === 1, `one row labelled "${tr(key, {}, first)}" and "${tr(key, {}, second)}"`);
  return term.evaluate((dt) => dt.nextElementSibling.textContent);
}

const vakhidov = dataset.centers.find((c) => c.id === 'vakhidov-center-of-surgery-tashkent');

for (const langs of [['ru', 'en'], ['en', 'ru']]) {
  test(`the contacts in ${langs.join(' and ')}: address, phone as a tel: link, website; no request while the sheet is open`, async () => {
    const sheet = await openSheet(vakhidov, langs[0]);
    // From here on the sheet is all there is: it fetches nothing, sends nothing.
    const requests = [];
    t.context.on('request', (r) => requests.push(r.url()));
    // The address in the reader's language: the English original, or the Russian translation
    // (fetched with the Russian texts), marked as one, with the English it was made from.
    const ru = rawDataset.centers.find((c) => c.id === vakhidov.id).address.ru;
    assert.equal(ru.translated_from, 'en');
    const note = tr('made_translated', { lang: tr('lang_name_en', {}, 'ru') }, 'ru');
    const address = langs[0] === 'en' ? vakhidov.address : `${ru.text} (${note})${vakhidov.address}`;
    await expect(async () => (await fact(sheet, 'detail_address', langs)) === address, `the address: ${address}`);
    assert.equal(await fact(sheet, 'detail_phone', langs), vakhidov.phone);
    assert.equal(await sheet.getByRole('link', { name: vakhidov.phone, exact: true }).getAttribute('href'), `tel:${vakhidov.phone.replace(/[^+\d]/g, '')}`);
    assert.equal(await fact(sheet, 'detail_website', langs), vakhidov.website);
    assert.equal(await sheet.getByRole('link', { name: vakhidov.website, exact: true }).getAttribute('href'), vakhidov.website);
    // The city in both languages; the name too.
    assert.equal(await fact(sheet, 'detail_city', langs), langs[0] === 'ru' ? 'ТашкентTashkent' : 'TashkentТашкент');
    assert.equal(await sheet.getByRole('heading', { level: 2 }).textContent(), `${nameIn(vakhidov, langs[0])}${nameIn(vakhidov, langs[1])}`);
    await sheet.getByRole('img', { name: tr('referral_qr_label', {}, langs[0]) }).scrollIntoViewIfNeeded();
    await t.page.emulateMedia({ media: 'print' });
    await t.page.emulateMedia({ media: null });
    await t.app.settled();
    t.context.removeAllListeners('request');
    assert.deepEqual(requests, [], 'no request while the sheet is open');
  });
}

/** What children receive, as the sources say: the `pediatric` services, then each `care`
 *  entry for children, each once (docs/dataset-format.md). */
const childrenCodes = (c) => [...new Set([...(c.pediatric?.services ?? []), ...(c.care ?? []).filter((k) => k.children === true).map((k) => k.code)])];
/** How the sheet says them (docs/features.md): when they are more than half of a list of four
 *  or more of the center's specialties, as "every specialty above except" the others. */
function childrenSaid(c) {
  const codes = childrenCodes(c);
  const most = codes.length * 2 > c.specialties.length && c.specialties.length >= 4 && codes.every((k) => c.specialties.includes(k));
  return most ? { except: c.specialties.filter((k) => !codes.includes(k)) } : { listed: codes };
}
const label = (code) => dataset.specialties.find((s) => s.code === code);
const treated = dataset.centers.filter((c) => c.pediatric?.treats_children && childrenCodes(c).length >= 2);
const cases = [
  ['listed', treated.find((c) => childrenSaid(c).listed)],
  ['every specialty but some', treated.find((c) => childrenSaid(c).except?.length)],
  ['every specialty', treated.find((c) => childrenSaid(c).except?.length === 0)],
];
for (const [form, c] of cases) {
  test(`children's services are named in both languages under "Treats children": ${form}`, async () => {
    assert.ok(c, `the bundled dataset has a center whose children's services are said as ${form}`);
    const said = childrenSaid(c);
    const sheet = await openSheet(c, 'ru');
    const text = await fact(sheet, 'detail_pediatric', ['ru', 'en']);
    const yes = tr('yes', {}, 'ru') + tr('yes', {}, 'en');
    const words = (key) => tr(key, {}, 'ru') + tr(key, {}, 'en');
    const named = (codes) => codes.map(label).map((s) => `${labelIn(s, 'ru')}${labelIn(s, 'en')}`).join('');
    const expected = said.listed ? yes + named(said.listed)
      : said.except.length ? yes + words('pediatric_all_but') + named(said.except) : yes + words('pediatric_all_specialties');
    assert.equal(text, expected);
    // Each a list item of its own, the English label marked as English for a screen reader.
    for (const s of (said.listed ?? said.except).map(label)) {
      const item = sheet.getByRole('listitem').filter({ hasText: labelIn(s, 'ru') }).filter({ hasText: s.label });
      assert.ok((await item.count()) >= 1, `${s.code} listed in ru and en`);
      assert.equal(await item.last().getByText(s.label, { exact: true }).getAttribute('lang'), 'en');
    }
  });
}

test('a phone is a tel: link on the sheet', async () => {
  const c = dataset.centers.find((x) => x.id === 'rsspmc-pediatrics-tashkent');
  const sheet = await openSheet(c, 'ru');
  assert.equal(await fact(sheet, 'detail_phone', ['ru', 'en']), c.phone);
  assert.equal(await sheet.getByRole('link', { name: c.phone, exact: true }).getAttribute('href'), `tel:${c.phone.replace(/[^+\d]/g, '')}`);
});

test('"Treats children" is answered in both languages when the sources do not say', async () => {
  const c = dataset.centers.find((x) => !x.pediatric);
  assert.ok(c, 'the bundled dataset has a center whose sources say nothing of children');
  for (const [first, second] of [['ru', 'en'], ['en', 'ru']]) {
    const sheet = await openSheet(c, first);
    assert.equal(await fact(sheet, 'detail_pediatric', [first, second]), tr('pediatric_unknown', {}, first) + tr('pediatric_unknown', {}, second));
    const answer = sheet.getByText(tr('pediatric_unknown', {}, second), { exact: true });
    assert.equal(await answer.getAttribute('lang'), second, 'the second answer is marked with its language');
  }
});

test('an e-mail address is a mailto: link, labelled in both languages', async () => {
  // No center of the bundled dataset lists an e-mail yet: one is given here.
  const email = 'referrals@example.org';
  const data = structuredClone(dataset);
  data.centers.find((c) => c.id === vakhidov.id).email = email;
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ json: data }));
  const sheet = await openSheet(vakhidov, 'en');
  assert.equal(await fact(sheet, 'detail_email', ['en', 'ru']), email);
  assert.equal(await sheet.getByRole('link', { name: email, exact: true }).getAttribute('href'), `mailto:${email}`);
});

/** How many pages the page prints to, read from the PDF Chromium makes of it (A4, asserted). */
async function printedPages() {
  await t.page.emulateMedia({ media: 'print' });
  const pdf = (await t.page.pdf({ preferCSSPageSize: true })).toString('latin1');
  await t.page.emulateMedia({ media: null });
  // A4 is 595 x 842 points.
  assert.match(pdf, /\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/, 'printed on A4');
  const count = pdf.match(/\/Type \/Pages\s*\/Count (\d+)/);
  assert.ok(count, 'the PDF says how many pages it has');
  return Number(count[1]);
}

test('printed, the sheet is all there is: no buttons, header, language switcher or footer; a readable QR code', async () => {
  const sheet = await openSheet(proton, 'en');
  const [print, banner, language, footer] = [
    sheet.getByRole('button', { name: tr('referral_print') }), t.page.getByRole('banner'),
    t.page.getByLabel(tr('language_label')), t.page.getByRole('contentinfo'),
  ];
  // On screen they are there.
  for (const [what, l] of [['print button', print], ['header', banner], ['language switcher', language], ['footer', footer]]) {
    assert.ok(await l.isVisible(), `${what} shown on screen`);
  }
  assert.equal(await sheet.getByText(tr('referral_notes'), { exact: true }).isVisible(), false, 'the notes box is for paper');
  await t.page.emulateMedia({ media: 'print' });
  try {
    assert.ok(await sheet.isVisible());
    for (const [what, l] of [['print button', print], ['header', banner], ['language switcher', language], ['footer', footer]]) {
      assert.equal(await l.isVisible(), false, `${what} not printed`);
    }
    // The QR code: at least 25 mm across, each module at least 0.5 mm, and it reads back.
    const qr = sheet.getByRole('img', { name: tr('referral_qr_label') });
    const box = await qr.boundingBox();
    const mm = (px) => (px * 25.4) / 96;
    const modules = Number((await qr.getAttribute('viewBox')).split(/\s+/)[2]);
    assert.ok(mm(box.width) >= 25 && mm(box.height) >= 25, `QR code ${mm(box.width).toFixed(1)} mm wide`);
    assert.ok(mm(box.width) / modules >= 0.5, `QR modules ${(mm(box.width) / modules).toFixed(2)} mm`);
    assert.equal(await readQr(sheet), `${t.server.url}?center=${proton.id}&lang=en`, 'the printed code reads back');
    // The day it was printed, and room for the referring doctor's notes, on paper only (review
    // defect 25).
    const today = await t.page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
    assert.ok(await sheet.getByText(tr('referral_printed', { date: today })).isVisible(), 'the date printed');
    const notes = sheet.getByText(tr('referral_notes'), { exact: true });
    assert.ok(await notes.isVisible(), 'a box for notes printed');
    assert.ok(mm((await notes.boundingBox()).height) >= 15, 'the notes box has room for a few handwritten lines');
  } finally {
    await t.page.emulateMedia({ media: null });
  }
});

// The longest entries of the bundled dataset (most sources, specialties and text), in Russian
// with English beside it: if they fit, the shorter ones do.
const longest = [...dataset.centers].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length).slice(0, 3);
for (const c of [proton, ...longest]) {
  test(`the sheet of ${c.id} in Russian and English prints on one A4 page`, async () => {
    const sheet = await openSheet(c, 'ru');
    assert.equal(await printedPages(), 1);
    // Eight sources at most on paper; the others are counted, a scan of the code away.
    const sources = sheet.getByRole('term').filter({ hasText: tr('detail_sources', {}, 'ru') })
      .locator('xpath=following-sibling::dd[1]').getByRole('listitem');
    const more = c.sources.length - 8;
    assert.equal(await sources.count(), Math.min(c.sources.length, 8) + (more > 0 ? 1 : 0));
    if (more > 0) assert.equal(await sources.last().textContent(), trCount('referral_more_sources', more, 'ru'));
  });
}

test('on a phone the sheet opens at its top, with focus on its name', async () => {
  await t.page.setViewportSize({ width: 375, height: 667 });
  const sheet = await openSheet(proton, 'ru');
  const heading = sheet.getByRole('heading', { level: 2 });
  await expect(() => heading.evaluate((h) => document.activeElement === h), 'focus on the sheet heading');
  assert.equal(await t.page.evaluate(() => window.scrollY), 0, 'scrolled to the top');
  assert.ok(await heading.isVisible());
  assert.ok(await t.page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), 'no sideways scroll');
});

test('an Uzbek reader gets Russian beside Uzbek; "Back to the map" and Back return to the map', async () => {
  const vakhidov = dataset.centers.find((c) => c.id === 'vakhidov-center-of-surgery-tashkent');
  const map = t.page.getByRole('region', { name: tr('map_label', {}, 'uz') });
  const sheet = await openSheet(vakhidov, 'uz');
  // The Russian texts are fetched on demand: wait for them beside the Uzbek.
  await expect(async () => {
    const text = await sheet.textContent();
    return text.includes(tr('detail_specialties', {}, 'uz')) && text.includes(tr('detail_specialties', {}, 'ru'));
  }, 'Uzbek and Russian');
  await sheet.getByRole('button', { name: tr('referral_back', {}, 'uz') }).click();
  await expect(() => map.isVisible(), 'map back');
  await expect(() => t.app.detail(nameIn(vakhidov, 'uz')).isVisible(), 'detail still open');
  assert.ok(!t.page.url().includes('sheet='));
  await t.page.goBack();
  await expect(() => t.page.getByRole('article').isVisible(), 'Back reopens the sheet');
  await t.page.goBack();
  await expect(() => map.isVisible(), 'Back again returns to the map');
});
