// Page object: how a person (or a screen reader) finds things on Shifo's page.
import assert from 'node:assert/strict';
import { expect } from './expect.mjs';
import { tr, trCount, dataset } from './locale.mjs';
import { AxeBuilder } from '@axe-core/playwright';

/** The rule sets of WCAG 2.1 level AA, as axe-core tags them. */
export const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export class ShifoPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Opens the app with an optional query string and waits until the dataset is shown. */
  async open(query = '', { waitReady = true } = {}) {
    await this.page.goto(this.baseUrl + (query ? `?${query}` : ''));
    if (waitReady) await expect(() => this.resultCount().isVisible(), 'result count visible');
  }

  get map() { return this.page.getByRole('region', { name: tr('map_label') }); }
  get list() { return this.page.getByRole('list', { name: tr('results_list_label') }); }
  get search() { return this.page.getByLabel(tr('search_label')); }
  get clearAll() { return this.page.getByRole('search', { name: tr('filters_heading') }).getByRole('button', { name: tr('clear_filters') }); }

  resultCount() { return this.page.getByRole('status').filter({ hasText: /^\d+ centers?$/ }); }
  marker(name) { return this.map.getByRole('button', { name, exact: true }); }
  listItem(name) { return this.list.getByRole('button', { name, exact: true }); }
  countryBox(code) { return this.page.getByRole('checkbox', { name: new RegExp(`^${tr(`country_${code}`)}\\b`) }); }
  specialtyBox(code) {
    const label = dataset.specialties.find((s) => s.code === code).label;
    return this.page.getByRole('group', { name: tr('specialty_legend'), exact: true }).getByRole('checkbox', { name: new RegExp(`^${label} \\d+$`) });
  }
  pediatricBox() { return this.page.getByRole('checkbox', { name: new RegExp(`^${tr('pediatric_label')}\\b`) }); }
  get sidebar() { return this.page.getByRole('complementary'); }

  /** Whether `locator`'s box lies entirely inside `container`'s box (what a person can see). */
  async isInside(locator, container) {
    // The map draws only what is in view (with a margin): a marker far away is not there.
    if ((await locator.count()) === 0) return false;
    const [c, b] = [await container.boundingBox(), await locator.boundingBox()];
    return !!(c && b) && b.x >= c.x - 1 && b.y >= c.y - 1 && b.x + b.width <= c.x + c.width + 1 && b.y + b.height <= c.y + c.height + 1;
  }

  /** Asserts every given center's marker is inside the visible map. */
  async expectInView(centers) {
    for (const c of centers) {
      await expect(() => this.isInside(this.marker(c.name), this.map), `marker of ${c.name} inside the map view`);
    }
  }

  /** The phone's list/map switch (present below 641 px only). */
  paneSwitch(pane) { return this.page.getByRole('group', { name: tr('pane_label'), exact: true }).getByRole('button', { name: tr(`pane_${pane}`) }); }

  /** On a phone, brings the list pane back (choosing a center shows the map); elsewhere a no-op. */
  async showList() {
    const list = this.paneSwitch('list');
    if (await list.isVisible()) await list.click();
  }

  detail(name) { return this.page.getByRole('region', { name, exact: true }); }

  /**
   * Asserts that map and list show exactly these centers (by dataset entry). The map draws
   * only what is in view; with `{ zoomedTo: center }` (a selected center the map zoomed to)
   * centers away from it may be off the map, so only that one's marker is required there.
   */
  async expectShown(centers, { zoomedTo } = {}) {
    const shown = new Set(centers.map((c) => c.id));
    await expect(async () => (await this.resultCount().textContent()) === trCount('results_count', centers.length),
      `count text is "${trCount('results_count', centers.length)}"`);
    await expect(async () => (await this.list.getByRole('button').count()) === centers.length, `${centers.length} list items`);
    for (const c of dataset.centers) {
      const want = shown.has(c.id) ? 1 : 0;
      if (!want || !zoomedTo || c.id === zoomedTo.id) {
        await expect(async () => (await this.marker(c.name).count()) === want, `${want} marker for ${c.name}`);
      } else {
        await expect(async () => (await this.marker(c.name).count()) <= 1, `at most 1 marker for ${c.name}`);
      }
      await expect(async () => (await this.listItem(c.name).count()) === want, `${want} list item for ${c.name}`);
    }
    if (centers.length) await assert.ok(await this.marker((zoomedTo ?? centers[0]).name).isVisible());
  }

  /** The link that skips header and filters; its target, the results section. */
  get skipLink() { return this.page.getByRole('link', { name: tr('skip_to_results') }); }
  get results() { return this.page.getByRole('region', { name: tr('results_heading') }); }

  /** axe-core's WCAG 2.1 AA violations on the page as it is now (`exclude`: selectors to skip). */
  async axeViolations({ exclude = [] } = {}) {
    let builder = new AxeBuilder({ page: this.page }).withTags(WCAG21AA);
    for (const selector of exclude) builder = builder.exclude(selector);
    return (await builder.analyze()).violations;
  }

  /** What has keyboard focus (null: nothing but the page), with what makes its focus visible:
   *  a drawn outline or a box-shadow that the element does not have unfocused (a marker's
   *  everyday shadow, or a chosen marker's ring, is no focus indicator), and whether its box is
   *  on screen. The unfocused look is read from a shallow copy placed beside it for a moment. */
  async focused() {
    return this.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const s = getComputedStyle(el);
      const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
      const drawn = (st) => st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0 && !transparent(st.outlineColor);
      const ring = (st) => (drawn(st) ? [st.outlineStyle, st.outlineWidth, st.outlineColor, st.outlineOffset].join(' ') : 'none');
      const copy = el.cloneNode(false);
      copy.removeAttribute('id');
      copy.setAttribute('aria-hidden', 'true');
      el.after(copy);
      const c = getComputedStyle(copy);
      const [ringBefore, shadowBefore] = [ring(c), c.boxShadow];
      copy.remove();
      const unfocused = `outline ${ringBefore}; box-shadow ${shadowBefore}`;
      const outline = drawn(s) && ring(s) !== ringBefore;
      const shadow = s.boxShadow !== 'none' && s.boxShadow !== shadowBefore;
      const r = el.getBoundingClientRect();
      const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
      const name = (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 60);
      const role = el.getAttribute('role') || el.getAttribute('type') || '';
      return {
        what: `<${el.tagName.toLowerCase()}${role ? ` ${role}` : ''}${el.id ? ` #${el.id}` : ''}> "${name}"`,
        indicator: outline || shadow,
        onScreen,
        style: `outline: ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} offset ${s.outlineOffset}; box-shadow: ${s.boxShadow}; unfocused: ${unfocused}`,
      };
    });
  }

  /** Whether `locator` (any of its matches) has keyboard focus. Does not wait for it to exist. */
  async hasFocus(locator) {
    return locator.evaluateAll((els) => els.includes(document.activeElement));
  }

  /** Asserts that what has focus shows it: an outline or box-shadow, on screen. */
  async expectFocusVisible() {
    const f = await this.focused();
    assert.ok(f, 'something has focus');
    assert.ok(f.indicator, `no visible focus indicator on ${f.what} (${f.style})`);
    assert.ok(f.onScreen, `focused ${f.what} is not on screen`);
    return f;
  }

  /** Whether focus is inside `locator` (any of its matches, itself included). */
  async hasFocusWithin(locator) {
    return locator.evaluateAll((els) => els.some((el) => el.contains(document.activeElement)));
  }

  /** Presses Tab (Shift+Tab with `back`) until `target` has focus (a locator, or an async
   *  function saying whether the focus is where wanted), at most `max` times, asserting a
   *  visible focus indicator on everything focused on the way. Returns the way. */
  async tabTo(target, { back = false, max = 150 } = {}) {
    const reached = typeof target === 'function' ? target : () => this.hasFocus(target);
    const way = [];
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const f = await this.expectFocusVisible();
      way.push(f.what);
      if (await reached()) return way;
    }
    assert.fail(`${target} not reached by ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}; focus went:\n  ${way.join('\n  ')}`);
  }
}

/** axe violations as a human fixes them: rule, impact, help, and each failing node's target
 *  selectors and summary. */
export function describeViolations(violations) {
  return violations.map((v) => [
    `${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>`,
    ...v.nodes.map((n) => `    ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
  ].join('\n')).join('\n');
}
