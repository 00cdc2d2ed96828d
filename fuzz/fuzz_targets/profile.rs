//! Profile files: TOML or JSON text → `profile_file::parse` → a validated
//! profile or an error naming the field. Never a panic or a hang.
//!
//! The input is the file's text. It is read as JSON when it starts with `{`
//! (as a `.json` profile does) and as TOML otherwise, so every real profile
//! file is a seed as it stands and one flipped byte moves between the two
//! parsers. Inputs that are not UTF-8 stop here: `profile_file::load`
//! refuses them before parsing.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use switchback_core::Catalog;
use switchback_data::profile_file::{self, Format};

static CATALOG: LazyLock<Catalog> =
    LazyLock::new(|| switchback_data::embedded().expect("the embedded catalog decodes"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let format = if text.starts_with('{') {
        Format::Json
    } else {
        Format::Toml
    };
    match profile_file::parse("fuzz.profile", text, format, &CATALOG) {
        // Render what a person would read, so message building is covered too.
        Ok(profile) => drop(format!("{profile:?}")),
        Err(e) => drop(e.to_string()),
    }
});
