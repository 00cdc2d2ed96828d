//! Learning catalogues: CSV text → `learning::Reader::parse` → good rows
//! kept, bad rows reported by line. Never a panic or a hang.
//!
//! One `learning::Reader` serves every input, as it serves a server's
//! imports: its indexes of the catalog's names are built once
//! (`learning::parse` is the same reader, built per call).
//!
//! The input is the file's text. Inputs that are not UTF-8 stop here: the
//! reader is fed text (`learning::load` streams bytes and reports a row
//! that is not UTF-8 itself; its unit tests cover that).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use switchback_core::Catalog;
use switchback_data::learning;

static CATALOG: LazyLock<Catalog> =
    LazyLock::new(|| switchback_data::embedded().expect("the embedded catalog decodes"));

thread_local! {
    static READER: learning::Reader<'static> = learning::Reader::new(&CATALOG);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match READER.with(|r| r.parse("fuzz.csv", text)) {
        // Render the row errors as `learning import` prints them.
        Ok(parsed) => {
            for e in &parsed.errors {
                drop(e.to_string());
            }
        }
        Err(e) => drop(e.to_string()),
    }
});
