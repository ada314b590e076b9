//! Fetching the dataset.

use std::cell::Cell;
use std::fmt;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use shifo_core::dataset::deploy::DeployConfig;
use shifo_core::dataset::stream::Stream;
use shifo_core::dataset::translations::Translations;
use shifo_core::geo::outline::Outlines;
use shifo_core::query::conditions::Conditions;
use shifo_core::{ErrorKind, Lang, LoadStep, Loaded};
use wasm_bindgen::JsCast;

use crate::i18n::{td_string, Locale};
use crate::perf;

/// Where the bundled dataset is served, relative to the page so the app works under a subpath.
pub const DATASET_URL: &str = "data/centers.json";

/// The deployment's config, beside the page.
pub const CONFIG_URL: &str = "config.json";

/// The condition vocabulary of search, beside the page (`public/data/conditions.json`).
pub const CONDITIONS_URL: &str = "data/conditions.json";

/// The bundled country outlines, drawn when map tiles fail (`public/outlines.json`).
pub const OUTLINES_URL: &str = "outlines.json";

/// How long the dataset's server has to start answering. A server that accepts the connection
/// and then says nothing would otherwise leave the spinner turning forever.
pub const ANSWER_WITHIN_SECONDS: u32 = 20;

/// How long a download may go without a byte once it has started. A connection that drops
/// mid-download without closing (a phone between cells) would otherwise hold the spinner
/// forever; a slow one still sends something every few seconds.
pub const STALL_SECONDS: u32 = 20;

/// The deployment's config. Missing, unreadable or malformed, it allows nothing beyond the
/// app's own origin: a broken config must never widen what may be loaded.
pub async fn fetch_config() -> DeployConfig {
    let Ok(response) = Request::get(CONFIG_URL).send().await else {
        return DeployConfig::default();
    };
    if !response.ok() {
        return DeployConfig::default();
    }
    match response.text().await {
        Ok(text) => DeployConfig::from_json(&text).unwrap_or_default(),
        Err(_) => DeployConfig::default(),
    }
}

/// The bundled country outlines. Without them (or with a broken file) the map simply has no
/// background, as before; the reason goes to the console for whoever deploys the app.
pub async fn fetch_outlines() -> Option<Outlines> {
    let text = match Request::get(OUTLINES_URL).send().await {
        Ok(r) if r.ok() => r.text().await.ok(),
        _ => None,
    }?;
    Outlines::from_json(&text)
        .map_err(|e| web_sys::console::warn_1(&format!("{OUTLINES_URL}: {e}").into()))
        .ok()
}

/// The condition vocabulary. Without it search reads words only, so a failed fetch is no
/// error for the reader; a malformed file is located in the console for whoever deploys.
pub async fn fetch_conditions() -> Option<Conditions> {
    let text = match Request::get(CONDITIONS_URL).send().await {
        Ok(r) if r.ok() => r.text().await.ok(),
        _ => None,
    }?;
    Conditions::from_json(&text)
        .map_err(|e| web_sys::console::warn_1(&format!("{CONDITIONS_URL}: {e}").into()))
        .ok()
}

/// One language's translations of the dataset, from `url`. A dataset may have none (a 404,
/// as a site owner's often will) and a failed fetch only leaves its texts in English, so
/// neither is an error for the reader; a malformed file is located in the console for
/// whoever publishes it.
pub async fn fetch_translations(url: &str, lang: Lang) -> Option<Translations> {
    let text = match Request::get(url).send().await {
        Ok(r) if r.ok() => r.text().await.ok(),
        _ => None,
    }?;
    match Translations::from_json(&text) {
        Ok(pack) if pack.lang == lang => Some(pack),
        Ok(pack) => {
            let found = pack.lang.code();
            web_sys::console::warn_1(
                &format!("{url}: holds {found} texts, not {}", lang.code()).into(),
            );
            None
        }
        Err(e) => {
            web_sys::console::warn_1(&format!("{url}: {e}").into());
            None
        }
    }
}

/// Why the dataset at `url` could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The URL requested.
    pub url: String,
    /// What went wrong.
    pub kind: LoadErrorKind,
}

