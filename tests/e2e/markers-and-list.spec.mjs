// Every center of the dataset appears once on the map and once in the list, with tiles offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { useApp } from './support/fixture.mjs';
import { dataset, isolate, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

test('the page shows every center once in the list and on the map, on its own or in a group', async () => {
  await t.app.open();
  await t.app.expectShown(dataset.centers);
  // The attribution the tile policy requires is on the map even though no tile loaded.
  assert.ok(await t.app.map.getByRole('link', { name: 'OpenStreetMap' }).isVisible());
});

test('a legend says in words what the marker colours mean, groups included when the map shows them', async () => {
  // The whole region groups the centers whose markers would overlap: the legend says what a
  // group is. The one center of Khorog, found by its city, is drawn on its own: it does not.
  await t.app.open();
  const legend = t.app.map.getByRole('list', { name: tr('legend_label') });
  const items = [tr('legend_pediatric'), tr('legend_other'), tr('legend_selected')];
  await expect(async () => JSON.stringify(await legend.getByRole('listitem').allTextContents()) === JSON.stringify([...items, tr('legend_cluster')]), 'the legend with groups');
  assert.equal(dataset.centers.filter((c) => c.city === 'Khorog').length, 1);
  await t.app.search.fill('Khorog');
  await expect(async () => JSON.stringify(await legend.getByRole('listitem').allTextContents()) === JSON.stringify(items), 'the legend without groups');
});

test('the footer names the dataset version and date', async () => {
  await t.app.open();
  const footer = t.page.getByRole('contentinfo');
  assert.match(await footer.textContent(), new RegExp(tr('footer_dataset', { version: isolate(dataset.version), updated: isolate(dataset.updated) }).replace(/[.]/g, '\\.')));
});

test('a screenshot of the main view is saved as an artifact', async () => {
  await t.app.open();
  await mkdir('test-results', { recursive: true });
  await t.page.screenshot({ path: 'test-results/main-view.png' });
});
