//! Route planning on the real catalog: builds the graph of candidate
//! positions the search runs on. docs/ROUTES.md explains the model; the
//! parameters are the constants below.

use crate::catalog::{Catalog, OccupationId};
use crate::level::Level;
use crate::position::{
    MoveKind, Position, Track, estimated_salary, required_experience, scaled_salary, typical_level,
};
use crate::profile::Profile;
use crate::route::search::{self, Edge, Graph, Path};
use crate::transition::TransitionModel;

/// Typical years at a grade (index 0 is grade 1) before a promotion from it.
pub(crate) const TENURE_YEARS: [f32; 10] = [1.5, 1.5, 2.0, 2.5, 3.0, 3.0, 3.5, 3.5, 4.0, 4.0];
/// The least time in a position before a lateral move or a step down.
pub(crate) const MIN_STAY_YEARS: f32 = 1.0;
/// The most grades one move may climb.
pub(crate) const MAX_CLIMB: u8 = 2;
/// Grades considered for an occupation: its typical grade ± this.
pub(crate) const LEVEL_BAND: u8 = 2;
/// Occupations considered besides the current and the goal.
pub(crate) const CANDIDATES: usize = 12;
/// The most occupations of the person's options added to the candidates
/// ([`Request::consider`]).
pub(crate) const CONSIDERED: usize = 8;
/// Candidates are chosen among this many occupations nearest the goal.
pub const POOL: usize = 40;
/// Moves less likely than this are not considered.
pub(crate) const MIN_PROBABILITY: f32 = 0.1;
/// Routes less likely than this are not considered.
pub(crate) const MIN_ROUTE_PROBABILITY: f32 = 0.02;
/// Labels kept per position during the search ([`search::Graph::bag_limit`]):
/// experience makes durations depend on the whole route, so labels compare
/// exactly only with equal experience; this bounds the rest.
pub(crate) const BAG_LIMIT: usize = 6;
/// Study longer than this many years is full-time and unpaid (a
/// professional or doctoral degree); shorter study (a master's after a
/// bachelor's) is done alongside the work.
pub const FULL_TIME_STUDY_YEARS: f32 = 2.0;
/// The least RL category (a first professional degree: a physician's,
/// a lawyer's) whose study is its whole programme, whatever degree the
/// person holds below it ([`PROFESSIONAL_STUDY_YEARS`]).
pub(crate) const PROFESSIONAL_EDUCATION: u8 = 10;
/// Years of full-time study a first professional degree or a doctorate
/// asks of anyone without one: medical school is four years after a
/// bachelor's, and a master's in nursing shortens it by none (a nurse
/// specialist was sent to emergency medicine after two years of study
/// alongside her work).
pub(crate) const PROFESSIONAL_STUDY_YEARS: f32 = 4.0;
/// The landing chance of a move into the goal's own profession through
/// the first professional or doctoral degree it asks, when the move's
/// transfer says less: about the share of applicants US medical and dental
/// schools admit (two in five), the step a person without the degree
/// cannot take for granted; once through, entering the profession is the
/// rule.
pub(crate) const GRADUATE_LANDING: f32 = 0.4;
/// Default deepest step down, in grades.
pub(crate) const DEFAULT_MAX_STEP_DOWN: u8 = 2;
/// Default number of moves.
pub(crate) const DEFAULT_MAX_MOVES: usize = 4;
/// Largest number of moves a request may ask for.
pub const MAX_MOVES: usize = 6;
/// The most a move into another function (neither one's profession nor
/// the management of it) may raise pay, as a multiple of the pay where it
/// is made, without study the person lacks or a post they list or are
/// offered ([`build`]).
pub(crate) const MAX_NEWCOMER_RAISE: f32 = 1.5;
/// The most grades above an occupation's typical level at which a route
/// enters it from outside the person's function
/// ([`enters_above_its_newcomers`]).
pub(crate) const NEWCOMER_ABOVE_TYPICAL: u8 = 1;

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
    /// The deepest step down into a post the person is offered
    /// ([`Self::offered`]): the limit they set themselves
    /// (`situation.max_step_down`), else none. An offer in hand is theirs
    /// to weigh, as the advisor weighs it, whatever [`DEFAULT_MAX_STEP_DOWN`]
    /// says of the routes a search proposes: a restaurant manager's
    /// corporate trainer offer, three grades down, was judged strategic
    /// by `advise` and missing from `route`.
    pub max_step_down_offered: Option<u8>,
    /// At most this many moves (1–[`MAX_MOVES`]).
    pub max_moves: usize,
    /// Occupations a route must not pass through.
    pub exclude: &'a [OccupationId],
    /// Feasibility of every occupation toward the goal, if already computed
    /// ([`goal_column`]); requests that share a goal can share it.
    pub to_goal: Option<&'a [f32]>,
    /// The person reports no route up from where they stand: no step up
    /// out of the current position (lateral moves and step downs remain).
    pub promotion_blocked: bool,
    /// The person's skill and knowledge levels per model element, for the
    /// success chance at each stop (the start occupation's when `None`).
    pub levels: Option<&'a [f32]>,
    /// The occupation the person's `years_experience` was gained in (the
    /// start's when `None`): a route planned from an option still credits
    /// the person's past at its relatedness, not as years in the option.
    pub experience_in: Option<OccupationId>,
    /// The person's education, an O*NET RL category 1–12 (`None`: the
    /// typical education of the occupation their experience was gained
    /// in, as far as O*NET reports it).
    pub education: Option<u8>,
    /// The person is out of work: where they stand pays nothing, and a
    /// route's lowest salary is that of the positions it takes.
    pub out_of_work: bool,
    /// Occupations always among the candidates, beside the best placed:
    /// those of the options the person weighs, so that planning from where
    /// they stand sees the routes the advisor judges through an option (a
    /// welder's inspector post on the way to quality management).
    pub consider: Vec<OccupationId>,
    /// The post the person holds, or held before they were out of work
    /// (`None`: only the start is known). A step back up to a grade they
    /// have held in its function asks only the least stay, not a
    /// promotion's tenure: they proved themselves at that grade — a laid-off
    /// restaurant manager taking a shift lead's post is a manager again
    /// in a year, not after a supervisor's three.
    pub held: Option<Stop>,
    /// What the posts the person weighs pay, as their options say (a
    /// held offer's salary), and, on a route that starts elsewhere
    /// ([`Self::for_profile`]), what their own post pays: a route through
    /// the same occupation and level earns that, not OEWS's estimate, so
    /// `route` and `advise` quote one figure for one post. The own post's
    /// pay ([`Self::held`]) also scales the other grades of the person's
    /// occupation on a route that starts elsewhere.
    pub known_pay: Vec<(Stop, u32)>,
    /// Posts the person holds an offer for: a closed way up where they
    /// stand ([`Self::promotion_blocked`]) closes their own ladder, not a
    /// step up an employer has offered them.
    pub offered: Vec<Stop>,
    /// A route from the person's own post may come back into its
    /// occupation ([`Self::held`]), once it has left it, above every grade
    /// held there: when their way up there is closed
    /// (`situation.promotion_blocked`) — going out to come back higher is
    /// the switchback — or they are out of work. Otherwise a route out and
    /// back (a year of another occupation's pay on the way to one's own
    /// next grade) is no route. A route from an option (its onward route)
    /// may always come back above the person's grade.
    pub returns_home: bool,
    /// The person is out of work: a route may come back into their
    /// occupation at any grade, the post they held being lost, not left
    /// ([`search::Home::lost`]).
    pub lost_home: bool,
    /// Posts the person lists as options, offered or not: real posts open
    /// to their application, which a closed way up where they stand does
    /// not close either — landed at their landing chance, where an offer
    /// is landed outright. A blocked HR generalist weighing an HR
    /// supervisor's post at another firm has that way up, and a step down
    /// "for another route up" is weighed against it.
    pub listed: Vec<Stop>,
}

