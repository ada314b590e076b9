// The interface strings, read from the same file the app compiles in.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
export const en = JSON.parse(readFileSync(resolve(root, 'locales/en.json'), 'utf8'));

/** The string for `key` with `{name}` placeholders filled in. */
export function tr(key, args = {}) {
  const s = en[key];
  if (s === undefined) throw new Error(`no locale key ${key}`);
  return Object.entries(args).reduce((acc, [k, v]) => acc.replaceAll(`{${k}}`, String(v)), s);
}

/** English plural form: `key_one` / `key_other`. */
export function trCount(key, count) {
  return tr(`${key}_${count === 1 ? 'one' : 'other'}`, { count });
}

/** The bundled dataset, the oracle for what the page must show. */
export const dataset = JSON.parse(readFileSync(resolve(root, 'public/data/centers.json'), 'utf8'));
