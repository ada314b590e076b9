//! `shifo-data`: checks a dataset file and prints the JSON Schema.
//!
//! ```text
//! shifo-data validate FILE [--no-warnings]   every problem as FILE:LINE:COLUMN: severity: path: message
//! shifo-data schema                          the JSON Schema, as committed in public/data/schema.json
//! shifo-data synth COUNT [--seed N]           a valid synthetic dataset of COUNT centers (benchmarks)
//! shifo-data latin-names FILE                 FILE with Uzbek and Turkmen names in Latin letters
//!                                             added, marked as transliterations from Russian
//! shifo-data split-translations FILE DIR      FILE without its translations, which go to
//!                                             DIR/<lang>.json, one file per language
//! shifo-data first-view FILE LOCALES OUT       the first view of every interface language (the
//!                                             page's content before the code runs), from
//!                                             FILE, its translations beside it and the locale
//!                                             files in LOCALES, written to OUT as HTML
//! ```
//!
//! Exit code: 0 when the file has no errors (warnings allowed), 1 when it has errors, 2 when
//! the command is wrong or the file cannot be read.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use shifo_core::{Dataset, Severity};

const USAGE: &str = "usage: shifo-data validate FILE [--no-warnings]\n       shifo-data schema\n       shifo-data synth COUNT [--seed N]\n       shifo-data latin-names FILE\n       shifo-data split-translations FILE DIR\n       shifo-data first-view FILE LOCALES OUT";

/// The bundled dataset, whose specialty vocabulary synthetic data uses.
const BUNDLED: &str = include_str!("../../../public/data/centers.json");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["schema"] => {
            emit(&shifo_core::dataset::schema::json_schema());
            ExitCode::SUCCESS
        }
        ["validate", file] => validate(file, true),
        ["synth", count] => synth(count, "1"),
        ["latin-names", file] => latin_names(file),
        ["split-translations", file, dir] => split_translations(file, dir),
        ["first-view", file, locales, out] => first_view(file, locales, out),
        ["synth", count, "--seed", seed] => synth(count, seed),
        ["validate", file, "--no-warnings"] | ["validate", "--no-warnings", file] => {
            validate(file, false)
        }
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Reads a dataset with no errors; the exit code if it cannot.
fn read_dataset(file: &str) -> Result<Dataset, ExitCode> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        eprintln!("{file}: {e}");
        ExitCode::from(2)
    })?;
    Dataset::from_json(&text).map_err(|e| {
        eprintln!("{file}: {e}");
        ExitCode::from(1)
    })
}

/// `value` as indented JSON with a final newline.
fn pretty(value: &impl serde::Serialize) -> Result<String, ExitCode> {
    serde_json::to_string_pretty(value)
        .map(|text| text + "\n")
        .map_err(|e| {
            eprintln!("{e}");
            ExitCode::from(2)
        })
}

