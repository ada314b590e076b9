// The interface strings, read from the same files the app compiles in (build.rs).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const load = (code) => JSON.parse(readFileSync(resolve(root, `locales/${code}.json`), 'utf8'));

/** Every interface language, as in the switcher. */
export const LANGS = ['en', 'ru', 'kk', 'uz', 'ky', 'tg', 'tk'];
export const locales = Object.fromEntries(LANGS.map((l) => [l, load(l)]));
export const en = locales.en;

/** The string for `key` in `lang` with `{{ name }}` placeholders filled in. */
export function tr(key, args = {}, lang = 'en') {
  const s = locales[lang][key];
  if (s === undefined) throw new Error(`no locale key ${key} in ${lang}`);
  return Object.entries(args).reduce((acc, [k, v]) => acc.replaceAll(`{{ ${k} }}`, String(v)), s);
}

/** Data set inside one of our sentences, as the app isolates it (FSI … PDI), so that a
 *  right-to-left override in data cannot reverse the words around it. */
export const isolate = (data) => `\u2068${data}\u2069`;

/** The plural form the language's CLDR rules pick (`key_one`, `key_few`, …), else the
 *  `_other` form, else the plain key (Tajik has a single form). */
export function trCount(key, count, lang = 'en') {
  const form = new Intl.PluralRules(lang).select(count);
  const file = locales[lang];
  const k = [`${key}_${form}`, `${key}_other`, key].find((c) => file[c] !== undefined);
  // The number as the language writes it (the browser's CLDR data: "30 000", "30,000"),
  // which the app writes with its own code (core/src/lang.rs, Lang::number).
  return tr(k, { count: new Intl.NumberFormat(lang).format(count) }, lang);
}

/** One language's translations of the dataset's texts (`public/data/translations/<lang>.json`),
 *  keyed by where each belongs (`centers/<id>/summary`). */
export const translations = (lang) =>
  JSON.parse(readFileSync(resolve(root, `public/data/translations/${lang}.json`), 'utf8')).texts;

/** `file` with every language's translations in place, as the page has them once fetched
 *  (written here from the keys' description in docs/dataset-format.md, independently of
 *  core/src/dataset/translations.rs). */
function withTranslations(file) {
  const d = structuredClone(file);
  const byId = (list) => Object.fromEntries((list ?? []).map((x) => [x.id, x]));
  const found = { centers: byId(d.centers), events: byId(d.events), hubs: byId(d.hubs), partnerships: d.partnerships ?? [] };
  // Where a key's text goes: the record and the field holding its texts by language.
  const spot = (record, [part, i]) => {
    if (part === 'figures') return [record.figures[Number(i)], 'what'];
    if (part === 'capacity') return [record.capacity, 'note'];
    if (part === 'care') return [record.care[Number(i)], 'note'];
    if (part === 'access') return [record.access, i];
    if (part === 'title') return [record, 'titles'];
    if (part === 'name') return [record, 'names'];
    // An address's translations join the address it has by language (`address` is texts by
    // language, or a plain string in no stated language, which stays as its `und` text).
    if (part === 'address') {
      if (typeof record.address === 'string') record.address = { und: record.address };
      return [record, 'address'];
    }
    return [record, part];
  };
  for (const lang of LANGS.filter((l) => l !== 'en' && (file.translations ?? []).includes(l))) {
    for (const [key, text] of Object.entries(translations(lang))) {
      const [kind, id, ...rest] = key.split('/');
      const record = found[kind][kind === 'partnerships' ? Number(id) : id];
      if (!record) throw new Error(`translations/${lang}.json: ${key} belongs nowhere`);
      const [owner, field] = spot(record, rest);
      owner[field] = { ...(owner[field] ?? {}), [lang]: text };
    }
  }
  return d;
}

/** The bundled dataset as the page has it, its translations fetched (texts may be marked
 *  translations: `{ text, translated_from }`). */
export const rawDataset = withTranslations(JSON.parse(readFileSync(resolve(root, 'public/data/centers.json'), 'utf8')));

/** A text of the data as shown: a marked translation or transliteration shows its text. */
export const textOf = (t) => (t && typeof t === 'object' ? t.text : t);

/** Texts by language (`summary`, a hub's `scope`) as the English reader sees them: English,
 *  else Russian, else any (as the app picks). */
export const englishOf = (texts) => {
  if (!texts || typeof texts !== 'object') return texts;
  return textOf(texts.en ?? texts.ru ?? Object.values(texts)[0]);
};

const plainTexts = (m) => (m ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, textOf(v)])) : m);

/** The bundled dataset with every text plain (names and labels by language as strings, the
 *  texts shown in English as strings): the oracle for what the page must show, and still a
 *  dataset the app reads (format 2 allows both forms). */