impl<'a> Request<'a> {
    /// Whether a closed way up where the person stands leaves `to` open:
    /// a post they list ([`Self::listed`]) or hold an offer for
    /// ([`Self::offered`]). One rule for the search's edges and the
    /// advisor's climb.
    fn open_when_blocked(&self, to: Stop) -> bool {
        self.listed
            .iter()
            .chain(&self.offered)
            .any(|o| o.same_post(to))
    }

    /// The request a profile makes from where the person stands: as
    /// [`Self::for_profile`] from their current position and years in it,
    /// with the way up there closed when they say so, and no pay while
    /// they are out of work.
    pub fn from_current(profile: &'a Profile, levels: &'a [f32]) -> Request<'a> {
        Request {
            promotion_blocked: profile.situation.promotion_blocked,
            out_of_work: profile.situation.employed == Some(false),
            consider: profile
                .options
                .iter()
                .map(|o| o.position.occupation)
                .collect(),
            known_pay: profile
                .options
                .iter()
                .filter_map(|o| Some((Stop::of(&o.position), o.position.salary?)))
                .collect(),
            offered: profile
                .options
                .iter()
                .filter(|o| o.offered)
                .map(|o| Stop::of(&o.position))
                .collect(),
            listed: profile
                .options
                .iter()
                .map(|o| Stop::of(&o.position))
                .collect(),
            ..Request::for_profile(
                profile,
                &profile.current.position,
                profile.current.years_in_role,
                levels,
            )
        }
    }

    /// The request a profile makes from `start`: its goal (or `start`
    /// itself, without one), its horizon (5 years without a goal), its pay
    /// floor, deepest step down (default [`DEFAULT_MAX_STEP_DOWN`]) and
    /// exclusions, its experience, its skill levels (`levels`: the
    /// person's, [`crate::advisor::person_levels`], so each stop's success
    /// reads their self-assessment), and up to [`DEFAULT_MAX_MOVES`]
    /// moves. One translation for every use: the advisor's onward routes,
    /// `route`, a server's.
    pub fn for_profile(
        profile: &'a Profile,
        start: &'a Position,
        years_in_role: f32,
        levels: &'a [f32],
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
            max_step_down_offered: profile.situation.max_step_down,
            max_moves: DEFAULT_MAX_MOVES,
            exclude: &profile.situation.exclude_occupations,
            to_goal: None,
            promotion_blocked: false,
            returns_home: profile.situation.promotion_blocked
                || profile.situation.employed == Some(false),
            lost_home: profile.situation.employed == Some(false),
            levels: Some(levels),
            experience_in: None,
            education: profile.current.education,
            out_of_work: false,
            consider: Vec::new(),
            // What the person earns in their own post: a route from an
            // option back into their occupation earns on their pay, not
            // OEWS's estimate.
            known_pay: profile
                .current
                .position
                .salary
                .map(|pay| (Stop::of(&profile.current.position), pay))
                .into_iter()
                .collect(),
            offered: Vec::new(),
            listed: Vec::new(),
            held: Some(Stop::of(&profile.current.position)),
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

impl Stop {
    /// The stop a position stands at.
    pub fn of(p: &Position) -> Stop {
        Stop {
            occupation: p.occupation,
            level: p.level,
        }
    }

    /// Whether `other` is the same post: the same occupation at the same
    /// grade, whichever of a grade's names (lead or supervisor, principal
    /// or manager) each was given.
    pub fn same_post(self, other: Stop) -> bool {
        self.occupation == other.occupation && self.level.grade() == other.level.grade()
    }

    /// The stop on `track`, as the chances read a position.
    pub fn side(self, track: Track) -> crate::chances::Side {
        crate::chances::Side {
            occupation: self.occupation,
            level: self.level,
            track,
        }
    }
}

/// One move of a route.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    /// From.
    pub from: Stop,
    /// To.
    pub to: Stop,
    /// Step up, lateral or step down ([`crate::position::kind_of`]).
    pub kind: MoveKind,
    /// The pay decided `kind`, not the grades (a move into another
    /// function to a lower grade, or the same, that pays a fifth more or better).
    pub kind_by_pay: bool,
    /// Years spent in `from` before the move.
    pub years: f32,
    /// How far the work of `from` transfers to `to` (the transition
    /// model's score; 1 within one occupation).
    pub feasibility: f32,
    /// The chance of getting `to` ([`crate::chances::landing`]): the
    /// move's probability.
    pub landing: f32,
    /// The chance of doing well in `to` ([`crate::chances::success`]), with
    /// the skills of the start and of every stop before it.
    pub success: f32,
    /// Annual salary in `to`.
    pub salary: u32,
    /// `salary` is what the person says the post pays — an option's
    /// stated pay, or their own post's ([`Request::known_pay`]) — not
    /// OEWS's estimate.
    pub salary_stated: bool,
    /// `salary` is OEWS's estimate for the grade
    /// ([`crate::position::estimated_salary`]): neither stated nor scaled
    /// from the person's own pay or an offer's.
    pub salary_estimated: bool,
    /// How the move is made: applied for, an offer in hand, or, out of
    /// work, being hired again into the post one held.
    pub entry: Entry,
    /// Annual salary in `from` (0 where the person, out of work, earns
    /// nothing): a move is named by grade, and a step up may still pay less.
    pub from_salary: u32,
    /// Years of study the move needs first, done alongside the work in
    /// `from` (0 when the education the route has gathered is enough).
    pub study_years: f32,
    /// The education `to` asks of those entering it (an O*NET RL category
    /// 1–12, [`crate::transition::profile::Profile::entry_education`]:
    /// O*NET's, or the donors' for an inferred occupation), when the move
    /// needs study for it.
    pub study_for: Option<u8>,
    /// The study is longer than [`FULL_TIME_STUDY_YEARS`]: done full-time,
    /// it earns nothing.
    pub study_full_time: bool,
}

