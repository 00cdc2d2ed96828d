//! Development plans: create one for a judged option, then keep it —
//! check-ins, status, exports — in the plan store the caller opened.
//!
//! The clock is read by the caller: `now` (when something is recorded)
//! and `today` or `as_of` (the day a status is judged) are arguments.

mod ics;
mod markdown;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use switchback_core::advisor::Verdict;
use switchback_core::development::learning::LearningCatalog;
use switchback_core::development::status::{
    self, Author, CheckIn, ObjectiveStatus, PlanStatus, Progress,
};
use switchback_core::development::{self, DevelopmentPlan};
use switchback_core::text::{did_you_mean, nearest, quoted};
use switchback_store::accounts::{User, UserId};
use switchback_store::{PlanId, PlanSummary, ProfileDocument, ProfileFormat, Store, StoredPlan};

use crate::{AppError, Engine, Profile};

/// A check-in as responses show it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CheckInView {
    /// Its id.
    pub id: i64,
    /// The objective's number.
    pub objective: u32,
    /// Progress, 0–100.
    pub progress: u8,
    /// What was said or shown.
    pub note: Option<String>,
    /// `person`, `manager` or `hr`.
    pub by: &'static str,
    /// The day it is about.
    pub date: Date,
    /// When it was recorded (RFC 3339).
    pub recorded_at: String,
    /// The account that recorded it, on a shared server (absent for a
    /// person planning alone).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
}

/// A plan as `plan show --format json` and `plan export --to json` print
/// it: the stored document, its check-ins and its status on a day.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PlanView {
    /// The plan's id.
    pub id: i64,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// The profile it was made from.
    pub profile: String,
    /// The plan itself (a versioned document: docs/PLANS.md).
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub plan: DevelopmentPlan,
    /// Its check-ins, oldest first.
    pub checkins: Vec<CheckInView>,
    /// Its status on the day judged.
    #[schema(value_type = Object)]
    pub status: PlanStatus,
}

/// The view of a stored plan, judged on `as_of`.
pub fn plan_view(stored: &StoredPlan, as_of: Date) -> PlanView {
    PlanView {
        id: stored.id.get(),
        created_at: stored.created_at.clone(),
        profile: stored.profile.clone(),
        plan: stored.plan.clone(),
        checkins: stored
            .checkins
            .iter()
            .map(|c| CheckInView {
                id: c.id,
                objective: c.checkin.objective,
                progress: c.checkin.progress.get(),
                note: c.checkin.note.clone(),
                by: c.checkin.by.name(),
                date: c.checkin.date,
                recorded_at: c.recorded_at.clone(),
                account: c.account.clone(),
            })
            .collect(),
        status: status::status(&stored.plan, &stored.checkin_values(), as_of),
    }
}

/// What creating a plan did.
#[derive(Clone, Debug)]
pub struct Created {
    /// The stored plan.
    pub stored: StoredPlan,
    /// Set when the advisor does not recommend the option: the person may
    /// still take it (necessity may leave no better one), so the plan is
    /// made and the advisor's reason is said.
    pub warning: Option<String>,
    /// The database it is stored in.
    pub database: std::path::PathBuf,
}

/// A plan to create: the profile, the option taken, the first day.
#[derive(Clone, Debug)]
pub struct CreateRequest<'a> {
    /// The person's profile.
    pub profile: &'a Profile,
    /// The same profile as the person wrote it, kept with the plan.
    pub document: &'a ProfileDocument,
    /// The id of the option to plan for.
    pub option: &'a str,
    /// The first day in the new position.
    pub start: Date,
    /// The plan's person on a shared server (`None` for a person planning
    /// alone).
    pub owner: Option<UserId>,
}

/// The years before and after today a plan may start.
pub const START_YEARS: i16 = 10;

/// Judges the profile, builds the plan for the chosen option with the
/// organisation's and the bundled learning, and stores it. The store is
/// opened (`open`) only once the request is known to be good, so a bad
/// request creates no database.
pub fn create(
    engine: &Engine,
    open: impl FnOnce() -> Result<Store, AppError>,
    req: &CreateRequest<'_>,
    now: Timestamp,
    today: Date,
) -> Result<Created, AppError> {
    check_start(req.start, today)?;
    let advice = crate::advice::judge(engine, req.profile)?;
    let Some(option) = advice.options.iter().find(|o| o.id == req.option) else {
        let ids: Vec<&str> = advice.options.iter().map(|o| o.id.as_str()).collect();
        let hint = did_you_mean(nearest(req.option, ids.iter().copied(), 4));
        return Err(AppError::invalid(
            "option",
            format!(
                "{} is not an option of {}{hint}; its options are: {}",
                quoted(req.option),
                req.document.source,
                ids.join(", ")
            ),
        ));
    };
    let warning = (option.verdict == Verdict::NotRecommended).then(|| {
        let why = ["verdict.", "instead.", "onward_route"]
            .iter()
            .find_map(|code| option.reasons.iter().find(|r| r.code().starts_with(code)))
            // The reason is a sentence of its own: "…option "x". It is…".
            .map(|r| format!(". {}", crate::words::reason(engine.catalog(), r)))
            .unwrap_or_default();
        format!(
            "the advisor does not recommend option \"{}\"{why}",
            option.id
        )
    });
    let mut store = open()?;
    let learning = LearningCatalog {
        organisation: store.learning()?,
        bundled: switchback_data::learning::bundled(engine.catalog())
            .activities
            .into_iter()
            .map(|(_, a)| a)
            .collect(),
    };
    let plan = development::build(
        engine.catalog(),
        engine.model(),
        req.profile,
        option,
        &learning,
        req.start,
    );
    let id = store.create_plan_for(&plan, req.document, req.owner, now)?;
    Ok(Created {
        stored: store.plan(id)?,
        warning,
        database: store.path().to_owned(),
    })
}

