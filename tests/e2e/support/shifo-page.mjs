// Page object: how a person (or a screen reader) finds things on Shifo's page.
import assert from 'node:assert/strict';
import { expect } from './expect.mjs';
import { tr, trCount, dataset } from './locale.mjs';

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
    return this.page.getByRole('group', { name: tr('specialty_legend') }).getByRole('checkbox', { name: new RegExp(`^${label} \\d+$`) });
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
}