/// How a move on a route is made: what its landing chance stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Applied for: landing is the chance of getting it.
    Applied,
    /// An offer the person holds ([`Request::offered`]): landed.
    Offer,
    /// Out of work, back into the post the person held.
    Rehired,
}

impl Entry {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Entry::Applied => "applied",
            Entry::Offer => "offer",
            Entry::Rehired => "rehired",
        }
    }
}

/// A route to the goal.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    /// The moves.
    pub steps: Vec<Step>,
    /// Years until the goal is reached.
    pub years_to_goal: f32,
    /// Probability of making every move: the product of their landing chances.
    pub probability: f32,
    /// Lowest salary along the route, today's included (for a person out
    /// of work, who earns nothing today, the lowest of the positions the
    /// route takes).
    pub min_salary: u32,
    /// Earnings from now to the horizon.
    pub earnings_over_horizon: u64,
    /// The horizon the earnings are counted to (the request's, or the
    /// relaxed one for [`Plan::nearest`]).
    pub earnings_horizon_years: f32,
    /// The first move is a step down on the way to the goal (not into it:
    /// a pastor who becomes a counsellor at once, a grade below, has
    /// stepped down to her goal, no switchback).
    pub switchback: bool,
}

/// The answer to a request.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Pareto-optimal routes, fastest first.
    pub routes: Vec<Route>,
    /// The best route that stays in the person's own function and takes
    /// no step down ("stay and climb"), if one reaches the goal within the
    /// horizon.
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
    /// The entry education of each stop's occupation, when it asks one.
    education: Vec<Option<u8>>,
    /// The transfer score of every edge, parallel to `graph.edges`.
    transfer: Vec<Vec<f32>>,
    /// Whether each stop's salary is OEWS's estimate for its grade.
    estimated: Vec<bool>,
    goal_salary_assumed: bool,
}

impl Built {
    /// The graph with only the edges `keep` accepts (by source and
    /// destination state).
    fn restricted(&self, keep: impl Fn(usize, usize) -> bool) -> Graph {
        let mut g = self.graph.clone();
        for (i, edges) in g.edges.iter_mut().enumerate() {
            edges.retain(|e| keep(i, e.to));
        }
        g
    }

    /// The pay a move out of state `i` leaves: the state's, or, out of
    /// work at the start, the pay the person had (0 when unknown).
    fn pay_left(&self, i: usize, req: &Request<'_>) -> f64 {
        match req.start.salary {
            Some(had) if i == self.graph.start && req.out_of_work => f64::from(had),
            _ => self.graph.salary[i],
        }
    }

    /// The kind of the move from state `i` to state `j`
    /// ([`step_kind`]).
    fn kind(&self, catalog: &Catalog, req: &Request<'_>, i: usize, j: usize) -> MoveKind {
        let pay = (self.pay_left(i, req), self.graph.salary[j]);
        step_kind(catalog, (self.stops[i], self.stops[j]), pay).0
    }
}

/// The kind of a move between two stops at `pay` (left, taken; 0 when
/// unknown), as [`crate::position::kind_of`] names a move: by grade, and
/// across functions by pay when the grade does not rise.
pub(crate) fn step_kind(
    catalog: &Catalog,
    (from, to): (Stop, Stop),
    pay: (f64, f64),
) -> (MoveKind, bool) {
    let delta = i16::from(to.level.grade()) - i16::from(from.level.grade());
    let delta = i8::try_from(delta).unwrap_or(i8::MIN);
    let across = delta <= 0
        && !catalog
            .occupation(from.occupation)
            .same_function(catalog.occupation(to.occupation));
    let ratio = (pay.0 > 0.0).then(|| (pay.1 / pay.0) as f32);
    crate::position::kind_of(delta, across, ratio)
}

/// Plans routes for a request.
pub fn plan(catalog: &Catalog, model: &TransitionModel, req: &Request<'_>) -> Plan {
    let built = build(catalog, model, req, req.horizon_years);
    plan_on(catalog, model, req, &built)
}

/// [`plan`], and whether a route with no step down (in any occupation)
/// reaches the goal within the horizon — with the way up where one stands
/// closed, one that starts in a post one lists or is offered — on one
/// graph: the advisor asks both of where the person stands.
pub(crate) fn plan_and_climb(
    catalog: &Catalog,
    model: &TransitionModel,
    req: &Request<'_>,
) -> (Plan, bool) {
    let built = build(catalog, model, req, req.horizon_years);
    (
        plan_on(catalog, model, req, &built),
        climbs(catalog, &built, req),
    )
}

