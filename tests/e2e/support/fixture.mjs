// One server + browser per spec file; a fresh page per test.
import { before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, watchErrors } from './browser.mjs';
import { ShifoPage } from './shifo-page.mjs';

/** Registers hooks and returns a holder whose `app`, `page` and `errors` are set per test.
 *  `headers` are sent with every file the app server answers (e.g. a CSP); `root` is the
 *  build to serve (dist/ by default); other options go to `launch`. */
export function useApp({ headers, root, prefix, ...options } = {}) {
  const t = {};
  before(async () => {
    t.server = await serve(root, headers, { prefix });
    Object.assign(t, await launch(options));
  });
  after(async () => {
    await t.browser?.close();
    await t.server?.close();
  });
  beforeEach(async () => {
    t.page = await t.context.newPage();
    t.errors = watchErrors(t.page);
    t.app = new ShifoPage(t.page, t.server.url);
  });
  afterEach(async () => {
    const errors = t.errors;
    await t.page.close();
    assert.deepEqual(errors, [], 'no page or console errors');
  });
  return t;
}
