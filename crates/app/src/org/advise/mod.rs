//! `org advise`: the batch over a whole workforce. Jobs are mapped (as
//! `org map` does) and graded, people are grouped into distinct (job,
//! level) states, and the organisation's market ([`Market`]) is asked once
//! per state; each person then gets their state's answer filtered by their
//! own limits, and each open role its internal candidates.
//!
//! The states are independent once the market is built: [`advise`] runs
//! them in partitions (docs/ARCHITECTURE.md, "Organisation batches"), so a
//! later step can hand the same partitions to a distributed engine.

mod answers;
mod inputs;
mod roles;

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
pub use switchback_core::org::mobility::Rules;
use switchback_core::org::mobility::{Market, State, StateAdvice};

use self::answers::{PersonAnswer, StateAnswer};
use self::inputs::Inputs;
use crate::{AppError, Engine};

/// Candidates listed per open role.
pub const CANDIDATES_PER_ROLE: usize = 10;
/// States per partition of the batch.
pub const PARTITION_STATES: usize = 256;

/// A named file's text.
#[derive(Clone, Copy, Debug)]
pub struct FileText<'a> {
    /// The name errors use.
    pub name: &'a str,
    /// The contents.
    pub text: &'a str,
}

/// The organisation's files for one batch.
#[derive(Clone, Copy, Debug)]
pub struct OrgFiles<'a> {
    /// The job architecture.
    pub jobs: FileText<'a>,
    /// A reviewed mapping from `org map`.
    pub mapping: Option<FileText<'a>>,
    /// The employees.
    pub employees: FileText<'a>,
    /// The open roles; without them, openings are estimated.
    pub open_roles: Option<FileText<'a>>,
    /// The grade mapping; without it, levels are proposed from pay.
    pub grades: Option<FileText<'a>>,
}

/// A job as the batch graded it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct GradedJobView {
    /// The organisation's job code.
    pub job_code: String,
    /// Its title.
    pub title: String,
    /// Its family.
    pub family: String,
    /// The occupation it maps to.
    pub onet_code: String,
    /// The mapping's confidence (`high`, `medium`, `low`, `reviewed`).
    pub confidence: &'static str,
    /// The level on Switchback's ladder.
    pub level: &'static str,
    /// `grade_mapping` (the organisation's grade mapping) or `pay` (proposed
    /// from the job's pay against the occupation's OEWS percentiles).
    pub level_source: &'static str,
    /// The band midpoint, in dollars a year.
    pub pay: Option<u32>,
    /// People in the job: the employee file's count, or the architecture's
    /// headcount when that is larger (the file holds part of the
    /// organisation).
    pub headcount: u32,
    /// Positions expected to come free a year (estimated from BLS
    /// separation rates).
    pub openings_per_year: f32,
    /// Years the openings would take to place everyone queuing for the job
    /// (absent when no opening is expected but people queue).
    pub queue_years: Option<f32>,
    /// Positions freed within the horizon beyond the queue's claim: the
    /// most people switchbacks may send here.
    pub seats: u32,
}

