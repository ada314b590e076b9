//! The five countries Shifo covers.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The five countries Shifo covers, as ISO 3166-1 alpha-2 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Country {
    /// Kazakhstan.
    KZ,
    /// Uzbekistan.
    UZ,
    /// Kyrgyzstan.
    KG,
    /// Tajikistan.
    TJ,
    /// Turkmenistan.
    TM,
}

impl Country {
    /// Every country, in the order filters list them.
    pub const ALL: [Country; 5] = [
        Country::KZ,
        Country::UZ,
        Country::KG,
        Country::TJ,
        Country::TM,
    ];

    /// The ISO 3166-1 alpha-2 code.
    pub fn code(self) -> &'static str {
        match self {
            Country::KZ => "KZ",
            Country::UZ => "UZ",
            Country::KG => "KG",
            Country::TJ => "TJ",
            Country::TM => "TM",
        }
    }

    /// Parses an alpha-2 code, case-insensitively; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Country> {
        Country::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The English short name.
    pub fn name(self) -> &'static str {
        match self {
            Country::KZ => "Kazakhstan",
            Country::UZ => "Uzbekistan",
            Country::KG => "Kyrgyzstan",
            Country::TJ => "Tajikistan",
            Country::TM => "Turkmenistan",
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
