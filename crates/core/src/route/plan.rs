//! Route planning on the real catalog: builds the graph of candidate
//! positions the search runs on. docs/ROUTES.md explains the model; the
//! parameters are the constants below.

use crate::catalog::{Catalog, OccupationId};
use crate::level::Level;
use crate::position::{MoveKind, Position, Track, estimated_salary, typical_level};
use crate::profile::Profile;
use crate::route::search::{self, Edge, Graph, Path};
use crate::transition::TransitionModel;

/// Typical years at a grade (index 0 is grade 1) before a promotion from it.
pub const TENURE_YEARS: [f32; 10] = [1.5, 1.5, 2.0, 2.5, 3.0, 3.0, 3.5, 3.5, 4.0, 4.0];
/// The least time in a position before a lateral move or a step down.
pub const MIN_STAY_YEARS: f32 = 1.0;
/// Probability factor of a move by its grade change: +1, +2.
pub const PROMOTION_FACTOR: [f32; 2] = [0.8, 0.5];
/// Probability factor, per grade above supervisor (grade 5), of entering
/// the management track from the individual track: without experience of
/// managing people, people are "often overlooked" for management roles, so
/// entry is easiest as a supervisor.
pub const MANAGEMENT_ENTRY_FACTOR: f32 = 0.5;
/// The most grades one move may climb.
pub const MAX_CLIMB: u8 = 2;
/// Grades considered for an occupation: its typical grade ± this.
pub const LEVEL_BAND: u8 = 2;
/// Occupations considered besides the current and the goal.
pub const CANDIDATES: usize = 12;
/// Candidates are chosen among this many occupations nearest the goal.
pub const POOL: usize = 40;
/// Moves less likely than this are not considered.
pub const MIN_PROBABILITY: f32 = 0.1;
/// Default deepest step down, in grades.
pub const DEFAULT_MAX_STEP_DOWN: u8 = 2;
/// Default and largest number of moves.
pub const MAX_MOVES: usize = 4;

/// What the planner needs to know.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    /// Where the person stands (its salary, if given, is theirs).
    pub start: &'a Position,
    /// Years in the current role.
    pub years_in_role: f32,
    /// Years of work experience in all.
    pub years_experience: f32,
    /// The goal occupation.
    pub goal: OccupationId,
    /// The goal level.
    pub goal_level: Level,
    /// Years within which to reach the goal.
    pub horizon_years: f32,
    /// No position below this annual pay.
    pub min_salary: Option<u32>,
    /// The deepest step down one move may take, in grades.
    pub max_step_down: u8,
    /// At most this many moves (1–4).
    pub max_moves: usize,
    /// Occupations a route must not pass through.
    pub exclude: &'a [OccupationId],
    /// Feasibility of every occupation toward the goal, if already computed
    /// ([`goal_column`]); requests that share a goal can share it.
    pub to_goal: Option<&'a [f32]>,
    /// The person reports no route up from where they stand: no step up
    /// out of the current position (lateral moves and step downs remain).
    pub promotion_blocked: bool,
}

impl<'a> Request<'a> {
    /// The request a profile makes from `start`: its goal (or `start`
    /// itself, without one), its horizon (5 years without a goal), its pay
    /// floor, deepest step down (default [`DEFAULT_MAX_STEP_DOWN`]) and
    /// exclusions, its experience, and up to [`MAX_MOVES`] moves. One
    /// translation for every use: the advisor's onward routes, `route`,
    /// a server's.
    pub fn for_profile(
        profile: &'a Profile,
        start: &'a Position,
        years_in_role: f32,
    ) -> Request<'a> {
        let goal = profile.goal.as_ref();
        Request {
            start,
            years_in_role,
            years_experience: profile.current.years_experience,
            goal: goal.map_or(start.occupation, |g| g.occupation),
            goal_level: goal.map_or(start.level, |g| g.level),
            horizon_years: goal.map_or(5.0, |g| g.horizon_years),
            min_salary: profile.situation.min_salary,
            max_step_down: profile
                .situation
                .max_step_down
                .unwrap_or(DEFAULT_MAX_STEP_DOWN),
            max_moves: MAX_MOVES,
            exclude: &profile.situation.exclude_occupations,
            to_goal: None,
            promotion_blocked: false,
        }
    }
}

/// One position on a route.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stop {
    /// The occupation.
    pub occupation: OccupationId,
    /// The level.
    pub level: Level,
}

