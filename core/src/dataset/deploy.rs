//! Which dataset a page loads. A link may name a site owner's own dataset (`data=<url>`), but
//! only from an origin that the deployment lists in `config.json`: a URL alone must never be
//! able to put invented clinics inside a ministry's page.

use serde::Deserialize;

/// The deployment's `config.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeployConfig {
    /// Where datasets may come from.
    #[serde(default)]
    pub datasets: DatasetPolicy,
}

/// The `datasets` part of [`DeployConfig`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetPolicy {
    /// Origins (`https://data.example.kz`, scheme, host and port only) a `data=` URL may
    /// point to, besides the app's own.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
}

/// Why a deployment config was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// Not JSON of the expected shape; serde's message.
    Malformed(String),
    /// An entry of `allowed_origins` is not an origin (`scheme://host[:port]`).
    NotAnOrigin(String),
}

impl DeployConfig {
    /// Reads `config.json`. An entry that is not an origin makes the whole file an error, so a
    /// typo never silently widens or narrows what is allowed.
    pub fn from_json(text: &str) -> Result<DeployConfig, ConfigError> {
        let config: DeployConfig =
            serde_json::from_str(text).map_err(|e| ConfigError::Malformed(e.to_string()))?;
        for o in &config.datasets.allowed_origins {
            if origin_of(o).as_deref() != Some(o.as_str()) {
                return Err(ConfigError::NotAnOrigin(o.clone()));
            }
        }
        Ok(config)
    }
}

/// The origin of an absolute `http(s)` URL, lowercased: `scheme://host[:port]`. `None` for
/// anything else (relative paths, `javascript:`, `data:`, credentials in the URL).
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let valid = !authority.is_empty()
        && !authority.contains('@')
        && authority
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    valid.then(|| format!("{scheme}://{}", authority.to_ascii_lowercase()))
}

/// What to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    /// The dataset bundled with the app.
    Bundled,
    /// A site owner's dataset at this URL.
    Custom(String),
}

/// Why a `data=` URL was not loaded; the page says so and shows the bundled dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not an absolute http(s) URL.
    NotAUrl(String),
    /// Its origin is not in the deployment's list.
    OriginNotAllowed {
        /// The URL asked for.
        url: String,
        /// Its origin.
        origin: String,
    },
}

impl DataSource {
    /// Decides what to load for a `data=` value, given the app's own origin and the
    /// deployment's config. The app's own origin is always allowed.
    pub fn choose(
        data: Option<&str>,
        app_origin: &str,
        config: &DeployConfig,
    ) -> Result<DataSource, Refusal> {
        let Some(url) = data.map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(DataSource::Bundled);
        };
        let origin = origin_of(url).ok_or_else(|| Refusal::NotAUrl(url.to_string()))?;
        let allowed = origin == app_origin.to_ascii_lowercase()
            || config
                .datasets
                .allowed_origins
                .iter()
                .any(|o| o.eq_ignore_ascii_case(&origin));
        if allowed {
            Ok(DataSource::Custom(url.to_string()))
        } else {
            Err(Refusal::OriginNotAllowed {
                url: url.to_string(),
                origin,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_host_and_port() {
        // Origin as the URL Standard serializes it for http(s): scheme://host[:port].
        let cases: &[(&str, Option<&str>)] = &[
            (
                "https://data.example.kz/centers.json",
                Some("https://data.example.kz"),
            ),
            ("HTTPS://Data.Example.KZ", Some("https://data.example.kz")),
            ("http://127.0.0.1:8081/x?y#z", Some("http://127.0.0.1:8081")),
            ("https://[::1]:8443/d.json", Some("https://[::1]:8443")),
            ("https://user:pw@evil.example/d.json", None),
            ("javascript:alert(1)", None),
            ("data:application/json,{}", None),
            ("/data/other.json", None),
            ("ftp://example.org/d.json", None),
            ("https:///d.json", None),
            ("https://exa mple.org/", None),
        ];
        for (url, want) in cases {
            assert_eq!(origin_of(url).as_deref(), *want, "{url}");
        }
    }

    #[test]
    fn only_listed_origins_and_the_app_itself_are_loaded() {
        let config = DeployConfig::from_json(
            r#"{"datasets": {"allowed_origins": ["https://data.health.gov.kz"]}}"#,
        )
        .unwrap();
        let app = "https://shifo.example";
        let choose = |d: Option<&str>| DataSource::choose(d, app, &config);
        assert_eq!(choose(None), Ok(DataSource::Bundled));
        assert_eq!(choose(Some("  ")), Ok(DataSource::Bundled));
        assert_eq!(
            choose(Some("https://data.health.gov.kz/centers.json")),
            Ok(DataSource::Custom(
                "https://data.health.gov.kz/centers.json".into()
            ))
        );
        assert_eq!(
            choose(Some("https://shifo.example/data/other.json")),
            Ok(DataSource::Custom(
                "https://shifo.example/data/other.json".into()
            ))
        );
        // A look-alike host, another port, plain http: all refused.
        for url in [
            "https://data.health.gov.kz.evil.example/c.json",
            "https://data.health.gov.kz:8443/c.json",
            "http://data.health.gov.kz/c.json",
        ] {
            assert!(
                matches!(choose(Some(url)), Err(Refusal::OriginNotAllowed { .. })),
                "{url}"
            );
        }
        assert_eq!(
            choose(Some("javascript:alert(1)")),
            Err(Refusal::NotAUrl("javascript:alert(1)".into()))
        );
    }

    #[test]
    fn a_config_with_a_non_origin_is_refused_whole() {
        assert_eq!(DeployConfig::from_json("{}"), Ok(DeployConfig::default()));
        assert!(matches!(
            DeployConfig::from_json(r#"{"datasets": {"allowed_origins": ["https://x.kz/path"]}}"#),
            Err(ConfigError::NotAnOrigin(_))
        ));
        assert!(matches!(
            DeployConfig::from_json(r#"{"datasets": {"allowed": []}}"#),
            Err(ConfigError::Malformed(_))
        ));
    }
}
