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
pub(crate) const ON_TRACK_SLACK: f32 = 10.0;
/// Up to this many points behind is at risk; further behind is off track.
pub(crate) const AT_RISK_SLACK: f32 = 25.0;
/// A plan with no check-in for this many days is flagged as quiet.
pub(crate) const QUIET_DAYS: i32 = 45;

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
                let behind = format!("{shortfall:.0}");
                let points = if behind == "1" { "point" } else { "points" };
                format!(
                    "{progress}% done but {expected:.0}% of the time to {} gone ({behind} {points} behind)",
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
    let (standing, reason) = if as_of < start {
        // Nothing is expected before the plan starts: say so rather than
        // report a pace no one has had the time to keep.
        (
            standing,
            format!("the plan starts on {start}: nothing is expected before then"),
        )
    } else if as_of > start
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::development::{Objective, PlanPosition, Tenure};

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn position() -> PlanPosition {
        PlanPosition {
            code: crate::code::OnetCode::parse("11-3031.00").unwrap(),
            title: "Financial Managers".into(),
            level: crate::level::Level::Supervisor,
        }
    }

    fn objective(number: u32, due: &str) -> Objective {
        Objective {
            number,
            element: number,
            title: format!("objective {number}"),
            metric: String::new(),
            baseline: String::new(),
            target: String::new(),
            due: date(due),
            benchmarks: vec![],
            evidence: String::new(),
            serves_goal: String::new(),
            department_goal: None,
        }
    }

    /// A plan starting 2027-01-01 whose objectives are due on `dues`.
    fn plan(dues: &[&str]) -> DevelopmentPlan {
        DevelopmentPlan {
            option_id: "o".into(),
            current: position(),
            new_position: position(),
            next_position: position(),
            goal: None,
            route: vec![],
            verdict: crate::advisor::Verdict::Strategic,
            circumstances: vec![],
            success: 0.5,
            sources: String::new(),
            elements: vec![],
            objectives: dues
                .iter()
                .enumerate()
                .map(|(i, d)| objective(i as u32 + 1, d))
                .collect(),
            tenure: Tenure {
                start: date("2027-01-01"),
                earliest_move: date("2028-01-01"),
                latest_move: date("2029-01-01"),
                basis: String::new(),
                milestones: vec![],
                checkins_due: vec![date("2027-02-01"), date("2027-03-01")],
            },
            talking_points: vec![],
        }
    }

    fn checkin(objective: u32, progress: u8, day: &str) -> CheckIn {
        CheckIn {
            objective,
            progress: Progress::try_from(progress).unwrap(),
            note: None,
            by: Author::Person,
            date: date(day),
        }
    }

    // 2027-01-01 to 2027-12-31 is 364 days; 2027-07-02 is day 182, half-way.
    const HALF_WAY: &str = "2027-07-02";

    #[test]
    fn progress_against_elapsed_time_decides_the_standing() {
        let p = plan(&["2027-12-31"]);
        let at = |progress| {
            status(&p, &[checkin(1, progress, "2027-06-30")], date(HALF_WAY)).objectives[0].standing
        };
        assert_eq!(at(50), Standing::OnTrack);
        assert_eq!(
            at(40),
            Standing::OnTrack,
            "10 points behind is within slack"
        );
        assert_eq!(at(39), Standing::AtRisk);
        assert_eq!(
            at(25),
            Standing::AtRisk,
            "25 points behind is the edge of at risk"
        );
        assert_eq!(at(24), Standing::OffTrack);
        let s = status(&p, &[checkin(1, 30, "2027-06-30")], date(HALF_WAY));
        assert_eq!(s.objectives[0].expected, 50.0);
        assert!(
            s.objectives[0].reason.contains("20 points behind"),
            "{}",
            s.objectives[0].reason
        );
    }

    #[test]
    fn nothing_is_expected_at_the_start_and_everything_by_the_due_date() {
        let p = plan(&["2027-12-31"]);
        let s = status(&p, &[], date("2027-01-01"));
        assert_eq!(s.standing, Standing::OnTrack);
        assert_eq!(s.objectives[0].expected, 0.0);
        let late = status(&p, &[checkin(1, 95, "2027-12-30")], date("2028-01-02"));
        assert_eq!(late.objectives[0].standing, Standing::OffTrack);
        assert!(late.objectives[0].reason.contains("past due"));
        let met = status(&p, &[checkin(1, 100, "2027-12-30")], date("2028-06-01"));
        assert_eq!(met.objectives[0].standing, Standing::OnTrack);
        assert_eq!(met.standing, Standing::OnTrack, "a met plan is not quiet");
    }

    #[test]
    fn before_the_start_the_plan_says_it_has_not_begun() {
        let p = plan(&["2027-12-31"]);
        let s = status(&p, &[], date("2026-06-01"));
        assert_eq!(s.standing, Standing::OnTrack);
        assert_eq!(
            s.reason,
            "the plan starts on 2027-01-01: nothing is expected before then"
        );
    }

    #[test]
    fn the_latest_checkin_counts_and_future_ones_are_ignored() {
        let p = plan(&["2027-12-31"]);
        let checkins = [
            checkin(1, 60, "2027-06-20"),
            checkin(1, 10, "2027-03-01"), // recorded later, about an earlier day
            checkin(1, 90, "2027-09-01"), // after the day judged
        ];
        let s = status(&p, &checkins, date(HALF_WAY));
        assert_eq!(s.objectives[0].progress, 60);
        assert_eq!(s.objectives[0].last_checkin, Some(date("2027-06-20")));
        // Same day: the later record wins.
        let same_day = [checkin(1, 20, "2027-06-20"), checkin(1, 55, "2027-06-20")];
        assert_eq!(
            status(&p, &same_day, date(HALF_WAY)).objectives[0].progress,
            55
        );
    }

    #[test]
    fn one_objective_off_track_makes_the_plan_at_risk_at_best() {
        let p = plan(&["2027-12-31", "2027-12-31", "2027-12-31"]);
        let checkins = [
            checkin(1, 100, "2027-06-30"),
            checkin(2, 100, "2027-06-30"),
            checkin(3, 0, "2027-06-30"),
        ];
        let s = status(&p, &checkins, date(HALF_WAY));
        assert_eq!(s.objectives[2].standing, Standing::OffTrack);
        assert_eq!(s.standing, Standing::AtRisk, "{}", s.reason);
        assert!(s.reason.contains("1 of 3 objectives off track"));
    }

    #[test]
    fn a_quiet_plan_is_at_risk() {
        let p = plan(&["2027-12-31"]);
        let s = status(&p, &[checkin(1, 20, "2027-02-01")], date("2027-04-01"));
        assert_eq!(s.objectives[0].standing, Standing::OnTrack);
        assert_eq!(s.standing, Standing::AtRisk);
        assert!(s.reason.contains("no check-in for 59 days"), "{}", s.reason);
    }

    #[test]
    fn next_checkin_due_is_the_first_on_or_after_the_day() {
        let p = plan(&["2027-12-31"]);
        assert_eq!(
            status(&p, &[], date("2027-02-01")).next_checkin_due,
            Some(date("2027-02-01"))
        );
        assert_eq!(
            status(&p, &[], date("2027-02-02")).next_checkin_due,
            Some(date("2027-03-01"))
        );
        assert_eq!(status(&p, &[], date("2027-03-02")).next_checkin_due, None);
    }

    #[test]
    fn progress_and_authors_parse_strictly() {
        assert_eq!(Progress::parse("0").unwrap().get(), 0);
        assert_eq!(Progress::parse("100").unwrap().get(), 100);
        assert_eq!(Progress::parse(" 45% ").unwrap().get(), 45);
        for bad in ["101", "-1", "4.5", "", "half"] {
            let e = Progress::parse(bad).unwrap_err();
            assert!(e.to_string().contains(&format!("not {bad}")), "{e}");
        }
        assert!(Progress::try_from(101).is_err());
        assert_eq!(Author::parse("HR"), Some(Author::Hr));
        assert_eq!(Author::parse("boss"), None);
    }
}
