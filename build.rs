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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// Every interface language, in the switcher's order; English first: it defines the messages.
const LOCALES: [&str; 7] = ["en", "ru", "kk", "uz", "ky", "tg", "tk"];

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
    let code = if errors.is_empty() {
        generate(&files, &mut errors)
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
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
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
fn generate(files: &[(&str, Vec<(String, String)>)], errors: &mut Vec<String>) -> String {
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
    let mut o = String::from("// @generated by build.rs from locales/*.json: do not edit.\n\n");
    emit_locale(&mut o, &language_names);
    emit_tables(&mut o, slots, &texts, &spans);
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

/// Each locale's texts and the slots' spans in them.
fn emit_tables(w: &mut String, slots: usize, texts: &[String], spans: &[Vec<(usize, usize)>]) {
    let n = LOCALES.len();
    let _ = writeln!(
        w,
        "/// Each locale's messages, concatenated; `SPANS` cuts them."
    );
    let _ = writeln!(w, "static TEXTS: [&str; {n}] = [");
    for t in texts {
        let _ = writeln!(w, "    {t:?},");
    }
    let _ = writeln!(w, "];\n");
    let _ = writeln!(
        w,
        "/// Each message's byte range in `TEXTS`, per locale and slot."
    );
    let _ = writeln!(w, "static SPANS: [[(u16, u16); {slots}]; {n}] = [");
    for locale in spans {
        let cells: Vec<String> = locale.iter().map(|(a, b)| format!("({a}, {b})")).collect();
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
