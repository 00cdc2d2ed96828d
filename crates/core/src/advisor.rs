//! The step-down advisor: the seeds' framework — when a step down makes
//! sense and when it does not — applied to a person's profile, with every
//! judgement explained from the data.
//!
//! For each option it decides:
//!
//! - **circumstances**: which of the seeds' reasons for a step down the
//!   option serves (necessity, changing profession, broadening horizons,
//!   another route up, technical or management experience), each detected
//!   from the data and the profile, never from the option's id or title;
//! - **verdict**: `strategic` (serves a circumstance and the goal: an
//!   onward route exists within the horizon, success is likely, and, for
//!   a step down or a change of profession, no route from where the person
//!   stands reaches the goal no later and at
//!   least [`LIKELIER_ROUTE_RATIO`] times as likely (or, within reach,
//!   sooner and no less likely: [`is_likelier_route`]), itself no long shot
//!   ([`LONG_SHOT_BELOW`]) — unless the option, in other work than the
//!   goal's, builds experience the goal needs and the goal is not within
//!   reach ([`GOAL_IN_REACH_YEARS`]), when that route is only said),
//!   `acceptable` (justified but not strategic, or harmless) or
//!   `not_recommended`;
//! - **instead**: a better shape of move, when there is one — `lateral`
//!   (changing industry but not function: target a lateral post, not a
//!   lower one), `higher_level` (a profession changer whose transferable
//!   skills make a higher entry point feasible), or `stay`;
//! - **reasons** in plain words, and what living with the decision means.
//!
//! The thresholds are constants below, documented where they are defined.

use crate::catalog::{Catalog, OccupationId, TechnologyId};
use crate::chances;
use crate::level::Level;
use crate::position::{
    self, Change, Move, MoveKind, Position, PositionSpec, Track, estimated_salary,
};
use crate::profile::{Opt, Profile};
use crate::route::plan::{self, DEFAULT_MAX_STEP_DOWN, Request, Route};
use crate::transition::TransitionModel;

/// A chance (of success, or of landing) at or above which it counts as
/// likely. Success for the moves of the Career Changers Matrix has its
/// median near 0.92 and its tenth percentile near 0.71; for random pairs
/// of occupations the median is near 0.65 and the tenth percentile near
/// 0.24 (docs/EVALUATION.md): success says who is ready, it does not
/// single out the moves people make — landing does that.
pub const LIKELY: f32 = 0.45;
/// Below this education factor on landing (fewer than one in ten of a
/// post's workers say the person's education is enough), an option is no
/// strategic move until the person has studied for it.
pub const EDUCATION_FIRST_BELOW: f32 = 0.1;
/// Below this, a chance is unlikely; an option the person is unlikely to
/// succeed in is not recommended.
pub const UNLIKELY: f32 = 0.3;
/// A step down or a change of profession is no strategic move when a
/// route from where the person stands reaches the goal no later and is at
/// least this many times as likely as landing the option and then its
/// onward route ("only if the path onward is real", the seed).
pub const LIKELIER_ROUTE_RATIO: f32 = 2.0;
/// A likelier route that reaches the goal within this many years, where
/// the person is likely to do well, decides the verdict even against an
/// option that builds experience the goal needs: experience valued for
/// itself is for a goal that needs preparing for, not one in reach.
pub const GOAL_IN_REACH_YEARS: f32 = 1.0;

/// Whether a route from where the person stands (`route_years`,
/// `route_chance`) beats the way through an option (`years`, `through`):
/// no later and [`LIKELIER_ROUTE_RATIO`] times as likely — a margin clear
/// of the noise of two products of estimates — or, with the goal within
/// reach ([`GOAL_IN_REACH_YEARS`]), sooner and no less likely: a senior
/// data analyst who can land a senior data scientist's post now (0.85)
/// has no strategy in a junior one's and two years' climb (0.57).
pub fn is_likelier_route(route_years: f32, route_chance: f32, years: f32, through: f32) -> bool {
    let clearly_likelier = route_chance >= LIKELIER_ROUTE_RATIO * through;
    let in_reach_sooner = route_years <= GOAL_IN_REACH_YEARS + 1e-3
        && route_years + 1e-3 < years
        && route_chance >= through;
    route_years <= years + 1e-3 && (clearly_likelier || in_reach_sooner)
}
/// Below this landing chance an option is a long shot, no strategic move
/// however well it would serve: the floor below which the route planner
/// does not consider a move at all (`route::plan::MIN_PROBABILITY`).
pub const LONG_SHOT_BELOW: f32 = 0.1;
/// Below this a chance is "very unlikely": one in twenty.
pub const VERY_UNLIKELY: f32 = 0.05;
/// Savings runway, in months, below which money is short: a person out of
/// work is told how short it is.
pub(crate) const SHORT_RUNWAY_MONTHS: f32 = 3.0;
/// A goal-relevant element counts as a gap when the goal needs this many
/// levels more than the person has (O*NET level scale 0–7) …
pub const GAP_LEVELS: f32 = 0.5;
/// … and rates it at least this important (O*NET importance 1–5).
pub const GAP_IMPORTANCE: f32 = 3.0;
/// Hot technical technologies of the goal, used by the option and not by
/// the person, that count as technical experience on their own.
pub(crate) const TECHNICAL_TECHNOLOGIES: usize = 2;
/// An option builds a technical element "to the level the goal needs"
/// when its own level is within this of the need (O*NET level scale 0–7).
pub(crate) const TO_LEVEL_TOLERANCE: f32 = 0.25;
/// Years of experience from which a profession changer's experience counts
/// as transferable enough to enter above the bottom.
pub(crate) const TRANSFERABLE_YEARS: f32 = 3.0;

/// The seeds' reasons for taking a lower position.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Circumstance {
    /// Out of work, or short of money with few or no alternatives.
    Necessity,
    /// Changes profession toward the goal (or away from the current one).
    ChangeProfession,
    /// Another department or function that adds what the goal needs.
    BroadenHorizons,
    /// The way up is blocked, and the option opens a defined route onward.
    AnotherRouteUp,
    /// Builds technical skills, knowledge or technologies the goal needs.
    TechnicalExperience,
    /// Puts someone who has not managed people on the management track
    /// toward a management goal.
    ManagementExperience,
}

impl Circumstance {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Circumstance::Necessity => "necessity",
            Circumstance::ChangeProfession => "change_profession",
            Circumstance::BroadenHorizons => "broaden_horizons",
            Circumstance::AnotherRouteUp => "another_route_up",
            Circumstance::TechnicalExperience => "technical_experience",
            Circumstance::ManagementExperience => "management_experience",
        }
    }
}

/// The advisor's judgement of an option.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Serves a circumstance and the goal.
    Strategic,
    /// Justified but not strategic, or harmless.
    Acceptable,
    /// Not justified, no way onward, unlikely to succeed, or badly shaped.
    NotRecommended,
}

impl Verdict {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Strategic => "strategic",
            Verdict::Acceptable => "acceptable",
            Verdict::NotRecommended => "not_recommended",
        }
    }
}

/// A better shape of move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Instead {
    /// Same function, other industry: a lateral move, not a lower one.
    Lateral,
    /// A profession change that could enter above the bottom.
    HigherLevel,
    /// Staying beats the option.
    Stay,
}

impl Instead {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Instead::Lateral => "lateral",
            Instead::HigherLevel => "higher_level",
            Instead::Stay => "stay",
        }
    }
}

