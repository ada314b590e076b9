// Hostile data is inert: a dataset whose every free-text field carries markup, script and
// URL payloads, bidi overrides, zero-width characters and 10,000-character names is shown as
// text, never run, never turned into a link, and does not break the layout. Centers whose
// links the validator rejects (javascript:, data:) are set aside and listed as problems, the
// payload shown there as text too. The server sends no CSP here: the app's own handling of
// data is what is tested.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { dataset, tr, trCount, nameIn, LANGS } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

// ---- The payloads -------------------------------------------------------------------------

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const SVG = '"><svg onload=window.__pwned=1>';
const JS_URL = 'javascript:window.__pwned=1';
const DATA_URL = 'data:text/html,<script>window.__pwned=1</script>';
const ENTITY = '&lt;b&gt;';
const RLO = '\u202E';
const ZW = '\u200B\u200C\u200D\u2060\uFEFF';
// More of the same kind, for the fields that take any text.
const IFRAME = '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>';
const ANCHOR = `<a href="${JS_URL}">click</a>`;
const STYLE = '<style>*{display:none!important}</style>';
const ALL = [SCRIPT, IMG, SVG, JS_URL, DATA_URL, ENTITY, `${RLO}gpj.exe${ZW}`, IFRAME, ANCHOR, STYLE].join(' ');

/** The translated-text languages of the schema (`names`, `labels`, `titles` keys). */
const OTHER_LANGS = LANGS.filter((l) => l !== 'en');
/** A payload per language, each different, so a name in a language is recognisable. */
const perLang = (what) => Object.fromEntries(OTHER_LANGS.map((l, i) => [l, `${l}: ${[SCRIPT, IMG, SVG, ENTITY, IFRAME, ANCHOR][i % 6]} ${what}`]));

const LONG_SOLID = 'W'.repeat(10_000);
const LONG_SPACED = 'Wide words '.repeat(1000).slice(0, 10_000);
const BIDI = `${RLO}moc.elpmaxe${ZW}Clinic${RLO}`;

// ---- The dataset --------------------------------------------------------------------------

const HOSTILE_SPECIALTY = 'hostile-specialty';
const base = dataset.centers.find((c) => c.id === 'nroc-astana');

/** A center in central Kazakhstan (inside the country's box, away from the real ones), the
 *  `i`-th along a diagonal so that each has its own marker at the detail zoom. */
function hostile(i, id, name, extra = {}) {
  return {
    id,
    name,
    names: perLang(name.slice(0, 40)),
    country: 'KZ',
    city: `${IMG} City`,
    address: `${SVG} ${ENTITY} street ${RLO}3${ZW}`,
    lat: 47 + i * 0.4,
    lon: 66 + i * 0.4,
    precision: 'building',
    specialties: ['oncology', HOSTILE_SPECIALTY],
    pediatric: { treats_children: true, services: [HOSTILE_SPECIALTY] },
    capacity: { beds: 10, note: `${ALL} note` },
    languages: [SCRIPT, 'ru'],
    summary: `${ALL} summary`,
    // Valid http(s) URLs (no spaces), but trying to break out of the attribute.
    website: `https://example.org/"><svg/onload=window.__pwned=1>`,
    phone: '+7 7172 70 29 00',
    email: 'info@example.org',
    sources: [
      { title: `${SCRIPT} source`, url: 'https://example.org/?q=<script>window.__pwned=1</script>', date: '2025' },
      { title: `${IMG} seed`, file: `${SVG}.txt` },
    ],
    last_verified: '2026-01-01',
    ...extra,
  };
}

// Accepted: payloads only in free text, which the validator lets through.
const accepted = [
  hostile(0, 'hostile-script', SCRIPT, {
    // Keys are language codes; one that is markup becomes a lang attribute value, as text.
    names: { ...perLang('script center'), [IMG]: `${SVG} under a hostile key` },
  }),
  hostile(1, 'hostile-img', IMG),
  hostile(2, 'hostile-svg', SVG, { part_of: 'hostile-script' }),
  hostile(3, 'hostile-entity', `${ENTITY} Clinic &amp; <b>bold</b>`),
  hostile(4, 'hostile-js-name', JS_URL),
  hostile(5, 'hostile-data-name', DATA_URL),
  // Its city ends in an override that nothing closes, and the app writes "<city>, <country>".
  hostile(6, 'hostile-bidi', BIDI, { city: `${RLO}ytic${ZW}` }),
  hostile(7, 'hostile-long-solid', LONG_SOLID, { names: perLang('long') }),
  hostile(8, 'hostile-long-spaced', LONG_SPACED, { names: perLang('long spaced') }),
];

