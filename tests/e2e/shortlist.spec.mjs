// The shortlist: a family or a doctor adds centers from their details, compares them side by
// side, shares the shortlist as a link that reopens it, and prints it as one packet on A4 with
// one QR code of that link; kept in the link and in this browser only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { dataset, nameIn, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';
import { describeViolations } from './support/shifo-page.mjs';

const t = useApp();
const JSQR = resolve(import.meta.dirname, '../../node_modules/jsqr/dist/jsQR.js');
const byId = (id) => dataset.centers.find((c) => c.id === id);
// The mother in Osh's choice: two transplant centers for children, one in Bishkek, one in Tashkent.
const [a, b] = ['national-center-for-maternal-and-child-health-bishkek', 'national-childrens-medical-center-tashkent'].map(byId);

/** Opens `c`'s detail from the search box in `lang` and adds it to the shortlist. */
async function add(c, lang) {
  await t.page.getByLabel(tr('search_label', {}, lang)).fill(nameIn(c, lang));
  const list = t.page.getByRole('list', { name: tr('results_list_label', {}, lang) });
  await list.getByRole('button', { name: nameIn(c, lang), exact: true }).first().click();
  const detail = t.app.detail(nameIn(c, lang));
  await expect(() => detail.isVisible(), `detail of ${c.id}`);
  await detail.getByRole('button', { name: tr('shortlist_add', {}, lang), exact: true }).click();
  await expect(() => detail.getByRole('button', { name: tr('shortlist_remove', {}, lang), exact: true }).isVisible(), `${c.id} on the shortlist`);
}

/** The comparison page's QR code, read by jsQR from a canvas. */
async function readQr(lang) {
  await t.page.addScriptTag({ path: JSQR });
  return t.page.getByRole('img', { name: tr('compare_qr_label', {}, lang) }).evaluate(async (svg) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, 400, 400);
    return window.jsQR(ctx.getImageData(0, 0, 400, 400).data, 400, 400)?.data ?? null;
  });
}

for (const lang of ['ru', 'en']) {
  test(`in ${lang}: add two centers, compare them side by side, reopen the shared link, print one A4 packet with one QR code`, async () => {
    assert.ok(a && b, 'both centers are in the bundled dataset');
    await t.page.evaluate(() => localStorage.clear()).catch(() => {});
    await t.app.open(`lang=${lang}&near=Osh`, { waitReady: false });
    await expect(() => t.page.getByLabel(tr('search_label', {}, lang)).isVisible(), 'search box');
    await add(a, lang);
    await add(b, lang);
    const list = t.page.getByRole('region', { name: tr('shortlist_heading', {}, lang) });
    for (const c of [a, b]) assert.ok(await list.getByRole('button', { name: nameIn(c, lang), exact: true }).isVisible(), `${c.id} listed`);
    await list.getByRole('button', { name: tr('shortlist_compare', {}, lang) }).click();
    const page = t.page.getByRole('article', { name: tr('shortlist_heading', {}, lang) });
    await expect(() => page.isVisible(), 'comparison shown');
    const url = new URL(t.page.url());
    assert.equal(url.searchParams.get('list'), `${a.id},${b.id}`);
    assert.equal(url.searchParams.get('compare'), '1');
    assert.equal(url.searchParams.get('near'), 'Osh', url.search);
    // One column per center, a row per fact a family weighs; the distance from Osh among them.
    const table = page.getByRole('table');
    for (const c of [a, b]) assert.ok(await table.getByRole('columnheader', { name: new RegExp(nameIn(c, lang).replace(/[()]/g, '\\$&')) }).isVisible(), `column of ${c.id}`);
    for (const key of ['compare_distance', 'detail_pediatric', 'detail_capacity', 'detail_languages', 'reach_heading', 'detail_sources']) {
      assert.equal(await table.getByRole('rowheader', { name: tr(key, {}, lang), exact: true }).count(), 1, `row ${key}`);
    }
    assert.match(await table.getByRole('row', { name: new RegExp(tr('compare_distance', {}, lang)) }).textContent(), /\d+/, 'distances in km');
    // The one QR code opens the same shortlist side by side.
    const link = `${t.server.url}?list=${a.id}%2C${b.id}&compare=1&lang=${lang}`.replace('%2C', ',');
    assert.ok((await page.textContent()).includes(link), 'the link is printed under the code');
    assert.equal(await readQr(lang), link, 'the QR code decodes to the shortlist link');
    // Printed: one A4 document, the buttons gone.
    await t.page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: tr('referral_print', {}, lang) }).isVisible(), false);
    const pdf = (await t.page.pdf({ preferCSSPageSize: true })).toString('latin1');
    await t.page.emulateMedia({ media: null });
    assert.match(pdf, /\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/, 'printed on A4');
    // Someone else opens the link: a new browser page with nothing stored sees the same two.
    const other = await t.browser.newContext();
    await other.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort('internetdisconnected'));
    try {
      const p = await other.newPage();
      await p.goto(link);
      const shown = p.getByRole('table').getByRole('columnheader');
      await expect(async () => (await shown.count()) === 3, 'two centers side by side');
      assert.ok((await shown.allTextContents()).join(' ').includes(nameIn(b, lang)));
    } finally {
      await other.close();
    }
    // Back on the map, this browser still has the list after a reload without it in the link.
    await page.getByRole('button', { name: tr('referral_back', {}, lang) }).click();
    await t.app.open(`lang=${lang}`, { waitReady: false });
    await expect(() => t.page.getByRole('region', { name: tr('shortlist_heading', {}, lang) }).isVisible(), 'kept in this browser');
    await t.page.evaluate(() => localStorage.clear());
  });
}

