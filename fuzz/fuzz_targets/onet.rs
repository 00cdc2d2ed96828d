//! The O*NET release loader: `onet::parse_release` over a small but real
//! release (fuzz/release-slice/, cut from data/onet/ by make-slices.sh), one
//! of whose files the input replaces; when it parses, the catalog is built
//! from the parts as `switchback_data::load_dir` does (wages joined, then
//! `Catalog::new`). Never a panic or a hang.
//!
//! The first byte chooses the file: `REQUIRED_FILES[byte % 16]`. The rest is
//! that file's text. Text that is not UTF-8 stops here: `load_dir` refuses
//! it before parsing.
#![no_main]

use std::collections::HashMap;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use switchback_core::Catalog;
use switchback_core::catalog::{CatalogParts, Provenance, Wages};
use switchback_core::code::SocCode;
use switchback_data::{LoadError, oews, onet};

/// `(name, text)` for each named file of fuzz/release-slice/.
macro_rules! slice {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("../release-slice/", $name)))),*]
    };
}

/// The sliced release, in `onet::REQUIRED_FILES` order.
const SLICE: [(&str, &str); 16] = slice![
    "Occupation Data.txt",
    "Job Zones.txt",
    "Job Zone Reference.txt",
    "Skills.txt",
    "Knowledge.txt",
    "Work Styles.txt",
    "Interests.txt",
    "Education, Training, and Experience.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Technology Skills.txt",
    "Content Model Reference.txt",
    "Scales Reference.txt",
    "Tasks to DWAs.txt",
    "DWA Reference.txt",
    "Read Me.txt",
];

/// The bundled OEWS wages, parsed once (the release, not the wages, is fuzzed).
static WAGES: LazyLock<HashMap<SocCode, Wages>> = LazyLock::new(|| {
    oews::parse(oews::BUNDLED_NAME, oews::BUNDLED).expect("the bundled OEWS table parses")
});

/// Parses the slice with `replaced` (name, text) standing in for one file.
fn parse(replaced: Option<(&str, &str)>) -> Result<CatalogParts, LoadError> {
    onet::parse_release("fuzz-release", |name| {
        let text = match replaced {
            Some((n, text)) if n == name => text,
            _ => match SLICE.iter().find(|(n, _)| *n == name) {
                Some((_, text)) => text,
                None => return Ok(None),
            },
        };
        Ok(Some((format!("fuzz-release/{name}"), text.to_owned())))
    })
}

/// The catalog built from the parts as `switchback_data::load_dir` does.
fn build(mut parts: CatalogParts) -> Catalog {
    oews::attach(&mut parts.occupations, &WAGES);
    parts.provenance = Some(Provenance {
        onet_release: parts.provenance.map(|p| p.onet_release).unwrap_or_default(),
        wage_release: oews::BUNDLED_RELEASE.to_owned(),
    });
    Catalog::new(parts)
}

/// The slice itself must load, or no input ever reaches `Catalog::new`.
static SLICE_LOADS: LazyLock<()> = LazyLock::new(|| match parse(None) {
    Ok(parts) => assert!(!build(parts).occupations().is_empty()),
    Err(e) => panic!("fuzz/release-slice no longer loads ({e}); rerun make-slices.sh"),
});

fuzz_target!(|data: &[u8]| {
    LazyLock::force(&SLICE_LOADS);
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = onet::REQUIRED_FILES[usize::from(selector) % onet::REQUIRED_FILES.len()];
    match parse(Some((name, text))) {
        Ok(parts) => drop(build(parts)),
        Err(e) => drop(e.to_string()),
    }
});
