//! Positions (an occupation at a level, in an industry and department, on a
//! track) and the classification of a move between two of them.
//!
//! Rules, as the product documents them:
//!
//! - **Level inference** when none is given: the title's seniority words
//!   ([`Level::hint_from_title`]) win — at most `supervisor` in a
//!   first-line supervisors' occupation, where a store manager is filed,
//!   and none at all when "manager" names the job in work that manages no
//!   one ([`title_hint_level`]: a nurse case manager); a post in the
//!   person's own occupation is at their own grade, or the one its stated
//!   pay reads as ([`Position::destination`]); otherwise the occupation
//!   decides, raised by the person's years in the post
//!   ([`experienced_level`]) —
//!   Chief Executives (11-1011) are `executive`, other management
//!   occupations (SOC 11) `manager`, first-line supervisors `supervisor`,
//!   and everyone else by job zone: zone 1 `entry`, 2 `junior`, 3 and 4
//!   `intermediate`, 5 `senior` (no job zone: `intermediate`).
//! - **Track**: `management` when the level is supervisor or above on the
//!   management ladder or the occupation is a management occupation;
//!   otherwise `individual`. An explicit `manages_people` overrides both.
//! - **Kind** by grade: higher is a step up, equal is lateral, lower a step down.
//! - **Changes**: `profession` when the two occupations are in different SOC
//!   broad groups (the same occupation, or the same broad group, is the
//!   same profession); `industry` and `department` when both sides name one
//!   and they differ after trimming, ignoring case (an unnamed destination
//!   industry or department means "the same"); `track` when tracks differ.
//! - **Pay ratio**: destination pay over origin pay, from the salaries given,
//!   else from OEWS wages at each position's level ([`estimated_salary`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Occupation, OccupationId};
use crate::chances;
use crate::level::Level;
use crate::transition::TransitionModel;

/// Individual contributor or manager of people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// Does the work.
    Individual,
    /// Leads people who do the work.
    Management,
}

impl Track {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Track::Individual => "individual",
            Track::Management => "management",
        }
    }
}

/// Free text naming an industry or department: trimmed, never empty,
/// compared without regard to case.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Label(String);

impl Label {
    /// A label from text; `None` for blank text.
    pub fn parse(text: &str) -> Option<Label> {
        let t = text.trim();
        (!t.is_empty()).then(|| Label(t.to_owned()))
    }

    /// The text as given (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PartialEq for Label {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_lowercase() == other.0.to_lowercase()
    }
}

impl Eq for Label {}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How a position's level was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelSource {
    /// Given explicitly.
    Given,
    /// From seniority words in the title.
    TitleWords,
    /// From the occupation (management group or job zone).
    Occupation,
    /// From the occupation, raised by the person's years in the post
    /// ([`experienced_level`]).
    YearsInPost,
    /// A post in the person's own occupation: their own grade, or the one
    /// its stated pay reads as ([`own_occupation_level`]).
    OwnPost,
}

/// What is known of a position before its level and track are settled.
#[derive(Clone, Debug, Default)]
pub struct PositionSpec {
    /// The level, if given.
    pub level: Option<Level>,
    /// Seniority read from the title typed, if any.
    pub title_hint: Option<Level>,
    /// Whether the person manages people, if said.
    pub manages_people: Option<bool>,
    /// Industry.
    pub industry: Option<Label>,
    /// Department.
    pub department: Option<Label>,
    /// Annual salary in dollars, if known.
    pub salary: Option<u32>,
    /// Years the person has worked in this post, if known: a level read
    /// from the occupation alone rises with them ([`experienced_level`]).
    pub years_in_post: Option<f32>,
}

impl PositionSpec {
    /// A destination's spec: an industry or department it does not name
    /// is the origin's. A move changes them only when it says so — one
    /// rule for options in a profile, `move` and the server alike.
    pub fn staying_in(mut self, origin: &Position) -> PositionSpec {
        if self.industry.is_none() {
            self.industry = origin.industry.clone();
        }
        if self.department.is_none() {
            self.department = origin.department.clone();
        }
        self
    }
}

