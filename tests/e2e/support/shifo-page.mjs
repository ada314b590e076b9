// Page object: how a person (or a screen reader) finds things on Shifo's page.
import assert from 'node:assert/strict';
import { expect } from './expect.mjs';
import { LANGS, tr, trCount, dataset, isolate } from './locale.mjs';
import { AxeBuilder } from '@axe-core/playwright';

/** The rule sets of WCAG 2.1 level AA, as axe-core tags them. */
export const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every rule axe-core has but those of level AAA: WCAG 2.0 to 2.2 A and AA, its best practices
 *  and its experimental rules (off by default). AAA (7:1 contrast) is not the target. */
export const EVERY_RULE = [...WCAG21AA, 'wcag22aa', 'best-practice', 'experimental'];

/** Rules not yet passed, each with why (none now: target-size passes since markers that would
 *  overlap are grouped at every size). */
export const NOT_YET = [];

/** The accessible name of a group marker, "12 centers here: zoom in" or "Osh, Jalal-Abad: 9
 *  centers, zoom in", from the locale file's words; the count is in group 1 or 2, its digits
 *  grouped from 1,000 (read it with `groupCount`). */
export function groupName(lang = 'en') {
  const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const count = '(\\d[\\d,\u00a0 ]*) \\S+';
  const here = esc(tr('cluster_label', { centers: '\u0000' }, lang)).replace('\u0000', count);
  const inPlace = esc(tr('cluster_label_place', { place: '\u0001', centers: '\u0000' }, lang)).replace('\u0000', count).replace('\u0001', '\u2068[^\u2069]+\u2069');
  return new RegExp(`^(?:${here}|${inPlace})$`);
}

/** The number of centers a `groupName` match says ("12,345" read as 12345). */
export const groupCount = (m) => Number((m[1] ?? m[2]).replace(/[,\s]/g, ''));

