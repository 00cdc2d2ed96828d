//! An organisation as an internal labour market: its jobs graded on the
//! ladder, how often each comes free, who queues for it, and — per
//! distinct (job, level) state, never per person — whether the route up in
//! one's own job family is open, and which step downs or lateral moves
//! would open one (docs/ORGANISATION.md, "The mobility rule").
//!
//! **The queue.** A job above someone is a real route up only if its
//! openings can absorb the people who could fill it. The people one or
//! two grades below a job, in its family or its occupation, who could land
//! it, compete for it; each person seeks one step up, so their demand is
//! spread over the jobs they compete for by landing chance. A job's
//! *queue* is that demand over its openings a year: the years its openings
//! would take to place everyone waiting.
//! A route up is open when a job of one's own family one or two grades up
//! is within reach (landing at least [`Rules::min_landing`]) and its queue
//! is at most the horizon.
//!
//! **Preparation.** No move may ask more than [`MAX_PREPARATION_GAP`] job
//! zone of preparation beyond the person's occupation (its landing chance
//! is 0): a nurse does not become a physician by an internal move.
//!
//! **The switchback.** For a blocked state, a step down (at most
//! [`Rules::max_step_down`] grades) or lateral move to another job that asks
//! no more preparation than the person's own is a
//! switchback when the person can land it and do well in it (the seed's
//! "if you believe you can be successful in the lower role":
//! [`Rules::min_success`]) and, from it, a job above the person's present
//! grade is within reach, where the wait to enter the stop
//! ([`Market::wait_years`]) and then the usual tenure there
//! ([`TENURE_YEARS`]) or the onward queue, whichever is longer, fit the
//! horizon. A job's wait is its queue, and never less than the years until
//! one of its positions comes free.
//!
//! **Seats.** Each person's switchbacks are found as if they alone moved;
//! [`allocate`] then gives each stop no more people than the positions it
//! frees within the horizon beyond its own queue ([`Market::seats`]), the
//! people with the best switchback first.
//!
//! Pure: every figure comes from the catalog, the transition model and the
//! organisation's jobs and headcounts passed in.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, ElementId, OccupationId};
use crate::chances::{self, Side};
use crate::level::Level;
use crate::position::{MoveKind, Track, estimated_salary, typical_level};
use crate::route::plan::{MAX_CLIMB, TENURE_YEARS};
use crate::transition::TransitionModel;

/// Share of workers leaving an occupation each year, all occupations
/// together (BLS Employment Projections 2024–34, total separations rate
/// 10.6%): used for an occupation BLS does not project.
pub(crate) const ALL_OCCUPATIONS_SEPARATION_RATE: f32 = 0.106;
/// The most job zones of preparation (O*NET's 1–5) a move may ask beyond
/// the person's occupation: more is years of schooling or a licence, not
/// a move within an organisation.
pub(crate) const MAX_PREPARATION_GAP: u8 = 1;
/// The grades either side of an occupation's typical level a job can be
/// graded at from its pay (OEWS publishes five percentiles: 10th … 90th).
pub(crate) const PAY_GRADE_REACH: i16 = 2;

/// Thresholds of the mobility rule.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    /// Years within which a route up must deliver.
    pub horizon_years: f32,
    /// The least chance of landing a move for it to count as within reach.
    pub min_landing: f32,
    /// The least chance of doing well at a switchback's stop.
    pub min_success: f32,
    /// The most grades a switchback may step down.
    pub max_step_down: u8,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            horizon_years: 8.0,
            min_landing: 0.2,
            min_success: 0.5,
            max_step_down: 2,
        }
    }
}

