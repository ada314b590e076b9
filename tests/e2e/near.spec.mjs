// Near me: a home city from the region's cities, or the browser's position after permission;
// the list sorted by great-circle distance with the km shown, said to be in a straight line, or
// "in your city" for the home city's own centers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, haversineKm, isolate, places, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const citySelect = () => t.page.getByLabel(tr('near_city_label'));

/** The oracle: every center by distance from `from` (stable, as listed), with whole km, or
 *  'city' for a center in the home city `home` (English, as the dataset writes it). */
function nearest(from, home) {
  return dataset.centers
    .map((c, i) => ({ c, i, km: haversineKm(from, { lat: c.lat, lon: c.lon }) }))
    .sort((x, y) => x.km - y.km || x.i - y.i)
    .map(({ c, km }) => ({ name: c.name, km: c.city === home ? 'city' : Math.round(km) }));
}

/** The results list in `lang`. */
const list = (lang = 'en') => t.page.getByRole('list', { name: tr('results_list_label', {}, lang) });

/** How far each row of the list says it is, in order: km (0: "under 1 km"), 'city' ("in your
 *  city"), or null (none said). Grouped digits ("1,974", "1 974") are read as the number. */
async function kmShown(lang = 'en') {
  const km = new RegExp(`^${tr('near_km', { km: '([\\d,\u00a0 ]+)' }, lang)}$`);
  const out = [];
  for (const row of await list(lang).getByRole('listitem').all()) {
    const distance = row.getByText(km);
    if (await distance.count()) {
      out.push(Number((await distance.textContent()).match(km)[1].replace(/[,\s]/g, '')));
    } else if (await row.getByText(tr('near_in_home_city', {}, lang), { exact: true }).count()) {
      out.push('city');
    } else if (await row.getByText(tr('near_under_1_km', {}, lang), { exact: true }).count()) {
      out.push(0);
    } else {
      out.push(null);
    }
  }
  return out;
}

/** Whether the list's rows are `want` in its order (each row found by its name) with its km. */
async function listIs(want, lang = 'en') {
  const rows = list(lang).getByRole('button');
  if ((await rows.count()) !== want.length) return false;
  for (const [i, { name }] of want.entries()) {
    if ((await rows.nth(i).and(list(lang).getByRole('button', { name, exact: true })).count()) !== 1) return false;
  }
  return JSON.stringify(await kmShown(lang)) === JSON.stringify(want.map((x) => x.km));
}

test('choosing a home city sorts the list by distance from it, with km', async () => {
  await t.app.open();
  await citySelect().selectOption({ label: 'Almaty' });
  const want = nearest(places.Almaty, 'Almaty');
  await expect(() => listIs(want), 'sorted from Almaty');
  // The first are Almaty's own centers, "in your city"; Astana is about 974 km off.
  assert.equal(want[0].km, 'city');
  assert.ok(want.some((x) => x.km >= 1000), 'some over 1,000 km, its digits grouped');
  const status = t.page.getByRole('status').filter({ hasText: tr('near_sorted_city', { city: isolate('Almaty') }) });
  assert.ok(await status.isVisible());
  assert.equal(new URL(t.page.url()).searchParams.get('near'), 'Almaty');
});

test('the city stays with the link and in another language; Not chosen restores the order', async () => {
  await t.app.open('near=Dushanbe&lang=ru', { waitReady: false });
  const want = nearest(places.Dushanbe, 'Dushanbe').map((x) => x.km);
  await expect(async () => JSON.stringify(await kmShown('ru')) === JSON.stringify(want), 'sorted from Dushanbe');
  // The chooser names the city in Russian.
  assert.equal(await t.page.getByLabel(tr('near_city_label', {}, 'ru')).evaluate((s) => s.selectedOptions[0].textContent), 'Душанбе');
  await t.page.getByLabel(tr('near_city_label', {}, 'ru')).selectOption({ label: tr('near_none', {}, 'ru') });
  await expect(async () => (await kmShown('ru')).every((km) => km === null), 'no km shown');
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
    await expect(() => listIs(want), 'sorted from the position');
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
  const before = dataset.centers.map((c) => ({ name: c.name, km: null }));
  assert.ok(await listIs(before), 'dataset order, no km');
  await t.page.getByRole('button', { name: tr('near_use_location') }).click();
  await expect(() => t.page.getByRole('status').filter({ hasText: tr('near_denied') }).isVisible(), 'denied message');
  assert.ok(await listIs(before), 'the list as it was');
});

test('the page never asks for the position by itself: not on load, not with a city in the link, only on "Use my location"', async () => {
  await t.context.grantPermissions(['geolocation'], { origin: new URL(t.server.url).origin });
  await t.context.setGeolocation({ latitude: 43.2389, longitude: 76.8897 });
  // Counts every call to the browser's geolocation before the app's code runs.
  await t.page.addInitScript(() => {
    window.__geolocationCalls = 0;
    const geo = navigator.geolocation;
    for (const name of ['getCurrentPosition', 'watchPosition']) {
      const real = geo[name].bind(geo);
      geo[name] = (...args) => { window.__geolocationCalls += 1; return real(...args); };
    }
  });
  const calls = () => t.page.evaluate(() => window.__geolocationCalls);
  try {
    for (const query of ['', 'near=Almaty', 'pediatric=1&country=KZ', 'center=nroc-astana']) {
      await t.app.open(query);
      await expect(async () => (await t.app.map.getByRole('button').count()) > 0, 'markers drawn');
      await t.app.settled();
      assert.equal(await calls(), 0, `no geolocation request on loading ?${query}`);
    }
    await t.app.open();
    await t.page.getByRole('button', { name: tr('near_use_location') }).click();
    await expect(async () => (await calls()) === 1, 'asked once, on the button');
  } finally {
    await t.context.clearPermissions();
  }
});
