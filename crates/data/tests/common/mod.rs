//! Fixtures shared by the integration tests: the embedded catalog and the
//! transition model, each built once per test binary.

#![allow(dead_code, clippy::unwrap_used)] // Not every test binary uses every fixture.

use std::sync::OnceLock;

use switchback_core::transition::TransitionModel;
use switchback_core::{Catalog, OccupationId, OnetCode};

/// The embedded catalog.
pub fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| switchback_data::embedded().unwrap())
}

/// The transition model on the embedded catalog.
pub fn model() -> &'static TransitionModel {
    static M: OnceLock<TransitionModel> = OnceLock::new();
    M.get_or_init(|| TransitionModel::new(catalog()))
}

/// The occupation with this O*NET-SOC code.
pub fn id(code: &str) -> OccupationId {
    catalog().find_code(OnetCode::parse(code).unwrap()).unwrap()
}

/// A profile from TOML text, on the embedded catalog.
pub fn toml_profile(text: &str) -> switchback_core::profile::Profile {
    switchback_data::profile_file::parse(
        "inline.toml",
        text,
        switchback_data::profile_file::Format::Toml,
        catalog(),
    )
    .unwrap()
}
