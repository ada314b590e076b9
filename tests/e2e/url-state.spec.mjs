// The query string holds every filter and the selection; Back and Forward step through changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/fixture.mjs';
import { dataset, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const t = useApp();
const query = () => new URL(t.page.url()).search.replace(/^\?/, '');

test('a deep link reproduces filters and selection', async () => {
  const target = dataset.centers.find((c) => c.id === 'national-center-for-maternal-and-child-health-bishkek');
  await t.app.open(`country=KG,UZ&specialty=pediatric-oncology&pediatric=1&center=${target.id}`);
  await t.app.expectShown(dataset.centers.filter((c) => ['KG', 'UZ'].includes(c.country) && c.pediatric?.treats_children && c.specialties.includes('pediatric-oncology')), { zoomedTo: target });
  assert.ok(await t.app.countryBox('KG').isChecked());
  assert.ok(await t.app.countryBox('UZ').isChecked());
  assert.ok(await t.app.pediatricBox().isChecked());
  assert.ok(await t.app.detail(target.name).isVisible());
  assert.equal(await t.app.listItem(target.name).getAttribute('aria-current'), 'true');
});

test('a text query in the link fills the search box', async () => {
  await t.app.open('q=Almaty');
  assert.equal(await t.app.search.inputValue(), 'Almaty');
  await t.app.expectShown(dataset.centers.filter((c) => c.city === 'Almaty'));
});

test('unknown and malformed values are ignored and not written back', async () => {
  await t.app.open('country=KZ,XX&specialty=astrology,oncology&pediatric=maybe&center=nobody&q=%E0%A4&zoom=3');
  await expect(() => query() === 'country=KZ&specialty=oncology', `URL rewritten (is ${query()})`);
  await t.app.expectShown(dataset.centers.filter((c) => c.country === 'KZ' && c.specialties.includes('oncology')));
  assert.equal(await t.app.search.inputValue(), '');
  assert.ok(await t.app.countryBox('KZ').isChecked());
});

test('changing filters writes the URL; back restores the previous filters', async () => {
  await t.app.open();
  await t.app.countryBox('KZ').check();
  await expect(() => query() === 'country=KZ', 'country in URL');
  await t.app.pediatricBox().check();
  await expect(() => query() === 'country=KZ&pediatric=1', 'pediatric in URL');
  await t.page.goBack();
  await expect(() => query() === 'country=KZ', 'back to country only');
  await t.app.expectShown(dataset.centers.filter((c) => c.country === 'KZ'));
  assert.equal(await t.app.pediatricBox().isChecked(), false);
  await t.page.goBack();
  await t.app.expectShown(dataset.centers);
  await t.page.goForward();
  await t.app.expectShown(dataset.centers.filter((c) => c.country === 'KZ'));
  assert.ok(await t.app.countryBox('KZ').isChecked());
});

test('typing a query adds one history entry, not one per key', async () => {
  await t.app.open();
  await t.app.search.pressSequentially('tashkent');
  await expect(() => query() === 'q=tashkent', 'q in URL');
  await t.page.goBack();
  await expect(() => query() === '', 'one step back clears the query');
  await t.app.expectShown(dataset.centers);
});

test('"Copy link" puts the exact view on the clipboard, and the link reproduces it', async () => {
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.server.url.replace(/\/$/, '') });
  await t.app.open();
  await t.app.countryBox('KG').check();
  await t.app.listItem(dataset.centers.find((c) => c.id === 'pediatric-oncohematology-osh').name).click();
  await t.page.getByRole('button', { name: tr('share_copy') }).click();
  await expect(() => t.page.getByRole('status').filter({ hasText: tr('share_copied') }).isVisible(), 'confirmation spoken');
  const copied = await t.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(copied).search, '?country=KG&center=pediatric-oncohematology-osh');
  const other = await t.context.newPage();
  await other.goto(copied);
  const again = new (t.app.constructor)(other, t.server.url);
  await again.expectShown(dataset.centers.filter((c) => c.country === 'KG'), { zoomedTo: dataset.centers.find((c) => c.id === 'pediatric-oncohematology-osh') });
  assert.ok(await again.detail(dataset.centers.find((c) => c.id === 'pediatric-oncohematology-osh').name).isVisible());
  await other.close();
});

test('"Copy link" says so when the clipboard is refused', async () => {
  await t.page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await t.app.open('country=TJ');
  await t.page.getByRole('button', { name: tr('share_copy') }).click();
  await expect(() => t.page.getByRole('status').filter({ hasText: tr('share_failed') }).isVisible(), 'failure spoken');
});

test('back and forward open and close the detail; back restores the search text', async () => {
  const c = dataset.centers.find((x) => x.id === 'umc-heart-center-astana');
  await t.app.open();
  await t.app.search.fill('astana');
  await expect(() => query() === 'q=astana', 'q in URL');
  await t.app.listItem(c.name).click();
  await expect(() => query() === `q=astana&center=${c.id}`, 'center in URL');
  await t.app.countryBox('KZ').check();
  await t.page.goBack();
  await expect(() => query() === `q=astana&center=${c.id}`, 'back: country unchecked');
  assert.ok(await t.app.detail(c.name).isVisible());
  await t.page.goBack();
  await expect(async () => (await t.app.detail(c.name).count()) === 0, 'back: detail closed');
  assert.equal(await t.app.search.inputValue(), 'astana');
  await t.page.goBack();
  await expect(async () => (await t.app.search.inputValue()) === '', 'back: search text cleared');
  await t.app.expectShown(dataset.centers);
  await t.page.goForward();
  await expect(async () => (await t.app.search.inputValue()) === 'astana', 'forward: search text back');
  await t.page.goForward();
  await expect(() => t.app.detail(c.name).isVisible(), 'forward: detail open again');
});

test('a leading space does not swallow the entry before typing', async () => {
  await t.app.open('country=KZ');
  await t.app.countryBox('UZ').check();
  await expect(() => query() === 'country=KZ,UZ', 'UZ added');
  await t.app.search.pressSequentially(' a');
  await expect(() => query() === 'country=KZ,UZ&q=a', 'q in URL');
  await t.page.goBack();
  await expect(() => query() === 'country=KZ,UZ', 'back to KZ+UZ without text');
  await t.page.goBack();
  await expect(() => query() === 'country=KZ', 'back to KZ');
});
