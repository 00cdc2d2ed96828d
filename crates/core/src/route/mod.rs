//! Routes from where a person stands to a goal, including switchbacks: a
//! step down that opens the way up.
//!
//! - [`search`]: the multi-criteria search on an abstract graph, and the
//!   brute force it is tested against.
//! - [`plan`]: the graph of candidate positions built from the catalog and
//!   the transition model, and the answers the CLI and the advisor use.
//! - [`compare`]: a switchback against the direct climb, as data.

pub mod compare;
pub mod plan;
pub(crate) mod search;