/// One job of the organisation, mapped to an occupation and graded.
#[derive(Clone, Debug, PartialEq)]
pub struct OrgJob {
    /// The organisation's job code.
    pub code: String,
    /// The organisation's title.
    pub title: String,
    /// The job family (or department) whose route up is the person's own.
    pub family: String,
    /// The occupation the job is mapped to.
    pub occupation: OccupationId,
    /// The job's level on the ladder.
    pub level: Level,
    /// The job's typical pay (band midpoint), if known.
    pub pay: Option<u32>,
    /// People in the job.
    pub headcount: u32,
    /// Positions expected to come free in a year.
    pub openings_per_year: f32,
}

/// One distinct situation people are in: a job, at a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct State {
    /// Index into the organisation's jobs.
    pub job: usize,
    /// The level (the job's own unless the person's grade says otherwise).
    pub level: Level,
}

/// Why the route up in one's own family is closed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Blocked {
    /// No job of the family stands higher (graded above and, where pays
    /// are known, better paid).
    NoHigherJob,
    /// Higher jobs exist, but none is within reach from here: none one or
    /// two grades up can be landed, or the nearest is further up than one
    /// move climbs.
    OutOfReach {
        /// The higher job of the family with the best landing chance; when
        /// every higher job is beyond one move's climb, the lowest of
        /// them.
        nearest: usize,
        /// Its landing chance, as a direct move (beyond one move's climb,
        /// a move the rules would not make in one step).
        landing: f32,
    },
    /// The reachable higher jobs have more people queuing than their
    /// openings would place within the horizon.
    Queue {
        /// The reachable higher job with the shortest queue.
        job: usize,
        /// Its queue, in years.
        queue_years: f32,
    },
}

/// The route up in one's own family.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RouteUp {
    /// A higher job of the family is within reach with a queue inside the
    /// horizon.
    Open {
        /// That job.
        job: usize,
        /// The landing chance.
        landing: f32,
        /// Its queue, in years.
        queue_years: f32,
    },
    /// The route is closed.
    Blocked(Blocked),
}

impl RouteUp {
    /// Whether the route is closed.
    pub fn is_blocked(&self) -> bool {
        matches!(self, RouteUp::Blocked(_))
    }
}

/// A step down or lateral move that opens a route up.
#[derive(Clone, Debug, PartialEq)]
pub struct Switchback {
    /// The job moved to.
    pub via: usize,
    /// Step down or lateral.
    pub kind: MoveKind,
    /// Grades given up (0 for lateral).
    pub grades_down: u8,
    /// The chance of landing the stop.
    pub landing: f32,
    /// The chance of doing well there.
    pub success: f32,
    /// The largest gaps to close there, most important first.
    pub gaps: Vec<ElementId>,
    /// The higher job the stop leads to.
    pub onward: usize,
    /// The chance of landing it from the stop.
    pub onward_landing: f32,
    /// Its queue, in years.
    pub onward_queue_years: f32,
    /// Years to wait to enter the stop ([`Market::wait_years`]).
    pub wait_years: f32,
    /// Years to the higher job: the wait to enter the stop, then the usual
    /// tenure there or the onward queue, whichever is longer.
    pub years: f32,
    /// landing × success × onward landing.
    pub chance: f32,
}

/// What the organisation offers one state.
#[derive(Clone, Debug, PartialEq)]
pub struct StateAdvice {
    /// The route up in the person's own family.
    pub route_up: RouteUp,
    /// Every switchback, best first (only for a blocked state); a person's
    /// own limits pick among them.
    pub switchbacks: Vec<Switchback>,
}

/// A route to a goal job through the organisation's jobs.
#[derive(Clone, Debug, PartialEq)]
pub struct InternalRoute {
    /// The jobs moved to, in order, the goal last (empty when the person
    /// already holds the goal job).
    pub stops: Vec<usize>,
    /// The product of every move's landing and success chances.
    pub chance: f32,
    /// Years until the goal: the queue for each job moved to and, at a
    /// stop, at least the usual tenure there.
    pub years: f32,
}

/// A move's two chances between two states, when the grade window allows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MoveChances {
    /// Landing, 0–1.
    pub landing: f32,
    /// Success, 0–1.
    pub success: f32,
}

