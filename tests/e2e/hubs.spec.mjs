// International hubs: a panel with every hub, a badge on host centers and a filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const hosted = dataset.hubs.filter((h) => h.host && dataset.centers.some((c) => c.id === h.host));
const hostOf = (h) => dataset.centers.find((c) => c.id === h.host);

test('the hubs panel lists every hub with its status and host', async () => {
  await t.app.open();
  await t.page.getByText(tr('hubs_summary', { count: dataset.hubs.length }), { exact: true }).click();
  for (const h of dataset.hubs) {
    const item = t.page.getByRole('listitem').filter({ has: t.page.getByRole('heading', { name: h.name, exact: true }) });
    const text = await item.textContent();
    assert.ok(text.includes(tr(`hub_${h.status}`)), `${h.id} says ${h.status}`);
    if (hostOf(h)) assert.ok(await item.getByRole('button', { name: hostOf(h).name }).isVisible());
    else assert.ok(text.includes(tr('hub_no_host')), `${h.id} has no host`);
  }
  const h = hosted[0];
  await t.page.getByRole('listitem').filter({ has: t.page.getByRole('heading', { name: h.name }) })
    .getByRole('button', { name: hostOf(h).name }).click();
  await expect(() => t.app.detail(hostOf(h).name).isVisible(), 'host detail open');
});

test('a host center carries the hub badge in the list, and only hosts do', async () => {
  await t.app.open();
  for (const c of dataset.centers) {
    const hosts = hosted.some((h) => h.host === c.id);
    const badge = t.app.row(c.name).getByText(tr('badge_hub'), { exact: true });
    assert.equal(await badge.count(), hosts ? 1 : 0, `${c.id} badge`);
  }
});

test('the hub filter shows exactly its host, survives a reload and is cleared by Clear all', async () => {
  await t.app.open();
  const h = hosted[0];
  const box = t.page.getByRole('group', { name: tr('hub_legend'), exact: true }).getByRole('checkbox', { name: new RegExp(`^${h.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 1$`) });
  await box.check();
  await t.app.expectShown([hostOf(h)]);
  assert.ok(new URL(t.page.url()).searchParams.get('hub') === h.id);
  await t.page.reload();
  await t.app.expectShown([hostOf(h)]);
  await t.app.clearAll.click();
  await expect(async () => (await t.app.resultCount().textContent()) === trCount('results_count', dataset.centers.length), 'all back');
});

test('a link with an unknown or host-less hub drops it', async () => {
  const hostless = dataset.hubs.find((h) => !h.host);
  await t.app.open(`hub=no-such-hub,${hostless.id}`);
  await expect(async () => (await t.app.resultCount().textContent()) === trCount('results_count', dataset.centers.length), 'nothing filtered');
  assert.equal(new URL(t.page.url()).searchParams.get('hub'), null);
});

test("a host center's marker popup carries the hub badge, and another center's does not", async () => {
  const host = hostOf(hosted[0]);
  const other = dataset.centers.find((c) => c.city === host.city && !hosted.some((h) => h.host === c.id));
  for (const [c, hosts] of [[host, true], [other, false]]) {
    await t.app.open(`country=${c.country}`);
    await (await t.app.showMarker(c)).click();
    const popup = t.app.map.getByText(c.name, { exact: true });
    await expect(() => popup.isVisible(), `popup of ${c.id} open`);
    const badge = t.app.map.getByText(tr('badge_hub'), { exact: true });
    await expect(async () => (await badge.count()) === (hosts ? 1 : 0), `${c.id}: hub badge ${hosts ? '' : 'not '}shown`);
    if (hosts) assert.ok(await badge.isVisible());
  }
});
