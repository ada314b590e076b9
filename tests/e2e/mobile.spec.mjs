// On a phone (375x667) the detail opens under the map, in the page flow: choosing a center far
// down the list must bring the detail to the reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp({ viewport: { width: 375, height: 667 } });

test('choosing a center from the list on a phone scrolls its detail into view', async () => {
  const c = dataset.centers.at(-1);
  await t.app.open();
  const heading = t.app.detail(c.name).getByRole('heading', { name: c.name });
  await t.app.listItem(c.name).click();
  await expect(() => heading.isVisible(), 'detail open');
  const inViewport = async () => {
    const b = await heading.boundingBox();
    const v = t.page.viewportSize();
    return !!b && b.y >= 0 && b.y + b.height <= v.height;
  };
  await expect(inViewport, 'detail heading on screen');
  assert.ok(await inViewport());
});