// Rejected: links that are not http(s), and contacts that are not contacts. Five errors in
// all, so the page lists every one (it shows five, then "and N more").
const rejected = [
  hostile(9, 'rejected-js-website', `${SCRIPT} rejected website`, { website: JS_URL }),
  hostile(10, 'rejected-data-website', `${IMG} rejected data website`, { website: DATA_URL }),
  hostile(11, 'rejected-js-source', `${SVG} rejected source`, {
    sources: [{ title: `${SCRIPT} source`, url: 'JaVaScRiPt:window.__pwned=1' }],
  }),
  hostile(12, 'rejected-contact', `${ENTITY} rejected contact`, { phone: JS_URL, email: `${JS_URL}@example.org` }),
];

const hostileData = {
  ...dataset,
  version: `${SCRIPT} ${ENTITY} ${RLO}v1`,
  specialties: [
    ...dataset.specialties,
    { code: HOSTILE_SPECIALTY, label: `${SCRIPT} ${ENTITY} specialty`, labels: perLang('specialty') },
  ],
  centers: [...dataset.centers, ...accepted, ...rejected],
  partnerships: [
    ...dataset.partnerships,
    { a: 'hostile-script', b: base.id, date: '2025', occasion: `${ALL} occasion`, scope: `${IMG} scope`,
      sources: [{ title: `${SCRIPT} memo`, file: `${IMG}.txt` }] },
  ],
  events: [
    ...dataset.events,
    { id: 'hostile-event', title: `${SCRIPT} event`, titles: perLang('event'), start: '2025-10-13', end: '2025-10-17',
      cities: [IMG, `${SVG} town`], centers: ['hostile-script', 'hostile-img'],
      sources: [{ title: `${IMG} event source`, url: 'https://example.org/"onmouseover="window.__pwned=1' }] },
  ],
  hubs: [
    ...dataset.hubs,
    { id: 'hostile-hub', name: `${SCRIPT} hub${RLO}`, names: perLang('hub'), status: 'designated', date: '2025',
      proposed_by: 'KZ', host: 'hostile-script', scope: `${ALL} scope`,
      sources: [{ title: `${SVG} hub source`, file: `${SCRIPT}.txt` }] },
  ],
};
// Served pretty-printed, as the bundled file is, so a problem's line and column are real.
const BODY = JSON.stringify(hostileData, null, 2);
const shown = [...dataset.centers, ...accepted];

/** Line and column (1-based, in characters) of the value of `"key": value` in the served
 *  file, the `n`-th such pair (0-based); the validator reports a problem there. */
function where(key, value, n = 0) {
  const needle = `"${key}": ${JSON.stringify(value)}`;
  let at = -1;
  for (let i = 0; i <= n; i++) at = BODY.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const before = BODY.slice(0, at + `"${key}": `.length).split('\n');
  return { line: before.length, column: [...before.at(-1)].length + 1 };
}

/** The problems the page must list for the rejected centers, in document order, as texts. */
function rejectedProblems() {
  const index = (id) => hostileData.centers.findIndex((c) => c.id === id);
  const problem = (id, field, key, value, message) => tr('problem_at', { ...where(key, value), path: `$.centers[${index(id)}].${field}`, message });
  return [
    problem('rejected-js-website', 'website', 'website', JS_URL, tr('problem_bad_url', { url: JS_URL })),
    problem('rejected-data-website', 'website', 'website', DATA_URL, tr('problem_bad_url', { url: DATA_URL })),
    problem('rejected-js-source', 'sources[0].url', 'url', 'JaVaScRiPt:window.__pwned=1', tr('problem_bad_url', { url: 'JaVaScRiPt:window.__pwned=1' })),
    problem('rejected-contact', 'phone', 'phone', JS_URL, tr('problem_bad_phone', { phone: JS_URL })),
    problem('rejected-contact', 'email', 'email', `${JS_URL}@example.org`, tr('problem_bad_email', { email: `${JS_URL}@example.org` })),
  ];
}