/// One move of a route.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    /// From.
    pub from: Stop,
    /// To.
    pub to: Stop,
    /// Step up, lateral or step down.
    pub kind: MoveKind,
    /// Years spent in `from` before the move.
    pub years: f32,
    /// Probability of making the move.
    pub feasibility: f32,
    /// Annual salary in `to`.
    pub salary: u32,
}

/// A route to the goal.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    /// The moves.
    pub steps: Vec<Step>,
    /// Years until the goal is reached.
    pub years_to_goal: f32,
    /// Probability of making every move.
    pub probability: f32,
    /// Lowest salary along the route, today's included.
    pub min_salary: u32,
    /// Earnings from now to the horizon.
    pub earnings_over_horizon: u64,
    /// The horizon the earnings are counted to (the request's, or the
    /// relaxed one for [`Plan::nearest`]).
    pub earnings_horizon_years: f32,
    /// The first move is a step down.
    pub switchback: bool,
}

/// The answer to a request.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Pareto-optimal routes, fastest first.
    pub routes: Vec<Route>,
    /// The best route without any step down ("stay and climb"), if one
    /// reaches the goal within the horizon.
    pub direct: Option<Route>,
    /// When no route reaches the goal within the horizon: the fastest that
    /// reaches it at all (within three horizons, at least 30 years).
    pub nearest: Option<Route>,
    /// The goal salary is an assumption (OEWS has no annual wage for it).
    pub goal_salary_assumed: bool,
}

struct Built {
    graph: Graph,
    stops: Vec<Stop>,
    goal_salary_assumed: bool,
}

/// Plans routes for a request.
pub fn plan(catalog: &Catalog, model: &TransitionModel, req: &Request<'_>) -> Plan {
    let built = build(catalog, model, req, req.horizon_years);
    let routes: Vec<Route> = search::pareto_routes(&built.graph)
        .iter()
        .map(|p| route(&built, p))
        .collect();
    let mut climb = built.graph.clone();
    for (i, edges) in climb.edges.iter_mut().enumerate() {
        edges.retain(|e| built.stops[e.to].level.grade() >= built.stops[i].level.grade());
    }
    let direct = best(
        search::pareto_routes(&climb)
            .iter()
            .map(|p| route(&built, p))
            .collect(),
    );
    let nearest = if routes.is_empty() {
        let far = build(catalog, model, req, (req.horizon_years * 3.0).max(30.0));
        search::pareto_routes(&far.graph)
            .first()
            .map(|p| route(&far, p))
    } else {
        None
    };
    Plan {
        routes,
        direct,
        nearest,
        goal_salary_assumed: built.goal_salary_assumed,
    }
}

/// The best feasible route within the horizon, if any: the most likely,
/// then the fastest. This is the question the advisor asks of an option.
pub fn best_route(catalog: &Catalog, model: &TransitionModel, req: &Request<'_>) -> Option<Route> {
    let built = build(catalog, model, req, req.horizon_years);
    best(
        search::pareto_routes(&built.graph)
            .iter()
            .map(|p| route(&built, p))
            .collect(),
    )
}

/// Whether a route with no step down reaches the goal within the horizon
/// (an earliest-arrival search: cheaper than planning every route).
pub fn climb_exists(catalog: &Catalog, model: &TransitionModel, req: &Request<'_>) -> bool {
    let built = build(catalog, model, req, req.horizon_years);
    let mut climb = built.graph.clone();
    for (i, edges) in climb.edges.iter_mut().enumerate() {
        edges.retain(|e| built.stops[e.to].level.grade() >= built.stops[i].level.grade());
    }
    search::fastest(&climb).is_some_and(|p| p.criteria.years <= climb.horizon + 1e-9)
}

/// Feasibility of every occupation toward `goal`, indexed by occupation.
pub fn goal_column(model: &TransitionModel, goal: OccupationId) -> Vec<f32> {
    model.column(goal)
}

fn best(routes: Vec<Route>) -> Option<Route> {
    routes.into_iter().max_by(|a, b| {
        a.probability
            .total_cmp(&b.probability)
            .then(b.years_to_goal.total_cmp(&a.years_to_goal))
    })
}

fn route(b: &Built, p: &Path) -> Route {
    let steps: Vec<Step> = p
        .states
        .windows(2)
        .zip(&p.edges)
        .map(|(w, e)| {
            let (from, to) = (b.stops[w[0]], b.stops[w[1]]);
            let kind = match i16::from(to.level.grade()) - i16::from(from.level.grade()) {
                d if d > 0 => MoveKind::StepUp,
                0 => MoveKind::Lateral,
                _ => MoveKind::StepDown,
            };
            Step {
                from,
                to,
                kind,
                years: e.years as f32,
                feasibility: e.probability as f32,
                salary: b.graph.salary[w[1]].round() as u32,
            }
        })
        .collect();
    Route {
        switchback: steps.first().is_some_and(|s| s.kind == MoveKind::StepDown),
        steps,
        years_to_goal: p.criteria.years as f32,
        probability: p.criteria.probability as f32,
        min_salary: p.criteria.min_salary.round() as u32,
        earnings_over_horizon: p.criteria.earnings.max(0.0).round() as u64,
        earnings_horizon_years: b.graph.horizon as f32,
    }
}

