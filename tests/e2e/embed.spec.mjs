// Embedded on a ministry's site: a host page on a second localhost port puts Shifo in an
// iframe with presets, a locked facet and its own colours.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, labelIn, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';
import { ShifoPage } from './support/shifo-page.mjs';
import { hostPage, hostPageWith, serveHost } from './support/host.mjs';

const t = useApp();
let host;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** Opens a host page embedding the app with `query`; returns the frame as a Shifo page. */
async function embed(query, options) {
  host = await serveHost(hostPage(`${t.server.url}?${query}`, options));
  await t.page.goto(host.url);
  const iframe = t.page.getByTitle('Map of specialty centers');
  const frame = iframe.contentFrame();
  return { iframe, frame, app: new ShifoPage(frame, t.server.url) };
}

const kz = dataset.centers.filter((c) => c.country === 'KZ');

test('an embedded map takes its presets from the link, and a locked country cannot be changed', async () => {
  const { frame, app } = await embed('embed=1&country=KZ&lock=country&lang=ru');
  const count = frame.getByRole('status').filter({ hasText: trCount('results_count', kz.length, 'ru') });
  await expect(() => count.isVisible(), 'the Russian count of Kazakh centers');
  assert.equal(await app.list.getByRole('button').count(), 0, 'the English list label is not there');
  const list = frame.getByRole('list', { name: tr('results_list_label', {}, 'ru') });
  assert.equal(await list.getByRole('button').count(), kz.length);
  // No site header (the page's one heading is for screen readers only, not shown), no country
  // control; the fixed scope is said in words instead.
  assert.equal(await frame.getByText(tr('app_tagline', {}, 'ru')).count(), 0);
  const heading = await frame.getByRole('heading', { name: tr('app_title', {}, 'ru'), level: 1 }).boundingBox();
  assert.ok(heading.width <= 1 && heading.height <= 1, `the heading is not shown (${JSON.stringify(heading)})`);
  assert.equal(await frame.getByRole('group', { name: tr('country_legend', {}, 'ru'), exact: true }).count(), 0);
  assert.ok(await frame.getByText(`${tr('country_legend', {}, 'ru')}: ${tr('country_KZ', {}, 'ru')}`).isVisible());
  // "Clear all" has nothing it may clear; after a specialty it clears that, not the country.
  const clear = frame.getByRole('button', { name: tr('clear_filters', {}, 'ru') });
  assert.ok(await clear.isDisabled());
  const code = kz[0].specialties[0];
  const label = labelIn(dataset.specialties.find((s) => s.code === code), 'ru').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await frame.getByRole('group', { name: tr('specialty_legend', {}, 'ru'), exact: true }).getByRole('checkbox', { name: new RegExp(`^${label} \\d+$`) }).check();
  const withCode = kz.filter((c) => c.specialties.includes(code));
  await expect(async () => (await list.getByRole('button').count()) === withCode.length, `specialty applied within Kazakhstan (${withCode.length}; ${await list.getByRole('button').count()} listed, ${await frame.getByRole('status').allTextContents()})`);
  await clear.click();
  await expect(async () => (await list.getByRole('button').count()) === kz.length, 'back to every Kazakh center, not the whole region');
  // The way out: the full map, same view, in a new tab.
  const full = frame.getByRole('link', { name: tr('embed_open_full', {}, 'ru') });
  assert.equal(await full.getAttribute('href'), `${t.server.url}?country=KZ&lang=ru`);
  assert.equal(await full.getAttribute('target'), '_blank');
});

