//! The dataset's shape as data: which fields each record has, which are required and what
//! type they hold. Walking a positioned JSON tree against it finds every unknown, missing and
//! mistyped field in one pass (serde stops at the first), each with its line and column.
//!
//! The tables mirror the serde types in [`crate::dataset::model`]; a test compares them with the JSON
//! Schema generated from those types, so the two cannot drift apart.

use crate::dataset::json::{Node, Value};
use crate::dataset::validate::{Path, Problem, ProblemKind};

/// Whether a field must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Req {
    /// Must be present and not null.
    Required,
    /// May be absent or null (an `Option` in the model).
    Optional,
    /// May be absent but not null (a list or map with a default in the model).
    Defaulted,
}

/// The JSON type a field holds.
#[derive(Debug)]
pub(crate) enum Ty {
    /// A string.
    Str,
    /// Any number.
    Number,
    /// A whole number from 0 to 4,294,967,295.
    UInt,
    /// A whole number from 0 to this limit (an age, an index into a record's sources).
    UpTo(u32),
    /// `true` or `false`.
    Bool,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// An array of this type.
    Array(&'static Ty),
    /// A text: a string, or `{"text", "translated_from" | "transliterated_from"}`.
    Text,
    /// An object mapping language codes to texts.
    Texts,
    /// Texts, or (as format 1 wrote the field) one string.
    TextsOrStr,
    /// An object with these fields; the name is the model type's (the schema test uses it).
    #[cfg_attr(not(all(test, feature = "schema")), allow(dead_code))]
    Record(&'static str, &'static [Field]),
}

/// One field of a record.
#[derive(Debug)]
pub(crate) struct Field {
    /// The JSON key.
    pub name: &'static str,
    /// Whether it must be present.
    pub req: Req,
    /// Its type.
    pub ty: Ty,
}

const fn f(name: &'static str, req: Req, ty: Ty) -> Field {
    Field { name, req, ty }
}

use Req::{Defaulted, Optional, Required};

/// The country codes [`crate::dataset::country::Country`] accepts.
pub(crate) const COUNTRIES: &[&str] = &["KZ", "UZ", "KG", "TJ", "TM"];

pub(crate) const SOURCE: Ty = Ty::Record(
    "Source",
    &[
        f("title", Required, Ty::Str),
        f("publisher", Optional, Ty::Str),
        f("url", Optional, Ty::Str),
        f("file", Optional, Ty::Str),
        f("date", Optional, Ty::Str),
        f("lang", Optional, Ty::Str),
    ],
);

const SOURCES: Ty = Ty::Array(&SOURCE);
const STRINGS: Ty = Ty::Array(&Ty::Str);
/// Indices into the record's own `sources`.
const SOURCE_INDICES: Ty = Ty::Array(&Ty::UpTo(u16::MAX as u32));

pub(crate) const ALIAS: Ty = Ty::Record(
    "Alias",
    &[
        f("text", Required, Ty::Str),
        f("lang", Optional, Ty::Str),
        f(
            "kind",
            Optional,
            Ty::OneOf(&["abbreviation", "former-name", "other-name"]),
        ),
    ],
);

pub(crate) const CARE: Ty = Ty::Record(
    "Care",
    &[
        f("code", Required, Ty::Str),
        f("children", Optional, Ty::Bool),
        f("min_age", Optional, Ty::UpTo(u8::MAX as u32)),
        f("max_age", Optional, Ty::UpTo(u8::MAX as u32)),
        f("status", Defaulted, Ty::OneOf(&["operating", "planned"])),
        f("since", Optional, Ty::Str),
        f("note", Defaulted, Ty::Texts),
        f("sources", Defaulted, SOURCE_INDICES),
    ],
);

pub(crate) const ACCESS: Ty = Ty::Record(
    "Access",
    &[
        f("foreign_patients", Optional, Ty::Bool),
        f("how", Defaulted, Ty::Texts),
        f("appointment", Defaulted, Ty::Texts),
        f("sources", Defaulted, SOURCE_INDICES),
    ],
);

pub(crate) const FIGURE: Ty = Ty::Record(
    "Figure",
    &[
        f("value", Required, Ty::Number),
        f("up_to", Optional, Ty::Number),
        f("what", Required, Ty::Texts),
        f("date", Optional, Ty::Str),
        f("sources", Defaulted, SOURCE_INDICES),
    ],
);

const FIGURES: Ty = Ty::Array(&FIGURE);

pub(crate) const SPECIALTY: Ty = Ty::Record(
    "Specialty",
    &[
        f("code", Required, Ty::Str),
        f("label", Required, Ty::Str),
        f("labels", Defaulted, Ty::Texts),
    ],
);

pub(crate) const PEDIATRIC: Ty = Ty::Record(
    "Pediatric",
    &[
        f("treats_children", Required, Ty::Bool),
        f("services", Defaulted, STRINGS),
    ],
);

pub(crate) const CAPACITY: Ty = Ty::Record(
    "Capacity",
    &[
        f("beds", Optional, Ty::UInt),
        f("patients_per_year", Optional, Ty::UInt),
        f("note", Defaulted, Ty::TextsOrStr),
    ],
);

pub(crate) const CENTER: Ty = Ty::Record(
    "Center",
    &[
        f("id", Required, Ty::Str),
        f("name", Required, Ty::Text),
        f("names", Defaulted, Ty::Texts),
        f("aliases", Defaulted, Ty::Array(&ALIAS)),
        f("country", Required, Ty::OneOf(COUNTRIES)),
        f("city", Required, Ty::Str),
        f("address", Optional, Ty::TextsOrStr),
        f("lat", Required, Ty::Number),
        f("lon", Required, Ty::Number),
        f(
            "precision",
            Required,
            Ty::OneOf(&["building", "city", "region"]),
        ),
        f("specialties", Required, STRINGS),
        f("care", Defaulted, Ty::Array(&CARE)),
        f("pediatric", Optional, PEDIATRIC),
        f("capacity", Optional, CAPACITY),
        f("languages", Defaulted, STRINGS),
        f("access", Optional, ACCESS),
        f("summary", Defaulted, Ty::TextsOrStr),
        f("website", Optional, Ty::Str),
        f("phone", Optional, Ty::Str),
        f("email", Optional, Ty::Str),
        f("part_of", Optional, Ty::Str),
        f("figures", Defaulted, FIGURES),
        f("sources", Required, SOURCES),
        f("last_verified", Optional, Ty::Str),
    ],
);

pub(crate) const PARTNERSHIP: Ty = Ty::Record(
    "Partnership",
    &[
        f("a", Required, Ty::Str),
        f("b", Required, Ty::Str),
        f("date", Optional, Ty::Str),
        f("occasion", Defaulted, Ty::TextsOrStr),
        f("scope", Defaulted, Ty::TextsOrStr),
        f("sources", Defaulted, SOURCES),
    ],
);

pub(crate) const EVENT: Ty = Ty::Record(
    "Event",
    &[
        f("id", Required, Ty::Str),
        f("title", Required, Ty::Text),
        f("titles", Defaulted, Ty::Texts),
        f(
            "kind",
            Optional,
            Ty::OneOf(&[
                "medicine-days",
                "conference",
                "meeting",
                "forum",
                "programme",
                "initiative",
                "agreement",
            ]),
        ),
        f("start", Optional, Ty::Str),
        f("end", Optional, Ty::Str),
        f("cities", Defaulted, STRINGS),
        f("centers", Defaulted, STRINGS),
        f("summary", Defaulted, Ty::TextsOrStr),
        f("figures", Defaulted, FIGURES),
        f("sources", Defaulted, SOURCES),
    ],
);

pub(crate) const HUB: Ty = Ty::Record(
    "Hub",
    &[
        f("id", Required, Ty::Str),
        f("name", Required, Ty::Text),
        f("names", Defaulted, Ty::Texts),
        f("status", Required, Ty::OneOf(&["proposed", "designated"])),
        f("date", Optional, Ty::Str),
        f("proposed_by", Optional, Ty::OneOf(COUNTRIES)),
        f("host", Optional, Ty::Str),
        f("scope", Defaulted, Ty::TextsOrStr),
        f("figures", Defaulted, FIGURES),
        f("sources", Required, SOURCES),
    ],
);

pub(crate) const PHONE: Ty = Ty::Record(
    "Phone",
    &[
        f("number", Required, Ty::Str),
        f("label", Defaulted, Ty::Texts),
        f("sources", Defaulted, SOURCE_INDICES),
    ],
);

pub(crate) const AUTHORITY: Ty = Ty::Record(
    "Authority",
    &[
        f("country", Required, Ty::OneOf(COUNTRIES)),
        f("name", Required, Ty::Text),
        f("names", Defaulted, Ty::Texts),
        f("website", Required, Ty::Str),
        f("phones", Defaulted, Ty::Array(&PHONE)),
        f("email", Optional, Ty::Str),
        f("sources", Required, SOURCES),
    ],
);

/// The top level of a dataset file.
pub(crate) const DATASET: Ty = Ty::Record(
    "Dataset",
    &[
        f("$schema", Optional, Ty::Str),
        f("schema_version", Required, Ty::UInt),
        f("version", Required, Ty::Str),
        f("updated", Required, Ty::Str),
        f("specialties", Required, Ty::Array(&SPECIALTY)),
        f("centers", Required, Ty::Array(&CENTER)),
        f("partnerships", Defaulted, Ty::Array(&PARTNERSHIP)),
        f("events", Defaulted, Ty::Array(&EVENT)),
        f("hubs", Defaulted, Ty::Array(&HUB)),
        f("authorities", Defaulted, Ty::Array(&AUTHORITY)),
        f("translations", Defaulted, STRINGS),
    ],
);

/// A problem at `node`.
fn at(out: &mut Vec<Problem>, path: &Path, node: &Node, kind: ProblemKind) {
    out.push(Problem::new(path.clone(), Some(node.pos), kind));
}

/// Every problem with the shape of `node` as a `ty`, in document order.
pub(crate) fn check(node: &Node, ty: &Ty, path: &Path, out: &mut Vec<Problem>) {
    match (ty, &node.value) {
        (Ty::Str | Ty::Text | Ty::TextsOrStr, Value::String(_))
        | (Ty::Number, Value::Number(..))
        | (Ty::Bool, Value::Bool(_)) => {}
        (Ty::UInt, Value::Number(n, raw)) => whole(node, *n, raw, u32::MAX, path, out),
        (Ty::UpTo(max), Value::Number(n, raw)) => whole(node, *n, raw, *max, path, out),
        (Ty::OneOf(allowed), Value::String(s)) => {
            if !allowed.contains(&s.as_str()) {
                let found = s.clone();
                at(out, path, node, ProblemKind::NotOneOf { found, allowed });
            }
        }
        (Ty::Array(item), Value::Array(items)) => {
            for (i, n) in items.iter().enumerate() {
                check(n, item, &path.index(i), out);
            }
        }
        // A repeated language key is not reported: as in serde (and most JSON readers), the
        // last one wins, so both ways of loading agree.
        (Ty::Texts | Ty::TextsOrStr, Value::Object(members)) => {
            for m in members {
                check(&m.value, &Ty::Text, &path.key(&m.key), out);
            }
        }
        (Ty::Text, Value::Object(_)) => check(node, &MARKED_TEXT, path, out),
        (Ty::Record(_, fields), Value::Object(members)) => record(node, fields, members, path, out),
        (ty, value) => at(
            out,
            path,
            node,
            ProblemKind::WrongType {
                expected: ty.name(),
                found: value.type_name(),
            },
        ),
    }
}

/// A translation or transliteration, as an object. Exactly one of the two markers is
/// required; the model's reader says which is missing when neither is there.
const MARKED_TEXT: Ty = Ty::Record(
    "MarkedText",
    &[
        f("text", Required, Ty::Str),
        f("translated_from", Optional, Ty::Str),
        f("transliterated_from", Optional, Ty::Str),
    ],
);

/// A whole number from 0 to `max`, written without a fraction or exponent.
fn whole(node: &Node, n: f64, raw: &str, max: u32, path: &Path, out: &mut Vec<Problem>) {
    let digits = raw.bytes().all(|b| b.is_ascii_digit());
    if !digits || n > f64::from(max) {
        at(
            out,
            path,
            node,
            ProblemKind::NotAWholeNumber(raw.to_string()),
        );
    }
}

/// A record's fields: each known one checked, each unknown, repeated or missing one reported.
fn record(
    node: &Node,
    fields: &[Field],
    members: &[crate::dataset::json::Member],
    path: &Path,
    out: &mut Vec<Problem>,
) {
    let mut seen = std::collections::HashSet::new();
    for m in members {
        let here = path.key(&m.key);
        if !seen.insert(m.key.as_str()) {
            let kind = ProblemKind::DuplicateField(m.key.clone());
            out.push(Problem::new(here, Some(m.key_pos), kind));
            continue;
        }
        match fields.iter().find(|f| f.name == m.key) {
            None => {
                let kind = ProblemKind::UnknownField(m.key.clone());
                out.push(Problem::new(here, Some(m.key_pos), kind));
            }
            Some(field) if field.req == Req::Optional && m.value.value == Value::Null => {}
            Some(field) => check(&m.value, &field.ty, &here, out),
        }
    }
    for field in fields.iter().filter(|f| f.req == Req::Required) {
        if !seen.contains(field.name) {
            out.push(Problem::new(
                path.key(field.name),
                Some(node.pos),
                ProblemKind::MissingField(field.name.to_string()),
            ));
        }
    }
}

impl Ty {
    /// What a value of this type is called in a message.
    fn name(&self) -> &'static str {
        match self {
            Ty::Str | Ty::OneOf(_) => "a string",
            Ty::Number => "a number",
            Ty::UInt | Ty::UpTo(_) => "a whole number",
            Ty::Bool => "true or false",
            Ty::Array(_) => "an array",
            Ty::Text => "a string or an object",
            Ty::Texts | Ty::Record(..) => "an object",
            Ty::TextsOrStr => "an object or a string",
        }
    }
}

