// Prints the app payload of the release build in dist/: wasm, js and css, raw and gzip,
// excluding Leaflet (vendor/) and the dataset (data/).
//
// `--budget KB`: fails (exit 1) when the gzip total is above KB. scripts/test.sh sets it just
// above the last measured payload, so growth is a decision (raise it in the same commit, and
// say why) and never an accident.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';

// SHIFO_DIST: a build elsewhere (as the browser suite reads it), else dist/.
const dist = resolve(process.env.SHIFO_DIST ?? resolve(import.meta.dirname, '../dist'));
const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
if (!files.length) {
  console.error('size-report: no build in dist/ (run trunk build --release first)');
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let raw = 0;
let gz = 0;
console.log(`${'file'.padEnd(40)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}`);
for (const f of files) {
  const body = readFileSync(join(dist, f));
  const g = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += g;
  console.log(`${f.padEnd(40)} ${kb(body.length)} ${kb(g)}`);
}
console.log(`${'total (app payload)'.padEnd(40)} ${kb(raw)} ${kb(gz)}`);

const at = process.argv.indexOf('--budget');
if (at > 0) {
  const budget = Number(process.argv[at + 1]);
  if (!(budget > 0)) {
    console.error(`size-report: --budget needs a number of KB, got "${process.argv[at + 1]}"`);
    process.exit(2);
  }
  const total = gz / 1024;
  if (total > budget) {
    console.error(`size-report: the payload is ${total.toFixed(1)} KB gzip, over the budget of ${budget} KB`);
    process.exit(1);
  }
  console.log(`within the budget of ${budget} KB gzip (${(budget - total).toFixed(1)} KB left)`);
}
