// Trunk post-build hook: moves the inline module script that trunk writes into index.html
// (it imports the wasm-bindgen glue and starts the app) into a file of its own, so the app runs
// under `script-src 'self'` with no inline script and no hash to keep in step with each build.
// Fails the build if any other inline script or style attribute is left in the page.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-loader: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
// Quoted or not: a release build's page is minified (Trunk.toml `minify`), which drops the quotes.
const inline = /<script type=(?:"module"|module)>([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) {
  console.error(`csp-loader: expected trunk's one inline module script in index.html, found ${found.length}`);
  process.exit(1);
}
const body = found[0][1].trim() + '\n';
const name = `start-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), body);
// Relative, as every URL trunk writes (`public_url = "./"`): the build works under a sub-path.
html = html.replace(found[0][0], `<script type="module" src="./${name}"></script>`);
// `trunk serve` without --no-autoreload appends its inline reload script; that is a development
// server only, so it is let through with a note (scripts/serve.sh turns it off).
const reload = /<script[^>]*>(?:(?!<\/script>)[\s\S])*\.well-known\/trunk\/ws[\s\S]*?<\/script>/;
const checked = html.replace(reload, () => {
  console.warn('csp-loader: leaving trunk serve\'s inline autoreload script (not CSP-clean; development only)');
  return '';
});
const leftovers = [...checked.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]);
if (leftovers.length || /\sstyle=/.test(checked) || /\son[a-z]+=/.test(checked)) {
  console.error(`csp-loader: inline script, style or handler left in index.html: ${leftovers.join(' ')}`);
  process.exit(1);
}
writeFileSync(file, html);
console.log(`csp-loader: the loader is ${name}`);
