//! Loading a dataset while it downloads.
//!
//! At 50,000 centers the file is over 20 MB, and typing it only once the last byte had arrived
//! put all of that work after the download. [`Stream`] takes the bytes as they come, finds
//! each entry of `centers` as soon as it is complete and types it then, so that little is left
//! when the download ends. For the same bytes it gives exactly what [`Dataset::load`] gives:
//! whatever it does not expect (another shape, a syntax error, an entry that does not type)
//! makes it load the whole text the usual way at the end, where the problem is found and
//! located.

use std::borrow::Cow;

use crate::dataset::load::{Error, LoadStep, Loaded};
use crate::dataset::model::{Center, Dataset};

/// The text of a download: its bytes as UTF-8, with anything invalid replaced (as a browser's
/// decoder would) instead of refusing the whole file.
pub fn text_from_bytes(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// Where the scan is in the file's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the top-level object's `centers` array opens.
    Head,
    /// Inside the `centers` array.
    Centers,
    /// After it closed: the rest is typed at the end, with the top-level fields.
    Tail,
    /// Not a file this scan understands: the whole text is loaded the usual way at the end.
    Whole,
}

/// What may come next inside the `centers` array, between entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// Right after `[`: an entry or `]`.
    EntryOrEnd,
    /// After `,`: an entry.
    Entry,
    /// After an entry: `,` or `]`.
    CommaOrEnd,
}

/// A dataset being read as its bytes arrive.
#[derive(Debug)]
pub struct Stream {
    /// Every byte so far, as received (kept for locating problems and for the usual path).
    chunks: Vec<Vec<u8>>,
    /// How many bytes that is.
    len: usize,
    phase: Phase,
    /// Open objects and arrays around the scan.
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// At depth 1, whether the next string is a key.
    key_next: bool,
    /// Whether the depth-1 key being read is still, so far, `centers`.
    key_matches: bool,
    /// How many bytes of the depth-1 key have been read (`None`: not reading a key).
    key_len: Option<usize>,
    /// The last depth-1 key was `centers` and its `:` has been seen: its value comes next.
    centers_value_next: bool,
    /// Offset of the `[` that opens `centers`, and of the `]` that closes it.
    open: usize,
    close: usize,
    next: Next,
    /// Offset where the entry being scanned starts, if one is.
    entry_start: Option<usize>,
    /// The bytes of that entry from earlier chunks.
    pending: Vec<u8>,
    /// The entries typed so far.
    centers: Vec<Center>,
    /// The file's length in bytes, when the server said (see [`Stream::expect_len`]).
    expected: Option<usize>,
}

impl Default for Stream {
    fn default() -> Stream {
        Stream::new()
    }
}

impl Stream {
    /// Nothing received yet.
    pub fn new() -> Stream {
        Stream {
            chunks: Vec::new(),
            len: 0,
            phase: Phase::Head,
            depth: 0,
            in_string: false,
            escaped: false,
            key_next: false,
            key_matches: false,
            key_len: None,
            centers_value_next: false,
            open: 0,
            close: 0,
            next: Next::EntryOrEnd,
            entry_start: None,
            pending: Vec::new(),
            centers: Vec::new(),
            expected: None,
        }
    }

    /// The file will be `bytes` long (the response's `Content-Length`, when not compressed).
    /// With it, room for all the centers is made once, from the size of the first ones: a
    /// list that doubles would hold the last of 50,000 centers in room for 65,536, and copy
    /// them all on the way.
    pub fn expect_len(&mut self, bytes: usize) {
        self.expected = Some(bytes);
    }

    /// Keeps a typed center whose entry ends at offset `end`.
    fn keep(&mut self, center: Center, end: usize) {
        let len = self.centers.len();
        if len == self.centers.capacity() && len >= ESTIMATE_AFTER {
            if let Some(total) = self.expected {
                let per_entry = ((end - self.open) / len).max(1);
                let estimate = total.saturating_sub(self.open) / per_entry;
                // A twentieth more than the estimate, and steps of a quarter if it was low.
                let room = (estimate + estimate / 20).max(len + len / 4);
                self.centers.reserve_exact(room - len);
            }
        }
        self.centers.push(center);
    }

