// The three users' journeys at every size the issue names (320x568, 375x667, a phone held
// sideways at 667x375, 1280x800, 1366x768) in Russian, Kazakh, Uzbek and English, with axe
// (every rule it has, the experimental ones included) on every view met on the way:
// - the mother in Osh: a bone-marrow transplant for a child asked in plain words, two of the
//   centers it gives opened, "how to reach it" read, both put on a shortlist, compared side by
//   side, one's referral sheet opened;
// - the referring doctor: the filters in use (the phone's sheet), a search finding nothing, the
//   events and hubs panels and the downloads;
// - the ministry's editor: the embed dialog.
// What each view says is checked in its own spec; this one checks that every journey can be
// walked, by role and name as a screen reader does, at each size in each language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, nameIn, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';
import { describeViolations } from './support/shifo-page.mjs';

const t = useApp();

const SIZES = [
  ['320x568', { width: 320, height: 568 }],
  ['375x667', { width: 375, height: 667 }],
  ['667x375', { width: 667, height: 375 }],
  ['1280x800', { width: 1280, height: 800 }],
  ['1366x768', { width: 1366, height: 768 }],
];

/** The question in each language, as condition-search.spec.mjs asks it. */
const TRANSPLANT_FOR_A_CHILD = {
  ru: 'пересадка костного мозга ребенку',
  kk: 'балаға сүйек кемігін ауыстыру',
  uz: "bolalar uchun suyak ko'migi transplantatsiyasi",
  en: 'bone marrow transplant for a child',
};
/** How many centers its sources say a child gets one at (core/tests/condition_cases.rs). */
const CHILDREN_BMT = 6;
const byId = (id) => dataset.centers.find((c) => c.id === id);
// Two of them, a day's drive from Osh: Bishkek and Tashkent.
const [BISHKEK, TASHKENT] = ['national-center-for-maternal-and-child-health-bishkek', 'national-childrens-medical-center-tashkent'].map(byId);

const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The page as one user of `lang` finds it: by role and name in that language. */
function finder(lang) {
  const p = t.page;
  const s = (key, args) => tr(key, args, lang);
  return {
    s,
    count: (n) => p.getByRole('status').filter({ hasText: new RegExp(`^${esc(trCount('results_count', n, lang))}$`) }),
    list: () => p.getByRole('list', { name: s('results_list_label') }),
    item: (c) => p.getByRole('list', { name: s('results_list_label') }).getByRole('button', { name: nameIn(c, lang), exact: true }),
    search: () => p.getByLabel(s('search_label')),
    detail: (c) => p.getByRole('region', { name: nameIn(c, lang), exact: true }),
    pane: (which) => p.getByRole('group', { name: s('pane_label'), exact: true }).getByRole('button', { name: s(`pane_${which}`) }),
    box: (key) => p.getByRole('checkbox', { name: new RegExp(`^${esc(s(key))}(\\s|$)`) }),
    summary: (key, args) => p.getByText(s(key, args), { exact: true }),
    button: (key, args) => p.getByRole('button', { name: s(key, args), exact: true }),
  };
}

/** Asserts axe finds nothing in what is on screen now; on a phone (unless a sheet covers the
 *  panes), in the other pane too. */
async function noViolations(f, what, { panes = true } = {}) {
  // Scanned from the page's top: wherever a journey leaves the page scrolled, what is passing
  // under the sticky bar or count is half covered, and axe counts that as a target too small
  // to tap. (Columns that scroll on their own, on wider screens, have nothing sticky over
  // their controls.)
  await t.page.evaluate(() => window.scrollTo(0, 0));
  await mapAtRest();
  const found = await t.app.axeViolations();
  assert.equal(found.length, 0, `axe found ${found.length} violation(s) in ${what}:\n${describeViolations(found)}`);
  if (!panes || !(await f.pane('list').isVisible())) return;
  const [shown, other] = (await f.pane('list').getAttribute('aria-pressed')) === 'true' ? ['list', 'map'] : ['map', 'list'];
  await f.pane(other).click();
  await t.app.settled();
  const there = await t.app.axeViolations();
  assert.equal(there.length, 0, `axe found ${there.length} violation(s) in ${what}, ${other} pane:\n${describeViolations(there)}`);
  await f.pane(shown).click();
  await t.app.settled();
}

/** Resolves once the map's markers stand still (a filter's fit animates the map; axe measuring
 *  markers mid-flight sees them overlap). */
async function mapAtRest() {
  const boxes = () => t.page.locator('.leaflet-marker-icon').evaluateAll((els) => JSON.stringify(els.map((e) => {
    const r = e.getBoundingClientRect();
    return [Math.round(r.x), Math.round(r.y)];
  })));
  let last = await boxes();
  await expect(async () => {
    await t.app.settled();
    const now = await boxes();
    const still = now === last && !(await t.page.locator('.leaflet-zoom-anim').count());
    last = now;
    return still;
  }, 'the map at rest');
}

/** Opens `c`'s detail from the list (on a phone, from its list pane). */
async function openDetail(f, c) {
  if (await f.pane('list').isVisible()) await f.pane('list').click();
  await f.item(c).click();
  const detail = f.detail(c);
  await expect(() => detail.isVisible(), `the detail of ${c.id}`);
  return detail;
}

