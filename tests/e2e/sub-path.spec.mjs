// Hosted under a sub-path, as a ministry's site would put it (https://moh.example/shifo/): the
// page, its code, the dataset, the translations and the condition vocabulary all load from
// under that path, and nothing is asked of the site's root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, nameIn, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const PREFIX = '/shifo/';
const t = useApp({ prefix: PREFIX });

test('under /shifo/ the app loads, searches by condition, opens a center and switches language, asking nothing outside it', async () => {
  const asked = [];
  t.page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.hostname === '127.0.0.1') asked.push(url.pathname);
  });
  assert.ok(t.server.url.endsWith(PREFIX));
  await t.app.open();
  assert.ok(await t.page.getByRole('status').filter({ hasText: trCount('results_count', dataset.centers.length) }).isVisible());
  // The condition vocabulary came from beside the page: "ТКМ" reads as a transplant.
  await t.app.search.fill('ТКМ');
  const bmt = dataset.centers.filter((c) => c.specialties.some((s) => s.startsWith('bmt-')));
  await expect(() => t.page.getByRole('status').filter({ hasText: new RegExp(`^${trCount('results_count', bmt.length)}$`) }).isVisible(), `${bmt.length} transplant centers`);
  // A center's link, in Russian: its translations come from under the prefix too.
  const c = dataset.centers.find((x) => x.id === 'vakhidov-center-of-surgery-tashkent');
  await t.page.goto(`${t.server.url}?center=${c.id}&lang=ru`);
  await expect(() => t.page.getByRole('heading', { level: 2, name: nameIn(c, 'ru') }).isVisible(), 'the center opened in Russian');
  await expect(() => asked.some((p) => p === `${PREFIX}data/translations/ru.json`), 'Russian texts fetched');
  // The interface's Russian texts too (a file of the build, not in the code).
  assert.ok(asked.some((p) => new RegExp(`^${PREFIX}locales/ru\\.[0-9a-f]{16}\\.txt$`).test(p)), 'Russian interface texts fetched under the prefix');
  const outside = asked.filter((p) => !p.startsWith(PREFIX));
  assert.deepEqual(outside, [], 'nothing asked outside the sub-path');
  for (const file of ['data/centers.json', 'data/conditions.json']) {
    assert.ok(asked.includes(`${PREFIX}${file}`), `${file} fetched under the prefix`);
  }
  assert.ok(await t.page.getByRole('region', { name: tr('reach_heading', {}, 'ru') }).isVisible());
});