fn plan_on(catalog: &Catalog, model: &TransitionModel, req: &Request<'_>, built: &Built) -> Plan {
    let to_route = |b: &Built, p: &Path| route(catalog, model, req, b, p);
    let routes: Vec<Route> = search::pareto_routes(&built.graph)
        .iter()
        .map(|p| to_route(built, p))
        .collect();
    let own = catalog.occupation(req.start.occupation);
    let stay_and_climb = built.restricted(|i, j| {
        let (from, to) = (built.stops[i], built.stops[j]);
        to.level.grade() >= from.level.grade()
            && own.same_function(catalog.occupation(to.occupation))
    });
    let direct = best(
        search::pareto_routes(&stay_and_climb)
            .iter()
            .map(|p| to_route(built, p))
            .collect(),
    );
    let nearest = if routes.is_empty() {
        nearest_route(catalog, model, req)
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
    // Chosen as [`best`] chooses among routes, on the figures a route
    // reports, before any is turned into one: only the best is.
    let paths = search::pareto_routes(&built.graph);
    let chance_then_speed = |p: &Path| (p.criteria.probability as f32, p.criteria.years as f32);
    paths
        .iter()
        .max_by(|a, b| {
            let ((pa, ya), (pb, yb)) = (chance_then_speed(a), chance_then_speed(b));
            pa.total_cmp(&pb).then(yb.total_cmp(&ya))
        })
        .map(|p| route(catalog, model, req, &built, p))
}

/// The fastest route that reaches the goal at all, when none does within
/// the horizon: searched within three horizons, at least 30 years
/// ([`Plan::nearest`]).
pub fn nearest_route(
    catalog: &Catalog,
    model: &TransitionModel,
    req: &Request<'_>,
) -> Option<Route> {
    let far = build(catalog, model, req, nearest_horizon(req.horizon_years));
    search::pareto_routes(&far.graph)
        .first()
        .map(|p| route(catalog, model, req, &far, p))
}

/// How far [`nearest_route`] looks for a request with `horizon` years.
pub fn nearest_horizon(horizon: f32) -> f32 {
    (horizon * 3.0).max(30.0)
}

/// Whether a route with no step down (in any occupation) reaches the goal
/// within the horizon.
fn climbs(catalog: &Catalog, built: &Built, req: &Request<'_>) -> bool {
    let mut climb = built.restricted(|i, j| built.kind(catalog, req, i, j) != MoveKind::StepDown);
    if req.promotion_blocked {
        // With the way up where one stands closed, a climb starts in a
        // post one lists or holds an offer for: lateral moves out of a
        // closed post are no climb past it.
        let start = climb.start;
        climb.edges[start].retain(|e| req.open_when_blocked(built.stops[e.to]));
    }
    !search::pareto_routes(&climb).is_empty()
}

/// Feasibility of every occupation toward `goal`, indexed by occupation.
pub(crate) fn goal_column(model: &TransitionModel, goal: OccupationId) -> Vec<f32> {
    model.column(goal)
}

fn best(routes: Vec<Route>) -> Option<Route> {
    routes.into_iter().max_by(|a, b| {
        a.probability
            .total_cmp(&b.probability)
            .then(b.years_to_goal.total_cmp(&a.years_to_goal))
    })
}

fn route(
    catalog: &Catalog,
    model: &TransitionModel,
    req: &Request<'_>,
    b: &Built,
    p: &Path,
) -> Route {
    let mut walk = Walk::start(model, req, b);
    let steps: Vec<Step> = p
        .states
        .windows(2)
        .zip(&p.edges)
        .map(|(w, e)| {
            if w[0] != b.graph.start {
                walk.stand_in(catalog, model, b.stops[w[0]]);
            }
            walk.step(catalog, model, req, b, (w[0], w[1]), e)
        })
        .collect();
    Route {
        switchback: steps.len() > 1 && steps[0].kind == MoveKind::StepDown,
        steps,
        years_to_goal: p.criteria.years as f32,
        probability: p.criteria.probability as f32,
        min_salary: p.criteria.min_salary.round() as u32,
        earnings_over_horizon: p.criteria.earnings.max(0.0).round() as u64,
        earnings_horizon_years: b.graph.horizon as f32,
    }
}

/// What the person carries along a route as [`route`] walks it: skills
/// grow along the route — at each stop the person has their own levels
/// and the typical levels of every occupation passed through —, the side
/// (occupation, track) they stand on, and the schooling gathered.
struct Walk {
    levels: Vec<f32>,
    side: crate::chances::Side,
    schooled: f64,
}

impl Walk {
    fn start(model: &TransitionModel, req: &Request<'_>, b: &Built) -> Walk {
        Walk {
            levels: req.levels.map_or_else(
                || model.profile(req.start.occupation).level.clone(),
                <[f32]>::to_vec,
            ),
            side: crate::position::side(req.start),
            schooled: b.graph.schooled,
        }
    }

    /// The person stands in stop `at`, past the start: its occupation's
    /// typical levels are theirs now, and its side.
    fn stand_in(&mut self, catalog: &Catalog, model: &TransitionModel, at: Stop) {
        for (l, x) in self
            .levels
            .iter_mut()
            .zip(&model.profile(at.occupation).level)
        {
            *l = l.max(*x);
        }
        self.side = at.side(track_of(catalog, &at));
    }

    /// The move from state `i` to state `j`, taken after the years of `e`.
    fn step(
        &mut self,
        catalog: &Catalog,
        model: &TransitionModel,
        req: &Request<'_>,
        b: &Built,
        (i, j): (usize, usize),
        e: &Edge,
    ) -> Step {
        let (from, to) = (b.stops[i], b.stops[j]);
        let (kind, kind_by_pay) =
            step_kind(catalog, (from, to), (b.pay_left(i, req), b.graph.salary[j]));
        let side = to.side(track_of(catalog, &to));
        let transfer = b.graph.edges[i]
            .iter()
            .position(|x| x.to == j)
            .map_or(0.0, |k| b.transfer[i][k]);
        let offer = b.graph.offer(i, j);
        let study = if offer {
            0.0
        } else {
            b.graph.study(j, self.schooled)
        };
        let full_time = !offer && b.graph.unpaid(j, self.schooled) > 0.0;
        self.schooled = self.schooled.max(b.graph.schooling[j]);
        let success = crate::chances::success_schooled(
            catalog,
            model,
            &self.levels,
            req.education,
            &self.side,
            &side,
        );
        Step {
            from,
            to,
            kind,
            kind_by_pay,
            years: e.years as f32,
            feasibility: transfer,
            landing: e.probability as f32,
            success: success.chance,
            salary: b.graph.salary[j].round() as u32,
            salary_stated: req.known_pay.iter().any(|(k, _)| k.same_post(to)),
            salary_estimated: b.estimated[j],
            entry: if offer {
                Entry::Offer
            } else if i == b.graph.start && req.out_of_work && from.same_post(to) {
                Entry::Rehired
            } else {
                Entry::Applied
            },
            from_salary: b.graph.salary[i].round() as u32,
            study_years: study as f32,
            study_for: b.education[j].filter(|_| study > 0.0),
            study_full_time: full_time,
        }
    }
}

pub(crate) fn track_of(catalog: &Catalog, s: &Stop) -> Track {
    if s.level.is_management() || catalog.occupation(s.occupation).is_management() {
        Track::Management
    } else {
        Track::Individual
    }
}

/// What a year in occupation `a` counts toward the related experience
/// occupation `b` asks: fully within one function (one profession, or the
/// management of it — BLS counts years as a developer as the "related
/// occupation" experience an IT manager needs), otherwise the transition
/// model's feasibility `a_to_b`.
pub(crate) fn experience_credit(
    catalog: &Catalog,
    a: OccupationId,
    b: OccupationId,
    a_to_b: f32,
) -> f32 {
    if a == b || catalog.occupation(a).same_function(catalog.occupation(b)) {
        1.0
    } else {
        a_to_b
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
    let occupations = candidates(catalog, model, req);
    let (stops, goal_index) = stops_of(catalog, req, &occupations);
    let pay = Pay::of(catalog, req, &stops);
    let slots = Slots::of(catalog, model, req, &occupations, &stops);
    let need: Vec<f64> = stops
        .iter()
        .map(|s| {
            f64::from(required_experience(
                catalog.occupation(s.occupation),
                s.level,
            ))
        })
        .collect();
    let schooling = Schooling::of(catalog, model, req, &stops);
    let on = Graded {
        catalog,
        req,
        stops: &stops,
        pay: &pay,
        schooling: &schooling,
    };
    let (edges, transfer) = edges_of(model, &on, &slots);
    let Schooling {
        education,
        schooling,
        schooled,
    } = schooling;
    Built {
        graph: Graph {
            salary: pay.salary,
            edges,
            start: 0,
            goal: goal_index,
            horizon: f64::from(horizon),
            max_moves: req.max_moves.clamp(1, MAX_MOVES),
            slot: slots.of_stop,
            related: slots.related,
            need,
            credit: slots.credit,
            schooling,
            schooled,
            full_time_study: f64::from(FULL_TIME_STUDY_YEARS),
            // Under a pay floor, no years without pay.
            unpaid_allowed: req.min_salary.is_none(),
            min_probability: f64::from(MIN_ROUTE_PROBABILITY),
            bag_limit: BAG_LIMIT,
            start_unpaid: req.out_of_work,
            offered: (1..stops.len())
                .filter(|&j| req.offered.iter().any(|o| o.same_post(stops[j])))
                .collect(),
            study_floor: education
                .iter()
                .map(|e| match e {
                    Some(c) if *c >= PROFESSIONAL_EDUCATION => f64::from(PROFESSIONAL_STUDY_YEARS),
                    _ => 0.0,
                })
                .collect(),
            // An occupation left is re-entered only at a grade above any
            // held there: a switchback comes back higher.
            rank: stops.iter().map(|s| s.level.grade()).collect(),
            home: home(req, &occupations),
        },
        stops,
        education,
        transfer,
        estimated: pay.estimated,
        goal_salary_assumed: pay.goal_salary_assumed,
    }
}

/// The occupations a route graph holds (its slots): the person's own
/// first, then the goal, the [`CANDIDATES`] best placed between them, the
/// first-line supervision of the person's own work, and the occupations
/// of their options.
fn candidates(catalog: &Catalog, model: &TransitionModel, req: &Request<'_>) -> Vec<OccupationId> {
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
    let placed = |x: OccupationId| model.score(cur, x) * to_goal[usize::from(x.0)];
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
    let mut ranked: Vec<(f32, OccupationId)> = pool.into_iter().map(|x| (placed(x), x)).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut occupations = vec![cur];
    if goal != cur {
        occupations.push(goal);
    }
    occupations.extend(ranked.into_iter().take(CANDIDATES).map(|(_, x)| x));
    // The first-line supervision of the person's own work is the way into
    // management most trades know: always a candidate, wherever the scores
    // toward the goal place it (a warehouse worker aiming at logistics
    // management was told no route exists, the supervisor of material
    // movers not among the twelve).
    if let Some(sup) = crate::chances::own_supervisor(catalog, model, cur)
        .filter(|s| !occupations.contains(s) && !req.exclude.contains(s) && has_wage(*s))
    {
        occupations.push(sup);
    }
    // The options' occupations, those offered then the best placed first,
    // at most `CONSIDERED`: a profile may list fifty options, and the
    // search's cost grows faster than the square of its candidates.
    let offered = |x: OccupationId| req.offered.iter().any(|s| s.occupation == x);
    let mut considered: Vec<(bool, f32, OccupationId)> = req
        .consider
        .iter()
        .filter(|&&x| !occupations.contains(&x) && !req.exclude.contains(&x) && has_wage(x))
        .map(|&x| (offered(x), placed(x), x))
        .collect();
    considered.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    considered.dedup_by_key(|c| c.2);
    occupations.extend(considered.into_iter().take(CONSIDERED).map(|(_, _, x)| x));
    occupations
}

/// The stops of a route graph over `occupations`: the start first, then
/// the goal (unless it is the start), the post held for a person out of
/// work, each occupation at the grades of its band, and the posts the
/// person is offered or lists. Also the goal's index.
fn stops_of(
    catalog: &Catalog,
    req: &Request<'_>,
    occupations: &[OccupationId],
) -> (Vec<Stop>, usize) {
    let start_stop = Stop {
        occupation: req.start.occupation,
        level: req.start.level,
    };
    let goal_stop = Stop {
        occupation: req.goal,
        level: req.goal_level,
    };
    let mut stops = vec![start_stop];
    // Out of work, the post the person held is a state of its own (the
    // goal itself, or a stop on the way), the way back to it a move —
    // being hired again ([`edge`]): a laid-off loan officer applies at
    // their own grade, not only at entry level.
    let goal_apart = goal_stop != start_stop || req.out_of_work;
    if goal_apart {
        stops.push(goal_stop);
    }
    if req.out_of_work && goal_stop != start_stop {
        stops.push(start_stop);
    }
    for &o in occupations {
        let (lo, hi) = grades_considered(catalog, req, o);
        let management = catalog.occupation(o).is_management();
        for g in lo..=hi {
            if let Some(level) = Level::from_grade(g, management) {
                let taken = stops
                    .iter()
                    .any(|t| t.occupation == o && t.level.grade() == g);
                if !taken {
                    stops.push(Stop {
                        occupation: o,
                        level,
                    });
                }
            }
        }
    }
    // A post the person is offered, or lists, is a stop at its own grade,
    // even off its occupation's band (among the candidates' occupations
    // only: a stop needs its occupation's slot).
    for &o in req.offered.iter().chain(&req.listed) {
        let known = stops.iter().any(|t| t.same_post(o));
        if !known && occupations.contains(&o.occupation) {
            stops.push(o);
        }
    }
    (stops, usize::from(goal_apart))
}

/// The lowest and highest grades at which occupation `o` is a stop: its
/// typical grade ± [`LEVEL_BAND`], bounded as the comments say.
fn grades_considered(catalog: &Catalog, req: &Request<'_>, o: OccupationId) -> (u8, u8) {
    let (cur, goal) = (req.start.occupation, req.goal);
    let occ = catalog.occupation(o);
    let typical = typical_level(occ).grade();
    // A management occupation is entered at supervisor: below it there
    // is no post of that occupation to move into (a "senior"
    // hydroelectric production manager is an engineer or an operator,
    // another occupation), only OEWS's lowest-paid managers.
    let entry = if occ.is_management() { 5 } else { 1 };
    let mut lo = typical.saturating_sub(LEVEL_BAND).max(entry);
    let mut hi = (typical + LEVEL_BAND).min(10);
    if occ.is_first_line_supervision() {
        // First-line supervision is one grade: above it is management
        // (SOC 11), another occupation — no "senior manager" of
        // first-line construction supervisors on the way to
        // construction manager. The person's own post stays.
        hi = Level::Supervisor.grade();
    }
    if o == cur {
        // The person's own ladder, from where they stand: an entry-level
        // post in a management occupation climbs it like any other.
        lo = lo.min(req.start.level.grade());
    }
    // No stop above the goal's grade (or the start's, for a goal below
    // it) in another occupation than one's own: a route that passes the
    // goal's grade elsewhere only to step back down into it overshoots
    // — a lead electrician was sent through a wind farm's senior
    // management on his way to construction manager. One's own ladder
    // may be climbed while preparing for the goal (a nurse made lead
    // while she studies to be a nurse practitioner, a grade "below").
    if o != cur {
        hi = hi.min(req.goal_level.grade().max(req.start.level.grade()));
    }
    if o != goal && occ.soc() == catalog.occupation(goal).soc() {
        // A specialty of the goal's own SOC occupation (treasurers and
        // controllers, for financial managers) is no way past the goal
        // and back down to it.
        hi = hi.min(req.goal_level.grade());
    }
    if o == goal {
        // The goal's own ladder, from its entry to the goal: the way up
        // it is the route a switchback into the goal's occupation takes.
        lo = lo.min(
            req.goal_level
                .grade()
                .saturating_sub(MAX_CLIMB * 2)
                .max(entry),
        );
        // Nothing above the goal in its own occupation: a route there
        // would have passed the goal, and stepping back down to it
        // is no route to it.
        hi = req.goal_level.grade();
    }
    (lo, hi)
}

/// What each stop of a route graph pays ([`Pay::of`]).
struct Pay {
    /// Each stop's annual salary (0 where unknown; the start's 0 for a
    /// person out of work, who earns nothing until the first move).
    salary: Vec<f64>,
    /// Whether each stop's salary is OEWS's estimate for its grade (not a
    /// stated pay, nor one scaled from the person's own).
    estimated: Vec<bool>,
    /// Whether each stop may lie on a route: its pay is known, and not
    /// under the person's floor (the start always).
    keep: Vec<bool>,
    /// The goal's pay is the person's own, for want of OEWS's.
    goal_salary_assumed: bool,
    /// The pay where the person stands: their own, else OEWS's estimate
    /// for their grade — out of work too, the pay they had.
    current: Option<u32>,
}

impl Pay {
    fn of(catalog: &Catalog, req: &Request<'_>, stops: &[Stop]) -> Pay {
        let current = req.start.salary.or_else(|| {
            estimated_salary(catalog.occupation(req.start.occupation), req.start.level)
        });
        let mut pay = Pay {
            salary: Vec::with_capacity(stops.len()),
            estimated: Vec::with_capacity(stops.len()),
            keep: Vec::with_capacity(stops.len()),
            goal_salary_assumed: false,
            current,
        };
        for (i, s) in stops.iter().enumerate() {
            let (v, oews) = stop_salary(catalog, req, current, s, i)
                .map_or((None, false), |(v, e)| (Some(v), e));
            pay.estimated.push(oews);
            let v = match v {
                Some(v) => Some(v),
                None if i == 1 => {
                    pay.goal_salary_assumed = true;
                    current.map(|x| x as f32)
                }
                None => None,
            };
            let below_floor = i != 0
                && req
                    .min_salary
                    .is_some_and(|floor| v.is_some_and(|v| v < floor as f32));
            pay.keep.push(v.is_some() && !below_floor || i == 0);
            pay.salary.push(f64::from(v.unwrap_or(0.0)));
        }
        pay
    }

    /// The pay where a move out of stop `i` is made: the stop's, and at
    /// the start the person's own ([`Pay::current`]), out of work too.
    fn at(&self, i: usize) -> f64 {
        if i == 0 {
            self.current.map_or(0.0, f64::from)
        } else {
            self.salary[i]
        }
    }
}

/// Stop `s`'s salary (stop `i` of its graph), and whether it is OEWS's
/// estimate for the grade; `None` where nothing says what it pays.
/// `current` is the pay where the person stands ([`Pay::current`]).
fn stop_salary(
    catalog: &Catalog,
    req: &Request<'_>,
    current: Option<u32>,
    s: &Stop,
    i: usize,
) -> Option<(f32, bool)> {
    if i == 0 {
        // Out of work, the person earns nothing until the first move.
        return current.map(|x| (if req.out_of_work { 0.0 } else { x as f32 }, false));
    }
    if let Some(&(_, pay)) = req.known_pay.iter().find(|(k, _)| k.same_post(*s)) {
        return Some((pay as f32, false));
    }
    let o = catalog.occupation(s.occupation);
    // In the occupation the route starts in, pay scales from the start's:
    // the person's own, or an option's offer — the employer's pay for the
    // grade says what its other grades likely pay. In the person's own
    // occupation, when the route starts elsewhere (an option's onward
    // route), it scales from their own pay.
    let held_pay = || {
        req.known_pay
            .iter()
            .find(|(k, _)| {
                k.occupation == s.occupation && req.held.is_some_and(|h| h.same_post(*k))
            })
            .map(|&(k, pay)| (k.level, pay))
    };
    let anchor = match req.start.salary {
        Some(own) if s.occupation == req.start.occupation => Some((req.start.level, own)),
        _ => held_pay(),
    };
    match anchor {
        Some((level, pay)) => scaled_salary(o, level, pay, s.level).map(|x| (x as f32, false)),
        None => estimated_salary(o, s.level).map(|x| (x as f32, true)),
    }
}

/// The occupations of a route graph as the search's slots: each stop's
/// slot, the transfer scores between slots, what a year in one counts
/// toward another, and the experience the person starts with toward each.
struct Slots {
    of_stop: Vec<usize>,
    scores: Vec<Vec<f32>>,
    related: Vec<Vec<f64>>,
    credit: Vec<f64>,
}

impl Slots {
    fn of(
        catalog: &Catalog,
        model: &TransitionModel,
        req: &Request<'_>,
        occupations: &[OccupationId],
        stops: &[Stop],
    ) -> Slots {
        let slot = |o: OccupationId| occupations.iter().position(|&x| x == o).unwrap_or(0);
        // Scores between the few candidate occupations, computed once: the
        // edges ask for them thousands of times.
        let scores: Vec<Vec<f32>> = occupations
            .iter()
            .map(|&a| occupations.iter().map(|&b| model.score(a, b)).collect())
            .collect();
        let related: Vec<Vec<f64>> = occupations
            .iter()
            .zip(&scores)
            .map(|(&a, row)| {
                occupations
                    .iter()
                    .zip(row)
                    .map(|(&b, &x)| f64::from(experience_credit(catalog, a, b, x)))
                    .collect()
            })
            .collect();
        let years = f64::from(req.years_experience);
        let credit: Vec<f64> = match req.experience_in.filter(|&o| o != req.start.occupation) {
            None => related[0].iter().map(|r| years * r).collect(),
            Some(past) => occupations
                .iter()
                .map(|&o| {
                    years * f64::from(experience_credit(catalog, past, o, model.score(past, o)))
                })
                .collect(),
        };
        Slots {
            of_stop: stops.iter().map(|s| slot(s.occupation)).collect(),
            scores,
            related,
            credit,
        }
    }

    /// The transfer score from stop `i`'s occupation to stop `j`'s.
    fn transfer(&self, i: usize, j: usize) -> f32 {
        self.scores[self.of_stop[i]][self.of_stop[j]]
    }
}

/// A route graph's stops with what they pay and ask in schooling: what
/// the rules on its edges read.
struct Graded<'a> {
    catalog: &'a Catalog,
    req: &'a Request<'a>,
    stops: &'a [Stop],
    pay: &'a Pay,
    schooling: &'a Schooling,
}

impl Graded<'_> {
    /// A move into another function pays at most [`MAX_NEWCOMER_RAISE`]
    /// times the pay where it is made ([`Pay::at`]), unless it is a post
    /// the person lists or is offered (real, priced by its employer) or it
    /// asks study the person has not done: no employer pays a newcomer
    /// three times a retail salesperson's pay to sell services, and a head
    /// chef is not a facilities manager at $106,660 for a year on the way
    /// to food service management. Within a function (one profession, or
    /// the management of it) a promotion's raise is the ladder's own, and
    /// OEWS's figures for a first management grade overstate what a new
    /// manager is paid, so they are not read as a bar.
    fn too_great_a_raise(&self, i: usize, j: usize) -> bool {
        // The pay first: it is cheap, and most moves are within it.
        let (a, b) = (self.stops[i].occupation, self.stops[j].occupation);
        let from = self.pay.at(i);
        from > 0.0
            && self.pay.salary[j] > from * f64::from(MAX_NEWCOMER_RAISE)
            && self.schooling.schooling[j] <= self.schooling.schooled
            && !self.req.open_when_blocked(self.stops[j])
            && !self
                .catalog
                .occupation(a)
                .same_function(self.catalog.occupation(b))
    }

    /// Into the goal's own profession through the first professional or
    /// doctoral degree it asks and the person lacks, the landing is the
    /// degree's ([`GRADUATE_LANDING`]): a dental hygienist is a dentist
    /// once through dental school, however little her work transfers to a
    /// practice owner's (0.35); she was routed through a prosthodontist's
    /// post instead.
    fn graduates(&self, j: usize) -> bool {
        let s = self.schooling;
        self.stops[j].occupation == self.req.goal
            && s.education[j].is_some_and(|c| c >= PROFESSIONAL_EDUCATION)
            && s.schooling[j] > s.schooled
    }
}

