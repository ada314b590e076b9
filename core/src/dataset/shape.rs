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
    /// `true` or `false`.
    Bool,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// An array of this type.
    Array(&'static Ty),
    /// An object mapping language codes to strings.
    StrMap,
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
        f("url", Optional, Ty::Str),
        f("file", Optional, Ty::Str),
        f("date", Optional, Ty::Str),
    ],
);

const SOURCES: Ty = Ty::Array(&SOURCE);
const STRINGS: Ty = Ty::Array(&Ty::Str);

pub(crate) const SPECIALTY: Ty = Ty::Record(
    "Specialty",
    &[
        f("code", Required, Ty::Str),
        f("label", Required, Ty::Str),
        f("labels", Defaulted, Ty::StrMap),
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
        f("note", Optional, Ty::Str),
    ],
);

pub(crate) const CENTER: Ty = Ty::Record(
    "Center",
    &[
        f("id", Required, Ty::Str),
        f("name", Required, Ty::Str),
        f("names", Defaulted, Ty::StrMap),
        f("country", Required, Ty::OneOf(COUNTRIES)),
        f("city", Required, Ty::Str),
        f("address", Optional, Ty::Str),
        f("lat", Required, Ty::Number),
        f("lon", Required, Ty::Number),
        f("precision", Required, Ty::OneOf(&["building", "city"])),
        f("specialties", Required, STRINGS),
        f("pediatric", Optional, PEDIATRIC),
        f("capacity", Optional, CAPACITY),
        f("languages", Defaulted, STRINGS),
        f("summary", Optional, Ty::Str),
        f("website", Optional, Ty::Str),
        f("phone", Optional, Ty::Str),
        f("email", Optional, Ty::Str),
        f("part_of", Optional, Ty::Str),
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
        f("occasion", Optional, Ty::Str),
        f("scope", Optional, Ty::Str),
        f("sources", Defaulted, SOURCES),
    ],
);

pub(crate) const EVENT: Ty = Ty::Record(
    "Event",
    &[
        f("id", Required, Ty::Str),
        f("title", Required, Ty::Str),
        f("titles", Defaulted, Ty::StrMap),
        f("start", Optional, Ty::Str),
        f("end", Optional, Ty::Str),
        f("cities", Defaulted, STRINGS),
        f("centers", Defaulted, STRINGS),
        f("sources", Defaulted, SOURCES),
    ],
);

pub(crate) const HUB: Ty = Ty::Record(
    "Hub",
    &[
        f("id", Required, Ty::Str),
        f("name", Required, Ty::Str),
        f("names", Defaulted, Ty::StrMap),
        f("status", Required, Ty::OneOf(&["proposed", "designated"])),
        f("date", Optional, Ty::Str),
        f("proposed_by", Optional, Ty::OneOf(COUNTRIES)),
        f("host", Optional, Ty::Str),
        f("scope", Optional, Ty::Str),
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
    ],
);

/// Every problem with the shape of `node` as a `ty`, in document order.
pub(crate) fn check(node: &Node, ty: &Ty, path: &Path, out: &mut Vec<Problem>) {
    let push =
        |out: &mut Vec<Problem>, path: Path, at, kind| out.push(Problem::new(path, Some(at), kind));
    match (ty, &node.value) {
        (Ty::Str, Value::String(_))
        | (Ty::Number, Value::Number(..))
        | (Ty::Bool, Value::Bool(_)) => {}
        (Ty::UInt, Value::Number(n, raw)) => {
            let whole = raw.bytes().all(|b| b.is_ascii_digit());
            if !whole || *n > f64::from(u32::MAX) {
                push(
                    out,
                    path.clone(),
                    node.pos,
                    ProblemKind::NotAWholeNumber(raw.clone()),
                );
            }
        }
        (Ty::OneOf(allowed), Value::String(s)) => {
            if !allowed.contains(&s.as_str()) {
                push(
                    out,
                    path.clone(),
                    node.pos,
                    ProblemKind::NotOneOf {
                        found: s.clone(),
                        allowed,
                    },
                );
            }
        }
        (Ty::Array(item), Value::Array(items)) => {
            for (i, n) in items.iter().enumerate() {
                check(n, item, &path.index(i), out);
            }
        }
        (Ty::StrMap, Value::Object(members)) => {
            // A repeated language key is not reported: as in serde (and most JSON readers),
            // the last one wins, so both ways of loading agree.
            for m in members {
                let at = path.key(&m.key);
                if !matches!(m.value.value, Value::String(_)) {
                    push(
                        out,
                        at,
                        m.value.pos,
                        ProblemKind::WrongType {
                            expected: "a string",
                            found: m.value.value.type_name(),
                        },
                    );
                }
            }
        }
        (Ty::Record(_, fields), Value::Object(members)) => {
            let mut seen = std::collections::HashSet::new();
            for m in members {
                let at = path.key(&m.key);
                if !seen.insert(m.key.as_str()) {
                    push(
                        out,
                        at,
                        m.key_pos,
                        ProblemKind::DuplicateField(m.key.clone()),
                    );
                    continue;
                }
                match fields.iter().find(|f| f.name == m.key) {
                    None => push(out, at, m.key_pos, ProblemKind::UnknownField(m.key.clone())),
                    Some(field) if field.req == Req::Optional && m.value.value == Value::Null => {}
                    Some(field) => check(&m.value, &field.ty, &at, out),
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
        (ty, value) => push(
            out,
            path.clone(),
            node.pos,
            ProblemKind::WrongType {
                expected: ty.name(),
                found: value.type_name(),
            },
        ),
    }
}

impl Ty {
    /// What a value of this type is called in a message.
    fn name(&self) -> &'static str {
        match self {
            Ty::Str | Ty::OneOf(_) => "a string",
            Ty::Number => "a number",
            Ty::UInt => "a whole number",
            Ty::Bool => "true or false",
            Ty::Array(_) => "an array",
            Ty::StrMap | Ty::Record(..) => "an object",
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