// ---- Checks -------------------------------------------------------------------------------

let dialogs;
beforeEach(async () => {
  dialogs = [];
  t.page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: BODY }));
});

async function openHostile(query = '') {
  await t.app.open(query);
  await expect(async () => (await t.app.resultCount().textContent()) === trCount('results_count', shown.length),
    `all ${shown.length} accepted centers counted`);
}

/** Asserts no payload ran: nothing set `window.__pwned`, no dialog opened. */
async function expectNothingRan(where) {
  assert.equal(await t.page.evaluate(() => typeof window.__pwned), 'undefined', `window.__pwned was set (${where})`);
  assert.deepEqual(dialogs, [], `a dialog opened (${where})`);
}

/** Every element of the page that could run or navigate to a script: an `on*` attribute, a
 *  javascript:/vbscript: URL in any URL attribute, a data: URL a person could follow or a
 *  frame could load, a srcdoc, or an element made from the data's markup. One query, in the
 *  page. */
function dangerousElements() {
  return t.page.evaluate(() => {
    const bad = [];
    const URL_ATTRS = ['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'cite'];
    // Browsers ignore leading spaces, and tabs and newlines inside the scheme.
    const scheme = (v) => v.replace(/[\u0000-\u0020]/g, '').toLowerCase();
    const describe = (el, attr) => `<${el.localName} ${attr.name}="${attr.value.slice(0, 80)}">`;
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = scheme(attr.value);
        if (name.startsWith('on')) bad.push(describe(el, attr));
        else if (name === 'srcdoc') bad.push(describe(el, attr));
        else if (URL_ATTRS.includes(name) && /^(javascript|vbscript):/.test(value)) bad.push(describe(el, attr));
        else if (URL_ATTRS.includes(name) && value.startsWith('data:')) {
          // Leaflet's blank image for a failed tile (offline here) is the one data: URL allowed.
          const blankTile = el.localName === 'img' && el.classList.contains('leaflet-tile') && value.startsWith('data:image/');
          if (!blankTile) bad.push(describe(el, attr));
        }
      }
      // An element the markup in the data would make, even one that could not run.
      // Judged by its own tag (and a script's or style's text): data in an accessible name
      // (an SVG line's aria-label) is text, and the children are judged on their own.
      const own = el.cloneNode(false);
      for (const a of ['aria-label', 'title', 'alt']) own.removeAttribute(a);
      const body = ['script', 'style'].includes(el.localName) ? el.textContent : '';
      if (['script', 'style', 'iframe', 'object', 'embed', 'frame', 'svg', 'img'].includes(el.localName)
        && /__pwned|display:none!important/.test(own.outerHTML + body)) {
        bad.push(`<${el.localName}> from data: ${el.outerHTML.slice(0, 80)}`);
      }
    }
    return bad;
  });
}

async function expectNoDangerousElements(where) {
  assert.deepEqual(await dangerousElements(), [], `dangerous markup in the page (${where})`);
}

/**
 * Walks every place where data is shown, calling `check(where)` at each: the loaded page;
 * every accepted hostile center's detail (chosen in the list), then its map popup (its marker
 * clicked); a search for payloads; every interface language with a hostile detail open.
 */
async function visitEverything(check) {
  await openHostile();
  await check('after load');
  for (const c of accepted) {
    await t.app.listItem(c.name).click();
    await expect(() => t.app.detail(c.name).isVisible(), `detail of ${c.id} open`);
    await check(`detail of ${c.id}`);
    const marker = t.app.marker(c.name);
    await expect(() => marker.isVisible(), `marker of ${c.id} on the map`);
    await marker.click();
    // The popup is in the map region; the name there is text (the marker's is a title).
    const popup = t.app.map.getByText(c.name, { exact: true });
    await expect(() => popup.isVisible(), `popup of ${c.id} open`);
    await check(`popup of ${c.id}`);
    await t.app.detail(c.name).getByRole('button', { name: tr('detail_close') }).click();
    await expect(async () => (await t.app.detail(c.name).count()) === 0, `detail of ${c.id} closed`);
  }
  for (const q of [SCRIPT, IMG, SVG, JS_URL, ENTITY, BIDI, `${ZW}${RLO}`]) {
    await t.app.search.fill(q);
    await expect(() => t.app.resultCount().isVisible(), `count shown for search ${JSON.stringify(q)}`);
    // Once the query is in the address, the list shows its results.
    await expect(async () => new URL(t.page.url()).searchParams.get('q') === q, `q written for ${JSON.stringify(q)}`);
    await check(`search for ${JSON.stringify(q)}`);
  }
  await t.app.search.fill('');
  const script = accepted[0];
  await t.app.listItem(script.name).click();
  for (const lang of [...OTHER_LANGS, 'en']) {
    const select = t.page.getByRole('combobox', { name: new RegExp(`^(${LANGS.map((l) => tr('language_label', {}, l)).join('|')})$`) });
    await select.selectOption(lang);
    await expect(async () => (await t.page.evaluate(() => document.documentElement.lang)) === lang, `page in ${lang}`);
    const detail = t.page.getByRole('region', { name: nameIn(script, lang), exact: true });
    await expect(() => detail.isVisible(), `detail of ${script.id} in ${lang}`);
    await check(`page in ${lang}`);
  }
}

