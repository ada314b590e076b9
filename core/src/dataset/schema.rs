//! The JSON Schema of the dataset format, generated from the model's types, so that editors
//! and other tools can check a ministry's file before Shifo ever sees it.

use crate::dataset::model::Dataset;

/// Where the committed schema lives in the repository, relative to its root.
pub const SCHEMA_FILE: &str = "public/data/schema.json";

/// The dataset's JSON Schema (draft 2020-12), pretty-printed with a final newline.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Dataset);
    schema.insert("title".into(), "Shifo dataset".into());
    schema.insert(
        "description".into(),
        "Specialty medical centers of Central Asia, with their sources, partnerships, events and hubs. Validate with `cargo run -p shifo-core --bin shifo-data -- validate FILE`.".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