/** Opens `c`'s detail, reads how to reach it, and puts it on the shortlist. */
async function openAndShortlist(f, c) {
  const detail = await openDetail(f, c);
  assert.equal(await detail.getByRole('heading', { name: f.s('reach_heading'), exact: true }).count(), 1, `${c.id}: "how to reach it"`);
  const add = detail.getByRole('button', { name: f.s('shortlist_add'), exact: true });
  await add.scrollIntoViewIfNeeded();
  await add.click();
  await expect(() => detail.getByRole('button', { name: f.s('shortlist_remove'), exact: true }).isVisible(), `${c.id} on the shortlist`);
  return detail;
}

for (const lang of ['ru', 'kk', 'uz', 'en']) {
  for (const [size, viewport] of SIZES) {
    test(`${lang}, ${size}: the mother's journey, from a transplant for a child in plain words to a shortlist compared and a referral sheet`, async () => {
      const f = finder(lang);
      await t.page.setViewportSize(viewport);
      await t.app.open(`lang=${lang}&near=Osh`, { waitReady: false });
      await t.page.evaluate(() => localStorage.clear());
      await expect(() => f.count(dataset.centers.length).isVisible(), 'every center counted');
      await noViolations(f, 'the first view');
      await f.search().fill(TRANSPLANT_FOR_A_CHILD[lang]);
      await expect(() => f.count(CHILDREN_BMT).isVisible(), `${CHILDREN_BMT} centers for a child's transplant`);
      await t.app.closeSuggestions().catch(() => {});
      if (await t.page.getByRole('listbox').isVisible()) await f.search().press('Escape');
      await noViolations(f, 'the answer', { panes: false });
      const detail = await openAndShortlist(f, BISHKEK);
      await noViolations(f, `the detail of ${BISHKEK.id}`);
      await openAndShortlist(f, TASHKENT);
      // The comparison: one column per center.
      if (await f.pane('list').isVisible()) await f.pane('list').click();
      const shortlist = t.page.getByRole('region', { name: f.s('shortlist_heading') });
      await shortlist.getByRole('button', { name: f.s('shortlist_compare') }).click();
      const compared = t.page.getByRole('article', { name: f.s('shortlist_heading') });
      await expect(() => compared.getByRole('table').isVisible(), 'the comparison');
      assert.equal(await compared.getByRole('columnheader').count(), 3, 'a column of row names and one per center');
      await noViolations(f, 'the comparison');
      await compared.getByRole('button', { name: f.s('referral_back') }).click();
      // The referral sheet of the first one, from its detail.
      await expect(() => f.count(CHILDREN_BMT).isVisible(), 'back on the answer');
      await openDetail(f, BISHKEK);
      await detail.getByRole('button', { name: f.s('referral_open') }).click();
      await expect(() => t.page.getByRole('heading', { level: 2, name: new RegExp(`^${esc(nameIn(BISHKEK, lang))}`) }).isVisible(), 'the referral sheet');
      await noViolations(f, 'the referral sheet');
      await t.page.evaluate(() => localStorage.clear());
    });

    test(`${lang}, ${size}: the doctor's filters, a search finding nothing, the panels and downloads; the editor's embed dialog`, async () => {
      const f = finder(lang);
      await t.page.setViewportSize(viewport);
      await t.app.open(`lang=${lang}`, { waitReady: false });
      await expect(() => f.count(dataset.centers.length).isVisible(), 'every center counted');
      // On a phone the facets are in a sheet.
      const sheet = !(await f.box('country_KZ').isVisible());
      if (sheet) await f.button('filters_heading').click();
      await f.box('country_KZ').check();
      await f.box('pediatric_label').check();
      const kzChildren = dataset.centers.filter((c) => c.country === 'KZ' && c.pediatric?.treats_children).length;
      await expect(() => f.count(kzChildren).or(t.page.getByRole('dialog').getByText(trCount('results_count', kzChildren, lang))).first().isVisible(), `${kzChildren} centers`);
      await noViolations(f, 'the filters in use', { panes: !sheet });
      if (sheet) {
        await t.page.keyboard.press('Escape');
        await expect(() => f.count(kzChildren).isVisible(), 'the sheet closed on the results');
      }
      await f.search().fill('zzzzqqq');
      await expect(() => t.page.getByText(f.s('no_results')).isVisible(), 'nothing found, said');
      await t.app.closeSuggestions().catch(() => {});
      await noViolations(f, 'a search finding nothing', { panes: false });
      await f.search().fill('');
      for (const [key, args] of [['events_summary', { count: dataset.events.length }], ['hubs_summary', { count: dataset.hubs.length }], ['download_summary', {}]]) {
        const panel = f.summary(key, args);
        await panel.scrollIntoViewIfNeeded();
        await panel.click();
        await expect(() => panel.evaluate((el) => el.parentElement.open), `${key} open`);
        await noViolations(f, `${key} open`, { panes: false });
      }
      const open = f.button('embed_open');
      await open.scrollIntoViewIfNeeded();
      await open.click();
      const dialog = t.page.getByRole('dialog', { name: f.s('embed_heading') });
      await expect(() => dialog.getByLabel(f.s('embed_code_label')).isVisible(), 'the embed dialog');
      await noViolations(f, 'the embed dialog', { panes: false });
      await t.page.keyboard.press('Escape');
      await expect(async () => !(await dialog.isVisible()), 'the dialog closed');
    });
  }
}
