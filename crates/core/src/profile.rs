//! A person's situation as the advisor and the route planner read it: the
//! current position, the goal, the circumstances, self-assessed skills and
//! the options under consideration. Values here are validated: a `Profile`
//! cannot hold an unknown role, a level off the ladder, a salary of zero or
//! a horizon of zero years.

use crate::catalog::{ElementId, OccupationId};
use crate::development::DepartmentGoal;
use crate::level::Level;
use crate::position::{Label, Position};

/// The language a profile is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileFormat {
    /// TOML.
    Toml,
    /// JSON.
    Json,
}

impl ProfileFormat {
    /// The name, as stored with a plan; also the file extension.
    pub fn name(self) -> &'static str {
        match self {
            ProfileFormat::Toml => "toml",
            ProfileFormat::Json => "json",
        }
    }

    /// The format a name (or a file extension, any case) names.
    pub fn parse(name: &str) -> Option<ProfileFormat> {
        match name.to_ascii_lowercase().as_str() {
            "toml" => Some(ProfileFormat::Toml),
            "json" => Some(ProfileFormat::Json),
            _ => None,
        }
    }
}

/// The profile.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Where the person stands.
    pub current: Current,
    /// Where they want to get, if they said.
    pub goal: Option<Goal>,
    /// Their circumstances.
    pub situation: Situation,
    /// Self-assessed levels that override the occupation's typical profile.
    pub skills: Vec<SkillClaim>,
    /// Positions under consideration.
    pub options: Vec<Opt>,
    /// The new department's goals, which a development plan aligns to.
    pub department_goals: Vec<DepartmentGoal>,
}

impl Profile {
    /// Whether the person is at their goal: they hold its occupation at
    /// its grade or above. Out of work they hold nothing: a laid-off
    /// manager whose goal is to manage again is not there, and the way
    /// back is a route like any other.
    pub fn at_goal(&self) -> bool {
        self.situation.employed != Some(false)
            && self
                .goal
                .as_ref()
                .is_some_and(|g| g.reached_by(&self.current.position))
    }
}

/// The current position and experience.
#[derive(Clone, Debug, PartialEq)]
pub struct Current {
    /// The position (its salary is the person's).
    pub position: Position,
    /// Years in the current role.
    pub years_in_role: f32,
    /// Years of work experience in all.
    pub years_experience: f32,
    /// Whether the person manages people, if said.
    pub manages_people: Option<bool>,
    /// The person's education, an O*NET RL category 1–12, if said
    /// ([`crate::catalog::EDUCATION_LEVELS`]).
    pub education: Option<u8>,
    /// How the role typed was read, when it is not the occupation's own
    /// title or code.
    pub role_read: Option<RoleRead>,
}

/// How a role typed in a profile was read: the text, and the O*NET title
/// it matched. Kept so the answer can say so — "Emergency Management
/// Specialist" is read as Emergency Management Directors, O*NET having no
/// occupation of that name.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleRead {
    /// The text as typed.
    pub text: String,
    /// The title it matched best.
    pub matched: String,
    /// Which of the occupation's titles that is.
    pub source: crate::resolve::TitleSource,
    /// Another occupation the text matches as well (within the resolver's
    /// tie margin): its title and O*NET-SOC code, to choose it by code.
    pub also: Option<(String, String)>,
}

/// Another occupation whose match is within this of the best is named
/// beside it ([`RoleRead::also`]), so a person can choose it by code.
pub(crate) const ROLE_TIE: f32 = 0.01;

impl RoleRead {
    /// How `text` was read, as resolved into `r`: `None` when it is a code
    /// or the occupation's own title (nothing to say).
    pub fn of(
        catalog: &crate::Catalog,
        text: &str,
        r: &crate::resolve::Resolution,
    ) -> Option<RoleRead> {
        let typed = text.trim();
        let official = &catalog.occupation(r.occupation).title;
        let code = typed.starts_with(|c: char| c.is_ascii_digit());
        (!code && !typed.eq_ignore_ascii_case(official)).then(|| RoleRead {
            text: typed.to_owned(),
            matched: catalog.title_text(r.occupation, r.best.matched).to_owned(),
            source: r.best.matched.source,
            also: r
                .alternatives
                .iter()
                .find(|a| a.occupation != r.occupation && r.best.score - a.score <= ROLE_TIE)
                .map(|a| {
                    let o = catalog.occupation(a.occupation);
                    (o.title.clone(), o.code.as_str().to_owned())
                }),
        })
    }
}

