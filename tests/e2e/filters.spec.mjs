// Each filter narrows map and list to exactly the expected centers; AND across facets, OR within.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr } from './support/locale.mjs';

const t = useApp();
const where = (pred) => dataset.centers.filter(pred);
const offers = (c, codes) => c.specialties.some((s) => codes.includes(s));

test('country: one country, then two (OR within the facet)', async () => {
  await t.app.open();
  await t.app.countryBox('KZ').check();
  await t.app.expectShown(where((c) => c.country === 'KZ'));
  await t.app.countryBox('UZ').check();
  await t.app.expectShown(where((c) => ['KZ', 'UZ'].includes(c.country)));
});

test('specialty: a center matches if it offers any selected specialty', async () => {
  await t.app.open();
  await t.app.specialtyBox('pediatric-oncology').check();
  await t.app.expectShown(where((c) => offers(c, ['pediatric-oncology'])));
  await t.app.specialtyBox('neurosurgery').check();
  await t.app.expectShown(where((c) => offers(c, ['pediatric-oncology', 'neurosurgery'])));
});

test('treats children', async () => {
  await t.app.open();
  await t.app.pediatricBox().check();
  await t.app.expectShown(where((c) => c.pediatric?.treats_children));
});

test('free text over name and city', async () => {
  await t.app.open();
  await t.app.search.fill('astana');
  await t.app.expectShown(where((c) => c.city === 'Astana'));
  await t.app.search.fill('SYZGANOV');
  await t.app.expectShown(where((c) => /syzganov/i.test(c.name)));
});

test('AND across facets: pediatric oncology in KZ or UZ that treats children', async () => {
  await t.app.open();
  await t.app.specialtyBox('oncology').check();
  await t.app.countryBox('KZ').check();
  await t.app.countryBox('TJ').check();
  await t.app.pediatricBox().check();
  const want = where((c) => offers(c, ['oncology']) && ['KZ', 'TJ'].includes(c.country) && c.pediatric?.treats_children);
  assert.ok(want.length > 0 && want.length < dataset.centers.length, 'the case narrows but is not empty');
  await t.app.expectShown(want);
});

test('each option shows how many centers it would give', async () => {
  await t.app.open();
  const option = (label, n) => t.page.getByRole('checkbox', { name: `${label} ${n}`, exact: true });
  for (const code of ['KZ', 'UZ', 'KG', 'TJ', 'TM']) {
    const n = where((c) => c.country === code).length;
    assert.equal(await option(tr(`country_${code}`), n).count(), 1, `${code} shows ${n}`);
  }
  await t.app.countryBox('KG').check();
  // With Kyrgyzstan chosen, specialty counts count Kyrgyz centers only; country counts do not narrow.
  for (const s of dataset.specialties) {
    const n = where((c) => c.country === 'KG' && offers(c, [s.code])).length;
    assert.equal(await option(s.label, n).count(), 1, `${s.code} shows ${n}`);
  }
  assert.equal(await option(tr('country_KZ'), where((c) => c.country === 'KZ').length).count(), 1);
  assert.equal(await option(tr('pediatric_label'), where((c) => c.country === 'KG' && c.pediatric?.treats_children).length).count(), 1);
});

test('no results says so and one action clears everything', async () => {
  await t.app.open();
  await t.app.countryBox('TM').check();
  // ("zzzz" would be the key "z", the start of many words.)
  await t.app.search.fill('xyzzy');
  await t.app.expectShown([]);
  assert.ok(await t.page.getByText(tr('no_results')).isVisible());
  await t.page.getByRole('region', { name: tr('results_heading'), exact: true }).getByRole('button', { name: tr('clear_filters') }).click();
  await t.app.expectShown(dataset.centers);
  assert.equal(await t.app.search.inputValue(), '');
  assert.equal(await t.app.countryBox('TM').isChecked(), false);
});
