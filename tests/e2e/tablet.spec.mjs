// One column wider than a phone (640–799 px: the map above, the list and panels below, no
// switch): what is chosen in the events panel comes into view, and keyboard focus goes with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp({ viewport: { width: 700, height: 900 } });

const event = dataset.events.find((x) => x.id === 'kazakh-medicine-days-tajikistan');

async function openEvents() {
  await t.app.open();
  await t.page.getByText(tr('events_summary', { count: dataset.events.length }), { exact: true }).click();
  return t.page.getByRole('list').filter({ has: t.page.getByRole('heading', { name: event.title }) });
}

/** Whether `locator` lies wholly inside the window as it is scrolled now. */
async function onScreen(locator) {
  const b = await locator.boundingBox();
  const v = t.page.viewportSize();
  return !!b && b.y >= 0 && b.y + b.height <= v.height;
}

for (const width of [640, 700, 799]) {
  test(`at ${width} px, a center chosen by keyboard in the events panel: its detail on screen with focus, Escape closes it`, async () => {
    await t.page.setViewportSize({ width, height: 900 });
    const list = await openEvents();
    const c = dataset.centers.find((x) => x.id === event.centers[1]);
    const button = list.getByRole('button', { name: c.name, exact: true });
    await button.focus();
    await t.page.keyboard.press('Enter');
    const detail = t.app.detail(c.name);
    const heading = detail.getByRole('heading', { name: c.name });
    await expect(() => detail.isVisible(), 'detail open');
    await expect(() => onScreen(heading), 'the detail heading on screen');
    await expect(() => heading.evaluate((h) => h === document.activeElement), 'focus on the detail heading');
    await t.page.keyboard.press('Escape');
    await expect(async () => (await detail.count()) === 0, 'Escape closed the detail');
  });
}

test("at 700 px, an event's city button brings the map, above, into view", async () => {
  const list = await openEvents();
  const city = event.cities[0];
  const button = list.getByRole('button', { name: tr('event_show_city', { city }) });
  await button.scrollIntoViewIfNeeded();
  assert.equal(await onScreen(t.app.map), false, 'the map is out of sight from the panel');
  await button.click();
  await expect(async () => {
    const b = await t.app.map.boundingBox();
    return !!b && b.y >= -1 && b.y < 900 / 2;
  }, 'the map scrolled into view');
});
