// Search by condition in plain words (public/data/conditions.json): a family's question —
// "a bone-marrow transplant for my child" — typed in the reader's language is answered with the
// centers whose sources say children get one there, each saying why it matched; short words and
// abbreviations find only what they abbreviate. Expected centers as in
// core/tests/condition_cases.rs (from public/data/centers.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { dataset, nameIn, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

const vocabulary = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/conditions.json'), 'utf8'));
const label = (id, lang) => vocabulary.conditions.find((c) => c.id === id).label[lang];
const center = (id) => dataset.centers.find((c) => c.id === id);

/** The six centers a child can have a bone-marrow transplant at, per their sources. */
const CHILDREN_BMT = [
  'national-research-center-for-maternal-and-child-health-astana',
  'scientific-center-of-pediatrics-and-childrens-surgery-almaty',
  'national-childrens-medical-center-tashkent',
  'pediatric-oncology-hematology-immunology-center-tashkent',
  'national-center-for-maternal-and-child-health-bishkek',
  'national-scientific-center-transplantation-dushanbe',
];

const list = (lang) => t.page.getByRole('list', { name: tr('results_list_label', {}, lang) });
const count = (n, lang) => t.page.getByRole('status').filter({ hasText: new RegExp(`^${trCount('results_count', n, lang)}$`) });
/** The list item (row) of the center named `name`. */
const row = (name, lang) => list(lang).getByRole('listitem').filter({ has: t.page.getByRole('button', { name, exact: true }) });

for (const [lang, query] of [
  ['ru', 'пересадка костного мозга ребенку'],
  ['kk', 'балаға сүйек кемігін ауыстыру'],
  ['uz', "bolalar uchun suyak ko'migi transplantatsiyasi"],
  ['en', 'bone marrow transplant for a child'],
  ['ky', 'балага жилик чучугун алмаштыруу'],
  ['tg', 'пайвандсозии мағзи устухон барои кӯдак'],
  ['tk', 'çaga süňk ýiligini göçürip oturtmak'],
]) {
  test(`a bone-marrow transplant for a child, asked in plain words (${lang}), gives the six centers and why`, async () => {
    await t.app.open(`lang=${lang}`, { waitReady: false });
    await expect(() => count(dataset.centers.length, lang).isVisible(), 'all centers counted');
    await t.page.getByLabel(tr('search_label', {}, lang)).fill(query);
    await expect(() => count(CHILDREN_BMT.length, lang).isVisible(), `${CHILDREN_BMT.length} centers`);
    for (const id of CHILDREN_BMT) {
      const item = row(nameIn(center(id), lang), lang);
      assert.equal(await item.count(), 1, `${id} listed`);
      // Why: the condition in the reader's words, then the center's transplant specialties.
      const text = await item.textContent();
      assert.ok(text.includes(`${label('bone-marrow-transplant', lang)}: `), `${id}: says why (${text})`);
    }
    // The adults-only transplant center (its sources) is not offered for a child.
    assert.equal(await row(nameIn(center('nroc-astana'), lang), lang).count(), 0, 'NROC Astana not listed');
  });
}

test('where no source says children get it, the reason says so', async () => {
  await t.app.open('lang=en');
  await t.app.search.fill('bone marrow transplant for a child');
  const dushanbe = row(center('national-scientific-center-transplantation-dushanbe').name, 'en');
  await expect(async () => (await dushanbe.count()) === 1, 'Dushanbe listed');
  assert.ok((await dushanbe.textContent()).includes(tr('care_children_not_stated')));
  const tashkent = row(center('national-childrens-medical-center-tashkent').name, 'en');
  assert.ok((await tashkent.textContent()).includes(tr('care_children')));
});

test('CAR-T finds only the center preparing it, said as planned, and no cardiology center', async () => {
  await t.app.open();
  for (const query of ['CAR-T', 'CAR T']) {
    await t.app.search.fill(query);
    await expect(() => count(1, 'en').isVisible(), `${query}: one center`);
    const bishkek = row(center('national-center-for-maternal-and-child-health-bishkek').name, 'en');
    const text = await bishkek.textContent();
    assert.ok(text.includes(`${label('car-t', 'en')}: `) && text.includes(tr('care_planned')), text);
  }
});

test('an abbreviation typed in capitals finds the center it abbreviates, not look-alikes', async () => {
  await t.app.open('lang=ru', { waitReady: false });
  await t.page.getByLabel(tr('search_label', {}, 'ru')).fill('НЦОМиД');
  await expect(() => count(1, 'ru').isVisible(), 'one center');
  const bishkek = center('national-center-for-maternal-and-child-health-bishkek');
  assert.equal(await row(nameIn(bishkek, 'ru'), 'ru').count(), 1);
});

test('each list item is a button named by its visible text (WCAG 2.5.3, label in name)', async () => {
  await t.app.open();
  await t.app.search.fill('leukemia');
  const buttons = t.app.list.getByRole('button');
  await expect(async () => (await buttons.count()) > 3, 'results');
  for (const b of await buttons.all()) {
    const [visible, labelledBy] = [await b.innerText(), await b.getAttribute('aria-labelledby')];
    const name = await t.page.locator(`[id="${labelledBy}"]`).innerText();
    assert.equal(name.trim(), visible.trim());
  }
});
