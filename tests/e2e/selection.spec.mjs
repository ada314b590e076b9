// Choosing a marker opens its detail and highlights its list item; choosing an item opens the detail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { childrenBadge, dataset, isolate, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

test('clicking a marker opens its detail, highlights its list item and scrolls it into view', async () => {
  // The last item of its country's list is below the fold of the sidebar at 1280x800.
  const c = dataset.centers.at(-1);
  await t.app.open(`country=${c.country}`);
  assert.equal(await t.app.isInside(t.app.listItem(c.name), t.app.sidebar), false, 'starts out of view');
  await (await t.app.showMarker(c)).click();
  await expect(() => t.app.detail(c.name).isVisible(), 'detail open');
  assert.equal(await t.app.listItem(c.name).getAttribute('aria-current'), 'true');
  await expect(() => t.app.isInside(t.app.listItem(c.name), t.app.sidebar), 'item scrolled into view');
  // The popup shows name, city and specialties as text.
  const popup = t.app.map.getByText(`${c.city}, ${tr(`country_${c.country}`)}`);
  await expect(() => popup.isVisible(), 'popup with city');
  const label = dataset.specialties.find((s) => s.code === c.specialties[0]).label;
  assert.ok(await t.app.map.getByText(new RegExp(label)).first().isVisible());
  assert.ok(new URL(t.page.url()).search.includes(`center=${c.id}`));
});

test('a marker works from the keyboard', async () => {
  const c = dataset.centers.find((x) => x.id === 'pediatric-oncohematology-osh');
  await t.app.open(`country=${c.country}`);
  await (await t.app.showMarker(c)).focus();
  await t.page.keyboard.press('Enter');
  await expect(() => t.app.detail(c.name).isVisible(), 'detail open');
});

test('choosing a list item opens every field of its detail', async () => {
  const c = dataset.centers.find((x) => x.id === 'proton-therapy-center-astana');
  await t.app.open();
  await t.app.listItem(c.name).click();
  const detail = t.app.detail(c.name);
  await expect(() => detail.isVisible(), 'detail open');
  const text = await detail.textContent();
  for (const expected of [c.city, tr('country_KZ'), c.names.ru, c.summary, c.sources[0].title, c.sources[0].publisher, c.id]) {
    assert.ok(text.includes(expected), `detail shows ${expected}`);
  }
  for (const code of c.specialties) {
    assert.ok(text.includes(dataset.specialties.find((s) => s.code === code).label));
  }
  // What a referring doctor needs: capacity, children's services, sources, when last checked.
  const label = (code) => dataset.specialties.find((s) => s.code === code).label;
  for (const expected of [
    trCount('capacity_patients', c.capacity.patients_per_year),
    c.capacity.note,
    // What children receive: the `pediatric` services, then each `care` entry for children.
    tr('pediatric_services', { services: isolate([...new Set([...(c.pediatric.services ?? []), ...c.care.filter((k) => k.children).map((k) => k.code)])].map(label).join(', ')) }),
    tr('precision_city'),
    tr('detail_last_verified'),
    c.last_verified,
  ]) {
    assert.ok(text.includes(expected), `detail shows ${expected}`);
  }
  const web = c.sources.find((s) => s.url);
  assert.equal(await detail.getByRole('link', { name: web.title }).getAttribute('href'), web.url);
  await detail.getByRole('button', { name: tr('detail_close') }).click();
  await expect(async () => (await t.app.detail(c.name).count()) === 0, 'detail closed');
});

test('a unit links to the center it belongs to, and back', async () => {
  const unit = dataset.centers.find((x) => x.id === 'proton-therapy-center-astana');
  const parent = dataset.centers.find((x) => x.id === unit.part_of);
  await t.app.open(`center=${unit.id}`);
  await t.app.detail(unit.name).getByRole('button', { name: parent.name, exact: true }).click();
  const detail = t.app.detail(parent.name);
  await expect(() => detail.isVisible(), 'parent detail open');
  assert.ok((await detail.textContent()).includes(tr('detail_units')));
  assert.ok(await detail.getByRole('button', { name: unit.name, exact: true }).isVisible());
});

for (const status of ['proposed', 'designated']) {
  test(`a center hosting a ${status} international hub says so, with its date`, async () => {
    const hub = dataset.hubs.find((h) => h.host && h.status === status);
    const host = dataset.centers.find((x) => x.id === hub.host);
    await t.app.open(`center=${host.id}`);
    const text = await t.app.detail(host.name).textContent();
    assert.ok(text.includes(tr('detail_hubs')));
    assert.ok(text.includes(`${hub.name} (${tr(`hub_${status}`)}, ${hub.date})`), text);
  });
}

