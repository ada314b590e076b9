// WCAG 2.1 AA: axe-core finds no violation in any view (main, a center's detail, filters in use,
// the events and hubs panels and downloads open, the list sorted by distance, the dark theme,
// embedded, the embed dialog, the referral sheet, another language, a marker's and a
// partnership line's popup), on a laptop and a phone; the list says in words everything the map
// shows by position and colour, and children's markers are told apart without colour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { centerOfMarker, childrenBadge, dataset, labelIn, markerName, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';
import { describeViolations } from './support/shifo-page.mjs';

const t = useApp();

const PHONE = { width: 375, height: 667 };

/** Whether the phone layout is on (its list/map switch shown). */
const onPhone = () => t.app.paneSwitch('list').isVisible();

/** Whether the phone layout shows its list pane. */
const listPane = async () => (await onPhone()) && (await t.app.paneSwitch('list').getAttribute('aria-pressed')) === 'true';

/** Waits until the page a person sees is built: the map's markers and, tiles failing offline,
 *  its note and outlines; on a phone showing its list, the list. The pane is asked again on every
 *  poll: a link with a center starts on the list and moves to the map once the data is in. */
async function settled(lang = 'en') {
  const listDrawn = async () => (await t.page.getByRole('list', { name: tr('results_list_label', {}, lang) }).getByRole('button').count()) > 0;
  const mapDrawn = async () =>
    (await t.page.getByRole('region', { name: tr('map_label', {}, lang) }).getByRole('button').count()) > 0 &&
    t.page.getByRole('status').filter({ hasText: tr('tiles_failed', {}, lang) }).isVisible();
  await expect(async () => ((await listPane()) ? listDrawn() : mapDrawn()), 'the visible pane drawn');
}

/** Scans what is on screen; on a phone then switches to the other pane and scans that too. */
async function expectNoViolationsInPanes(what) {
  await expectNoViolations(what);
  if (!(await onPhone())) return;
  const other = (await listPane()) ? 'map' : 'list';
  await t.app.paneSwitch(other).click();
  await settled();
  await expectNoViolations(`${what}, ${other} pane`);
}

