// Suggestions while typing: the search box is a combobox (WAI-ARIA 1.2) whose list offers the
// conditions, cities and centers that what is typed begins, each with the number of centers it
// gives; Down/Up move through them, Enter or a press takes one, Escape closes them and keeps
// the text; a status says how many there are. Expected terms come from
// public/data/conditions.json (the vocabulary's bone-marrow transplant, in each language),
// counts from the results the app then shows, words from the locale files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { describeViolations } from './support/shifo-page.mjs';
import { dataset, nameIn, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

const vocabulary = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/conditions.json'), 'utf8'));
const transplant = vocabulary.conditions.find((c) => c.id === 'bone-marrow-transplant');

const box = (lang) => t.page.getByRole('combobox', { name: tr('search_label', {}, lang) });
const offers = (lang) => t.page.getByRole('listbox', { name: tr('suggestions_label', {}, lang) });
const count = (n, lang) => t.page.getByRole('status').filter({ hasText: new RegExp(`^${trCount('results_count', n, lang)}$`) });
/** The status line of the suggestions, for `n` offers. */
const announced = (n, lang) => t.page.getByRole('status').filter({ hasText: trCount('suggestions_status', n, lang) });

/** Opens the app in `lang` and waits for every center to be counted. */
async function openIn(lang) {
  await t.app.open(`lang=${lang}`, { waitReady: false });
  await expect(() => count(dataset.centers.length, lang).isVisible(), 'all centers counted');
}

/** Types `text` key by key, as a person does (each keystroke asks for offers). */
async function type(lang, text) {
  await box(lang).click();
  await box(lang).pressSequentially(text, { delay: 20 });
}

/** The number of centers an offer says it gives ("… · 6 centers"). */
async function offeredCount(option, lang) {
  const text = await option.textContent();
  const m = text.match(/(\d+)\D*$/);
  assert.ok(m, `a count in "${text}" (${lang})`);
  return Number(m[1]);
}

for (const [lang, typed] of [
  ['ru', 'пересадка кост'],
  ['kk', 'сүйек кем'],
  ['uz', 'suyak ko'],
  ['en', 'bone mar'],
  ['ky', 'жилик чу'],
  ['tg', 'пайвандсозии ма'],
  ['tk', 'süňk ýil'],
]) {
  test(`the transplant is offered while typing "${typed}" (${lang}), taken with Down and Enter, and its count is what it gives`, async () => {
    await openIn(lang);
    await type(lang, typed);
    await expect(() => offers(lang).isVisible(), 'offers shown');
    assert.equal(await box(lang).getAttribute('aria-expanded'), 'true');
    const first = offers(lang).getByRole('option').first();
    const text = (await first.textContent()).trim();
    const term = transplant.terms[lang].find((x) => text.startsWith(x));
    assert.ok(term, `the first offer is a ${lang} term of the transplant: "${text}"`);
    const n = await offers(lang).getByRole('option').count();
    await expect(() => announced(n, lang).count().then((c) => c === 1), `"${trCount('suggestions_status', n, lang)}" announced`);
    const says = await offeredCount(first, lang);

    await box(lang).press('ArrowDown');
    const id = await box(lang).getAttribute('aria-activedescendant');
    assert.equal(await first.getAttribute('id'), id, 'the first offer is the active one');
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    await box(lang).press('Enter');
    await expect(async () => (await box(lang).inputValue()) === term, `the box says "${term}"`);
    await expect(() => count(says, lang).isVisible(), `${says} centers, as offered`);
    assert.equal(await box(lang).getAttribute('aria-expanded'), 'false', 'offers closed');
    assert.ok(await box(lang).evaluate((el) => el === document.activeElement), 'focus stays in the box');
  });
}

test('Escape closes the offers and keeps what was typed; Up wraps to the last offer', async () => {
  await openIn('ru');
  await type('ru', 'лейк');
  await expect(() => offers('ru').isVisible(), 'offers shown');
  await box('ru').press('ArrowUp');
  const last = offers('ru').getByRole('option').last();
  assert.equal(await last.getAttribute('aria-selected'), 'true', 'Up from none is the last offer');
  await box('ru').press('Escape');
  await expect(async () => !(await offers('ru').isVisible()), 'offers closed');
  assert.equal(await box('ru').inputValue(), 'лейк', 'the text stays');
  // Down opens them again.
  await box('ru').press('ArrowDown');
  await expect(() => offers('ru').isVisible(), 'offers open again');
});

test('a city begun after a condition is offered with the condition kept, and a press takes it', async () => {
  await openIn('ru');
  await type('ru', 'лейкоз Алм');
  const option = offers('ru').getByRole('option', { name: /^лейкоз Алматы/ });
  await expect(() => option.isVisible(), '"лейкоз Алматы" offered');
  assert.ok((await option.textContent()).includes(tr('suggest_city', {}, 'ru')), 'said to be a city');
  const says = await offeredCount(option, 'ru');
  await option.click();
  await expect(async () => (await box('ru').inputValue()) === 'лейкоз Алматы', 'taken');
  await expect(() => count(says, 'ru').isVisible(), `${says} centers, as offered`);
});

test('an abbreviation in capitals begins only abbreviations: "CAR" offers no cardiology center', async () => {
  await openIn('en');
  // In small letters "car" begins words of names and conditions ("cardiac")...
  await type('en', 'car');
  await expect(() => offers('en').isVisible(), 'offers for "car"');
  // ...in capitals only abbreviations, and no center offers CAR-T: the offers go.
  await box('en').fill('CAR');
  await expect(async () => (await box('en').getAttribute('aria-expanded')) === 'false', 'no offers for "CAR"');
  assert.equal(await offers('en').getByRole('option').count(), 0);
});

test('a center offered by the start of its abbreviation opens, and focus goes to its detail', async () => {
  const center = dataset.centers.find((c) => (c.aliases ?? []).some((a) => a.text === 'НЦОМиД'));
  const name = nameIn(center, 'ru');
  await openIn('ru');
  await type('ru', 'НЦОМ');
  const option = offers('ru').getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(() => option.isVisible(), `${name} offered`);
  assert.ok((await option.textContent()).includes(tr('suggest_center', {}, 'ru')), 'said to be a center');
  await box('ru').press('ArrowDown');
  await box('ru').press('Enter');
  const heading = t.page.getByRole('heading', { level: 2, name });
  await expect(() => heading.isVisible(), 'its detail is open');
  await expect(() => heading.evaluate((el) => el === document.activeElement), 'focus on its heading');
});

for (const [size, viewport] of [['1280x800', null], ['375x667', { width: 375, height: 667 }]]) {
  test(`at ${size} the offers are in sight under the box and have no violations (axe, every rule)`, async () => {
    if (viewport) await t.page.setViewportSize(viewport);
    await openIn('ru');
    await type('ru', 'Таш');
    await expect(() => offers('ru').isVisible(), 'offers shown');
    const boxAt = await box('ru').boundingBox();
    const listAt = await offers('ru').boundingBox();
    assert.ok(listAt.y >= boxAt.y + boxAt.height - 1, 'under the box');
    assert.ok(listAt.x >= 0 && listAt.x + listAt.width <= (viewport?.width ?? 1280), 'within the screen');
    await box('ru').press('ArrowDown');
    const found = await t.app.axeViolations();
    assert.equal(found.length, 0, describeViolations(found));
  });
}
