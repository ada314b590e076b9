// An empty result is no dead end: each choice can be dropped, with the count it would give;
// a chosen country can be swapped for another; the map says so too. Counts from
// public/data/centers.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, labelIn, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

const count = (f) => dataset.centers.filter(f).length;
const proton = (c) => c.specialties.includes('proton-therapy');
const way = (key, what, n, lang = 'en') =>
  t.page.getByRole('button', { name: `${tr(key, { what }, lang)} — ${trCount('results_count', n, lang)}`, exact: true });

for (const lang of ['en', 'ru']) {
  test(`proton therapy in Tajikistan (${lang}): no center, and the ways out with their counts`, async () => {
    await t.app.open(`country=TJ&specialty=proton-therapy&lang=${lang}`, { waitReady: false });
    await expect(() => t.page.getByText(tr('no_results', {}, lang)).isVisible(), 'no results');
    // The map says it where the eye is.
    assert.ok(await t.page.getByText(tr('map_empty', {}, lang)).isVisible());
    const country = tr('country_TJ', {}, lang);
    const withoutCountry = way('loosen_without', country, count(proton), lang);
    const protonLabel = labelIn(dataset.specialties.find((s) => s.code === 'proton-therapy'), lang);
    const withoutProton = way('loosen_without', protonLabel, count((c) => c.country === 'TJ'), lang);
    const inKazakhstan = way('loosen_instead', tr('country_KZ', {}, lang), count((c) => c.country === 'KZ' && proton(c)), lang);
    for (const b of [withoutCountry, withoutProton, inKazakhstan]) assert.equal(await b.count(), 1, await b.evaluate((e) => e.textContent).catch(() => 'missing'));
    // A country with no proton therapy is not offered.
    assert.equal(await t.page.getByRole('button', { name: new RegExp(tr('country_UZ', {}, lang)) }).count(), 0);
    await withoutCountry.click();
    const n = count(proton);
    await expect(() => t.page.getByRole('status').filter({ hasText: new RegExp(`^${trCount('results_count', n, lang)}$`) }).isVisible(), `${n} centers`);
    assert.ok(!new URL(t.page.url()).searchParams.has('country'), 'the country dropped from the link');
    assert.equal(await t.page.getByText(tr('map_empty', {}, lang)).count(), 0);
  });
}

test('a locked facet of an embedded map is never offered as a way out', async () => {
  await t.app.open('embed=1&country=TJ&lock=country&specialty=proton-therapy', { waitReady: false });
  await expect(() => t.page.getByText(tr('no_results')).isVisible(), 'no results');
  assert.equal(await t.page.getByRole('button', { name: new RegExp(`^${tr('loosen_without', { what: tr('country_TJ') })}`) }).count(), 0);
  assert.equal(await t.page.getByRole('button', { name: new RegExp(`^${tr('loosen_instead', { what: '.*' })}`) }).count(), 0);
  const label = dataset.specialties.find((s) => s.code === 'proton-therapy').label;
  assert.equal(await t.page.getByRole('button', { name: `${tr('loosen_without', { what: label })} — ${trCount('results_count', count((c) => c.country === 'TJ'))}` }).count(), 1);
});

test('with "treats children" on, an empty result says that only centers whose sources say so are counted (ru)', async () => {
  // No center in Turkmenistan offers proton therapy, for children or not (centers.json).
  await t.app.open('country=TM&specialty=proton-therapy&pediatric=1&lang=ru', { waitReady: false });
  await expect(() => t.page.getByText(tr('no_results', {}, 'ru')).isVisible(), 'no results');
  assert.ok(await t.page.getByText(tr('no_results_children_unknown', {}, 'ru'), { exact: true }).isVisible(), 'the note on children');
  await t.app.open('country=TJ&specialty=proton-therapy&lang=ru', { waitReady: false });
  await expect(() => t.page.getByText(tr('no_results', {}, 'ru')).isVisible(), 'no results');
  assert.equal(await t.page.getByText(tr('no_results_children_unknown', {}, 'ru'), { exact: true }).count(), 0, 'no note without "treats children"');
});
