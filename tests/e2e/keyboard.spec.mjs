// Keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7, 1.4.11): a skip link first, filters, near me,
// list, markers, partnership lines and their switch, the events and hubs panels, downloads,
// detail, referral sheet, the embed dialog and the phone's list/map switch all work with Tab,
// Shift+Tab, Enter, Space, Escape and the arrows; everything that takes focus shows it with a
// ring of 3:1 contrast against what it is drawn on; focus never gets lost.
// Only page.keyboard moves focus here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

const where = (pred) => dataset.centers.filter(pred);
const children = (c) => c.pediatric?.treats_children;

/** Waits until the count and the list say `n` centers. */
async function expectCount(n) {
  await expect(async () => (await t.app.resultCount().textContent()) === trCount('results_count', n), `count says "${trCount('results_count', n)}"`);
  await expect(async () => (await t.app.list.getByRole('button').count()) === n, `${n} list items`);
}

/** The first Tab of the page lands on the skip link; Enter on it focuses the results. */
async function skipToResults() {
  await t.page.keyboard.press('Tab');
  assert.ok(await t.app.hasFocus(t.app.skipLink), 'the first Tab lands on the skip link');
  await t.page.keyboard.press('Enter');
  await expect(() => t.app.hasFocus(t.app.results), 'focus on the results');
}

for (const [size, viewport] of [['1280x800', null], ['375x667', { width: 375, height: 667 }]]) {
  test(`at ${size} the first Tab shows the skip link on screen; Enter takes focus past header and filters to the results`, async () => {
    if (viewport) await t.page.setViewportSize(viewport);
    await t.app.open();
    const box0 = await t.app.skipLink.boundingBox();
    const vp = t.page.viewportSize();
    const onScreen = (b) => !!b && b.x >= 0 && b.y >= 0 && b.x + b.width <= vp.width && b.y + b.height <= vp.height;
    assert.ok(!onScreen(box0), 'the skip link is out of sight until focused');
    await t.page.keyboard.press('Tab');
    assert.ok(await t.app.hasFocus(t.app.skipLink), 'the first Tab lands on the skip link');
    assert.ok(onScreen(await t.app.skipLink.boundingBox()), 'focused, the skip link is on screen');
    await t.app.expectFocusVisible();
    await t.page.keyboard.press('Enter');
    await expect(() => t.app.hasFocus(t.app.results), 'Enter moves focus to the results');
    await t.app.expectFocusVisible();
    assert.equal(new URL(t.page.url()).hash, '', 'no #results in the URL');
    // The next Tab is inside the results: header and filters are skipped.
    await t.page.keyboard.press('Tab');
    assert.ok(await t.app.hasFocusWithin(t.app.results), 'next stop is inside the results');
    assert.ok(!(await t.app.hasFocus(t.app.search)));
    await t.app.expectFocusVisible();
  });
}

test('Tab reaches the search box and the filter boxes; typing and Space filter as the dataset says', async () => {
  await t.app.open();
  const astana = (c) => c.city === 'Astana';
  await t.app.tabTo(t.app.search);
  await t.page.keyboard.type('astana');
  await expectCount(where(astana).length);
  // Tab from the search box to "treats children", Space ticks it.
  await t.app.tabTo(t.app.pediatricBox());
  await t.page.keyboard.press('Space');
  assert.ok(await t.app.pediatricBox().isChecked());
  await expectCount(where((c) => astana(c) && children(c)).length);
  // Back to the search box with Shift+Tab; empty it.
  await t.app.tabTo(t.app.search, { back: true });
  await t.page.keyboard.press('Control+A');
  await t.page.keyboard.press('Backspace');
  await expectCount(where(children).length);
  // A country, then a specialty (in the scrolled box of specialties): Space on, Space off.
  await t.app.tabTo(t.app.countryBox('KG'));
  await t.page.keyboard.press('Space');
  assert.ok(await t.app.countryBox('KG').isChecked());
  const kg = (c) => c.country === 'KG' && children(c);
  await expectCount(where(kg).length);
  const box = t.app.specialtyBox('pediatric-oncology');
  await t.app.tabTo(box);
  assert.ok(await t.app.isInside(box, t.page.getByRole('group', { name: tr('specialty_legend'), exact: true })), 'the focused box is scrolled into sight');
  await t.page.keyboard.press('Space');
  await expectCount(where((c) => kg(c) && c.specialties.includes('pediatric-oncology')).length);
  await t.page.keyboard.press('Space');
  assert.ok(!(await box.isChecked()));
  await expectCount(where(kg).length);
});

