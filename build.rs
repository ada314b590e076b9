//! Generates `$OUT_DIR/i18n.rs` from `locales/*.json`: the `Locale` enum, the message texts as
//! one string per locale cut by a table of spans, a `Key` enum for the messages without values
//! and, for each message with `{{ values }}`, a struct in `args` whose fields are those values.
//! A mistyped key or a wrong or missing value name is therefore a compile error. The runtime
//! half (context, macros, plural choice, filling in values) is `src/i18n.rs`.
//!
//! Locale files are flat JSON objects of strings. A key ending in `_zero`, `_one`, `_two`,
//! `_few`, `_many` or `_other` is a plural form when its file has at least two forms of that
//! base, one of them `_other` (so a lone `legend_other` is an ordinary key). A locale may give a
//! plural message as one plain string (Tajik does). English defines the messages: a key missing
//! in English fails the build; a message missing in another language falls back to English with
//! a warning (tests/locales.rs makes that a test failure).
//!
//! Only English's texts are compiled into the app. Each other language's are written to
//! `$OUT_DIR/locales/<code>.<hash>.txt` (format: `src/texts_file.rs`), which
//! scripts/texts-files.mjs copies into the build for the app to fetch when a reader needs
//! them; the generated code names each file and the table's layout, which a file must match.
//! A few messages (RESIDENT) are compiled in for every language all the same: the switcher
//! names each language in itself, and a failed fetch is told in the reader's language.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

// Shared with the app, which reads what this writes.
#[allow(dead_code)]
#[path = "src/texts_file.rs"]
mod texts_file;

/// Every interface language, in the switcher's order; English first: it defines the messages.
const LOCALES: [&str; 7] = ["en", "ru", "kk", "uz", "ky", "tg", "tk"];

/// Messages compiled in for every language: each language's name in itself (the switcher),
/// and what a reader whose texts failed to arrive is told, with its button.
const RESIDENT: [&str; 3] = ["language_name", "texts_failed", "retry"];

/// CLDR plural categories, in the order of `shifo_core::Plural` (the slot order in the table).
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Marks a value in a stored text; the next byte is the value's index, from `b'0'`.
const MARK: char = '\u{1}';

/// What a plural message is given its count as: the value name that picks the form.
const COUNT: &str = "count";

/// Rust keywords, which cannot name a message.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    // Read when the script runs, not baked in when it is compiled: a build script compiled for
    // one checkout may be reused by another that shares the target directory.
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let dir = Path::new(&root).join("locales");
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for code in LOCALES {
        let path = dir.join(format!("{code}.json"));
        println!("cargo::rerun-if-changed={}", path.display());
        match read_locale(&path) {
            Ok(entries) => files.push((code, entries)),
            Err(e) => errors.push(format!("locales/{code}.json: {e}")),
        }
    }
    if let Ok(listing) = std::fs::read_dir(&dir) {
        for entry in listing.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(code) = name.strip_suffix(".json") {
                if !LOCALES.contains(&code) {
                    println!(
                        "cargo::warning=locales/{name} is ignored: add `{code}` to LOCALES in \
                         build.rs (and to the Lang enum of shifo-core)"
                    );
                }
            }
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = if errors.is_empty() {
        generate(&files, &out, &mut errors)
    } else {
        String::new()
    };
    if !errors.is_empty() {
        eprintln!("error: the locale files cannot be compiled:");
        for e in &errors {
            eprintln!("  {e}");
        }
        std::process::exit(1);
    }
    std::fs::write(out.join("i18n.rs"), code).expect("$OUT_DIR/i18n.rs is written");
}

/// The entries of a flat JSON object of strings, in file order; duplicates and non-strings
/// are errors.
fn read_locale(path: &Path) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let entries: Entries = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    Ok(entries.0)
}

/// A flat JSON object of strings, kept in order.
struct Entries(Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EntriesVisitor)
    }
}

struct EntriesVisitor;

