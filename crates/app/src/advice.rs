//! The step-down advisor: each option of a profile judged against the
//! seeds' reasons for a step down, with a verdict, a better shape of move
//! where there is one, the onward route, and what living with it means.

use serde::Serialize;
use switchback_core::advisor::{self, Advice, OptionAdvice};
use switchback_core::profile::RoleRead;
use switchback_core::route::plan::Stop;

use crate::moves::MoveView;
use crate::routes::{RouteView, route_view};
use crate::view::{position_view, stop_view};
use crate::{AppError, Engine, PositionView, Profile, StopView, round};

/// The goal.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalView {
    /// The goal's occupation and level.
    #[serde(flatten)]
    pub stop: StopView,
    /// Years within which to reach the goal.
    pub horizon_years: f32,
    /// How the goal's role was read, when it is not the occupation's own
    /// title or code.
    pub role_read: Option<RoleReadView>,
}

/// How a role typed in the profile was read, when it is not the
/// occupation's own title or code.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RoleReadView {
    /// The text as typed.
    pub text: String,
    /// The O*NET title it matched best.
    pub matched: String,
    /// `title`, `alternate_title` or `reported_title`.
    pub source: &'static str,
    /// In words: "read from "Police Sergeant", an O*NET alternate title".
    pub words: String,
}

impl RoleReadView {
    pub(crate) fn of(r: &RoleRead) -> RoleReadView {
        RoleReadView {
            text: r.text.clone(),
            matched: r.matched.clone(),
            source: crate::words::title_source_name(r.source),
            words: crate::words::role_read(r),
        }
    }
}

/// One judgement.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReasonView {
    /// The code.
    pub code: &'static str,
    /// The judgement in words.
    pub text: String,
}

/// What living with the decision means.
#[derive(Serialize, utoipa::ToSchema)]
pub struct LivingView {
    /// The salary.
    pub salary: Option<u32>,
    /// New pay over current pay.
    pub pay_ratio: Option<f32>,
    /// Pay given up (positive) or gained over the horizon, against what the
    /// person has now; with an onward route, if every move of it is landed.
    pub cost_over_horizon: Option<i64>,
    /// With an onward route, pay given up (positive) or gained over the
    /// horizon if the person stays in the option instead (absent without one).
    pub cost_if_stalled: Option<i64>,
    /// The level left.
    pub level_from: &'static str,
    /// The level taken.
    pub level_to: &'static str,
    /// The move leaves the person's department.
    pub leaves_department: bool,
    /// What to do and say in the first weeks.
    pub first_weeks: Vec<String>,
}

/// One option judged.
#[derive(Serialize, utoipa::ToSchema)]
pub struct OptionView {
    /// The id.
    pub id: String,
    /// How the option's role was read, when it is not the occupation's own
    /// title or code.
    pub role_read: Option<RoleReadView>,
    /// Proposed by the advisor (the profile listed no options).
    pub proposed: bool,
    /// The person holds an offer for it: `landing` is 1.
    pub offered: bool,
    /// The position.
    pub position: PositionView,
    /// The kind of move.
    #[serde(rename = "move")]
    pub movement: MoveView,
    /// The seeds' reasons for a step down it serves.
    pub circumstances: Vec<&'static str>,
    /// `strategic`, `acceptable` or `not_recommended`.
    pub verdict: &'static str,
    /// A better shape of move (`lateral`, `higher_level`, `stay`).
    pub instead: Option<&'static str>,
    /// The chance of getting the role (0–1): transfer, level jump,
    /// experience and openings.
    pub landing: f32,
    /// The chance of doing well in the role (0–1): the person's own skill
    /// coverage, the stretch and the preparation gap.
    pub success: f32,
    /// Feasibility (0–1).
    pub feasibility: f32,
    /// The best route onward to the goal.
    pub onward_route: Option<RouteView>,
    /// Every judgement, in words, with a stable code.
    pub reasons: Vec<ReasonView>,
    /// What living with the decision means.
    pub living: LivingView,
}

