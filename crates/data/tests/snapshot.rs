//! The embedded snapshot is exactly what the bundled files build.
//!
//! Rebuild it after changing the data or the catalog's shape with
//! `SWITCHBACK_BLESS=1 cargo test -p switchback-data --test snapshot`.

#![allow(clippy::unwrap_used)] // Tests, benches and dev tools fail loudly by design.

use std::path::Path;

#[test]
fn embedded_snapshot_is_built_from_the_bundled_files() {
    let built = switchback_data::build_bundled().expect("bundled files load");
    let bytes = switchback_data::snapshot::encode(&built).expect("encodes");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/catalog.snapshot");
    if std::env::var_os("SWITCHBACK_BLESS").is_some() {
        std::fs::write(&path, &bytes).expect("write snapshot");
    }
    let committed = std::fs::read(&path).expect("read snapshot");
    assert!(
        committed == bytes,
        "data/catalog.snapshot is stale ({} bytes committed, {} built); rebuild it with \
         SWITCHBACK_BLESS=1 cargo test -p switchback-data --test snapshot",
        committed.len(),
        bytes.len()
    );
    let decoded = switchback_data::embedded().expect("embedded snapshot decodes");
    assert_eq!(decoded.occupations(), built.occupations());
    assert_eq!(decoded.elements(), built.elements());
}