/// An occupation at a level, in an industry and department, on a track.
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    /// The occupation.
    pub occupation: OccupationId,
    /// The level.
    pub level: Level,
    /// How the level was decided.
    pub level_source: LevelSource,
    /// The track.
    pub track: Track,
    /// Industry.
    pub industry: Option<Label>,
    /// Department.
    pub department: Option<Label>,
    /// Annual salary in dollars, if given.
    pub salary: Option<u32>,
}

impl Position {
    /// Settles level and track by the rules in the module docs.
    pub fn new(catalog: &Catalog, occupation: OccupationId, spec: PositionSpec) -> Position {
        let occ = catalog.occupation(occupation);
        let hinted = spec.title_hint.and_then(|h| title_hint_level(occ, h));
        let (level, level_source) = match (spec.level, hinted) {
            (Some(l), _) => (l, LevelSource::Given),
            (None, Some(l)) => (l, LevelSource::TitleWords),
            (None, None) => {
                let level = experienced_level(occ, spec.years_in_post);
                let source = if level == typical_level(occ) {
                    LevelSource::Occupation
                } else {
                    LevelSource::YearsInPost
                };
                (level, source)
            }
        };
        // A post said to manage people and given no level is a
        // supervisor's grade at least: a charge nurse's post with reports
        // in another nursing specialty is first-line supervision, not the
        // specialty's typical grade on the management track.
        let level = if spec.manages_people == Some(true)
            && level_source != LevelSource::Given
            && level.grade() < Level::Supervisor.grade()
        {
            Level::Supervisor
        } else {
            level
        };
        let track = match spec.manages_people {
            Some(true) => Track::Management,
            Some(false) => Track::Individual,
            None if level.is_management() || occ.is_management() => Track::Management,
            None => Track::Individual,
        };
        Position {
            occupation,
            level,
            level_source,
            track,
            industry: spec.industry,
            department: spec.department,
            salary: spec.salary,
        }
    }

    /// A destination seen from `origin`: its spec [`staying_in`] the
    /// origin's industry and department, and, in the origin's own
    /// occupation with neither a level nor seniority words, at the level
    /// [`own_occupation_level`] reads. One rule for a profile's options,
    /// `move` and the server alike.
    ///
    /// [`staying_in`]: PositionSpec::staying_in
    pub fn destination(
        catalog: &Catalog,
        occupation: OccupationId,
        spec: PositionSpec,
        origin: &Position,
    ) -> Position {
        let occ = catalog.occupation(occupation);
        let unsaid = spec.level.is_none()
            && spec
                .title_hint
                .and_then(|h| title_hint_level(occ, h))
                .is_none();
        let spec = spec.staying_in(origin);
        if unsaid && occupation == origin.occupation {
            // The pay a post in another industry states says as much of
            // the industry as of the grade.
            let pay = spec.salary.filter(|_| spec.industry == origin.industry);
            let management = spec
                .manages_people
                .unwrap_or(origin.track == Track::Management);
            let level = own_occupation_level(occ, origin, management, pay);
            let mut p = Position::new(
                catalog,
                occupation,
                PositionSpec {
                    level: Some(level),
                    ..spec
                },
            );
            p.level_source = LevelSource::OwnPost;
            return p;
        }
        Position::new(catalog, occupation, spec)
    }
}

