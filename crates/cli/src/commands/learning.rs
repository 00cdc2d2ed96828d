//! `switchback learning import`: an organisation's course catalogue into
//! the plan database, where `plan create` prefers it to the bundled one.

use serde::Serialize;
use switchback_core::Catalog;
use switchback_data::learning::{self, RowError};

use super::plan::open_store;
use crate::cli::{Format, LearningImportArgs};
use crate::output;

#[derive(Serialize)]
struct ImportView<'a> {
    file: String,
    added: usize,
    updated: usize,
    rejected: Vec<RejectedView<'a>>,
}

#[derive(Serialize)]
struct RejectedView<'a> {
    line: u64,
    field: &'a str,
    message: &'a str,
}

pub fn import(catalog: &Catalog, args: &LearningImportArgs, format: Format) -> anyhow::Result<()> {
    let mut progress = output::Progress::new(format!("reading {}", args.file.display()));
    let parsed = learning::load(&args.file, catalog, &mut |done, total| {
        progress.update(done, total)
    });
    progress.finish();
    let parsed = parsed?;
    let mut store = open_store(&args.db)?;
    let activities: Vec<_> = parsed.activities.iter().map(|(_, a)| a.clone()).collect();
    let file = args.file.display().to_string();
    let count = store.import_learning(&activities, &file, super::plan::now())?;
    let view = ImportView {
        file,
        added: count.added,
        updated: count.updated,
        rejected: parsed.errors.iter().map(rejected_view).collect(),
    };
    match format {
        Format::Json => output::json(&view)?,
        Format::Text => {
            let total = count.added + count.updated;
            let mut s = format!(
                "Imported {total} {} from {} into {}: {} new, {} updated.\n",
                if total == 1 { "activity" } else { "activities" },
                view.file,
                store.path().display(),
                count.added,
                count.updated
            );
            if !parsed.errors.is_empty() {
                let n = parsed.errors.len();
                s.push_str(&format!(
                    "{n} {} left out:\n",
                    if n == 1 { "row was" } else { "rows were" }
                ));
                for e in &parsed.errors {
                    s.push_str(&format!("  {}: {e}\n", view.file));
                }
            }
            output::text(&s)?;
        }
    }
    if parsed.activities.is_empty() && !parsed.errors.is_empty() {
        anyhow::bail!("no row of {} could be imported", args.file.display());
    }
    Ok(())
}

fn rejected_view(e: &RowError) -> RejectedView<'_> {
    RejectedView {
        line: e.line,
        field: &e.field,
        message: &e.message,
    }
}
