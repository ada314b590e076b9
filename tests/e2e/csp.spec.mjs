// Under the strict Content-Security-Policy docs/embedding.md documents (no inline script, no eval,
// no style attributes, images only from here and the tile server), the app works, full and
// embedded, and the browser reports no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp } from './support/fixture.mjs';
import { CSP } from './support/server.mjs';
import { dataset, tr } from './support/locale.mjs';
import { expect } from './support/expect.mjs';
import { groupName } from './support/shifo-page.mjs';

const t = useApp({ headers: { 'content-security-policy': CSP } });

/** Starts recording `securitypolicyviolation` events before any script of the page runs. */
async function recordViolations() {
  await t.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || '(inline)'}`);
    });
  });
}
const violations = () => t.page.evaluate(() => window.__violations);

test('docs/embedding.md documents exactly the policy tested here', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../docs/embedding.md'), 'utf8');
  assert.ok(readme.includes(`Content-Security-Policy: ${CSP}\n`), 'docs/embedding.md has the header line');
});

test('the policy is in force: an injected inline script is refused and reported', async () => {
  await recordViolations();
  await t.app.open();
  await t.page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.head.append(s);
  });
  await expect(async () => (await violations()).length === 1, 'one violation reported');
  assert.equal(await t.page.evaluate(() => window.__ran), undefined);
  assert.match((await violations())[0], /^script-src/);
  // The browser logs the refusal as a console error; it is this test's own doing.
  t.errors.length = 0;
});

test('the app loads and works under the policy with zero violations', async () => {
  await recordViolations();
  await t.app.open();
  await t.app.expectShown(dataset.centers);
  const c = dataset.centers.find((x) => x.id === 'proton-therapy-center-astana');
  await t.app.countryBox(c.country).check();
  await (await t.app.showMarker(c)).click();
  await expect(() => t.app.detail(c.name).isVisible(), 'detail open');
  await t.app.search.fill('Astana');
  await t.page.getByLabel(tr('language_label')).selectOption('ru');
  await expect(() => t.page.getByRole('heading', { name: tr('results_heading', {}, 'ru') }).isVisible(), 'Russian');
  assert.deepEqual(await violations(), []);
});

test('embedded with a theme and a lock, under the policy, with zero violations', async () => {
  await recordViolations();
  await t.page.goto(`${t.server.url}?embed=1&country=KG&lock=country&accent=1d4ed8&theme=dark`);
  const kg = dataset.centers.filter((c) => c.country === 'KG');
  await expect(async () => (await t.app.list.getByRole('button').count()) === kg.length, 'Kyrgyz centers listed');
  assert.deepEqual(await violations(), []);
});

test('a long, windowed list and grouped markers under the policy, with zero violations', async () => {
  // The bundled centers six times over (new ids): over the 200 rows where the list is windowed
  // and the 150 markers where the map groups them.
  const copies = [0, 1, 2, 3, 4, 5].flatMap((k) => dataset.centers.map((c) => ({ ...c, id: `${c.id}-${k}`, part_of: undefined })));
  const body = JSON.stringify({ ...dataset, centers: copies, hubs: [], partnerships: [], events: [] });
  await t.page.route('**/data/centers.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await recordViolations();
  await t.app.open();
  const rows = t.app.list.getByRole('listitem');
  await expect(async () => (await rows.first().getAttribute('aria-setsize')) === String(copies.length), 'windowed list');
  await expect(async () => (await t.app.map.getByRole('button', { name: groupName() }).count()) > 0, 'groups drawn');
  await t.app.scrollResults(3000);
  await expect(async () => (await rows.count()) > 0 && (await rows.first().getAttribute('aria-posinset')) !== '1', 'scrolled rows');
  assert.deepEqual(await violations(), []);
});