test('"Clear all" works by keyboard, and focus stays on the page when it disables itself', async () => {
  await t.app.open();
  await t.app.tabTo(t.app.countryBox('KG'));
  await t.page.keyboard.press('Space');
  await expectCount(where((c) => c.country === 'KG').length);
  await t.app.tabTo(t.app.clearAll);
  await t.page.keyboard.press('Enter');
  await expectCount(dataset.centers.length);
  assert.ok(!(await t.app.countryBox('KG').isChecked()));
  // With nothing left to clear the button is disabled; focus must stay where a keyboard and a
  // screen reader can go on from, not fall to the document body.
  assert.ok(await t.app.focused(), '"Clear all" disabled itself while focused: focus fell to the page body');
  await t.app.expectFocusVisible();
});

test('the "no results" notice clears the filters by keyboard, and focus stays on the page when it goes', async () => {
  await t.app.open();
  await t.app.tabTo(t.app.search);
  await t.page.keyboard.type('xyzzy');
  await expectCount(0);
  await t.app.tabTo(t.app.results.getByRole('button', { name: tr('clear_filters') }));
  await t.page.keyboard.press('Enter');
  await expectCount(dataset.centers.length);
  assert.ok(await t.app.focused(), 'the "no results" button went away while focused: focus fell to the page body');
  await t.app.expectFocusVisible();
});

test('Tab reaches a list item, Enter opens its detail; the detail closes by its button, by Escape in it and by Escape on the item, focus back on the item', async () => {
  const c = dataset.centers.find((x) => x.id === 'umc-heart-center-astana');
  await t.app.open();
  await skipToResults();
  const item = t.app.listItem(c.name);
  await t.app.tabTo(item);
  await t.page.keyboard.press('Enter');
  const detail = t.app.detail(c.name);
  await expect(() => detail.isVisible(), 'detail open');
  assert.ok(await detail.getByRole('heading', { name: c.name }).isVisible());
  assert.equal(await item.getAttribute('aria-current'), 'true');
  assert.ok(await t.app.hasFocus(item), 'focus stays on the item');
  // One Tab reaches the detail (its heading), not the rest of the list; the next its close button.
  await t.page.keyboard.press('Tab');
  assert.ok(await t.app.hasFocus(detail.getByRole('heading', { level: 2, name: c.name })), 'one Tab: the detail');
  await t.app.expectFocusVisible();
  const close = detail.getByRole('button', { name: tr('detail_close') });
  await t.app.tabTo(close, { max: 3 });
  await t.page.keyboard.press('Enter');
  await expect(async () => (await detail.count()) === 0, 'detail closed');
  assert.ok(await t.app.hasFocus(item), 'focus back on the item');
  await t.app.expectFocusVisible();
  // Again, closing with Escape from a control inside it.
  await t.page.keyboard.press('Enter');
  await expect(() => detail.isVisible(), 'detail open again');
  await t.app.tabTo(detail.getByRole('button', { name: tr('referral_open') }), { max: 200 });
  await t.page.keyboard.press('Escape');
  await expect(async () => (await detail.count()) === 0, 'closed by Escape');
  assert.ok(await t.app.hasFocus(item), 'focus back on the item');
  await t.app.expectFocusVisible();
  // And with Escape on the item itself, without going into the detail.
  await t.page.keyboard.press('Enter');
  await expect(() => detail.isVisible(), 'detail open a third time');
  await t.page.keyboard.press('Escape');
  await expect(async () => (await detail.count()) === 0, 'closed by Escape on the item');
  assert.ok(await t.app.hasFocus(item), 'focus still on the item');
  assert.equal(await item.getAttribute('aria-current'), null, 'the item is no longer the current one');
});