/** Asserts axe finds nothing; otherwise says what, where and how to fix it. */
async function expectNoViolations(what) {
  const violations = await t.app.axeViolations();
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s) in ${what}:\n${describeViolations(violations)}`);
}

for (const [size, viewport] of [['1280x800', null], ['375x667', PHONE]]) {
  test(`the main view has no violations at ${size}`, async () => {
    if (viewport) await t.page.setViewportSize(viewport);
    await t.app.open();
    await settled();
    await expectNoViolationsInPanes(`the main view at ${size}`);
  });

  test(`the filters in use have no violations at ${size}`, async () => {
    if (viewport) await t.page.setViewportSize(viewport);
    await t.app.open();
    await settled();
    // On a phone the filters are a sheet: scanned open, with choices made in it.
    const phone = await onPhone();
    if (phone) await t.page.getByRole('button', { name: tr('filters_heading'), exact: true }).click();
    await t.app.countryBox('KZ').check();
    await t.app.pediatricBox().check();
    await t.app.search.fill('national');
    await t.app.closeSuggestions();
    if (phone) {
      await expectNoViolations(`the open filter sheet at ${size}`);
      await t.page.keyboard.press('Escape');
    }
    const kz = dataset.centers.filter((c) => c.country === 'KZ');
    await expect(async () => (await t.app.list.getByRole('button').count()) < kz.length, 'filtered');
    // Text typed and found is highlighted in the list: the marks must keep their contrast.
    await expect(async () => (await t.app.list.locator('mark').count()) > 0, 'matches highlighted');
    await expectNoViolations(`the filters in use at ${size}`);
    // Nothing found: the notice and its button.
    if (phone) await t.page.getByRole('button', { name: tr('filters_open_count', { count: 3 }) }).click();
    await t.app.search.fill('zzzzqqq');
    if (phone) await t.page.keyboard.press('Escape');
    await expect(() => t.page.getByText(tr('no_results')).isVisible(), 'no results');
    await expectNoViolations(`the filters finding nothing at ${size}`);
  });
}

test('a center\'s detail opened by its link has no violations', async () => {
  const c = dataset.centers.find((x) => x.id === 'proton-therapy-center-astana');
  await t.app.open(`center=${c.id}`);
  await expect(() => t.app.detail(c.name).isVisible(), 'detail open');
  await settled();
  await expectNoViolations(`the detail of ${c.id}`);
});

test('a center\'s detail chosen from the list has no violations on a phone', async () => {
  // The center with units, hubs and the most fields.
  const c = dataset.centers.find((x) => x.id === 'nroc-astana');
  await t.page.setViewportSize(PHONE);
  await t.app.open();
  await settled();
  await t.app.listItem(c.name).click();
  await expect(() => t.app.detail(c.name).isVisible(), 'detail open');
  await expect(async () => (await t.app.map.getByRole('button').count()) > 0, 'markers drawn');
  await expectNoViolations(`the detail of ${c.id} at 375x667`);
});

test('the main view in Russian has no violations', async () => {
  await t.app.open('lang=ru', { waitReady: false });
  const count = t.page.getByRole('status').filter({ hasText: trCount('results_count', dataset.centers.length, 'ru') });
  await expect(() => count.isVisible(), 'Russian count shown');
  await settled('ru');
  assert.equal(await t.page.locator(':root').getAttribute('lang'), 'ru');
  await expectNoViolations('the main view in Russian');
});

for (const [what, query] of [
  ['embed mode', 'embed=1'],
  ['embed mode with a locked country and a center open, in the dark theme', 'embed=1&country=KZ&lock=country&theme=dark&center=nroc-astana'],
  // A site owner's light accent (as in embed.spec.mjs): text drawn in it must stay readable.
  ['embed mode with a light accent', 'embed=1&accent=ffeb3b'],
  ['embed mode with a light accent in the dark theme', 'embed=1&accent=ffeb3b&theme=dark'],
]) {
  for (const [size, viewport] of [['1280x800', null], ['375x667', PHONE]]) {
    test(`${what} has no violations at ${size}`, async () => {
      if (viewport) await t.page.setViewportSize(viewport);
      // A link with a center opens a phone on the map, where the count is not on screen.
      await t.app.open(query, { waitReady: false });
      await expect(() => t.page.getByRole('link', { name: tr('embed_open_full') }).isVisible(), 'embed bar');
      if (query.includes('center=')) await expect(async () => !(await onPhone()) || !(await listPane()), 'the linked center shown on the map');
      await settled();
      assert.ok(await t.page.getByRole('link', { name: tr('embed_open_full') }).isVisible(), 'the embed bar is shown');
      await expectNoViolationsInPanes(`${what} at ${size}`);
    });
  }
}

test('the open embed dialog has no violations', async () => {
  await t.app.open();
  await settled();
  await t.page.getByRole('button', { name: tr('embed_open') }).click();
  const dialog = t.page.getByRole('dialog', { name: tr('embed_heading') });
  await expect(() => dialog.getByLabel(tr('embed_code_label')).isVisible(), 'dialog open with its code');
  await expectNoViolations('the embed dialog');
});

test('the referral sheet has no violations', async () => {
  const c = dataset.centers.find((x) => x.id === 'proton-therapy-center-astana');
  await t.app.open(`center=${c.id}&sheet=1`, { waitReady: false });
  await expect(() => t.page.getByRole('heading', { name: new RegExp(c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).isVisible(), 'sheet shown');
  await expect(() => t.page.getByRole('img', { name: tr('referral_qr_label') }).isVisible(), 'QR code drawn');
  await expectNoViolations('the referral sheet');
});

test('the list is the text alternative to the map: every marker is a list item saying in words what the colour says', async () => {
  await t.app.open();
  await settled();
  const markers = await t.app.map.getByRole('button').evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? el.textContent));
  const onMap = markers.map((m) => centerOfMarker(m)).filter(Boolean);
  assert.ok(onMap.length > 0, 'markers of centers drawn');
  for (const c of onMap) {
    assert.equal(await t.app.listItem(c.name).count(), 1, `"${c.name}" on the map and in the list`);
  }
  // Every center is in the list, whether its marker is drawn alone or in a group.
  assert.equal(await t.app.list.getByRole('button').count(), dataset.centers.length);
  // A purple marker means "treats children": the list item's description says it in words,
  // and the place and specialties too. The legend says what every marker means.
  const child = dataset.centers.find((c) => c.pediatric?.treats_children);
  const adult = dataset.centers.find((c) => !c.pediatric?.treats_children);
  const description = (c) => t.app.listItem(c.name).evaluate((el) =>
    el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | '));
  const childSays = await description(child);
  assert.ok(childSays.includes(childrenBadge(child)), childSays);
  assert.ok(childSays.includes(child.city), childSays);
  assert.ok(childSays.includes(labelIn(dataset.specialties.find((s) => s.code === child.specialties[0]), 'en')), childSays);
  assert.ok(!(await description(adult)).includes(tr('badge_pediatric')));
  const legend = t.page.getByRole('list', { name: tr('legend_label') });
  for (const key of ['legend_pediatric', 'legend_other', 'legend_selected']) {
    assert.ok(await legend.getByText(tr(key)).isVisible(), `legend says "${tr(key)}"`);
  }
  // The chosen center (an orange marker) is said too: the list item is the current one.
  await t.app.listItem(child.name).click();
  await expect(async () => (await t.app.listItem(child.name).getAttribute('aria-current')) === 'true', 'chosen item is current');
});

/** How a marker looks with hue taken away: the luminance (0 to 1) of its middle and of its
 *  fill between the middle and the edge, read from a screenshot of it. */
async function greyLook(marker) {
  const png = await marker.screenshot();
  return t.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const lum = (x, y) => {
      const [r, g, b] = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    const [cx, cy] = [img.width / 2, img.height / 2];
    return { middle: lum(cx, cy), fill: lum(cx - img.width * 0.3, cy) };
  }, png.toString('base64'));
}

test('a marker of a center that treats children is told apart without colour: a glyph in it and the words in its name', async () => {
  // Turkmenistan: Turkmenbashi's and Balkanabat's centers are each alone in their city; their
  // group, chosen, parts them (the others are in their cities' groups).
  const child = dataset.centers.find((x) => x.id === 'turkmenbashi-multiprofile-hospital');
  const other = dataset.centers.find((x) => x.id === 'balkan-oncology-hospital');
  assert.ok(child.pediatric?.treats_children && !other.pediatric?.treats_children);
  await t.app.open('country=TM');
  await settled();
  // Names: "(Treats children)" after the name of every such center drawn on its own (the
  // rest are in their city's group), and only theirs.
  await t.app.showMarker(child);
  for (const c of [child, other]) {
    await expect(async () => (await t.app.map.getByRole('button', { name: markerName(c), exact: true }).count()) === 1, `marker named "${markerName(c)}"`);
  }
  let own = 0;
  for (const c of dataset.centers.filter((x) => x.country === 'TM')) {
    if (!(await t.app.map.getByRole('button', { name: markerName(c), exact: true }).count())) continue;
    own += 1;
    assert.equal(/Treats children/.test(markerName(c)), !!c.pediatric?.treats_children);
  }
  assert.ok(own >= 2, `${own} markers of their own`);
  const childMarker = t.app.map.getByRole('button', { name: markerName(child), exact: true });
  const otherMarker = t.app.map.getByRole('button', { name: markerName(other), exact: true });
  assert.equal(await childMarker.getAttribute('title'), `\u2068${child.name}\u2069 (${tr('badge_pediatric')})`, 'the tooltip says it too');
  assert.equal(await otherMarker.getAttribute('title'), other.name);
  // The glyph is no extra text for a screen reader: the button is its name alone.
  assert.equal(await childMarker.ariaSnapshot(), `- button "${markerName(child)}"`);
  // Seen in grey: the children's marker has a light mark in its middle, set off from its fill;
  // the other marker is one tone throughout.
  const [c, o] = [await greyLook(childMarker), await greyLook(otherMarker)];
  assert.ok(c.middle > 0.85 && c.middle - c.fill > 0.4, `children's marker: middle ${c.middle}, fill ${c.fill}`);
  assert.ok(Math.abs(o.middle - o.fill) < 0.1, `other marker: middle ${o.middle}, fill ${o.fill}`);
  // Chosen (orange), it keeps the mark; the legend shows the same mark beside its words.
  await t.app.listItem(child.name).click();
  await expect(async () => (await t.app.listItem(child.name).getAttribute('aria-current')) === 'true', 'chosen');
  await expect(async () => (await childMarker.count()) === 1 && (await t.app.isInside(childMarker, t.app.map)), 'chosen marker in view');
  const chosen = await greyLook(childMarker);
  assert.ok(chosen.middle > 0.85 && chosen.middle - chosen.fill > 0.3, `chosen children's marker: middle ${chosen.middle}, fill ${chosen.fill}`);
  // (The swatch is decoration, hidden from screen readers, so it has no role to find it by.)
  const entry = t.page.getByRole('list', { name: tr('legend_label') }).getByRole('listitem').filter({ hasText: tr('legend_pediatric') });
  const swatch = await greyLook(entry.locator('[aria-hidden="true"]'));
  assert.ok(swatch.middle > 0.85 && swatch.middle - swatch.fill > 0.4, `legend swatch: middle ${swatch.middle}, fill ${swatch.fill}`);
});

