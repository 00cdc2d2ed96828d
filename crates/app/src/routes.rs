//! Routes from a profile's current position to its goal, switchbacks
//! included, each switchback compared in words with staying and climbing.

use serde::Serialize;
/// The chance under which a route is a long shot: [`shown`] leaves such
/// routes out while any other exists.
pub use switchback_core::advisor::LONG_SHOT_BELOW;
use switchback_core::advisor::{limits_in_the_way, person_levels};
use switchback_core::catalog::{EDUCATION_LEVELS, OccupationId};
use switchback_core::level::Level;
use switchback_core::route::compare::{self, Comparison, Point};
use switchback_core::route::plan::{self, MAX_MOVES, Request, Route, Step, Stop};
use switchback_core::text::{capitalise, dollars, probability};

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
    /// The pay decided `kind`, not the grades (as in `MoveView`).
    pub kind_by_pay: bool,
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
    /// The best route in the person's own function without a step down,
    /// if one reaches the goal.
    pub direct: Option<RouteView>,
    /// What `direct` is called in words: "staying and climbing", or, for a
    /// person out of work, "going back to your own work and climbing".
    pub direct_name: &'static str,
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
/// answer lists them): of those no other route [`outpaces`], the
/// [`SHOWN_ROUTES`] likeliest, and of those no long shot (a chance under
/// the advisor's [`LONG_SHOT_BELOW`]) while any route is not one. A Pareto
/// set can hold many fast long shots; showing the fastest six hid a cook's
/// likeliest routes (0.22) behind six of 0.03 to 0.08, and showing the
/// likeliest six still put a nurse's 0.06 dash through a clinical research
/// manager's post beside her 0.47 climb. It also holds routes kept only
/// for their pay on the way: a laid-off head chef was shown a year as a
/// facilities manager before food service management (1 year, 0.17)
/// beside walking into it now (0.52). One choice for every edge, so the
/// text and the chart show the same routes; the answer lists them all.
pub fn shown(routes: &[RouteView]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..routes.len())
        .filter(|&i| !outpaces_any(routes, i))
        .collect();
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

/// Whether route `a` outpaces route `b`: it reaches the goal at least as
/// soon and is at least as likely, better on one of the two, and `b` does
/// not spare a pay cut worth its odds — pay at least [`SPARED_CUT`] more at
/// its lowest while at least half as likely. What else keeps such a route
/// Pareto-optimal is pay on the way above the goal's or fewer moves — a
/// detour through better-paid work — and it is left to the full answer.
/// A blocked accountant's way through a treasurer's post that never pays
/// below her $118,000 (0.21) stays beside the likelier way through a
/// financial manager's at $112,000 (0.32).
pub fn outpaces(a: &RouteView, b: &RouteView) -> bool {
    // The figures as shown: two routes a person reads as equal are.
    let (ya, yb) = (round(a.years_to_goal, 1), round(b.years_to_goal, 1));
    let (pa, pb) = (round(a.probability, 2), round(b.probability, 2));
    let spares_a_cut =
        b.min_salary as f32 > a.min_salary as f32 * (1.0 + SPARED_CUT) && pb * 2.0 >= pa;
    ya <= yb && pa >= pb && (ya < yb || pa > pb) && !spares_a_cut
}

/// How much more a slower, less likely route must pay at its lowest to be
/// shown beside a faster, likelier one ([`outpaces`]).
pub const SPARED_CUT: f32 = 0.05;

/// Whether some route of `routes` [`outpaces`] route `i`.
pub fn outpaces_any(routes: &[RouteView], i: usize) -> bool {
    routes.iter().any(|r| outpaces(r, &routes[i]))
}

/// Why a profile's goal is where the person stands, and, for a first-line
/// supervisor aiming within their own occupation (a sous chef at "Executive
/// Chef"), where the grade above is: O*NET keeps every post of first-line
/// supervision at one grade, and the next is management. The facts here,
/// the words in [`crate::words::at_goal`].
fn at_goal_message(engine: &Engine, profile: &Profile) -> String {
    let (catalog, model) = (engine.catalog(), engine.model());
    let start = &profile.current.position;
    let own_goal = profile
        .goal
        .as_ref()
        .is_some_and(|g| g.occupation == start.occupation);
    let here = catalog.occupation(start.occupation);
    let next = if own_goal && here.is_first_line_supervision() {
        switchback_core::chances::own_manager(catalog, model, start.occupation)
            .map_or(AboveGoal::Unknown, AboveGoal::Management)
    } else if own_goal {
        // A title such as "General Counsel" names no grade the catalog
        // reads: the person says which they mean, among the grades above
        // theirs on their track.
        AboveGoal::Grades(
            ((start.level.grade() + 1)..=10)
                .filter_map(|g| Level::from_grade(g, start.level.is_management()))
                .filter(|l| l.is_management() == start.level.is_management())
                .collect(),
        )
    } else {
        AboveGoal::Unknown
    };
    crate::words::at_goal(
        catalog,
        AtGoal {
            here: start.occupation,
            level: start.level,
            goal_level: profile.goal.as_ref().map_or(start.level, |g| g.level),
            next,
        },
    )
}

/// A goal at or below where the person stands ([`at_goal_message`]).
pub(crate) struct AtGoal {
    /// The person's occupation.
    pub here: OccupationId,
    /// Their level.
    pub level: Level,
    /// The goal's level.
    pub goal_level: Level,
    /// What is above them in their own occupation.
    pub next: AboveGoal,
}

