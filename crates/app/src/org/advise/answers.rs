//! The answers, kept compact so a workforce of millions fits: what a
//! state's people share is rendered once per state ([`StateAnswer`]); each
//! person keeps only their record, their state and which of its
//! switchbacks their own limits allow ([`PersonAnswer`]). A person's row
//! ([`EmployeeAdviceView`]) is made when it is read.

use std::collections::HashMap;

use switchback_core::org::mobility::{
    self, Blocked, Market, RouteUp, Rules, State, StateAdvice, Switchback,
};
use switchback_core::org::people::{Employee, Goal};

use super::inputs::Inputs;
use super::{EmployeeAdviceView, finite, round2};

/// What everyone in one state is told, rendered once.
#[derive(Clone, Debug)]
pub(super) struct StateAnswer {
    /// The row without the person's own fields.
    pub base: EmployeeAdviceView,
    /// The state's switchbacks, best first.
    pub switchbacks: Vec<SwitchbackAnswer>,
    /// Whether the route up is blocked.
    pub blocked: bool,
}

/// One switchback, with the figures a person's row shows.
#[derive(Clone, Debug)]
pub(super) struct SwitchbackAnswer {
    pub core: Switchback,
    pub stop_pay: Option<u32>,
    pub kind: &'static str,
    pub job_code: String,
    pub title: String,
    pub family: String,
    pub onward_code: String,
    pub onward_title: String,
    pub gaps: Vec<String>,
}

/// A route to a goal, as a row shows it.
#[derive(Clone, Debug)]
pub(super) struct GoalAnswer {
    /// The job codes moved to, the goal last.
    pub route: Vec<String>,
    pub chance: f32,
    /// Years to the goal (absent when a queue never clears).
    pub years: Option<f32>,
    /// The open role (posted or estimated) for the route's first move.
    pub first_role: Option<String>,
}

/// A route to a goal, if there is one.
pub(super) type GoalRoute = Option<GoalAnswer>;

/// One person's answer.
#[derive(Clone, Debug)]
pub(super) struct PersonAnswer {
    pub employee: Employee,
    pub state: u32,
    /// The index of the best switchback the person's limits allow.
    pub switchback: Option<u32>,
    pub ruled_out: u32,
    /// Every stop the person could take was full ([`allocate_seats`]).
    pub crowded_out: bool,
    /// For a person with a goal: the job standing for it (none when no
    /// job of the organisation does), and the route to it.
    pub goal: Option<(Option<String>, GoalRoute)>,
}

fn blocked_reason(b: &Blocked) -> &'static str {
    match b {
        Blocked::NoHigherJob => "no_higher_job",
        Blocked::OutOfReach { .. } => "out_of_reach",
        Blocked::Queue { .. } => "queue",
    }
}

/// Renders a state's answer.
pub(super) fn state_answer(
    inputs: &Inputs,
    market: &Market<'_>,
    state: State,
    advice: StateAdvice,
) -> StateAnswer {
    let jobs = &inputs.jobs;
    let job = &jobs[state.job];
    let mut base = EmployeeAdviceView {
        job_code: job.code.clone(),
        title: job.title.clone(),
        family: job.family.clone(),
        onet_code: inputs.job_meta[state.job].occupation_code.clone(),
        level: state.level.name(),
        ..EmployeeAdviceView::default()
    };
    // (the job the answer names, whether its wait is the point)
    let about = match advice.route_up {
        RouteUp::Open { job, .. } => Some((job, true)),
        RouteUp::Blocked(b) => {
            base.blocked_reason = Some(blocked_reason(&b));
            match b {
                Blocked::NoHigherJob => None,
                Blocked::OutOfReach { nearest, .. } => Some((nearest, false)),
                Blocked::Queue { job, .. } => Some((job, true)),
            }
        }
    };
    let blocked = advice.route_up.is_blocked();
    base.route_up = if blocked { "blocked" } else { "open" };
    if let Some((j, waits)) = about {
        base.route_up_job_code = Some(jobs[j].code.clone());
        base.route_up_title = Some(jobs[j].title.clone());
        // Out of reach, the job's wait says nothing about this person.
        base.route_up_queue_years = if waits {
            finite(market.wait_years(j))
        } else {
            None
        };
    }
    let catalog = market.catalog();
    let switchbacks = advice
        .switchbacks
        .into_iter()
        .map(|s| SwitchbackAnswer {
            stop_pay: jobs[s.via].pay,
            kind: s.kind.name(),
            job_code: jobs[s.via].code.clone(),
            title: jobs[s.via].title.clone(),
            family: jobs[s.via].family.clone(),
            onward_code: jobs[s.onward].code.clone(),
            onward_title: jobs[s.onward].title.clone(),
            gaps: s
                .gaps
                .iter()
                .map(|&g| catalog.element(g).name.clone())
                .collect(),
            core: s,
        })
        .collect();
    StateAnswer {
        base,
        switchbacks,
        blocked,
    }
}

