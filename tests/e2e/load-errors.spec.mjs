// Loading states: an indicator, then a clear located error with a retry that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr } from './support/locale.mjs';
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

test('JSON of the wrong shape shows where', async () => {
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ json: { schema_version: 1, version: 'x', updated: 'y', specialties: [], centers: [{ id: 'a' }] } }));
  await t.app.open('', { waitReady: false });
  await expect(async () => /line 1, column \d+: missing field `name`/.test(await t.page.getByRole('alert').textContent()), 'shape error shown');
});

test('a center with a problem is set aside and the others still show', async () => {
  const broken = structuredClone(dataset);
  broken.centers[2].specialties = ['no-such-specialty'];
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ json: broken }));
  await t.app.open();
  const alert = t.page.getByRole('alert');
  assert.ok((await alert.textContent()).includes('centers[2].specialties[0]: unknown specialty code "no-such-specialty"'));
  await t.app.expectShown(dataset.centers.filter((_, i) => i !== 2));
});

test('a loading indicator shows while the dataset loads', async () => {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await t.page.route('**/data/centers.json', async (r) => { await gate; await r.continue(); });
  await t.app.open('', { waitReady: false });
  await expect(() => t.page.getByRole('status').filter({ hasText: tr('loading') }).isVisible(), 'loading shown');
  release();
  await t.app.expectShown(dataset.centers);
});