/// The way up from a goal in one's own occupation.
pub(crate) enum AboveGoal {
    /// First-line supervision is one grade: the next is this management
    /// occupation.
    Management(OccupationId),
    /// The grades above theirs on their track, one of which the goal may
    /// have meant.
    Grades(Vec<Level>),
    /// Nothing to say.
    Unknown,
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
    let route_views: Vec<RouteView> = answer.routes.iter().map(view_of).collect();
    let goal_title = &catalog.occupation(goal.occupation).title;
    // One comparison per first step down among the routes shown, the
    // fastest route through it (routes come fastest first): the same step
    // said twice adds nothing, and a route not shown is not compared.
    let direct_name = direct_name(req.out_of_work);
    let mut compared = Vec::new();
    let comparisons = (shown(&route_views).into_iter())
        .map(|i| &answer.routes[i])
        .filter(|r| r.switchback)
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
                direct_name,
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
        routes: route_views,
        direct: answer.direct.as_ref().map(view_of),
        direct_name,
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
                kind_by_pay: s.kind_by_pay,
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

/// What the climb in one's own function is called: a person out of work
/// is not staying anywhere.
fn direct_name(out_of_work: bool) -> &'static str {
    if out_of_work {
        "going back to your own work and climbing"
    } else {
        "staying and climbing"
    }
}

/// A comparison in words: "Stepping down to X (level) beats staying and
/// climbing on every count: it reaches … sooner and …".
fn comparison_text(engine: &Engine, direct: &str, c: &Comparison, goal: &str) -> String {
    let horizon = c.horizon_years;
    // A chance as the routes list it (to three decimals, then printed):
    // 0.39499 is the 0.395 a route's header prints as 0.40, not 0.39.
    let as_listed = |p: f32| probability(round(p, 3));
    let via = c.via.map_or(String::new(), |s| {
        format!(
            "stepping down to {} ({})",
            engine.catalog().occupation(s.occupation).title,
            s.level
        )
    });
    let Some(points) = &c.points else {
        return capitalise(&format!(
            "{direct} does not reach {goal} within {horizon} years; {via} does, in {:.1} years with probability {}.",
            c.years,
            as_listed(c.probability)
        ));
    };
    let words = |p: &Point| match *p {
        Point::Sooner(y) => format!("reaches {goal} {y:.1} years sooner"),
        Point::Later(y) => format!("reaches {goal} {y:.1} years later"),
        Point::MoreLikely(s, d) | Point::LessLikely(s, d) => format!(
            "is {} likely to work out ({} vs {})",
            if s > d { "more" } else { "less" },
            as_listed(s),
            as_listed(d)
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
        (false, true) => format!("beats {direct} on every count"),
        (true, false) => format!("loses to {direct} on every count"),
        (false, false) => format!("is a trade-off against {direct}"),
        (true, true) => format!("is as good as {direct}"),
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
        // Slower and no likelier routes (2, 5, 8) give way; when every
        // route is a long shot the likeliest are shown, and a short set
        // whole.
        let long_shots: Vec<RouteView> = (0..8)
            .map(|i| route(1.0 + i as f32, 0.09 - 0.01 * i as f32))
            .collect();
        assert_eq!(shown(&long_shots), [0]);
        let fast_long_shots: Vec<RouteView> = (0..8)
            .map(|i| route(1.0 + i as f32, 0.02 + 0.01 * i as f32))
            .collect();
        assert_eq!(shown(&fast_long_shots), [2, 3, 4, 5, 6, 7]);
        assert_eq!(shown(&routes[..2]), [0, 1]);
        assert!(shown(&[]).is_empty());
    }

    #[test]
    fn a_route_slower_and_no_likelier_than_another_is_not_shown() {
        // A laid-off head chef: food service manager now (0.52), or after
        // three years as its supervisor (0.82); a year as a facilities
        // manager first (0.17) earns more on the way, and is Pareto-optimal
        // for it, but a person reads it as slower and less likely.
        let routes = [route(0.0, 0.52), route(1.0, 0.17), route(3.0, 0.82)];
        assert_eq!(shown(&routes), [0, 2]);
        assert!(outpaces(&routes[0], &routes[1]));
        assert!(!outpaces(&routes[0], &routes[2]) && !outpaces(&routes[2], &routes[0]));
        // A slower, less likely route that spares a pay cut is shown while
        // it is at least half as likely.
        let cut = |years, probability, min_salary| RouteView {
            min_salary,
            ..route(years, probability)
        };
        let routes = [cut(6.0, 0.32, 112_000), cut(6.0, 0.21, 118_000)];
        assert_eq!(shown(&routes), [0, 1]);
        let routes = [cut(3.0, 0.82, 56_870), cut(4.0, 0.17, 62_840)];
        assert_eq!(shown(&routes), [0]);
        let routes = [cut(6.0, 0.32, 112_000), cut(6.0, 0.21, 115_000)];
        assert_eq!(shown(&routes), [0]);
        // Equal as printed (3.0 years, 0.17) is no better: both are shown.
        let tied = [route(3.0, 0.171), route(3.04, 0.168)];
        assert_eq!(shown(&tied), [0, 1]);
    }
}