/// Whether a switchback respects a person's own limits.
fn within_limits(e: &Employee, s: &SwitchbackAnswer, rules: &Rules) -> bool {
    let max_down = e.max_step_down.unwrap_or(rules.max_step_down);
    let pay_ok = match (e.min_pay, s.stop_pay) {
        (Some(min), Some(pay)) => pay >= min,
        _ => true,
    };
    s.core.grades_down <= max_down && pay_ok
}

/// Answers one person: their state's switchbacks filtered by their own
/// limits, and their goal's route (memoised per state and goal).
pub(super) fn person_answer(
    inputs: &Inputs,
    market: &Market<'_>,
    employee: Employee,
    state: (u32, State),
    answer: &StateAnswer,
    goals: &mut HashMap<(u32, usize), GoalRoute>,
) -> PersonAnswer {
    let rules = market.rules();
    let allowed = answer
        .switchbacks
        .iter()
        .position(|s| within_limits(&employee, s, rules));
    let ruled_out = match allowed {
        Some(i) => i,
        None => answer.switchbacks.len(),
    } as u32;
    let goal = employee.goal.as_ref().map(|g| {
        let Some(job) = goal_job(inputs, g) else {
            return (None, None);
        };
        let route = goals
            .entry((state.0, job))
            .or_insert_with(|| {
                market.route_to(state.1, job).map(|r| GoalAnswer {
                    route: r
                        .stops
                        .iter()
                        .map(|&j| inputs.jobs[j].code.clone())
                        .collect(),
                    chance: round2(r.chance),
                    years: finite(r.years),
                    first_role: r.stops.first().and_then(|&j| role_for(inputs, j)),
                })
            })
            .clone();
        (Some(inputs.jobs[job].code.clone()), route)
    });
    PersonAnswer {
        employee,
        state: state.0,
        switchback: allowed.map(|i| i as u32),
        ruled_out,
        crowded_out: false,
        goal,
    }
}

/// Gives each stop no more people than its seats: people with the best
/// switchback first (then the most experienced), each taking the first of
/// their allowed switchbacks with a seat left (`mobility::allocate`).
pub(super) fn allocate_seats(
    market: &Market<'_>,
    states: &[StateAnswer],
    people: &mut [PersonAnswer],
    weights: &[f32],
) {
    let best = |p: &PersonAnswer| {
        p.switchback.map_or(-1.0, |i| {
            states[p.state as usize].switchbacks[i as usize].core.chance
        })
    };
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&people[a], &people[b]);
        best(pb)
            .total_cmp(&best(pa))
            .then(
                pb.employee
                    .years_experience
                    .unwrap_or(0.0)
                    .total_cmp(&pa.employee.years_experience.unwrap_or(0.0)),
            )
            .then(a.cmp(&b))
    });
    let seats: Vec<u32> = (0..market.jobs_len()).map(|j| market.seats(j)).collect();
    let rules = market.rules();
    let weight = |i: usize| weights.get(i).copied().unwrap_or(1.0);
    let given = mobility::allocate(&seats, &order, weight, |i| {
        let p = &people[i];
        if p.switchback.is_none() {
            return Vec::new();
        }
        states[p.state as usize]
            .switchbacks
            .iter()
            .enumerate()
            .filter(|(_, s)| within_limits(&p.employee, s, rules))
            .map(|(n, s)| (n, s.core.via))
            .collect()
    });
    for (p, g) in people.iter_mut().zip(given) {
        p.crowded_out = p.switchback.is_some() && g.is_none();
        p.switchback = g.map(|n| n as u32);
    }
}

