//! Routes from a profile's current position to its goal, switchbacks
//! included, each switchback compared in words with staying and climbing.

use serde::Serialize;
/// The chance under which a route is a long shot: [`shown`] leaves such
/// routes out while any other exists.
pub use switchback_core::advisor::LONG_SHOT_BELOW;
use switchback_core::advisor::{limits_in_the_way, person_levels};
use switchback_core::catalog::EDUCATION_LEVELS;
use switchback_core::level::Level;
use switchback_core::route::compare::{self, Comparison, Point};
use switchback_core::route::plan::{self, MAX_MOVES, Request, Route, Step, Stop};
use switchback_core::text::{dollars, probability};

use crate::view::stop_view;
use crate::{AppError, Engine, Profile, StopView, round};

/// One move of a route.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RouteMoveView {
    /// Where from.
    pub from: StopView,
    /// Where to.
    pub to: StopView,
    /// `step_up`, `lateral` or `step_down`.
    pub kind: &'static str,
    /// Years in `from` before the move.
    pub years: f32,
    /// How far the work transfers (the transition model's score, 0–1).
    pub feasibility: f32,
    /// The chance of getting `to` (0–1): the move's probability.
    pub landing: f32,
    /// How the move is made: `applied`, `offer` (an offer the person
    /// holds: landed) or `rehired` (out of work, back into the post they
    /// held).
    pub entry: &'static str,
    /// The chance of doing well in `to` (0–1).
    pub success: f32,
    /// Salary at `to`.
    pub salary: u32,
    /// How pay changes with the move, as a fraction of the pay at `from`
    /// (-0.25: a quarter less); absent where the person, out of work,
    /// earns nothing. A move is named by grade: a step up may pay less.
    pub pay_change: Option<f32>,
    /// Years of study the move needs first, alongside the work in `from`
    /// (0: none): `to` asks more education than the route has gathered.
    pub study_years: f32,
    /// The education studied for, in words (O*NET's Required Level of
    /// Education that is a gate to `to`:
    /// `switchback_core::transition::profile::Profile::gated_education`).
    pub study_for: Option<String>,
    /// The study is long enough to be full-time, and earns nothing.
    pub study_full_time: bool,
    /// Set when `salary` is OEWS's estimate for a wider group than `to`'s
    /// occupation, which BLS does not publish alone: the group's title
    /// ("Natural Sciences Managers", for clinical research coordinators).
    /// Absent in the person's own occupation, whose pay scales from theirs.
    pub salary_of_group: Option<String>,
    /// The OEWS percentile `salary` is, when it is OEWS's estimate for the
    /// grade (`switchback_core::position::wage_percentile`: 10, 25, 50,
    /// 75 or 90); absent where the pay is stated or, in the person's own
    /// occupation, scaled from theirs.
    pub salary_percentile: Option<u8>,
}

/// A route to the goal.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RouteView {
    /// Its moves.
    pub moves: Vec<RouteMoveView>,
    /// Years until the goal.
    pub years_to_goal: f32,
    /// Probability of making every move: the product of their landing chances.
    pub probability: f32,
    /// Lowest salary on the way.
    pub min_salary: u32,
    /// Earnings to the horizon.
    pub earnings_over_horizon: u64,
    /// The horizon the earnings count to.
    pub earnings_horizon_years: f32,
    /// The first move is a step down.
    pub switchback: bool,
}

/// The answer to `route`.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RoutesView {
    /// Where the person stands.
    pub start: StopView,
    /// The goal.
    pub goal: StopView,
    /// How the profile's current role was read, when it is not the
    /// occupation's own title or code (as `advise` says it).
    pub start_role_read: Option<crate::advice::RoleReadView>,
    /// How the goal's role was read, likewise.
    pub goal_role_read: Option<crate::advice::RoleReadView>,
    /// Years within which to reach it.
    pub horizon_years: f32,
    /// Pareto-optimal routes, fastest first.
    pub routes: Vec<RouteView>,
    /// The best route without a step down, if one reaches the goal.
    pub direct: Option<RouteView>,
    /// With no route in time: the fastest that reaches the goal at all.
    pub nearest: Option<RouteView>,
    /// Up to three switchbacks compared with staying and climbing, in words.
    pub comparisons: Vec<String>,
    /// What the figures assume.
    pub notes: Vec<String>,
}

/// Routes shown in full (the text's, the web chart's).
pub const SHOWN_ROUTES: usize = 6;

