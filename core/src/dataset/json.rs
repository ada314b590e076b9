//! A JSON tree that remembers where each value and key starts, so that a problem found after
//! parsing (a duplicate id, a bad phone number) can still be reported at its line and column.
//!
//! serde_json checks the syntax first (its messages are good); this parser only runs on text
//! serde_json accepted, but it still fails gracefully rather than trusting that.

/// A 1-based line and column, counted in characters (not bytes) as an editor shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One JSON value with its position and byte span in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value starts.
    pub pos: Pos,
    /// Byte range of the value in the source text.
    pub span: std::ops::Range<usize>,
    /// The value.
    pub value: Value,
}

/// A JSON value whose children are [`Node`]s.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, with its source text (to tell integers from fractions).
    Number(f64, String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object's members in document order (duplicates kept, so they can be reported).
    Object(Vec<Member>),
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The key, unescaped.
    pub key: String,
    /// Where the key's opening quote is.
    pub key_pos: Pos,
    /// The value.
    pub value: Node,
}

impl Value {
    /// The JSON type name, as the validator reports it ("a string", "an array", ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(..) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

impl Node {
    /// The member with this key, if the node is an object that has it (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Member> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key),
            _ => None,
        }
    }
}

/// Why text could not be parsed, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the parser stopped.
    pub at: Pos,
    /// What it found there, for a person.
    pub message: &'static str,
}

/// Parses JSON text into a positioned tree. Stricter than skipping the text with serde: a
/// `\u` escape must be a whole character (no lone surrogate) and a number must be finite, as
/// they must be for the values to be read at all.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
        column: 1,
        depth: 0,
        error: None,
    };
    p.skip_ws();
    let node = p.value();
    if node.is_some() {
        p.skip_ws();
    }
    match node {
        Some(node) if p.at == p.bytes.len() => Ok(node),
        _ => {
            let (message, at) = p.error.unwrap_or(("unexpected character", p.pos()));
            Err(SyntaxError { at, message })
        }
    }
}

/// The message for a `\u` escape that is half of a surrogate pair.
const LONE_SURROGATE: &str = "lone surrogate in \\u escape";

/// Deeper nesting than this is refused instead of overflowing the stack (serde_json's limit).
const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    line: usize,
    column: usize,
    depth: usize,
    /// The reason for the first failure and where, when more specific than "unexpected".
    error: Option<(&'static str, Pos)>,
}

