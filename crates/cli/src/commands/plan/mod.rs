//! `switchback plan …`: create a development plan for an option, store it,
//! and keep it — check-ins, status, exports.

mod ics;
mod markdown;

use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use switchback_core::Catalog;
use switchback_core::advisor;
use switchback_core::development::learning::LearningCatalog;
use switchback_core::development::status::{self, CheckIn, PlanStatus};
use switchback_core::development::{self, DevelopmentPlan};
use switchback_core::text::{did_you_mean, nearest, quoted};
use switchback_core::transition::TransitionModel;
use switchback_store::{PlanId, PlanSummary, Store, StoreError, StoredPlan};

use crate::cli::{
    CheckinArgs, DB_ENV, DbArgs, ExportArgs, ExportFormat, Format, PlanCreateArgs, PlanIdArgs,
    PlanListArgs, StatusArgs, UsageError, env_path,
};
use crate::output::{self, Table};

/// The database file's name in the user's data directory.
const DEFAULT_DB_FILE: &str = "plans.db";

/// The database `--db` or `SWITCHBACK_DB` names, else the default.
fn db_path(db: &DbArgs) -> anyhow::Result<PathBuf> {
    match db.db.clone().or_else(|| env_path(DB_ENV)) {
        Some(p) => Ok(p),
        None => default_db_path(),
    }
}

/// The database, opened to write (created and upgraded if need be).
pub(super) fn open_store(db: &DbArgs) -> anyhow::Result<Store> {
    Ok(Store::open(&db_path(db)?)?)
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

#[derive(Serialize)]
struct CheckInView<'a> {
    id: i64,
    objective: u32,
    progress: u8,
    note: Option<&'a str>,
    by: &'static str,
    date: Date,
    recorded_at: &'a str,
}

/// A plan as `plan show --format json` and `plan export --to json` print it.
#[derive(Serialize)]
struct PlanView<'a> {
    id: i64,
    created_at: &'a str,
    profile: &'a str,
    #[serde(flatten)]
    plan: &'a DevelopmentPlan,
    checkins: Vec<CheckInView<'a>>,
    status: PlanStatus,
}

fn plan_view(stored: &StoredPlan, as_of: Date) -> PlanView<'_> {
    PlanView {
        id: stored.id.get(),
        created_at: &stored.created_at,
        profile: &stored.profile,
        plan: &stored.plan,
        checkins: stored
            .checkins
            .iter()
            .map(|c| CheckInView {
                id: c.id,
                objective: c.checkin.objective,
                progress: c.checkin.progress.get(),
                note: c.checkin.note.as_deref(),
                by: c.checkin.by.name(),
                date: c.checkin.date,
                recorded_at: &c.recorded_at,
            })
            .collect(),
        status: status::status(&stored.plan, &stored.checkin_values(), as_of),
    }
}

pub fn create(catalog: &Catalog, args: &PlanCreateArgs, format: Format) -> anyhow::Result<()> {
    let profile = switchback_data::profile_file::load(&args.profile, catalog)?;
    let model = TransitionModel::new(catalog);
    let advice = advisor::advise(catalog, &model, &profile)?;
    let Some(option) = advice.options.iter().find(|o| o.id == args.option) else {
        let ids: Vec<&str> = advice.options.iter().map(|o| o.id.as_str()).collect();
        let hint = did_you_mean(nearest(&args.option, ids.iter().copied(), 4));
        return Err(UsageError(format!(
            "--option: {} is not an option of {}{hint}; its options are: {}",
            quoted(&args.option),
            args.profile.display(),
            ids.join(", ")
        ))
        .into());
    };
    if option.verdict == advisor::Verdict::NotRecommended {
        // The person may still take it (necessity has no better option):
        // plan it, but say plainly what the advisor thinks.
        let why = ["verdict.", "instead.", "onward_route"]
            .iter()
            .find_map(|code| option.reasons.iter().find(|r| r.code.starts_with(code)))
            .map(|r| format!(": {}", r.text))
            .unwrap_or_default();
        eprintln!(
            "warning: the advisor does not recommend option \"{}\"{why}",
            option.id
        );
    }
    // Open the store before the slower work that needs it, so a bad
    // database is reported before anything else.
    let mut store = open_store(&args.db)?;
    let learning = LearningCatalog {
        organisation: store.learning()?,
        bundled: switchback_data::learning::bundled(catalog)
            .activities
            .into_iter()
            .map(|(_, a)| a)
            .collect(),
    };
    let start = args.start.unwrap_or_else(today);
    let plan = development::build(catalog, &model, &profile, option, &learning, start);
    let id = store.create_plan(&plan, &args.profile.display().to_string(), now())?;
    let stored = store.plan(id)?;
    match format {
        Format::Json => output::json(&plan_view(&stored, start)),
        Format::Text => output::text(&format!(
            "Created plan {id} in {}\n\n{}",
            store.path().display(),
            markdown::render(&stored, &status::status(&stored.plan, &[], start))
        )),
    }
}

