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

/// Parses JSON text into a positioned tree; `None` if the text is not valid JSON.
pub fn parse(text: &str) -> Option<Node> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
        column: 1,
        depth: 0,
    };
    p.skip_ws();
    let node = p.value()?;
    p.skip_ws();
    (p.at == p.bytes.len()).then_some(node)
}

/// Deeper nesting than this is refused instead of overflowing the stack (serde_json's limit).
const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    line: usize,
    column: usize,
    depth: usize,
}

impl Parser<'_> {
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
        while matches!(
            self.peek(),
            Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
        ) {
            self.bump();
        }
        let raw = &self.text[start..self.at];
        let n: f64 = raw.parse().ok()?;
        Some(Value::Number(n, raw.to_string()))
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
                        self.eat(b'\\')?;
                        self.eat(b'u')?;
                        let lo = self.hex4()?;
                        0x10000 + ((hi - 0xD800) << 10) + (lo.checked_sub(0xDC00)? & 0x3FF)
                    } else {
                        hi
                    };
                    out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
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
        (self.depth <= MAX_DEPTH).then_some(())
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
    fn invalid_text_is_none_not_a_panic() {
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
            assert_eq!(parse(text), None, "{text}");
        }
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep), None);
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