test('a shortlist holds four: a fifth is refused with the reason, and a center is taken off from the list', async () => {
  await t.app.open('country=KZ');
  await t.page.evaluate(() => localStorage.clear());
  const five = dataset.centers.filter((c) => c.country === 'KZ').slice(0, 5);
  for (const [i, c] of five.entries()) {
    await t.app.listItem(c.name).click();
    const detail = t.app.detail(c.name);
    await expect(() => detail.isVisible(), `detail of ${c.id}`);
    await detail.getByRole('button', { name: tr('shortlist_add'), exact: true }).click();
    if (i < 4) continue;
    await expect(() => detail.getByRole('status').filter({ hasText: tr('shortlist_full', { max: 4 }) }).isVisible(), 'the reason said');
    assert.ok(await detail.getByRole('button', { name: tr('shortlist_add'), exact: true }).isVisible(), 'the fifth is not added');
  }
  const list = t.page.getByRole('region', { name: tr('shortlist_heading') });
  assert.equal(await list.getByRole('listitem').count(), 4);
  await list.getByRole('button', { name: `${tr('shortlist_remove_short')}: ${five[0].name}` }).click();
  await expect(async () => (await list.getByRole('listitem').count()) === 3, 'one taken off');
  assert.equal(new URL(t.page.url()).searchParams.get('list'), five.slice(1, 4).map((c) => c.id).join(','));
  await t.page.evaluate(() => localStorage.clear());
});

test('a link with unknown or malformed shortlist ids keeps the known ones', async () => {
  await t.app.open(`list=no-such-center,${a.id},<b>,${a.id}&compare=1`, { waitReady: false });
  const page = t.page.getByRole('article', { name: tr('shortlist_heading') });
  await expect(() => page.isVisible(), 'comparison shown');
  assert.equal(await page.getByRole('table').getByRole('columnheader').count(), 2);
  assert.equal(new URL(t.page.url()).searchParams.get('list'), a.id);
});

for (const [size, viewport] of [['1280x800', null], ['375x667', { width: 375, height: 667 }]]) {
  test(`at ${size} the shortlist above the results and the comparison have no violations (axe, every rule)`, async () => {
    if (viewport) await t.page.setViewportSize(viewport);
    await t.app.open(`list=${a.id},${b.id}&near=Osh`);
    const list = t.page.getByRole('region', { name: tr('shortlist_heading') });
    await expect(() => list.isVisible(), 'the shortlist shown');
    let found = await t.app.axeViolations();
    assert.equal(found.length, 0, describeViolations(found));
    await list.getByRole('button', { name: tr('shortlist_compare') }).click();
    await expect(() => t.page.getByRole('table').isVisible(), 'the comparison shown');
    found = await t.app.axeViolations();
    assert.equal(found.length, 0, describeViolations(found));
    await t.page.evaluate(() => localStorage.clear());
  });
}
