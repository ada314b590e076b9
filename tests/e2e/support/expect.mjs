// Polling assertion: retries `check` until it returns true or the time is up.
import assert from 'node:assert/strict';

export async function expect(check, what, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      if (await check()) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) assert.fail(`timed out waiting for: ${what}${last ? ` (${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