/// What went wrong loading a dataset; each has its own message for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadErrorKind {
    /// The browser is offline and has no saved copy.
    Offline,
    /// The server did not start answering within [`ANSWER_WITHIN_SECONDS`].
    Timeout,
    /// The download started but nothing more arrived for [`STALL_SECONDS`].
    Stalled,
    /// The request did not complete (DNS, refused connection, CORS, aborted): the browser's
    /// description.
    Network(String),
    /// The server answered with an error status.
    Http {
        /// HTTP status code.
        status: u16,
        /// HTTP status text.
        status_text: String,
    },
    /// The body is not a dataset Shifo can read: the located error from the core.
    Parse(shifo_core::Error),
}

impl LoadError {
    fn new(url: &str, kind: LoadErrorKind) -> LoadError {
        LoadError {
            url: url.to_string(),
            kind,
        }
    }

    /// What went wrong and where, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let url = &self.url;
        match &self.kind {
            LoadErrorKind::Offline => td_string!(locale, error_offline, url = url),
            LoadErrorKind::Timeout => td_string!(
                locale,
                error_timeout,
                url = url,
                seconds = ANSWER_WITHIN_SECONDS
            ),
            LoadErrorKind::Stalled => {
                td_string!(locale, error_stalled, url = url, seconds = STALL_SECONDS)
            }
            LoadErrorKind::Network(message) => {
                td_string!(locale, error_network, url = url, message = message)
            }
            LoadErrorKind::Http {
                status,
                status_text,
            } => td_string!(
                locale,
                error_http,
                url = url,
                status = status,
                status_text = status_text
            ),
            LoadErrorKind::Parse(error) => parse_message(url, error, locale),
        }
    }
}

/// Why a body is not a readable dataset, located, in `locale`.
fn parse_message(url: &str, error: &shifo_core::Error, locale: Locale) -> String {
    match &error.kind {
        ErrorKind::Syntax {
            line,
            column,
            message,
        }
        | ErrorKind::Shape {
            line,
            column,
            message,
        } => td_string!(
            locale,
            error_parse,
            url = url,
            line = line,
            column = column,
            message = message
        ),
        ErrorKind::SchemaVersion { found, .. } => {
            td_string!(locale, error_version, url = url, found = found)
        }
        ErrorKind::Empty => td_string!(locale, error_empty, url = url),
        ErrorKind::Truncated { line, column } => td_string!(
            locale,
            error_truncated,
            url = url,
            line = line,
            column = column
        ),
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::locale::current()))
    }
}

/// Whether the browser says it has no network (a failed fetch is then told as "offline").
fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Fetches and parses the dataset at `url`.
pub async fn fetch_dataset(url: &str) -> Result<Loaded, LoadError> {
    let abort = web_sys::AbortController::new().ok();
    // One watchdog for the whole download: first for the answer to start, then for each
    // piece of the body.
    let mut watch = Watchdog::new(abort.clone(), ANSWER_WITHIN_SECONDS);
    let sent = Request::get(url)
        .abort_signal(abort.as_ref().map(|a| a.signal()).as_ref())
        .send()
        .await;
    let response = sent.map_err(|e| {
        let kind = if watch.fired() {
            LoadErrorKind::Timeout
        } else if offline() {
            LoadErrorKind::Offline
        } else {
            LoadErrorKind::Network(e.to_string())
        };
        LoadError::new(url, kind)
    })?;
    if !response.ok() {
        let kind = LoadErrorKind::Http {
            status: response.status(),
            status_text: response.status_text(),
        };
        return Err(LoadError::new(url, kind));
    }
    // The body as it arrives: each center is typed as soon as its bytes are here, so that at
    // 50,000 centers most of the typing is done by the time the download ends.
    let started = perf::now();
    watch.restart(STALL_SECONDS);
    let stream = read_body(&response, &mut watch).await.map_err(|stop| {
        let kind = match stop {
            BodyStop::Stalled => LoadErrorKind::Stalled,
            BodyStop::Failed(message) => LoadErrorKind::Network(message),
        };
        LoadError::new(url, kind)
    })?;
    perf::measure_since("shifo:body", started);
    // Each stage is timed for the benchmark's profile of where loading goes.
    let mut last = perf::now();
    let loaded = stream.finish(|step| {
        let name = match step {
            LoadStep::Parsed => "shifo:parse",
            LoadStep::Validated => "shifo:validate",
            LoadStep::Indexed => "shifo:index",
        };
        perf::measure_since(name, last);
        last = perf::now();
    });
    loaded.map_err(|error| LoadError::new(url, LoadErrorKind::Parse(error)))
}