/// The organisation read as a labour market: its jobs, the people in each
/// state, each job's queue, and the transfer scores between its
/// occupations, computed once.
pub struct Market<'a> {
    catalog: &'a Catalog,
    model: &'a TransitionModel,
    jobs: &'a [OrgJob],
    states: Vec<(State, u32)>,
    family_jobs: HashMap<&'a str, Vec<usize>>,
    occupations: Vec<OccupationId>,
    occupation_of_job: Vec<usize>,
    transfer: Vec<f32>,
    /// Readiness for each job from each occupation of its own function
    /// (by the occupation's index, and whether the person is on the
    /// management track): what a step into that work lands on
    /// ([`Market::landing`]).
    own_work_readiness: HashMap<(usize, bool, usize), f32>,
    zones: Vec<Option<u8>>,
    queue_years: Vec<f32>,
    rules: Rules,
}

impl<'a> Market<'a> {
    /// Reads the organisation: `states` are the distinct states with the
    /// number of people in each.
    pub fn new(
        catalog: &'a Catalog,
        model: &'a TransitionModel,
        jobs: &'a [OrgJob],
        states: Vec<(State, u32)>,
        rules: Rules,
    ) -> Self {
        let mut occupations: Vec<OccupationId> = jobs.iter().map(|j| j.occupation).collect();
        occupations.sort_unstable_by_key(|o| o.0);
        occupations.dedup();
        let occupation_of_job = jobs
            .iter()
            .map(|j| {
                occupations
                    .binary_search_by_key(&j.occupation.0, |o| o.0)
                    .unwrap_or(0)
            })
            .collect();
        let n = occupations.len();
        let mut transfer = vec![0.0; n * n];
        for (i, &a) in occupations.iter().enumerate() {
            for (k, &b) in occupations.iter().enumerate() {
                transfer[i * n + k] = model.score(a, b);
            }
        }
        let mut family_jobs: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, j) in jobs.iter().enumerate() {
            family_jobs.entry(j.family.as_str()).or_default().push(i);
        }
        let zones = jobs
            .iter()
            .map(|j| catalog.occupation(j.occupation).job_zone.map(|z| z.get()))
            .collect();
        let own_work_readiness = own_work_readiness(catalog, model, jobs, &occupations);
        let mut market = Market {
            catalog,
            model,
            jobs,
            states,
            family_jobs,
            occupations,
            occupation_of_job,
            transfer,
            own_work_readiness,
            zones,
            queue_years: Vec::new(),
            rules,
        };
        market.queue_years = market.queues();
        market
    }

    /// The rules in force.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The catalog the market reads.
    pub fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// The number of jobs.
    pub fn jobs_len(&self) -> usize {
        self.jobs.len()
    }

    /// The job at `index`.
    pub fn job(&self, index: usize) -> &OrgJob {
        &self.jobs[index]
    }

    /// The years a job's openings would take to place everyone queuing
    /// for it (infinite without openings, 0 without anyone queuing).
    pub fn queue_years(&self, job: usize) -> f32 {
        self.queue_years[job]
    }

    /// Positions of `job` coming free within the horizon that the people
    /// already queuing for it do not claim: the seats a batch may give
    /// the people it sends there ([`allocate`]).
    pub fn seats(&self, job: usize) -> u32 {
        let q = self.queue_years[job];
        if !q.is_finite() {
            return 0;
        }
        let free = self.jobs[job].openings_per_year * (self.rules.horizon_years - q);
        free.max(0.0).floor() as u32
    }

    /// The years a person can expect to wait to enter `job`: its queue,
    /// and never less than the years until one position comes free (one
    /// over its openings a year) — a job of one person that changes hands
    /// every dozen years is no stop on a route, however short its queue.
    pub fn wait_years(&self, job: usize) -> f32 {
        let openings = self.jobs[job].openings_per_year;
        if openings <= 0.0 {
            return f32::INFINITY;
        }
        self.queue_years[job].max(1.0 / openings)
    }

    fn transfer(&self, from_job: usize, to_job: usize) -> f32 {
        let n = self.occupations.len();
        self.transfer[self.occupation_of_job[from_job] * n + self.occupation_of_job[to_job]]
    }

    fn side(&self, job: usize, level: Level) -> Side {
        Side {
            occupation: self.jobs[job].occupation,
            level,
            track: track_of(level),
        }
    }

    /// The chance of landing `to` (at its own level) from `from`: how far
    /// the work transfers (with the rarity of distant moves,
    /// [`chances::transfer_chance`], as every landing chance), times the factor for the climb and any entry
    /// into management — given an opening; the queue says how often one
    /// comes. On a step into work of one's own function at or below one's
    /// grade ([`chances::own_work`]) — a supervisor back into the work
    /// they supervised — the readiness of someone in one's occupation for
    /// it stands in for the transfer when higher, as in the advisor.
    pub fn landing(&self, from: State, to: usize) -> f32 {
        if from.job == to || self.preparation_gap(from.job, to) > MAX_PREPARATION_GAP {
            return 0.0;
        }
        let to_side = self.side(to, self.jobs[to].level);
        let from_side = self.side(from.job, from.level);
        let delta = to_side.level.grade() as i8 - from.level.grade() as i8;
        let (factor, _) = chances::level_factor(delta, from_side.track, &to_side);
        let transfer = self.transfer(from.job, to);
        // Kept by the model once found (`transition::memo`).
        let supervisor = || chances::own_supervisor(self.catalog, self.model, from_side.occupation);
        let readiness = chances::own_work_given(self.catalog, &from_side, &to_side, supervisor)
            .then(|| {
                let key = (
                    self.occupation_of_job[from.job],
                    from_side.track == Track::Management,
                    to,
                );
                self.own_work_readiness.get(&key).copied()
            })
            .flatten();
        let used = readiness.map_or(transfer, |r| r.max(transfer));
        (chances::transfer_chance(used) * factor).min(chances::MAX_LANDING)
    }

    /// Job zones of preparation `to` asks beyond `from` (0 when either is
    /// unknown).
    fn preparation_gap(&self, from: usize, to: usize) -> u8 {
        match (self.zones[from], self.zones[to]) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => 0,
        }
    }

    /// The chance of doing well in `to` for someone in `from`, with the
    /// largest gaps.
    pub fn success(&self, from: State, to: usize) -> (f32, Vec<ElementId>) {
        let levels = &self.model.profile(self.jobs[from.job].occupation).level;
        let s = chances::success(
            self.catalog,
            self.model,
            levels,
            &self.side(from.job, from.level),
            &self.side(to, self.jobs[to].level),
        );
        (s.chance, s.shortfalls.iter().map(|g| g.element).collect())
    }

    /// Every job's queue in years: each state's people are spread over
    /// the higher jobs they compete for ([`Market::contested_by`]) in
    /// proportion to their landing chance — a person seeks one step up,
    /// not all of them — and each job's share is divided by its openings.
    fn queues(&self) -> Vec<f32> {
        let mut demand = vec![0f32; self.jobs.len()];
        for &(s, people) in &self.states {
            let reachable: Vec<(usize, f32)> = self.contested_by(s).collect();
            let total: f32 = reachable.iter().map(|(_, l)| l).sum();
            for (job, landing) in reachable {
                demand[job] += people as f32 * landing / total;
            }
        }
        demand
            .iter()
            .zip(self.jobs)
            .map(|(&d, j)| match (d > 0.0, j.openings_per_year > 0.0) {
                (false, _) => 0.0,
                (true, false) => f32::INFINITY,
                (true, true) => d / j.openings_per_year,
            })
            .collect()
    }

    /// The higher jobs people in `s` compete for, with their landing
    /// chances: one or two grades up, within reach, in the state's own
    /// family or in its occupation elsewhere in the organisation. Moves
    /// into other families are what switchbacks propose, not a queue
    /// people already stand in.
    fn contested_by(&self, s: State) -> impl Iterator<Item = (usize, f32)> + '_ {
        let own = &self.jobs[s.job];
        self.jobs.iter().enumerate().filter_map(move |(i, j)| {
            let related = j.family == own.family || j.occupation == own.occupation;
            if i == s.job || !related || !self.is_above(s, i) {
                return None;
            }
            let landing = self.landing(s, i);
            (landing >= self.rules.min_landing).then_some((i, landing))
        })
    }

    /// Whether the job `to` is a step up from `from`: one or two grades
    /// higher and, where both pays are known, better paid — a grade read
    /// from one occupation's pay distribution is not comparable enough
    /// across occupations to call a pay cut a step up.
    pub fn is_above(&self, from: State, to: usize) -> bool {
        let (grade, g) = (from.level.grade(), self.jobs[to].level.grade());
        g > grade && g - grade <= MAX_CLIMB && self.pays_more(from.job, to)
    }

    /// Whether job `to` pays more than job `from`, or either pay is unknown.
    fn pays_more(&self, from: usize, to: usize) -> bool {
        match (self.jobs[from].pay, self.jobs[to].pay) {
            (Some(a), Some(b)) => b > a,
            _ => true,
        }
    }

    /// Jobs of `family` that are a step up from `from`.
    fn higher_in_family<'f>(
        &'f self,
        family: &str,
        from: State,
    ) -> impl Iterator<Item = usize> + 'f {
        self.family_jobs
            .get(family)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(move |&i| i != from.job && self.is_above(from, i))
    }

    /// The route up from `from` within `family`, for a person who must
    /// get there within `years`.
    fn route_up_in(&self, from: State, family: &str, years: f32) -> RouteUp {
        let mut nearest: Option<(usize, f32)> = None;
        let mut best: Option<(usize, f32, f32)> = None;
        for j in self.higher_in_family(family, from) {
            let landing = self.landing(from, j);
            if nearest.is_none_or(|(_, l)| landing > l) {
                nearest = Some((j, landing));
            }
            if landing < self.rules.min_landing {
                continue;
            }
            let q = self.wait_years(j);
            if best.is_none_or(|(_, bl, bq)| q < bq || (q == bq && landing > bl)) {
                best = Some((j, landing, q));
            }
        }
        match (best, nearest) {
            (Some((job, landing, queue_years)), _) if queue_years <= years => RouteUp::Open {
                job,
                landing,
                queue_years,
            },
            (Some((job, _, queue_years)), _) => {
                RouteUp::Blocked(Blocked::Queue { job, queue_years })
            }
            (None, Some((nearest, landing))) => {
                RouteUp::Blocked(Blocked::OutOfReach { nearest, landing })
            }
            (None, None) => match self.nearest_above_a_climb(family, from) {
                // Higher jobs exist, more than a move's climb up: none is
                // within reach in one move (the Sergeant three grades
                // above a deputy), which is not "no higher job".
                Some(nearest) => RouteUp::Blocked(Blocked::OutOfReach {
                    nearest,
                    landing: self.landing(from, nearest),
                }),
                None => RouteUp::Blocked(Blocked::NoHigherJob),
            },
        }
    }

    /// The lowest-graded (then best-landing) job of `family` more than
    /// [`MAX_CLIMB`] grades above `from` and better paid, where pays are
    /// known.
    fn nearest_above_a_climb(&self, family: &str, from: State) -> Option<usize> {
        let grade = from.level.grade();
        self.family_jobs
            .get(family)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|&i| {
                i != from.job
                    && self.jobs[i].level.grade() > grade + MAX_CLIMB
                    && self.pays_more(from.job, i)
            })
            .min_by(|&a, &b| {
                let (la, lb) = (self.landing(from, a), self.landing(from, b));
                self.jobs[a]
                    .level
                    .grade()
                    .cmp(&self.jobs[b].level.grade())
                    .then(lb.total_cmp(&la))
                    .then(a.cmp(&b))
            })
    }

    /// What the organisation offers `state`: its route up and, when that
    /// is blocked, the best switchbacks.
    pub fn advise(&self, state: State) -> StateAdvice {
        let family = &self.jobs[state.job].family;
        let route_up = self.route_up_in(state, family, self.rules.horizon_years);
        let switchbacks = if route_up.is_blocked() {
            self.switchbacks(state)
        } else {
            Vec::new()
        };
        StateAdvice {
            route_up,
            switchbacks,
        }
    }

    /// The switchbacks from `state`, best first, one per stop.
    fn switchbacks(&self, state: State) -> Vec<Switchback> {
        let mut found: Vec<Switchback> = (0..self.jobs.len())
            .filter_map(|via| self.switchback_via(state, via))
            .collect();
        found.sort_by(|a, b| {
            b.chance
                .total_cmp(&a.chance)
                .then(a.years.total_cmp(&b.years))
                .then(a.via.cmp(&b.via))
        });
        found
    }

    /// The switchback from `state` through the job `via`, if it is one.
    pub(crate) fn switchback_via(&self, state: State, via: usize) -> Option<Switchback> {
        let grade = state.level.grade();
        let stop = &self.jobs[via];
        let via_grade = stop.level.grade();
        if via == state.job || via_grade > grade || grade - via_grade > self.rules.max_step_down {
            return None;
        }
        // A step down or sideways uses what the person brings: a stop that
        // asks more preparation than their own work is no switchback.
        if stop.openings_per_year <= 0.0 || self.preparation_gap(state.job, via) > 0 {
            return None;
        }
        let landing = self.landing(state, via);
        if landing < self.rules.min_landing {
            return None;
        }
        let tenure = TENURE_YEARS[usize::from(via_grade.clamp(1, 10)) - 1];
        let enter = self.wait_years(via);
        let at_stop = State {
            job: via,
            level: stop.level,
        };
        // The onward job's queue runs while the person serves the tenure.
        let left = self.rules.horizon_years - enter;
        if left < tenure {
            return None;
        }
        let (onward, onward_landing, onward_queue_years) =
            self.onward_from(at_stop, state, left)?;
        let (success, gaps) = self.success(state, via);
        if success < self.rules.min_success {
            return None;
        }
        Some(Switchback {
            via,
            kind: if via_grade < grade {
                MoveKind::StepDown
            } else {
                MoveKind::Lateral
            },
            grades_down: grade - via_grade,
            landing,
            success,
            gaps,
            onward,
            onward_landing,
            onward_queue_years,
            wait_years: enter,
            years: enter + tenure.max(onward_queue_years),
            chance: landing * success * onward_landing,
        })
    }

    /// The best job of the stop's family that is a step up from both the
    /// stop and where the person stands today (`origin`), within reach
    /// from the stop, whose queue fits in `years`.
    fn onward_from(&self, stop: State, origin: State, years: f32) -> Option<(usize, f32, f32)> {
        if years <= 0.0 {
            return None;
        }
        let family = &self.jobs[stop.job].family;
        self.higher_in_family(family, stop)
            .filter(|&i| {
                i != origin.job
                    && self.jobs[i].level.grade() > origin.level.grade()
                    && self.pays_more(origin.job, i)
            })
            .filter_map(|i| {
                let landing = self.landing(stop, i);
                let q = self.wait_years(i);
                (landing >= self.rules.min_landing && q <= years).then_some((i, landing, q))
            })
            .max_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then(b.2.total_cmp(&a.2))
                    .then(b.0.cmp(&a.0))
            })
    }

    /// The move from `from` to the job `to` at its level, when it is within
    /// reach and the person would do well: its two chances.
    pub fn move_chances(&self, from: State, to: usize) -> Option<MoveChances> {
        let landing = self.landing(from, to);
        if landing < self.rules.min_landing {
            return None;
        }
        let (success, _) = self.success(from, to);
        (success >= self.rules.min_success).then_some(MoveChances { landing, success })
    }
}