/// A plan's first day is within [`START_YEARS`] of today.
fn check_start(start: Date, today: Date) -> Result<(), AppError> {
    let span = jiff::Span::new().years(START_YEARS);
    let (earliest, latest) = (
        today.checked_sub(span).unwrap_or(Date::MIN),
        today.checked_add(span).unwrap_or(Date::MAX),
    );
    if start < earliest || start > latest {
        return Err(AppError::invalid(
            "start",
            format!("{start} is more than {START_YEARS} years from today ({earliest} to {latest})"),
        ));
    }
    Ok(())
}

/// A check-in records progress made by a day that has come. One dated
/// later — a mistyped year, say — would be kept, and every status until
/// that day would ignore it and call the objective overdue. A day of grace
/// past today in UTC covers the time zones ahead of it.
fn check_checkin_date(date: Date, now: Timestamp) -> Result<(), AppError> {
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let latest = today.tomorrow().unwrap_or(today);
    if date > latest {
        return Err(AppError::invalid(
            "date",
            format!(
                "{date} is in the future (today is {today}); a check-in records progress made by a day that has come"
            ),
        ));
    }
    Ok(())
}

/// One row of the plan listing.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SummaryView {
    /// The plan's id.
    pub id: i64,
    /// When it was created.
    pub created_at: String,
    /// The profile it was made from.
    pub profile: String,
    /// The option taken.
    pub option_id: String,
    /// The new position's occupation.
    pub new_title: String,
    /// Its level.
    pub new_level: String,
    /// The goal's occupation.
    pub goal_title: Option<String>,
    /// The first day.
    pub start: Date,
    /// The earliest onward move.
    pub earliest_move: Date,
    /// The latest.
    pub latest_move: Date,
    /// Check-ins recorded.
    pub checkins: u32,
    /// The latest check-in's date.
    pub last_checkin: Option<Date>,
}

/// Every plan, newest first; none when there is no store yet.
pub fn list(store: Option<&Store>) -> Result<Vec<SummaryView>, AppError> {
    let plans = match store {
        Some(s) => s.plans()?,
        None => Vec::new(),
    };
    Ok(plans.iter().map(summary_view).collect())
}

fn summary_view(p: &PlanSummary) -> SummaryView {
    SummaryView {
        id: p.id.get(),
        created_at: p.created_at.clone(),
        profile: p.profile.clone(),
        option_id: p.option_id.clone(),
        new_title: p.new_title.clone(),
        new_level: p.new_level.clone(),
        goal_title: p.goal_title.clone(),
        start: p.start,
        earliest_move: p.earliest_move,
        latest_move: p.latest_move,
        checkins: p.checkins,
        last_checkin: p.last_checkin,
    }
}

/// A check-in to record.
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInRequest {
    /// The objective's number in the plan.
    pub objective: u32,
    /// Progress toward its target, 0–100.
    pub progress: u8,
    /// What was said or shown.
    #[serde(default)]
    pub note: Option<String>,
    /// Who reports it: `person`, `manager` or `hr`.
    #[schema(value_type = String)]
    pub by: Author,
    /// The day it is about.
    pub date: Date,
}

/// The most characters a check-in's note may have.
pub const NOTE_CHARS: usize = 4_000;

/// A recorded check-in and where its objective now stands.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CheckedInView {
    /// The plan.
    pub plan: i64,
    /// The check-in's id.
    pub checkin: i64,
    /// The objective.
    pub objective: u32,
    /// Progress recorded.
    pub progress: u8,
    /// Who reported it.
    pub by: &'static str,
    /// The day it is about.
    pub date: Date,
    /// The objective's standing on that day.
    #[schema(value_type = Object)]
    pub objective_status: ObjectiveStatus,
}