// ---- Tests --------------------------------------------------------------------------------

test('no payload runs: not on load, in a detail, a popup, a search or another language; no dialog', async () => {
  await visitEverything(expectNothingRan);
  await expectNothingRan('at the end');
});

test('no javascript: or data: link, script source or inline handler appears anywhere', async () => {
  await visitEverything(expectNoDangerousElements);
});

test('payloads show literally as text in the list, the detail and the popup', async () => {
  await openHostile();
  // The list item's name is the payload itself, as text.
  const script = accepted[0];
  const item = t.app.listItem(SCRIPT);
  assert.equal(await item.count(), 1, 'list item named by the <script> text');
  assert.equal(await item.getByText(SCRIPT, { exact: true }).textContent(), SCRIPT);
  assert.equal(await t.app.list.getByText(SVG, { exact: true }).count(), 1, 'svg payload as text');
  assert.equal(await t.app.list.getByText(IMG, { exact: true }).count(), 1, 'img payload as text');
  // No element the payloads would have made exists.
  assert.equal(await t.page.locator('script:not([src])').filter({ hasText: '__pwned' }).count(), 0);
  assert.equal(await t.page.locator('img[src="x"], svg[onload], iframe').count(), 0);
  // Entities stay as typed: "&lt;b&gt;" is not decoded to "<b>", and "<b>" is no element.
  const entity = accepted.find((c) => c.id === 'hostile-entity');
  assert.equal(await t.app.listItem(entity.name).count(), 1, 'entity name verbatim');
  assert.equal(await t.app.list.getByText(`${ENTITY} Clinic &amp; <b>bold</b>`, { exact: true }).count(), 1);
  assert.equal(await t.app.list.locator('b').count(), 0, 'no <b> element from data');
  // The detail heading and its fields.
  await t.app.listItem(SCRIPT).click();
  const detail = t.app.detail(SCRIPT);
  await expect(() => detail.isVisible(), 'detail named by the <script> text');
  assert.equal(await detail.getByRole('heading', { level: 2 }).textContent(), SCRIPT);
  const text = await detail.textContent();
  for (const expected of [script.summary, script.capacity.note, script.address, script.sources[0].title, script.sources[1].file, IMG]) {
    assert.ok(text.includes(expected), `detail shows ${JSON.stringify(expected.slice(0, 60))} literally`);
  }
  // The hostile-but-valid website is a link to exactly the data's URL, its text the URL.
  const site = detail.getByRole('link', { name: script.website, exact: true });
  assert.equal(await site.getAttribute('href'), script.website);
  // The popup.
  await t.app.marker(SCRIPT).click();
  await expect(() => t.app.map.getByText(SCRIPT, { exact: true }).isVisible(), 'popup shows the <script> text');
  assert.ok(await t.app.map.getByText(`${IMG} City, ${tr('country_KZ')}`, { exact: true }).isVisible(), 'popup place as text');
  // The entity center's detail heading.
  await t.app.listItem(entity.name).click();
  await expect(() => t.app.detail(entity.name).isVisible(), 'entity detail');
  assert.equal(await t.app.detail(entity.name).getByRole('heading', { level: 2 }).textContent(), entity.name);
  // The dataset version in the footer.
  assert.ok((await t.page.getByRole('contentinfo').textContent()).includes(hostileData.version));
});