    /// Takes the next bytes of the file, typing every entry of `centers` they complete.
    pub fn push(&mut self, chunk: Vec<u8>) {
        if !chunk.is_empty() {
            self.scan(&chunk);
            self.len += chunk.len();
            self.chunks.push(chunk);
        }
    }

    /// The dataset, once every byte has been pushed: what [`Dataset::load_observed`] gives for
    /// the same bytes (read with [`text_from_bytes`]), telling `step` as each stage ends.
    pub fn finish(self, mut step: impl FnMut(LoadStep)) -> Result<Loaded, Error> {
        if self.phase == Phase::Tail {
            let mut head_and_tail = self.bytes(0, self.open + 1);
            head_and_tail.extend_from_slice(&self.bytes(self.close, self.len));
            let typed = String::from_utf8(head_and_tail)
                .ok()
                .and_then(|rest| crate::dataset::objects::from_str::<Dataset>(&rest).ok());
            if let Some(mut dataset) =
                typed.filter(|d| crate::dataset::load::readable(d.schema_version))
            {
                let Stream {
                    mut centers,
                    chunks,
                    ..
                } = self;
                centers.shrink_to_fit();
                dataset.centers = centers;
                step(LoadStep::Parsed);
                let text = move || Cow::Owned(text_from_bytes(chunks.concat()));
                return Ok(Dataset::checked(dataset, text, step));
            }
        }
        Dataset::load_observed(&text_from_bytes(self.chunks.concat()), step)
    }

    /// The bytes from offset `from` up to `to`, across chunks.
    fn bytes(&self, from: usize, to: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(to.saturating_sub(from));
        let mut at = 0;
        for chunk in &self.chunks {
            let (start, end) = (at, at + chunk.len());
            if end > from && start < to {
                out.extend_from_slice(&chunk[from.max(start) - start..to.min(end) - start]);
            }
            at = end;
        }
        out
    }

    /// Follows the structure through `chunk`, whose first byte is at offset `self.len`.
    fn scan(&mut self, chunk: &[u8]) {
        let mut i = 0;
        while i < chunk.len() {
            match self.phase {
                Phase::Tail | Phase::Whole => return,
                _ => {}
            }
            if self.in_string {
                // Skip to the next quote or backslash: most bytes of a dataset are in strings.
                if !self.escaped && self.key_len.is_none() {
                    match chunk[i..].iter().position(|&b| b == b'"' || b == b'\\') {
                        Some(k) => i += k,
                        None => break,
                    }
                }
                let b = chunk[i];
                if self.escaped {
                    self.escaped = false;
                    self.key_byte(b);
                } else if b == b'\\' {
                    self.escaped = true;
                    // An escape in a key: not the plain key `centers`.
                    self.key_matches = false;
                } else if b == b'"' {
                    self.in_string = false;
                    if let Some(len) = self.key_len.take() {
                        self.key_matches &= len == CENTERS.len();
                    }
                } else {
                    self.key_byte(b);
                }
                i += 1;
                continue;
            }
            let b = chunk[i];
            let at = self.len + i;
            match self.phase {
                Phase::Head => self.head_byte(b, at),
                Phase::Centers => {
                    if self.depth == 2 {
                        self.between_entries(b, at);
                    } else {
                        self.in_entry(b, at, chunk, i);
                    }
                }
                Phase::Tail | Phase::Whole => {}
            }
            i += 1;
        }
        // An entry still open at the end of the chunk: keep its bytes so far.
        if self.phase == Phase::Centers {
            if let Some(start) = self.entry_start {
                let from = start.saturating_sub(self.len);
                self.pending.extend_from_slice(&chunk[from..]);
            }
        }
    }

    /// One byte of a depth-1 key being read.
    fn key_byte(&mut self, b: u8) {
        if let Some(len) = self.key_len.as_mut() {
            self.key_matches &= CENTERS.get(*len) == Some(&b);
            *len += 1;
        }
    }

