// Every detail ends with how to reach the center: its own contacts; a branch without any gets
// those of the center it belongs to, said as such; else those of its country's health ministry,
// said as such, each phone with the source that gives it and its date; none known is said
// plainly. The referral sheet says the same. Centers, ministries and contacts from
// public/data/centers.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, nameIn, textOf, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const center = (id) => dataset.centers.find((c) => c.id === id);
const reach = (lang = 'en') => t.page.getByRole('region', { name: tr('reach_heading', {}, lang) });

test('a center with contacts of its own shows them under "How to reach it"', async () => {
  const c = center('vakhidov-center-of-surgery-tashkent');
  await t.app.open(`center=${c.id}`);
  await expect(() => reach().isVisible(), 'the part is there');
  assert.equal(await reach().getByRole('link', { name: c.website }).getAttribute('href'), c.website);
  assert.equal(await reach().getByText(tr('reach_parent')).count(), 0);
});

for (const lang of ['en', 'ru', 'uz']) {
  test(`a branch without contacts gives its parent's, saying so (${lang})`, async () => {
    const branch = center('cardiology-khorezm-branch-urgench');
    const parent = center(branch.part_of);
    assert.ok(!branch.website && !branch.phone && !branch.email && parent.website);
    await t.app.open(`center=${branch.id}&lang=${lang}`, { waitReady: false });
    await expect(() => reach(lang).isVisible(), 'the part is there');
    assert.ok(await reach(lang).getByText(tr('reach_parent', {}, lang)).isVisible());
    // The parent is named, and opens.
    const link = reach(lang).getByRole('button', { name: nameIn(parent, lang) });
    assert.equal(await reach(lang).getByRole('link', { name: parent.website }).getAttribute('href'), parent.website);
    await link.click();
    await expect(async () => (await t.page.getByRole('heading', { level: 2, name: nameIn(parent, lang) }).count()) === 1, 'the parent opened');
  });
}

const contactless = (c) => !c.website && !c.phone && !c.email;

test("a center with no contact in its family gives its country's health ministry, said as such, in the detail and on the referral sheet", async () => {
  const c = center('maternal-child-health-karshi-branch');
  assert.ok(contactless(c) && (!c.part_of || contactless(center(c.part_of))));
  const ministry = dataset.authorities.find((a) => a.country === c.country);
  const names = Object.fromEntries(Object.entries(ministry.names ?? {}).map(([l, n]) => [l, textOf(n)]));
  const phone = ministry.phones[0];
  // The newest dated source of those that give the number (docs/features.md).
  const source = phone.sources.map((i) => ministry.sources[i]).filter((s) => s.date).sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  await t.app.open(`center=${c.id}&lang=ru`, { waitReady: false });
  await expect(() => reach('ru').isVisible(), 'the part is there');
  assert.ok(await reach('ru').getByText(tr('reach_authority', {}, 'ru')).isVisible());
  assert.equal(await reach('ru').getByText(tr('reach_unknown', {}, 'ru')).count(), 0);
  // The ministry is named in Russian, a link to its website; its short number a tel: link.
  const name = nameIn({ name: textOf(ministry.name), names }, 'ru');
  assert.equal(await reach('ru').getByRole('link', { name, exact: true }).getAttribute('href'), ministry.website);
  assert.equal(await reach('ru').getByRole('link', { name: phone.number, exact: true }).getAttribute('href'), `tel:${phone.number}`);
  const phoneFact = (where) => where.getByRole('term').filter({ hasText: tr('detail_phone', {}, 'ru') })
    .evaluate((dt) => dt.nextElementSibling.textContent);
  const said = await phoneFact(reach('ru'));
  for (const part of [tr('reach_short_number', {}, 'ru'), source.publisher, source.date]) {
    assert.ok(said.includes(part), `"${part}" beside the number: ${said}`);
  }
  assert.equal(await reach('ru').getByRole('link', { name: source.publisher }).getAttribute('href'), source.url);
  // The sheet names the ministry too, and prints where the number comes from, date and address.
  await t.page.getByRole('button', { name: tr('referral_open', {}, 'ru') }).click();
  const sheet = t.page.getByRole('article', { name: new RegExp(nameIn(c, 'ru').replace(/[()]/g, '\\$&')) });
  await expect(() => sheet.isVisible(), 'referral sheet shown');
  assert.ok(await sheet.getByText(tr('reach_authority', {}, 'ru')).first().isVisible());
  const printed = await phoneFact(sheet);
  for (const part of [phone.number, source.publisher, source.date, source.url]) {
    assert.ok(printed.includes(part), `"${part}" on the sheet: ${printed}`);
  }
});

test('a center with no known contact says so plainly, in the detail and on the referral sheet', async () => {
  // A ministry's own dataset without the health ministries: a center without contacts.
  const custom = structuredClone(dataset);
  delete custom.authorities;
  const c = custom.centers.find((x) => x.id === 'maternal-child-health-karshi-branch');
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ json: custom }));
  await t.app.open(`center=${c.id}&lang=ru`, { waitReady: false });
  await expect(() => reach('ru').isVisible(), 'the part is there');
  assert.ok(await reach('ru').getByText(tr('reach_unknown', {}, 'ru')).isVisible());
  assert.equal(await reach('ru').getByRole('link').count(), 0);
  await t.page.getByRole('button', { name: tr('referral_open', {}, 'ru') }).click();
  await expect(() => t.page.getByText(tr('reach_unknown', {}, 'ru')).first().isVisible(), 'the sheet says it too');
});