/// Records a check-in (the plan, the objective and the date checked in
/// one transaction) and judges its objective on the check-in's day. On a
/// shared server `signed_in` is the account checking in: its role on the
/// plan is the author, whatever the request's `by` says
/// ([`crate::accounts::check_in`]); a person planning alone passes `None`.
pub fn check_in(
    store: &mut Store,
    id: PlanId,
    req: &CheckInRequest,
    signed_in: Option<&User>,
    now: Timestamp,
) -> Result<CheckedInView, AppError> {
    let progress = Progress::try_from(req.progress)
        .map_err(|e| AppError::invalid("progress", e.to_string()))?;
    let note = req.note.clone().filter(|n| !n.trim().is_empty());
    if let Some(n) = &note
        && n.contains('\0')
    {
        // Neither database is asked to keep it (PostgreSQL's text cannot).
        return Err(AppError::invalid(
            "note",
            "contains a NUL character (U+0000); remove it",
        ));
    }
    if let Some(n) = &note
        && n.chars().count() > NOTE_CHARS
    {
        return Err(AppError::invalid(
            "note",
            format!(
                "{} characters; at most {NOTE_CHARS} are allowed",
                n.chars().count()
            ),
        ));
    }
    check_checkin_date(req.date, now)?;
    let checkin = CheckIn {
        objective: req.objective,
        progress,
        note,
        by: req.by,
        date: req.date,
    };
    let row = match signed_in {
        Some(user) => crate::accounts::check_in(store, user, id, checkin.clone(), now)?,
        None => store.check_in(id, &checkin, now)?,
    };
    let stored = store.plan(id)?;
    let by = stored
        .checkins
        .iter()
        .find(|c| c.id == row)
        .map_or(checkin.by, |c| c.checkin.by);
    let checkin = CheckIn { by, ..checkin };
    let st = status::status(&stored.plan, &stored.checkin_values(), checkin.date);
    let objective_status = st
        .objectives
        .into_iter()
        .find(|o| o.objective == checkin.objective)
        .ok_or_else(|| AppError::invalid("objective", "missing from its plan's status"))?;
    Ok(CheckedInView {
        plan: id.get(),
        checkin: row,
        objective: checkin.objective,
        progress: checkin.progress.get(),
        by: checkin.by.name(),
        date: checkin.date,
        objective_status,
    })
}

/// A plan's status on a day.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StatusView {
    /// The plan.
    pub plan: i64,
    /// Its status.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub status: PlanStatus,
}

/// The status of a stored plan on `as_of`.
pub fn status_of(stored: &StoredPlan, as_of: Date) -> StatusView {
    StatusView {
        plan: stored.id.get(),
        status: status::status(&stored.plan, &stored.checkin_values(), as_of),
    }
}

/// The forms a plan exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Export {
    /// A document to read, print or paste.
    Markdown,
    /// The plan view as JSON.
    Json,
    /// An iCalendar file of its dates.
    Ics,
    /// The profile the plan was made from, as the person wrote it (TOML
    /// or JSON): the file `advise` and `plan create` read.
    Profile,
}

/// A plan exported: the text, its media type and a file extension.
#[derive(Clone, Debug, PartialEq)]
pub struct Exported {
    /// The document.
    pub text: String,
    /// Its media type.
    pub media_type: &'static str,
    /// The extension a file of it takes.
    pub extension: &'static str,
}

/// A stored plan exported, its status judged on `as_of`.
pub fn export(stored: &StoredPlan, to: Export, as_of: Date) -> Result<Exported, AppError> {
    let done = |text, media_type, extension| Exported {
        text,
        media_type,
        extension,
    };
    Ok(match to {
        Export::Markdown => done(
            markdown(stored, as_of),
            "text/markdown; charset=utf-8",
            "md",
        ),
        Export::Json => {
            let mut s = serde_json::to_string_pretty(&plan_view(stored, as_of))
                .map_err(|e| AppError::invalid("plan", e.to_string()))?;
            s.push('\n');
            done(s, "application/json", "json")
        }
        Export::Ics => done(ics::calendar(stored), "text/calendar; charset=utf-8", "ics"),
        Export::Profile => {
            let Some(doc) = &stored.profile_document else {
                return Err(AppError::invalid(
                    "to",
                    format!(
                        "plan {} was made before Switchback kept a plan's profile with it: only its name ({}) is stored; export markdown, json or ics",
                        stored.id, stored.profile
                    ),
                ));
            };
            let media_type = match doc.format {
                ProfileFormat::Toml => "application/toml; charset=utf-8",
                ProfileFormat::Json => "application/json",
            };
            done(doc.text.clone(), media_type, doc.format.name())
        }
    })
}

/// A stored plan as a Markdown document, its status judged on `as_of`.
pub fn markdown(stored: &StoredPlan, as_of: Date) -> String {
    let st = status::status(&stored.plan, &stored.checkin_values(), as_of);
    markdown::render(stored, &st)
}