/// The level of a post in the person's own occupation that says neither
/// its level nor a seniority word, on the management track or not
/// (`management`): their own grade — a teller's "Personal Banker" post,
/// filed with tellers, is no step down to the occupation's typical grade
/// for saying nothing — or, when the post states its pay (in their
/// industry) and theirs is known, the grade next to theirs whose pay,
/// scaled from theirs ([`scaled_salary`]), comes nearer it than their own
/// grade's does. A grade is read only as the occupation has it on that
/// track ([`title_level`]: no first-line supervisor is read a manager, no
/// manager in a management occupation a senior individual), and a post
/// on the management track is a supervisor's grade at least (a nurse's
/// charge nurse post that manages people is a step up into supervision).
pub fn own_occupation_level(
    o: &Occupation,
    own: &Position,
    management: bool,
    pay: Option<u32>,
) -> Level {
    // A post that manages people is a supervisor's grade at least: a
    // nurse's charge nurse post with reports is her first-line
    // supervision, not her own grade on another track.
    let floor = if management {
        Level::Supervisor.grade()
    } else {
        1
    };
    let on_track = |g: u8| {
        Level::from_grade(g.max(floor), management)
            .filter(|l| l.is_management() == management || g < Level::Supervisor.grade())
            .map(|l| title_level(o, l))
    };
    let here = on_track(own.level.grade()).unwrap_or(own.level);
    let (Some(pay), Some(own_pay)) = (pay, own.salary) else {
        return here;
    };
    let off = |l: Level| {
        scaled_salary(o, own.level, own_pay, l).map(|s| (i64::from(s) - i64::from(pay)).abs())
    };
    let g = own.level.grade();
    [Some(here), on_track(g.saturating_sub(1)), on_track(g + 1)]
        .into_iter()
        .flatten()
        .filter_map(|l| Some((off(l)?, l)))
        // Stable: one's own grade first among equal distances.
        .min_by_key(|&(d, _)| d)
        .map_or(here, |(_, l)| l)
}

/// The level a title's seniority words give in occupation `o`
/// ([`title_level`]), or `None` when they name the job rather than a
/// grade: "manager" or above in an occupation that is neither management
/// (SOC 11) nor first-line supervision — a nurse case manager, an IT
/// project manager manage cases and projects, not people, and are no
/// grade-6 managers of their occupation. The level is then read as if the
/// title said nothing.
pub fn title_hint_level(o: &Occupation, hinted: Level) -> Option<Level> {
    let names_the_job = hinted.is_management()
        && hinted.grade() >= Level::Manager.grade()
        && !o.is_management()
        && !o.is_first_line_supervision();
    (!names_the_job).then(|| title_level(o, hinted))
}

/// The level a title's seniority words give in occupation `o`. In a
/// first-line supervisors' occupation, at most supervisor: O*NET files
/// store managers, shift managers and kitchen managers under first-line
/// supervision, and the word "manager" in their title does not make them
/// the peers of a human resources manager (SOC 11). In any management
/// occupation, at least supervisor: below it there is no post of the
/// occupation (an "assistant supervisor" is its lead worker's grade at
/// most). One rule for the current position, a goal and an option; a
/// level the person gives is taken as given.
pub fn title_level(o: &Occupation, hinted: Level) -> Level {
    let above_first_line =
        o.is_first_line_supervision() && hinted.grade() > Level::Supervisor.grade();
    let below_management = o.is_management() && hinted.grade() < Level::Supervisor.grade();
    if above_first_line || below_management {
        Level::Supervisor
    } else {
        hinted
    }
}

/// Years of related experience a post of `o` at `level` asks: the
/// occupation's typical experience (the larger of O*NET's Related Work
/// Experience median — else its job zone's — and BLS Employment
/// Projections' "work experience in a related occupation") at its typical
/// grade, plus the tenure of each grade above it, minus the tenure of each
/// grade below. What a route waits for before moving in, and what years
/// in a post are read against ([`experienced_level`]).
pub fn required_experience(o: &Occupation, level: Level) -> f32 {
    let typical = typical_level(o).grade();
    let zone = o
        .job_zone
        .map(|z| crate::transition::profile::ZONE_EXPERIENCE_YEARS[usize::from(z.get()) - 1]);
    let bls = o.outlook.as_ref().and_then(|x| x.related_experience_years);
    let base = o
        .typical_experience_years()
        .or(zone)
        .unwrap_or(0.0)
        .max(bls.unwrap_or(0.0));
    let g = level.grade();
    let tenure = |range: std::ops::Range<u8>| -> f32 {
        range
            .map(|h| crate::route::plan::TENURE_YEARS[usize::from(h) - 1])
            .sum()
    };
    if g >= typical {
        base + tenure(typical..g)
    } else {
        (base - tenure(g..typical)).max(0.0)
    }
}