pub fn list(args: &PlanListArgs, format: Format) -> anyhow::Result<()> {
    let path = db_path(&args.db)?;
    let plans = match Store::open_read_only(&path)? {
        Some(store) => store.plans()?,
        None => Vec::new(),
    };
    match format {
        Format::Json => output::json(&plans.iter().map(summary_view).collect::<Vec<_>>()),
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
                    format!("{} ({})", p.new_title, p.new_level),
                    p.goal_title.clone().unwrap_or_else(|| "—".to_owned()),
                    p.start.clone(),
                    format!("{} – {}", p.earliest_move, p.latest_move),
                    p.checkins.to_string(),
                ]);
            }
            output::text(&t.render(0))
        }
    }
}

#[derive(Serialize)]
struct SummaryView<'a> {
    id: i64,
    created_at: &'a str,
    profile: &'a str,
    option_id: &'a str,
    new_title: &'a str,
    new_level: &'a str,
    goal_title: Option<&'a str>,
    start: &'a str,
    earliest_move: &'a str,
    latest_move: &'a str,
    checkins: u32,
    last_checkin: Option<&'a str>,
}

fn summary_view(p: &PlanSummary) -> SummaryView<'_> {
    SummaryView {
        id: p.id.get(),
        created_at: &p.created_at,
        profile: &p.profile,
        option_id: &p.option_id,
        new_title: &p.new_title,
        new_level: &p.new_level,
        goal_title: p.goal_title.as_deref(),
        start: &p.start,
        earliest_move: &p.earliest_move,
        latest_move: &p.latest_move,
        checkins: p.checkins,
        last_checkin: p.last_checkin.as_deref(),
    }
}

pub fn show(args: &PlanIdArgs, format: Format) -> anyhow::Result<()> {
    let stored = read_plan(&args.db, args.id)?;
    let as_of = today();
    match format {
        Format::Json => output::json(&plan_view(&stored, as_of)),
        Format::Text => {
            let st = status::status(&stored.plan, &stored.checkin_values(), as_of);
            output::text(&markdown::render(&stored, &st))
        }
    }
}

#[derive(Serialize)]
struct CheckedInView<'a> {
    plan: i64,
    checkin: i64,
    objective: u32,
    progress: u8,
    by: &'static str,
    date: Date,
    objective_status: &'a status::ObjectiveStatus,
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
    let checkin = CheckIn {
        objective: args.objective,
        progress: args.progress,
        note: args.note.clone().filter(|n| !n.trim().is_empty()),
        by: args.by.into(),
        date: args.date.unwrap_or_else(today),
    };
    let row = store.check_in(args.id, &checkin, now())?;
    let stored = store.plan(args.id)?;
    let st = status::status(&stored.plan, &stored.checkin_values(), checkin.date);
    let objective = st
        .objectives
        .iter()
        .find(|o| o.objective == checkin.objective)
        .context("the objective checked in on is missing from its plan's status")?;
    match format {
        Format::Json => output::json(&CheckedInView {
            plan: args.id.get(),
            checkin: row,
            objective: checkin.objective,
            progress: checkin.progress.get(),
            by: checkin.by.name(),
            date: checkin.date,
            objective_status: objective,
        }),
        Format::Text => output::text(&format!(
            "Recorded check-in {row} on plan {}: objective {} at {}% ({}, by {}).\nObjective {}: {} — {}.\n",
            args.id,
            checkin.objective,
            checkin.progress.get(),
            checkin.date,
            checkin.by.name(),
            checkin.objective,
            objective.standing.name(),
            objective.reason
        )),
    }
}

#[derive(Serialize)]
struct StatusView<'a> {
    plan: i64,
    #[serde(flatten)]
    status: &'a PlanStatus,
}

pub fn status(args: &StatusArgs, format: Format) -> anyhow::Result<()> {
    let stored = read_plan(&args.db, args.id)?;
    let as_of = args.as_of.unwrap_or_else(today);
    let st = status::status(&stored.plan, &stored.checkin_values(), as_of);
    match format {
        Format::Json => output::json(&StatusView {
            plan: args.id.get(),
            status: &st,
        }),
        Format::Text => output::text(&render_status(&stored, &st)),
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
        markdown::capitalise(&st.reason)
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
            "--format {} does not apply to `plan export --to {to}`: --to chooses the export's format (markdown, json or ics)",
            if format == Some(Format::Json) { "json" } else { "text" },
        ))
        .into());
    }
    let stored = read_plan(&args.db, args.id)?;
    let as_of = args.as_of.unwrap_or_else(today);
    let text = match args.to {
        ExportFormat::Markdown => {
            let st = status::status(&stored.plan, &stored.checkin_values(), as_of);
            markdown::render(&stored, &st)
        }
        ExportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&plan_view(&stored, as_of))?;
            s.push('\n');
            s
        }
        ExportFormat::Ics => ics::calendar(&stored),
    };
    match &args.output {
        Some(path) => output::write_file(path, &text).map_err(|e| anyhow::anyhow!("--output: {e}")),
        None => output::text(&text),
    }
}