/// Why a body stopped before its end.
enum BodyStop {
    /// Nothing arrived for [`STALL_SECONDS`]; the download was aborted.
    Stalled,
    /// The browser's description of the failure.
    Failed(String),
}

/// Aborts the download when a wait runs out: the answer not started within
/// [`ANSWER_WITHIN_SECONDS`], or no piece of the body for [`STALL_SECONDS`]. Each `restart`
/// begins a new wait; dropped, it stops waiting.
struct Watchdog {
    abort: Option<web_sys::AbortController>,
    fired: Rc<Cell<bool>>,
    /// Which wait is current. A timer whose wait is not acts on nothing, as well as being
    /// cleared: web-sys holds timer ids as i32, and a clock whose ids do not fit
    /// (Playwright's) cannot be cleared from Rust.
    wait: Rc<Cell<u32>>,
    timer: Option<leptos::prelude::TimeoutHandle>,
}

impl Watchdog {
    fn new(abort: Option<web_sys::AbortController>, seconds: u32) -> Watchdog {
        let mut watch = Watchdog {
            abort,
            fired: Rc::new(Cell::new(false)),
            wait: Rc::new(Cell::new(0)),
            timer: None,
        };
        watch.restart(seconds);
        watch
    }

    /// Starts a new wait of `seconds`: something arrived.
    fn restart(&mut self, seconds: u32) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        let mine = self.wait.get().wrapping_add(1);
        self.wait.set(mine);
        let (abort, fired, wait) = (self.abort.clone(), self.fired.clone(), self.wait.clone());
        self.timer = set_timeout_with_handle(
            move || {
                if wait.get() != mine {
                    return;
                }
                fired.set(true);
                if let Some(a) = abort {
                    a.abort();
                }
            },
            Duration::from_secs(seconds.into()),
        )
        .ok();
    }

    /// Whether a wait ran out (and the download was aborted for it).
    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        // No wait is current any more.
        self.wait.set(self.wait.get().wrapping_add(1));
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}

/// Reads the response body chunk by chunk into a [`Stream`] (bytes, not `text()`: a JS string
/// would be decoded to UTF-16 and encoded back to UTF-8 for Rust, two passes over 20 MB at
/// 50,000 centers). `watch` ends the download if it stalls; each piece restarts it.
async fn read_body(
    response: &gloo_net::http::Response,
    watch: &mut Watchdog,
) -> Result<Stream, BodyStop> {
    let mut stream = Stream::new();
    // The length of the body, unless it is compressed (then it says nothing of the text).
    let headers = response.headers();
    if headers.get("content-encoding").is_none() {
        if let Some(len) = headers.get("content-length").and_then(|n| n.parse().ok()) {
            stream.expect_len(len);
        }
    }
    let Some(body) = response.body() else {
        return Ok(stream);
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    loop {
        let result: web_sys::ReadableStreamReadResult =
            wasm_bindgen_futures::JsFuture::from(reader.read())
                .await
                .map_err(|e| {
                    if watch.fired() {
                        return BodyStop::Stalled;
                    }
                    BodyStop::Failed(
                        e.as_string()
                            .or_else(|| js_sys::Error::from(e).message().as_string())
                            .unwrap_or_default(),
                    )
                })?
                .unchecked_into();
        if result.get_done().unwrap_or(true) {
            return Ok(stream);
        }
        watch.restart(STALL_SECONDS);
        let chunk: js_sys::Uint8Array = result.get_value().unchecked_into();
        stream.push(chunk.to_vec());
    }
}
