// The referral sheet: a center on a printable page in the reader's language plus English or
// Russian, with a QR code that decodes to the center's permalink; nothing about the patient.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { dataset, labelIn, nameIn, tr, trCount } from './support/locale.mjs';
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

test('printed, the sheet is all there is: no buttons, header, map or filters', async () => {
  const sheet = await openSheet(proton, 'en');
  await t.page.emulateMedia({ media: 'print' });
  try {
    assert.ok(await sheet.isVisible());
    assert.equal(await sheet.getByRole('button', { name: tr('referral_print') }).isVisible(), false);
    assert.equal(await t.page.getByRole('banner').isVisible(), false);
    assert.equal(await t.app.map.count(), 0);
    assert.equal(await t.page.getByRole('search').count(), 0);
    assert.ok(await sheet.getByRole('img', { name: tr('referral_qr_label') }).isVisible(), 'the QR code prints');
  } finally {
    await t.page.emulateMedia({ media: 'screen' });
  }
});

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
  const text = await sheet.textContent();
  assert.ok(text.includes(tr('detail_specialties', {}, 'uz')) && text.includes(tr('detail_specialties', {}, 'ru')));
  await sheet.getByRole('button', { name: tr('referral_back', {}, 'uz') }).click();
  await expect(() => map.isVisible(), 'map back');
  await expect(() => t.app.detail(nameIn(vakhidov, 'uz')).isVisible(), 'detail still open');
  assert.ok(!t.page.url().includes('sheet='));
  await t.page.goBack();
  await expect(() => t.page.getByRole('article').isVisible(), 'Back reopens the sheet');
  await t.page.goBack();
  await expect(() => map.isVisible(), 'Back again returns to the map');
});