/// One employee's answer: a flat row, as the per-employee CSV writes it.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct EmployeeAdviceView {
    /// The pseudonymous id.
    pub employee_id: String,
    /// The person's job.
    pub job_code: String,
    /// Its title.
    pub title: String,
    /// The person's department.
    pub department: String,
    /// The job's family.
    pub family: String,
    /// The occupation the job maps to.
    pub onet_code: String,
    /// The person's level.
    pub level: &'static str,
    /// The person's salary.
    pub salary: Option<u32>,
    /// `open` or `blocked`: the route up in the person's own family.
    pub route_up: &'static str,
    /// Why it is blocked: `no_higher_job`, `out_of_reach`, `queue`.
    pub blocked_reason: Option<&'static str>,
    /// The higher job of the family the answer is about.
    pub route_up_job_code: Option<String>,
    /// Its title.
    pub route_up_title: Option<String>,
    /// The wait to enter it, in years: its queue, at least the years
    /// until a position comes free (absent when infinite, and when the job
    /// is out of reach).
    pub route_up_queue_years: Option<f32>,
    /// `step_down` or `lateral`, when a switchback opens a route up.
    pub switchback_kind: Option<&'static str>,
    /// The job to move to.
    pub switchback_job_code: Option<String>,
    /// Its title.
    pub switchback_title: Option<String>,
    /// Its department (job family).
    pub switchback_family: Option<String>,
    /// Grades given up.
    pub switchback_grades_down: Option<u8>,
    /// The chance of landing it.
    pub switchback_landing: Option<f32>,
    /// The chance of doing well in it.
    pub switchback_success: Option<f32>,
    /// Its pay (band midpoint) minus the person's salary.
    pub switchback_pay_change: Option<i64>,
    /// The higher job it leads to.
    pub onward_job_code: Option<String>,
    /// Its title.
    pub onward_title: Option<String>,
    /// The queue there, in years.
    pub onward_queue_years: Option<f32>,
    /// Years from the move to the higher job.
    pub switchback_years: Option<f32>,
    /// landing × success × onward landing.
    pub switchback_chance: Option<f32>,
    /// The largest gaps to close at the stop (names, `; `-separated).
    pub gaps: Vec<String>,
    /// Switchbacks left out by the person's own limits.
    pub ruled_out_by_limits: usize,
    /// The person had switchbacks, but their stops' seats went to people
    /// with better ones (each stop takes no more people than the positions
    /// it frees within the horizon).
    pub crowded_out: bool,
    /// The person's goal job.
    pub goal_job_code: Option<String>,
    /// The best route to it: job codes after the present one, in order.
    pub goal_route: Vec<String>,
    /// The route's chance (product of each move's landing and success).
    pub goal_chance: Option<f32>,
    /// Years to the goal on that route: each job's queue and, at a stop,
    /// at least the usual tenure (absent when a queue never clears).
    pub goal_years: Option<f32>,
    /// The open role the route's first move would fill, if one is open.
    pub goal_open_role: Option<String>,
}

/// One internal candidate for an open role.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CandidateView {
    /// 1 for the best.
    pub rank: usize,
    /// The pseudonymous id.
    pub employee_id: String,
    /// Their job.
    pub job_code: String,
    /// `switchback` (a step down or lateral move onto a route up they lack
    /// today) or `step_up`.
    pub kind: &'static str,
    /// Grades the move climbs (negative down).
    pub grade_change: i8,
    /// The chance of landing the role.
    pub landing: f32,
    /// The chance of doing well in it.
    pub success: f32,
    /// For a switchback, the higher job it leads to.
    pub onward_job_code: Option<String>,
}

/// An open role (given, or estimated) and its internal candidates.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RoleView {
    /// The role's id (`EST-` and the job code for an estimated one).
    pub role_id: String,
    /// Its job.
    pub job_code: String,
    /// The job's title.
    pub title: String,
    /// Its department.
    pub department: String,
    /// Its level.
    pub level: &'static str,
    /// True when the role is an estimate of a year's openings, not a
    /// posted role.
    pub estimated: bool,
    /// Positions: 1 for a posted role; the expected number in a year for
    /// an estimate.
    pub positions: f32,
    /// Internal candidates, best first.
    pub candidates: Vec<CandidateView>,
}

/// The batch's totals.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OrgSummaryView {
    /// Employees advised.
    pub employees: usize,
    /// Distinct (job, level) states the work was done for.
    pub states: usize,
    /// Jobs in the architecture that were graded.
    pub jobs: usize,
    /// Jobs left out because no occupation matched.
    pub jobs_unmapped: usize,
    /// People whose route up in their own family is blocked.
    pub blocked: usize,
    /// People blocked for whom a switchback opens a route (a seat at its
    /// stop given).
    pub blocked_with_switchback: usize,
    /// People blocked whose switchbacks' stops were all full.
    pub crowded_out: usize,
    /// People with a goal, and those with a route to it.
    pub with_goal: usize,
    /// People with a route to their goal.
    pub goal_reachable: usize,
    /// People whose route to their goal arrives within the horizon (the
    /// others' routes wait on queues past it).
    pub goal_within_horizon: usize,
    /// People whose goal is an occupation no job of the organisation is
    /// (at the level asked).
    pub goal_not_in_organisation: usize,
    /// Open roles (posted or estimated).
    pub roles: usize,
    /// True when the open roles are estimates.
    pub roles_estimated: bool,
    /// The organisation's pay over the national median, by which pay was
    /// divided before grading from it.
    pub pay_index: f32,
    /// Jobs graded by the organisation's grade mapping.
    pub levels_from_grade_mapping: usize,
    /// Jobs graded from pay.
    pub levels_from_pay: usize,
    /// Jobs whose occupation the mapper proposed with medium or low
    /// confidence and no person reviewed (`org map`), and the people in
    /// them: their advice is only as good as that mapping.
    pub jobs_unreviewed: usize,
    /// People in those jobs.
    pub people_in_unreviewed_jobs: usize,
    /// The rules in force.
    #[schema(value_type = Object)]
    pub rules: Rules,
}

