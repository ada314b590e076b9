// Search across scripts and spellings in the page: cases of the core's table
// (core/tests/search_cases.rs), best match first, the matched part highlighted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const vakhidov = dataset.centers.find((c) => c.id === 'vakhidov-center-of-surgery-tashkent');
const syzganov = dataset.centers.find((c) => c.id === 'syzganov-national-scientific-center-of-surgery-almaty');

const firstItem = () => t.app.list.getByRole('button').first();

for (const [q, center] of [['Вахидов', vakhidov], ['Vakhidov', vakhidov], ['vahidov', vakhidov], ['Syzganov', syzganov], ['Сызганов', syzganov]]) {
  test(`"${q}" finds ${center.id} first`, async () => {
    await t.app.open();
    await t.app.search.fill(q);
    await expect(async () => (await firstItem().getAttribute('aria-labelledby'))?.includes(center.id), `${center.id} first`);
    assert.equal(await t.app.listItem(center.name).count(), 1);
  });
}

test('the matched part of the name is highlighted', async () => {
  await t.app.open();
  await t.app.search.fill('vakhid');
  const marks = t.app.listItem(vakhidov.name).locator('mark');
  await expect(async () => (await marks.count()) === 1, 'one highlight');
  assert.equal(await marks.textContent(), 'Vakhid');
  // A Cyrillic query matches the English name; the whole word is marked.
  await t.app.search.fill('Вахидов');
  await expect(async () => (await marks.count()) === 1 && (await marks.textContent()) === 'Vakhidov', 'Vakhidov highlighted');
});

test('a query that matched another language\'s name shows that name, highlighted', async () => {
  await t.app.open();
  await t.app.search.fill('Ошский');
  const osh = dataset.centers.find((c) => c.id === 'osh-interregional-oncology-center');
  const item = t.app.row(osh.name);
  await expect(() => item.isVisible(), 'Osh oncology center listed');
  assert.equal(await item.locator('mark').first().textContent(), 'Ошский');
});

for (const q of ['Astana', 'Астана', 'Nur-Sultan', 'Akmola']) {
  test(`"${q}" finds the centers of Astana`, async () => {
    await t.app.open();
    await t.app.search.fill(q);
    // Akmola is also the region around the city, which names centers of its own.
    const named = (c) => q === 'Akmola' && /akmola/i.test(c.name);
    await t.app.expectShown(dataset.centers.filter((c) => c.city === 'Astana' || named(c)));
  });
}

test('a specialty in Russian or Uzbek finds centers offering it', async () => {
  await t.app.open();
  for (const q of ['онкология', 'onkologiya', 'oncology']) {
    await t.app.search.fill(q);
    await expect(async () => (await t.app.listItem('National Research Oncology Center').count()) === 1, `${q}: NROC listed`);
    const n = await t.app.list.getByRole('button').count();
    assert.ok(n >= 10, `${q}: ${n} centers`);
    assert.equal(await t.app.resultCount().textContent(), trCount('results_count', n));
  }
  await t.app.search.fill('xyzzy');
  await expect(async () => (await t.app.resultCount().textContent()) === trCount('results_count', 0), 'nothing');
  assert.ok(await t.page.getByText(tr('no_results')).isVisible());
});