test('website and phone become https and tel: links; markup in data stays text; unsafe URLs are never links', async () => {
  const custom = structuredClone(dataset);
  const payload = '<img src=x onerror="window.__pwned=1">';
  custom.centers[0].website = 'https://example.org/center';
  custom.centers[0].phone = '+7 (7172) 70-29-00';
  custom.centers[0].email = 'info@example.org';
  custom.centers[1].name = payload;
  custom.centers[1].summary = payload;
  custom.centers[2].sources = [{ title: 'bad', url: 'javascript:window.__pwned=2' }];
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ json: custom }));
  await t.app.open(`center=${custom.centers[0].id}`);
  const detail = t.app.detail(custom.centers[0].name);
  assert.equal(await detail.getByRole('link', { name: 'https://example.org/center' }).getAttribute('href'), 'https://example.org/center');
  assert.equal(await detail.getByRole('link', { name: '+7 (7172) 70-29-00' }).getAttribute('href'), 'tel:+77172702900');
  assert.equal(await detail.getByRole('link', { name: 'info@example.org' }).getAttribute('href'), 'mailto:info@example.org');
  // Markup in a name reaches marker, popup, list and detail only as text.
  await (await t.app.showMarker(custom.centers[1])).click();
  await expect(() => t.app.map.getByText(payload, { exact: true }).isVisible(), 'popup shows the markup as text');
  await expect(() => t.app.detail(payload).getByText(payload, { exact: true }).first().isVisible(), 'detail shows it as text');
  assert.equal(await t.page.evaluate(() => window.__pwned), undefined);
  // The center with a javascript: source is set aside, and no javascript: link exists anywhere.
  assert.ok((await t.page.getByRole('alert').textContent()).includes('centers[2].sources[0].url'));
  assert.equal(await t.app.listItem(custom.centers[2].name).count(), 0);
  const hrefs = await t.page.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => !/^\s*(javascript|data):/i.test(h)), hrefs.join(' '));
});

test('choosing a list item pans the map to its center', async () => {
  const astana = dataset.centers.find((x) => x.id === 'proton-therapy-center-astana');
  const osh = dataset.centers.find((x) => x.id === 'pediatric-oncohematology-osh');
  // Only what is in view (with a margin) is drawn: a marker far outside it is not on the page.
  const inMap = async (name) => {
    if ((await t.app.marker(name).count()) === 0) return false;
    const [m, box] = [await t.app.map.boundingBox(), await t.app.marker(name).boundingBox()];
    return box.x >= m.x && box.y >= m.y && box.x + box.width <= m.x + m.width && box.y + box.height <= m.y + m.height;
  };
  await t.app.open();
  await t.app.listItem(astana.name).click();
  await expect(async () => !(await inMap(osh.name)), 'zoomed in on Astana, Osh out of view');
  await t.app.listItem(osh.name).click();
  await expect(() => inMap(osh.name), 'Osh marker in view');
  assert.ok(await t.app.detail(osh.name).isVisible());
  // The popup and the list say "treats children" in words, not only by marker colour.
  assert.ok((await t.app.row(osh.name).textContent()).includes(childrenBadge(osh)));
});

test('keyboard: choosing an item keeps focus on it; closing the detail returns focus there', async () => {
  const c = dataset.centers.find((x) => x.id === 'cardiology-center-karshi-branch');
  await t.app.open();
  const item = t.app.listItem(c.name);
  await item.focus();
  await t.page.keyboard.press('Enter');
  const detail = t.app.detail(c.name);
  await expect(() => detail.isVisible(), 'detail open');
  assert.ok(await item.evaluate((el) => el === document.activeElement), 'focus stays on the item');
  await detail.getByRole('button', { name: tr('detail_close') }).focus();
  await t.page.keyboard.press('Enter');
  await expect(async () => (await detail.count()) === 0, 'detail closed');
  assert.ok(await item.evaluate((el) => el === document.activeElement), 'focus back on the item');
  // Escape from inside the detail closes it too.
  await t.page.keyboard.press('Enter');
  await expect(() => detail.isVisible(), 'detail open again');
  await detail.getByRole('button', { name: tr('detail_close') }).focus();
  await t.page.keyboard.press('Escape');
  await expect(async () => (await detail.count()) === 0, 'closed by Escape');
});

test('the view fits the filtered centers, also while a detail is open', async () => {
  const kg = dataset.centers.filter((c) => c.country === 'KG');
  const kz = dataset.centers.filter((c) => c.country === 'KZ');
  await t.app.open();
  await t.app.expectInView(dataset.centers);
  await t.app.listItem(kz[0].name).click();
  await expect(() => t.app.detail(kz[0].name).isVisible(), 'detail open');
  await t.app.countryBox('KG').check();
  await t.app.expectShown(kg);
  await t.app.expectInView(kg);
  // Typing does not pull the map back to the open center either.
  await t.app.search.fill('osh');
  await t.app.expectInView(kg.filter((c) => c.city === 'Osh'));
});

