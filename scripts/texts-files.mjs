// Trunk post-build step (scripts/post-build.mjs runs it before the service worker's list is
// written): copies the interface texts of every language but English into the build, as
// `locales/<code>.<hash>.txt`. Only English's texts are compiled into the wasm; build.rs writes
// the others to its OUT_DIR (format: src/texts_file.rs) and compiles their names into the
// wasm, which fetches the reader's. The names are read from the wasm just built, and each
// file is looked for in the OUT_DIRs of cargo's target directory: the hash in a name is of the
// file's contents, so any copy with that name is the right one. Fails the build if one is
// missing, rather than deploy a page whose Russian readers would get English.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('texts-files: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook)');
  process.exit(1);
}

/** The texts files the wasm of the build names (build.rs `TEXT_FILES`). */
function named() {
  const wasm = readdirSync(dir).filter((f) => f.endsWith('_bg.wasm'));
  if (wasm.length !== 1) {
    console.error(`texts-files: expected one *_bg.wasm in the build, found ${wasm.length}`);
    process.exit(1);
  }
  const bytes = readFileSync(join(dir, wasm[0])).toString('latin1');
  return [...new Set(bytes.match(/locales\/[a-z]{2}\.[0-9a-f]{16}\.txt/g) ?? [])].sort();
}

/** Every `out/locales` directory of this package's build scripts, for any target and profile. */
function outDirs() {
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--offline', '--no-deps', '--format-version', '1'], { encoding: 'utf8' }));
  const found = [];
  const walk = (path, depth) => {
    if (!existsSync(path) || depth > 3) return;
    for (const e of readdirSync(path, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const here = join(path, e.name);
      if (e.name === 'build') {
        for (const b of readdirSync(here)) {
          if (b.startsWith('shifo-')) found.push(join(here, b, 'out', 'locales'));
        }
      } else {
        walk(here, depth + 1);
      }
    }
  };
  walk(meta.target_directory, 0);
  return found.filter((d) => existsSync(d));
}

const wanted = named();
if (wanted.length !== 6) {
  console.error(`texts-files: the wasm names ${wanted.length} texts files, not six: ${wanted.join(' ')}`);
  process.exit(1);
}
const dirs = outDirs();
mkdirSync(join(dir, 'locales'), { recursive: true });
for (const path of wanted) {
  const name = path.slice('locales/'.length);
  const from = dirs.map((d) => join(d, name)).find((f) => existsSync(f));
  if (!from) {
    console.error(`texts-files: ${name} is not in any build script's output (${dirs.length} looked at)`);
    process.exit(1);
  }
  copyFileSync(from, join(dir, path));
}
// The page names them too, before boot.js (which reads it to start the reader's file while the
// code downloads, rather than once the code runs): `<meta name="shifo-texts" content="ru=…">`.
const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
const boot = /<script (?=[^>]*\bsrc="?(?:\.\/)?boot\.js"?[ >])[^>]*><\/script>/;
if (!boot.test(html)) {
  console.error('texts-files: index.html has no <script src="boot.js">');
  process.exit(1);
}
const content = wanted.map((path) => `${path.slice('locales/'.length, 'locales/'.length + 2)}=${path}`).join(' ');
writeFileSync(page, html.replace(boot, (tag) => `<meta name="shifo-texts" content="${content}">${tag}`));
console.log(`texts-files: ${wanted.length} languages' texts in locales/`);