/// The moves of a route graph, by source stop, each with its transfer
/// score (parallel to the moves).
fn edges_of(
    model: &TransitionModel,
    on: &Graded<'_>,
    slots: &Slots,
) -> (Vec<Vec<Edge>>, Vec<Vec<f32>>) {
    let (catalog, req, stops) = (on.catalog, on.req, on.stops);
    let keep = &on.pay.keep;
    let tracks: Vec<Track> = stops.iter().map(|s| track_of(catalog, s)).collect();
    let readiness = own_work_readiness(catalog, model, req, stops, &tracks);
    let mut transfer: Vec<Vec<f32>> = Vec::with_capacity(stops.len());
    let edges = (0..stops.len())
        .map(|i| {
            let mut scores_out = Vec::new();
            let out = (0..stops.len())
                .filter(|&j| j != i && keep[i] && keep[j] && !on.too_great_a_raise(i, j))
                .filter_map(|j| {
                    let pair = Pair {
                        from: i,
                        to: j,
                        transfer: slots.transfer(i, j),
                        landing_floor: if on.graduates(j) {
                            GRADUATE_LANDING
                        } else {
                            0.0
                        },
                    };
                    let edge = edge(req, stops, &tracks, pair, &readiness, catalog)?;
                    scores_out.push(pair.transfer);
                    Some(edge)
                })
                .collect();
            transfer.push(scores_out);
            out
        })
        .collect();
    (edges, transfer)
}

