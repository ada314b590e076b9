//! Numbers written as decimals, without the standard library's float formatting.
//!
//! Why: `f64`'s `Display` and `{:.4}` bring two float-printing algorithms (Grisu with a Dragon4
//! fallback, and exact fixed precision) into the wasm, about 14 KB before wasm-opt. The JSON
//! writer already carries one (serde_json's `zmij`), and fixed precision for coordinates is
//! integer arithmetic.

use std::fmt::Write;

/// The shortest decimal that reads back to the same `x`, never with an exponent, by
/// serde_json's float printer: what `x.to_string()` gives, but for the last digit where two
/// of the same length read back as `x` (tested against it).
pub fn shortest(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let mut buffer = zmij::Buffer::new();
    let printed = buffer.format_finite(x);
    let Some((mantissa, exponent)) = printed.split_once('e') else {
        // "51.0" where Display writes "51".
        return printed.strip_suffix(".0").unwrap_or(printed).to_string();
    };
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // Where the decimal point falls in `digits`.
    let point = int.len() as i64 + exponent;
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        let (head, tail) = digits.split_at(point as usize);
        out.push_str(head);
        out.push('.');
        out.push_str(tail);
    }
    out
}

/// `x` rounded to `places` decimals (at most 9), half away from zero, as `{:.places$}` writes
/// it for the coordinates shown: `fixed(51.16944, 4)` is `"51.1694"`. Unlike `{:.4}`, a value
/// that rounds to zero has no minus sign.
pub fn fixed(x: f64, places: u32) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let places = places.min(9);
    let scale = 10u64.pow(places);
    // Beyond 2^53 an f64 has no fraction left to print; coordinates never come near.
    let scaled = (x.abs() * scale as f64).round();
    if scaled >= 9.0e15 {
        return format!("{}", x as i64);
    }
    let n = scaled as u64;
    let mut out = String::new();
    if x.is_sign_negative() && n != 0 {
        out.push('-');
    }
    let _ = write!(out, "{}", n / scale);
    if places > 0 {
        let _ = write!(out, ".{:0width$}", n % scale, width = places as usize);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Expected values are what Rust's own formatting writes (`to_string`, `{:.4}`).
    #[test]
    fn writes_as_display_does() {
        let cases: &[(f64, &str)] = &[
            (51.1694, "51.1694"),
            (-71.4491, "-71.4491"),
            (51.0, "51"),
            (0.0, "0"),
            (1e-7, "0.0000001"),
            (-2.5e-9, "-0.0000000025"),
            (1e16, "10000000000000000"),
            (1.5e20, "150000000000000000000"),
            (123456.789, "123456.789"),
        ];
        for &(x, want) in cases {
            assert_eq!(shortest(x), want, "{x:e}");
            assert_eq!(x.to_string(), want, "the oracle, for {x:e}");
        }
        assert_eq!(shortest(f64::NAN), "");
        assert_eq!(shortest(f64::INFINITY), "");
    }

    #[test]
    fn fixed_rounds_like_precision_formatting() {
        // (x, places, want): want is format!("{x:.places$}") for each, but for the sign of a
        // value that rounds to zero ("-0.0000" there).
        let cases: &[(f64, u32, &str)] = &[
            (51.16944, 4, "51.1694"),
            (51.16946, 4, "51.1695"),
            (-71.44914, 4, "-71.4491"),
            (43.0, 4, "43.0000"),
            (-0.00001, 4, "0.0000"),
            (0.5, 0, "1"),
            (69.27870, 2, "69.28"),
        ];
        for &(x, places, want) in cases {
            assert_eq!(fixed(x, places), want, "{x} to {places}");
        }
    }

    proptest! {
        /// Any finite double, any magnitude: a text that reads back as exactly that double,
        /// with no more digits than `Display` writes. (Both are shortest round trips; where two
        /// texts of that length round-trip, they may pick different last digits: for
        /// f64::from_bits(4834783353649679025) `Display` writes 1731138277126828.3 and the
        /// shortest printer 1731138277126828.2, and both read back as that double.)
        #[test]
        fn shortest_reads_back_as_display_does(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let (ours, display) = (shortest(x), x.to_string());
            prop_assert_eq!(ours.parse::<f64>().ok(), Some(x), "{} for {:e}", ours, x);
            let digits = |t: &str| t.bytes().filter(u8::is_ascii_digit).count();
            prop_assert!(digits(&ours) <= digits(&display), "{} against {}", ours, display);
        }

        /// Coordinates to four places: the same text as `{:.4}` (away from exact ties, which
        /// `{:.4}` rounds by the exact binary value and coordinates do not meet).
        #[test]
        fn fixed_is_precision_formatting(x in -180.0f64..180.0) {
            let scaled = (x.abs() * 1e4).fract();
            prop_assume!((scaled - 0.5).abs() > 1e-6 && x.abs() >= 0.00005);
            prop_assert_eq!(fixed(x, 4), format!("{x:.4}"));
        }
    }
}