/** Waits until the map's popup showing `text` is open and has faded in (axe reads colours). */
async function popupShown(text) {
  const shown = t.app.map.getByText(text, { exact: true });
  await expect(async () => (await shown.isVisible())
    && (await shown.evaluate((el) => {
      let opacity = 1;
      for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      return opacity;
    })) === 1, `popup with "${text}" shown`);
}

/** Opens the sidebar's disclosure whose summary says `text`. */
async function openDisclosure(text) {
  const summary = t.page.getByText(text, { exact: true });
  await summary.click();
  await expect(async () => (await summary.evaluate((s) => s.parentElement.open)) === true, `"${text}" open`);
}

for (const [size, viewport] of [['1280x800', null], ['375x667', PHONE]]) {
  test(`the events panel, open, has no violations at ${size}`, async () => {
    if (viewport) await t.page.setViewportSize(viewport);
    await t.app.open();
    await settled();
    await openDisclosure(tr('events_summary', { count: dataset.events.length }));
    await expect(() => t.page.getByRole('heading', { level: 3, name: dataset.events[0].title }).isVisible(), 'events listed');
    await expectNoViolations(`the open events panel at ${size}`);
  });

  test(`the hubs panel, open, has no violations at ${size}`, async () => {
    if (viewport) await t.page.setViewportSize(viewport);
    await t.app.open();
    await settled();
    await openDisclosure(tr('hubs_summary', { count: dataset.hubs.length }));
    await expect(() => t.page.getByRole('heading', { level: 3, name: dataset.hubs[0].name }).isVisible(), 'hubs listed');
    await expectNoViolations(`the open hubs panel at ${size}`);
  });

  test(`the downloads, open, have no violations at ${size}`, async () => {
    if (viewport) await t.page.setViewportSize(viewport);
    await t.app.open();
    await settled();
    await openDisclosure(tr('download_summary'));
    await expect(() => t.page.getByRole('button', { name: tr('download_csv') }).isVisible(), 'downloads offered');
    await expectNoViolations(`the open downloads at ${size}`);
  });

  test(`the list sorted by distance from a city has no violations at ${size}`, async () => {
    if (viewport) await t.page.setViewportSize(viewport);
    await t.app.open();
    await settled();
    // On a phone the home city is chosen in the filter sheet.
    const phone = await onPhone();
    if (phone) await t.page.getByRole('button', { name: tr('filters_heading'), exact: true }).click();
    await t.page.getByLabel(tr('near_city_label')).selectOption({ label: 'Almaty' });
    if (phone) await t.page.keyboard.press('Escape');
    await expect(() => t.app.list.getByText(new RegExp(`^${tr('near_km', { km: '\\d+' })}$`)).first().isVisible(), 'distances shown');
    await expectNoViolationsInPanes(`the list sorted near Almaty at ${size}`);
  });

  test(`the dark theme of the full app has no violations at ${size}`, async () => {
    if (viewport) await t.page.setViewportSize(viewport);
    await t.app.open('theme=dark&near=Astana&pediatric=1&q=national');
    await settled();
    assert.equal(await t.page.locator(':root').getAttribute('data-theme'), 'dark');
    assert.ok(await t.page.getByRole('banner').isVisible(), 'the full app, with its header');
    await expect(async () => (await t.app.list.locator('mark').count()) > 0, 'matches highlighted');
    await openDisclosure(tr('events_summary', { count: dataset.events.length }));
    await openDisclosure(tr('hubs_summary', { count: dataset.hubs.length }));
    await openDisclosure(tr('download_summary'));
    await expectNoViolationsInPanes(`the dark theme at ${size}`);
  });
}