/// What each stop asks in schooling, and what the person brings
/// ([`Schooling::of`]).
struct Schooling {
    /// The entry education of each stop's occupation, when it asks one.
    education: Vec<Option<u8>>,
    /// The years of schooling each stop asks (0: none).
    schooling: Vec<f64>,
    /// The years of schooling the person has.
    schooled: f64,
}

impl Schooling {
    fn of(catalog: &Catalog, model: &TransitionModel, req: &Request<'_>, stops: &[Stop]) -> Self {
        let cur = req.start.occupation;
        let past = req.experience_in.unwrap_or(cur);
        let education: Vec<Option<u8>> = stops
            .iter()
            .map(|s| {
                // Where the person works now, or has worked, they are
                // schooled enough: nothing is asked to stay or go back.
                (s.occupation != cur && s.occupation != past)
                    .then(|| model.profile(s.occupation).gated_education())
                    .flatten()
            })
            .collect();
        let have = req
            .education
            .or_else(|| person_education(catalog, model, past));
        // Unknown schooling asks nothing of the route (the most any
        // category stands for): study is only required where both sides
        // are known.
        let years = |c: Option<u8>| {
            c.and_then(schooling_years)
                .or_else(|| schooling_years(12))
                .map_or(f64::MAX, f64::from)
        };
        let schooled = years(have);
        // A degree counts toward a health practitioner's profession only
        // if it licensed that one ([`crate::chances::education_toward`]):
        // short of it, the stop asks the schooling it asks of the degree
        // below, on top of the person's (the search reads one figure of
        // schooling a person carries).
        // Once through such a stop, the route carries that schooling on
        // top of the person's: a second practitioner's post at the same
        // level asks no more study (the search reads one figure).
        let assumed = req.education.is_none();
        let schooling = (education.iter().zip(stops))
            .map(|(e, s)| {
                let asked = e.and_then(schooling_years).map_or(0.0, f64::from);
                let toward = have.map(|h| {
                    crate::chances::education_toward(catalog, (h, assumed), past, s.occupation)
                });
                if e.is_some() && years(toward) < schooled {
                    schooled + (asked - years(toward)).max(0.0)
                } else {
                    asked
                }
            })
            .collect();
        Schooling {
            education,
            schooling,
            schooled,
        }
    }
}

