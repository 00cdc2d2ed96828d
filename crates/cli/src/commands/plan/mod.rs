//! `switchback plan …`: the edge of the plan use cases — where the
//! database is, today's date, and text for a terminal.

use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;
use jiff::Timestamp;
use jiff::civil::Date;
use switchback_app::PlanStatus;
use switchback_app::plans::{self, CheckInRequest, CreateRequest, Export};
use switchback_app::{AppError, Engine};
use switchback_store::{Database, PlanId, Store, StoreError, StoredPlan};

use crate::cli::{
    CheckinArgs, DATABASE_URL_ENV, DB_ENV, DbArgs, ExportArgs, ExportFormat, Format,
    PlanCreateArgs, PlanIdArgs, PlanListArgs, ServerDbArgs, StatusArgs, UsageError, env_path,
};
use crate::output::{self, Table};

/// The database file's name in the user's data directory.
const DEFAULT_DB_FILE: &str = "plans.db";

/// The database `--db` or `SWITCHBACK_DB` names, else the default.
pub(super) fn db_path(db: &DbArgs) -> anyhow::Result<PathBuf> {
    let (path, named_by) = match (&db.db, env_path(DB_ENV)) {
        (Some(p), _) => (p.clone(), "--db"),
        (None, Some(p)) => (p, DB_ENV),
        (None, None) => return default_db_path(),
    };
    // A PostgreSQL address is not a file name: made into directories, its
    // password would end up on disk and in messages.
    let text = path.to_string_lossy();
    if text.starts_with("postgres://") || text.starts_with("postgresql://") {
        return Err(UsageError(format!(
            "{named_by}: names an SQLite file, and a PostgreSQL address is not one; give the address with --database-url or {DATABASE_URL_ENV} (`switchback serve` and `user add`; `plan` commands keep a person's plans in a file)"
        ))
        .into());
    }
    Ok(path)
}

/// A server's database: `--database-url` (or, without `--db`,
/// SWITCHBACK_DATABASE_URL) names a PostgreSQL database, connected to and
/// migrated now; otherwise the SQLite file, as for `plan` commands.
pub(crate) fn server_database(args: &ServerDbArgs) -> anyhow::Result<Database> {
    let from_env = || {
        std::env::var(DATABASE_URL_ENV)
            .ok()
            .filter(|v| !v.is_empty())
    };
    let url = match (&args.database_url, &args.file.db) {
        (Some(url), _) => Some(url.clone()),
        (None, Some(_)) => None,
        (None, None) => from_env(),
    };
    Ok(match url {
        Some(url) => Database::postgres(&url).map_err(|e| match e {
            StoreError::DatabaseUrl { .. } => anyhow::Error::from(UsageError(e.to_string())),
            other => other.into(),
        })?,
        None => Database::sqlite(db_path(&args.file)?),
    })
}

/// A way to open the database to write (created and upgraded if need be),
/// for the use cases to call once the request is known to be good.
pub(super) fn opener(db: &DbArgs) -> anyhow::Result<impl FnOnce() -> Result<Store, AppError>> {
    let path = db_path(db)?;
    Ok(move || Ok(Store::open(&path)?))
}

/// One stored plan, read without writing anything: reading works on a
/// read-only database and never creates one.
fn read_plan(db: &DbArgs, id: PlanId) -> anyhow::Result<StoredPlan> {
    let path = db_path(db)?;
    match Store::open_read_only(&path)? {
        Some(store) => Ok(store.plan(id)?),
        None => Err(StoreError::NoDatabase {
            id,
            path: path.display().to_string(),
        }
        .into()),
    }
}

fn default_db_path() -> anyhow::Result<PathBuf> {
    let dir = dirs::data_dir().context(
        "cannot tell where the user's data directory is (no HOME?): name a database with --db or SWITCHBACK_DB",
    )?;
    Ok(dir.join("switchback").join(DEFAULT_DB_FILE))
}

/// Now, to the second: what a plan or a check-in records as made at.
pub(super) fn now() -> Timestamp {
    Timestamp::now()
        .round(jiff::Unit::Second)
        .unwrap_or_else(|_| Timestamp::now())
}

/// Today in the user's time zone: the day a person means by "today".
fn today() -> Date {
    jiff::Zoned::now().date()
}

pub fn create(engine: &Engine, args: &PlanCreateArgs, format: Format) -> anyhow::Result<()> {
    let (profile, document) = engine.profile_file_document(&args.profile)?;
    let start = args.start.unwrap_or_else(today);
    let req = CreateRequest {
        profile: &profile,
        document: &document,
        option: &args.option,
        start,
        owner: None,
    };
    let created = plans::create(engine, opener(&args.db)?, &req, now(), today())?;
    if let Some(w) = &created.warning {
        eprintln!("warning: {w}");
    }
    let stored = &created.stored;
    // Judged on its first day, or today for a plan started in the past
    // (its check-ins are due from today, not from a day gone by).
    let as_of = start.max(today());
    match format {
        Format::Json => output::json(&plans::plan_view(stored, as_of)),
        Format::Text => output::text(&format!(
            "Created plan {} in {}\n\n{}",
            stored.id,
            created.database.display(),
            plans::markdown(stored, as_of)
        )),
    }
}

