// Loading states: an indicator, then a clear located error with a retry that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const URL_PATH = 'data/centers.json';

test('a 404 dataset shows the error, and retry succeeds once the file is back', async () => {
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ status: 404, body: 'not found' }));
  await t.app.open('', { waitReady: false });
  const alert = t.page.getByRole('alert');
  await expect(() => alert.isVisible(), 'error shown');
  assert.equal(await alert.getByRole('heading').textContent(), tr('error_heading'));
  assert.ok((await alert.textContent()).includes(tr('error_http', { url: URL_PATH, status: 404, status_text: 'Not Found' })));
  await t.page.unroute('**/data/centers.json');
  await alert.getByRole('button', { name: tr('retry') }).click();
  await t.app.expectShown(dataset.centers);
  assert.equal(await t.page.getByRole('alert').count(), 0);
});

test('a 500 names the status', async () => {
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ status: 500, body: 'oops' }));
  await t.app.open('', { waitReady: false });
  await expect(async () => (await t.page.getByRole('alert').textContent()).includes('HTTP 500'), '500 shown');
});

test('a file that is not JSON shows line and column', async () => {
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ body: '{\n  "schema_version": 1,\n  oops\n}', contentType: 'application/json' }));
  await t.app.open('', { waitReady: false });
  await expect(async () => (await t.page.getByRole('alert').textContent()).includes('line 3, column 3'), 'location shown');
});

/** Line and column (1-based, in characters) where `needle` starts in `text`. */
function where(text, needle) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: [...before.at(-1)].length + 1 };
}

test('a file of the wrong shape lists each problem with its place', async () => {
  const text = JSON.stringify({ schema_version: 1, version: 'x', updated: '2026-01-01', specialties: [], centers: [{ id: 'a' }] }, null, 2);
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ body: text, contentType: 'application/json' }));
  await t.app.open();
  const alert = t.page.getByRole('alert');
  const { line, column } = where(text, '{\n      "id": "a"');
  // Eight required fields are missing, each reported at the center's opening brace; the page
  // lists the first five and counts the rest.
  const missing = ['name', 'country', 'city', 'lat', 'lon', 'precision', 'specialties', 'sources'];
  assert.ok((await alert.textContent()).includes(trCount('problems_heading', missing.length)));
  assert.deepEqual(await alert.getByRole('listitem').allTextContents(),
    missing.slice(0, 5).map((f) => `line ${line}, column ${column}: $.centers[0].${f}: missing required field "${f}"`));
  assert.ok((await alert.textContent()).includes(tr('problems_more', { count: 3 })));
  await t.app.expectShown([]);
});

test('one broken center: its error is shown with line and column, and every other center still shows', async () => {
  const broken = structuredClone(dataset);
  broken.centers[2].specialties = ['no-such-specialty'];
  // Served as the bundled file is, pretty-printed, so the location is a real line.
  const text = JSON.stringify(broken, null, 2);
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ body: text, contentType: 'application/json' }));
  await t.app.open();
  const alert = t.page.getByRole('alert');
  assert.ok((await alert.textContent()).includes(trCount('problems_heading', 1)));
  const { line, column } = where(text, '"no-such-specialty"');
  assert.deepEqual(await alert.getByRole('listitem').allTextContents(),
    [`line ${line}, column ${column}: $.centers[2].specialties[0]: unknown specialty code "no-such-specialty"`]);
  await t.app.expectShown(dataset.centers.filter((_, i) => i !== 2));
});

// The plain address shows the page's first view while the dataset loads (first-view.spec.mjs);
// a link naming a dataset has none, and the app says it is loading.
test('a loading indicator shows while a dataset named in the link loads', async () => {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await t.page.route('**/data/centers.json', async (r) => { await gate; await r.continue(); });
  await t.app.open('data=data%2Fcenters.json', { waitReady: false });
  await expect(() => t.page.getByRole('status').filter({ hasText: tr('loading') }).isVisible(), 'loading shown');
  release();
  await t.app.expectShown(dataset.centers);
});
