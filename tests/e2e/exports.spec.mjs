// Exports: the centers shown download as CSV and GeoJSON, the events as an .ics calendar; made
// in the browser from the loaded data, in the reader's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp } from './support/fixture.mjs';
import { dataset, nameIn, rawDataset, textOf, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

/** Opens "Download", clicks `label`, and resolves to the file's name and text. */
async function download(label, lang = 'en') {
  const summary = t.page.getByText(tr('download_summary', {}, lang), { exact: true });
  if (!(await t.page.getByRole('button', { name: tr(label, {}, lang) }).isVisible())) await summary.click();
  const [file] = await Promise.all([
    t.page.waitForEvent('download'),
    t.page.getByRole('button', { name: tr(label, {}, lang) }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { rows.at(-1).push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') {
      rows.at(-1).push(field); field = ''; rows.push([]); i += 1;
    } else field += ch;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field); else rows.pop();
  return rows;
}

const tajik = dataset.centers.filter((c) => c.country === 'TJ');

test('the centers shown download as CSV, in the chosen language, one row each', async () => {
  // The Russian texts (addresses among them) come after the map, fetched on demand.
  const russian = t.page.waitForResponse((r) => r.url().endsWith('/data/translations/ru.json'));
  await t.app.open('country=TJ&lang=ru', { waitReady: false });
  await (await russian).finished();
  await expect(() => t.page.getByText(trCount('results_count', tajik.length, 'ru'), { exact: true }).isVisible(), 'Tajik centers shown');
  await t.app.settled();
  const { name, text } = await download('download_csv', 'ru');
  assert.equal(name, `shifo-centers-${dataset.updated}.csv`);
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark, so spreadsheets read Cyrillic right');
  const [header, ...rows] = parseCsv(text.slice(1));
  for (const column of ['id', 'name', 'name_local', 'country', 'city', 'lat', 'lon', 'specialties', 'treats_children', 'website', 'sources', 'permalink']) {
    assert.ok(header.includes(column), `column ${column}`);
  }
  const col = (row, c) => row[header.indexOf(c)];
  assert.deepEqual(rows.map((r) => col(r, 'id')).sort(), tajik.map((c) => c.id).sort(), 'exactly the centers shown');
  for (const row of rows) {
    const c = tajik.find((x) => x.id === col(row, 'id'));
    assert.equal(col(row, 'name'), c.name);
    assert.equal(col(row, 'name_local'), nameIn(c, 'ru'));
    assert.equal(Number(col(row, 'lat')), c.lat);
    assert.equal(Number(col(row, 'lon')), c.lon);
    assert.equal(col(row, 'specialties'), c.specialties.join('; '));
    assert.equal(col(row, 'permalink'), `${t.server.url}?center=${c.id}&lang=ru`);
    // The address in Russian: as written, or translated (unmarked, like the other texts).
    const address = rawDataset.centers.find((x) => x.id === c.id).address;
    assert.equal(col(row, 'address'), address ? textOf(address.ru) : '', `${c.id}: the address in Russian`);
  }
});

test('the centers shown download as GeoJSON points at their coordinates', async () => {
  await t.app.open('country=TJ');
  await t.app.pediatricBox().check();
  const shown = tajik.filter((c) => c.pediatric?.treats_children);
  await t.app.expectShown(shown);
  const { name, text } = await download('download_geojson');
  assert.equal(name, `shifo-centers-${dataset.updated}.geojson`);
  const geo = JSON.parse(text);
  assert.equal(geo.type, 'FeatureCollection');
  assert.deepEqual(geo.features.map((f) => f.id).sort(), shown.map((c) => c.id).sort());
  for (const f of geo.features) {
    const c = shown.find((x) => x.id === f.id);
    assert.deepEqual(f.geometry, { type: 'Point', coordinates: [c.lon, c.lat] }, 'RFC 7946: longitude first');
    assert.equal(f.properties.name, c.name);
    assert.deepEqual(f.properties.specialties, c.specialties);
    assert.equal(f.properties.treats_children, true);
  }
});

test('the events download as a calendar with one all-day event per dated event', async () => {
  await t.app.open('lang=ru', { waitReady: false });
  await expect(() => t.page.getByText(trCount('results_count', dataset.centers.length, 'ru'), { exact: true }).isVisible(), 'centers shown');
  // The Russian texts come after the map (fetched on demand): the reader sees the events
  // panel titled in Russian before downloading.
  await t.page.getByText(tr('events_summary', { count: dataset.events.length }, 'ru'), { exact: true }).click();
  const first = dataset.events.find((e) => e.titles?.ru);
  await expect(() => t.page.getByRole('heading', { name: first.titles.ru, exact: true }).isVisible(), 'events titled in Russian');
  const { name, text } = await download('download_ics', 'ru');
  assert.equal(name, `shifo-events-${dataset.updated}.ics`);
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.trimEnd().endsWith('END:VCALENDAR'));
  assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const dated = dataset.events.filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.start ?? ''));
  assert.equal(unfolded.match(/^BEGIN:VEVENT$/gm).length, dated.length);
  // The others are not left out silently: the downloads say how many go in (review defect 17).
  const note = tr('download_ics_note', { dated: dated.length, total: dataset.events.length }, 'ru');
  assert.ok(await t.page.getByText(note, { exact: true }).isVisible(), `"${note}"`);
  for (const e of dated) {
    assert.ok(unfolded.includes(`UID:${e.id}@shifo`), e.id);
    assert.ok(unfolded.includes(`DTSTART;VALUE=DATE:${e.start.replaceAll('-', '')}`), `${e.id} starts ${e.start}`);
    const title = (e.titles?.ru ?? e.title).replace(/([,;\\])/g, '\\$1');
    assert.ok(unfolded.includes(`SUMMARY:${title}`), `${e.id} titled in Russian`);
  }
});

test('nothing is sent anywhere: a download makes no request', async () => {
  await t.app.open();
  const requests = [];
  t.page.on('request', (r) => { if (!/tile\.openstreetmap/.test(r.url())) requests.push(r.url()); });
  await download('download_csv');
  await download('download_geojson');
  await download('download_ics');
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:')), []);
});

test('sorted nearest first, the CSV rows follow the list\'s order', async () => {
  await t.app.open('country=TJ&near=Khujand');
  const names = await t.app.list.getByRole('button').allTextContents();
  const { text } = await download('download_csv');
  const [header, ...rows] = parseCsv(text.slice(1));
  const byId = Object.fromEntries(tajik.map((c) => [c.id, c.name]));
  assert.deepEqual(rows.filter((r) => r.length > 1).map((r) => byId[r[header.indexOf('id')]]), names, 'the list\'s order');
});