impl Parser<'_> {
    /// Records why parsing stops here; always `None`, for use with `?`.
    fn fail<T>(&mut self, message: &'static str) -> Option<T> {
        self.fail_at(message, self.pos())
    }

    /// Records why parsing stops, pointing at `at` (the start of the offending token).
    fn fail_at<T>(&mut self, message: &'static str, at: Pos) -> Option<T> {
        self.error.get_or_insert((message, at));
        None
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Advances one byte, keeping line and character column up to date.
    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        if b == b'\n' {
            self.line += 1;
            self.column = 1;
        } else if b & 0xC0 != 0x80 {
            // Continuation bytes belong to the character already counted.
            self.column += 1;
        }
        Some(b)
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.bump()? == b).then_some(())
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn value(&mut self) -> Option<Node> {
        let pos = self.pos();
        let start = self.at;
        let value = match self.peek()? {
            b'{' => self.object()?,
            b'[' => self.array()?,
            b'"' => Value::String(self.string()?),
            b't' => self.literal("true", Value::Bool(true))?,
            b'f' => self.literal("false", Value::Bool(false))?,
            b'n' => self.literal("null", Value::Null)?,
            _ => self.number()?,
        };
        Some(Node {
            pos,
            span: start..self.at,
            value,
        })
    }

    fn literal(&mut self, word: &str, value: Value) -> Option<Value> {
        for b in word.bytes() {
            self.eat(b)?;
        }
        Some(value)
    }

    fn number(&mut self) -> Option<Value> {
        let start = self.at;
        let pos = self.pos();
        while matches!(
            self.peek(),
            Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
        ) {
            self.bump();
        }
        let raw = &self.text[start..self.at];
        match raw.parse::<f64>() {
            Ok(n) if n.is_finite() => Some(Value::Number(n, raw.to_string())),
            Ok(_) => self.fail_at("number out of range", pos),
            Err(_) => self.fail_at("invalid number", pos),
        }
    }

    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let mut out = String::new();
        loop {
            let start = self.at;
            while !matches!(self.peek()?, b'"' | b'\\') {
                self.bump();
            }
            out.push_str(&self.text[start..self.at]);
            let escape = self.pos();
            if self.bump()? == b'"' {
                return Some(out);
            }
            match self.bump()? {
                b'"' => out.push('"'),
                b'\\' => out.push('\\'),
                b'/' => out.push('/'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'u' => {
                    let hi = self.hex4()?;
                    let code = if (0xD800..0xDC00).contains(&hi) {
                        if self.peek() != Some(b'\\') {
                            return self.fail_at(LONE_SURROGATE, escape);
                        }
                        self.bump();
                        self.eat(b'u')?;
                        let lo = self.hex4()?;
                        if !(0xDC00..0xE000).contains(&lo) {
                            return self.fail_at(LONE_SURROGATE, escape);
                        }
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    } else {
                        hi
                    };
                    match char::from_u32(code) {
                        Some(c) => out.push(c),
                        None => return self.fail_at(LONE_SURROGATE, escape),
                    }
                }
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut v = 0;
        for _ in 0..4 {
            v = v * 16 + char::from(self.bump()?).to_digit(16)?;
        }
        Some(v)
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        Some(())
    }

    fn array(&mut self) -> Option<Value> {
        self.enter()?;
        self.eat(b'[')?;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek()? == b']' {
            self.bump();
        } else {
            loop {
                self.skip_ws();
                items.push(self.value()?);
                self.skip_ws();
                match self.bump()? {
                    b',' => continue,
                    b']' => break,
                    _ => return None,
                }
            }
        }
        self.depth -= 1;
        Some(Value::Array(items))
    }

    fn object(&mut self) -> Option<Value> {
        self.enter()?;
        self.eat(b'{')?;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek()? == b'}' {
            self.bump();
        } else {
            loop {
                self.skip_ws();
                let key_pos = self.pos();
                let key = self.string()?;
                self.skip_ws();
                self.eat(b':')?;
                self.skip_ws();
                let value = self.value()?;
                members.push(Member {
                    key,
                    key_pos,
                    value,
                });
                self.skip_ws();
                match self.bump()? {
                    b',' => continue,
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        self.depth -= 1;
        Some(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }

    #[test]
    fn positions_are_lines_and_character_columns() {
        // Positions counted by hand; "Ташкент" is 7 characters but 14 bytes.
        let text = "{\n  \"city\": \"Ташкент\", \"lat\": 41.3,\n  \"tags\": [true, null]\n}";
        let root = parse(text).unwrap();
        assert_eq!(root.pos, at(1, 1));
        let city = root.get("city").unwrap();
        assert_eq!(city.key_pos, at(2, 3));
        assert_eq!(city.value.pos, at(2, 11));
        assert_eq!(city.value.value, Value::String("Ташкент".into()));
        let lat = root.get("lat").unwrap();
        assert_eq!(lat.key_pos, at(2, 22));
        assert_eq!(lat.value.pos, at(2, 29));
        assert_eq!(&text[lat.value.span.clone()], "41.3");
        let Value::Array(tags) = &root.get("tags").unwrap().value.value else {
            panic!("tags is not an array")
        };
        assert_eq!(tags[1].pos, at(3, 18));
        assert_eq!(tags[1].value, Value::Null);
    }

    #[test]
    fn strings_are_unescaped() {
        // Escapes from RFC 8259 section 7, including a surrogate pair (U+1F600).
        let cases = [
            (r#""a\"b""#, "a\"b"),
            (r#""\\\/\b\f\n\r\t""#, "\\/\u{8}\u{c}\n\r\t"),
            (r#""\u0416""#, "Ж"),
            (r#""\ud83d\ude00""#, "😀"),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse(text).unwrap().value,
                Value::String(want.into()),
                "{text}"
            );
        }
    }

    #[test]
    fn invalid_text_is_an_error_not_a_panic() {
        for text in [
            "",
            "{",
            "[1,",
            "\"abc",
            "{\"a\" 1}",
            "tru",
            "1 2",
            "\"\\x\"",
            "{1: 2}",
        ] {
            assert!(parse(text).is_err(), "{text}");
        }
        // What serde's skipping pass lets through, located at the start of the escape or the
        // number: (text, message, column counted by hand).
        let cases = [
            (r#"["a", "\ud83d b"]"#, LONE_SURROGATE, 8),
            (r#"["\ude00"]"#, LONE_SURROGATE, 3),
            (r#"{"lat": 1e400}"#, "number out of range", 9),
        ];
        for (text, message, column) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!((e.message, e.at), (message, at(1, column)), "{text}");
        }
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    }

    #[test]
    fn duplicate_keys_are_kept_in_order() {
        let root = parse(r#"{"a": 1, "a": 2}"#).unwrap();
        let Value::Object(members) = root.value else {
            panic!()
        };
        assert_eq!(members.len(), 2);
        assert_eq!(members[1].key_pos, at(1, 10));
    }
}