/// A person's row.
pub(super) fn render(p: &PersonAnswer, states: &[StateAnswer]) -> EmployeeAdviceView {
    let answer = &states[p.state as usize];
    let e = &p.employee;
    let mut v = answer.base.clone();
    v.employee_id = e.id.clone();
    v.department = e.department.clone();
    v.salary = e.salary;
    v.ruled_out_by_limits = p.ruled_out as usize;
    v.crowded_out = p.crowded_out;
    if let Some(i) = p.switchback {
        fill_switchback(&mut v, &answer.switchbacks[i as usize], e.salary);
    }
    if let Some((code, route)) = &p.goal {
        v.goal_job_code = code.clone();
        if let Some(g) = route {
            v.goal_route = g.route.clone();
            v.goal_chance = Some(g.chance);
            v.goal_years = g.years;
            v.goal_open_role = g.first_role.clone();
        }
    }
    v
}

fn fill_switchback(v: &mut EmployeeAdviceView, s: &SwitchbackAnswer, salary: Option<u32>) {
    let c = &s.core;
    v.switchback_kind = Some(s.kind);
    v.switchback_job_code = Some(s.job_code.clone());
    v.switchback_title = Some(s.title.clone());
    v.switchback_family = Some(s.family.clone());
    v.switchback_grades_down = Some(c.grades_down);
    v.switchback_landing = Some(round2(c.landing));
    v.switchback_success = Some(round2(c.success));
    v.switchback_pay_change = match (s.stop_pay, salary) {
        (Some(pay), Some(salary)) => Some(i64::from(pay) - i64::from(salary)),
        _ => None,
    };
    v.onward_job_code = Some(s.onward_code.clone());
    v.onward_title = Some(s.onward_title.clone());
    v.onward_queue_years = finite(c.onward_queue_years);
    v.switchback_years = Some(round2(c.years));
    v.switchback_chance = Some(round2(c.chance));
    v.gaps = s.gaps.clone();
}

/// The open role a move into `job` would fill: the first posted role of
/// the job, or its estimated role when openings are estimated and it
/// expects one a year.
fn role_for(inputs: &Inputs, job: usize) -> Option<String> {
    let code = &inputs.jobs[job].code;
    match &inputs.open_roles {
        Some(posted) => posted
            .iter()
            .find(|r| &r.job_code == code)
            .map(|r| r.id.clone()),
        None => (inputs.jobs[job].openings_per_year >= 1.0).then(|| format!("EST-{code}")),
    }
}

/// The job standing for a goal: the job itself, or the organisation's
/// lowest-graded job of the occupation at or above the level (any level
/// when none is given); `None` when the organisation has no such job.
fn goal_job(inputs: &Inputs, goal: &Goal) -> Option<usize> {
    match goal {
        Goal::Job(code) => inputs.job_index.get(code).copied(),
        Goal::Occupation { occupation, level } => {
            let least = level.map_or(0, |l| l.grade());
            inputs
                .jobs
                .iter()
                .enumerate()
                .filter(|(_, j)| j.occupation == *occupation && j.level.grade() >= least)
                .min_by_key(|(i, j)| (j.level.grade(), *i))
                .map(|(i, _)| i)
        }
    }
}