test('markers are buttons named after their centers and reached by Tab; Enter on one opens its detail', async () => {
  const c = dataset.centers.find((x) => x.id === 'pediatric-oncohematology-osh');
  await t.app.open(`country=${c.country}`);
  await expect(async () => (await t.app.map.getByRole('button').count()) > 2, 'markers drawn');
  // Screen readers get a button named after its center for every marker, or after the city of
  // the centers a group holds, none without a name.
  const buttons = (await t.app.map.ariaSnapshot()).split('\n').filter((l) => /^\s*- button\b/.test(l));
  assert.deepEqual(buttons.filter((l) => !/^\s*- button ["']./.test(l)), [], 'every button on the map has a name');
  for (const x of dataset.centers.filter((y) => y.country === c.country)) {
    const [own, group] = [await t.app.marker(x.name).count(), await t.app.groupIn(x.city).count()];
    assert.ok(own + group === 1, `a marker named "${x.name}" or a group named after ${x.city}: ${own} and ${group}`);
  }
  await skipToResults();
  // Its city's group, reached by Tab and chosen by Enter, zooms in until the center has a
  // marker of its own.
  for (let i = 0; i < 8 && !(await t.app.marker(c.name).count()); i += 1) {
    await t.app.tabTo(t.app.groupIn(c.city), { max: 200 });
    await t.page.keyboard.press('Enter');
    await t.app.settled();
  }
  const marker = t.app.marker(c.name);
  await t.app.tabTo(marker, { max: 200 });
  await t.page.keyboard.press('Enter');
  await expect(() => t.app.detail(c.name).isVisible(), 'detail open');
  assert.equal(await t.app.listItem(c.name).getAttribute('aria-current'), 'true');
  await t.app.expectFocusVisible();
});

test('the map pans with the arrow keys and zooms with +', async () => {
  await t.app.open('country=KZ');
  // Two centers of the first view drawn on their own (not in a group): so they stay when zoomed in.
  const alone = [];
  await expect(async () => {
    alone.length = 0;
    for (const x of dataset.centers.filter((y) => y.country === 'KZ')) if (await t.app.marker(x.name).count()) alone.push(x);
    return alone.length >= 2;
  }, 'two markers of their own');
  // '+' zooms about the map's middle: the marker nearest it stays in view and moves away from
  // it twice as far (one near the edge leaves the view; checking two of them passed only when
  // caught mid-animation).
  const mid = await t.page.locator('.leaflet-container').boundingBox();
  const off = async (c) => {
    const m = await t.app.marker(c.name).boundingBox();
    return Math.hypot(m.x + m.width / 2 - (mid.x + mid.width / 2), m.y + m.height / 2 - (mid.y + mid.height / 2));
  };
  const offs = new Map();
  for (const c of alone) offs.set(c, await off(c));
  const [a] = [...alone].sort((p, q) => offs.get(p) - offs.get(q));
  await skipToResults();
  // The map itself takes focus after the list (Leaflet's keyboard control).
  await t.app.tabTo(async () => (await t.app.hasFocusWithin(t.app.map)) && !(await t.app.hasFocusWithin(t.app.map.getByRole('button'))), { max: 200 });
  const x = async () => (await t.app.marker(a.name).boundingBox()).x;
  const before = await x();
  await t.page.keyboard.press('ArrowRight');
  await expect(async () => (await x()) < before - 20, 'ArrowRight pans east: markers move left');
  // The pan animates: measure once the marker stands still.
  let last = -1;
  await expect(async () => {
    const now = await off(a);
    const still = Math.abs(now - last) < 0.5;
    last = now;
    return still;
  }, 'the pan done');
  const near = last;
  assert.ok(near > 10, `${a.name} is ${near} px from the middle`);
  await t.page.keyboard.press('+');
  await expect(async () => (await t.app.marker(a.name).count()) === 1 && (await off(a)) > near * 1.5, '+ zooms in');
  await t.app.expectFocusVisible();
});

test('the embed dialog opens by keyboard, keeps focus inside, and closes by its button and by Escape with focus back on the opener', async () => {
  // A country chosen, so that its lock has a value to fix (an empty facet's lock is disabled).
  await t.app.open('country=KZ');
  await skipToResults();
  // The editors' tools come before the results, after the filters and panels.
  const opener = t.page.getByRole('button', { name: tr('embed_open') });
  await t.app.tabTo(opener, { back: true });
  await t.page.keyboard.press('Enter');
  const dialog = t.page.getByRole('dialog', { name: tr('embed_heading') });
  await expect(() => dialog.getByLabel(tr('embed_code_label')).isVisible(), 'dialog open');
  assert.ok(await t.app.hasFocusWithin(dialog), 'focus moved into the dialog');
  await t.app.expectFocusVisible();
  // Space on a lock box changes the code.
  const lock = dialog.getByRole('group', { name: tr('embed_lock_legend'), exact: true }).getByRole('checkbox', { name: tr('country_legend') });
  await t.app.tabTo(lock);
  await t.page.keyboard.press('Space');
  await expect(async () => (await dialog.getByLabel(tr('embed_code_label')).inputValue()).includes('lock=country'), 'code locks the country');
  // Modal: Tab and Shift+Tab never reach the page behind it (past its last control focus may
  // leave for the browser's own toolbar, which is not the page).
  for (const key of [...Array(14).fill('Tab'), ...Array(14).fill('Shift+Tab')]) {
    await t.page.keyboard.press(key);
    const f = await t.app.focused();
    if (f) {
      assert.ok(await t.app.hasFocusWithin(dialog), `${key} left the dialog for ${f.what}`);
      await t.app.expectFocusVisible();
    }
  }
  await t.app.tabTo(dialog.getByRole('button', { name: tr('embed_close') }));
  await t.page.keyboard.press('Enter');
  await expect(async () => !(await dialog.isVisible()), 'closed by its button');
  assert.ok(await t.app.hasFocus(opener), 'focus back on "Embed this map"');
  await t.app.expectFocusVisible();
  await t.page.keyboard.press('Enter');
  await expect(() => dialog.getByLabel(tr('embed_code_label')).isVisible(), 'open again');
  await t.page.keyboard.press('Escape');
  await expect(async () => !(await dialog.isVisible()), 'closed by Escape');
  assert.ok(await t.app.hasFocus(opener), 'focus back on "Embed this map"');
  await t.app.expectFocusVisible();
});

test('the referral sheet opens from the detail by keyboard with focus on its heading; Back returns focus to where it was opened', async () => {
  const c = dataset.centers.find((x) => x.id === 'umc-heart-center-astana');
  await t.app.open();
  await skipToResults();
  await t.app.tabTo(t.app.listItem(c.name));
  await t.page.keyboard.press('Enter');
  const open = t.app.detail(c.name).getByRole('button', { name: tr('referral_open') });
  await t.app.tabTo(open, { max: 200 });
  await t.page.keyboard.press('Enter');
  const heading = t.page.getByRole('heading', { level: 2, name: new RegExp(`^${c.name}`) });
  await expect(() => t.app.hasFocus(heading), 'focus on the sheet\'s heading');
  await t.app.expectFocusVisible();
  const back = t.page.getByRole('button', { name: tr('referral_back') });
  await t.app.tabTo(back, { back: true });
  await t.page.keyboard.press('Enter');
  await expect(() => t.app.detail(c.name).isVisible(), 'back on the map with the detail');
  await expect(() => t.app.hasFocus(open), 'focus back on the detail\'s "referral sheet" button', 2000);
  await t.app.expectFocusVisible();
});

/** The sidebar's disclosure whose summary says `text` (a summary has no role to find it by). */
const summary = (text) => t.page.getByText(text, { exact: true });

/** Whether the disclosure of `s` (a summary) is open. */
const isOpen = (s) => s.evaluate((el) => el.parentElement.open);

test('near me by keyboard: a home city typed into its chooser sorts the list; "Use my location" keeps focus and sorts from the position', async () => {
  await t.context.grantPermissions(['geolocation'], { origin: new URL(t.server.url).origin });
  await t.context.setGeolocation({ latitude: 38.5598, longitude: 68.787 }); // Dushanbe
  try {
    await t.app.open();
    const city = t.page.getByLabel(tr('near_city_label'));
    await t.app.tabTo(city);
    // Typing a city's first letters chooses it, as in any select.
    await t.page.keyboard.type('Alm');
    await expect(async () => new URL(t.page.url()).searchParams.get('near') === 'Almaty', 'near=Almaty');
    await expect(async () => (await t.app.list.getByRole('listitem').first().textContent()).includes(tr('near_in_home_city')), 'nearest first, in the city');
    const firstRow = await t.app.list.getByRole('listitem').first().textContent();
    assert.ok(dataset.centers.some((c) => c.city === 'Almaty' && firstRow.startsWith(c.name)), `an Almaty center first: ${firstRow}`);
    const locate = t.page.getByRole('button', { name: tr('near_use_location') });
    await t.app.tabTo(locate);
    await t.page.keyboard.press('Enter');
    await expect(() => t.page.getByRole('status').filter({ hasText: tr('near_sorted_here') }).isVisible(), 'sorted from the position');
    assert.ok(await t.app.hasFocus(locate), 'focus stays on "Use my location"');
    await t.app.expectFocusVisible();
    const nearest = await t.app.list.getByRole('listitem').first().textContent();
    assert.ok(dataset.centers.some((c) => c.city === 'Dushanbe' && nearest.startsWith(c.name)), `a Dushanbe center first: ${nearest}`);
  } finally {
    await t.context.clearPermissions();
  }
});

test('the events panel by keyboard: Enter opens it, a city button shows the city, a center button opens its detail', async () => {
  const e = dataset.events.find((x) => x.id === 'kazakh-medicine-days-tajikistan');
  await t.app.open();
  const events = summary(tr('events_summary', { count: dataset.events.length }));
  await t.app.tabTo(events);
  await t.page.keyboard.press('Enter');
  await expect(() => isOpen(events), 'panel open');
  const cityButton = t.page.getByRole('button', { name: tr('event_show_city', { city: e.cities[0] }) });
  await t.app.tabTo(cityButton);
  await t.page.keyboard.press('Enter');
  const local = dataset.centers.filter((c) => c.city === e.cities[0]);
  const far = dataset.centers.find((c) => c.city === 'Tashkent');
  await expect(async () => !(await t.app.isInside(t.app.marker(far.name), t.app.map)), 'zoomed in on the city: Tashkent out of view');
  await expect(async () => {
    for (const c of local) if (await t.app.isInside(t.app.marker(c.name).or(t.app.groupIn(c.city)).first(), t.app.map)) return true;
    return false;
  }, `a center of ${e.cities[0]} in view`);
  assert.ok(await t.app.focused(), 'focus stays on the page');
  await t.app.expectFocusVisible();
  const c = dataset.centers.find((x) => x.id === e.centers[0]);
  const centerButton = t.page.getByRole('listitem').filter({ has: t.page.getByRole('heading', { name: e.title }) }).getByRole('button', { name: c.name, exact: true });
  await t.app.tabTo(centerButton);
  await t.page.keyboard.press('Enter');
  await expect(() => t.app.detail(c.name).isVisible(), 'detail open');
  await t.app.expectFocusVisible();
});

test('the hubs panel by keyboard: Enter opens it, a host center button opens its detail', async () => {
  const h = dataset.hubs.find((x) => x.host && dataset.centers.some((c) => c.id === x.host));
  const host = dataset.centers.find((c) => c.id === h.host);
  await t.app.open();
  const hubs = summary(tr('hubs_summary', { count: dataset.hubs.length }));
  await t.app.tabTo(hubs);
  await t.page.keyboard.press('Space');
  await expect(() => isOpen(hubs), 'panel open');
  const button = t.page.getByRole('listitem').filter({ has: t.page.getByRole('heading', { name: h.name }) }).getByRole('button', { name: host.name, exact: true });
  await t.app.tabTo(button);
  await t.page.keyboard.press('Enter');
  await expect(() => t.app.detail(host.name).isVisible(), 'host detail open');
  assert.equal(await t.app.listItem(host.name).getAttribute('aria-current'), 'true');
  await t.app.expectFocusVisible();
});

test('downloads by keyboard: Enter opens them, Enter on one saves the file', async () => {
  await t.app.open('country=TJ');
  const downloads = summary(tr('download_summary'));
  await t.app.tabTo(downloads);
  await t.page.keyboard.press('Enter');
  await expect(() => isOpen(downloads), 'downloads open');
  const csv = t.page.getByRole('button', { name: tr('download_csv') });
  await t.app.tabTo(csv);
  const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^shifo-centers-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await (await download.createReadStream()).toArray()).join('');
  const tj = dataset.centers.filter((c) => c.country === 'TJ');
  assert.equal(text.trim().split(/\r\n/).length, tj.length + 1, 'a header and one row per center shown');
  assert.ok(await t.app.hasFocus(csv), 'focus stays on the button');
  await t.app.expectFocusVisible();
});

test('partnerships by keyboard: Tab reaches a line, Enter shows its popup and Escape returns; Space on the switch hides and shows the lines', async () => {
  const p = dataset.partnerships.find((x) => x.scope);
  const center = (id) => dataset.centers.find((c) => c.id === id);
  const line = t.app.map.getByRole('button', { name: tr('partnership_label', { a: center(p.a).name, b: center(p.b).name }), exact: true });
  const lines = t.app.map.getByRole('button', { name: new RegExp(`^${tr('partnership_label').split('{{')[0]}`) });
  await t.app.open();
  await expect(async () => (await lines.count()) === dataset.partnerships.length, 'lines drawn');
  await skipToResults();
  await t.app.tabTo(line, { max: 300 });
  await t.page.keyboard.press('Enter');
  const scope = t.app.map.getByText(p.scope, { exact: true });
  await expect(() => scope.isVisible(), 'popup shown');
  await expect(() => scope.evaluate((el) => document.activeElement !== document.body && document.activeElement.contains(el)), 'focus on the popup');
  await t.page.keyboard.press('Escape');
  await expect(async () => !(await scope.isVisible()), 'popup closed');
  assert.ok(await t.app.hasFocus(line), 'focus back on the line');
  await t.app.expectFocusVisible();
  const toggle = t.page.getByRole('checkbox', { name: tr('layer_partnerships') });
  await t.app.tabTo(toggle, { max: 300 });
  await t.page.keyboard.press('Space');
  await expect(async () => (await lines.count()) === 0, 'lines hidden');
  assert.equal(await toggle.isChecked(), false);
  await t.app.expectFocusVisible();
  await t.page.keyboard.press('Space');
  await expect(async () => (await lines.count()) === dataset.partnerships.length, 'lines back');
  await t.app.expectFocusVisible();
});

test('on a phone the list/map switch works by keyboard, and focus stays visible on it', async () => {
  await t.page.setViewportSize({ width: 375, height: 667 });
  await t.app.open();
  const [list, map] = [t.app.paneSwitch('list'), t.app.paneSwitch('map')];
  await t.app.tabTo(map);
  await t.page.keyboard.press('Enter');
  await expect(() => t.app.map.isVisible(), 'map shown');
  assert.equal(await map.getAttribute('aria-pressed'), 'true');
  assert.equal(await t.app.list.isVisible(), false);
  assert.ok(await t.app.hasFocus(map), 'focus stays on the switch');
  await t.app.expectFocusVisible();
  await t.app.tabTo(list, { back: true });
  await t.page.keyboard.press('Space');
  await expect(() => t.app.list.isVisible(), 'list shown');
  assert.equal(await list.getAttribute('aria-pressed'), 'true');
  await t.app.expectFocusVisible();
});

for (const [what, query] of [
  ['the dark theme', 'theme=dark'],
  ['a light accent in the full app', 'accent=ffeb3b'],
  ['embed mode, a light accent and the dark theme', 'embed=1&accent=ffeb3b&theme=dark'],
]) {
  test(`with ${what} every focus ring on the way from the page's start to a marker keeps 3:1`, async () => {
    const c = dataset.centers.find((x) => x.id === 'pediatric-oncohematology-osh');
    // One country's centers: the map draws each on its own. The way to the marker passes the
    // map's own controls (zoom) after the list and the panels.
    await t.app.open(`${query}&country=${c.country}`, { waitReady: false });
    await expect(async () => (await t.app.map.getByRole('button').count()) > 2, 'markers drawn');
    const events = summary(tr('events_summary', { count: dataset.events.length }));
    await t.app.tabTo(events);
    await t.page.keyboard.press('Enter');
    await t.app.tabTo(t.app.marker(c.name).or(t.app.groupIn(c.city)), { max: 300 });
  });
}

for (const [size, viewport] of [['1280x800', { width: 1280, height: 800 }], ['1024x700', { width: 1024, height: 700 }]]) {
  test(`at ${size}, Shift+Tab up the list never leaves the focused item under the sticky count`, async () => {
    await t.page.setViewportSize(viewport);
    await t.app.open();
    const count = t.app.resultCount();
    const items = t.app.list.getByRole('button');
    await items.nth(20).focus();
    for (let i = 0; i < 12; i += 1) {
      await t.page.keyboard.press('Shift+Tab');
      const focused = await t.page.evaluate(() => {
        const r = document.activeElement.getBoundingClientRect();
        return { top: r.top, inList: !!document.activeElement.closest('[role="list"], ul') };
      });
      if (!focused.inList) break;
      const bar = await count.boundingBox();
      assert.ok(focused.top >= bar.y + bar.height - 1, `press ${i + 1}: focused item at ${focused.top}, the count ends at ${bar.y + bar.height}`);
    }
  });
}
