//! Keeping the plan: check-ins and the status rule.
//!
//! A check-in records how far an objective has come, as a percentage of
//! the way from its baseline to its target. The status rule compares the
//! latest progress with the share of the objective's time that has passed:
//! an objective due in a year is expected to be half-way after six months.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::DevelopmentPlan;

/// Progress no more than this many points behind the time elapsed is on track.
pub const ON_TRACK_SLACK: f32 = 10.0;
/// Up to this many points behind is at risk; further behind is off track.
pub const AT_RISK_SLACK: f32 = 25.0;
/// A plan with no check-in for this many days is flagged as quiet.
pub const QUIET_DAYS: i32 = 45;

/// Progress toward an objective, 0–100 percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Progress(u8);

/// A progress value outside 0–100.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("progress must be a whole percentage from 0 to 100, not {0}")]
pub struct ProgressError(pub String);

impl Progress {
    /// Parses `0`–`100` (a trailing `%` is allowed).
    pub fn parse(text: &str) -> Result<Progress, ProgressError> {
        let t = text.trim().trim_end_matches('%').trim();
        match t.parse::<u8>() {
            Ok(p) if p <= 100 => Ok(Progress(p)),
            _ => Err(ProgressError(text.to_owned())),
        }
    }

    /// The percentage.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Progress {
    type Error = ProgressError;
    fn try_from(p: u8) -> Result<Self, Self::Error> {
        if p <= 100 {
            Ok(Progress(p))
        } else {
            Err(ProgressError(p.to_string()))
        }
    }
}

impl From<Progress> for u8 {
    fn from(p: Progress) -> u8 {
        p.0
    }
}

/// Who reports a check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    /// The person who made the move.
    Person,
    /// Their new manager.
    Manager,
    /// Their HR business partner.
    Hr,
}

impl Author {
    /// Every author.
    pub const ALL: [Author; 3] = [Author::Person, Author::Manager, Author::Hr];

    /// The name used on the command line and in files.
    pub fn name(self) -> &'static str {
        match self {
            Author::Person => "person",
            Author::Manager => "manager",
            Author::Hr => "hr",
        }
    }

    /// Parses a name.
    pub fn parse(text: &str) -> Option<Author> {
        let t = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|a| a.name() == t)
    }
}

/// One check-in on one objective.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    /// The objective's number in its plan (1-based).
    pub objective: u32,
    /// How far it has come.
    pub progress: Progress,
    /// What was said.
    pub note: Option<String>,
    /// Who reported it.
    pub by: Author,
    /// The day it was recorded.
    pub date: Date,
}

/// Where an objective or a plan stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Progress keeps pace with the time elapsed (or the objective is met).
    OnTrack,
    /// Behind, but recoverable.
    AtRisk,
    /// Well behind, or past due and not met.
    OffTrack,
}

impl Standing {
    /// The words used in text and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Standing::OnTrack => "on track",
            Standing::AtRisk => "at risk",
            Standing::OffTrack => "off track",
        }
    }

    fn from_shortfall(shortfall: f32) -> Standing {
        if shortfall <= ON_TRACK_SLACK {
            Standing::OnTrack
        } else if shortfall <= AT_RISK_SLACK {
            Standing::AtRisk
        } else {
            Standing::OffTrack
        }
    }
}

/// One objective's status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveStatus {
    /// The objective's number.
    pub objective: u32,
    /// Latest reported progress (0 before any check-in).
    pub progress: u8,
    /// Progress the time elapsed calls for.
    pub expected: f32,
    /// The verdict.
    pub standing: Standing,
    /// The date of the latest check-in, if any.
    pub last_checkin: Option<Date>,
    /// Why, in words.
    pub reason: String,
}

/// A plan's status on a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanStatus {
    /// The day it was judged.
    pub as_of: Date,
    /// The overall verdict.
    pub standing: Standing,
    /// Why, in words.
    pub reason: String,
    /// Per objective, in plan order.
    pub objectives: Vec<ObjectiveStatus>,
    /// The next check-in due on or after `as_of`, if the plan has one left.
    pub next_checkin_due: Option<Date>,
}