impl Market<'_> {
    /// The best route from `from` to the job `goal`: the direct move or one
    /// stop on the way (each move within reach and with success at least
    /// the rule's). Routes that arrive within the horizon come first; among
    /// them, the highest chance.
    pub fn route_to(&self, from: State, goal: usize) -> Option<InternalRoute> {
        if from.job == goal {
            return Some(InternalRoute {
                stops: Vec::new(),
                chance: 1.0,
                years: 0.0,
            });
        }
        let wait = |j: usize| self.wait_years(j);
        let direct = self.move_chances(from, goal).map(|c| InternalRoute {
            stops: vec![goal],
            chance: c.landing * c.success,
            years: wait(goal),
        });
        let via = (0..self.jobs.len())
            .filter(|&k| k != from.job && k != goal)
            .filter_map(|k| {
                let first = self.move_chances(from, k)?;
                let stop = State {
                    job: k,
                    level: self.jobs[k].level,
                };
                let second = self.move_chances(stop, goal)?;
                let tenure = TENURE_YEARS[usize::from(stop.level.grade().clamp(1, 10)) - 1];
                Some(InternalRoute {
                    stops: vec![k, goal],
                    chance: first.landing * first.success * second.landing * second.success,
                    years: wait(k) + tenure.max(wait(goal)),
                })
            });
        let horizon = self.rules.horizon_years;
        direct.into_iter().chain(via).max_by(|a, b| {
            (a.years <= horizon)
                .cmp(&(b.years <= horizon))
                .then(a.chance.total_cmp(&b.chance))
                .then(b.stops.len().cmp(&a.stops.len()))
        })
    }
}