/// The goal.
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    /// The occupation.
    pub occupation: OccupationId,
    /// The level.
    pub level: Level,
    /// Years within which to get there (> 0).
    pub horizon_years: f32,
    /// How the role typed was read, when it is not the occupation's own
    /// title or code.
    pub role_read: Option<RoleRead>,
}

impl Goal {
    /// Whether holding `position` is reaching the goal: its occupation at
    /// the goal's grade or above.
    pub fn reached_by(&self, position: &crate::position::Position) -> bool {
        position.occupation == self.occupation && position.level.grade() >= self.level.grade()
    }
}

/// The person's circumstances. Absent values are unknown, not zero.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Situation {
    /// Whether the person has a job now.
    pub employed: Option<bool>,
    /// How many months the person can live without income.
    pub months_of_savings: Option<f32>,
    /// The lowest annual pay the person can accept.
    pub min_salary: Option<u32>,
    /// Offers in hand besides the options.
    pub other_offers: Option<u32>,
    /// The person reports no route up from where they stand.
    pub promotion_blocked: bool,
    /// The deepest step down, in grades, a route may take (default 2).
    pub max_step_down: Option<u8>,
    /// Occupations a route must not pass through.
    pub exclude_occupations: Vec<OccupationId>,
    /// Industries the person will not work in.
    pub exclude_industries: Vec<Label>,
}

/// A self-assessed skill or knowledge level.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SkillClaim {
    /// The element.
    pub element: ElementId,
    /// Level on the O*NET scale 0–7.
    pub level: f32,
}

/// One position under consideration.
#[derive(Clone, Debug, PartialEq)]
pub struct Opt {
    /// The id the profile gives it (unique).
    pub id: String,
    /// The position.
    pub position: Position,
    /// The person holds an offer for it: landing it is not in doubt.
    pub offered: bool,
    /// How the role typed was read, when it is not the occupation's own
    /// title or code.
    pub role_read: Option<RoleRead>,
}

/// The documented range of every number a profile may hold, checked where
/// the profile is parsed. They keep every computation bounded: the route
/// search's depth follows from `HORIZON_YEARS` and the move limit, and
/// every loop over a profile's lists from the list limits.
pub mod limits {
    use std::ops::RangeInclusive;

    /// Years in the current role and years of experience in all.
    pub const YEARS: RangeInclusive<f64> = 0.0..=70.0;
    /// Years within which to reach the goal (more than 0).
    pub const HORIZON_YEARS: RangeInclusive<f64> = 0.0..=40.0;
    /// An annual salary or pay floor, in dollars.
    pub const SALARY: RangeInclusive<f64> = 1_000.0..=10_000_000.0;
    /// Months the person can live on savings.
    pub const MONTHS_OF_SAVINGS: RangeInclusive<f64> = 0.0..=600.0;
    /// Offers in hand besides the options.
    pub const OTHER_OFFERS: RangeInclusive<i64> = 0..=100;
    /// The deepest step down, in grades.
    pub const MAX_STEP_DOWN: RangeInclusive<i64> = 0..=9;
    /// A self-assessed level on O*NET's level scale.
    pub const SKILL_LEVEL: RangeInclusive<f64> = 0.0..=7.0;
    /// Characters in a role, an id, an industry or a department.
    pub const TEXT_CHARS: usize = 200;
    /// Characters in a department goal's description.
    pub const DESCRIPTION_CHARS: usize = 2_000;
    /// Entries in `options`.
    pub const OPTIONS: usize = 50;
    /// Entries in `skills`, `department_goals` and each exclusion list.
    pub const LIST_ENTRIES: usize = 200;
}