/// The advice on a profile.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AdviceView {
    /// Where the person stands.
    pub current: PositionView,
    /// How the current role was read, when it is not the occupation's own
    /// title or code.
    pub current_role_read: Option<RoleReadView>,
    /// Set when O*NET has not rated the person's occupation (military
    /// occupations, many of the newest): where its skill ratings come
    /// from, and how to be judged on one's own.
    pub current_ratings_note: Option<String>,
    /// The goal, if any.
    pub goal: Option<GoalView>,
    /// The options, best first.
    pub options: Vec<OptionView>,
    /// Why there are none, when the profile listed no options and the
    /// advisor found no first move to propose toward the goal
    /// (`proposals.study_first`, `proposals.no_route`).
    pub no_proposals: Option<ReasonView>,
}

/// Judges every option of a profile (or proposes options toward its goal
/// when it lists none).
pub fn advise(engine: &Engine, profile: &Profile) -> Result<AdviceView, AppError> {
    let advice = judge(engine, profile)?;
    Ok(AdviceView {
        current: position_view(engine, &profile.current.position),
        current_role_read: profile.current.role_read.as_ref().map(RoleReadView::of),
        current_ratings_note: crate::words::own_ratings_note(
            engine.catalog(),
            profile.current.position.occupation,
            &engine
                .model()
                .profile(profile.current.position.occupation)
                .ratings,
            !profile.skills.is_empty(),
        ),
        goal: profile.goal.as_ref().map(|g| GoalView {
            stop: stop_view(
                engine,
                Stop {
                    occupation: g.occupation,
                    level: g.level,
                },
            ),
            horizon_years: g.horizon_years,
            role_read: g.role_read.as_ref().map(RoleReadView::of),
        }),
        options: advice
            .options
            .iter()
            .map(|o| {
                let read = profile
                    .options
                    .iter()
                    .find(|opt| opt.id == o.id && !o.proposed)
                    .and_then(|opt| opt.role_read.as_ref());
                option_view(engine, o, read)
            })
            .collect(),
        no_proposals: advice
            .no_proposals
            .as_ref()
            .zip(profile.goal.as_ref())
            .map(|(why, goal)| ReasonView {
                code: why.code(),
                text: crate::words::no_proposals(engine.catalog(), goal.occupation, why),
            }),
    })
}

/// The advisor's judgement, as the core gives it.
pub(crate) fn judge(engine: &Engine, profile: &Profile) -> Result<Advice, AppError> {
    Ok(advisor::advise(engine.catalog(), engine.model(), profile)?)
}

fn option_view(engine: &Engine, o: &OptionAdvice, read: Option<&RoleRead>) -> OptionView {
    let r2 = |x: f32| (x * 100.0).round() / 100.0;
    OptionView {
        id: o.id.clone(),
        role_read: read.map(RoleReadView::of),
        proposed: o.proposed,
        offered: o.offered,
        position: position_view(engine, &o.position),
        movement: MoveView::of(&o.movement),
        circumstances: o.circumstances.iter().map(|c| c.name()).collect(),
        verdict: o.verdict.name(),
        instead: o.instead.map(|i| i.name()),
        // Three decimals: a long shot of 0.004 is not "0.0".
        landing: round(o.landing, 3),
        success: round(o.success, 3),
        feasibility: r2(o.movement.feasibility),
        onward_route: o.onward.as_ref().map(|r| route_view(engine, r)),
        reasons: o
            .reasons
            .iter()
            .map(|r| ReasonView {
                code: r.code(),
                text: crate::words::reason(engine.catalog(), r),
            })
            .collect(),
        living: LivingView {
            salary: o.living.salary,
            pay_ratio: o.living.pay_ratio.map(|p| (p * 1000.0).round() / 1000.0),
            cost_over_horizon: o.living.cost_over_horizon,
            cost_if_stalled: o.living.cost_if_stalled,
            level_from: o.living.level_change.0.name(),
            level_to: o.living.level_change.1.name(),
            leaves_department: o.living.leaves_department,
            first_weeks: o
                .living
                .first_weeks
                .iter()
                .map(|w| crate::words::first_week(engine.catalog(), *w))
                .collect(),
        },
    }
}
