//! The committed JSON Schema is what the model's types generate today.

#[test]
fn committed_schema_is_current() {
    let committed = include_str!("../../public/data/schema.json");
    assert!(
        committed == shifo_core::dataset::schema::json_schema(),
        "public/data/schema.json is stale: run `cargo run -p shifo-core --bin shifo-data -- schema > public/data/schema.json`"
    );
}