/// Which routes to show in full, by their index (fastest first, as the
/// answer lists them): the [`SHOWN_ROUTES`] likeliest, in that order, and
/// of those no long shot (a chance under the advisor's
/// [`LONG_SHOT_BELOW`]) while any route is not one. A Pareto set can hold
/// many fast long shots; showing the fastest six hid a cook's likeliest
/// routes (0.22) behind six of 0.03 to 0.08, and showing the likeliest six
/// still put a nurse's 0.06 dash through a clinical research manager's
/// post beside her 0.47 climb. One choice for every edge, so the text and
/// the chart show the same routes; the answer lists them all.
pub fn shown(routes: &[RouteView]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..routes.len()).collect();
    order.sort_by(|&a, &b| {
        routes[b]
            .probability
            .total_cmp(&routes[a].probability)
            .then(a.cmp(&b))
    });
    order.truncate(SHOWN_ROUTES);
    if order
        .first()
        .is_some_and(|&i| routes[i].probability >= LONG_SHOT_BELOW)
    {
        order.retain(|&i| routes[i].probability >= LONG_SHOT_BELOW);
    }
    order.sort_unstable();
    order
}

/// Why a profile's goal is where the person stands, and, for a first-line
/// supervisor aiming within their own occupation (a sous chef at "Executive
/// Chef"), where the grade above is: O*NET keeps every post of first-line
/// supervision at one grade, and the next is management.
fn at_goal_message(engine: &Engine, profile: &Profile) -> String {
    let (catalog, model) = (engine.catalog(), engine.model());
    let start = &profile.current.position;
    let goal_level = profile.goal.as_ref().map_or(start.level, |g| g.level);
    let here = catalog.occupation(start.occupation);
    let mut message = format!(
        "you already work as {} at {}, at or above the goal's level ({}): a route needs a goal beyond where you stand",
        here.title,
        start.level.words(),
        goal_level.words()
    );
    let first_line = here.is_first_line_supervision()
        && profile
            .goal
            .as_ref()
            .is_some_and(|g| g.occupation == start.occupation);
    if let Some(manager) = first_line
        .then(|| switchback_core::chances::own_manager(catalog, model, start.occupation))
        .flatten()
    {
        let m = catalog.occupation(manager);
        message.push_str(&format!(
            "; the catalog keeps every post of {} at one grade, supervisor, and the grade above is management: {} ({})",
            here.title, m.title, m.code
        ));
    } else if profile
        .goal
        .as_ref()
        .is_some_and(|g| g.occupation == start.occupation)
    {
        // A title such as "General Counsel" names no grade the catalog
        // reads: the person says which they mean, among the grades above
        // theirs on their track.
        let above: Vec<&str> = ((start.level.grade() + 1)..=10)
            .filter_map(|g| Level::from_grade(g, start.level.is_management()))
            .filter(|l| l.is_management() == start.level.is_management())
            .map(Level::name)
            .collect();
        if !above.is_empty() {
            message.push_str(&format!(
                "; if the post you aim at is above yours, give its grade in goal.level ({})",
                above.join(", ")
            ));
        }
    }
    message
}

