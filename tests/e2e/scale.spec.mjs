// 50,000 synthetic centers (the core's generator, the real schema): what the map and the list
// count after each filter is exactly what the data says. Correctness only; speed is measured
// by `npm run bench`, never asserted here.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';
import { groupCount, groupName } from './support/shifo-page.mjs';

const N = 50_000;
const root = resolve(import.meta.dirname, '../..');
const file = resolve(root, `target/e2e-data/synth-${N}.json`);
let body;
let data;

before(() => {
  if (!existsSync(file)) {
    mkdirSync(resolve(root, 'target/e2e-data'), { recursive: true });
    const json = execFileSync('cargo', ['run', '-q', '-p', 'shifo-core', '--bin', 'shifo-data', '--', 'synth', String(N), '--seed', '1'],
      { cwd: root, maxBuffer: 1 << 26 });
    writeFileSync(file, json);
  }
  body = readFileSync(file);
  data = JSON.parse(body);
});

const t = useApp();

/** Opens the app on the synthetic dataset and waits (loading 20 MB takes seconds) for it. */
async function open(query = '') {
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await t.page.goto(t.server.url + (query ? `?${query}` : ''));
  await expect(() => t.app.resultCount().isVisible(), 'result count visible', 60_000);
}

/** The centers a filter should give, by the data itself. */
function expected({ specialty, country, pediatric } = {}) {
  return data.centers.filter((c) => (!specialty || c.specialties.includes(specialty))
    && (!country || c.country === country)
    && (!pediatric || c.pediatric?.treats_children === true)).length;
}

// A group's accessible name: "<N centers> here: zoom in", or with its cities, in the locale
// file's words.
const groupNamed = groupName();
// Leaflet's own zoom buttons, which are not marks.
const ZOOM_BUTTONS = new Set(['Zoom in', 'Zoom out']);

/** What the map draws, read by accessible name: groups with their counts, and single centers. */
async function mapMarks() {
  const names = (await t.app.map.getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? e.textContent)))
    .filter((name) => !ZOOM_BUTTONS.has(name));
  let grouped = 0;
  let groups = 0;
  let singles = 0;
  for (const name of names) {
    const m = name.match(groupNamed);
    if (m) {
      groups += 1;
      grouped += groupCount(m);
    } else {
      singles += 1;
    }
  }
  return { groups, grouped, singles, total: grouped + singles };
}

/** Asserts the count, the list and the map all say `n` (the view fits the results). */
async function expectCounts(n) {
  await expect(async () => (await t.app.resultCount().textContent()) === trCount('results_count', n), `count is ${n}`, 30_000);
  const rows = t.app.list.getByRole('listitem');
  await expect(async () => (await rows.first().getAttribute('aria-setsize')) === String(n), `list says ${n} in all`);
  // Windowed: only about a screenful of rows exists.
  const inDom = await rows.count();
  assert.ok(inDom > 0 && inDom < 60, `${inDom} rows in the DOM`);
  await expect(async () => (await mapMarks()).total === n, `map groups and markers add up to ${n}`, 30_000);
  const marks = await mapMarks();
  assert.ok(marks.groups > 0 && marks.groups + marks.singles < 1000, `drawn: ${JSON.stringify(marks)}`);
}

test(`${N} centers: map, list and count agree, unfiltered and after each filter`, async () => {
  await open();
  await expectCounts(N);
  assert.ok(await t.app.map.getByRole('list', { name: tr('legend_label') }).getByText(tr('legend_cluster')).isVisible());

  const code = 'pediatric-oncology';
  const label = data.specialties.find((s) => s.code === code).label;
  await t.page.getByRole('group', { name: tr('specialty_legend'), exact: true }).getByRole('checkbox', { name: new RegExp(`^${label} \\d+$`) }).check();
  await expectCounts(expected({ specialty: code }));

  await t.app.countryBox('KZ').check();
  await expectCounts(expected({ specialty: code, country: 'KZ' }));

  await t.app.pediatricBox().check();
  await expectCounts(expected({ specialty: code, country: 'KZ', pediatric: true }));

  await t.app.clearAll.click();
  await expectCounts(N);
});

test(`${N} centers: choosing a group zooms in to it; the list reaches its last row`, async () => {
  await open('country=TJ');
  const n = expected({ country: 'TJ' });
  await expectCounts(n);
  const group = t.app.map.getByRole('button', { name: groupNamed }).first();
  const name = await group.getAttribute('title');
  const m = name.match(groupNamed);
  const count = groupCount(m);
  await group.click();
  // The group's members are now spread over the view: no group by that name, and at least
  // its count drawn.
  await expect(async () => (await t.app.map.getByRole('button', { name, exact: true }).count()) === 0, 'the group split');
  const after = await mapMarks();
  assert.ok(after.total >= count && after.total <= n, JSON.stringify(after));

  // The last result is reachable by scrolling, and says where it stands.
  await t.app.list.evaluate((ul) => ul.lastElementChild?.scrollIntoView());
  await t.app.scrollResults();
  await expect(async () => (await t.app.list.locator(`[aria-posinset="${n}"]`).count()) === 1, `row ${n} rendered`);
});
