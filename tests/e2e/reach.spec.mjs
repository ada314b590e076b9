// Every detail ends with how to reach the center: its own contacts; a branch without any gets
// those of the center it belongs to, said as such; none known is said plainly. The referral
// sheet says the same. Centers and contacts from public/data/centers.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, nameIn, tr } from './support/locale.mjs';
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

test('a center with no known contact says so plainly, in the detail and on the referral sheet', async () => {
  const c = center('maternal-child-health-karshi-branch');
  await t.app.open(`center=${c.id}&lang=ru`, { waitReady: false });
  await expect(() => reach('ru').isVisible(), 'the part is there');
  assert.ok(await reach('ru').getByText(tr('reach_unknown', {}, 'ru')).isVisible());
  assert.equal(await reach('ru').getByRole('link').count(), 0);
  await t.page.getByRole('button', { name: tr('referral_open', {}, 'ru') }).click();
  await expect(() => t.page.getByText(tr('reach_unknown', {}, 'ru')).first().isVisible(), 'the sheet says it too');
});