/// Plans the routes of a profile with a goal, in at most `max_moves` moves.
pub fn routes(
    engine: &Engine,
    profile: &Profile,
    max_moves: usize,
) -> Result<RoutesView, AppError> {
    let Some(goal) = &profile.goal else {
        return Err(AppError::invalid(
            "goal",
            "the [goal] table is missing: a route needs a goal (its role and horizon_years; level is optional)",
        ));
    };
    if !(1..=MAX_MOVES).contains(&max_moves) {
        return Err(AppError::invalid(
            "max_moves",
            format!("{max_moves} is out of range: from 1 to {MAX_MOVES}"),
        ));
    }
    let start = &profile.current.position;
    let (catalog, model) = (engine.catalog(), engine.model());
    if profile.at_goal() {
        return Err(AppError::invalid("goal", at_goal_message(engine, profile)));
    }
    let levels = person_levels(model, profile);
    let req = Request {
        max_moves,
        ..Request::from_current(profile, &levels)
    };
    let answer = plan::plan(catalog, model, &req);
    let view_of = |r: &Route| route_view(engine, r);
    let goal_title = &catalog.occupation(goal.occupation).title;
    // One comparison per first step down, the fastest route through it
    // (routes come fastest first): the same step said twice adds nothing.
    let mut compared = Vec::new();
    let comparisons = (answer.routes.iter().filter(|r| r.switchback))
        .filter(|r| {
            let via = r.steps.first().map(|m| m.to);
            let fresh = !compared.contains(&via);
            compared.push(via);
            fresh
        })
        .take(3)
        .map(|r| {
            comparison_text(
                engine,
                &compare::compare(r, answer.direct.as_ref(), goal.horizon_years),
                goal_title,
            )
        })
        .collect();
    let mut notes = Vec::new();
    if answer.goal_salary_assumed {
        notes.push(format!(
            "BLS publishes no annual wage for {goal_title}; earnings assume your current salary once there"
        ));
    }
    if answer.routes.is_empty() && answer.nearest.is_none() {
        // Nothing even within three horizons: say so when it is the
        // person's own limits that stand in the way, as `advise` does.
        if let Some((limits, r)) = limits_in_the_way(catalog, model, &profile.situation, &req) {
            notes.push(crate::words::limits_in_the_way(
                catalog,
                goal.occupation,
                &limits,
                &r,
            ));
        }
    }
    if profile.situation.promotion_blocked {
        notes.push(
            "You said the way up where you stand is closed (`situation.promotion_blocked`): no route steps up out of your current post, nor down its own ladder to climb it again — except into a post you hold an offer for".to_owned(),
        );
    }
    let studies = answer
        .routes
        .iter()
        .chain(&answer.direct)
        .chain(&answer.nearest)
        .any(|r| r.steps.iter().any(|s| s.study_years > 0.0));
    let typical = plan::person_education(catalog, model, start.occupation)
        .filter(|_| studies && profile.current.education.is_none());
    if let Some(c) = typical {
        notes.push(format!(
            "Study is counted from {}, typical of {}; `current.education` says yours",
            crate::words::education_words(c),
            catalog.occupation(start.occupation).title
        ));
    }
    Ok(RoutesView {
        start: stop_view(
            engine,
            Stop {
                occupation: start.occupation,
                level: start.level,
            },
        ),
        goal: stop_view(
            engine,
            Stop {
                occupation: goal.occupation,
                level: goal.level,
            },
        ),
        start_role_read: (profile.current.role_read.as_ref()).map(crate::advice::RoleReadView::of),
        goal_role_read: goal.role_read.as_ref().map(crate::advice::RoleReadView::of),
        horizon_years: goal.horizon_years,
        routes: answer.routes.iter().map(view_of).collect(),
        direct: answer.direct.as_ref().map(view_of),
        nearest: answer.nearest.as_ref().map(view_of),
        comparisons,
        notes,
    })
}

/// A route as responses show it.
pub(crate) fn route_view(engine: &Engine, r: &Route) -> RouteView {
    RouteView {
        moves: r
            .steps
            .iter()
            .map(|s| RouteMoveView {
                from: stop_view(engine, s.from),
                to: stop_view(engine, s.to),
                kind: s.kind.name(),
                years: round(s.years, 2),
                feasibility: round(s.feasibility, 2),
                landing: round(s.landing, 3),
                entry: s.entry.name(),
                success: round(s.success, 3),
                salary: s.salary,
                pay_change: (s.from_salary > 0).then(|| {
                    round(
                        (s.salary as f32 - s.from_salary as f32) / s.from_salary as f32,
                        3,
                    )
                }),
                study_years: round(s.study_years, 2),
                study_for: s
                    .study_for
                    .and_then(|c| EDUCATION_LEVELS.get(usize::from(c).checked_sub(1)?))
                    .map(|w| (*w).to_owned()),
                study_full_time: s.study_full_time,
                salary_of_group: group_wages(engine, s),
                salary_percentile: s
                    .salary_estimated
                    .then(|| {
                        let o = engine.catalog().occupation(s.to.occupation);
                        switchback_core::position::wage_percentile(o, s.to.level)
                    })
                    .flatten(),
            })
            .collect(),
        years_to_goal: round(r.years_to_goal, 2),
        probability: round(r.probability, 3),
        min_salary: r.min_salary,
        earnings_over_horizon: r.earnings_over_horizon,
        earnings_horizon_years: r.earnings_horizon_years,
        switchback: r.switchback,
    }
}

/// The OEWS group whose wages stand in for the pay of `step`'s
/// destination, when they do (see [`RouteMoveView::salary_of_group`]):
/// only where the salary is OEWS's estimate — not a pay scaled from the
/// person's own, nor one an option states.
fn group_wages(engine: &Engine, step: &Step) -> Option<String> {
    let group = engine
        .catalog()
        .occupation(step.to.occupation)
        .wider_wage_group()?;
    step.salary_estimated.then(|| group.to_owned())
}

