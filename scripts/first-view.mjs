// Trunk post-build step: writes the first view of every interface language into the built
// index.html (its empty `<div id="first-view">`), so the page is readable before the code
// arrives. The HTML comes from the core (`shifo-data first-view`): the same names, texts and
// plural rules as the app, from the bundled dataset, its translations and locales/*.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('first-view: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook)');
  process.exit(1);
}
const root = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'shifo-first-view-'));
const out = join(scratch, 'first-view.html');
try {
  // The native CLI, built like the tests build it (debug, quick to compile, shared with them).
  execFileSync('cargo', [
    'run', '--quiet', '--offline', '--package', 'shifo-core', '--bin', 'shifo-data', '--',
    'first-view', join(root, 'public/data/centers.json'), join(root, 'locales'), out,
  ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const views = readFileSync(out, 'utf8');
  const file = join(dir, 'index.html');
  const html = readFileSync(file, 'utf8');
  // Quoted or not, in any order: a release build's page is minified, which drops the quotes
  // and sorts the attributes.
  const slot = /<div (?=[^>]*\bid="?first-view"?[ >])[^>]*><\/div>/;
  if (!slot.test(html)) {
    console.error('first-view: index.html has no empty <div id="first-view">');
    process.exit(1);
  }
  // A function, not a replacement string: `$&` or `$'` in the data would be read as patterns.
  writeFileSync(file, html.replace(slot, (empty) => `${empty.slice(0, -'</div>'.length)}${views}</div>`));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