pub fn list(args: &PlanListArgs, format: Format) -> anyhow::Result<()> {
    let path = db_path(&args.db)?;
    let store = Store::open_read_only(&path)?;
    let plans = plans::list(store.as_ref())?;
    match format {
        Format::Json => output::json(&plans),
        Format::Text => {
            if plans.is_empty() {
                return output::text(&format!(
                    "No plans in {} yet: create one with `switchback plan create PROFILE --option ID`.\n",
                    path.display()
                ));
            }
            let mut t = Table::new(&[true, false, false, false, false, true]);
            t.row([
                "id",
                "new position",
                "goal",
                "start",
                "onward move",
                "check-ins",
            ]);
            for p in &plans {
                t.row([
                    p.id.to_string(),
                    format!("{} ({})", p.new_title, output::level_words(&p.new_level)),
                    p.goal_title.clone().unwrap_or_else(|| "—".to_owned()),
                    p.start.to_string(),
                    format!("{} – {}", p.earliest_move, p.latest_move),
                    p.checkins.to_string(),
                ]);
            }
            output::text(&t.render(0))
        }
    }
}

pub fn show(args: &PlanIdArgs, format: Format) -> anyhow::Result<()> {
    let stored = read_plan(&args.db, args.id)?;
    let as_of = today();
    match format {
        Format::Json => output::json(&plans::plan_view(&stored, as_of)),
        Format::Text => output::text(&plans::markdown(&stored, as_of)),
    }
}

pub fn checkin(args: &CheckinArgs, format: Format) -> anyhow::Result<()> {
    // A check-in needs a plan: with no database there is none, and
    // creating an empty database to say so would leave a file behind.
    let path = db_path(&args.db)?;
    if !path.exists() {
        return Err(StoreError::NoDatabase {
            id: args.id,
            path: path.display().to_string(),
        }
        .into());
    }
    let mut store = Store::open(&path)?;
    let req = CheckInRequest {
        objective: args.objective,
        progress: args.progress.get(),
        note: args.note.clone(),
        by: args.by.into(),
        date: args.date.unwrap_or_else(today),
    };
    let done = plans::check_in(&mut store, args.id, &req, None, now())?;
    match format {
        Format::Json => output::json(&done),
        Format::Text => output::text(&format!(
            "Recorded check-in {} on plan {}: objective {} at {}% ({}, by {}).\nObjective {}: {} — {}.\n",
            done.checkin,
            args.id,
            done.objective,
            done.progress,
            done.date,
            done.by,
            done.objective,
            done.objective_status.standing.name(),
            done.objective_status.reason
        )),
    }
}

pub fn status(args: &StatusArgs, format: Format) -> anyhow::Result<()> {
    let stored = read_plan(&args.db, args.id)?;
    let as_of = args.as_of.unwrap_or_else(today);
    let view = plans::status_of(&stored, as_of);
    match format {
        Format::Json => output::json(&view),
        Format::Text => output::text(&render_status(&stored, &view.status)),
    }
}

fn render_status(stored: &StoredPlan, st: &PlanStatus) -> String {
    let mut s = format!(
        "Plan {}: {} ({}) — {} as of {}\n{}.\n\n",
        stored.id,
        stored.plan.new_position.title,
        stored.plan.new_position.level,
        st.standing.name().to_uppercase(),
        st.as_of,
        switchback_app::text::capitalise(&st.reason)
    );
    let mut t = Table::new(&[true, false, true, true, false, false]);
    t.row(["#", "objective", "done", "due now", "standing", "why"]);
    for (o, plan_o) in st.objectives.iter().zip(&stored.plan.objectives) {
        t.row([
            o.objective.to_string(),
            plan_o.title.clone(),
            format!("{}%", o.progress),
            format!("{:.0}%", o.expected),
            o.standing.name().to_owned(),
            o.reason.clone(),
        ]);
    }
    s.push_str(&t.render(0));
    match st.next_checkin_due {
        Some(d) => s.push_str(&format!("\nNext check-in due {d}.\n")),
        None => s.push_str("\nNo more check-ins are scheduled: the agreed tenure is over.\n"),
    }
    s
}

pub fn export(args: &ExportArgs, format: Option<Format>) -> anyhow::Result<()> {
    // --to chooses the export's format; a --format that says otherwise is a
    // mistake to point out, not to ignore.
    let agrees = match format {
        None => true,
        Some(Format::Json) => args.to == ExportFormat::Json,
        Some(Format::Text) => args.to != ExportFormat::Json,
    };
    if !agrees {
        let to = args
            .to
            .to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default();
        return Err(UsageError(format!(
            "--format {} does not apply to `plan export --to {to}`: --to chooses the export's format (markdown, json, ics or profile)",
            if format == Some(Format::Json) { "json" } else { "text" },
        ))
        .into());
    }
    let stored = read_plan(&args.db, args.id)?;
    let to = match args.to {
        ExportFormat::Markdown => Export::Markdown,
        ExportFormat::Json => Export::Json,
        ExportFormat::Ics => Export::Ics,
        ExportFormat::Profile => Export::Profile,
    };
    let text = plans::export(&stored, to, args.as_of.unwrap_or_else(today))?.text;
    match &args.output {
        Some(path) => output::write_file(path, &text).map_err(|e| anyhow::anyhow!("--output: {e}")),
        None => output::text(&text),
    }
}