/// The person's own occupation in a route graph over `occupations` (its
/// slots): the occupation of the post they hold ([`Request::held`]), else
/// the start's, with their grade there when the route starts elsewhere.
fn home(req: &Request<'_>, occupations: &[OccupationId]) -> Option<search::Home> {
    let own = req.held.unwrap_or(Stop::of(req.start));
    let slot = occupations.iter().position(|&o| o == own.occupation)?;
    Some(search::Home {
        slot,
        held: own.level.grade(),
        returns: req.returns_home || own.occupation != req.start.occupation,
        lost: req.lost_home,
    })
}

/// The education a person working in `o` can be taken to have: its
/// typical (median) RL category (the donors' for an occupation whose
/// ratings are inferred), or where neither is known, the one its job zone
/// describes (zone 1–2: high school; 3: an associate's degree; 4: a
/// bachelor's; 5: a master's).
pub fn person_education(catalog: &Catalog, model: &TransitionModel, o: OccupationId) -> Option<u8> {
    model
        .profile(o)
        .education
        .as_ref()
        .and_then(crate::catalog::Distribution::median_category)
        .or_else(|| {
            catalog
                .occupation(o)
                .job_zone
                .map(|z| [2, 2, 5, 6, 8][usize::from(z.get()).clamp(1, 5) - 1])
        })
}

/// Years of schooling an O*NET RL category stands for (the model's own
/// table, which measures education gaps in the preparation facet); `None`
/// outside 1–12, which asks or credits nothing.
fn schooling_years(category: u8) -> Option<f32> {
    crate::transition::profile::schooling_years(category)
}

/// Readiness found within one route plan, by where the person stands (the
/// start, or a stop's occupation), the track they leave and the stop they
/// go to ([`own_work_readiness`]).
type ReadinessFound = std::collections::HashMap<(Option<OccupationId>, Track, usize), Option<f32>>;