/// The level of a person who has worked `years` in a post of an
/// occupation whose level nothing else says: its typical level, raised a
/// grade for each grade whose [`required_experience`] their years reach,
/// up to two grades and no higher than senior. A truck driver of fifteen
/// years is a senior driver, not the junior one a zone-2 occupation's
/// typical incumbent is; lead and principal are titles, not years.
/// Management occupations keep their typical level: the management
/// grades are not served by years alone.
pub fn experienced_level(o: &Occupation, years: Option<f32>) -> Level {
    let typical = typical_level(o);
    let Some(years) = years.filter(|_| !o.is_management()) else {
        return typical;
    };
    let top = (typical.grade() + 2).min(Level::Senior.grade());
    ((typical.grade() + 1)..=top)
        .map_while(|g| Level::from_grade(g, false))
        .take_while(|&l| years >= required_experience(o, l))
        .last()
        .unwrap_or(typical)
}

/// The level of a typical incumbent of an occupation (see the module docs).
pub fn typical_level(o: &Occupation) -> Level {
    let soc = o.soc();
    if soc.as_str() == "11-1011" {
        Level::Executive
    } else if soc.major_number() == 11 {
        Level::Manager
    } else if o.is_management() {
        Level::Supervisor
    } else {
        match o.job_zone.map(|z| z.get()) {
            Some(1) => Level::Entry,
            Some(2) => Level::Junior,
            Some(5) => Level::Senior,
            _ => Level::Intermediate,
        }
    }
}

/// An OEWS-based salary for an occupation at a level: the occupation's
/// wage distribution covers incumbents of every grade, so its typical level
/// takes the median, one grade below the 25th percentile, two or more the
/// 10th, one above the 75th, two or more above the 90th. A percentile BLS
/// does not publish falls back to the median. `None` without annual wages.
pub fn estimated_salary(o: &Occupation, level: Level) -> Option<u32> {
    let w = &o.wages.as_ref()?.annual;
    match wage_percentile(o, level)? {
        10 => w.p10,
        25 => w.p25,
        75 => w.p75,
        90 => w.p90,
        _ => w.median,
    }
}

/// The OEWS percentile [`estimated_salary`] pays a grade of `o` at: 10,
/// 25, 50 (the median), 75 or 90 — the median where BLS does not publish
/// the grade's own. `None` without annual wages. What a route's figure
/// is, said beside it: a maid's post two grades above the typical maid's
/// is paid the 90th percentile, well above the median.
pub fn wage_percentile(o: &Occupation, level: Level) -> Option<u8> {
    let w = &o.wages.as_ref()?.annual;
    let diff = i16::from(level.grade()) - i16::from(typical_level(o).grade());
    let (point, percentile) = match diff {
        d if d <= -2 => (w.p10, 10),
        -1 => (w.p25, 25),
        0 => (w.median, 50),
        1 => (w.p75, 75),
        _ => (w.p90, 90),
    };
    match (point, w.median) {
        (Some(_), _) => Some(percentile),
        (None, Some(_)) => Some(50),
        (None, None) => None,
    }
}

/// The salary at `level` in the occupation a person works in, from what
/// they earn there (`own` at `own_level`): OEWS's estimate at `level`
/// scaled by their pay over the estimate at their own level. Their pay says
/// what their employer and region pay for this work, so a grade below
/// theirs in their own occupation does not pay more than they earn today
/// only because they earn below the national median. No grade is paid
/// above the highest percentile OEWS publishes for the occupation unless
/// the person already earns more: a pay well above the estimate at a low
/// grade (an offer at the 10th percentile's grade) would otherwise make the
/// top grades pay beyond anyone BLS counts. `None` without annual wages.
pub fn scaled_salary(o: &Occupation, own_level: Level, own: u32, level: Level) -> Option<u32> {
    let here = estimated_salary(o, own_level)?;
    let there = estimated_salary(o, level)?;
    if here == 0 {
        return Some(there);
    }
    let w = &o.wages.as_ref()?.annual;
    let top = [w.p90, w.p75, w.median, Some(there)]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(there);
    let scaled = f64::from(there) * f64::from(own) / f64::from(here);
    let ceiling = f64::from(top.max(own));
    Some(scaled.min(ceiling).round().clamp(0.0, f64::from(u32::MAX)) as u32)
}

