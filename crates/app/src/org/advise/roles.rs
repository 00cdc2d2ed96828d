//! Open roles — posted, or one estimated role per job expecting at least
//! one opening a year — and the internal people for whom each is a
//! strategic move.

use std::collections::HashMap;

use switchback_core::Level;
use switchback_core::org::mobility::{Market, State};

use super::answers::{PersonAnswer, StateAnswer};
use super::inputs::Inputs;
use super::{CANDIDATES_PER_ROLE, CandidateView, RoleView, round2};

/// A state ranked for a role.
#[derive(Clone, Debug)]
struct Ranked {
    state: u32,
    kind: &'static str,
    change: i8,
    landing: f32,
    success: f32,
    onward: Option<usize>,
}

/// A role before its candidates: id, job, department, level, estimated,
/// positions.
type Role = (String, usize, String, Level, bool, f32);

fn roles_of(inputs: &Inputs) -> Vec<Role> {
    match &inputs.open_roles {
        Some(posted) => posted
            .iter()
            .filter_map(|r| {
                let &job = inputs.job_index.get(&r.job_code)?;
                let level = r
                    .grade
                    .as_ref()
                    .and_then(|g| inputs.grades.get(g))
                    .copied()
                    .unwrap_or(inputs.jobs[job].level);
                Some((r.id.clone(), job, r.department.clone(), level, false, 1.0))
            })
            .collect(),
        None => inputs
            .jobs
            .iter()
            .enumerate()
            .filter(|(_, j)| j.openings_per_year >= 1.0)
            .map(|(i, j)| {
                (
                    format!("EST-{}", j.code),
                    i,
                    j.family.clone(),
                    j.level,
                    true,
                    round2(j.openings_per_year),
                )
            })
            .collect(),
    }
}

/// Every role with its candidates. `by_state` lists each state's people,
/// most experienced first.
pub(super) fn roles(
    inputs: &Inputs,
    market: &Market<'_>,
    states: &[State],
    answers: &[StateAnswer],
    people: &[PersonAnswer],
    by_state: &[Vec<u32>],
) -> Vec<RoleView> {
    let mut by_job: HashMap<usize, Vec<Ranked>> = HashMap::new();
    roles_of(inputs)
        .into_iter()
        .map(|(role_id, job, department, level, estimated, positions)| {
            let ranked = by_job
                .entry(job)
                .or_insert_with(|| rank_states_for(market, states, answers, job));
            RoleView {
                role_id,
                job_code: inputs.jobs[job].code.clone(),
                title: inputs.jobs[job].title.clone(),
                department,
                level: level.name(),
                estimated,
                positions,
                candidates: candidates(inputs, ranked, job, states, people, by_state),
            }
        })
        .collect()
}

/// The states for whom the job is a strategic move, best first:
/// switchbacks (a step down or lateral move onto a route up the state
/// lacks today) before step ups, each by landing × success.
fn rank_states_for(
    market: &Market<'_>,
    states: &[State],
    answers: &[StateAnswer],
    job: usize,
) -> Vec<Ranked> {
    let target = market.job(job).level.grade() as i8;
    let mut ranked: Vec<Ranked> = states
        .iter()
        .zip(answers)
        .enumerate()
        .filter(|(_, (s, _))| s.job != job)
        .filter_map(|(i, (s, a))| {
            let change = target - s.level.grade() as i8;
            // A step up is the organisation's own: a higher grade within a
            // move's climb that pays more — one rule with the route up
            // (`Market::is_above`), so no pay cut is listed as one.
            if change > 0 {
                if !market.is_above(*s, job) {
                    return None;
                }
                let c = market.move_chances(*s, job)?;
                return Some(Ranked {
                    state: i as u32,
                    kind: "step_up",
                    change,
                    landing: c.landing,
                    success: c.success,
                    onward: None,
                });
            }
            let sb = a.switchbacks.iter().find(|sb| sb.core.via == job)?;
            Some(Ranked {
                state: i as u32,
                kind: "switchback",
                change,
                landing: sb.core.landing,
                success: sb.core.success,
                onward: Some(sb.core.onward),
            })
        })
        .collect();
    ranked.sort_by(|a, b| {
        (a.kind != "switchback")
            .cmp(&(b.kind != "switchback"))
            .then((b.landing * b.success).total_cmp(&(a.landing * a.success)))
            .then(a.state.cmp(&b.state))
    });
    ranked
}

/// People in the ranked states, within their own limits, most
/// experienced first within a state; at most [`CANDIDATES_PER_ROLE`].
fn candidates(
    inputs: &Inputs,
    ranked: &[Ranked],
    job: usize,
    states: &[State],
    people: &[PersonAnswer],
    by_state: &[Vec<u32>],
) -> Vec<CandidateView> {
    let stop_pay = inputs.jobs[job].pay;
    let mut out = Vec::new();
    for r in ranked {
        for &p in &by_state[r.state as usize] {
            let e = &people[p as usize].employee;
            let down_ok = r.change >= 0 || (-r.change) as u8 <= e.max_step_down.unwrap_or(u8::MAX);
            let pay_ok = match (e.min_pay, stop_pay) {
                (Some(min), Some(pay)) => pay >= min,
                _ => true,
            };
            // A step up pays the person more than they earn: someone paid
            // above their job's band is no step-up candidate for a role
            // that pays less than they do.
            let rises = r.kind != "step_up"
                || matches!((e.salary, stop_pay), (Some(own), Some(pay)) if pay > own)
                || e.salary.is_none()
                || stop_pay.is_none();
            if !(down_ok && pay_ok && rises) {
                continue;
            }
            out.push(CandidateView {
                rank: out.len() + 1,
                employee_id: e.id.clone(),
                job_code: inputs.jobs[states[r.state as usize].job].code.clone(),
                kind: r.kind,
                grade_change: r.change,
                landing: round2(r.landing),
                success: round2(r.success),
                onward_job_code: r.onward.map(|o| inputs.jobs[o].code.clone()),
            });
            if out.len() == CANDIDATES_PER_ROLE {
                return out;
            }
        }
    }
    out
}
