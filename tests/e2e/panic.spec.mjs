// A panic never leaves a blank or frozen page: the hook shows what happened, in the reader's
// language, with a reload button that brings the app back. Runs on the test build made with
// `--features fault-injection` (scripts/test.sh), where `fault=panic` panics after loading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { dataset, tr, trCount } from './support/locale.mjs';
import { expect } from './support/expect.mjs';

const root = resolve(import.meta.dirname, '../../target/dist-faults');
assert.ok(existsSync(resolve(root, 'index.html')),
  'target/dist-faults is missing: trunk build --release --offline --features fault-injection --dist target/dist-faults');
const t = useApp({ root });

test('a panic shows a notice in the reader\'s language, and its reload button brings the app back', async () => {
  await t.app.open('lang=ru&fault=panic', { waitReady: false });
  const notice = t.page.getByRole('alert').filter({ hasText: tr('panic_message', {}, 'ru') });
  await expect(() => notice.isVisible(), 'the panic notice is shown');
  // The notice is on top of the page, not hidden behind the map.
  const box = await notice.boundingBox();
  const topmost = await t.page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('#panic-notice'),
    { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  assert.ok(topmost, 'nothing covers the notice');
  // The panic itself is in the console, for whoever debugs it; it is the only error.
  const [panic, ...rest] = t.errors.splice(0);
  assert.match(panic ?? '', /fault injected by the link/);
  assert.ok(rest.every((e) => /unreachable|fault injected/.test(e)), rest.join('\n'));
  // The link no longer asks for the fault, so the reload recovers, still in Russian.
  await notice.getByRole('button', { name: tr('panic_reload', {}, 'ru') }).click();
  await expect(async () => (await t.page.getByRole('status').filter({ hasText: trCount('results_count', dataset.centers.length, 'ru') }).count()) === 1,
    'the app is back after reload');
  assert.equal(await t.page.getByRole('alert').count(), 0);
  assert.ok(!t.page.url().includes('fault='));
});