/// One judgement, as data: what the advisor found and the facts behind
/// it. [`Reason::code`] is its stable code (`circumstance.necessity`); its
/// words are written in one place, the application layer
/// (`switchback_app::words`), so every edge says the same thing.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The chance of getting the option (`landing`).
    Landing {
        /// The option's occupation.
        to: OccupationId,
        /// The chance and its factors.
        landing: chances::Landing,
        /// Elements the person's work already meets (none within one
        /// occupation).
        strengths: Vec<crate::catalog::ElementId>,
    },
    /// The chance of doing well there (`success`).
    Success {
        /// The option's occupation.
        to: OccupationId,
        /// The chance and its facts.
        fit: chances::Success,
        /// Whose levels it was judged on: the typical levels of the
        /// person's occupation, but for the elements they rated themselves
        /// (`[[skills]]`).
        levels: LevelsUsed,
    },
    /// The route from the option to the goal (`onward_route`).
    Onward {
        /// The goal's occupation.
        goal: OccupationId,
        /// The goal's level.
        goal_level: Level,
        /// What was found.
        onward: Onward,
    },
    /// Target a lateral position instead (`instead.lateral`).
    InsteadLateral {
        /// The occupation to target there: the option's, or the person's
        /// own when the option leaves their track in the same function or
        /// has no post at their grade (a manager offered a first-line
        /// supervisor's post).
        occupation: OccupationId,
        /// The person's level, to keep.
        level: Level,
    },
    /// Enter a profession above the bottom (`instead.higher_level`).
    InsteadHigherLevel {
        /// The person's years of experience.
        years_experience: f32,
        /// How far their work transfers.
        feasibility: f32,
        /// The higher entry point.
        higher: Level,
        /// The level offered.
        offered: Level,
        /// The chance of landing a post at the higher level.
        landing: f32,
        /// The chance of success at the higher level.
        success: f32,
    },
    /// A better shape of move ([`Instead`], said by its own reason) is
    /// open to the person: the option is not recommended as it stands, or
    /// for an offer in hand, at most acceptable (`verdict.better_shape`).
    BetterShape {
        /// The person holds an offer for the option: the better shape is
        /// theirs to ask for before accepting.
        offered: bool,
    },
    /// Success is unlikely (`verdict.unlikely`).
    Unlikely,
    /// No reason for a step down applies (`instead.stay`).
    InsteadStay,
    /// A step down or a change of profession with no way onward
    /// (`verdict.no_onward_route`).
    NoWayOnward,
    /// A route from where the person stands reaches the goal no later and
    /// clearly likelier ([`is_likelier_route`]) than the way through this
    /// step down or change of profession: the option is no strategy
    /// (`verdict.likelier_route`).
    LikelierRoute {
        /// The likelier route, from where the person stands.
        route: Route,
        /// The chance of the way through the option: landing it, then its
        /// onward route.
        through: f32,
        /// The years the way through the option takes to the goal.
        years: f32,
        /// It decides the verdict (at most acceptable). It does not when
        /// the option builds experience the goal needs — horizons,
        /// technical or management experience, which the seeds value for
        /// themselves — that the route does not build on its way, in work
        /// other than the goal's own: then it is said, for the person to
        /// weigh.
        decides: bool,
        /// The option builds experience the goal needs, and the route
        /// builds it too, before the goal (so it decides).
        builds_too: bool,
    },
    /// Landing the option is a long shot (below [`LONG_SHOT_BELOW`]): no
    /// strategic move, however well it would serve (`verdict.long_shot`);
    /// said of an acceptable option too, so it is not read as a plan.
    LongShot {
        /// The landing chance.
        landing: f32,
    },
    /// The way on from the option is no "defined path on which you can
    /// continue your ascent" (the seed), so the option is no strategic move
    /// (`verdict.onward_long_shot`): the route onward to the goal is a long
    /// shot (the chance of making every move of it below
    /// [`LONG_SHOT_BELOW`]), or the whole way — landing the option, then
    /// that route — is very unlikely (below [`VERY_UNLIKELY`]).
    OnwardLongShot {
        /// The onward route's probability.
        onward: f32,
        /// The option is a step down, which this decides against: a grade
        /// given up for a way to the goal that cannot be counted on is
        /// not recommended (the seed's "if you … know there's a defined
        /// path on which you can continue your ascent"); other options are
        /// only no strategic move.
        step_down: bool,
        /// The chance of the whole way, landing judged as
        /// [`Reason::LongShot`] judges it; `None` when the person's own
        /// ratings set the landing chance aside
        /// ([`Reason::OwnRatingsNotLongShot`]).
        whole_way: Option<f32>,
    },
    /// Landing would be a long shot on the model's reading of the person's
    /// occupation, but their own ratings (`[[skills]]`) show what the post
    /// needs: it is not called one, and the person should show them
    /// (`landing.own_ratings`).
    OwnRatingsNotLongShot {
        /// The landing chance.
        landing: f32,
    },
    /// No route reaches the goal within the horizon from the option, nor
    /// from where the person stands; the option's fastest is no slower
    /// than theirs: the horizon is the constraint, not the option
    /// (`verdict.beyond_horizon`, at most acceptable).
    BeyondHorizon {
        /// The horizon, in years.
        horizon: f32,
        /// Years the fastest route through the option takes.
        through: f32,
        /// Years the fastest from where the person stands takes, if any
        /// reaches the goal at all.
        from_here: Option<f32>,
    },
    /// Necessity alone justifies the move (`verdict.necessity`).
    NecessityOnly {
        /// The person named a goal, which the move does not serve.
        goal: bool,
        /// The move is to the person's own occupation at their own grade
        /// (another employer, another industry): their way to the goal is
        /// as it was, neither served nor set back.
        same_work: bool,
        /// A route onward from the move still reaches the goal: it serves
        /// none of the seeds' reasons, but it does not lead away.
        leads_on: bool,
        /// The person holds an offer for it: "take it", where a post they
        /// have yet to get is one to apply for.
        offered: bool,
    },
    /// Few of the post's positions are open to the person's education: it
    /// is no strategic move until they have studied for it
    /// (`verdict.education_first`).
    EducationFirst {
        /// The education that is a gate to the post, an RL category
        /// ([`crate::transition::profile::Profile::gated_education`]).
        entry: u8,
        /// The person's education was taken as typical of their
        /// occupation: the profile does not give it.
        assumed: bool,
    },
    /// In an industry the person excludes (`verdict.excluded_industry`).
    ExcludedIndustry {
        /// The industry.
        industry: String,
    },
    /// An occupation the person excludes (`verdict.excluded_occupation`).
    ExcludedOccupation {
        /// The occupation.
        occupation: OccupationId,
    },
    /// Pays below the person's floor (`verdict.below_pay_floor`).
    BelowPayFloor {
        /// The option's pay.
        pay: u32,
        /// The floor.
        floor: u32,
        /// The pay is estimated from OEWS wages, not given.
        estimated: bool,
    },
    /// A deeper step down than the person takes (`verdict.step_too_deep`).
    StepTooDeep {
        /// Grades down.
        down: u8,
        /// The most the person takes.
        max: u8,
    },
    /// `circumstance.necessity`.
    Necessity {
        /// The months the savings last, when the profile says and they are
        /// fewer than [`SHORT_RUNWAY_MONTHS`] (necessity is being out of
        /// work; a short runway makes it pressing).
        short_runway: Option<f32>,
        /// Other offers in hand (`None`: the profile does not say).
        other_offers: Option<u32>,
        /// Other options of the profile the person holds an offer for
        /// (that meet their pay floor).
        held_offers: u32,
        /// Offers held for other options that pay below the floor: not
        /// counted as alternatives, but the person should hear why.
        held_below_floor: u32,
    },
    /// `circumstance.change_profession`.
    ChangeProfession {
        /// The person's occupation.
        from: OccupationId,
        /// The option's.
        to: OccupationId,
        /// Toward which goal, if any.
        toward: Toward,
    },
    /// `circumstance.broaden_horizons`.
    BroadenHorizons {
        /// Another department (else: another function).
        department: bool,
        /// What the goal needs that the option builds, at most three.
        builds: Vec<GoalGap>,
    },
    /// `circumstance.another_route_up`.
    AnotherRouteUp {
        /// The person reports no way up where they stand.
        promotion_blocked: bool,
    },
    /// `circumstance.technical_experience`.
    TechnicalExperience {
        /// Technical elements built to the level the goal needs, at most three.
        builds: Vec<GoalGap>,
        /// Technologies employers ask for in the goal's occupation that the
        /// option uses, at most four.
        technologies: Vec<TechnologyId>,
    },
    /// `circumstance.management_experience`.
    ManagementExperience {
        /// The goal's level.
        goal_level: Level,
        /// The option's.
        level: Level,
    },
    /// What the option pays against today (`living.pay`).
    Pay {
        /// Today's pay (0 out of work).
        now: u32,
        /// The option's.
        pay: u32,
        /// Pay given up over the horizon (negative: gained).
        cost: Option<i64>,
        /// The horizon, in years.
        horizon: f32,
        /// When `cost` follows the onward route to the goal: the chance of
        /// the whole way — landing the option, then every move of the
        /// route.
        onward_probability: Option<f32>,
        /// With an onward route, pay given up over the horizon if the route
        /// stalls at the option (negative: gained).
        cost_if_stalled: Option<i64>,
        /// The months the person's savings last, when they are in work,
        /// the option pays less and the savings are short (fewer than
        /// [`SHORT_RUNWAY_MONTHS`]): the seed's "your financial situation"
        /// — the cut is theirs to cover from the first month.
        short_runway: Option<f32>,
    },
}

/// What the onward route reason found.
#[derive(Clone, Debug, PartialEq)]
pub enum Onward {
    /// The option is the goal.
    GoalItself,
    /// The best route from the option.
    Route(Route),
    /// No route within the horizon.
    NoRoute {
        /// The horizon, in years.
        horizon: f32,
        /// The fastest route from the option to the goal when the data
        /// block every route within the horizon ([`plan::nearest_route`];
        /// `None` when none reaches it in three horizons, or when the
        /// person's own limits are what block it within the horizon).
        nearest: Option<Nearest>,
        /// The person's own limits that block every route (empty when the
        /// data alone do).
        limits: Vec<Limit>,
    },
}

/// The fastest route to the goal, when none reaches it in time.
#[derive(Clone, Debug, PartialEq)]
pub struct Nearest {
    /// Years it takes.
    pub years: f32,
    /// The person's own limits it needs lifted (empty: it keeps them).
    pub beyond_limits: Vec<Limit>,
}

/// A limit of the person's own that can block routes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Limit {
    /// `situation.min_salary`.
    MinSalary(u32),
    /// `situation.max_step_down`.
    MaxStepDown(u8),
    /// `situation.exclude_occupations`, by count.
    ExcludedOccupations(usize),
    /// `situation.promotion_blocked`: no step up from where the person
    /// stands.
    PromotionBlocked,
}

/// Where a change of profession leads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Toward {
    /// No goal: away from the current profession.
    NoGoal,
    /// Into the goal's own profession.
    GoalItself,
    /// Closer to the goal: the scores toward it, from the option and from today.
    Closer {
        /// The goal's occupation.
        goal: OccupationId,
        /// Feasibility option → goal.
        from_option: f32,
        /// Feasibility current → goal.
        from_current: f32,
    },
}

/// An element the goal needs that the person lacks and the option builds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GoalGap {
    /// The element.
    pub element: crate::catalog::ElementId,
    /// The person's level.
    pub have: f32,
    /// The goal's.
    pub need: f32,
}

impl Reason {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Landing { .. } => "landing",
            Reason::Success { .. } => "success",
            Reason::Onward { .. } => "onward_route",
            Reason::InsteadLateral { .. } => "instead.lateral",
            Reason::InsteadHigherLevel { .. } => "instead.higher_level",
            Reason::BetterShape { .. } => "verdict.better_shape",
            Reason::Unlikely => "verdict.unlikely",
            Reason::InsteadStay => "instead.stay",
            Reason::NoWayOnward => "verdict.no_onward_route",
            Reason::LikelierRoute { .. } => "verdict.likelier_route",
            Reason::LongShot { .. } => "verdict.long_shot",
            Reason::OnwardLongShot { .. } => "verdict.onward_long_shot",
            Reason::OwnRatingsNotLongShot { .. } => "landing.own_ratings",
            Reason::BeyondHorizon { .. } => "verdict.beyond_horizon",
            Reason::NecessityOnly { .. } => "verdict.necessity",
            Reason::EducationFirst { .. } => "verdict.education_first",
            Reason::ExcludedIndustry { .. } => "verdict.excluded_industry",
            Reason::ExcludedOccupation { .. } => "verdict.excluded_occupation",
            Reason::BelowPayFloor { .. } => "verdict.below_pay_floor",
            Reason::StepTooDeep { .. } => "verdict.step_too_deep",
            Reason::Necessity { .. } => "circumstance.necessity",
            Reason::ChangeProfession { .. } => "circumstance.change_profession",
            Reason::BroadenHorizons { .. } => "circumstance.broaden_horizons",
            Reason::AnotherRouteUp { .. } => "circumstance.another_route_up",
            Reason::TechnicalExperience { .. } => "circumstance.technical_experience",
            Reason::ManagementExperience { .. } => "circumstance.management_experience",
            Reason::Pay { .. } => "living.pay",
        }
    }
}

