//! Switchback's application layer: the one API every edge calls.
//!
//! # Layout
//!
//! - [`Engine`]: the catalog and the transition model, built once and
//!   shared (`Send + Sync`, behind an `Arc` in a server).
//! - [`error`]: [`AppError`], every failure a use case can report, each
//!   with a stable code and the field it concerns.
//! - [`occupation`], [`moves`], [`advice`], [`routes`], [`plans`],
//!   [`learning`], [`eval`]: the use cases, as functions of the engine (and
//!   the plan store, the clock's reading, a file's text) returning plain
//!   serialisable responses.
//! - [`accounts`]: accounts, sessions, invitations and [`accounts::authorize`],
//!   the one check of who may do what with a shared plan.
//! - [`words`]: the advisor's typed reasons in English — the one place they
//!   become words.
//!
//! # Architecture
//!
//! The CLI, the HTTP server and batch jobs are edges: they parse their
//! input, call a use case here and render its response. No edge holds a
//! workflow or a domain rule, so the terminal and the browser give the same
//! answer in the same words. The response types are the JSON contract: the
//! CLI's `--format json` prints them, the server returns them.
//!
//! Nothing here reads the clock, the environment or a file the caller did
//! not name: times are arguments, and the store is passed in.

pub mod accounts;
pub mod advice;
pub mod error;
pub mod eval;
pub mod learning;
pub mod moves;
pub mod occupation;
pub mod org;
pub mod plans;
pub mod routes;
mod view;
pub mod words;

use std::path::Path;
use std::sync::OnceLock;

pub use error::AppError;
use switchback_core::Catalog;
use switchback_core::transition::TransitionModel;

pub use switchback_core::profile::Profile;
pub use view::{PositionView, StopView};

// The domain types and the catalog's names the edges use, re-exported: an
// edge depends on this crate (and on the store, to open the database it
// passes in), never on core or data (docs/ARCHITECTURE.md).
pub use switchback_core::Level;
pub use switchback_core::access::{Action as PlanAction, PlanRole, allows as role_allows};
pub use switchback_core::catalog::{EDUCATION_LEVELS, EDUCATION_NAMES, Percentiles};
pub use switchback_core::development::status::{Author, PlanStatus, Progress};
pub use switchback_core::position::PayBasis;
pub use switchback_core::profile::ProfileFormat;
pub use switchback_core::route::plan::MAX_MOVES;
pub use switchback_data::{CATALOG_ENV, LoadError};
pub use switchback_store::ProfileDocument;
pub use switchback_store::accounts::{Part, User};

/// How values are written in messages and pages, one way for every edge.
pub mod text {
    pub use switchback_core::text::{
        capitalise, dollars, escape_markup, io_words, kind_basis, level_words, pay_fall,
        probability, quoted, wage_note, years_to_goal,
    };
}

/// The catalog and the transition model, each built once: the model on
/// first use, since looking an occupation up does not need it.
#[derive(Debug)]
pub struct Engine {
    catalog: Catalog,
    model: OnceLock<TransitionModel>,
}

impl Engine {
    /// The engine on a catalog.
    pub fn new(catalog: Catalog) -> Engine {
        Engine {
            catalog,
            model: OnceLock::new(),
        }
    }

    /// The engine on the catalog compiled into the program.
    pub fn embedded() -> Result<Engine, AppError> {
        Ok(Engine::new(switchback_data::embedded()?))
    }

    /// The engine on an O*NET text release in `dir`.
    pub fn from_dir(dir: &Path) -> Result<Engine, AppError> {
        Ok(Engine::new(switchback_data::load_dir(dir)?))
    }

    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The transition model.
    pub fn model(&self) -> &TransitionModel {
        self.model
            .get_or_init(|| TransitionModel::new(&self.catalog))
    }

    /// Reads a profile from its text (TOML or JSON, as `format` says);
    /// `label` names it in errors (a file name).
    pub fn profile(
        &self,
        label: &str,
        text: &str,
        format: switchback_data::profile_file::Format,
    ) -> Result<Profile, AppError> {
        Ok(switchback_data::profile_file::parse(
            label,
            text,
            format,
            &self.catalog,
        )?)
    }

    /// Reads a profile file (the format follows its extension).
    pub fn profile_file(&self, path: &Path) -> Result<Profile, AppError> {
        Ok(switchback_data::profile_file::load(path, &self.catalog)?)
    }

    /// Reads a profile file and keeps its text: the profile and the
    /// document a plan stores of it, named by the file's path.
    pub fn profile_file_document(
        &self,
        path: &Path,
    ) -> Result<(Profile, ProfileDocument), AppError> {
        let (format, text) = switchback_data::profile_file::read(path)?;
        let source = path.display().to_string();
        let profile = self.profile(&source, &text, format)?;
        Ok((
            profile,
            ProfileDocument {
                source,
                format,
                text,
            },
        ))
    }
}

/// Rounds to `places` decimals, as every response does for its figures.
pub(crate) fn round(x: f32, places: i32) -> f32 {
    let f = 10f32.powi(places);
    (x * f).round() / f
}
