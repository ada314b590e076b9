// Every center of the dataset appears once on the map and once in the list, with tiles offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { useApp } from './support/fixture.mjs';
import { dataset, tr } from './support/locale.mjs';

const t = useApp();

test('the page shows one marker and one list item per center', async () => {
  await t.app.open();
  await t.app.expectShown(dataset.centers);
  // The attribution the tile policy requires is on the map even though no tile loaded.
  assert.ok(await t.app.map.getByRole('link', { name: 'OpenStreetMap' }).isVisible());
});

test('the footer names the dataset version and date', async () => {
  await t.app.open();
  const footer = t.page.getByRole('contentinfo');
  assert.match(await footer.textContent(), new RegExp(tr('footer_dataset', { version: dataset.version, updated: dataset.updated }).replace(/[.]/g, '\\.')));
});

test('a screenshot of the main view is saved as an artifact', async () => {
  await t.app.open();
  await mkdir('test-results', { recursive: true });
  await t.page.screenshot({ path: 'test-results/main-view.png' });
});