/** Whether the last `word` in `container`'s text is laid out left to right (its first letter
 *  left of its last), as an English word must be; else what was seen. */
function readsLeftToRight(container, word) {
  return container.evaluate((root, word) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let hit;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.includes(word)) hit = node;
    if (!hit) return `no text "${word}" in ${root.localName}`;
    const at = hit.data.lastIndexOf(word);
    const box = (i) => {
      const r = document.createRange();
      r.setStart(hit, i);
      r.setEnd(hit, i + 1);
      return r.getBoundingClientRect();
    };
    const [first, last] = [box(at), box(at + word.length - 1)];
    return first.left < last.left || `"${word}" is laid out right to left in "${hit.data.slice(0, 60)}" (first letter at x=${first.left}, last at x=${last.left})`;
  }, word);
}

test('bidi overrides and zero-width characters are kept as text', async () => {
  await openHostile();
  const bidi = accepted.find((c) => c.id === 'hostile-bidi');
  const item = t.app.list.getByRole('button', { name: /moc\.elpmaxe/ });
  const row = t.app.list.getByRole('listitem').filter({ has: t.page.getByRole('button', { name: /moc\.elpmaxe/ }) });
  assert.equal(await item.count(), 1);
  // Accessible names drop zero-width characters; the text itself keeps every one.
  assert.ok((await item.textContent()).startsWith(bidi.name), 'every character of the name there, unchanged');
  assert.ok((await row.textContent()).includes(`${bidi.city}, ${tr('country_KZ')}`), 'and of the city');
  await item.click();
  const detail = t.app.detail(bidi.name);
  await expect(() => detail.isVisible(), 'detail of the bidi center');
  assert.equal(await detail.getByRole('heading', { level: 2 }).textContent(), bidi.name);
});

test('an override in data does not reverse the app\'s own words after it', async () => {
  await openHostile();
  const bidi = accepted.find((c) => c.id === 'hostile-bidi');
  const country = tr('country_KZ');
  // The word of the footer's sentence that follows the dataset's version.
  const afterVersion = tr('footer_dataset').split('{{ version }}')[1].match(/\p{L}{3,}/u)[0];
  const faults = [];
  const check = async (where, container, word) => {
    const ok = await readsLeftToRight(container, word);
    if (ok !== true) faults.push(`${where}: ${ok}`);
  };
  // A control: the same check passes on a center without an override.
  assert.equal(await readsLeftToRight(t.app.row(base.name), country), true, 'control: a plain place line reads left to right');
  const item = t.app.list.getByRole('button', { name: /moc\.elpmaxe/ });
  await check('list item place, after the city', t.app.list.getByRole('listitem').filter({ has: t.page.getByRole('button', { name: /moc\.elpmaxe/ }) }), country);
  await check('footer, after the dataset version', t.page.getByRole('contentinfo'), afterVersion);
  await item.click();
  const marker = t.app.map.getByRole('button', { name: /moc\.elpmaxe/ });
  await expect(() => marker.isVisible(), 'marker of the bidi center');
  await marker.click();
  const place = t.app.map.getByText(`${bidi.city}, ${country}`, { exact: true });
  await expect(() => place.isVisible(), 'popup open');
  await check('popup place, after the city', place, country);
  const script = accepted[0];
  await t.app.listItem(script.name).click();
  await expect(() => t.app.detail(script.name).isVisible(), 'detail with the hub open');
  await check('detail hub line, after the hub name', t.app.detail(script.name), tr('hub_designated'));
  const shot = resolve(import.meta.dirname, '../../test-results/hostile-bidi.png');
  if (faults.length) await t.page.screenshot({ path: shot });
  assert.deepEqual(faults, [], `app text reversed by an override in data (screenshot: ${shot})`);
});

/** What breaks the layout at `width`: sideways scrolling of the page (naming the elements that
 *  stick out, outside the map, whose tiles may), map or list hidden or without a size, and
 *  items wider than the list. */