export class ShifoPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Opens the app with an optional query string and waits until the dataset is shown. The
   *  page's first view (first-view.spec.mjs) stands until the app takes it over; its search box
   *  and buttons look like the app's, so a spec acts once the app's are the only ones (unless
   *  `takeover: false`: a spec that holds the dataset back, which the takeover waits for). */
  async open(query = '', { waitReady = true, takeover = true } = {}) {
    await this.page.goto(this.baseUrl + (query ? `?${query}` : ''));
    if (takeover) {
      await expect(() => this.page.evaluate(() => !document.getElementById('first-view')), 'the app took the first view over', 20_000);
    }
    if (waitReady) await expect(() => this.resultCount().isVisible(), 'result count visible');
  }

  get map() { return this.page.getByRole('region', { name: tr('map_label') }); }
  get list() { return this.page.getByRole('list', { name: tr('results_list_label') }); }
  get search() { return this.page.getByLabel(tr('search_label')); }
  /** The search box's suggestions while typing (a listbox). */
  get suggestions() { return this.page.getByRole('listbox', { name: tr('suggestions_label') }); }
  /** Closes the search box's suggestions when they show, with Escape, as a person does before
   *  reaching what they float over (pressed only then: Escape in an empty search box clears
   *  it, and on the phone's sheet a second one closes the sheet). */
  async closeSuggestions() {
    if (await this.suggestions.isVisible()) {
      await this.search.press('Escape');
      await expect(async () => !(await this.suggestions.isVisible()), 'suggestions closed');
    }
  }
  get clearAll() { return this.page.getByRole('search', { name: tr('filters_heading') }).getByRole('button', { name: tr('clear_filters') }); }

  /** The result count, "188 centers" (digits grouped from 1,000). */
  resultCount() { return this.page.getByRole('status').filter({ hasText: /^[\d,]+ centers?$/ }); }
  /** The marker of the center named `name`: named exactly that, or (a center that treats
   *  children) that, isolated, with the pediatric badge's words after it in any language. The
   *  exact form per center is checked in accessibility.spec.mjs. (Names compared as strings,
   *  which Playwright normalizes on both sides as it does accessible names.) */
  marker(name) {
    const named = (n) => this.map.getByRole('button', { name: n, exact: true });
    return LANGS.reduce((found, lang) => found.or(named(`${isolate(name)} (${tr('badge_pediatric', {}, lang)})`)), named(name));
  }
  /** The group marker holding centers in `city` (as the dataset writes it, English), whatever
   *  their count and whichever other cities it names: "Osh, Jalal-Abad: 9 centers, zoom in". */
  groupIn(city, lang = 'en') {
    const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const form = esc(tr('cluster_label_place', { place: '\u0000', centers: '\u0001' }, lang));
    const places = `\u2068(?:[^\u2069]*, )?${esc(city)}(?:, [^\u2069]*)?\u2069`;
    const name = new RegExp(`^${form.replace('\u0000', places).replace('\u0001', '\\d+ \\S+')}$`);
    return this.map.getByRole('button', { name });
  }
  /** Brings the marker of `center` onto the map the way a person does: while it is in a
   *  group, chooses the group named after its city (which zooms in), until it stands alone. */
  async showMarker(center) {
    for (let i = 0; i < 8; i += 1) {
      await this.settled();
      if (await this.marker(center.name).count()) return this.marker(center.name);
      const group = this.groupIn(center.city);
      if (await group.count()) await group.first().click();
    }
    await expect(async () => (await this.marker(center.name).count()) === 1, `a marker of its own for ${center.name}`);
    return this.marker(center.name);
  }
  /** Where each marker of the map (a center's own or a group's: the map's buttons with a
   *  title, not its zoom buttons or partnership lines) is on screen, with its name: what a
   *  finger can tap. */
  async markerBoxes() {
    const zoom = [tr('map_zoom_in'), tr('map_zoom_out')];
    return this.map.getByRole('button').evaluateAll((buttons, zoom) => buttons
      .filter((b) => b.hasAttribute('title') && !zoom.includes(b.getAttribute('title')))
      .map((b) => { const r = b.getBoundingClientRect(); return { name: b.getAttribute('title'), x: r.x, y: r.y, width: r.width, height: r.height }; }), zoom);
  }
  listItem(name) { return this.list.getByRole('button', { name, exact: true }); }
  /** The whole row of the center named `name`: its button (the name) and what the row says
   *  of it (place, specialties, why it matched, badges). */
  row(name) { return this.list.getByRole('listitem').filter({ has: this.page.getByRole('button', { name, exact: true }) }); }
  countryBox(code) { return this.page.getByRole('checkbox', { name: new RegExp(`^${tr(`country_${code}`)}\\b`) }); }
  specialtyBox(code) {
    const label = dataset.specialties.find((s) => s.code === code).label;
    return this.page.getByRole('group', { name: tr('specialty_legend'), exact: true }).getByRole('checkbox', { name: new RegExp(`^${label} \\d+$`) });
  }
  pediatricBox() { return this.page.getByRole('checkbox', { name: new RegExp(`^${tr('pediatric_label')}\\b`) }); }
  get sidebar() { return this.page.getByRole('complementary'); }

  /** Scrolls what holds the result list (its own column on a laptop, the sidebar when
   *  narrower, the page on a phone) down by `dy` pixels, or to its end. */
  async scrollResults(dy = Infinity) {
    await this.list.evaluate((ul, by) => {
      const pane = [ul.closest('.results'), ul.closest('.sidebar')].find((p) => p && p.scrollHeight > p.clientHeight) ?? document.scrollingElement;
      pane.scrollTop = by === null ? pane.scrollHeight : pane.scrollTop + by;
    }, Number.isFinite(dy) ? dy : null);
  }

  /** Whether `locator`'s box lies entirely inside `container`'s box (what a person can see). */
  /** Resolves once the page has drawn two more frames and its fonts are in: whatever a
   *  change set off (effects, style, image and font loads) has started by then. */
  async settled() {
    await this.page.evaluate(() => new Promise((done) => {
      requestAnimationFrame(() => requestAnimationFrame(() => document.fonts.ready.then(() => done())));
    }));
  }

  async isInside(locator, container) {
    // The map draws only what is in view (with a margin): a marker far away is not there.
    if ((await locator.count()) === 0) return false;
    const [c, b] = [await container.boundingBox(), await locator.boundingBox()];
    return !!(c && b) && b.x >= c.x - 1 && b.y >= c.y - 1 && b.x + b.width <= c.x + c.width + 1 && b.y + b.height <= c.y + c.height + 1;
  }

  /** The phone's list/map switch (present below 640 px only). */
  paneSwitch(pane) { return this.page.getByRole('group', { name: tr('pane_label'), exact: true }).getByRole('button', { name: tr(`pane_${pane}`) }); }

  /** On a phone, brings the list pane back (choosing a center shows the map); elsewhere a no-op. */
  async showList() {
    const list = this.paneSwitch('list');
    if (await list.isVisible()) await list.click();
  }

  detail(name) { return this.page.getByRole('region', { name, exact: true }); }

  /** How many centers the map stands for: its markers of one center each, and the number
   *  each group marker counts ("12 centers here: zoom in"), read from their names; with
   *  `inside`, only the markers inside the map's box (what a person can see). */
  async centersOnMap({ inside = false } = {}) {
    const markers = await this.map.getByRole('button').evaluateAll((buttons, map) => {
      const m = map.getBoundingClientRect();
      return buttons.map((b) => {
        const r = b.getBoundingClientRect();
        const seen = r.width > 0 && r.left >= m.left - 1 && r.top >= m.top - 1 && r.right <= m.right + 1 && r.bottom <= m.bottom + 1;
        return { name: b.getAttribute('title') ?? '', seen };
      });
    }, await this.map.elementHandle());
    const group = groupName();
    let singles = 0;
    let grouped = 0;
    for (const { name, seen } of markers) {
      if (inside && !seen) continue;
      const m = name.match(group);
      if (m) grouped += Number(m[1] ?? m[2]);
      else if (dataset.centers.some((c) => c.name === name || name.startsWith(`${isolate(c.name)} (`))) singles += 1;
    }
    return { singles, grouped };
  }

  /** Asserts every given center is in the visible map: its marker inside the map's box, or
   *  (grouped) a group inside it, the markers inside standing for at least that many. */
  async expectInView(centers) {
    await expect(async () => {
      const { singles, grouped } = await this.centersOnMap({ inside: true });
      if (singles + grouped < centers.length) return false;
      for (const c of centers) {
        const own = this.marker(c.name);
        if (await own.count()) {
          if (!(await this.isInside(own, this.map))) return false;
        } else if (!grouped) return false;
      }
      return true;
    }, `${centers.length} centers inside the map view (${centers.slice(0, 3).map((c) => c.name).join(', ')}${centers.length > 3 ? ', ...' : ''})`);
  }

  /**
   * Asserts that map and list show exactly these centers (by dataset entry). The map draws
   * only what is in view, and groups centers when many are: a center has at most one marker
   * of its own, and its own markers plus the groups' counts add up to the centers shown. With
   * `{ zoomedTo: center }` (a selected center the map zoomed to) centers away from it may be
   * off the map, so only that one's marker is required.
   */
  async expectShown(centers, { zoomedTo } = {}) {
    const shown = new Set(centers.map((c) => c.id));
    await expect(async () => (await this.resultCount().textContent()) === trCount('results_count', centers.length),
      `count text is "${trCount('results_count', centers.length)}"`);
    await expect(async () => (await this.list.getByRole('button').count()) === centers.length, `${centers.length} list items`);
    for (const c of dataset.centers) {
      const want = shown.has(c.id) ? 1 : 0;
      if (!want || (zoomedTo && c.id === zoomedTo.id)) {
        await expect(async () => (await this.marker(c.name).count()) === want, `${want} marker for ${c.name}`);
      } else {
        assert.ok((await this.marker(c.name).count()) <= 1, `at most 1 marker for ${c.name}`);
      }
      assert.equal(await this.listItem(c.name).count(), want, `${want} list item for ${c.name}`);
    }
    if (!zoomedTo) {
      await expect(async () => {
        const { singles, grouped } = await this.centersOnMap();
        return singles + grouped === centers.length;
      }, `the map stands for ${centers.length} centers`);
    }
    if (centers.length) {
      const { singles, grouped } = await this.centersOnMap();
      assert.ok(singles + grouped > 0, 'something drawn on the map');
    }
  }

  /** The link that skips header and filters; its target, the results section. */
  get skipLink() { return this.page.getByRole('link', { name: tr('skip_to_results') }); }
  get results() { return this.page.getByRole('region', { name: tr('results_heading') }); }

  /** axe-core's WCAG 2.1 AA violations on the page as it is now (`exclude`: selectors to skip). */
  async axeViolations({ exclude = [] } = {}) {
    let builder = new AxeBuilder({ page: this.page })
      .options({ runOnly: { type: 'tag', values: EVERY_RULE } })
      .disableRules(NOT_YET);
    for (const selector of exclude) builder = builder.exclude(selector);
    return (await builder.analyze()).violations;
  }

  /** What has keyboard focus (null: nothing but the page), with what makes its focus visible:
   *  a drawn outline, a box-shadow or (an SVG line) a stroke that the element does not have
   *  unfocused (a marker's everyday shadow, or a chosen marker's ring, is no focus indicator),
   *  whether its box is on screen, and the contrast of that indicator's colour against what
   *  it is drawn on (WCAG 1.4.11 asks 3:1). The unfocused look is read from a shallow copy
   *  placed beside it for a moment. What the ring is drawn on is read where it is drawn: the
   *  backgrounds of everything under points on the ring (the element's own when the ring is
   *  inside it), so a ring over a coloured header or the map counts that colour. */
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
      const [ringBefore, shadowBefore, strokeBefore] = [ring(c), c.boxShadow, `${c.stroke} ${c.strokeWidth}`];
      const overlayBefore = getComputedStyle(copy, '::after').content;
      copy.remove();
      const unfocused = `outline ${ringBefore}; box-shadow ${shadowBefore}; stroke ${strokeBefore}`;
      const outline = drawn(s) && ring(s) !== ringBefore;
      const shadow = s.boxShadow !== 'none' && s.boxShadow !== shadowBefore;
      const isSvg = el instanceof SVGGeometryElement;
      const stroke = isSvg && s.stroke !== 'none' && `${s.stroke} ${s.strokeWidth}` !== strokeBefore;
      // A ring drawn by an overlay over the element (the map's): its `::after`, with a border,
      // that the unfocused element does not have.
      const a = getComputedStyle(el, '::after');
      const overlay = !outline && !shadow && !stroke && a.content !== 'none' && a.content !== overlayBefore
        && a.borderTopStyle !== 'none' && parseFloat(a.borderTopWidth) > 0;
      const r = el.getBoundingClientRect();
      const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
      const name = (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 60);
      const role = el.getAttribute('role') || el.getAttribute('type') || '';

      // Colours: parse, composite, WCAG relative luminance and contrast ratio.
      const parse = (text) => {
        const m = /rgba?\(([^)]*)\)/.exec(text ?? '');
        if (!m) return null;
        const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return { r, g, b, a };
      };
      const over = (top, bottom) => ({
        r: top.r * top.a + bottom.r * (1 - top.a),
        g: top.g * top.a + bottom.g * (1 - top.a),
        b: top.b * top.a + bottom.b * (1 - top.a),
        a: 1,
      });
      const lum = ({ r, g, b }) => {
        const ch = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
      };
      const contrast = (x, y) => {
        const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p);
        return (a + 0.05) / (b + 0.05);
      };
      const hex = ({ r, g, b }) => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
      // The colour under a point: the backgrounds of what is there, top down to the first
      // opaque one (the page's own at the bottom). `skipSelf`: the ring is outside the element.
      const backgroundAt = (x, y, skipSelf) => {
        const layers = [];
        for (const under of document.elementsFromPoint(x, y)) {
          if (skipSelf && (under === el || el.contains(under))) continue;
          const bg = parse(getComputedStyle(under).backgroundColor);
          if (!bg || bg.a === 0) continue;
          layers.push(bg);
          if (bg.a >= 1) break;
        }
        return layers.reverse().reduce((acc, layer) => over(layer, acc), { r: 255, g: 255, b: 255, a: 1 });
      };
      // Where the indicator is drawn, and in what colour.
      let colour = null;
      let points = [];
      let inside = false;
      const around = (d) => [
        [r.left + r.width / 2, r.top - d], [r.left + r.width / 2, r.bottom + d],
        [r.left - d, r.top + r.height / 2], [r.right + d, r.top + r.height / 2],
      ];
      // A solid, unblurred shadow reaching past the ring (a halo) is painted under it.
      let halo = null;
      if (outline) {
        colour = parse(s.outlineColor);
        const d = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth) / 2;
        inside = d < 0;
        points = around(d);
        for (const part of s.boxShadow === 'none' ? [] : s.boxShadow.split(/,(?![^(]*\))/)) {
          const [x, y, blur, spread] = part.replace(/rgba?\([^)]*\)/, '').trim().split(/\s+/).map(parseFloat);
          if (!/inset/.test(part) && !x && !y && !blur && spread >= d) halo = parse(part);
        }
      } else if (shadow) {
        colour = parse(s.boxShadow);
        const lengths = s.boxShadow.replace(/rgba?\([^)]*\)/, '').trim().split(/\s+/).map(parseFloat);
        inside = /\binset\b/.test(s.boxShadow);
        const spread = lengths[3] || lengths[2] || 2;
        points = around(inside ? -spread / 2 : spread / 2);
      } else if (stroke) {
        colour = parse(s.stroke);
        const len = el.getTotalLength();
        const m = el.getScreenCTM();
        // Points along the line, where it is not under something else (a marker).
        points = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => {
          const q = el.getPointAtLength((len * i) / 10).matrixTransform(m);
          return [q.x, q.y];
        }).filter(([x, y]) => document.elementFromPoint(x, y) === el);
      }
      if (overlay) {
        // Its layers from its edge inwards: its border, then its inset shadows by spread (a
        // wider one shows beyond the narrower above it). Either the border is the ring, with
        // the page outside it and the first band inside; or the border is a band and the
        // first inset shadow the ring, between it and the next band. It must be above
        // everything the element holds (markers, tiles, controls), or those would be its
        // worst case.
        const insets = (a.boxShadow === 'none' ? [] : a.boxShadow.split(/,(?![^(]*\))/))
          .filter((part) => /inset/.test(part))
          .map((part) => ({ colour: parse(part), spread: parseFloat(part.replace(/rgba?\([^)]*\)/, '').replace('inset', '').trim().split(/\s+/)[3]) || 0 }))
          .sort((p, q) => p.spread - q.spread)
          .map((p) => p.colour);
        const border = parse(a.borderTopColor);
        const ringIsBorder = insets.length < 2;
        colour = ringIsBorder ? border : insets[0];
        const z = Number(a.zIndex) || 0;
        const under = [...el.querySelectorAll('*')].filter((n) => getComputedStyle(n).position !== 'static'
          && Number(getComputedStyle(n).zIndex) >= z && n.getBoundingClientRect().width > 0);
        const outside = around(2).filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)
          .map(([x, y]) => backgroundAt(x, y, true));
        const sides = ringIsBorder ? [...outside, ...insets.slice(0, 1)] : [border, insets[1]];
        const ratios = sides.map((bg) => contrast(colour, bg));
        const worst = under.length ? 1 : Math.min(...ratios);
        return {
          what: `<${el.tagName.toLowerCase()}${role ? ` ${role}` : ''}> "${name}"`,
          indicator: true,
          onScreen,
          ringContrast: Math.round(worst * 100) / 100,
          style: `overlay ring ${hex(colour)} between ${sides.map(hex).join(', ')} (border ${a.borderTopWidth} ${a.borderTopColor}, shadows ${a.boxShadow}), z-index ${z}; ${under.length} positioned children at or above it`,
        };
      }
      const seen = points
        .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)
        .map(([x, y]) => backgroundAt(x, y, !inside))
        .map((bg) => (halo ? over(halo, bg) : bg));
      let ringContrast = null;
      let ringOn = '';
      if (colour && seen.length) {
        const ratios = seen.map((bg) => ({ bg, ratio: contrast(colour.a < 1 ? over(colour, bg) : colour, bg) }));
        const worst = ratios.reduce((p, q) => (q.ratio < p.ratio ? q : p));
        ringContrast = Math.round(worst.ratio * 100) / 100;
        ringOn = hex(worst.bg);
      }
      return {
        what: `<${el.tagName.toLowerCase()}${role ? ` ${role}` : ''}${el.id ? ` #${el.id}` : ''}> "${name}"`,
        indicator: outline || shadow || stroke,
        onScreen,
        ringContrast,
        style: `outline: ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} offset ${s.outlineOffset}; box-shadow: ${s.boxShadow}; stroke: ${s.stroke} ${s.strokeWidth}; drawn on ${ringOn || 'nothing seen'}; unfocused: ${unfocused}`,
      };
    });
  }

  /** Whether `locator` (any of its matches) has keyboard focus. Does not wait for it to exist. */
  async hasFocus(locator) {
    return locator.evaluateAll((els) => els.includes(document.activeElement));
  }

  /** Asserts that what has focus shows it: an outline, box-shadow or stroke, on screen, in a
   *  colour with at least 3:1 contrast against what it is drawn on (WCAG 1.4.11). */
  async expectFocusVisible() {
    const f = await this.focused();
    assert.ok(f, 'something has focus');
    assert.ok(f.indicator, `no visible focus indicator on ${f.what} (${f.style})`);
    assert.ok(f.onScreen, `focused ${f.what} is not on screen`);
    assert.ok(f.ringContrast !== null && f.ringContrast >= 3,
      `focus indicator of ${f.what} has contrast ${f.ringContrast}:1 against what it is drawn on, below 3:1 (${f.style})`);
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
