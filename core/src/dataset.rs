//! Parsing a dataset from JSON text, with errors that say where the text is wrong.

use std::fmt;

use crate::model::{Dataset, SCHEMA_VERSION};
use crate::validate::{self, Problem};

/// Why a dataset could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong, and where.
    pub kind: ErrorKind,
}

/// The ways reading a dataset can fail, one variant per failure a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not JSON (or is cut short).
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// serde_json's description, without its location suffix.
        message: String,
    },
    /// The text is JSON but not a Shifo dataset (missing, unknown or mistyped field).
    Shape {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// serde_json's description, without its location suffix.
        message: String,
    },
    /// The dataset declares a schema version this build cannot read.
    SchemaVersion {
        /// The version found in the file.
        found: u32,
    },
}

impl Error {
    /// The 1-based line and column of the error, when it has one.
    pub fn location(&self) -> Option<(usize, usize)> {
        match &self.kind {
            ErrorKind::Syntax { line, column, .. } | ErrorKind::Shape { line, column, .. } => {
                Some((*line, *column))
            }
            ErrorKind::SchemaVersion { .. } => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Syntax {
                line,
                column,
                message,
            } => write!(f, "not valid JSON at line {line}, column {column}: {message}"),
            ErrorKind::Shape {
                line,
                column,
                message,
            } => write!(
                f,
                "not a Shifo dataset at line {line}, column {column}: {message}"
            ),
            ErrorKind::SchemaVersion { found } => write!(
                f,
                "schema_version {found} is not supported (this version of Shifo reads {SCHEMA_VERSION})"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// serde_json counts columns in bytes; people count characters (Cyrillic is two bytes each).
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(l.len());
    while !l.is_char_boundary(end) {
        end += 1;
    }
    l[..end].chars().count().max(1)
}

impl Error {
    /// Converts a serde_json error on `text`, with the column counted in characters.
    fn from_json(e: serde_json::Error, text: &str) -> Self {
        use serde_json::error::Category;
        let full = e.to_string();
        // serde_json appends " at line L column C"; the location is reported separately.
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        // serde_json reports column 0 for an error before the first character of a line.
        let line = e.line().max(1);
        let column = char_column(text, line, e.column().max(1));
        let kind = match e.classify() {
            Category::Data => ErrorKind::Shape {
                line,
                column,
                message,
            },
            Category::Syntax | Category::Eof | Category::Io => ErrorKind::Syntax {
                line,
                column,
                message,
            },
        };
        Error { kind }
    }
}

/// A dataset that parsed, with its invalid entries set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The dataset, holding only the entries that passed validation.
    pub dataset: Dataset,
    /// Every problem found; entries with an error were removed from `dataset`.
    pub problems: Vec<Problem>,
}

impl Dataset {
    /// Parses dataset JSON; fails on syntax, shape or an unsupported schema version.
    pub fn from_json(text: &str) -> Result<Dataset, Error> {
        // serde would read an array as a struct's fields in order and complain about the second
        // element; say plainly that a dataset is an object instead.
        if let Some(at) = text
            .find(|c: char| !c.is_whitespace())
            .filter(|&i| text[i..].starts_with('['))
        {
            let line = text[..at].matches('\n').count() + 1;
            let column = text[..at]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count())
                + 1;
            return Err(Error {
                kind: ErrorKind::Shape {
                    line,
                    column,
                    message: "expected a JSON object with schema_version, specialties and centers, found an array".into(),
                },
            });
        }
        let version_error = |found| Error {
            kind: ErrorKind::SchemaVersion { found },
        };
        match serde_json::from_str::<Dataset>(text) {
            Ok(d) if d.schema_version == SCHEMA_VERSION => Ok(d),
            Ok(d) => Err(version_error(d.schema_version)),
            Err(e) => {
                // Only on failure, read just the version: a newer file's new fields should be
                // reported as a newer version, not as unknown fields.
                #[derive(serde::Deserialize)]
                struct Probe {
                    schema_version: Option<u32>,
                }
                match serde_json::from_str::<Probe>(text) {
                    Ok(Probe {
                        schema_version: Some(found),
                    }) if found != SCHEMA_VERSION => Err(version_error(found)),
                    _ => Err(Error::from_json(e, text)),
                }
            }
        }
    }

    /// Parses and validates: what is fine is kept, what is not is reported, nothing panics.
    pub fn load(text: &str) -> Result<Loaded, Error> {
        let mut dataset = Dataset::from_json(text)?;
        let problems = validate::check(&dataset);
        validate::remove_invalid(&mut dataset, &problems);
        Ok(Loaded { dataset, problems })
    }

    /// The position in `centers` of the center with this id.
    pub fn center_index(&self, id: &str) -> Option<usize> {
        self.centers.iter().position(|c| c.id == id)
    }

    /// The center with this id.
    pub fn center(&self, id: &str) -> Option<&crate::model::Center> {
        self.center_index(id).map(|i| &self.centers[i])
    }

    /// The English label of a specialty code, or the code itself when it is not in the vocabulary.
    pub fn specialty_label<'a>(&'a self, code: &'a str) -> &'a str {
        self.specialties
            .iter()
            .find(|s| s.code == code)
            .map_or(code, |s| s.label.as_str())
    }

    /// The English labels of a center's specialties, joined with commas.
    pub fn specialty_list(&self, center: &crate::model::Center) -> String {
        let labels: Vec<&str> = center
            .specialties
            .iter()
            .map(|s| self.specialty_label(s))
            .collect();
        labels.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
  "schema_version": 1,
  "version": "t",
  "updated": "2026-01-01",
  "specialties": [{"code": "oncology", "label": "Oncology"}],
  "centers": [{"id": "a", "name": "A", "country": "KZ", "city": "Astana",
               "lat": 51.17, "lon": 71.45, "specialties": ["oncology"], "pediatric": false}]
}"#;

    #[test]
    fn minimal_dataset_parses() {
        let d = Dataset::from_json(MINIMAL).unwrap();
        assert_eq!(d.centers.len(), 1);
        assert_eq!(d.specialty_label("oncology"), "Oncology");
        assert_eq!(d.specialty_label("nope"), "nope");
        assert!(d.center("a").is_some());
        assert_eq!(d.center_index("a"), Some(0));
        assert_eq!(d.center_index("b"), None);
        assert_eq!(d.specialty_list(&d.centers[0]), "Oncology");
    }

    #[test]
    fn errors_carry_line_and_column() {
        // Locations counted by hand in each input: line and column are 1-based.
        let cases: &[(&str, &str, usize, usize)] = &[
            ("", "syntax", 1, 1),
            ("{\n  \"schema_version\": 1,\n  oops\n}", "syntax", 3, 3),
            ("<!DOCTYPE html>", "syntax", 1, 1),
            (
                "{\"schema_version\": 1, \"version\": \"v\"",
                "syntax",
                1,
                36,
            ),
            ("[1, 2]", "shape", 1, 1),
            ("\n  [{}]", "shape", 2, 3),
            ("{\"schema_version\": \"one\"}", "shape", 1, 24),
            (
                &MINIMAL.replace("\"country\": \"KZ\"", "\"country\": \"RU\""),
                "shape",
                6,
                54,
            ),
            (
                &MINIMAL.replace("\"pediatric\": false", "\"pediatirc\": false"),
                "shape",
                7,
                83,
            ),
        ];
        for (text, kind, line, column) in cases {
            let err = Dataset::from_json(text).unwrap_err();
            let got_kind = match err.kind {
                ErrorKind::Syntax { .. } => "syntax",
                ErrorKind::Shape { .. } => "shape",
                ErrorKind::SchemaVersion { .. } => "version",
            };
            assert_eq!(got_kind, *kind, "{text:?}: {err}");
            assert_eq!(err.location(), Some((*line, *column)), "{text:?}: {err}");
            assert!(err
                .to_string()
                .contains(&format!("line {line}, column {column}")));
        }
    }

    #[test]
    fn unsupported_schema_version_is_reported() {
        let text = MINIMAL.replace("\"schema_version\": 1", "\"schema_version\": 2");
        let err = Dataset::from_json(&text).unwrap_err();
        assert_eq!(err.kind, ErrorKind::SchemaVersion { found: 2 });
        assert_eq!(err.location(), None);
        // A newer file with fields this version does not know is still "newer version".
        let text = text.replace("\"version\": \"t\"", "\"version\": \"t\", \"regions\": []");
        let err = Dataset::from_json(&text).unwrap_err();
        assert_eq!(err.kind, ErrorKind::SchemaVersion { found: 2 });
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // `"version": "Ташкент" x`: the stray x is character 22 of the line (counted by hand),
        // byte 29.
        let text = "{\"schema_version\": 1,\n\"version\": \"Ташкент\" x}";
        let err = Dataset::from_json(text).unwrap_err();
        assert_eq!(err.location(), Some((2, 22)), "{err}");
    }
}