/// A comparison in words: "Stepping down to X (level) beats staying and
/// climbing on every count: it reaches … sooner and …".
fn comparison_text(engine: &Engine, c: &Comparison, goal: &str) -> String {
    let horizon = c.horizon_years;
    let via = c.via.map_or(String::new(), |s| {
        format!(
            "stepping down to {} ({})",
            engine.catalog().occupation(s.occupation).title,
            s.level
        )
    });
    let Some(points) = &c.points else {
        return capitalise(&format!(
            "Staying and climbing does not reach {goal} within {horizon} years; {via} does, in {:.1} years with probability {}.",
            c.years,
            probability(c.probability)
        ));
    };
    let words = |p: &Point| match *p {
        Point::Sooner(y) => format!("reaches {goal} {y:.1} years sooner"),
        Point::Later(y) => format!("reaches {goal} {y:.1} years later"),
        Point::MoreLikely(s, d) | Point::LessLikely(s, d) => format!(
            "is {} likely to work out ({} vs {})",
            if s > d { "more" } else { "less" },
            probability(s),
            probability(d)
        ),
        Point::PaysLess(s, d) => format!(
            "pays as little as {} on the way (the climb never below {})",
            dollars(s),
            dollars(d)
        ),
        Point::PaysMore(s, d) => format!(
            "never pays below {} (the climb dips to {})",
            dollars(s),
            dollars(d)
        ),
        Point::EarnsMore(e) => format!("earns {} more over {horizon} years", money(e)),
        Point::EarnsLess(e) => format!("earns {} less over {horizon} years", money(e)),
    };
    let better: Vec<String> = points
        .iter()
        .filter(|p| p.favours_switchback())
        .map(words)
        .collect();
    let worse: Vec<String> = points
        .iter()
        .filter(|p| !p.favours_switchback())
        .map(words)
        .collect();
    let verdict = match (better.is_empty(), worse.is_empty()) {
        (false, true) => "beats staying and climbing on every count",
        (true, false) => "loses to staying and climbing on every count",
        (false, false) => "is a trade-off against staying and climbing",
        (true, true) => "is as good as staying and climbing",
    };
    let mut text = format!("{via} {verdict}");
    match (better.is_empty(), worse.is_empty()) {
        (false, false) => {
            text.push_str(&format!(": it {}; but it {}", list(&better), list(&worse)))
        }
        (false, true) => text.push_str(&format!(": it {}", list(&better))),
        (true, false) => text.push_str(&format!(": it {}", list(&worse))),
        (true, true) => {}
    }
    text.push('.');
    capitalise(&text)
}

fn money(e: u64) -> String {
    dollars(u32::try_from(e).unwrap_or(u32::MAX))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(years: f32, probability: f32) -> RouteView {
        RouteView {
            moves: Vec::new(),
            years_to_goal: years,
            probability,
            min_salary: 0,
            earnings_over_horizon: 0,
            earnings_horizon_years: 10.0,
            switchback: false,
        }
    }

    #[test]
    fn the_likeliest_routes_are_shown_in_the_answers_order() {
        // Fastest first, as a Pareto set comes: fast long shots, then the
        // likeliest, slower routes.
        let chances = [0.04, 0.05, 0.03, 0.06, 0.07, 0.04, 0.2, 0.21, 0.02];
        let routes: Vec<RouteView> = (chances.iter().enumerate())
            .map(|(i, &p)| route(1.0 + i as f32, p))
            .collect();
        // Long shots give way while a route is not one.
        assert_eq!(shown(&routes), [6, 7]);
        let chances = [0.12, 0.15, 0.11, 0.16, 0.17, 0.12, 0.2, 0.21, 0.02];
        let routes: Vec<RouteView> = (chances.iter().enumerate())
            .map(|(i, &p)| route(1.0 + i as f32, p))
            .collect();
        assert_eq!(shown(&routes), [0, 1, 3, 4, 6, 7]);
        // The tie at 0.12 went to the faster (0, not 5); when every route
        // is a long shot the likeliest are shown, and a short set whole.
        let long_shots: Vec<RouteView> = (0..8).map(|i| route(1.0 + i as f32, 0.05)).collect();
        assert_eq!(shown(&long_shots), [0, 1, 2, 3, 4, 5]);
        assert_eq!(shown(&routes[..3]), [0, 1, 2]);
        assert!(shown(&[]).is_empty());
    }
}