impl<'de> serde::de::Visitor<'de> for EntriesVisitor {
    type Value = Entries;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object whose values are all strings (no nesting)")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
        let mut entries: Vec<(String, String)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(serde::de::Error::custom(format!(
                    "key `{key}` appears twice"
                )));
            }
            let value: String = map
                .next_value()
                .map_err(|_| serde::de::Error::custom(format!("key `{key}`: expected a string")))?;
            entries.push((key, value));
        }
        Ok(Entries(entries))
    }
}

/// A message of one locale: one text, or a text per plural category (index into CATEGORIES).
enum Message {
    Plain(String),
    Plural(BTreeMap<usize, String>),
}

/// Groups a locale's entries into messages, merging plural forms the way leptos_i18n did.
fn messages(
    code: &str,
    entries: &[(String, String)],
    errors: &mut Vec<String>,
) -> BTreeMap<String, Message> {
    let mut plurals: BTreeMap<&str, BTreeMap<usize, &(String, String)>> = BTreeMap::new();
    for entry in entries {
        if let Some((base, cat)) = plural_form(&entry.0) {
            plurals.entry(base).or_default().insert(cat, entry);
        }
    }
    let mut out = BTreeMap::new();
    let is_group = |forms: &BTreeMap<usize, &(String, String)>| {
        forms.len() >= 2 && forms.contains_key(&(CATEGORIES.len() - 1))
    };
    for (key, text) in entries {
        let grouped = plural_form(key).is_some_and(|(base, _)| is_group(&plurals[base]));
        if !grouped {
            out.insert(key.clone(), Message::Plain(text.clone()));
        }
    }
    for (base, forms) in plurals {
        if is_group(&forms) {
            let forms = forms
                .into_iter()
                .map(|(c, (_, t))| (c, t.clone()))
                .collect();
            if out
                .insert(base.to_string(), Message::Plural(forms))
                .is_some()
            {
                errors.push(format!(
                    "locales/{code}.json: `{base}` is both a single text and plural forms"
                ));
            }
        }
    }
    out
}

/// `("results_count", 1)` for `results_count_one`.
fn plural_form(key: &str) -> Option<(&str, usize)> {
    let (base, suffix) = key.rsplit_once('_')?;
    let cat = CATEGORIES.iter().position(|c| *c == suffix)?;
    (!base.is_empty()).then_some((base, cat))
}

/// A text split at its `{{ name }}` values: the literal pieces and the names between them.
struct Template {
    pieces: Vec<String>,
    names: Vec<String>,
}

fn parse_template(text: &str) -> Result<Template, String> {
    if text.contains(MARK) {
        return Err("contains the control character U+0001".into());
    }
    let mut pieces = Vec::new();
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        pieces.push(rest[..open].to_string());
        let after = &rest[open + 2..];
        let close = after
            .find("}}")
            .ok_or_else(|| format!("`{{{{` without `}}}}` in {text:?}"))?;
        let name = after[..close].trim();
        if !is_identifier(name) {
            return Err(format!("`{{{{{name}}}}}` is not a value name in {text:?}"));
        }
        names.push(name.to_string());
        rest = &after[close + 2..];
    }
    if rest.contains("}}") {
        return Err(format!("`}}}}` without `{{{{` in {text:?}"));
    }
    pieces.push(rest.to_string());
    Ok(Template { pieces, names })
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s != "_"
        && !KEYWORDS.contains(&s)
}

/// One message of the generated table: its slots and the names of its values.
struct Entry {
    key: String,
    english: Vec<String>,
    plural: bool,
    values: Vec<String>,
    first_slot: usize,
}

