// How current a center's facts are (review of the journeys, defect 16): the detail and the
// referral sheet give the date of the newest source beside the day the sources were read, and
// warn when that source is more than two years older than the reading, or when no source is
// dated. The oracle is written here from the dataset's dates (core/src/dataset/model.rs
// `Center::sources_are_old` is what it checks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, nameIn, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();

/** The newest source date of `c`, and whether its facts are old: the newest date (the end of
 *  its year or month when cut short) plus two years before the day read. */
function age(c) {
  const dates = c.sources.map((s) => s.date).filter(Boolean).sort();
  const newest = dates.at(-1) ?? null;
  if (!newest) return { newest, old: true };
  const [y, m = 12, d] = newest.split('-').map(Number);
  const end = new Date(Date.UTC(y + 2, m - 1, d ?? new Date(Date.UTC(y, m, 0)).getUTCDate()));
  return { newest, old: new Date(`${c.last_verified}T00:00:00Z`) > end };
}

const old = dataset.centers.find((c) => c.last_verified && age(c).newest && age(c).old);
const fresh = dataset.centers.find((c) => c.last_verified && age(c).newest && !age(c).old);
const undated = dataset.centers.find((c) => c.last_verified && !age(c).newest);

for (const lang of ['ru', 'en']) {
  test(`the detail says how current the facts are, and warns when they may not be (${lang})`, async () => {
    for (const [c, warning] of [[old, 'detail_sources_old'], [fresh, null], [undated, 'detail_sources_undated']]) {
      assert.ok(c, 'the dataset has such a center');
      await t.app.open(`lang=${lang}&center=${c.id}`, { waitReady: false });
      const detail = t.page.getByRole('region', { name: nameIn(c, lang), exact: true });
      await expect(() => detail.isVisible(), `${c.id}: detail open`);
      const text = await detail.textContent();
      assert.ok(text.includes(tr('detail_last_verified', {}, lang)) && text.includes(c.last_verified), `${c.id}: the day read`);
      const { newest } = age(c);
      if (newest) assert.ok(text.includes(`${tr('detail_newest_source', {}, lang)}`) && text.includes(newest), `${c.id}: newest source ${newest}`);
      for (const key of ['detail_sources_old', 'detail_sources_undated']) {
        assert.equal(text.includes(tr(key, {}, lang)), key === warning, `${c.id}: ${key} ${key === warning ? 'shown' : 'not shown'}`);
      }
    }
  });
}

test('the referral sheet carries the same warning', async () => {
  await t.app.open(`lang=ru&center=${old.id}&sheet=1`, { waitReady: false });
  const sheet = t.page.getByRole('article');
  await expect(() => sheet.first().isVisible(), 'the sheet shown');
  const text = await sheet.first().textContent();
  assert.ok(text.includes(tr('detail_sources_old', {}, 'ru')), 'warned');
  assert.ok(text.includes(age(old).newest), 'the newest source date');
});