/// Judges a plan on `as_of` from its check-ins (in any order).
pub fn status(plan: &DevelopmentPlan, checkins: &[CheckIn], as_of: Date) -> PlanStatus {
    let start = plan.tenure.start;
    let mut objectives = Vec::with_capacity(plan.objectives.len());
    for o in &plan.objectives {
        // The latest check-in wins; on the same day, the later record.
        let latest = checkins
            .iter()
            .enumerate()
            .filter(|(_, c)| c.objective == o.number && c.date <= as_of)
            .max_by_key(|(i, c)| (c.date, *i))
            .map(|(_, c)| c);
        let progress = latest.map_or(0, |c| c.progress.get());
        let expected = 100.0 * elapsed_share(start, o.due, as_of);
        let shortfall = expected - f32::from(progress);
        let (standing, reason) = if progress >= 100 {
            (Standing::OnTrack, "met".to_owned())
        } else if as_of > o.due {
            (
                Standing::OffTrack,
                format!("past due since {} at {progress}%", o.due),
            )
        } else {
            let s = Standing::from_shortfall(shortfall);
            let why = if shortfall <= 0.0 {
                format!(
                    "{progress}% done, {expected:.0}% of the time to {} gone",
                    o.due
                )
            } else {
                format!(
                    "{progress}% done but {expected:.0}% of the time to {} gone ({shortfall:.0} points behind)",
                    o.due
                )
            };
            (s, why)
        };
        objectives.push(ObjectiveStatus {
            objective: o.number,
            progress,
            expected,
            standing,
            last_checkin: latest.map(|c| c.date),
            reason,
        });
    }
    let (standing, reason) = overall(&objectives);
    let quiet = checkins
        .iter()
        .filter(|c| c.date <= as_of)
        .map(|c| c.date)
        .max()
        .unwrap_or(start);
    let quiet_days = (as_of - quiet).get_days();
    let (standing, reason) = if as_of > start
        && quiet_days > QUIET_DAYS
        && standing == Standing::OnTrack
        && !objectives.iter().all(|o| o.progress >= 100)
    {
        (
            Standing::AtRisk,
            format!("{reason}; but no check-in for {quiet_days} days"),
        )
    } else {
        (standing, reason)
    };
    PlanStatus {
        as_of,
        standing,
        reason,
        objectives,
        next_checkin_due: plan
            .tenure
            .checkins_due
            .iter()
            .copied()
            .find(|d| *d >= as_of),
    }
}

/// The overall verdict: mean progress against mean expectation, and never
/// better than at risk while any objective is off track.
fn overall(objectives: &[ObjectiveStatus]) -> (Standing, String) {
    if objectives.is_empty() {
        return (Standing::OnTrack, "the plan has no objectives".to_owned());
    }
    let n = objectives.len() as f32;
    let progress = objectives
        .iter()
        .map(|o| f32::from(o.progress))
        .sum::<f32>()
        / n;
    let expected = objectives.iter().map(|o| o.expected).sum::<f32>() / n;
    let mut standing = Standing::from_shortfall(expected - progress);
    let off = objectives
        .iter()
        .filter(|o| o.standing == Standing::OffTrack)
        .count();
    if off > 0 {
        standing = standing.max(Standing::AtRisk);
    }
    let mut reason =
        format!("{progress:.0}% done on average against {expected:.0}% of the time gone");
    if off > 0 {
        reason.push_str(&format!(
            "; {off} of {} objectives off track",
            objectives.len()
        ));
    }
    (standing, reason)
}

/// Share of the span from `start` to `due` that has passed on `as_of`, 0–1.
fn elapsed_share(start: Date, due: Date, as_of: Date) -> f32 {
    let total = (due - start).get_days();
    if total <= 0 {
        return if as_of >= due { 1.0 } else { 0.0 };
    }
    let gone = (as_of - start).get_days();
    (gone as f32 / total as f32).clamp(0.0, 1.0)
}