/// The generated module's source, or errors.
fn generate(
    files: &[(&str, Vec<(String, String)>)],
    out: &Path,
    errors: &mut Vec<String>,
) -> String {
    let parsed: Vec<(&str, BTreeMap<String, Message>)> = files
        .iter()
        .map(|(code, entries)| (*code, messages(code, entries, errors)))
        .collect();
    let english = &parsed[0].1;
    for (code, messages) in &parsed[1..] {
        for key in messages.keys() {
            if !english.contains_key(key) {
                errors.push(format!(
                    "locales/{code}.json: message `{key}` is missing in locales/en.json"
                ));
            }
        }
    }
    let (entries, slots) = entries_of(english, errors);
    let (texts, spans) = locale_tables(&parsed, &entries, slots, errors);
    if !errors.is_empty() {
        return String::new();
    }
    let language_names: Vec<String> = parsed
        .iter()
        .map(|(_, m)| match m.get("language_name") {
            Some(Message::Plain(t)) => t.clone(),
            _ => String::new(),
        })
        .collect();
    let layout = layout_of(&entries, slots);
    let names = match write_files(out, &layout, &texts, &spans) {
        Ok(names) => names,
        Err(e) => {
            errors.push(format!("{}: {e}", out.join("locales").display()));
            return String::new();
        }
    };
    let mut o = String::from("// @generated by build.rs from locales/*.json: do not edit.\n\n");
    emit_locale(&mut o, &language_names);
    emit_tables(&mut o, slots, &texts[0], &spans[0]);
    emit_files(&mut o, &layout, out, &names);
    emit_resident(&mut o, &entries, &texts, &spans, errors);
    emit_keys(&mut o, &entries);
    emit_args(&mut o, &entries);
    o
}

/// The messages and their values, as English defines them, with each one's first slot in the
/// table; and the number of slots.
fn entries_of(
    english: &BTreeMap<String, Message>,
    errors: &mut Vec<String>,
) -> (Vec<Entry>, usize) {
    let mut entries = Vec::new();
    let mut slots = 0;
    for (key, message) in english {
        if !is_identifier(key) {
            errors.push(format!(
                "locales/en.json: `{key}` cannot name a message (letters, digits, _; no keyword)"
            ));
            continue;
        }
        let (texts, plural): (Vec<&String>, bool) = match message {
            Message::Plain(t) => (vec![t], false),
            Message::Plural(forms) => (forms.values().collect(), true),
        };
        let mut values = BTreeSet::new();
        if plural {
            values.insert(COUNT.to_string());
        }
        for text in &texts {
            match parse_template(text) {
                Ok(t) => values.extend(t.names),
                Err(e) => errors.push(format!("locales/en.json: `{key}`: {e}")),
            }
        }
        if values.len() > 10 {
            errors.push(format!("locales/en.json: `{key}` has more than 10 values"));
        }
        entries.push(Entry {
            key: key.clone(),
            english: texts.into_iter().cloned().collect(),
            plural,
            values: values.into_iter().collect(),
            first_slot: slots,
        });
        slots += if plural { CATEGORIES.len() } else { 1 };
    }
    if slots > usize::from(u16::MAX) {
        errors.push("too many messages".into());
    }
    (entries, slots)
}

/// A message's texts in one locale, one per slot: one for a plain message, one per plural
/// category (a single text serving every category where the locale gives one).
fn forms_of<'a>(
    code: &str,
    entry: &Entry,
    message: &'a Message,
    errors: &mut Vec<String>,
) -> Option<Vec<&'a String>> {
    match (message, entry.plural) {
        (Message::Plain(t), false) => Some(vec![t]),
        (Message::Plain(t), true) => Some(vec![t; CATEGORIES.len()]),
        (Message::Plural(forms), true) => {
            let other = &forms[&(CATEGORIES.len() - 1)];
            Some(
                (0..CATEGORIES.len())
                    .map(|c| forms.get(&c).unwrap_or(other))
                    .collect(),
            )
        }
        (Message::Plural(_), false) => {
            errors.push(format!(
                "locales/{code}.json: `{}` has plural forms but is a single text in \
                 locales/en.json",
                entry.key
            ));
            None
        }
    }
}

