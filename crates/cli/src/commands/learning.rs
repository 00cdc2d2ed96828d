//! `switchback learning import`: an organisation's course catalogue into
//! the plan database, where `plan create` prefers it to the bundled one.

use switchback_app::Engine;
use switchback_app::learning;

use super::plan::{now, opener};
use crate::cli::{Format, LearningImportArgs};
use crate::output;

pub fn import(engine: &Engine, args: &LearningImportArgs, format: Format) -> anyhow::Result<()> {
    let mut progress = output::Progress::new(format!("reading {}", args.file.display()));
    let result = learning::import_file(
        engine,
        opener(&args.db)?,
        &args.file,
        &mut |done, total| progress.update(done, total),
        now(),
    );
    progress.finish();
    let (view, store) = result?;
    match format {
        Format::Json => output::json(&view)?,
        Format::Text => {
            let total = view.added + view.updated;
            let mut s = format!(
                "Imported {total} {} from {} into {}: {} new, {} updated.\n",
                if total == 1 { "activity" } else { "activities" },
                view.file,
                store.path().display(),
                view.added,
                view.updated
            );
            if !view.rejected.is_empty() {
                let n = view.rejected.len();
                s.push_str(&format!(
                    "{n} {} left out:\n",
                    if n == 1 { "row was" } else { "rows were" }
                ));
                for e in &view.rejected {
                    s.push_str(&format!(
                        "  {}: line {}: {}: {}\n",
                        view.file, e.line, e.field, e.message
                    ));
                }
            }
            output::text(&s)?;
        }
    }
    if total_imported(&view) == 0 && !view.rejected.is_empty() {
        anyhow::bail!("no row of {} could be imported", args.file.display());
    }
    Ok(())
}

fn total_imported(view: &learning::ImportView) -> usize {
    view.added + view.updated
}
