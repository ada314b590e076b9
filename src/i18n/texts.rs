//! The other languages' texts, fetched on demand: English is compiled in; each other language
//! is a file of the build (`TEXT_FILES`, format `crate::texts_file`), fetched when a reader
//! needs it and kept for the rest of the page's life. A file is leaked once it is read, so its
//! texts are `&'static str` as English's are; a page loads each language at most once (a
//! retry follows a failure only), so at most seven files' worth.
//!
//! Natively (the tests) the files are compiled in (`BUNDLED`) and read the same way.

use std::cell::RefCell;

use gloo_net::http::Request;

use super::{td_string, Locale, LAYOUT, SLOTS, TEXT_FILES};
use crate::texts_file::{self, FileError};

/// One locale's texts, by slot.
type Texts = &'static [&'static str];

/// Where a locale's texts are.
#[derive(Clone, Copy)]
enum Held {
    /// Not asked for, or asked for and failed.
    No,
    /// The fetch is under way.
    Fetching,
    /// Here.
    Here(Texts),
}

thread_local! {
    /// Each locale's texts, by `Locale as usize`; English's never (they are compiled in).
    static HELD: RefCell<[Held; TEXT_FILES.len()]> =
        const { RefCell::new([Held::No; TEXT_FILES.len()]) };
}

/// `locale`'s texts, if they are here.
pub(super) fn loaded(locale: Locale) -> Option<Texts> {
    match HELD.with(|h| h.borrow()[locale as usize]) {
        Held::Here(texts) => Some(texts),
        #[cfg(not(target_arch = "wasm32"))]
        _ => bundled(locale),
        #[cfg(target_arch = "wasm32")]
        _ => None,
    }
}

/// Whether `locale`'s texts can be shown now.
pub(super) fn present(locale: Locale) -> bool {
    locale == Locale::en || loaded(locale).is_some()
}

/// Natively, the texts file of `locale` compiled in, read as a fetched one is.
#[cfg(not(target_arch = "wasm32"))]
fn bundled(locale: Locale) -> Option<Texts> {
    let body = super::BUNDLED[locale as usize];
    let texts = texts_file::read(body, LAYOUT, locale.as_str(), SLOTS).ok()?;
    let texts: Texts = Vec::leak(texts);
    set(locale, Held::Here(texts));
    Some(texts)
}

fn set(locale: Locale, held: Held) {
    HELD.with(|h| h.borrow_mut()[locale as usize] = held);
}

/// Why a locale's texts could not be had.
#[derive(Debug, Clone, PartialEq)]
pub struct TextsError {
    /// The file asked for.
    pub url: &'static str,
    /// What went wrong.
    pub kind: TextsErrorKind,
}

/// What went wrong fetching a texts file.
#[derive(Debug, Clone, PartialEq)]
pub enum TextsErrorKind {
    /// The browser is offline and has no saved copy.
    Offline,
    /// The request did not complete: the browser's description.
    Network(String),
    /// The server answered with an error status.
    Http {
        /// HTTP status code.
        status: u16,
        /// HTTP status text.
        status_text: String,
    },
    /// The body is not this app's texts file for the language.
    File(FileError),
}

impl TextsError {
    /// What went wrong and where, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let url = self.url;
        match &self.kind {
            TextsErrorKind::Offline => td_string!(locale, error_offline, url = url),
            TextsErrorKind::Network(message) => {
                td_string!(locale, error_network, url = url, message = message)
            }
            TextsErrorKind::Http {
                status,
                status_text,
            } => td_string!(
                locale,
                error_http,
                url = url,
                status = status,
                status_text = status_text
            ),
            TextsErrorKind::File(e) => {
                td_string!(locale, error_texts_file, url = url, reason = e)
            }
        }
    }
}

/// Fetches `locale`'s texts and keeps them; `None` when there is nothing to do (English, or
/// texts here or already on their way).
pub(super) async fn load(locale: Locale) -> Option<Result<(), TextsError>> {
    let free = HELD.with(|h| matches!(h.borrow()[locale as usize], Held::No));
    if locale == Locale::en || !free {
        return None;
    }
    set(locale, Held::Fetching);
    let result = fetch(locale).await;
    set(
        locale,
        match result {
            Ok(texts) => Held::Here(texts),
            Err(_) => Held::No,
        },
    );
    Some(result.map(|_| ()))
}

/// `locale`'s texts file, fetched, checked and leaked.
async fn fetch(locale: Locale) -> Result<Texts, TextsError> {
    let url = TEXT_FILES[locale as usize];
    let error = |kind| TextsError { url, kind };
    let network = |e: gloo_net::Error| {
        let offline = web_sys::window().is_some_and(|w| !w.navigator().on_line());
        error(if offline {
            TextsErrorKind::Offline
        } else {
            TextsErrorKind::Network(e.to_string())
        })
    };
    let response = Request::get(url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(error(TextsErrorKind::Http {
            status: response.status(),
            status_text: response.status_text(),
        }));
    }
    let body = response.text().await.map_err(network)?;
    let code = locale.as_str();
    // Checked before it is leaked: a refused file is dropped.
    texts_file::read(&body, LAYOUT, code, SLOTS).map_err(|e| error(TextsErrorKind::File(e)))?;
    let body: &'static str = String::leak(body);
    let texts = texts_file::read(body, LAYOUT, code, SLOTS).unwrap_or_default();
    Ok(Vec::leak(texts))
}