/// Each locale's texts as one string (equal texts stored once), and each slot's byte range
/// in it. A message a locale lacks falls back to English, with a warning.
fn locale_tables(
    parsed: &[(&str, BTreeMap<String, Message>)],
    entries: &[Entry],
    slots: usize,
    errors: &mut Vec<String>,
) -> (Vec<String>, Vec<Vec<(usize, usize)>>) {
    let english = &parsed[0].1;
    let mut texts = Vec::new();
    let mut spans = Vec::new();
    for (code, messages) in parsed {
        let mut text = String::new();
        let mut seen: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut locale_spans = Vec::with_capacity(slots);
        for entry in entries {
            let message = messages.get(&entry.key).unwrap_or_else(|| {
                println!(
                    "cargo::warning=locales/{code}.json: `{}` is missing; English is used",
                    entry.key
                );
                &english[&entry.key]
            });
            let Some(forms) = forms_of(code, entry, message, errors) else {
                continue;
            };
            for form in forms {
                let stored = encode(form, &entry.values).unwrap_or_else(|e| {
                    errors.push(format!("locales/{code}.json: `{}`: {e}", entry.key));
                    String::new()
                });
                let span = *seen.entry(stored.clone()).or_insert_with(|| {
                    let start = text.len();
                    text.push_str(&stored);
                    (start, text.len())
                });
                locale_spans.push(span);
            }
        }
        if text.len() > usize::from(u16::MAX) {
            errors.push(format!("locales/{code}.json: texts longer than 64 KiB"));
        }
        texts.push(text);
        spans.push(locale_spans);
    }
    (texts, spans)
}

/// A text as stored: values replaced by MARK and their index among `values`.
fn encode(text: &str, values: &[String]) -> Result<String, String> {
    if text.contains(['\n', '\r']) {
        return Err("contains a line break (the texts file holds one text a line)".into());
    }
    let t = parse_template(text)?;
    let mut out = String::new();
    for (i, piece) in t.pieces.iter().enumerate() {
        out.push_str(piece);
        if let Some(name) = t.names.get(i) {
            let index = values.iter().position(|v| v == name).ok_or_else(|| {
                format!("`{{{{ {name} }}}}` is not a value of this message in locales/en.json")
            })?;
            out.push(MARK);
            out.push(char::from(b'0' + index as u8));
        }
    }
    Ok(out)
}

/// The `Locale` enum, its codes, and its conversion to and from the core's `Lang` (the same
/// languages, `en` to `Lang::En`).
fn emit_locale(w: &mut String, language_names: &[String]) {
    let _ = writeln!(w, "/// An interface language: one per file in `locales/`.");
    let _ = writeln!(w, "#[allow(non_camel_case_types)]");
    let _ = writeln!(
        w,
        "#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]"
    );
    let _ = writeln!(w, "pub enum Locale {{");
    for (i, code) in LOCALES.iter().enumerate() {
        let doc = format!("{} (`locales/{code}.json`).", language_names[i]);
        let _ = writeln!(w, "    #[doc = {doc:?}]");
        if i == 0 {
            let _ = writeln!(w, "    #[default]");
        }
        let _ = writeln!(w, "    {code},");
    }
    let _ = writeln!(w, "}}\n");

    let _ = writeln!(w, "impl Locale {{");
    let _ = writeln!(
        w,
        "    /// The locale's code: `en`, `ru`, … as in `<html lang>`."
    );
    let _ = writeln!(w, "    pub const fn as_str(self) -> &'static str {{");
    let _ = writeln!(w, "        match self {{");
    for code in LOCALES {
        let _ = writeln!(w, "            Locale::{code} => {code:?},");
    }
    let _ = writeln!(w, "        }}\n    }}");
    let variant = |code: &str| {
        let mut c = code.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
            .unwrap_or_default()
    };
    let _ = writeln!(w, "    /// The core's language of this locale.");
    let _ = writeln!(w, "    pub const fn lang(self) -> ::shifo_core::Lang {{");
    let _ = writeln!(w, "        match self {{");
    for code in LOCALES {
        let _ = writeln!(
            w,
            "            Locale::{code} => ::shifo_core::Lang::{},",
            variant(code)
        );
    }
    let _ = writeln!(w, "        }}\n    }}");
    let _ = writeln!(w, "    /// The locale of a core language.");
    let _ = writeln!(
        w,
        "    pub const fn of(lang: ::shifo_core::Lang) -> Locale {{"
    );
    let _ = writeln!(w, "        match lang {{");
    for code in LOCALES {
        let _ = writeln!(
            w,
            "            ::shifo_core::Lang::{} => Locale::{code},",
            variant(code)
        );
    }
    let _ = writeln!(w, "        }}\n    }}\n}}\n");
}

