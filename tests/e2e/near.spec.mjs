// Near me: a home city from the region's cities, or the browser's position after permission;
// the list sorted by great-circle distance with the km shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, haversineKm, isolate, places, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const citySelect = () => t.page.getByLabel(tr('near_city_label'));

/** The oracle: every center by distance from `from` (stable, as listed), with whole km. */
function nearest(from) {
  return dataset.centers
    .map((c, i) => ({ c, i, km: haversineKm(from, { lat: c.lat, lon: c.lon }) }))
    .sort((x, y) => x.km - y.km || x.i - y.i)
    .map(({ c, km }) => ({ name: c.name, km: Math.round(km) }));
}

/** The list as shown: names and the km of each row. */
async function shown(lang = 'en') {
  const list = t.page.getByRole('list', { name: tr('results_list_label', {}, lang) });
  const rows = await list.getByRole('button').all();
  const out = [];
  for (const r of rows) {
    const name = (await r.locator('.result-name').textContent());
    const place = await r.locator('.result-place').textContent();
    const km = place.match(new RegExp(`^${tr('near_km', { km: '(\\d+)' }, lang)}`));
    out.push({ name, km: km ? Number(km[1]) : null });
  }
  return out;
}

test('choosing a home city sorts the list by distance from it, with km', async () => {
  await t.app.open();
  await citySelect().selectOption({ label: 'Almaty' });
  const want = nearest(places.Almaty);
  await expect(async () => JSON.stringify(await shown()) === JSON.stringify(want), 'sorted from Almaty');
  // The first are Almaty's own centers, a few km away; Astana is about 974 km off.
  assert.equal(want[0].km < 30, true);
  const status = t.page.getByRole('status').filter({ hasText: tr('near_sorted_city', { city: isolate('Almaty') }) });
  assert.ok(await status.isVisible());
  assert.equal(new URL(t.page.url()).searchParams.get('near'), 'Almaty');
});

test('the city stays with the link and in another language; Not chosen restores the order', async () => {
  await t.app.open('near=Dushanbe&lang=ru', { waitReady: false });
  const want = nearest(places.Dushanbe).map((x) => x.km);
  await expect(async () => JSON.stringify((await shown('ru')).map((x) => x.km)) === JSON.stringify(want), 'sorted from Dushanbe');
  // The chooser names the city in Russian.
  assert.equal(await t.page.getByLabel(tr('near_city_label', {}, 'ru')).evaluate((s) => s.selectedOptions[0].textContent), 'Душанбе');
  await t.page.getByLabel(tr('near_city_label', {}, 'ru')).selectOption({ label: tr('near_none', {}, 'ru') });
  await expect(async () => (await shown('ru')).every((x) => x.km === null), 'no km shown');
  assert.equal(new URL(t.page.url()).searchParams.get('near'), null);
});

test('"Use my location" sorts from the position and never puts it in the link', async () => {
  const here = { latitude: 40.2833, longitude: 69.6222 }; // Khujand's centre
  await t.context.grantPermissions(['geolocation'], { origin: new URL(t.server.url).origin });
  await t.context.setGeolocation(here);
  try {
    await t.app.open('near=Almaty');
    await t.page.getByRole('button', { name: tr('near_use_location') }).click();
    const want = nearest({ lat: here.latitude, lon: here.longitude });
    await expect(async () => JSON.stringify(await shown()) === JSON.stringify(want), 'sorted from the position');
    assert.ok(await t.page.getByRole('status').filter({ hasText: tr('near_sorted_here') }).isVisible());
    const url = t.page.url();
    assert.ok(!url.includes('near=') && !url.includes('40.28') && !url.includes('69.62'), `no position in ${url}`);
    assert.equal(await citySelect().evaluate((s) => s.selectedOptions[0].textContent), tr('near_here_option'));
  } finally {
    await t.context.clearPermissions();
  }
});

test('a refused position says so and leaves the list as it was', async () => {
  await t.context.clearPermissions();
  await t.app.open();
  const before = await shown();
  await t.page.getByRole('button', { name: tr('near_use_location') }).click();
  await expect(() => t.page.getByRole('status').filter({ hasText: tr('near_denied') }).isVisible(), 'denied message');
  assert.deepEqual(await shown(), before);
});
