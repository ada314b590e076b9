// Trunk post-build step: minifies the wasm-bindgen glue (`shifo-<hash>.js`) with terser, as
// Trunk's own minifier (minify-js 0.5) cannot parse its `export default` and leaves it whole,
// then writes the file's new Subresource Integrity hash where index.html names it (Trunk's
// `integrity=` on its preload link). The name keeps Trunk's hash: it still changes whenever the
// glue does, which is all a cache needs. Release builds only (Trunk.toml `minify`).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-js: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
const glue = release ? readdirSync(dir).filter((f) => /^shifo-[0-9a-f]+\.js$/.test(f)) : [];
for (const name of glue) {
  const file = join(dir, name);
  const before = readFileSync(file);
  const { code } = await minify(before.toString('utf8'), { module: true, ecma: 2020, compress: { passes: 2 } });
  const after = Buffer.from(code, 'utf8');
  writeFileSync(file, after);
  const old = sri(before);
  if (!html.includes(old)) {
    console.error(`minify-js: index.html does not name ${name} by its integrity hash`);
    process.exit(1);
  }
  html = html.replaceAll(old, sri(after));
  console.log(`minify-js: ${name} ${(before.length / 1024).toFixed(1)} -> ${(after.length / 1024).toFixed(1)} KB`);
}
writeFileSync(page, html);