/// Whose skill and knowledge levels a success chance was judged on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LevelsUsed {
    /// The occupation whose typical (O*NET) levels stand for the person's.
    pub typical_of: OccupationId,
    /// How many elements the person rated themselves, which replace those.
    pub self_assessed: usize,
}

/// What living with the decision means.
#[derive(Clone, Debug, PartialEq)]
pub struct Living {
    /// The option's annual pay.
    pub salary: Option<u32>,
    /// Option pay over current pay.
    pub pay_ratio: Option<f32>,
    /// Pay given up over the horizon against staying at today's pay
    /// (negative: the option pays more), following the onward route if any.
    pub cost_over_horizon: Option<i64>,
    /// With an onward route, the same if the person stays in the option
    /// instead: the route is not certain.
    pub cost_if_stalled: Option<i64>,
    /// Level before and after.
    pub level_change: (Level, Level),
    /// The move leaves the person's department.
    pub leaves_department: bool,
    /// What to say and do in the first weeks.
    pub first_weeks: Vec<FirstWeek>,
}

/// One thing to say or do in the first weeks of a move (the seeds' "live
/// the decision gracefully"); the words are the application layer's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FirstWeek {
    /// After a step down, thank the new manager: they could have hired
    /// someone cheaper.
    Thank {
        /// The post is one a newcomer could take (entry or junior): the
        /// cheaper hire was someone fresh out of school.
        newcomer_post: bool,
    },
    /// After a step down, never suggest one is "slumming it".
    NeverSlumming,
    /// The move leaves a familiar department and team.
    LeavingDepartment,
    /// Agree a development plan with the new manager.
    DevelopmentPlan {
        /// The goal it serves, if the person named one.
        toward: Option<(OccupationId, Level)>,
    },
    /// Set measurable objectives and an agreed tenure, with the HR
    /// business partner.
    ObjectivesAndTenure,
}

/// The advice on one option.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionAdvice {
    /// The option's id.
    pub id: String,
    /// The position.
    pub position: Position,
    /// The move from the current position, as the transition model classifies it.
    pub movement: Move,
    /// Circumstances served, in a fixed order.
    pub circumstances: Vec<Circumstance>,
    /// The verdict.
    pub verdict: Verdict,
    /// A better shape of move, if any.
    pub instead: Option<Instead>,
    /// The chance of getting the option, 0–1 ([`crate::chances::landing`];
    /// 1 when the person holds an offer for it).
    pub landing: f32,
    /// The chance of doing well in it, 0–1 ([`crate::chances::success`]):
    /// what "likely to succeed" means.
    pub success: f32,
    /// The best route from the option to the goal within the horizon.
    pub onward: Option<Route>,
    /// Every judgement in words.
    pub reasons: Vec<Reason>,
    /// Living with the decision.
    pub living: Living,
    /// Proposed by the advisor (the profile listed no options).
    pub proposed: bool,
    /// The person holds an offer for it (the profile's `offered`).
    pub offered: bool,
}

/// The advice on a profile, best option first.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    /// The options, ranked.
    pub options: Vec<OptionAdvice>,
    /// Why there are none, when the profile listed none and the advisor
    /// found no first move to propose toward its goal.
    pub no_proposals: Option<NoProposals>,
}

/// Why the advisor proposes no move toward the goal.
#[derive(Clone, Debug, PartialEq)]
pub enum NoProposals {
    /// Every route to the goal begins with study before its first move
    /// (`proposals.study_first`): the first thing to do is to enrol.
    StudyFirst {
        /// The best such route (the likeliest within the horizon, else the
        /// fastest beyond it).
        route: Route,
        /// It reaches the goal within the horizon.
        within_horizon: bool,
    },
    /// The person already holds the goal, or a higher post in its
    /// occupation (`proposals.at_goal`): there is no move toward it.
    AtGoal,
    /// No route reaches the goal, even within
    /// [`plan::nearest_horizon`] years (`proposals.no_route`).
    NoRoute {
        /// How far the search looked, in years.
        searched_years: f32,
        /// The person's own limits without which a route would reach the
        /// goal (empty: the data alone block it).
        limits: Vec<Limit>,
        /// The route those limits rule out (the best within the horizon,
        /// else the fastest beyond it): what lifting them would take — a
        /// paralegal under a pay floor is shown the unpaid law school the
        /// floor rules out, not left to guess.
        without_limits: Option<Route>,
    },
}

impl NoProposals {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            NoProposals::StudyFirst { .. } => "proposals.study_first",
            NoProposals::AtGoal => "proposals.at_goal",
            NoProposals::NoRoute { .. } => "proposals.no_route",
        }
    }
}

/// Why there is no advice to give.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdviseError {
    /// Neither options nor a goal.
    #[error(
        "the profile has neither [[options]] nor a [goal]: give the positions under consideration, or a goal to propose routes toward"
    )]
    NothingToAdvise,
}

/// Advises on every option of the profile (or proposes options toward the
/// goal when there are none).
pub fn advise(
    catalog: &Catalog,
    model: &TransitionModel,
    profile: &Profile,
) -> Result<Advice, AdviseError> {
    let ctx = Context::new(catalog, model, profile);
    let (options, proposed) = if profile.options.is_empty() {
        if profile.goal.is_none() {
            return Err(AdviseError::NothingToAdvise);
        }
        (ctx.proposals(), true)
    } else {
        (profile.options.clone(), false)
    };
    // Options are judged independently (each plans its own onward route):
    // two scoped threads halve the wait when there are several.
    let mut advice: Vec<OptionAdvice> = if options.len() >= 4 {
        let (first, second) = options.split_at(options.len() / 2);
        let ctx = &ctx;
        std::thread::scope(|scope| {
            let other = scope.spawn(move || {
                second
                    .iter()
                    .map(|o| ctx.judge(o, proposed))
                    .collect::<Vec<_>>()
            });
            let mut mine: Vec<OptionAdvice> =
                first.iter().map(|o| ctx.judge(o, proposed)).collect();
            // A panic in the other thread is a bug: let it surface unchanged.
            mine.extend(
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
            mine
        })
    } else {
        options.iter().map(|o| ctx.judge(o, proposed)).collect()
    };
    // Within a verdict, the likeliest way to where the person is going
    // first: landing the option and, toward a goal, its onward route.
    let way = |o: &OptionAdvice| {
        o.landing
            * match (&o.onward, &profile.goal) {
                (Some(r), _) => r.probability,
                (None, Some(g)) if !g.reached_by(&o.position) => 0.0,
                _ => 1.0,
            }
    };
    advice.sort_by(|a, b| {
        a.verdict
            .cmp(&b.verdict)
            .then(way(b).total_cmp(&way(a)))
            .then(b.success.total_cmp(&a.success))
    });
    // Proposals are numbered as they are ranked: "proposal-1" is the best.
    if proposed {
        for (i, o) in advice.iter_mut().enumerate() {
            o.id = format!("proposal-{}", i + 1);
        }
    }
    let no_proposals = (proposed && advice.is_empty())
        .then(|| ctx.no_proposals())
        .flatten();
    Ok(Advice {
        options: advice,
        no_proposals,
    })
}

/// The person's level per model element: their occupation's O*NET level,
/// overridden by the profile's self-assessment.
pub fn person_levels(model: &TransitionModel, profile: &Profile) -> Vec<f32> {
    let mut levels = model
        .profile(profile.current.position.occupation)
        .level
        .clone();
    for claim in &profile.skills {
        if let Some(i) = model
            .elements()
            .ids
            .iter()
            .position(|e| *e == claim.element)
        {
            levels[i] = claim.level;
        }
    }
    levels
}

/// The experience the goal needs that an option builds, which the seeds
/// value for itself: the goal gaps its work raises the person in (when it
/// broadens their horizons or builds technical experience, as model
/// element indices) on its track, and management experience.
struct Experience {
    elements: Vec<usize>,
    track: Track,
    management: bool,
    /// It builds technical experience the goal requires
    /// ([`Circumstance::TechnicalExperience`]), not only wider horizons.
    technical: bool,
}

impl Experience {
    fn built_by(cx: &Context<'_>, to: &Position, circumstances: &[Circumstance]) -> Self {
        let elements = if circumstances.iter().any(|c| {
            matches!(
                c,
                Circumstance::BroadenHorizons | Circumstance::TechnicalExperience
            )
        }) {
            cx.gaps_built_in(to.occupation)
        } else {
            Vec::new()
        };
        Experience {
            elements,
            track: to.track,
            management: circumstances.contains(&Circumstance::ManagementExperience),
            technical: circumstances.contains(&Circumstance::TechnicalExperience),
        }
    }

    fn is_empty(&self) -> bool {
        self.elements.is_empty() && !self.management
    }

    /// Whether `route` builds all of it at its stops before the goal: a
    /// stop in other work — neither the person's occupation nor the goal's,
    /// on the option's track — raises the person in every element as the
    /// option does (the goal's own lower posts are the way up, not the
    /// hands-on work or the other department the seeds send one to), and
    /// one stop is on the management track when the option gives
    /// management experience.
    fn on_the_way(&self, cx: &Context<'_>, route: &Route) -> bool {
        let before_goal = &route.steps[..route.steps.len().saturating_sub(1)];
        let own = cx.profile.current.position.occupation;
        let goal = route.steps.last().map(|s| s.to.occupation);
        let raises = |i: usize| {
            before_goal.iter().any(|s| {
                let o = s.to.occupation;
                o != own
                    && Some(o) != goal
                    && plan::track_of(cx.catalog, &s.to) == self.track
                    && cx.model.profile(o).level[i] >= cx.levels[i] + GAP_LEVELS
            })
        };
        let manages = before_goal
            .iter()
            .any(|s| plan::track_of(cx.catalog, &s.to) == Track::Management);
        self.elements.iter().all(|&i| raises(i)) && (!self.management || manages)
    }
}

/// What the verdict on one option is decided from ([`Context::verdict`]).
struct VerdictFacts<'a> {
    to: &'a Position,
    movement: &'a Move,
    /// The person holds an offer for the option.
    offered: bool,
    /// The education fit of landing the option.
    education: Option<chances::EducationFit>,
    /// Landing the option is a long shot, when below [`LONG_SHOT_BELOW`]
    /// on the evidence that can judge it ([`Context::long_shot`]).
    long_shot: Option<LongShot>,
    /// The chance of the route onward from the option, when one leads on.
    onward: Option<f32>,
    /// The landing chance on the evidence that can judge it
    /// ([`Context::landing_basis`]).
    landing_basis: f32,
    success: f32,
    circumstances: &'a [Circumstance],
    /// The option is the goal, or a route leads on from it.
    has_onward: bool,
    /// [`Reason::BeyondHorizon`], when no route leads on in time from the
    /// option nor from where the person stands, and the option's is no
    /// slower.
    beyond_horizon: Option<Reason>,
    /// [`Reason::LikelierRoute`], when a route from where the person
    /// stands beats the way through the option.
    likelier: Option<Reason>,
}