/// The person's readiness for stop `j` when at stop `i`, on a move into
/// work of their own function ([`crate::chances::own_work`]; `None` on any
/// other): their own levels at the start, and beyond it those levels
/// raised to the typical levels of the occupation they stand in — as
/// [`route`] credits skills at each stop.
fn own_work_readiness<'a>(
    catalog: &'a Catalog,
    model: &'a TransitionModel,
    req: &'a Request<'_>,
    stops: &'a [Stop],
    tracks: &'a [Track],
) -> impl Fn(usize, usize) -> Option<f32> + 'a {
    let own: Vec<f32> = req.levels.map_or_else(
        || model.profile(req.start.occupation).level.clone(),
        <[f32]>::to_vec,
    );
    // Readiness reads the person's levels where they stand (their own at
    // the start, with an occupation's typical ones at a stop of it), the
    // track they leave and the stop they go to — not the grade they leave:
    // the stops of one occupation share it, so it is found once for them.
    let found: std::cell::RefCell<ReadinessFound> = Default::default();
    move |i, j| {
        let from = stops[i].side(if i == 0 { req.start.track } else { tracks[i] });
        let to = stops[j].side(tracks[j]);
        // Kept by the model once found: a scan of the catalog.
        let supervisor = || crate::chances::own_supervisor(catalog, model, from.occupation);
        if !crate::chances::own_work_given(catalog, &from, &to, supervisor) {
            return None;
        }
        let standing = (i > 0).then_some(stops[i].occupation);
        *found
            .borrow_mut()
            .entry((standing, from.track, j))
            .or_insert_with(|| {
                let levels: Vec<f32> = match standing {
                    None => own.clone(),
                    Some(o) => {
                        let there = &model.profile(o).level;
                        own.iter().zip(there).map(|(a, b)| a.max(*b)).collect()
                    }
                };
                crate::chances::success(catalog, model, &levels, &from, &to).readiness()
            })
    }
}

/// Whether a move enters an occupation as a newcomer — outside both the
/// function of the post it leaves and the person's own (`origin`: the
/// occupation their experience was gained in) — above the grade a
/// newcomer is hired at: one above its typical incumbent's. The top of an
/// occupation's ladder (two grades above typical, paid its 90th
/// percentile) is climbed within it: a senior graphic designer was sent to
/// lead special-effects animators "now", at $177,110 (+146%).
pub(crate) fn enters_above_its_newcomers(
    catalog: &Catalog,
    origin: OccupationId,
    from: Stop,
    to: Stop,
) -> bool {
    let b = catalog.occupation(to.occupation);
    let outside = |o: OccupationId| !catalog.occupation(o).same_function(b);
    // The grade first: it is cheap, and most stops are within it.
    to.level.grade() > typical_level(b).grade() + NEWCOMER_ABOVE_TYPICAL
        && from.occupation != to.occupation
        && outside(from.occupation)
        && outside(origin)
}

/// Whether `to` is a grade the person has held ([`Request::held`]) on its
/// track and in its function: stepping back up to it asks no promotion's
/// tenure. A principal accountant has held no manager's grade, though the
/// two are one grade apart on parallel ladders: the first management post
/// is a promotion.
fn regains_a_held_grade(catalog: &Catalog, held: Option<Stop>, to: Stop) -> bool {
    held.is_some_and(|h| {
        to.level.grade() <= h.level.grade()
            && to.level.is_management() == h.level.is_management()
            && catalog
                .occupation(h.occupation)
                .same_function(catalog.occupation(to.occupation))
    })
}

/// A pair of stops [`edge`] is asked of.
#[derive(Clone, Copy)]
struct Pair {
    from: usize,
    to: usize,
    /// The transition model's score between their occupations.
    transfer: f32,
    /// The least landing chance the move has: [`GRADUATE_LANDING`] into
    /// the goal's own profession through the degree it asks, else 0.
    landing_floor: f32,
}

/// The move from stop `i` to stop `j`, if the rules allow it: its least
/// stay (the tenure before a promotion, a year before a lateral move or a
/// step down, less the time already in the role at the start) and its
/// landing chance. Experience is the search's business: it depends on the
/// route so far.
fn edge(
    req: &Request<'_>,
    stops: &[Stop],
    tracks: &[Track],
    pair: Pair,
    readiness: &dyn Fn(usize, usize) -> Option<f32>,
    catalog: &Catalog,
) -> Option<Edge> {
    let Pair {
        from: i,
        to: j,
        transfer,
        landing_floor,
    } = pair;
    // A route never returns to where it started: the person has left
    // that post (and the years already served in it count only once).
    if j == 0 {
        return None;
    }
    let (from, to) = (stops[i], stops[j]);
    let delta = i16::from(to.level.grade()) - i16::from(from.level.grade());
    let deepest = if i == 0 && req.offered.iter().any(|o| o.same_post(to)) {
        req.max_step_down_offered.unwrap_or(u8::MAX)
    } else {
        req.max_step_down
    };
    if delta > i16::from(MAX_CLIMB) || -delta > i16::from(deepest) {
        return None;
    }
    // With the way up where the person stands closed, neither a step up
    // out of it nor a step down the same occupation's ladder (only to
    // climb it again) is a route: that ladder is what is closed.
    let blocked = i == 0
        && req.promotion_blocked
        && (delta > 0 || (delta < 0 && from.occupation == to.occupation))
        && !req.open_when_blocked(to);
    // Out of work, the post one held is a move away: being hired into it
    // again (the only other stop of the start's occupation and grade).
    let rehired = i == 0 && req.out_of_work;
    if (from.occupation == to.occupation && delta == 0 && !rehired) || blocked {
        return None;
    }
    // A post the person holds an offer for is landed, now: the employer
    // has weighed them, as the advisor takes an offer in hand.
    let offer = i == 0 && req.offered.iter().any(|o| o.same_post(to));
    let origin = req.experience_in.unwrap_or(req.start.occupation);
    if !offer && enters_above_its_newcomers(catalog, origin, from, to) {
        return None;
    }
    let landing = if offer {
        1.0
    } else {
        let from_side = from.side(if i == 0 { req.start.track } else { tracks[i] });
        let to_side = to.side(tracks[j]);
        // Asked only of the moves the rules above allow: it weighs every
        // skill.
        let readiness = readiness(i, j);
        crate::chances::landing(
            catalog, transfer, &from_side, &to_side, None, None, readiness,
        )
        .chance
        .max(landing_floor)
    };
    if landing < MIN_PROBABILITY {
        return None;
    }
    let stay = if delta > 0 && !regains_a_held_grade(catalog, req.held, to) {
        TENURE_YEARS[usize::from(from.level.grade()) - 1]
    } else {
        MIN_STAY_YEARS
    };
    let stay = match i {
        // Out of work, there is no post to serve time in: the first move
        // can be made at once; so can an offer in hand.
        0 if req.out_of_work || offer => 0.0,
        0 => (stay - req.years_in_role).max(0.0),
        _ => stay,
    };
    let years = (stay * 100.0).round() / 100.0;
    Some(Edge {
        to: j,
        years: f64::from(years),
        probability: f64::from(landing),
    })
}