#[cfg(all(test, feature = "schema"))]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The tables above must list exactly the fields of the serde types, with the same
    /// required set; the generated JSON Schema is the serde types' own description.
    #[test]
    fn tables_match_the_generated_schema() {
        let schema =
            serde_json::to_value(schemars::schema_for!(crate::dataset::model::Dataset)).unwrap();
        let records = [
            &DATASET,
            &SOURCE,
            &SPECIALTY,
            &PEDIATRIC,
            &CAPACITY,
            &CENTER,
            &PARTNERSHIP,
            &EVENT,
            &HUB,
            &AUTHORITY,
            &PHONE,
            &ALIAS,
            &CARE,
            &ACCESS,
            &FIGURE,
        ];
        for ty in records {
            let Ty::Record(name, fields) = ty else {
                panic!("not a record")
            };
            let def = if *name == "Dataset" {
                &schema
            } else {
                &schema["$defs"][name]
            };
            let props: BTreeSet<&str> = def["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{name} has no properties in the schema"))
                .keys()
                .map(String::as_str)
                .collect();
            let ours: BTreeSet<&str> = fields.iter().map(|f| f.name).collect();
            assert_eq!(ours, props, "fields of {name}");
            let required: BTreeSet<&str> = def["required"]
                .as_array()
                .map(|r| r.iter().filter_map(|v| v.as_str()).collect())
                .unwrap_or_default();
            let ours: BTreeSet<&str> = fields
                .iter()
                .filter(|f| f.req == Req::Required)
                .map(|f| f.name)
                .collect();
            assert_eq!(ours, required, "required fields of {name}");
        }
    }
}