/// What the last of the verdict's rules weighs, once no earlier rule has
/// decided ([`Context::verdict`]).
struct Standing {
    has_goal: bool,
    /// The option serves a circumstance beyond necessity.
    has_reason: bool,
    /// The option is the goal, or a route leads on from it.
    has_onward: bool,
    /// Landing is a long shot, or would be but for the person's ratings.
    long_shot: Option<LongShot>,
    /// The chance of the route onward from the option, when one leads on.
    onward: Option<f32>,
    /// The landing chance on the evidence that can judge it.
    landing_basis: f32,
    success: f32,
    necessity: bool,
    /// The option is the person's own occupation at their own grade.
    same_work: bool,
    /// The person holds an offer for it.
    offered: bool,
}

/// A landing chance below [`LONG_SHOT_BELOW`] ([`Context::long_shot`]).
#[derive(Clone, Copy, Debug)]
enum LongShot {
    /// A long shot: its chance.
    Is(f32),
    /// Below the floor on the model's reading of the person's occupation,
    /// but their own ratings show what the post needs: not called one.
    WaivedByOwnRatings(f32),
}

impl Standing {
    /// [`Reason::OnwardLongShot`] when the way on from the option is no
    /// defined path.
    fn onward_long_shot(&self) -> Option<Reason> {
        let onward = self.onward?;
        let whole_way = self.whole_way(onward);
        (onward < LONG_SHOT_BELOW || whole_way.is_some_and(|w| w < VERY_UNLIKELY)).then_some(
            Reason::OnwardLongShot {
                onward,
                step_down: false,
                whole_way,
            },
        )
    }

    /// The chance of the whole way — landing the option, then its route
    /// `onward` — unless the person's own ratings set the landing aside.
    fn whole_way(&self, onward: f32) -> Option<f32> {
        let waived = matches!(self.long_shot, Some(LongShot::WaivedByOwnRatings(_)));
        (!waived).then_some(self.landing_basis * onward)
    }

    /// An option that is not strategic is still said to be a long shot to
    /// land when it is one: "acceptable" beside a landing of 0.00 would
    /// read as a plan.
    fn say_long_shot(&self, reasons: &mut Vec<Reason>) {
        if let Some(LongShot::Is(landing)) = self.long_shot {
            reasons.push(Reason::LongShot { landing });
        }
    }

    /// Strategic when the option serves a circumstance beyond necessity,
    /// leads on to the goal, is likely to go well and is no long shot to
    /// land, nor is its route onward to the goal ("a defined path on which
    /// you can continue your ascent", the seed); else acceptable,
    /// with the reason when it is a long shot or necessity alone justifies
    /// it.
    fn verdict(&self, reasons: &mut Vec<Reason>) -> Verdict {
        let serves = self.has_reason && self.has_onward && self.success >= LIKELY;
        match self.long_shot.filter(|_| serves) {
            Some(LongShot::Is(landing)) => {
                reasons.push(Reason::LongShot { landing });
                return Verdict::Acceptable;
            }
            Some(LongShot::WaivedByOwnRatings(landing)) => {
                reasons.push(Reason::OwnRatingsNotLongShot { landing });
            }
            None => {}
        }
        if let Some(reason) = self.onward_long_shot().filter(|_| serves) {
            reasons.push(reason);
            return Verdict::Acceptable;
        }
        if serves {
            return Verdict::Strategic;
        }
        self.say_long_shot(reasons);
        if self.necessity && !self.has_reason {
            reasons.push(Reason::NecessityOnly {
                goal: self.has_goal,
                same_work: self.same_work,
                leads_on: self.has_goal && self.has_onward,
                offered: self.offered,
            });
        }
        Verdict::Acceptable
    }
}

/// What every judgement of one profile shares.
struct Context<'a> {
    catalog: &'a Catalog,
    model: &'a TransitionModel,
    profile: &'a Profile,
    /// Important goal elements the person falls short of: (model index, have, need).
    goal_gaps: Vec<(usize, f32, f32)>,
    /// Technologies employers ask for in the goal's occupation (O*NET's
    /// "In Demand") that the current occupation does not use. Not its hot
    /// technologies: those are hot across all postings, and a general
    /// manager's list names Autodesk AutoCAD.
    goal_missing_tech: Vec<TechnologyId>,
    /// Whether a route up from where the person stands reaches the goal
    /// within the horizon without a step down — with their way up closed,
    /// one that starts in a post they list or are offered
    /// (`plan::plan_and_climb`).
    climb_exists: bool,
    /// The routes to the goal from where the person stands (none without
    /// a goal): what a step down is weighed against, and what proposals
    /// are drawn from.
    here: Option<plan::Plan>,
    /// The person has managed people.
    has_managed: bool,
    /// Feasibility of every occupation toward the goal, shared by every
    /// route the advice plans.
    to_goal: Option<Vec<f32>>,
    /// The person's level per model element ([`person_levels`]).
    levels: Vec<f32>,
}

impl<'a> Context<'a> {
    fn new(catalog: &'a Catalog, model: &'a TransitionModel, profile: &'a Profile) -> Self {
        let cur = &profile.current.position;
        let levels = person_levels(model, profile);
        let (mut goal_gaps, mut goal_missing_tech, mut climb_exists) =
            (Vec::new(), Vec::new(), true);
        let mut here = None;
        let to_goal = profile
            .goal
            .as_ref()
            .map(|g| plan::goal_column(model, g.occupation));
        if let Some(goal) = &profile.goal {
            let g = model.profile(goal.occupation);
            for (i, &need) in g.level.iter().enumerate() {
                if g.importance[i] >= GAP_IMPORTANCE && need - levels[i] >= GAP_LEVELS {
                    goal_gaps.push((i, levels[i], need));
                }
            }
            let have = &model.profile(cur.occupation).techs;
            goal_missing_tech = catalog
                .occupation(goal.occupation)
                .technologies
                .iter()
                .filter(|t| t.in_demand && !have.contains(t.technology.0 as usize))
                .map(|t| t.technology)
                .collect();
            // Where the person stands, a step up is closed when they say so
            // (an option's onward route starts at the option, and is not).
            let (routes, climbs) = plan::plan_and_climb(
                catalog,
                model,
                &Request {
                    to_goal: to_goal.as_deref(),
                    ..Request::from_current(profile, &levels)
                },
            );
            climb_exists = climbs;
            here = Some(routes);
        }
        let has_managed = match profile.current.manages_people {
            Some(m) => m,
            None => cur.track == Track::Management,
        };
        Self {
            catalog,
            model,
            profile,
            levels,
            to_goal,
            goal_gaps,
            goal_missing_tech,
            climb_exists,
            here,
            has_managed,
        }
    }

    /// The person's chances of getting `to` and of doing well there. Their
    /// experience is credited by how related it is (all of it in their own
    /// occupation).
    fn chances(&self, to: &Position, feasibility: f32) -> (chances::Landing, chances::Success) {
        let cur = &self.profile.current;
        let me = Position {
            track: if self.has_managed {
                Track::Management
            } else {
                Track::Individual
            },
            ..cur.position.clone()
        };
        let credited = cur.years_experience
            * plan::experience_credit(
                self.catalog,
                cur.position.occupation,
                to.occupation,
                feasibility,
            );
        let required =
            position::required_experience(self.catalog.occupation(to.occupation), to.level);
        // The person's education, else what their occupation's workers
        // typically need; nothing is asked to stay in one's own occupation.
        let education = (to.occupation != cur.position.occupation)
            .then(|| {
                cur.education.or_else(|| {
                    plan::person_education(self.catalog, self.model, cur.position.occupation)
                })
            })
            .flatten()
            .and_then(|have| {
                let assumed = cur.education.is_none();
                chances::education_fit_toward(
                    self.catalog,
                    self.model,
                    (have, assumed),
                    cur.position.occupation,
                    to.occupation,
                )
            });
        let success = chances::success_schooled(
            self.catalog,
            self.model,
            &self.levels,
            self.profile.current.education,
            &position::side(&me),
            &position::side(to),
        );
        let (from_side, to_side) = (position::side(&me), position::side(to));
        let readiness = success
            .readiness()
            .filter(|_| chances::own_work(self.catalog, self.model, &from_side, &to_side));
        let landing = chances::landing(
            self.catalog,
            feasibility,
            &from_side,
            &to_side,
            Some(chances::experience_fit(credited, required)),
            education,
            readiness,
        );
        (landing, success)
    }

    /// The landing reason: the chance and, for a change of occupation, the
    /// elements the person's work already meets.
    fn landing_reason(&self, cur: &Position, to: &Position, landing: chances::Landing) -> Reason {
        let strengths = if cur.occupation == to.occupation {
            Vec::new()
        } else {
            self.model
                .explain(self.catalog, cur.occupation, to.occupation, 3)
                .strengths
                .iter()
                .map(|c| c.element)
                .collect()
        };
        Reason::Landing {
            to: to.occupation,
            landing,
            strengths,
        }
    }

