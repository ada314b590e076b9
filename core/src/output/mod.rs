//! What the core writes out: CSV, GeoJSON and iCalendar files ([`export`]), the referral
//! sheet ([`referral`]) and the shortlist's packet ([`shortlist`]), the options of an embedded
//! map ([`embed`]) and the view state kept in the URL ([`url`]).

pub mod embed;
pub mod export;
pub mod first_view;
pub mod referral;
pub mod shortlist;
pub mod url;

/// `s` with the characters HTML gives meaning to written as entities: safe as text and inside
/// a double-quoted attribute.
///
/// ```
/// assert_eq!(shifo_core::output::escape_html(r#"<b a="1">&"#), "&lt;b a=&quot;1&quot;&gt;&amp;");
/// ```
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}