test('the host page fits the iframe to the content, and ignores height messages from elsewhere', async () => {
  // 400 px wide: the stacked phone layout, taller than the 300 px the host starts with.
  const { iframe, frame } = await embed('embed=1&lang=en', { width: 400, height: 300 });
  await expect(() => frame.getByRole('status').filter({ hasText: /^\d+ centers?$/ }).isVisible(), 'loaded');
  const contentHeight = () => frame.locator(':root').evaluate((root) => root.scrollHeight);
  await expect(async () => {
    const box = await iframe.boundingBox();
    return box.height > 300 && Math.abs(box.height - (await contentHeight())) <= 1;
  }, 'iframe as tall as its content');
  const before = (await iframe.boundingBox()).height;
  // A message from the host's own origin (anyone's script) does not resize the frame. Messages
  // arrive in order: once a second one has, the host's listener has handled the first.
  await t.page.evaluate(() => new Promise((done) => {
    addEventListener('message', function heard(e) {
      if (e.data !== 'handled') return;
      removeEventListener('message', heard);
      done();
    });
    window.postMessage({ type: 'shifo:height', height: 5 }, '*');
    window.postMessage('handled', '*');
  }));
  assert.equal((await iframe.boundingBox()).height, before);
});

test('embedded, choosing filters adds no entries to the host page history', async () => {
  const { frame } = await embed('embed=1');
  await expect(() => frame.getByRole('status').filter({ hasText: /^\d+ centers?$/ }).isVisible(), 'loaded');
  const length = await t.page.evaluate(() => history.length);
  await frame.getByRole('checkbox', { name: new RegExp(`^${tr('country_KG')}\\b`) }).check();
  await frame.getByRole('checkbox', { name: new RegExp(`^${tr('pediatric_label')}\\b`) }).check();
  await expect(async () => (await frame.getByRole('status').filter({ hasText: /^\d+ centers?$/ }).textContent()) !== trCount('results_count', dataset.centers.length), 'filtered');
  assert.equal(await t.page.evaluate(() => history.length), length);
});

test('accent colour and dark theme come from the link; anything but hex is ignored', async () => {
  const css = (frame) => frame.locator(':root').evaluate((root) => {
    const s = getComputedStyle(root);
    return { accent: s.getPropertyValue('--accent').trim(), onAccent: s.getPropertyValue('--on-accent').trim(), bg: s.backgroundColor, dark: root.dataset.theme ?? null };
  });
  let { frame } = await embed('embed=1&accent=ffeb3b&theme=dark');
  await expect(() => frame.getByRole('status').filter({ hasText: /^\d+ centers?$/ }).isVisible(), 'loaded');
  // A light accent gets dark text on it (WCAG contrast), the page a dark ground.
  assert.deepEqual(await css(frame), { accent: '#ffeb3b', onAccent: '#1b1f23', bg: 'rgb(21, 25, 30)', dark: 'dark' });
  await host.close();
  ({ frame } = await embed('embed=1&accent=red%3Bcolor:blue&theme=neon'));
  await expect(() => frame.getByRole('status').filter({ hasText: /^\d+ centers?$/ }).isVisible(), 'loaded');
  assert.deepEqual(await css(frame), { accent: '#0b6e4f', onAccent: '#fff', bg: 'rgb(255, 255, 255)', dark: null });
});