test('a marker\'s popup, open, has no violations', async () => {
  // A hub host that treats children: name, place, specialties and both badges in the popup.
  const c = dataset.centers.find((x) => x.id === 'umc-heart-center-astana');
  // Chosen from the list, its marker stands beside its city's group, above it, so that the
  // popup (which opens upwards) covers no other marker.
  await t.app.open('country=KZ');
  await settled();
  await t.app.listItem(c.name).click();
  await expect(async () => (await t.app.marker(c.name).count()) === 1, 'its marker drawn');
  await t.app.marker(c.name).click();
  await popupShown(c.name);
  await expectNoViolations(`the popup of ${c.id}`);
});

test('the dark theme\'s detail and marker popup have no violations', async () => {
  const c = dataset.centers.find((x) => x.id === 'umc-heart-center-astana');
  await t.app.open(`theme=dark&center=${c.id}`);
  await expect(() => t.app.detail(c.name).isVisible(), 'detail open');
  await settled();
  await t.app.marker(c.name).click();
  await popupShown(c.name);
  await expectNoViolations(`the dark detail and popup of ${c.id}`);
});

test('a partnership line\'s popup, open, has no violations', async () => {
  const p = dataset.partnerships.find((x) => x.scope);
  const name = (id) => dataset.centers.find((c) => c.id === id).name;
  await t.app.open();
  await settled();
  const line = t.app.map.getByRole('button', { name: tr('partnership_label', { a: name(p.a), b: name(p.b) }), exact: true });
  await line.focus();
  await t.page.keyboard.press('Enter');
  await popupShown(p.scope);
  await expectNoViolations('a partnership line\'s popup');
});