    /// A byte outside strings before `centers` opens.
    fn head_byte(&mut self, b: u8, at: usize) {
        if is_space(b) {
            return;
        }
        if self.depth == 0 {
            // Only an object at the top; anything else is for the usual path to report.
            if b == b'{' {
                self.depth = 1;
                self.key_next = true;
            } else {
                self.phase = Phase::Whole;
            }
            return;
        }
        if self.depth == 1 && self.centers_value_next {
            self.centers_value_next = false;
            if b == b'[' {
                self.phase = Phase::Centers;
                self.open = at;
                self.depth = 2;
                self.next = Next::EntryOrEnd;
            } else {
                // `centers` is not an array: the usual path says so.
                self.phase = Phase::Whole;
            }
            return;
        }
        match b {
            b'"' => {
                self.in_string = true;
                if self.depth == 1 && self.key_next {
                    self.key_next = false;
                    self.key_len = Some(0);
                    self.key_matches = true;
                }
            }
            b':' if self.depth == 1 => self.centers_value_next = self.key_matches,
            b',' if self.depth == 1 => {
                self.key_next = true;
                self.key_matches = false;
            }
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => {
                self.depth -= 1;
                if self.depth == 0 {
                    // The top-level object ended without a `centers` array.
                    self.phase = Phase::Whole;
                }
            }
            _ => {}
        }
    }

    /// A byte inside `centers` between entries: white space, `,`, `]` or an entry's start.
    fn between_entries(&mut self, b: u8, at: usize) {
        if is_space(b) {
            return;
        }
        match (self.next, b) {
            (Next::EntryOrEnd | Next::CommaOrEnd, b']') => {
                self.close = at;
                self.depth = 1;
                self.phase = Phase::Tail;
            }
            (Next::CommaOrEnd, b',') => self.next = Next::Entry,
            (Next::EntryOrEnd | Next::Entry, b'{') => {
                self.entry_start = Some(at);
                self.pending.clear();
                self.depth = 3;
            }
            // Not an object, a missing comma, a trailing comma: the usual path reports it.
            _ => self.phase = Phase::Whole,
        }
    }

    /// A byte outside strings inside an entry; types the entry when it closes.
    fn in_entry(&mut self, b: u8, at: usize, chunk: &[u8], i: usize) {
        match b {
            b'"' => self.in_string = true,
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => {
                self.depth -= 1;
                if self.depth == 2 {
                    let start = self.entry_start.take().unwrap_or(at);
                    let from = start.saturating_sub(self.len);
                    let typed = if self.pending.is_empty() {
                        type_center(&chunk[from..=i])
                    } else {
                        self.pending.extend_from_slice(&chunk[..=i]);
                        let typed = type_center(&self.pending);
                        self.pending.clear();
                        typed
                    };
                    match typed {
                        Some(center) => {
                            self.keep(center, at);
                            self.next = Next::CommaOrEnd;
                        }
                        None => self.phase = Phase::Whole,
                    }
                }
            }
            _ => {}
        }
    }
}

/// How many centers are typed before their mean size is used to make room for the rest.
const ESTIMATE_AFTER: usize = 64;

/// The key whose array is read entry by entry.
const CENTERS: &[u8] = b"centers";