/// English's texts and the slots' spans in them: the only language compiled in.
fn emit_tables(w: &mut String, slots: usize, english: &str, spans: &[(usize, usize)]) {
    let _ = writeln!(w, "/// The number of slots of the message table.");
    let _ = writeln!(w, "const SLOTS: usize = {slots};\n");
    let _ = writeln!(
        w,
        "/// English's messages, concatenated; `EN_SPANS` cuts them."
    );
    let _ = writeln!(w, "static EN_TEXTS: &str = {english:?};\n");
    let _ = writeln!(
        w,
        "/// Each English message's byte range in `EN_TEXTS`, by slot."
    );
    let cells: Vec<String> = spans.iter().map(|(a, b)| format!("({a}, {b})")).collect();
    let _ = writeln!(
        w,
        "static EN_SPANS: [(u16, u16); SLOTS] = [{}];\n",
        cells.join(", ")
    );
}

/// What the code expects of the table, hashed: every message's key, plural or not, value
/// names and first slot. A texts file must have been written for the same.
fn layout_of(entries: &[Entry], slots: usize) -> String {
    let mut description = format!("{slots}\n");
    for e in entries {
        let _ = writeln!(
            description,
            "{} {} {} {}",
            e.key,
            e.plural,
            e.values.join(","),
            e.first_slot
        );
    }
    texts_file::hash(description.as_bytes())
}

/// One slot's text of each locale, by slot.
fn slot_texts(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
    spans.iter().map(|&(a, b)| text[a..b].to_string()).collect()
}

/// Writes each language's texts file but English's into `out/locales/` (removing older ones),
/// and returns each file's name (`ru.<hash>.txt`; none for English).
fn write_files(
    out: &Path,
    layout: &str,
    texts: &[String],
    spans: &[Vec<(usize, usize)>],
) -> std::io::Result<Vec<String>> {
    let dir = out.join("locales");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    let mut names = vec![String::new()];
    for (i, code) in LOCALES.iter().enumerate().skip(1) {
        let body = texts_file::write(layout, code, &slot_texts(&texts[i], &spans[i]));
        let name = format!("{code}.{}.txt", texts_file::hash(body.as_bytes()));
        std::fs::write(dir.join(&name), body)?;
        names.push(name);
    }
    Ok(names)
}

/// The layout, each locale's texts file as the page fetches it, and (natively: the tests) the
/// files themselves, which the app reads as it reads a fetched one.
fn emit_files(w: &mut String, layout: &str, out: &Path, names: &[String]) {
    let n = LOCALES.len();
    let _ = writeln!(
        w,
        "/// The layout of the table, which a texts file must name."
    );
    let _ = writeln!(w, "const LAYOUT: &str = {layout:?};\n");
    let _ = writeln!(
        w,
        "/// Each locale's texts file, relative to the page (English's is compiled in: none)."
    );
    let _ = writeln!(w, "static TEXT_FILES: [&str; {n}] = [");
    for name in names {
        let url = if name.is_empty() {
            String::new()
        } else {
            format!("locales/{name}")
        };
        let _ = writeln!(w, "    {url:?},");
    }
    let _ = writeln!(w, "];\n");
    let _ = writeln!(
        w,
        "/// The texts files themselves, for native builds (tests), never in the wasm."
    );
    let _ = writeln!(w, "#[cfg(not(target_arch = \"wasm32\"))]");
    let _ = writeln!(w, "static BUNDLED: [&str; {n}] = [");
    for name in names {
        if name.is_empty() {
            let _ = writeln!(w, "    \"\",");
        } else {
            let path = out.join("locales").join(name);
            let _ = writeln!(w, "    include_str!({:?}),", path.display().to_string());
        }
    }
    let _ = writeln!(w, "];\n");
}