test('a light accent: markers are darkened to 3:1 on the map\'s land, the legend with them (review defect 28)', async () => {
  // WCAG 2.1 relative luminance and contrast (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
  const lum = (rgb) => {
    const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  // OpenStreetMap's land colour, and the outlines' fill (public/style.css).
  const grounds = ['rgb(242, 239, 233)', 'rgb(246, 244, 238)'];
  for (const accent of ['ffd200', 'ffeb3b', '9be7ff']) {
    const { frame } = await embed(`embed=1&accent=${accent}&country=KZ`);
    const other = frame.locator('.center-marker:not(.pediatric):not(.selected)').first();
    await expect(async () => (await other.count()) === 1, 'a marker of a center that is not for children');
    const fill = await other.evaluate((el) => getComputedStyle(el).backgroundColor);
    for (const ground of grounds) assert.ok(contrast(fill, ground) >= 3, `#${accent}: marker ${fill} on ${ground} is ${contrast(fill, ground).toFixed(2)}:1`);
    // The legend shows the same colour as the markers.
    const swatch = await frame.locator('.legend .swatch.center-marker:not(.pediatric):not(.selected)').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(swatch, fill);
    await host.close();
    host = undefined;
  }
});

test('"Embed this map" turns the current view into code that works pasted into another site', async () => {
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.server.url.replace(/\/$/, '') });
  await t.app.open();
  await t.app.countryBox('KZ').check();
  await t.page.getByRole('button', { name: tr('embed_open') }).click();
  const dialog = t.page.getByRole('dialog', { name: tr('embed_heading') });
  await expect(() => dialog.isVisible(), 'dialog open');
  await dialog.getByRole('group', { name: tr('embed_lock_legend'), exact: true }).getByRole('checkbox', { name: tr('country_legend') }).check();
  await dialog.getByLabel(tr('embed_height_label')).fill('700');
  await dialog.getByLabel(tr('embed_height_label')).press('Tab');
  const code = dialog.getByLabel(tr('embed_code_label'));
  await expect(async () => (await code.inputValue()).includes('lock=country'), 'code updated');
  const snippet = await code.inputValue();
  const src = `${t.server.url}?country=KZ&amp;embed=1&amp;lock=country`;
  // The iframe's title names what the lock fixes, for a screen reader on the host page.
  const title = `${tr('embed_iframe_title')} (${tr('country_legend')}: ${tr('country_KZ')})`;
  assert.ok(snippet.startsWith(`<iframe src="${src}" title="${title}" width="100%" height="700" loading="lazy" allow="geolocation; clipboard-write; web-share"`), snippet);
  assert.ok(snippet.includes(`var origin = "${t.server.url.replace(/\/$/, '')}";`), snippet);
  await dialog.getByRole('button', { name: tr('embed_copy') }).click();
  await expect(() => dialog.getByRole('status').filter({ hasText: tr('embed_copied') }).isVisible(), 'copied, and said so');
  assert.equal(await t.page.evaluate(() => navigator.clipboard.readText()), snippet);
  await t.page.keyboard.press('Escape');
  await expect(async () => !(await dialog.isVisible()), 'Escape closes it');

  // Pasted into a 400 px column of another site: Kazakhstan only, locked, fitted to its content.
  host = await serveHost(hostPageWith(snippet));
  const other = await t.context.newPage();
  await other.goto(host.url);
  const iframe = other.getByTitle(tr('embed_iframe_title'));
  const frame = iframe.contentFrame();
  const list = frame.getByRole('list', { name: tr('results_list_label') });
  await expect(async () => (await list.getByRole('button').count()) === kz.length, 'Kazakh centers in the embedded map');
  assert.equal(await frame.getByRole('group', { name: tr('country_legend'), exact: true }).count(), 0);
  await expect(async () => (await iframe.boundingBox()).height > 700, 'the script fitted the frame to its content');
  await other.close();
});