/// Years of related experience a position needs: the occupation's typical
/// experience (O*NET RW, else its job zone) at its typical grade, plus the
/// tenure of each grade above it, minus the tenure of each grade below.
pub fn required_experience(model: &TransitionModel, catalog: &Catalog, stop: Stop) -> f32 {
    let typical = typical_level(catalog.occupation(stop.occupation)).grade();
    let base = model
        .profile(stop.occupation)
        .experience_years
        .unwrap_or(0.0);
    let g = stop.level.grade();
    let tenure = |range: std::ops::Range<u8>| -> f32 {
        range.map(|h| TENURE_YEARS[usize::from(h) - 1]).sum()
    };
    if g >= typical {
        base + tenure(typical..g)
    } else {
        (base - tenure(g..typical)).max(0.0)
    }
}

/// The furthest the search looks ahead, in years: three of the longest
/// horizon a profile may give (40). A request from outside the validated
/// profiles is held to it too, so no horizon (infinite, NaN) makes the
/// search's earnings or its pruning meaningless.
pub const MAX_SEARCH_YEARS: f32 = 120.0;

fn build(catalog: &Catalog, model: &TransitionModel, req: &Request<'_>, horizon: f32) -> Built {
    let horizon = if horizon.is_nan() {
        0.0
    } else {
        horizon.clamp(0.0, MAX_SEARCH_YEARS)
    };
    let cur = req.start.occupation;
    let goal = req.goal;
    let n = model.len();
    let computed;
    let to_goal: &[f32] = match req.to_goal {
        Some(column) if column.len() == n => column,
        _ => {
            computed = goal_column(model, goal);
            &computed
        }
    };
    let has_wage = |o: OccupationId| {
        catalog
            .occupation(o)
            .wages
            .as_ref()
            .is_some_and(|w| w.annual.median.is_some())
    };
    // The occupations nearest the goal, then the best placed between the
    // start and the goal among them: only these need a score from the start.
    let mut pool: Vec<OccupationId> = (0..n)
        .map(|x| OccupationId(x as u16))
        .filter(|&x| x != cur && x != goal && !req.exclude.contains(&x) && has_wage(x))
        .collect();
    pool.sort_by(|a, b| {
        to_goal[usize::from(b.0)]
            .total_cmp(&to_goal[usize::from(a.0)])
            .then(a.cmp(b))
    });
    pool.truncate(POOL);
    let mut ranked: Vec<(f32, OccupationId)> = pool
        .into_iter()
        .map(|x| (model.score(cur, x) * to_goal[usize::from(x.0)], x))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut occupations = vec![cur];
    if goal != cur {
        occupations.push(goal);
    }
    occupations.extend(ranked.into_iter().take(CANDIDATES).map(|(_, x)| x));

    // States: each candidate occupation at the grades of its band, plus the
    // start and the goal exactly.
    let start_stop = Stop {
        occupation: cur,
        level: req.start.level,
    };
    let goal_stop = Stop {
        occupation: goal,
        level: req.goal_level,
    };
    let mut stops = vec![start_stop];
    if goal_stop != start_stop {
        stops.push(goal_stop);
    }
    for &o in &occupations {
        let occ = catalog.occupation(o);
        let typical = typical_level(occ).grade();
        let management = occ.is_management();
        let lo = typical.saturating_sub(LEVEL_BAND).max(1);
        let hi = (typical + LEVEL_BAND).min(10);
        for g in lo..=hi {
            if let Some(level) = Level::from_grade(g, management) {
                let s = Stop {
                    occupation: o,
                    level,
                };
                if !stops
                    .iter()
                    .any(|t| t.occupation == o && t.level.grade() == g)
                {
                    stops.push(s);
                }
            }
        }
    }
    let current_salary = req
        .start
        .salary
        .or_else(|| estimated_salary(catalog.occupation(cur), req.start.level));
    let mut goal_salary_assumed = false;
    let salary_of = |s: &Stop, i: usize| -> Option<f32> {
        if i == 0 {
            return current_salary.map(|x| x as f32);
        }
        estimated_salary(catalog.occupation(s.occupation), s.level).map(|x| x as f32)
    };
    let mut salary = Vec::new();
    let mut keep = Vec::new();
    for (i, s) in stops.iter().enumerate() {
        let v = match salary_of(s, i) {
            Some(v) => Some(v),
            None if i == 1 => {
                goal_salary_assumed = true;
                current_salary.map(|x| x as f32)
            }
            None => None,
        };
        let below_floor = i != 0
            && req
                .min_salary
                .is_some_and(|floor| v.is_some_and(|v| v < floor as f32));
        keep.push(v.is_some() && !below_floor || i == 0);
        salary.push(f64::from(v.unwrap_or(0.0)));
    }
    let goal_index = stops.iter().position(|s| *s == goal_stop).unwrap_or(0);

    // Scores between the few candidate occupations, computed once: the edge
    // loop below asks for them thousands of times.
    let slot = |o: OccupationId| occupations.iter().position(|&x| x == o).unwrap_or(0);
    let stop_slot: Vec<usize> = stops.iter().map(|s| slot(s.occupation)).collect();
    let scores: Vec<Vec<f32>> = occupations
        .iter()
        .map(|&a| occupations.iter().map(|&b| model.score(a, b)).collect())
        .collect();
    let need: Vec<f32> = stops
        .iter()
        .map(|s| required_experience(model, catalog, *s))
        .collect();
    let tracks: Vec<Track> = stops
        .iter()
        .map(|s| {
            if s.level.is_management() || catalog.occupation(s.occupation).is_management() {
                Track::Management
            } else {
                Track::Individual
            }
        })
        .collect();
    let edges: Vec<Vec<Edge>> = stops
        .iter()
        .enumerate()
        .map(|(i, from)| {
            if !keep[i] {
                return Vec::new();
            }
            stops
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i && keep[*j])
                .filter_map(|(j, to)| {
                    let delta = i16::from(to.level.grade()) - i16::from(from.level.grade());
                    if delta > i16::from(MAX_CLIMB) || -delta > i16::from(req.max_step_down) {
                        return None;
                    }
                    if from.occupation == to.occupation && delta == 0 {
                        return None;
                    }
                    if i == 0 && delta > 0 && req.promotion_blocked {
                        return None;
                    }
                    let feasibility = scores[stop_slot[i]][stop_slot[j]];
                    let factor = match delta {
                        1 => PROMOTION_FACTOR[0],
                        2 => PROMOTION_FACTOR[1],
                        _ => 1.0,
                    };
                    let from_track = if i == 0 { req.start.track } else { tracks[i] };
                    let entry = if from_track == Track::Individual && tracks[j] == Track::Management
                    {
                        MANAGEMENT_ENTRY_FACTOR
                            .powi(i32::from(to.level.grade()) - 5)
                            .min(1.0)
                    } else {
                        1.0
                    };
                    let probability = feasibility * factor * entry;
                    if probability < MIN_PROBABILITY {
                        return None;
                    }
                    let stay = if delta > 0 {
                        TENURE_YEARS[usize::from(from.level.grade()) - 1]
                    } else {
                        MIN_STAY_YEARS
                    };
                    let need = need[j];
                    let years = if i == 0 {
                        // Time already in the role counts; all experience so
                        // far is credited by how related it is to the target.
                        let r = scores[0][stop_slot[j]];
                        let by_experience = if r > 0.0 {
                            need / r - req.years_experience
                        } else {
                            f32::INFINITY
                        };
                        (stay - req.years_in_role).max(by_experience).max(0.0)
                    } else {
                        let base = req.years_experience * scores[0][stop_slot[j]];
                        let r = feasibility;
                        let by_experience = if need <= base {
                            0.0
                        } else if r > 0.0 {
                            (need - base) / r
                        } else {
                            f32::INFINITY
                        };
                        stay.max(by_experience)
                    };
                    // Hundredths of a year (under four days): finer figures
                    // are noise, and coarser ones let horizons compare exactly.
                    let years = (years * 100.0).round() / 100.0;
                    (years.is_finite() && years <= horizon).then_some(Edge {
                        to: j,
                        years: f64::from(years),
                        probability: f64::from(probability),
                    })
                })
                .collect()
        })
        .collect();
    Built {
        graph: Graph {
            salary,
            edges,
            start: 0,
            goal: goal_index,
            horizon: f64::from(horizon),
            max_moves: req.max_moves.clamp(1, MAX_MOVES),
        },
        stops,
        goal_salary_assumed,
    }
}