/// Hands out the seats of the stops switchbacks send people to, so no
/// stop is promised to more people than it can take within the horizon:
/// people in `order` (best first — the batch orders them by their best
/// switchback's chance, then experience), each taking the first of their
/// `options` (option index and stop job, best first) with a seat left.
/// A person stands for `weight(person)` people (1, or more when the
/// employee file holds part of the organisation: each sampled person
/// speaks for their job's headcount over its people in the file) and
/// takes as many seats, given while at least half of them are left — so
/// a sample is seated in proportion, not a seat per sampled person.
/// Returns, per person, the option given (none when every stop they could
/// take is full, or they had none).
pub fn allocate(
    seats: &[u32],
    order: &[usize],
    weight: impl Fn(usize) -> f32,
    mut options: impl FnMut(usize) -> Vec<(usize, usize)>,
) -> Vec<Option<usize>> {
    let mut left: Vec<f32> = seats.iter().map(|&n| n as f32).collect();
    let mut given = vec![None; order.len()];
    for &person in order {
        let w = weight(person).max(1.0);
        for (option, stop) in options(person) {
            if let Some(free) = left.get_mut(stop).filter(|n| **n >= w / 2.0) {
                *free -= w;
                given[person] = Some(option);
                break;
            }
        }
    }
    given
}