/// The batch's answer. The per-employee rows are made when read
/// ([`OrgAdviceView::employees`]), from answers kept once per state, so a
/// workforce of millions is held compactly.
#[derive(Clone, Debug)]
pub struct OrgAdviceView {
    /// Totals.
    pub summary: OrgSummaryView,
    /// Every graded job.
    pub jobs: Vec<GradedJobView>,
    /// One entry per open role.
    pub roles: Vec<RoleView>,
    /// Rows not kept, by file, line and field.
    pub problems: Vec<String>,
    states: Vec<StateAnswer>,
    people: Vec<PersonAnswer>,
}

impl OrgAdviceView {
    /// One row per employee, in the file's order.
    pub fn employees(&self) -> impl ExactSizeIterator<Item = EmployeeAdviceView> + '_ {
        self.people.iter().map(|p| answers::render(p, &self.states))
    }

    /// The row of the employee with this id.
    pub fn employee(&self, id: &str) -> Option<EmployeeAdviceView> {
        self.people
            .iter()
            .find(|p| p.employee.id == id)
            .map(|p| answers::render(p, &self.states))
    }
}

/// What a long batch is doing, for a progress line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Answering the distinct (job, level) states.
    States,
    /// Answering each person from their state's answer.
    People,
}

impl Stage {
    /// The stage in words, and the unit it counts.
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            Stage::States => ("advising", "states"),
            Stage::People => ("answering", "people"),
        }
    }
}

/// Reports progress: the stage, units done, units in all.
pub type Progress<'p> = &'p mut dyn FnMut(Stage, usize, usize);

/// People answered between progress reports.
const PEOPLE_PER_REPORT: usize = 50_000;

/// Runs the batch.
pub fn advise(
    engine: &Engine,
    files: OrgFiles<'_>,
    rules: Rules,
    progress: Progress<'_>,
) -> Result<OrgAdviceView, AppError> {
    let mut inputs = Inputs::read(engine, files)?;
    let counted = inputs.states();
    let index: HashMap<State, u32> = counted
        .iter()
        .enumerate()
        .map(|(i, (s, _))| (*s, i as u32))
        .collect();
    let states: Vec<State> = counted.iter().map(|(s, _)| *s).collect();
    // Before the people leave `inputs`: how many each stands for.
    let weights = inputs.person_weights();
    let people = std::mem::take(&mut inputs.people);
    let market = Market::new(
        engine.catalog(),
        engine.model(),
        &inputs.jobs,
        counted,
        rules,
    );
    let advice = advise_states(&market, &states, &mut *progress);
    let answers: Vec<StateAnswer> = states
        .iter()
        .zip(advice)
        .map(|(&s, a)| answers::state_answer(&inputs, &market, s, a))
        .collect();
    let mut goals = HashMap::new();
    let total = people.len();
    let people: Vec<PersonAnswer> = people
        .into_iter()
        .enumerate()
        .map(|(n, p)| {
            if n % PEOPLE_PER_REPORT == 0 {
                progress(Stage::People, n, total);
            }
            let i = index[&p.state];
            answers::person_answer(
                &inputs,
                &market,
                p.employee,
                (i, p.state),
                &answers[i as usize],
                &mut goals,
            )
        })
        .collect();
    let mut people = people;
    answers::allocate_seats(&market, &answers, &mut people, &weights);
    let by_state = people_by_state(&people, states.len());
    let roles = roles::roles(&inputs, &market, &states, &answers, &people, &by_state);
    let jobs = inputs.job_views(&market);
    drop(market);
    let summary = summary(&inputs, &answers, &people, &roles, rules);
    Ok(OrgAdviceView {
        summary,
        jobs,
        roles,
        problems: inputs.problems,
        states: answers,
        people,
    })
}