    /// The first moves of the best routes to the goal, as options.
    fn proposals(&self) -> Vec<Opt> {
        let cur = &self.profile.current.position;
        let Some(plan) = &self.here else {
            return Vec::new();
        };
        let mut seen: Vec<(OccupationId, Level)> = Vec::new();
        let mut out = Vec::new();
        // The likeliest routes first: the set comes fastest first, and a
        // teacher's five fast detours through other teaching posts hid the
        // likelier direct move into the goal's occupation.
        let mut routes: Vec<&Route> = plan.routes.iter().collect();
        routes.sort_by(|a, b| b.probability.total_cmp(&a.probability));
        for r in routes.into_iter().chain(&plan.nearest) {
            // A proposal is a move to make now: one that waits for study
            // is left to the route that plans it.
            let Some(first) = r.steps.first().filter(|s| s.study_years == 0.0) else {
                continue;
            };
            let key = (first.to.occupation, first.to.level);
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let position = Position::new(
                self.catalog,
                first.to.occupation,
                PositionSpec {
                    level: Some(first.to.level),
                    industry: cur.industry.clone(),
                    department: cur.department.clone(),
                    ..PositionSpec::default()
                },
            );
            out.push(Opt {
                id: format!("proposal-{}", out.len() + 1),
                position,
                offered: false,
                role_read: None,
            });
            if out.len() == 5 {
                break;
            }
        }
        out
    }

    /// Why [`Self::proposals`] found nothing: every route starts with
    /// study, or there is no route at all.
    fn no_proposals(&self) -> Option<NoProposals> {
        let plan = self.here.as_ref()?;
        let goal = self.profile.goal.as_ref()?;
        if self.profile.at_goal() {
            return Some(NoProposals::AtGoal);
        }
        let within = plan.routes.iter().max_by(|a, b| {
            a.probability
                .total_cmp(&b.probability)
                .then(b.years_to_goal.total_cmp(&a.years_to_goal))
        });
        Some(match (within, &plan.nearest) {
            (Some(route), _) => NoProposals::StudyFirst {
                route: route.clone(),
                within_horizon: true,
            },
            (None, Some(route)) => NoProposals::StudyFirst {
                route: route.clone(),
                within_horizon: false,
            },
            (None, None) => {
                let horizon = goal.horizon_years;
                // The person's own limits may be what block every route.
                let limits = match self.no_route(&self.profile.current.position, horizon, true) {
                    Onward::NoRoute {
                        limits,
                        nearest: None,
                        ..
                    } => limits,
                    Onward::NoRoute {
                        nearest: Some(n), ..
                    } => n.beyond_limits,
                    _ => Vec::new(),
                };
                let without_limits = (!limits.is_empty())
                    .then(|| {
                        let own = self.here_request();
                        limits_in_the_way(self.catalog, self.model, &self.profile.situation, &own)
                    })
                    .flatten()
                    .map(|(_, route)| route);
                NoProposals::NoRoute {
                    searched_years: plan::nearest_horizon(horizon),
                    limits,
                    without_limits,
                }
            }
        })
    }

    fn judge(&self, opt: &Opt, proposed: bool) -> OptionAdvice {
        let (catalog, model, profile) = (self.catalog, self.model, self.profile);
        let cur = &profile.current.position;
        let to = &opt.position;
        let movement = position::classify(catalog, model, cur, to);
        let mut reasons: Vec<Reason> = Vec::new();
        let step_down = movement.kind == MoveKind::StepDown;
        let changes_profession = movement.changes.contains(&Change::Profession);

        let (landing, fit) = self.chances(to, movement.feasibility);
        let landing = if opt.offered {
            landing.offered()
        } else {
            landing
        };
        let success = fit.chance;
        let mut movement = movement;
        movement.landing = landing.chance;
        movement.success = success;
        reasons.push(self.landing_reason(cur, to, landing));
        reasons.push(Reason::Success {
            to: to.occupation,
            fit: fit.clone(),
            levels: LevelsUsed {
                typical_of: cur.occupation,
                self_assessed: profile
                    .skills
                    .iter()
                    .filter(|claim| model.elements().ids.contains(&claim.element))
                    .count(),
            },
        });

        // The onward route to the goal, from the option.
        let reaches_goal_directly = profile.goal.as_ref().is_some_and(|g| g.reached_by(to));
        let onward = profile.goal.as_ref().and_then(|_| {
            if reaches_goal_directly {
                return None;
            }
            plan::best_route(
                catalog,
                model,
                &Request {
                    experience_in: Some(cur.occupation),
                    ..request(profile, (to, 0.0), &self.levels, self.to_goal.as_deref())
                },
            )
        });
        if let Some(goal) = &profile.goal {
            reasons.push(Reason::Onward {
                goal: goal.occupation,
                goal_level: goal.level,
                onward: match (&onward, reaches_goal_directly) {
                    (_, true) => Onward::GoalItself,
                    (Some(r), _) => Onward::Route(r.clone()),
                    (None, false) => self.no_route(to, goal.horizon_years, false),
                },
            });
        }
        let has_onward = onward.is_some() || reaches_goal_directly;
        let beyond_horizon = if has_onward {
            None
        } else {
            self.beyond_horizon(&reasons)
        };

        // The way on is a real path when it is no long shot itself.
        let onward_real = reaches_goal_directly
            || onward
                .as_ref()
                .is_some_and(|r| r.probability >= LONG_SHOT_BELOW);
        let circumstances = self.circumstances(opt, &movement, onward_real, &mut reasons);
        let necessity = circumstances.contains(&Circumstance::Necessity);

        let mut instead = self.better_shape(to, &movement, &circumstances, &mut reasons);
        let builds = Experience::built_by(self, to, &circumstances);
        let likelier = (step_down || changes_profession)
            .then(|| self.likelier_route(to, landing.chance, onward.as_ref(), &builds))
            .flatten()
            .filter(|_| !necessity);
        let facts = VerdictFacts {
            to,
            movement: &movement,
            offered: opt.offered,
            // An offer in hand says the employer took the education.
            education: landing.education.filter(|_| !opt.offered),
            long_shot: self.long_shot(to, &landing),
            onward: onward.as_ref().map(|r| r.probability),
            landing_basis: Self::landing_basis(&landing),
            success,
            circumstances: &circumstances,
            has_onward,
            beyond_horizon,
            likelier,
        };
        let verdict = self.verdict(facts, &mut instead, &mut reasons);

        let living = self.living(
            to,
            &movement,
            (landing.chance, onward.as_ref()),
            &mut reasons,
        );
        OptionAdvice {
            id: opt.id.clone(),
            position: to.clone(),
            movement,
            circumstances,
            verdict,
            instead,
            landing: landing.chance,
            success,
            onward,
            reasons,
            living,
            proposed,
            offered: opt.offered,
        }
    }

    /// [`Reason::BeyondHorizon`] when the option's onward reason found no
    /// route in time but a nearest one within the person's limits, no
    /// route from where the person stands reaches the goal in time either,
    /// and the option's nearest is no slower than theirs.
    fn beyond_horizon(&self, reasons: &[Reason]) -> Option<Reason> {
        let (horizon, through) = reasons.iter().find_map(|r| match r {
            Reason::Onward {
                onward:
                    Onward::NoRoute {
                        horizon,
                        nearest: Some(n),
                        ..
                    },
                ..
            } if n.beyond_limits.is_empty() => Some((*horizon, n.years)),
            _ => None,
        })?;
        let here = self.here.as_ref()?;
        if !here.routes.is_empty() {
            return None;
        }
        let from_here = here.nearest.as_ref().map(|r| r.years_to_goal);
        from_here
            .is_none_or(|years| through <= years + 1e-3)
            .then_some(Reason::BeyondHorizon {
                horizon,
                through,
                from_here,
            })
    }

    /// The landing chance when it makes the option a long shot (below
    /// [`LONG_SHOT_BELOW`]), judged only on evidence that can say so.
    /// Landing reads the person's occupation, not the person: where their
    /// own ratings (`[[skills]]`) show a level the option needs above their
    /// occupation's typical one, they are no typical applicant and the
    /// model cannot call it a long shot. Nor is an education the profile
    /// does not give held against them: the factor for an assumed
    /// education is taken off. An offer in hand is never a long shot.
    fn long_shot(&self, to: &Position, landing: &chances::Landing) -> Option<LongShot> {
        let basis = Self::landing_basis(landing);
        let typical = &self
            .model
            .profile(self.profile.current.position.occupation)
            .level;
        let needed = &self.model.profile(to.occupation).level;
        let atypical = self.profile.skills.iter().any(|claim| {
            self.model
                .elements()
                .ids
                .iter()
                .position(|e| *e == claim.element)
                .is_some_and(|i| {
                    claim.level > typical[i] + GAP_LEVELS && needed[i] > typical[i] + GAP_LEVELS
                })
        });
        match (basis < LONG_SHOT_BELOW, atypical) {
            (false, _) => None,
            (true, false) => Some(LongShot::Is(landing.chance)),
            (true, true) => Some(LongShot::WaivedByOwnRatings(landing.chance)),
        }
    }

    /// The landing chance on the evidence that can judge it: without the
    /// factor for an education the profile does not give (it was assumed
    /// typical of the person's occupation).
    fn landing_basis(landing: &chances::Landing) -> f32 {
        let assumed = landing.education.filter(|e| e.assumed && e.factor > 0.0);
        landing.chance / assumed.map_or(1.0, |e| e.factor)
    }

    /// A better shape of move than the option, with its reason.
    fn better_shape(
        &self,
        to: &Position,
        movement: &Move,
        circumstances: &[Circumstance],
        reasons: &mut Vec<Reason>,
    ) -> Option<Instead> {
        let cur = &self.profile.current.position;
        // Changing industry but not function calls for a lateral move: the
        // same work, at the same level, elsewhere. A step off one's track
        // within the function (a finance manager taking an analyst's post)
        // may serve a reason of its own — technical experience —; when it
        // serves none, the lateral move is one's own occupation there.
        let serves = circumstances.iter().any(|c| *c != Circumstance::Necessity);
        let changes_track = movement.changes.contains(&Change::Track);
        if movement.kind == MoveKind::StepDown
            && movement.changes.contains(&Change::Industry)
            && !movement.changes.contains(&Change::Profession)
            && !(changes_track && serves)
        {
            // The option's occupation may have no post at the person's
            // grade (first-line supervision is one grade): then the same
            // work at their grade is their own occupation.
            let has_the_grade =
                crate::position::title_level(self.catalog.occupation(to.occupation), cur.level)
                    == cur.level;
            reasons.push(Reason::InsteadLateral {
                occupation: if changes_track || !has_the_grade {
                    cur.occupation
                } else {
                    to.occupation
                },
                level: cur.level,
            });
            return Some(Instead::Lateral);
        }
        let (higher, landing, success) = circumstances
            .contains(&Circumstance::ChangeProfession)
            .then(|| self.higher_entry(to, movement))
            .flatten()?;
        reasons.push(Reason::InsteadHigherLevel {
            years_experience: self.profile.current.years_experience,
            feasibility: movement.feasibility,
            higher,
            offered: to.level,
            landing,
            success,
        });
        Some(Instead::HigherLevel)
    }

