// A site owner's own dataset: `data=<url>` loads only from an origin the deployment lists in
// config.json. The data is served from a second localhost port (another origin, with CORS).
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { useApp } from './support/fixture.mjs';
import { dataset, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
let dataHost;
afterEach(async () => {
  await dataHost?.close();
  dataHost = undefined;
});

/** Serves `body` as /centers.json on another port, readable cross-origin. */
async function serveData(body) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: `${origin}/centers.json`, origin, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

/** The deployment's config.json, as the site owner would write it. */
async function allow(origins) {
  const body = JSON.stringify({ datasets: { allowed_origins: origins } });
  await t.page.route('**/config.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
}

// Three of the bundled centers, as a ministry's own file.
const own = { ...dataset, version: 'ministry-1', centers: dataset.centers.filter((c) => c.country === 'TJ').slice(0, 3).map((c) => ({ ...c, part_of: undefined })), hubs: [], partnerships: [], events: [] };

test('a dataset from an origin the config allows is loaded, and links keep it', async () => {
  dataHost = await serveData(JSON.stringify(own));
  await allow([dataHost.origin]);
  await t.app.open(`data=${encodeURIComponent(dataHost.url)}`);
  await t.app.expectShown(own.centers);
  assert.ok((await t.page.getByRole('contentinfo').textContent()).includes('ministry-1'));
  await t.app.countryBox('TJ').check();
  assert.ok(new URL(t.page.url()).searchParams.get('data') === dataHost.url, 'the link still names the dataset');
});

test('a dataset from any other origin is refused, said so, and the bundled one shown', async () => {
  dataHost = await serveData(JSON.stringify(own));
  await allow(['https://data.health.gov.kz']);
  await t.app.open(`data=${encodeURIComponent(dataHost.url)}`);
  const alert = t.page.getByRole('alert');
  await expect(() => alert.isVisible(), 'refusal shown');
  assert.equal(await alert.textContent(), tr('data_refused', { url: dataHost.url }));
  await t.app.expectShown(dataset.centers);
});

test('without a config, only the app\'s own origin may serve data; a non-URL is named as such', async () => {
  await t.page.route('**/config.json', (r) => r.fulfill({ status: 404, body: 'no' }));
  dataHost = await serveData(JSON.stringify(own));
  await t.app.open(`data=${encodeURIComponent(dataHost.url)}`);
  await expect(async () => (await t.page.getByRole('alert').textContent()) === tr('data_refused', { url: dataHost.url }), 'refused');
  await t.page.goto(`${t.server.url}?data=${encodeURIComponent('javascript:alert(1)')}`);
  await expect(async () => (await t.page.getByRole('alert').textContent()) === tr('data_not_url', { url: 'javascript:alert(1)' }), 'not a URL');
  await t.app.expectShown(dataset.centers);
  // The missing config.json is this test's own doing; the browser logs each 404.
  const staged = t.errors.filter((e) => /404.*config\.json/.test(e));
  assert.equal(staged.length, 2);
  t.errors.splice(0, t.errors.length, ...t.errors.filter((e) => !staged.includes(e)));
});

test('an allowed dataset with errors lists them (validator messages) and shows the rest', async () => {
  const broken = { ...own, centers: own.centers.map((c, i) => (i === 1 ? { ...c, lat: 123 } : c)) };
  dataHost = await serveData(JSON.stringify(broken, null, 2));
  await allow([dataHost.origin]);
  await t.app.open(`data=${encodeURIComponent(dataHost.url)}`);
  const alert = t.page.getByRole('alert');
  await expect(() => alert.isVisible(), 'problems shown');
  assert.ok((await alert.textContent()).includes(trCount('problems_heading', 1)));
  assert.ok((await alert.textContent()).includes(tr('problem_bad_coordinates', { lat: 123, lon: own.centers[1].lon })));
  await t.app.expectShown([own.centers[0], own.centers[2]]);
});