async function layoutFaults(width, when) {
  const faults = [];
  const o = await t.page.evaluate(() => {
    const s = document.scrollingElement;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => !e.closest('.leaflet-container') && e.getBoundingClientRect().right > innerWidth + 1)
      // The outermost of each: an element sticking out whose parent does not.
      .filter((e) => e.parentElement.getBoundingClientRect().right <= innerWidth + 1)
      .map((e) => `${e.localName}${e.className ? `.${String(e.className).trim().replace(/\s+/g, '.')}` : ''} to ${Math.round(e.getBoundingClientRect().right)}px`);
    return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth, out: out.slice(-6) };
  });
  if (o.scrollWidth > o.clientWidth + 1) {
    faults.push(`${when}: the page scrolls sideways (scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}); sticking out: ${o.out.join(', ')}`);
  }
  // On a phone the map and the list take turns: the one its switch shows must be there.
  const phone = await t.app.paneSwitch('list').isVisible();
  const pressed = async (pane) => (await t.app.paneSwitch(pane).getAttribute('aria-pressed')) === 'true';
  for (const [what, region, pane] of [['map', t.app.map, 'map'], ['result list', t.app.list, 'list']]) {
    if (phone && !(await pressed(pane))) continue;
    const box = (await region.isVisible()) ? await region.boundingBox() : null;
    if (!box || box.width <= 0 || box.height <= 0) faults.push(`${when}: the ${what} is not visible with a size (${JSON.stringify(box)})`);
  }
  // Nor does a list item stick out of the list (on a wide screen the sidebar would scroll
  // sideways instead of the page).
  if (!phone || (await pressed('list'))) {
    const list = await t.app.list.evaluate((ul) => ({ scrollWidth: ul.scrollWidth, clientWidth: ul.clientWidth }));
    if (list.scrollWidth > list.clientWidth + 1) faults.push(`${when}: the result list is wider than its box (scrollWidth ${list.scrollWidth} > clientWidth ${list.clientWidth})`);
  }
  return faults;
}

/** What is wrong with the detail of `c` at `width`: not within the viewport's width, or its
 *  content wider than its box. */
async function detailFaults(c, width) {
  const detail = t.app.detail(c.name);
  const box = await detail.boundingBox();
  const inner = await detail.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  const faults = [];
  if (!box || box.x < -1 || box.x + box.width > width + 1) faults.push(`detail of ${c.id} is not within ${width}px: ${JSON.stringify(box)}`);
  if (inner.scrollWidth > inner.clientWidth + 1) faults.push(`detail of ${c.id} overflows sideways: ${JSON.stringify(inner)}`);
  return faults;
}

for (const [width, height] of [[1280, 800], [375, 667]]) {
  test(`with 10,000-character names the page keeps its layout at ${width}px`, async () => {
    await t.page.setViewportSize({ width, height });
    await openHostile();
    // Every fault is gathered before failing, so one run shows them all.
    const faults = await layoutFaults(width, 'with the list');
    for (const c of accepted.filter((x) => x.id.startsWith('hostile-long'))) {
      await t.app.showList();
      await t.app.listItem(c.name).click();
      await expect(() => t.app.detail(c.name).isVisible(), `detail of ${c.id} open`);
      faults.push(...await detailFaults(c, width), ...await layoutFaults(width, `with the detail of ${c.id} open`));
    }
    const shot = resolve(import.meta.dirname, `../../test-results/hostile-layout-${width}.png`);
    if (faults.length) await t.page.screenshot({ path: shot });
    assert.deepEqual(faults, [], `layout at ${width}px (screenshot: ${shot})`);
  });
}

test('the rejected centers are listed as problems, their URLs as text, and the rest shown', async () => {
  await openHostile();
  const alert = t.page.getByRole('alert');
  await expect(() => alert.isVisible(), 'problems shown');
  const expected = rejectedProblems();
  assert.ok((await alert.textContent()).includes(trCount('problems_heading', expected.length)));
  // Every problem, each with its place, the offending URL or contact quoted as text.
  assert.deepEqual(await alert.getByRole('listitem').allTextContents(), expected);
  // The payloads are text there: no link, no element made from them.
  assert.ok(await alert.getByText(`"${JS_URL}"`).first().isVisible());
  assert.equal(await alert.getByRole('link').count(), 0);
  assert.equal(await alert.locator('script, img, svg, iframe').count(), 0);
  // Everything else is shown; the rejected centers are not.
  assert.equal(await t.app.resultCount().textContent(), trCount('results_count', shown.length));
  assert.equal(await t.app.list.getByRole('button').count(), shown.length);
  for (const c of rejected) assert.equal(await t.app.listItem(c.name).count(), 0, `${c.id} not listed`);
  await expectNothingRan('with problems listed');
});