    /// The verdict on an option, the seeds' rules in the order they take
    /// precedence: outside the person's limits, unlikely to succeed, a
    /// better shape of move, a step down that serves nothing, no way on to
    /// the goal, a degree to get first, a likelier route from where the
    /// person stands; then strategic when it serves a circumstance, leads
    /// on and is likely to go well. The reason of the rule that decides is
    /// added to `reasons`; a likelier route that does not decide is added
    /// only with a verdict it leaves standing.
    fn verdict(
        &self,
        facts: VerdictFacts<'_>,
        instead: &mut Option<Instead>,
        reasons: &mut Vec<Reason>,
    ) -> Verdict {
        let VerdictFacts {
            to,
            movement,
            offered,
            education,
            long_shot,
            onward,
            landing_basis,
            success,
            circumstances,
            has_onward,
            beyond_horizon,
            likelier,
        } = facts;
        let standing = Standing {
            has_goal: self.profile.goal.is_some(),
            has_reason: circumstances.iter().any(|c| *c != Circumstance::Necessity),
            has_onward,
            long_shot,
            onward,
            landing_basis,
            success,
            necessity: circumstances.contains(&Circumstance::Necessity),
            same_work: to.occupation == self.profile.current.position.occupation
                && to.level.grade() == self.profile.current.position.level.grade(),
            offered,
        };
        let step_down = movement.kind == MoveKind::StepDown;
        let changes_profession = movement.changes.contains(&Change::Profession);
        let necessity = standing.necessity;
        let has_goal = standing.has_goal;
        // A better shape of move open to the person ([`Self::better_shape`]),
        // necessity aside.
        let better_shape = instead.is_some() && !necessity;
        let (verdict, reason) = if let Some(limit) = self.outside_situation(to, movement) {
            (Verdict::NotRecommended, Some(limit))
        } else if success < UNLIKELY {
            (Verdict::NotRecommended, Some(Reason::Unlikely))
        } else if better_shape && !offered {
            (
                Verdict::NotRecommended,
                Some(Reason::BetterShape { offered }),
            )
        } else if step_down && circumstances.is_empty() {
            // A step down that serves nothing; with a better shape (a
            // lateral move for an industry change, offered a grade down)
            // that shape is the advice, not staying.
            if better_shape {
                (
                    Verdict::NotRecommended,
                    Some(Reason::BetterShape { offered }),
                )
            } else {
                *instead = Some(Instead::Stay);
                (Verdict::NotRecommended, Some(Reason::InsteadStay))
            }
        } else if has_goal && (step_down || changes_profession) && !has_onward && !necessity {
            match beyond_horizon {
                Some(reason) => {
                    // Acceptable for the time it asks, not for its odds: a
                    // long shot to land is said too.
                    standing.say_long_shot(reasons);
                    (Verdict::Acceptable, Some(reason))
                }
                None => (Verdict::NotRecommended, Some(Reason::NoWayOnward)),
            }
        } else if let Some(onward) = standing
            .onward
            .filter(|&o| has_goal && step_down && !necessity && o < LONG_SHOT_BELOW)
        {
            // A step down whose way on is a long shot gives up a grade for
            // nothing to count on: not recommended, not merely no strategy.
            (
                Verdict::NotRecommended,
                Some(Reason::OnwardLongShot {
                    onward,
                    step_down: true,
                    whole_way: standing.whole_way(onward),
                }),
            )
        } else if let Some(e) = education.filter(|e| e.factor < EDUCATION_FIRST_BELOW && !necessity)
        {
            // A post the person cannot hold without a degree they lack is
            // no strategy yet, whatever else it serves; a long shot to
            // land even with the degree is said too.
            standing.say_long_shot(reasons);
            (
                Verdict::Acceptable,
                Some(Reason::EducationFirst {
                    entry: e.entry,
                    assumed: e.assumed,
                }),
            )
        } else if let Some(route) = likelier {
            // What else keeps the option from strategic is said too (a
            // long shot to land, no defined path onward).
            let decides = matches!(route, Reason::LikelierRoute { decides: true, .. });
            let verdict = match standing.verdict(reasons) {
                Verdict::Strategic if decides => Verdict::Acceptable,
                verdict => verdict,
            };
            (verdict, Some(route))
        } else {
            (standing.verdict(reasons), None)
        };
        let said = matches!(reason, Some(Reason::BetterShape { .. }));
        reasons.extend(reason);
        // An offer in hand is a post the person can have: judged by every
        // other rule, then, with a better shape theirs to ask for, no
        // strategy as it stands (unless "stay" has replaced that shape).
        if better_shape && offered && !said && *instead != Some(Instead::Stay) {
            reasons.push(Reason::BetterShape { offered });
            if verdict == Verdict::Strategic {
                return Verdict::Acceptable;
            }
        }
        verdict
    }

    /// [`Reason::LikelierRoute`] when a route from where the person stands
    /// beats the way through the option ([`is_likelier_route`]), no long
    /// shot itself (at least [`LONG_SHOT_BELOW`]), and not through the
    /// option's own post.
    /// The likeliest such route is named. It decides the verdict unless the
    /// option, in other work than the goal's own, builds experience the
    /// goal needs that the route does not build on its way — and the route
    /// does not have the goal within reach ([`GOAL_IN_REACH_YEARS`]).
    fn likelier_route(
        &self,
        to: &Position,
        landing: f32,
        onward: Option<&Route>,
        builds: &Experience,
    ) -> Option<Reason> {
        let onward = onward?;
        let through = landing * onward.probability;
        let years = onward.years_to_goal;
        // Work in the goal's own occupation is the way up, not experience
        // valued for itself: when a route reaches the goal no later and
        // twice as likely, the goal's work builds what its lower post
        // would (an IT manager stepping down to a senior developer's post
        // on the way to principal developer, open to him now).
        let goal_work = self
            .profile
            .goal
            .as_ref()
            .is_some_and(|g| g.occupation == to.occupation);
        self.here
            .as_ref()?
            .routes
            .iter()
            .filter(|r| {
                // A route that is itself a long shot is no likelier way.
                is_likelier_route(r.years_to_goal, r.probability, years, through)
                    && r.probability >= LONG_SHOT_BELOW
                    && r.steps
                        .first()
                        .is_some_and(|s| (s.to.occupation, s.to.level) != (to.occupation, to.level))
            })
            .max_by(|a, b| a.probability.total_cmp(&b.probability))
            .map(|r| {
                let builds_too = !builds.is_empty() && builds.on_the_way(self, r);
                // A route that has the goal within reach, where the person
                // is likely to do well, needs no experience built first: a
                // machinist promoted to supervise machinists learns there
                // what an assembler's post would have taught.
                let goal_now = r.years_to_goal <= GOAL_IN_REACH_YEARS + 1e-3
                    && r.steps.last().is_some_and(|s| s.success >= LIKELY);
                // A route only sooner, not clearly likelier, is said beside
                // an option that builds the technical or management
                // experience the goal needs, and decides nothing: an IT
                // manager stepping down to a senior developer's post
                // rebuilds the programming a principal's post asks, which
                // the model's chance of landing that post now does not
                // weigh. Wider horizons alone do not outweigh a goal in
                // reach sooner: a licensed practical nurse a year from
                // nursing is not sent to a technician's post at 29% less.
                let clearly = r.probability >= LIKELIER_ROUTE_RATIO * through;
                let for_itself = builds.technical || builds.management;
                let decides = builds.is_empty()
                    || builds_too
                    || if clearly {
                        goal_work || goal_now
                    } else {
                        !for_itself
                    };
                Reason::LikelierRoute {
                    route: r.clone(),
                    through,
                    years,
                    decides,
                    builds_too,
                }
            })
    }

    /// For a profession changer (one with a goal) with years of
    /// transferable experience offered an entry-level post (grade 1–2):
    /// the higher entry point
    /// (their own grade, at most the occupation's typical one, at least
    /// grade 3) where they would still be likely to succeed and to land,
    /// with the chances of landing it and of succeeding there.
    fn higher_entry(&self, to: &Position, movement: &Move) -> Option<(Level, f32, f32)> {
        let cur = &self.profile.current;
        if self.profile.goal.is_none()
            || !movement.changes.contains(&Change::Profession)
            || to.level.grade() > 2
            || cur.years_experience < TRANSFERABLE_YEARS
        {
            return None;
        }
        let typical = position::typical_level(self.catalog.occupation(to.occupation));
        let grade = cur.position.level.grade().min(typical.grade()).max(3);
        let higher = Level::from_grade(grade, to.level.is_management())
            .or_else(|| Level::from_grade(grade, !to.level.is_management()))?;
        let at = Position {
            level: higher,
            ..to.clone()
        };
        let (landing, fit) = self.chances(&at, movement.feasibility);
        (fit.chance >= LIKELY && landing.chance >= UNLIKELY).then_some((
            higher,
            landing.chance,
            fit.chance,
        ))
    }

    /// The first limit of the person's own situation the option breaks —
    /// an excluded industry or occupation, pay below their floor, a deeper
    /// step down than they will take — as the reason it is not recommended.
    fn outside_situation(&self, to: &Position, movement: &Move) -> Option<Reason> {
        let s = &self.profile.situation;
        if let Some(industry) = to
            .industry
            .as_ref()
            .filter(|i| s.exclude_industries.contains(i))
        {
            return Some(Reason::ExcludedIndustry {
                industry: industry.to_string(),
            });
        }
        if s.exclude_occupations.contains(&to.occupation) {
            return Some(Reason::ExcludedOccupation {
                occupation: to.occupation,
            });
        }
        if let (Some(floor), Some(pay)) = (s.min_salary, self.salary(to))
            && pay < floor
        {
            return Some(Reason::BelowPayFloor {
                pay,
                floor,
                estimated: to.salary.is_none(),
            });
        }
        let down = u8::try_from(-movement.level_delta.min(0)).unwrap_or(u8::MAX);
        let step_down = movement.kind == MoveKind::StepDown;
        if let Some(max) = s.max_step_down.filter(|max| step_down && down > *max) {
            return Some(Reason::StepTooDeep { down, max });
        }
        None
    }