/// JSON's white space.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// One entry of `centers`, typed as the whole file's reader would type it, with its lists
/// trimmed to their length (a list read from JSON grows by doubling: most centers have one
/// source in room for four).
fn type_center(bytes: &[u8]) -> Option<Center> {
    let mut center: Center = crate::dataset::objects::from_slice(bytes).ok()?;
    center.specialties.shrink_to_fit();
    center.sources.shrink_to_fit();
    Some(center)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `text` in pieces of `size` bytes (the last shorter).
    fn streamed(text: &[u8], size: usize) -> (Result<Loaded, Error>, Phase) {
        let mut stream = Stream::new();
        for piece in text.chunks(size.max(1)) {
            stream.push(piece.to_vec());
        }
        let phase = stream.phase;
        (stream.finish(|_| {}), phase)
    }

    fn whole(text: &[u8]) -> Result<Loaded, Error> {
        Dataset::load(&text_from_bytes(text.to_vec()))
    }

    /// Every file of the validator's corpus (valid and invalid, one per rule) and the bundled
    /// dataset, in pieces of many sizes: the same result as loading the whole text.
    #[test]
    fn same_as_the_whole_text_for_every_corpus_file_and_piece_size() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let mut files = vec![format!("{root}/public/data/centers.json")];
        for dir in ["tests/datasets/valid", "tests/datasets/invalid"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    files.push(path.display().to_string());
                }
            }
        }
        assert!(files.len() > 20, "corpus found: {files:?}");
        for file in &files {
            let text = std::fs::read(file).unwrap();
            let want = whole(&text);
            for size in [1, 2, 3, 7, 64, 1000, 4096, text.len()] {
                let (got, _) = streamed(&text, size);
                assert_eq!(got, want, "{file} in pieces of {size}");
            }
        }
    }

    /// A clean file is typed entry by entry (the point of streaming), not by the usual path.
    #[test]
    fn a_clean_file_is_read_entry_by_entry() {
        let text = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../public/data/centers.json"
        ))
        .unwrap();
        for size in [1, 100, 65536] {
            let mut stream = Stream::new();
            for piece in text.chunks(size) {
                stream.push(piece.to_vec());
            }
            assert_eq!(stream.phase, Phase::Tail, "pieces of {size}");
            let loaded = stream.finish(|_| {}).unwrap();
            assert!(loaded.dataset.centers.len() >= 50);
        }
    }

    /// Each case: a file (as JSON text), and whether the scan reads its centers entry by entry
    /// (`true`) or leaves it to the usual path (`false`). Either way the result must equal the
    /// usual path's.
    #[test]
    fn shapes_it_streams_and_shapes_it_leaves_to_the_usual_path() {
        let center = r#"{"id": "a", "name": "A", "names": {"ru": "А"}, "country": "KZ", "city": "Astana", "lat": 51.17, "lon": 71.45, "precision": "building", "specialties": ["oncology"], "sources": [{"title": "S", "file": "000.txt"}], "last_verified": "2026-11-22"}"#;
        let vocab = r#""specialties": [{"code": "oncology", "label": "Oncology"}]"#;
        let head =
            format!(r#"{{"schema_version": 1, "version": "t", "updated": "2026-01-01", {vocab}"#);
        let cases: Vec<(String, bool)> = vec![
            (format!(r#"{head}, "centers": [{center}]}}"#), true),
            (format!(r#"{head}, "centers": []}}"#), true),
            (
                format!(r#"{head}, "centers": [{center}, {center}]}}"#),
                true,
            ),
            (
                format!("{head},\n\"centers\"\n:\n[ {center} ,\n{center} ]\n}}"),
                true,
            ),
            // Centers before the vocabulary, and other lists after them.
            (
                format!(
                    r#"{{"centers": [{center}], "schema_version": 1, "version": "t", "updated": "2026-01-01", {vocab}, "events": []}}"#
                ),
                true,
            ),
            // A key that merely contains "centers", and one as a value.
            (
                format!(r#"{head}, "version2centers": 1, "centers": [{center}]}}"#),
                true,
            ),
            (
                format!(
                    r#"{{"version": "centers", "schema_version": 1, "updated": "2026-01-01", {vocab}, "centers": [{center}]}}"#
                ),
                true,
            ),
            // An escaped key is the same key to JSON, but left to the usual path.
            (format!(r#"{head}, "cent\u0065rs": [{center}]}}"#), false),
            // Another shape: not an object, centers not an array, an entry not an object.
            (format!("[{center}]"), false),
            (format!(r#"{head}, "centers": {center}}}"#), false),
            (format!(r#"{head}, "centers": [[1, 2]]}}"#), false),
            (format!(r#"{head}, "centers": ["a"]}}"#), false),
            // Syntax: a missing comma, a trailing comma, a cut-off file, text after the end.
            (
                format!(r#"{head}, "centers": [{center} {center}]}}"#),
                false,
            ),
            (format!(r#"{head}, "centers": [{center},]}}"#), false),
            (format!(r#"{head}, "centers": [{center}"#), false),
            (format!(r#"{head}, "centers": [{center}]}} x"#), true),
            // An entry that does not type, and strings holding brackets and quotes.
            (format!(r#"{head}, "centers": [{{"id": 1}}]}}"#), false),
            (
                format!(
                    r#"{head}, "centers": [{}]}}"#,
                    center.replace(r#""A""#, r#""A ] } { [ \" \\""#)
                ),
                true,
            ),
            // Two centers keys; another schema version.
            (
                format!(r#"{head}, "centers": [{center}], "centers": []}}"#),
                true,
            ),
            (
                format!(r#"{head}, "centers": [{center}]}}"#)
                    .replace(r#""schema_version": 1"#, r#""schema_version": 2"#),
                true,
            ),
        ];
        for (text, streams) in &cases {
            let want = whole(text.as_bytes());
            for size in [1, 5, 13, text.len()] {
                let (got, phase) = streamed(text.as_bytes(), size);
                assert_eq!(got, want, "pieces of {size}: {text}");
                let streamed_entries = phase == Phase::Tail;
                assert_eq!(streamed_entries, *streams, "pieces of {size}: {text}");
            }
        }
    }

    /// With the file's length known, the list of centers is sized once from the first 64 and
    /// ends close to its length; the result is the same whatever the length said.
    #[cfg(feature = "synth")]
    #[test]
    fn room_for_the_centers_is_made_once_from_the_expected_length() {
        let bundled = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../public/data/centers.json"
        ))
        .unwrap();
        let vocabulary = Dataset::from_json(&bundled).unwrap().specialties;
        let synthetic = crate::dataset::synth::generate(2000, 1, &vocabulary);
        let text = serde_json::to_vec(&synthetic).unwrap();
        let want = whole(&text);
        for (expected, room) in [
            (Some(text.len()), 2000..2200),
            // Too short (a compressed length): grows a quarter at a time.
            (Some(text.len() / 4), 2000..2600),
            (None, 2048..2049),
        ] {
            let mut stream = Stream::new();
            if let Some(n) = expected {
                stream.expect_len(n);
            }
            for piece in text.chunks(8192) {
                stream.push(piece.to_vec());
            }
            assert!(
                room.contains(&stream.centers.capacity()),
                "{expected:?}: {}",
                stream.centers.capacity()
            );
            assert_eq!(stream.finish(|_| {}), want);
        }
    }

    #[test]
    fn bytes_invalid_as_utf8_give_what_the_usual_path_gives() {
        let text = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../public/data/centers.json"
        ))
        .unwrap();
        let at = text.windows(7).position(|w| w == b"\"name\":").unwrap() + 9;
        let mut bad = text.clone();
        bad[at] = 0xff;
        let want = whole(&bad);
        assert_eq!(streamed(&bad, 4096).0, want);
        assert_eq!(streamed(b"", 1).0, whole(b""));
        assert_eq!(streamed(b"  \n ", 2).0, whole(b"  \n "));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// The bundled dataset's opening with random edits (bytes replaced, removed or
        /// inserted, often the structural ones), in pieces of a random size: the same result
        /// as the whole text.
        #[test]
        fn edited_files_in_any_pieces_give_what_the_whole_text_gives(
            edits in proptest::collection::vec((0usize..6000, 0u8..10, proptest::prelude::any::<u8>()), 0..4),
            size in 1usize..300,
        ) {
            let full = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/centers.json")).unwrap();
            // The vocabulary and a few centers, closed off: small enough for many cases.
            let centers = full.windows(9).position(|w| w == b"\"centers\"").unwrap();
            let fifth = full[centers..].windows(7).enumerate().filter(|(_, w)| *w == b"\"id\": \"").nth(4).map(|(i, _)| centers + i).unwrap();
            let cut = full[..fifth].iter().rposition(|&b| b == b'{').unwrap();
            let mut text = full[..cut].to_vec();
            while text.last().is_some_and(|b| b.is_ascii_whitespace() || *b == b',') {
                text.pop();
            }
            text.extend_from_slice(b"]}");
            const STRUCTURAL: &[u8] = b"{}[],:\"\\ ";
            for (at, kind, byte) in edits {
                let at = at % text.len();
                let byte = if kind % 2 == 0 { STRUCTURAL[byte as usize % STRUCTURAL.len()] } else { byte };
                match kind % 3 {
                    0 => text[at] = byte,
                    1 => { text.remove(at); }
                    _ => text.insert(at, byte),
                }
            }
            let (got, _) = streamed(&text, size);
            proptest::prop_assert_eq!(got, whole(&text));
        }
    }
}