/// Step up, lateral or step down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// Higher grade.
    StepUp,
    /// Same grade.
    Lateral,
    /// Lower grade.
    StepDown,
}

impl MoveKind {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            MoveKind::StepUp => "step_up",
            MoveKind::Lateral => "lateral",
            MoveKind::StepDown => "step_down",
        }
    }
}

/// What a move changes besides the grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// A different function family (SOC broad group).
    Profession,
    /// A different industry.
    Industry,
    /// A different department.
    Department,
    /// Between individual and management tracks.
    Track,
}

impl Change {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Change::Profession => "profession",
            Change::Industry => "industry",
            Change::Department => "department",
            Change::Track => "track",
        }
    }
}

/// Where a pay ratio comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayBasis {
    /// Both salaries were given.
    Salaries,
    /// At least one side is an OEWS estimate at the position's level.
    Wages,
}

/// Pay, as a multiple of the pay left, at which a move into another
/// function to a lower grade, or the same, is a step up ([`kind_of`]).
pub const STEP_UP_PAY: f32 = 1.2;

/// The kind of a move of `level_delta` grades, into another function or
/// not (`across`), at `pay_ratio` of the pay left; and whether the pay
/// decided it. Grades compare within a function; across functions a
/// lower grade number can be a higher post: a senior licensed practical
/// nurse becoming a registered nurse, a senior teller a junior loan
/// officer, are read at their occupations' grades while their pay rises
/// by two fifths. A move to a lower grade, or the same, into another
/// function that raises pay by a fifth or more ([`STEP_UP_PAY`]) is a
/// step up — or a help desk technician's junior and intermediate security
/// analyst's posts would be steps up, and the senior one, at more pay
/// still, a lateral move. Any other move is named by its grade: a
/// principal accountant taking a senior analyst's post at a little more
/// pay still steps down a rung.
pub fn kind_of(level_delta: i8, across: bool, pay_ratio: Option<f32>) -> (MoveKind, bool) {
    match pay_ratio {
        Some(r) if level_delta <= 0 && across && r >= STEP_UP_PAY => (MoveKind::StepUp, true),
        _ => (
            match level_delta {
                d if d > 0 => MoveKind::StepUp,
                0 => MoveKind::Lateral,
                _ => MoveKind::StepDown,
            },
            false,
        ),
    }
}

/// A classified move.
#[derive(Clone, Debug, PartialEq)]
pub struct Move {
    /// Step up, lateral or step down ([`kind_of`]).
    pub kind: MoveKind,
    /// The pay decided `kind`, not the grades: a move into another
    /// function to a lower grade, or the same, that pays a fifth more or better.
    pub kind_by_pay: bool,
    /// Destination grade minus origin grade.
    pub level_delta: i8,
    /// What else changes, in a fixed order.
    pub changes: Vec<Change>,
    /// Destination pay over origin pay, when both are known.
    pub pay_ratio: Option<f32>,
    /// Where the pay figures come from.
    pub pay_basis: PayBasis,
    /// Occupation-to-occupation feasibility from the transition model: how
    /// far the work transfers, for anyone in the origin occupation.
    pub feasibility: f32,
    /// The chance of getting the position ([`crate::chances::landing`]),
    /// for someone with the origin occupation's typical experience unless
    /// the caller knows the person.
    pub landing: f32,
    /// The chance of doing well in it ([`crate::chances::success`]), for
    /// someone with the origin occupation's typical skills unless the
    /// caller knows the person.
    pub success: f32,
    /// The origin occupation's typical education against what the
    /// destination asks, when the occupation changes and both are known;
    /// part of `landing`.
    pub education: Option<chances::EducationFit>,
}