test('choosing the open center again brings it back into view', async () => {
  const c = dataset.centers.find((x) => x.id === 'republican-scientific-oncological-center-dushanbe');
  const far = dataset.centers.find((x) => x.id === 'proton-therapy-center-astana');
  await t.app.open();
  await t.app.listItem(c.name).click();
  await t.app.expectInView([c]);
  // Pan away by hand: drag the map far to the west.
  const box = await t.app.map.boundingBox();
  await t.page.mouse.move(box.x + 200, box.y + 300);
  await t.page.mouse.down();
  await t.page.mouse.move(box.x + 800, box.y + 300, { steps: 5 });
  await t.page.mouse.up();
  await expect(async () => !(await t.app.isInside(t.app.marker(c.name), t.app.map)), 'panned away');
  await t.app.listItem(c.name).click();
  await t.app.expectInView([c]);
  assert.ok(far);
});

test('"Share" in a detail hands on the center\'s own link: copied where the browser has no share sheet, else through it', async () => {
  const c = dataset.centers.find((x) => x.id === 'nroc-astana');
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.server.url.replace(/\/$/, '') });
  // Filters in the address: the shared link is the center's own, not this view.
  await t.app.open(`country=KZ&center=${c.id}`);
  const detail = t.app.detail(c.name);
  await expect(() => detail.isVisible(), 'detail open');
  const link = `${t.server.url}?center=${c.id}&lang=en`;
  await t.page.evaluate(() => { delete Navigator.prototype.share; delete navigator.share; });
  await detail.getByRole('button', { name: tr('detail_share'), exact: true }).click();
  await expect(() => detail.getByRole('status').filter({ hasText: tr('detail_link_copied') }).isVisible(), 'said: copied');
  assert.equal(await t.page.evaluate(() => navigator.clipboard.readText()), link);
  // A phone's share sheet (WhatsApp, Telegram) gets the center's name and the same link.
  await t.page.evaluate(() => { navigator.share = (data) => { window.__shared = data; return Promise.resolve(); }; });
  await detail.getByRole('button', { name: tr('detail_share'), exact: true }).click();
  await expect(() => detail.getByRole('status').filter({ hasText: tr('compare_shared') }).isVisible(), 'said: shared');
  assert.deepEqual(await t.page.evaluate(() => window.__shared), { title: c.name, url: link });
  await t.context.clearPermissions();
});

for (const [size, viewport] of [['1280x800', { width: 1280, height: 800 }], ['1366x768', { width: 1366, height: 768 }], ['1024x700', { width: 1024, height: 700 }]]) {
  test(`at ${size} a chosen marker's popup stands beside the floating detail, not under it`, async () => {
    await t.page.setViewportSize(viewport);
    const c = dataset.centers.find((x) => x.id === 'nroc-astana');
    await t.app.open();
    const marker = await t.app.showMarker(c);
    await marker.click();
    const detail = t.app.detail(c.name);
    await expect(() => detail.isVisible(), 'detail open');
    await t.app.settled();
    const popup = t.app.map.getByText(c.name, { exact: true }).locator('xpath=ancestor::div[contains(@class, "leaflet-popup ")][1]');
    await expect(() => popup.isVisible(), 'popup open');
    const [p, d, m] = [await popup.boundingBox(), await detail.boundingBox(), await t.page.locator('.leaflet-container').boundingBox()];
    assert.ok(p.x + p.width <= d.x, `the popup ends at ${p.x + p.width}, the detail starts at ${d.x}`);
    assert.ok(p.x >= m.x, `the popup starts at ${p.x}, inside the map from ${m.x}`);
  });
}

test('coordinates and the permanent id are folded under "Data record", out of a family\'s way and one press away (review defect 30)', async () => {
  const c = dataset.centers.find((x) => x.id === 'nroc-astana');
  await t.app.open(`center=${c.id}`);
  const detail = t.app.detail(c.name);
  await expect(() => detail.isVisible(), 'detail open');
  const summary = detail.getByText(tr('detail_record'), { exact: true });
  assert.ok(await summary.isVisible(), 'the fold is there');
  const id = detail.getByText(c.id, { exact: true });
  assert.equal(await id.isVisible(), false, 'the id folded');
  await summary.click();
  await expect(() => id.isVisible(), 'the id shown once unfolded');
  assert.ok(await detail.getByText(new RegExp(`^${c.lat.toFixed(4)}, ${c.lon.toFixed(4)}`)).isVisible(), 'the coordinates too');
});