test('the embed dialog: each lock says what it fixes, an empty one is refused with its reason, accent and theme reach the code and the live preview', async () => {
  await t.app.open('country=UZ&lang=ru', { waitReady: false });
  await expect(() => t.page.getByRole('button', { name: tr('embed_open', {}, 'ru') }).isVisible(), 'loaded');
  await t.page.getByRole('button', { name: tr('embed_open', {}, 'ru') }).click();
  const dialog = t.page.getByRole('dialog', { name: tr('embed_heading', {}, 'ru') });
  await expect(() => dialog.isVisible(), 'dialog open');
  const locks = dialog.getByRole('group', { name: tr('embed_lock_legend', {}, 'ru'), exact: true });
  // "Страна: Узбекистан": the value the lock would keep, not just the facet.
  const country = locks.getByRole('checkbox', { name: `${tr('country_legend', {}, 'ru')}: ${tr('country_UZ', {}, 'ru')}` });
  assert.ok(await country.isEnabled());
  // No specialty chosen: its lock is refused, and says why.
  const specialty = locks.getByRole('checkbox', { name: new RegExp(`^${tr('specialty_legend', {}, 'ru')}`) });
  assert.equal(await specialty.isDisabled(), true, 'an empty facet cannot be locked');
  const reason = await specialty.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent ?? '');
  assert.ok(reason.includes(tr('embed_lock_empty', {}, 'ru')), reason);
  await country.check();
  // A light accent and the dark theme reach the code and the preview.
  await dialog.getByLabel(tr('embed_accent_label', {}, 'ru')).evaluate((input) => {
    input.value = '#ffeb3b';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await dialog.getByLabel(tr('embed_theme_label', {}, 'ru')).selectOption('dark');
  const code = dialog.getByLabel(tr('embed_code_label', {}, 'ru'));
  await expect(async () => (await code.inputValue()).includes('accent=ffeb3b') && (await code.inputValue()).includes('theme=dark'), 'accent and theme in the code');
  assert.ok((await code.inputValue()).includes(`title="${tr('embed_iframe_title', {}, 'ru')} (${tr('country_legend', {}, 'ru')}: ${tr('country_UZ', {}, 'ru')})"`));
  const preview = dialog.getByTitle(tr('embed_preview_label', {}, 'ru')).contentFrame();
  await expect(() => preview.getByRole('status').filter({ hasText: /\d/ }).first().isVisible(), 'the preview shows the embedded map');
  const look = () => preview.locator(':root').evaluate((el) => [getComputedStyle(el).getPropertyValue('--accent').trim(), el.getAttribute('data-theme')]);
  await expect(async () => JSON.stringify(await look()) === JSON.stringify(['#ffeb3b', 'dark']), 'the preview has the accent and the dark theme');
});

test('embedded, "Copy link" copies the full map\'s link and says so; refused, it shows the link to copy', async () => {
  const [country] = ['KG'];
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.server.url.replace(/\/$/, '') });
  await t.app.open(`embed=1&country=${country}`);
  await t.page.getByRole('button', { name: tr('share_copy') }).click();
  await expect(() => t.page.getByRole('status').filter({ hasText: tr('share_copied_full') }).isVisible(), 'said: the full map\'s link');
  assert.equal(await t.page.evaluate(() => navigator.clipboard.readText()), `${t.server.url}?country=${country}`);
  // Where the browser refuses the clipboard (an iframe without the permission).
  await t.page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); });
  await t.page.getByRole('button', { name: tr('share_copy') }).click();
  await expect(() => t.page.getByRole('status').filter({ hasText: tr('share_failed_here') }).isVisible(), 'said it could not copy');
  assert.equal(await t.page.getByRole('textbox', { name: tr('share_copy') }).inputValue(), `${t.server.url}?country=${country}`);
});

test('at 320 px, an embed naming a dataset the deployment does not allow says so and shows the bundled data', async () => {
  // The host page's own origin serves nothing Shifo may load: config.json lists no origin.
  const foreign = 'https://data.example.org/centers.json';
  const { frame } = await embed(`embed=1&data=${encodeURIComponent(foreign)}`, { width: 320, height: 600 });
  const alert = frame.getByRole('alert');
  await expect(() => alert.isVisible(), 'refusal shown in the frame');
  assert.equal(await alert.textContent(), tr('data_refused', { url: foreign }));
  const list = frame.getByRole('list', { name: tr('results_list_label') });
  await expect(async () => (await list.getByRole('button').count()) === dataset.centers.length, 'bundled centers listed');
  // The attribution the tile policy requires stays, however narrow the frame (there the map
  // is behind the phone layout's switch).
  await frame.getByRole('group', { name: tr('pane_label'), exact: true }).getByRole('button', { name: tr('pane_map') }).click();
  await expect(() => frame.getByRole('link', { name: 'OpenStreetMap' }).isVisible(), 'attribution on the map');
  // Nothing sticks out sideways at 320 px.
  assert.ok(await frame.locator(':root').evaluate((root) => root.scrollWidth <= root.clientWidth), 'no horizontal scroll');
});

test('embedded on a phone, "Filters" counts only what visitors can change, not the locked country', async () => {
  await t.page.setViewportSize({ width: 375, height: 667 });
  await t.app.open('embed=1&country=KZ&lock=country');
  const plain = t.page.getByRole('button', { name: tr('filters_heading'), exact: true });
  await expect(() => plain.isVisible(), '"Filters" with no count (the country is locked)');
  await plain.click();
  await t.app.pediatricBox().check();
  await t.page.keyboard.press('Escape');
  await expect(() => t.page.getByRole('button', { name: tr('filters_open_count', { count: 1 }), exact: true }).isVisible(), '"Filters (1 set)": children only');
});