/// Classifies the move from `from` to `to`.
pub fn classify(
    catalog: &Catalog,
    model: &TransitionModel,
    from: &Position,
    to: &Position,
) -> Move {
    let level_delta = to.level.grade() as i8 - from.level.grade() as i8;
    let (a, b) = (
        catalog.occupation(from.occupation),
        catalog.occupation(to.occupation),
    );
    let differs =
        |x: &Option<Label>, y: &Option<Label>| matches!((x, y), (Some(x), Some(y)) if x != y);
    let mut changes = Vec::new();
    // Moving onto the management track of one's own function (software
    // development → IT management) is not a change of profession.
    if !a.same_function(b) {
        changes.push(Change::Profession);
    }
    if differs(&from.industry, &to.industry) {
        changes.push(Change::Industry);
    }
    if differs(&from.department, &to.department) {
        changes.push(Change::Department);
    }
    if from.track != to.track {
        changes.push(Change::Track);
    }
    let pay_from = from.salary.or_else(|| estimated_salary(a, from.level));
    // Within one occupation, unknown pay scales from the known.
    let pay_to = to.salary.or_else(|| match from.salary {
        Some(own) if from.occupation == to.occupation => {
            scaled_salary(a, from.level, own, to.level)
        }
        _ => estimated_salary(b, to.level),
    });
    let pay_ratio = match (pay_from, pay_to) {
        (Some(f), Some(t)) if f > 0 => Some(t as f32 / f as f32),
        _ => None,
    };
    let (kind, kind_by_pay) = kind_of(level_delta, !a.same_function(b), pay_ratio);
    let pay_basis = if from.salary.is_some() && to.salary.is_some() {
        PayBasis::Salaries
    } else {
        PayBasis::Wages
    };
    let feasibility = model.score(from.occupation, to.occupation);
    let (origin, destination) = (side(from), side(to));
    let education = (from.occupation != to.occupation)
        .then(|| crate::route::plan::person_education(catalog, model, from.occupation))
        .flatten()
        .and_then(|have| {
            let (own, to) = (from.occupation, to.occupation);
            chances::education_fit_toward(catalog, model, (have, true), own, to)
        });
    let success = chances::success(
        catalog,
        model,
        &model.profile(from.occupation).level,
        &origin,
        &destination,
    );
    let landing = chances::landing(
        catalog,
        feasibility,
        &origin,
        &destination,
        None,
        education,
        success
            .readiness()
            .filter(|_| chances::own_work(catalog, model, &origin, &destination)),
    )
    .chance;
    let success = success.chance;
    Move {
        kind,
        kind_by_pay,
        level_delta,
        changes,
        pay_ratio,
        pay_basis,
        feasibility,
        landing,
        success,
        education,
    }
}

/// A position as the chances read it.
pub fn side(p: &Position) -> chances::Side {
    chances::Side {
        occupation: p.occupation,
        level: p.level,
        track: p.track,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn across_functions_a_lower_grade_at_a_fifth_more_pay_is_a_step_up() {
        // A senior licensed practical nurse's first registered nurse's
        // post, a grade "down" at two thirds more pay.
        assert_eq!(kind_of(-1, true, Some(1.68)), (MoveKind::StepUp, true));
        assert_eq!(kind_of(-2, true, Some(1.2)), (MoveKind::StepUp, true));
        // A little more pay does not make a lower rung a step up, nor
        // does a raise within one's function, nor unknown pay.
        assert_eq!(kind_of(-2, true, Some(1.13)), (MoveKind::StepDown, false));
        assert_eq!(kind_of(-1, false, Some(1.5)), (MoveKind::StepDown, false));
        assert_eq!(kind_of(-1, true, None), (MoveKind::StepDown, false));
        // The same grade at a fifth more pay is a step up as well, as the
        // grade below it would be; at less, it is level.
        assert_eq!(kind_of(0, true, Some(1.5)), (MoveKind::StepUp, true));
        assert_eq!(kind_of(0, true, Some(1.1)), (MoveKind::Lateral, false));
        assert_eq!(kind_of(0, false, Some(1.5)), (MoveKind::Lateral, false));
        // Grades up are named by their grade, whatever the pay.
        assert_eq!(kind_of(1, true, Some(0.7)), (MoveKind::StepUp, false));
    }
}