/// The track a level puts a person on.
/// The readiness of someone in each occupation of `occupations` for each
/// job of their own function (its SOC broad group, work their occupation
/// manages, or its first-line supervision), on either track, keyed as
/// [`Market::own_work_readiness`]: computed once, for the few pairs a step
/// into one's own function's work can join.
fn own_work_readiness(
    catalog: &Catalog,
    model: &TransitionModel,
    jobs: &[OrgJob],
    occupations: &[OccupationId],
) -> HashMap<(usize, bool, usize), f32> {
    let mut out = HashMap::new();
    for (j, job) in jobs.iter().enumerate() {
        let to = Side {
            occupation: job.occupation,
            level: job.level,
            track: track_of(job.level),
        };
        let b = catalog.occupation(job.occupation);
        for (i, &o) in occupations.iter().enumerate() {
            let a = catalog.occupation(o);
            if o == job.occupation || !a.same_function(b) {
                continue;
            }
            let levels = &model.profile(o).level;
            for track in [Track::Individual, Track::Management] {
                let from = Side {
                    occupation: o,
                    level: job.level,
                    track,
                };
                let readiness = chances::success(catalog, model, levels, &from, &to).readiness();
                if let Some(r) = readiness {
                    out.insert((i, track == Track::Management, j), r);
                }
            }
        }
    }
    out
}