/// The RESIDENT messages of every locale, compiled in, and their slots.
fn emit_resident(
    w: &mut String,
    entries: &[Entry],
    texts: &[String],
    spans: &[Vec<(usize, usize)>],
    errors: &mut Vec<String>,
) {
    let mut slots = Vec::new();
    for key in RESIDENT {
        match entries.iter().find(|e| e.key == key && !e.plural) {
            Some(e) => slots.push(e.first_slot),
            None => errors.push(format!(
                "locales/en.json: `{key}` is needed, as a text without plural forms"
            )),
        }
    }
    let r = slots.len();
    let _ = writeln!(
        w,
        "/// The slots of the messages compiled in for every locale (`RESIDENT`)."
    );
    let _ = writeln!(w, "static RESIDENT_SLOTS: [usize; {r}] = {slots:?};\n");
    let _ = writeln!(
        w,
        "/// Those messages' texts, per locale, in the order of `RESIDENT_SLOTS`."
    );
    let _ = writeln!(w, "static RESIDENT: [[&str; {r}]; {}] = [", LOCALES.len());
    for (text, spans) in texts.iter().zip(spans) {
        let cells: Vec<String> = slots
            .iter()
            .map(|&s| format!("{:?}", &text[spans[s].0..spans[s].1]))
            .collect();
        let _ = writeln!(w, "    [{}],", cells.join(", "));
    }
    let _ = writeln!(w, "];\n");
}

/// The `Key` enum: the messages without values.
fn emit_keys(w: &mut String, entries: &[Entry]) {
    let _ = writeln!(
        w,
        "/// A message without values, by its key in `locales/*.json` (the English text is \
         shown on each)."
    );
    let _ = writeln!(w, "#[allow(non_camel_case_types)]");
    let _ = writeln!(w, "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]");
    let _ = writeln!(w, "pub enum Key {{");
    for e in entries.iter().filter(|e| e.values.is_empty()) {
        let _ = writeln!(w, "    #[doc = {:?}]", e.english[0]);
        let _ = writeln!(w, "    {} = {},", e.key, e.first_slot);
    }
    let _ = writeln!(w, "}}\n");
}

/// The `args` module: a struct per message with values, whose `render` fills them in.
fn emit_args(w: &mut String, entries: &[Entry]) {
    let _ = writeln!(
        w,
        "/// The values of each message that has some, one struct per message: a value \
         missing or misnamed is a compile error."
    );
    let _ = writeln!(w, "pub mod args {{");
    for e in entries.iter().filter(|e| !e.values.is_empty()) {
        emit_arg(w, e);
    }
    let _ = writeln!(w, "}}");
}

/// One message's struct in `args`.
fn emit_arg(w: &mut String, e: &Entry) {
    let doc = e.english.join(" | ");
    let _ = writeln!(w, "    #[doc = {doc:?}]");
    let _ = writeln!(w, "    #[allow(non_camel_case_types)]");
    let _ = writeln!(w, "    pub struct {}<'a> {{", e.key);
    for v in &e.values {
        let (ty, what) = if e.plural && v == COUNT {
            ("&'a dyn super::Count", "picks the plural form")
        } else {
            ("&'a dyn ::core::fmt::Display", "shown in the text")
        };
        let _ = writeln!(w, "        #[doc = \"`{{{{ {v} }}}}`: {what}.\"]");
        let _ = writeln!(w, "        pub {v}: {ty},");
    }
    let _ = writeln!(w, "    }}\n");
    let _ = writeln!(w, "    impl {}<'_> {{", e.key);
    let _ = writeln!(w, "        /// The message in `locale`, values filled in.");
    let _ = writeln!(
        w,
        "        pub fn render(&self, locale: super::Locale) -> ::std::string::String {{"
    );
    let values: Vec<String> = e
        .values
        .iter()
        .map(|v| {
            if e.plural && v == COUNT {
                "&count".to_string()
            } else {
                format!("self.{v}")
            }
        })
        .collect();
    if e.plural {
        let _ = writeln!(w, "            let count = self.count.value();");
        let _ = writeln!(
            w,
            "            let text = super::text(locale, {} + super::plural(locale, count));",
            e.first_slot
        );
    } else {
        let _ = writeln!(
            w,
            "            let text = super::text(locale, {});",
            e.first_slot
        );
    }
    let _ = writeln!(
        w,
        "            super::render(text, &[{}])",
        values.join(", ")
    );
    let _ = writeln!(w, "        }}\n    }}\n");
}