export const dataset = {
  ...rawDataset,
  specialties: rawDataset.specialties.map((s) => ({ ...s, labels: plainTexts(s.labels) })),
  centers: rawDataset.centers.map((c) => ({
    ...c,
    name: textOf(c.name),
    names: plainTexts(c.names),
    ...(c.summary ? { summary: englishOf(c.summary) } : {}),
    ...(c.address ? { address: englishOf(c.address) } : {}),
    ...(c.capacity ? { capacity: { ...c.capacity, ...(c.capacity.note ? { note: englishOf(c.capacity.note) } : {}) } } : {}),
  })),
  partnerships: (rawDataset.partnerships ?? []).map((p) => ({
    ...p,
    ...(p.occasion ? { occasion: englishOf(p.occasion) } : {}),
    ...(p.scope ? { scope: englishOf(p.scope) } : {}),
  })),
  events: (rawDataset.events ?? []).map((e) => ({
    ...e,
    title: textOf(e.title),
    titles: plainTexts(e.titles),
    ...(e.summary ? { summary: englishOf(e.summary) } : {}),
  })),
  hubs: (rawDataset.hubs ?? []).map((h) => ({
    ...h,
    name: textOf(h.name),
    names: plainTexts(h.names),
    ...(h.scope ? { scope: englishOf(h.scope) } : {}),
  })),
};

/** Where a text is looked for, in order (as core/src/lang.rs `Lang::fallbacks`): the language,
 *  then Russian, then English; for Uzbek and Turkmen, written in Latin letters, English first. */
export const fallbacks = (lang) => (lang === 'uz' || lang === 'tk' ? [lang, 'en', 'ru'] : [lang, 'ru', 'en']);

/** A center's name in `lang`, along the fallbacks (as the app does). */
export function nameIn(center, lang) {
  for (const l of fallbacks(lang)) {
    const name = l === 'en' ? center.name : center.names?.[l];
    if (name) return name;
  }
  return center.name;
}


/** The accessible name (and title) of `center`'s marker in `lang`: its name, and for a center
 *  that treats children the pediatric badge's words after it, the name isolated from them. */
export function markerName(center, lang = 'en') {
  const name = nameIn(center, lang);
  return center.pediatric?.treats_children ? `${isolate(name)} (${tr('badge_pediatric', {}, lang)})` : name;
}

/** The bundled center whose marker is named `name` in `lang`, if any. */
export function centerOfMarker(name, lang = 'en') {
  return dataset.centers.find((c) => markerName(c, lang) === name);
}

/** A specialty's label in `lang`, with the same fallbacks. */
export function labelIn(specialty, lang) {
  for (const l of fallbacks(lang)) {
    const label = l === 'en' ? specialty.label : specialty.labels?.[l];
    if (label) return label;
  }
  return specialty.label;
}

/** The region's cities with their coordinates, read from the table the app compiles in
 *  (core/src/geo/places.rs), as the oracle for distances. */
export const places = (() => {
  const src = readFileSync(resolve(root, 'core/src/geo/places.rs'), 'utf8');
  const out = {};
  for (const m of src.matchAll(/Place \{\s*en: "([^"]+)",[\s\S]*?at: LatLon::new\(([-\d.]+), ([-\d.]+)\),/g)) {
    out[m[1]] = { lat: Number(m[2]), lon: Number(m[3]) };
  }
  return out;
})();

/** Great-circle km by the haversine formula on the IUGG mean radius (written here
 *  independently of core/src/geo/near.rs, which it checks). */
export function haversineKm(a, b) {
  const R = 6371.0088;
  const rad = (d) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The children's badge of center `c` with the specialty codes `chosen`, in `lang`, or null:
 *  written here from the rules core/src/dataset/model.rs documents (`Center::children_badge`,
 *  `children_get`, `children_services`), which the app must agree with. */
export function childrenBadge(c, chosen = [], lang = 'en') {
  if (!c.pediatric?.treats_children) return null;
  const label = (code) => labelIn(dataset.specialties.find((s) => s.code === code), lang);
  const services = c.pediatric.services ?? [];
  const get = (code) => {
    const said = (c.care ?? []).find((k) => k.code === code && k.children != null);
    if (said) return said.children;
    const childrens = code.startsWith('pediatric-') || code === 'pediatrics' || code === 'neonatology';
    return childrens || services.includes(code) ? true : null;
  };
  const offered = [...chosen].sort().filter((code) => c.specialties.includes(code));
  if (offered.length === 0) {
    const given = [...new Set([...services, ...(c.care ?? []).filter((k) => k.children === true).map((k) => k.code)])];
    return given.length > 0 && given.length <= 2 && given.length < c.specialties.length
      ? tr('badge_children_for', { services: given.map(label).join(', ') }, lang)
      : tr('badge_pediatric', {}, lang);
  }
  const given = offered.filter((code) => get(code) === true);
  return given.length
    ? tr('badge_children_for', { services: given.map(label).join(', ') }, lang)
    : tr('badge_children_not_stated', { services: offered.map(label).join(', ') }, lang);
}
