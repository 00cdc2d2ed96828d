//! Switchback's domain core: the occupation catalog and the judgements made
//! on it.
//!
//! # Layout
//!
//! - [`access`]: who may do what with a shared plan — the one table.
//! - [`advisor`]: the step-down advisor: circumstances, verdicts, reasons.
//! - [`code`]: O*NET-SOC and SOC codes, parsed once into `Copy` values.
//! - [`development`]: the development plan that sets a move up to succeed,
//!   its learning, and the status rule for its check-ins.
//! - [`catalog`]: occupations with their ratings, requirements, titles,
//!   technologies, wages and projections, and the rules derived from them.
//! - [`chances`]: a move's two chances — landing the position, succeeding in it.
//! - [`eval`]: recall, precision and MRR of ranked destinations against a reference.
//! - `fixture` (tests, and the `fixture` feature): a tiny hand-built
//!   catalog, so the core and the app can be unit-tested without the snapshot.
//! - [`level`]: the grade ladder and the seniority words of titles.
//! - [`org`]: an organisation's job titles mapped to occupations, and its
//!   internal labour market: blocked routes up, switchbacks, open roles.
//! - [`position`]: positions, tracks, and the classification of a move.
//! - [`profile`]: a person's validated situation, goal and options.
//! - [`resolve`]: free text and codes to ranked occupations.
//! - [`route`]: the route planner and its multi-criteria search.
//! - [`strings`]: packed string lists that keep the snapshot quick to load.
//! - [`text`]: the one normalisation rule for titles and queries.
//! - [`transition`]: feasibility of occupation-to-occupation moves, facet by facet.
//!
//! # Architecture invariant
//!
//! This crate does no IO, spawns no threads it does not join, and cannot
//! fail for IO reasons: it takes a built [`catalog::Catalog`] and returns
//! values. Loading files, the embedded snapshot, and every output format
//! live in other crates.

pub mod access;
pub mod advisor;
pub mod catalog;
pub mod chances;
pub mod code;
pub mod development;
pub mod eval;
#[cfg(any(test, feature = "fixture"))]
pub mod fixture;
pub mod level;
pub mod org;
pub mod position;
pub mod profile;
pub mod resolve;
pub mod route;
pub(crate) mod strings;
pub mod text;
pub mod transition;

pub use catalog::{Catalog, Occupation, OccupationId};
pub use code::{OnetCode, SocCode};
pub use level::Level;
