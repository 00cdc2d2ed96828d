//! An organisation's course catalogue into the plan store, where plan
//! creation prefers it to the bundled one.

use std::path::Path;

use jiff::Timestamp;
use serde::Serialize;
use switchback_data::learning::{self, Parsed};
use switchback_store::Store;

use crate::{AppError, Engine};

/// What an import did.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ImportView {
    /// The file.
    pub file: String,
    /// Activities new to the catalogue.
    pub added: usize,
    /// Activities already there, updated.
    pub updated: usize,
    /// Rows left out, and why.
    pub rejected: Vec<RejectedView>,
}

/// A row left out.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RejectedView {
    /// Its line in the file.
    pub line: u64,
    /// The column (or `row`).
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// Reads a catalogue file (streaming; `progress` gets bytes read and the
/// size) and imports its good rows; the store is opened only once the
/// file has been read. Fails when no row could be imported.
pub fn import_file(
    engine: &Engine,
    open: impl FnOnce() -> Result<Store, AppError>,
    path: &Path,
    progress: &mut dyn FnMut(u64, u64),
    now: Timestamp,
) -> Result<(ImportView, Store), AppError> {
    let parsed = learning::load(path, engine.catalog(), progress)?;
    let mut store = open()?;
    let view = import(&mut store, &path.display().to_string(), &parsed, now)?;
    Ok((view, store))
}

fn import(
    store: &mut Store,
    file: &str,
    parsed: &Parsed,
    now: Timestamp,
) -> Result<ImportView, AppError> {
    let activities: Vec<_> = parsed.activities.iter().map(|(_, a)| a.clone()).collect();
    let count = store.import_learning(&activities, file, now)?;
    Ok(ImportView {
        file: file.to_owned(),
        added: count.added,
        updated: count.updated,
        rejected: parsed
            .errors
            .iter()
            .map(|e| RejectedView {
                line: e.line,
                field: e.field.clone(),
                message: e.message.clone(),
            })
            .collect(),
    })
}