    /// Why no onward route was found: the data, or the limits the person
    /// set (tried again without them to tell which); and how long the
    /// fastest route takes, within those limits or, failing that, without.
    /// `here`: `from` is where the person stands, with its years in role
    /// and, when they say so, its way up closed.
    /// The request for routes from where the person stands.
    fn here_request(&self) -> Request<'_> {
        Request {
            to_goal: self.to_goal.as_deref(),
            ..Request::from_current(self.profile, &self.levels)
        }
    }

    fn no_route(&self, from: &Position, horizon: f32, here: bool) -> Onward {
        let limits = own_limits(&self.profile.situation, here);
        let own = if here {
            self.here_request()
        } else {
            Request {
                experience_in: Some(self.profile.current.position.occupation),
                ..request(
                    self.profile,
                    (from, 0.0),
                    &self.levels,
                    self.to_goal.as_deref(),
                )
            }
        };
        let relaxed = relaxed(&own);
        let (catalog, model) = (self.catalog, self.model);
        if !limits.is_empty() && plan::best_route(catalog, model, &relaxed).is_some() {
            return Onward::NoRoute {
                horizon,
                limits,
                nearest: None,
            };
        }
        let nearest = match plan::nearest_route(catalog, model, &own) {
            Some(r) => Some(Nearest {
                years: r.years_to_goal,
                beyond_limits: Vec::new(),
            }),
            None if !limits.is_empty() => {
                plan::nearest_route(catalog, model, &relaxed).map(|r| Nearest {
                    years: r.years_to_goal,
                    beyond_limits: limits,
                })
            }
            None => None,
        };
        Onward::NoRoute {
            horizon,
            limits: Vec::new(),
            nearest,
        }
    }

    /// The goal gaps (model element indices) the work of `occupation`
    /// raises the person in: its typical level is at least [`GAP_LEVELS`]
    /// above theirs. None in work of their own field that asks less
    /// preparation than their own (a lower O*NET job zone): its typical
    /// ratings are its own workers', not what someone who brings more
    /// learns there — a lead electrician is taught no mechanics as an
    /// electrician's helper, an intensive-care nurse no administration as
    /// a medical assistant. In another field a lower zone is no such sign
    /// (a management analyst learns programming as a systems analyst).
    fn gaps_built_in(&self, occupation: OccupationId) -> Vec<usize> {
        let own = self.profile.current.position.occupation;
        if self.catalog.lower_work_of_own_field(occupation, own) {
            return Vec::new();
        }
        let there = &self.model.profile(occupation).level;
        self.goal_gaps
            .iter()
            .filter(|(i, have, _)| there[*i] >= have + GAP_LEVELS)
            .map(|(i, _, _)| *i)
            .collect()
    }

    /// The circumstances the option serves, each on its own evidence, with
    /// the reasons that name it (added to `reasons` in the order of
    /// [`Circumstance`]).
    fn circumstances(
        &self,
        opt: &Opt,
        movement: &Move,
        onward_real: bool,
        reasons: &mut Vec<Reason>,
    ) -> Vec<Circumstance> {
        let mut found: Vec<(Circumstance, Reason)> = Vec::new();
        found.extend(self.necessity(opt, movement));
        let necessity = !found.is_empty();
        found.extend(self.change_of_profession(opt, movement, necessity));
        // Goal gaps the option builds: its typical level beats the person's.
        let built_in = self.gaps_built_in(opt.position.occupation);
        let built: Vec<(usize, f32, f32)> = (self.goal_gaps.iter())
            .filter(|(i, _, _)| built_in.contains(i))
            .copied()
            .collect();
        found.extend(self.broadening(opt, movement, &built));
        found.extend(self.another_route_up(opt, movement, onward_real));
        found.extend(self.technical_experience(opt, &built));
        found.extend(self.management_experience(opt));
        let mut out = Vec::with_capacity(found.len());
        for (c, r) in found {
            out.push(c);
            reasons.push(r);
        }
        out.sort();
        out
    }

    /// Necessity: out of work with few or no alternatives, taking what is
    /// there — the seed's "best available option, even if it's a step
    /// down". Not a step up, which needs no such excuse; and not while
    /// employed, however short the savings: a lower-paid post shortens a
    /// short runway, it does not lengthen it.
    fn necessity(&self, opt: &Opt, movement: &Move) -> Option<(Circumstance, Reason)> {
        let s = &self.profile.situation;
        let out_of_work = s.employed == Some(false);
        // Offers held for the profile's other options are alternatives too.
        let (held_offers, held_below_floor) = (self.profile.options.iter())
            .filter(|o| o.offered && o.id != opt.id)
            .fold((0u32, 0u32), |(at, below), o| {
                if self.meets_floor(&o.position) {
                    (at + 1, below)
                } else {
                    (at, below + 1)
                }
            });
        let few_alternatives = s.other_offers.unwrap_or(0).max(held_offers) <= 1;
        let meets_floor = self.meets_floor(&opt.position);
        (out_of_work && movement.kind != MoveKind::StepUp && few_alternatives && meets_floor).then(
            || {
                let reason = Reason::Necessity {
                    short_runway: s.months_of_savings.filter(|&m| m < SHORT_RUNWAY_MONTHS),
                    other_offers: s.other_offers,
                    held_offers,
                    held_below_floor,
                };
                (Circumstance::Necessity, reason)
            },
        )
    }

    /// Changing profession toward the goal (or, with no goal and no
    /// `necessity`, away from the current one).
    fn change_of_profession(
        &self,
        opt: &Opt,
        movement: &Move,
        necessity: bool,
    ) -> Option<(Circumstance, Reason)> {
        if !movement.changes.contains(&Change::Profession) {
            return None;
        }
        let (model, cur, to) = (self.model, &self.profile.current.position, &opt.position);
        let goal = self.profile.goal.as_ref();
        // Toward the goal means into its occupation or closer to it by the
        // transition model; a profession that merely shares the goal's SOC
        // broad group is not closer (a graphic designer's work transfers
        // to art direction better than an animator's). A goal in the
        // person's own function (its management: a machinist aiming to
        // supervise machinists) is reached up their own track; another
        // profession is no way toward it.
        let toward = match goal {
            // With no goal, a change of profession is its own reason — but
            // not one taken out of necessity, which is the reason then: a
            // laid-off truck driver taking a forklift job has not chosen a
            // new profession.
            None => !necessity,
            Some(g) => {
                g.occupation == to.occupation
                    || (!self
                        .catalog
                        .occupation(cur.occupation)
                        .same_function(self.catalog.occupation(g.occupation))
                        && model.score(to.occupation, g.occupation)
                            > model.score(cur.occupation, g.occupation) + 0.02)
            }
        };
        toward.then(|| {
            let reason = Reason::ChangeProfession {
                from: cur.occupation,
                to: to.occupation,
                toward: match goal {
                    Some(g) if g.occupation == to.occupation => Toward::GoalItself,
                    Some(g) => Toward::Closer {
                        goal: g.occupation,
                        from_option: model.score(to.occupation, g.occupation),
                        from_current: model.score(cur.occupation, g.occupation),
                    },
                    None => Toward::NoGoal,
                },
            };
            (Circumstance::ChangeProfession, reason)
        })
    }

    /// A goal gap as a reason names it.
    fn goal_gap(&self, &(i, have, need): &(usize, f32, f32)) -> GoalGap {
        GoalGap {
            element: self.model.elements().ids[i],
            have,
            need,
        }
    }

    /// Broadening horizons: another department or function that adds what
    /// the goal needs (`built`: the goal gaps the option's work builds). A
    /// new function counts only when it is not the goal's own: moving into
    /// the goal's function is changing profession, not broadening.
    fn broadening(
        &self,
        opt: &Opt,
        movement: &Move,
        built: &[(usize, f32, f32)],
    ) -> Option<(Circumstance, Reason)> {
        let goal = self.profile.goal.as_ref()?;
        let catalog = self.catalog;
        let outside_goal_function = !catalog
            .occupation(opt.position.occupation)
            .same_function(catalog.occupation(goal.occupation));
        let department = movement.changes.contains(&Change::Department);
        let other_place =
            department || (movement.changes.contains(&Change::Profession) && outside_goal_function);
        (other_place && !built.is_empty()).then(|| {
            let reason = Reason::BroadenHorizons {
                department,
                builds: built.iter().take(3).map(|g| self.goal_gap(g)).collect(),
            };
            (Circumstance::BroadenHorizons, reason)
        })
    }

    /// Another route up: no route without a step down reaches the goal,
    /// and this option — a step down, "back down a bit" — leads on to it
    /// by a real path (`onward_real`; the seed: "a defined path on which
    /// you can continue your ascent"), not a long shot. A person already
    /// at their goal has no route up to find; an option that is the goal
    /// itself is no route up to it (a senior designer's art director post
    /// read at a grade below hers reaches her goal, it does not lead on to
    /// it); and work of their own field that asks less preparation (an
    /// electrician's helper's, for a lead electrician) is the same climb
    /// from lower down, not another route.
    fn another_route_up(
        &self,
        opt: &Opt,
        movement: &Move,
        onward_real: bool,
    ) -> Option<(Circumstance, Reason)> {
        let (profile, to) = (self.profile, &opt.position);
        let cur = &profile.current.position;
        (profile.goal.as_ref().is_some_and(|g| !g.reached_by(to))
            && !profile.at_goal()
            && !self.climb_exists
            && onward_real
            && movement.kind == MoveKind::StepDown
            && !(self.catalog).lower_work_of_own_field(to.occupation, cur.occupation))
        .then(|| {
            let reason = Reason::AnotherRouteUp {
                promotion_blocked: profile.situation.promotion_blocked,
            };
            (Circumstance::AnotherRouteUp, reason)
        })
    }

    /// Technical experience: the goal requires technical skills or
    /// knowledge the person lacks, and the option's own hands-on work
    /// (individual track) builds them to the level needed (`built`: the
    /// goal gaps the option's work builds); the goal's in-demand
    /// technologies the option uses are named as further evidence.
    fn technical_experience(
        &self,
        opt: &Opt,
        built: &[(usize, f32, f32)],
    ) -> Option<(Circumstance, Reason)> {
        let (catalog, model) = (self.catalog, self.model);
        let to = &opt.position;
        let opt_profile = model.profile(to.occupation);
        let technical: Vec<&(usize, f32, f32)> = built
            .iter()
            .filter(|(i, _, need)| {
                is_technical(&catalog.element(model.elements().ids[*i]).onet_id)
                    && opt_profile.level[*i] >= need - TO_LEVEL_TOLERANCE
            })
            .collect();
        let tech_used: Vec<TechnologyId> = (self.goal_missing_tech.iter())
            .copied()
            .filter(|t| {
                opt_profile.techs.contains(t.0 as usize)
                    && is_technical_technology(&catalog.technology(*t).commodity)
            })
            .collect();
        let hands_on = to.track == Track::Individual;
        (hands_on && (!technical.is_empty() || tech_used.len() >= TECHNICAL_TECHNOLOGIES)).then(
            || {
                let reason = Reason::TechnicalExperience {
                    builds: technical.iter().take(3).map(|g| self.goal_gap(g)).collect(),
                    technologies: tech_used.iter().take(4).copied().collect(),
                };
                (Circumstance::TechnicalExperience, reason)
            },
        )
    }

    /// Management experience: a management goal, no experience managing,
    /// a management-track option that manages people — supervisor grade
    /// or above: an intermediate post in a management occupation (a
    /// planner in emergency management) has no reports.
    fn management_experience(&self, opt: &Opt) -> Option<(Circumstance, Reason)> {
        let g = self.profile.goal.as_ref()?;
        let to = &opt.position;
        let goal_management =
            g.level.is_management() || self.catalog.occupation(g.occupation).is_management();
        let manages = to.track == Track::Management
            && to.level.grade() >= crate::level::Level::Supervisor.grade();
        (goal_management && !self.has_managed && manages).then(|| {
            let reason = Reason::ManagementExperience {
                goal_level: g.level,
                level: to.level,
            };
            (Circumstance::ManagementExperience, reason)
        })
    }

    /// Whether `p` pays at least the person's floor (`situation.min_salary`),
    /// or its pay or the floor is unknown.
    fn meets_floor(&self, p: &Position) -> bool {
        let floor = self.profile.situation.min_salary;
        floor.is_none_or(|floor| self.salary(p).is_none_or(|pay| pay >= floor))
    }

    fn salary(&self, p: &Position) -> Option<u32> {
        let cur = &self.profile.current.position;
        let o = self.catalog.occupation(p.occupation);
        p.salary.or_else(|| match cur.salary {
            // In the person's own occupation, pay scales from theirs.
            Some(own) if p.occupation == cur.occupation => {
                position::scaled_salary(o, cur.level, own, p.level)
            }
            _ => estimated_salary(o, p.level),
        })
    }

    fn living(
        &self,
        to: &Position,
        movement: &Move,
        (landing, onward): (f32, Option<&Route>),
        reasons: &mut Vec<Reason>,
    ) -> Living {
        let cur = &self.profile.current.position;
        // A person out of work has no pay to stay at: the comparison is
        // with nothing, not with the last job's salary.
        let out_of_work = self.profile.situation.employed == Some(false);
        let now = if out_of_work {
            Some(0)
        } else {
            self.salary(cur)
        };
        let pay = self.salary(to);
        let horizon = self.profile.goal.as_ref().map_or(5.0, |g| g.horizon_years);
        let given_up =
            |now: u32, earned: f64| (f64::from(now) * f64::from(horizon) - earned).round() as i64;
        let stalled = |now: u32, pay: u32| given_up(now, f64::from(pay) * f64::from(horizon));
        let cost = match (now, pay, onward) {
            (Some(now), Some(_), Some(r)) => Some(given_up(now, r.earnings_over_horizon as f64)),
            (Some(now), Some(pay), None) => Some(stalled(now, pay)),
            _ => None,
        };
        let cost_if_stalled = match (now, pay, onward) {
            (Some(now), Some(pay), Some(_)) => Some(stalled(now, pay)),
            _ => None,
        };
        if let (Some(now), Some(pay)) = (now, pay) {
            let short_runway = (!out_of_work && pay < now)
                .then_some(self.profile.situation.months_of_savings)
                .flatten()
                .filter(|&m| m < SHORT_RUNWAY_MONTHS);
            reasons.push(Reason::Pay {
                now,
                pay,
                cost,
                horizon,
                onward_probability: onward.map(|r| landing * r.probability),
                cost_if_stalled,
                short_runway,
            });
        }
        let leaves_department = movement.changes.contains(&Change::Department);
        let mut first_weeks = Vec::new();
        // The seed's thanks and "never slumming it" are for a post that
        // costs the person standing and pay; a grade "down" into better-paid
        // work (a senior medical assistant's first nursing post, +144%) is
        // no such sacrifice, and saying so would ring false.
        let pays_more = matches!((now, pay), (Some(now), Some(pay)) if now > 0 && pay > now);
        if movement.kind == MoveKind::StepDown && !pays_more {
            first_weeks.push(FirstWeek::Thank {
                newcomer_post: to.level.grade() <= 2,
            });
            first_weeks.push(FirstWeek::NeverSlumming);
        }
        // The seed's "moved out of your familiar department" is a cost of a
        // step down or aside; a promotion carries its own standing, and a
        // person out of work has no department and team to leave.
        let out_of_work = self.profile.situation.employed == Some(false);
        if leaves_department && movement.kind != MoveKind::StepUp && !out_of_work {
            first_weeks.push(FirstWeek::LeavingDepartment);
        }
        first_weeks.push(FirstWeek::DevelopmentPlan {
            toward: self.profile.goal.as_ref().map(|g| (g.occupation, g.level)),
        });
        first_weeks.push(FirstWeek::ObjectivesAndTenure);
        Living {
            salary: pay,
            pay_ratio: movement.pay_ratio,
            cost_over_horizon: cost,
            cost_if_stalled,
            level_change: (cur.level, to.level),
            leaves_department,
            first_weeks,
        }
    }
}

