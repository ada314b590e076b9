// The children's badge says what children get of the specialties chosen (review of the
// journeys, defect 14): with proton therapy chosen, the Astana proton center, whose sources
// give children radioiodine therapy only, says "Proton therapy — for children: not stated" and
// its marker is not a children's one; with radioiodine therapy chosen it says "For children:
// Radioiodine therapy". Facts from public/data/centers.json (its `pediatric` and `care`),
// words from the locale files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { childrenBadge, dataset, labelIn, nameIn, tr, trCount, isolate } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const proton = dataset.centers.find((c) => c.id === 'proton-therapy-center-astana');
const label = (code, lang) => labelIn(dataset.specialties.find((s) => s.code === code), lang);
const list = (lang) => t.page.getByRole('list', { name: tr('results_list_label', {}, lang) });
const row = (lang) => list(lang).getByRole('listitem').filter({ has: t.page.getByRole('button', { name: nameIn(proton, lang), exact: true }) });

for (const lang of ['ru', 'kk', 'uz', 'en']) {
  test(`with proton therapy chosen, the proton center says children's proton therapy is not stated (${lang})`, async () => {
    await t.app.open(`lang=${lang}&specialty=proton-therapy`, { waitReady: false });
    await expect(() => row(lang).isVisible(), 'the proton center listed');
    const said = tr('badge_children_not_stated', { services: label('proton-therapy', lang) }, lang);
    await expect(() => row(lang).getByText(said, { exact: true }).isVisible(), `"${said}"`);
    assert.equal(await row(lang).getByText(tr('badge_pediatric', {}, lang), { exact: true }).count(), 0, 'no plain "treats children"');
    // Its marker is not drawn as a children's center: its name has no badge words.
    await t.app.settled();
    const marker = t.app.map.getByRole('button', { name: `${isolate(nameIn(proton, lang))} (${tr('badge_pediatric', {}, lang)})`, exact: true });
    assert.equal(await marker.count(), 0, 'no children\'s marker');
  });
}

test('with radioiodine therapy chosen, the badge says children get it; with nothing chosen, the treatments children get, or "treats children"', async () => {
  await t.app.open('lang=ru&specialty=radioiodine-therapy', { waitReady: false });
  const said = tr('badge_children_for', { services: label('radioiodine-therapy', 'ru') }, 'ru');
  await expect(() => row('ru').getByText(said, { exact: true }).isVisible(), `"${said}"`);
  await t.app.open('lang=ru', { waitReady: false });
  await expect(() => list('ru').getByRole('listitem').count().then((n) => n === dataset.centers.length), 'every center listed');
  // Nothing chosen: the proton center's one children's treatment is named...
  await expect(() => row('ru').getByText(said, { exact: true }).isVisible(), `"${said}" with nothing chosen`);
  assert.equal(childrenBadge(proton, [], 'ru'), said, 'as the rules say');
  // ...and a center whose sources name no children's treatment, or many, "treats children".
  const general = dataset.centers.find((c) => childrenBadge(c, [], 'ru') === tr('badge_pediatric', {}, 'ru'));
  const generalRow = list('ru').getByRole('listitem').filter({ has: t.page.getByRole('button', { name: nameIn(general, 'ru'), exact: true }) });
  assert.ok(await generalRow.getByText(tr('badge_pediatric', {}, 'ru'), { exact: true }).isVisible(), `${general.id}: "treats children"`);
  assert.ok(await t.page.getByRole('status').filter({ hasText: trCount('results_count', dataset.centers.length, 'ru') }).isVisible());
});