pub(crate) fn track_of(level: Level) -> Track {
    if level.is_management() {
        Track::Management
    } else {
        Track::Individual
    }
}

/// The organisation's pay relative to the national market: the median,
/// over jobs with a known pay and an occupation with OEWS wages, of the
/// job's pay divided by the occupation's median wage. Grading from pay
/// divides by it first, so an organisation that pays above the market —
/// or a file from an earlier year — is not graded up or down as a whole.
/// 1 when no job can be compared.
pub fn pay_index(catalog: &Catalog, jobs: impl IntoIterator<Item = (OccupationId, u32)>) -> f32 {
    let mut ratios: Vec<f32> = jobs
        .into_iter()
        .filter_map(|(o, pay)| {
            let median = catalog.occupation(o).wages.as_ref()?.annual.median?;
            (median > 0).then(|| pay as f32 / median as f32)
        })
        .collect();
    if ratios.is_empty() {
        return 1.0;
    }
    ratios.sort_by(f32::total_cmp);
    ratios[ratios.len() / 2]
}

/// The level a job's pay suggests: on the occupation's own track (a
/// management occupation's jobs are graded on the management track), the
/// level within [`PAY_GRADE_REACH`] of the occupation's typical one whose
/// OEWS-estimated salary is nearest the job's pay divided by the pay
/// index, measured on a log scale; the typical level without pay or
/// wages. A first-line supervisor occupation's jobs are graded by pay
/// too, unlike a route's one supervisor grade: one O*NET occupation
/// (first-line supervisors of police) holds an employer's sergeants,
/// lieutenants and captains, and their pay is what tells the ranks apart.
pub fn level_from_pay(
    catalog: &Catalog,
    occupation: OccupationId,
    pay: Option<u32>,
    index: f32,
) -> Level {
    let o = catalog.occupation(occupation);
    let typical = typical_level(o);
    let Some(pay) = pay.filter(|p| *p > 0) else {
        return typical;
    };
    let target = (pay as f32 / index.max(0.01)).ln();
    let management = o.is_management();
    Level::ALL
        .into_iter()
        .filter(|l| l.is_management() == management)
        .filter(|l| (i16::from(l.grade()) - i16::from(typical.grade())).abs() <= PAY_GRADE_REACH)
        .filter_map(|l| {
            let s = estimated_salary(o, l)?;
            let distance = (target - (s as f32).ln()).abs();
            let off_typical = (i16::from(l.grade()) - i16::from(typical.grade())).abs();
            Some((l, distance, off_typical))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)))
        .map_or(typical, |(l, _, _)| l)
}

/// Positions a job of `headcount` people in `occupation` can expect to
/// come free in a year: the headcount times BLS's total separations rate
/// for the occupation (people leaving it — retiring, leaving work, or
/// changing occupation), or [`ALL_OCCUPATIONS_SEPARATION_RATE`] where BLS
/// does not project it. Leaving for the same work at another employer is
/// not in BLS's figures, so the estimate errs low.
pub fn estimated_openings(catalog: &Catalog, occupation: OccupationId, headcount: u32) -> f32 {
    let rate = catalog
        .occupation(occupation)
        .outlook
        .as_ref()
        .map(|o| o.separation_rate_percent / 100.0)
        .filter(|r| *r > 0.0)
        .unwrap_or(ALL_OCCUPATIONS_SEPARATION_RATE);
    headcount as f32 * rate
}