/// Technologies whose use is technical work: building, running or
/// analysing systems (by their UNSPSC commodity class), not the office,
/// sales or records software every occupation uses.
fn is_technical_technology(commodity: &str) -> bool {
    const TECHNICAL: [&str; 16] = [
        "development",
        "Operating system",
        "Data base management system",
        "Computer aided design",
        "Computer aided manufacturing",
        "Industrial control",
        "Program testing",
        "Application server",
        "Network",
        "Configuration management",
        "Transaction security",
        "Analytical or scientific",
        "Enterprise application integration",
        "Cloud-based",
        "Data mining",
        "File versioning",
    ];
    TECHNICAL.iter().any(|t| commodity.contains(t))
}

/// A profession's hands-on expertise: technical skills (2.B.3, but
/// Operations Analysis, which is analysing needs rather than hands-on
/// work), systems analysis and evaluation (2.B.4.g–h), production
/// knowledge (2.C.2), engineering and technology (2.C.3), mathematics and
/// the physical and life sciences (2.C.4.a–d), and health services —
/// medicine, therapy (2.C.5): a clinician's technical toolbox.
fn is_technical(onet_id: &str) -> bool {
    (onet_id.starts_with("2.B.3.") && onet_id != "2.B.3.a")
        || onet_id == "2.B.4.g"
        || onet_id == "2.B.4.h"
        || onet_id.starts_with("2.C.2.")
        || onet_id.starts_with("2.C.3.")
        || ["2.C.4.a", "2.C.4.b", "2.C.4.c", "2.C.4.d"].contains(&onet_id)
        || onet_id.starts_with("2.C.5.")
}

/// The person's own limits that can block routes: a closed way up (only
/// from where they stand: `here`), a pay floor, a deepest step down,
/// excluded occupations.
fn own_limits(s: &crate::profile::Situation, here: bool) -> Vec<Limit> {
    let mut limits = Vec::new();
    if here && s.promotion_blocked {
        limits.push(Limit::PromotionBlocked);
    }
    if let Some(floor) = s.min_salary {
        limits.push(Limit::MinSalary(floor));
    }
    if let Some(max) = s.max_step_down {
        limits.push(Limit::MaxStepDown(max));
    }
    if !s.exclude_occupations.is_empty() {
        limits.push(Limit::ExcludedOccupations(s.exclude_occupations.len()));
    }
    limits
}

/// The person's own limits that stand between them and their goal, when
/// `own` — a request from where they stand — finds no route, even within
/// three horizons (the caller knows: it asked): those limits, and the route
/// they rule out (the best within the horizon, else the nearest), with the
/// request's other terms (its move limit) kept. `None` without limits, or
/// when nothing reaches the goal without them either. `route` says it
/// beside "no route", as the advisor does when it has nothing to propose,
/// so the two answer alike.
pub fn limits_in_the_way(
    catalog: &Catalog,
    model: &TransitionModel,
    situation: &crate::profile::Situation,
    own: &Request<'_>,
) -> Option<(Vec<Limit>, Route)> {
    let limits = own_limits(situation, true);
    if limits.is_empty() {
        return None;
    }
    let relaxed = relaxed(own);
    let route = plan::best_route(catalog, model, &relaxed)
        .or_else(|| plan::nearest_route(catalog, model, &relaxed))?;
    Some((limits, route))
}

/// `own` without the person's own limits (pay floor, deepest step down,
/// exclusions, a closed way up): what tells their limits from the data
/// when no route reaches the goal.
fn relaxed<'a>(own: &Request<'a>) -> Request<'a> {
    Request {
        promotion_blocked: false,
        // Without a closed way up, a route comes back home only to work
        // the person lost (at any grade).
        returns_home: own.lost_home,
        min_salary: None,
        max_step_down: own.max_step_down.max(DEFAULT_MAX_STEP_DOWN),
        max_step_down_offered: None,
        exclude: &[],
        ..own.clone()
    }
}

fn request<'a>(
    profile: &'a Profile,
    (start, years_in_role): (&'a Position, f32),
    levels: &'a [f32],
    to_goal: Option<&'a [f32]>,
) -> Request<'a> {
    Request {
        to_goal,
        ..Request::for_profile(profile, start, years_in_role, levels)
    }
}
