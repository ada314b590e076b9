//! The file that carries one language's interface texts to the browser, apart from the code:
//! written by build.rs (which includes this file as a module of its own), read by the app
//! (`src/i18n.rs`) when a reader needs that language. Only English is compiled into the wasm;
//! each other language is `locales/<code>.<hash>.txt` in the build, fetched on demand.
//!
//! The format is one header line, then the text of each slot of the message table on a line
//! of its own, in slot order:
//!
//! ```text
//! shifo-texts 1 <layout> <code> <slots>
//! <slot 0>
//! <slot 1>
//! …
//! ```
//!
//! `<layout>` is a hash of what the code expects of the table (every message's key, slots and
//! value names). A file written for another layout, another language or another number of
//! slots is refused: a text in the wrong slot would be the wrong sentence, silently.
//!
//! std only: build.rs compiles this too, without the app's dependencies.

use std::fmt;

/// The first words of every texts file, with the format's version.
pub const MAGIC: &str = "shifo-texts 1";

/// Why a body is not the texts file the code expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The body does not start with [`MAGIC`]: not a texts file, or another format version.
    NotATextsFile,
    /// Written for another message table (another version of the app).
    Layout {
        /// The layout the file was written for.
        found: String,
    },
    /// Another language's texts.
    Language {
        /// The language code the file names.
        found: String,
    },
    /// Fewer or more texts than the table has slots (a cut-off download, or a broken file).
    Count {
        /// Texts the file holds.
        found: usize,
        /// Slots of the table.
        expected: usize,
    },
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::NotATextsFile => write!(f, "not a texts file of format `{MAGIC}`"),
            FileError::Layout { found } => {
                write!(f, "written for the message table {found}, not this one")
            }
            FileError::Language { found } => write!(f, "holds the texts of `{found}`"),
            FileError::Count { found, expected } => {
                write!(f, "holds {found} texts where {expected} are expected")
            }
        }
    }
}

/// A texts file: the header, then each text on its own line. The texts must hold no line
/// break (build.rs refuses one in a locale file).
pub fn write(layout: &str, code: &str, texts: &[String]) -> String {
    let size = texts.iter().map(|t| t.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(size + 64);
    out.push_str(&format!("{MAGIC} {layout} {code} {}\n", texts.len()));
    for text in texts {
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// The texts of `body`, one per slot, if it is the file of `code` for the table `layout` of
/// `slots` slots.
pub fn read<'a>(
    body: &'a str,
    layout: &str,
    code: &str,
    slots: usize,
) -> Result<Vec<&'a str>, FileError> {
    let (header, rest) = body.split_once('\n').ok_or(FileError::NotATextsFile)?;
    let fields = header
        .strip_prefix(MAGIC)
        .and_then(|h| h.strip_prefix(' '))
        .ok_or(FileError::NotATextsFile)?;
    let mut fields = fields.split(' ');
    let (found_layout, found_code) = (fields.next().unwrap_or(""), fields.next().unwrap_or(""));
    if found_layout != layout {
        return Err(FileError::Layout {
            found: found_layout.to_string(),
        });
    }
    if found_code != code {
        return Err(FileError::Language {
            found: found_code.to_string(),
        });
    }
    // Every text ends with a line break, so a file cut off mid-text is short by one.
    let texts: Vec<&str> = match rest.strip_suffix('\n') {
        Some(rest) => rest.split('\n').collect(),
        None if rest.is_empty() => Vec::new(),
        None => rest.split('\n').take(slots.saturating_sub(1)).collect(),
    };
    let announced = fields.next().and_then(|n| n.parse::<usize>().ok());
    if texts.len() != slots || announced != Some(slots) {
        return Err(FileError::Count {
            found: texts.len(),
            expected: slots,
        });
    }
    Ok(texts)
}

/// A 64-bit FNV-1a hash of `bytes`, as 16 hex digits: names a layout and a file's contents
/// (a cache key, not a defence against anyone: the files come from the app's own origin).
pub fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Vec<String> {
        ["Поиск", "", "\u{1}0 центр", "Повторить"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn a_written_file_reads_back_slot_by_slot() {
        let body = write("abc", "ru", &texts());
        assert!(body.starts_with("shifo-texts 1 abc ru 4\n"));
        assert_eq!(
            read(&body, "abc", "ru", 4),
            Ok(texts().iter().map(String::as_str).collect())
        );
        assert_eq!(read(&write("abc", "ru", &[]), "abc", "ru", 0), Ok(vec![]));
    }

    #[test]
    fn a_file_for_another_table_language_or_size_is_refused() {
        let body = write("abc", "ru", &texts());
        let layout = Err(FileError::Layout {
            found: "abc".into(),
        });
        assert_eq!(read(&body, "abd", "ru", 4), layout);
        let language = Err(FileError::Language { found: "ru".into() });
        assert_eq!(read(&body, "abc", "kk", 4), language);
        let count = Err(FileError::Count {
            found: 4,
            expected: 5,
        });
        assert_eq!(read(&body, "abc", "ru", 5), count);
        assert_eq!(
            read("<!DOCTYPE html>\n", "abc", "ru", 4),
            Err(FileError::NotATextsFile)
        );
        assert_eq!(read("", "abc", "ru", 4), Err(FileError::NotATextsFile));
    }

    #[test]
    fn a_cut_off_file_is_refused() {
        let body = write("abc", "ru", &texts());
        for end in body.find('\n').unwrap() + 1..body.len() {
            let cut = body.get(..end);
            if let Some(cut) = cut {
                assert!(read(cut, "abc", "ru", 4).is_err(), "cut at {end}: {cut:?}");
            }
        }
    }

    #[test]
    fn the_hash_is_fnv1a() {
        assert_eq!(hash(b""), "cbf29ce484222325");
        assert_eq!(hash(b"a"), "af63dc4c8601ec8c");
    }
}