fn latin_names(file: &str) -> ExitCode {
    let mut d = match read_dataset(file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let added = d.fill_latin_names();
    match pretty(&d) {
        Ok(out) => {
            emit(&out);
            eprintln!("{file}: {added} names added");
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn split_translations(file: &str, dir: &str) -> ExitCode {
    let mut d = match read_dataset(file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    for pack in d.split_translations() {
        let path = std::path::Path::new(dir).join(format!("{}.json", pack.lang.code()));
        let written = pretty(&pack).and_then(|text| {
            std::fs::write(&path, text).map_err(|e| {
                eprintln!("{}: {e}", path.display());
                ExitCode::from(2)
            })
        });
        if let Err(code) = written {
            return code;
        }
        eprintln!("{}: {} texts", path.display(), pack.texts.len());
    }
    match pretty(&d) {
        Ok(out) => {
            emit(&out);
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn synth(count: &str, seed: &str) -> ExitCode {
    let (Ok(count), Ok(seed)) = (count.parse::<usize>(), seed.parse::<u64>()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let vocabulary = match Dataset::from_json(BUNDLED) {
        Ok(d) => d.specialties,
        Err(e) => {
            eprintln!("bundled dataset: {e}");
            return ExitCode::from(2);
        }
    };
    let d = shifo_core::dataset::synth::generate(count, seed, &vocabulary);
    match serde_json::to_string(&d) {
        Ok(mut text) => {
            text.push('\n');
            emit(&text);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn validate(file: &str, warnings: bool) -> ExitCode {
    let text = match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                eprintln!(
                    "{file}: not UTF-8 text (byte {})",
                    e.utf8_error().valid_up_to()
                );
                return ExitCode::from(2);
            }
        },
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    // A byte-order mark is common in files saved by office software; it is not an error.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut out = String::new();
    let loaded = match Dataset::load(text) {
        Ok(loaded) => loaded,
        Err(e) => {
            let (line, column) = e.location().unwrap_or((1, 1));
            let _ = writeln!(out, "{file}:{line}:{column}: error: {}", e.kind_message());
            let _ = writeln!(out, "{file}: 1 error; nothing could be read");
            emit(&out);
            return ExitCode::FAILURE;
        }
    };
    let (mut errors, mut warned) = (0, 0);
    for p in &loaded.problems {
        let severity = match p.kind.severity() {
            Severity::Error => {
                errors += 1;
                "error"
            }
            Severity::Warning => {
                warned += 1;
                if !warnings {
                    continue;
                }
                "warning"
            }
        };
        let (line, column) = p.at.map_or((1, 1), |at| (at.line, at.column));
        let _ = writeln!(
            out,
            "{file}:{line}:{column}: {severity}: {}: {}",
            p.path,
            p.message()
        );
    }
    let d = &loaded.dataset;
    // Health ministries are counted only where a file has some (most ministries' own files
    // will not list them).
    let ministries = match d.authorities.len() {
        0 => String::new(),
        1 => ", 1 health ministry".to_string(),
        n => format!(", {n} health ministries"),
    };
    let _ = writeln!(
        out,
        "{file}: {}, {}; usable: {}, {}, {}, {}{ministries}",
        count(errors, "error"),
        count(warned, "warning"),
        count(d.centers.len(), "center"),
        count(d.partnerships.len(), "partnership"),
        count(d.events.len(), "event"),
        count(d.hubs.len(), "hub"),
    );
    emit(&out);
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Writes to stdout; a reader that went away (`| head`) is not an error worth a panic.
fn emit(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// "1 error", "2 errors": every noun here takes a plain -s.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Writes the first view of every interface language to `out`: the dataset as the app holds
/// it (valid entries, each language's translations file from beside it when there is one).
fn first_view(file: &str, locales_dir: &str, out: &str) -> ExitCode {
    use shifo_core::dataset::translations::Translations;
    use shifo_core::output::first_view::{FirstView, Locales, Messages};
    use shifo_core::Lang;

    let read = |path: &str| {
        std::fs::read_to_string(path).map_err(|e| {
            eprintln!("{path}: {e}");
            ExitCode::from(2)
        })
    };
    let run = || -> Result<String, ExitCode> {
        let loaded = Dataset::load(&read(file)?).map_err(|e| {
            eprintln!("{file}: {}", e.kind_message());
            ExitCode::from(1)
        })?;
        let mut locales = Locales::default();
        for lang in Lang::ALL {
            let path = format!("{locales_dir}/{}.json", lang.code());
            let messages = Messages::from_json(&read(&path)?).map_err(|e| {
                eprintln!("{path}: {e}");
                ExitCode::from(1)
            })?;
            locales.insert(lang, messages);
        }
        let mut html = String::new();
        for lang in Lang::ALL {
            let translated = match Translations::url_beside(file, lang) {
                Some(path) if std::path::Path::new(&path).exists() => {
                    let pack = Translations::from_json(&read(&path)?).map_err(|e| {
                        eprintln!("{path}: {e}");
                        ExitCode::from(1)
                    })?;
                    loaded.with_translations(&pack)
                }
                _ => loaded.clone(),
            };
            let view = FirstView {
                dataset: &translated.dataset,
                lang,
                locales: &locales,
                rest_without_script: lang == Lang::En,
            };
            html.push_str(&view.html());
        }
        Ok(html)
    };
    match run() {
        Ok(html) => match std::fs::write(out, html) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{out}: {e}");
                ExitCode::from(2)
            }
        },
        Err(code) => code,
    }
}