/// Each state's people, most experienced first, then by id.
fn people_by_state(people: &[PersonAnswer], states: usize) -> Vec<Vec<u32>> {
    let mut by_state: Vec<Vec<u32>> = vec![Vec::new(); states];
    for (i, p) in people.iter().enumerate() {
        by_state[p.state as usize].push(i as u32);
    }
    for list in &mut by_state {
        list.sort_by(|&a, &b| {
            let (a, b) = (&people[a as usize].employee, &people[b as usize].employee);
            b.years_experience
                .unwrap_or(0.0)
                .total_cmp(&a.years_experience.unwrap_or(0.0))
                .then(a.id.cmp(&b.id))
        });
    }
    by_state
}

/// Answers every state: partitions of [`PARTITION_STATES`] taken in turn
/// by one worker per core, the market shared read-only; progress is
/// reported from this thread as partitions finish.
fn advise_states(
    market: &Market<'_>,
    states: &[State],
    progress: Progress<'_>,
) -> Vec<StateAdvice> {
    let partitions: Vec<&[State]> = states.chunks(PARTITION_STATES).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Vec<StateAdvice>>>> = Mutex::new(vec![None; partitions.len()]);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(partitions.len().max(1));
    let main = std::thread::current();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(part) = partitions.get(i) else { break };
                    let answered = advise_partition(market, part);
                    if let Ok(mut r) = results.lock() {
                        r[i] = Some(answered);
                    }
                    done.fetch_add(part.len(), Ordering::Relaxed);
                    main.unpark();
                }
            });
        }
        loop {
            let finished = done.load(Ordering::Relaxed);
            progress(Stage::States, finished, states.len());
            if finished >= states.len() {
                break;
            }
            // Woken as each partition finishes; the timeout only guards
            // against a wake-up lost before this thread parked.
            std::thread::park_timeout(std::time::Duration::from_millis(100));
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flat_map(Option::unwrap_or_default)
        .collect()
}

/// One partition of states, answered against the shared market: the unit
/// a distributed engine would run (docs/ARCHITECTURE.md).
pub fn advise_partition(market: &Market<'_>, part: &[State]) -> Vec<StateAdvice> {
    part.iter().map(|&s| market.advise(s)).collect()
}

fn summary(
    inputs: &Inputs,
    states: &[StateAnswer],
    people: &[PersonAnswer],
    roles: &[RoleView],
    rules: Rules,
) -> OrgSummaryView {
    let from_grades = inputs
        .job_meta
        .iter()
        .filter(|m| m.level_source == "grade_mapping")
        .count();
    let count = |f: &dyn Fn(&PersonAnswer) -> bool| people.iter().filter(|p| f(p)).count();
    let unreviewed: HashSet<&str> = inputs
        .jobs
        .iter()
        .zip(&inputs.job_meta)
        .filter(|(_, m)| matches!(m.confidence, "medium" | "low"))
        .map(|(j, _)| j.code.as_str())
        .collect();
    let horizon = rules.horizon_years;
    OrgSummaryView {
        employees: people.len(),
        states: states.len(),
        jobs: inputs.jobs.len(),
        jobs_unmapped: inputs.jobs_unmapped,
        blocked: count(&|p| states[p.state as usize].blocked),
        blocked_with_switchback: count(&|p| p.switchback.is_some()),
        crowded_out: count(&|p| p.crowded_out),
        with_goal: count(&|p| p.goal.is_some()),
        goal_reachable: count(&|p| p.goal.as_ref().is_some_and(|g| g.1.is_some())),
        goal_within_horizon: count(&|p| {
            p.goal
                .as_ref()
                .and_then(|g| g.1.as_ref())
                .and_then(|r| r.years)
                .is_some_and(|y| y <= horizon + 1e-3)
        }),
        goal_not_in_organisation: count(&|p| p.goal.as_ref().is_some_and(|g| g.0.is_none())),
        roles: roles.len(),
        roles_estimated: inputs.open_roles.is_none(),
        pay_index: (inputs.pay_index * 1000.0).round() / 1000.0,
        levels_from_grade_mapping: from_grades,
        levels_from_pay: inputs.jobs.len() - from_grades,
        jobs_unreviewed: unreviewed.len(),
        people_in_unreviewed_jobs: count(&|p| unreviewed.contains(p.employee.job_code.as_str())),
        rules,
    }
}

fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

fn finite(x: f32) -> Option<f32> {
    x.is_finite().then(|| round2(x))
}
