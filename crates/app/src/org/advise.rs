//! `org advise`: the batch over a whole workforce. Jobs are mapped (as
//! `org map` does) and graded, people are grouped into distinct (job,
//! level) states, and the organisation's market ([`Market`]) is asked once
//! per state; each person then gets their state's answer filtered by their
//! own limits, and each open role its internal candidates.
//!
//! The states are independent once the market is built: [`advise`] runs
//! them in partitions (docs/ARCHITECTURE.md, "Organisation batches"), so a
//! later step can hand the same partitions to a distributed engine.

use std::collections::HashMap;

use serde::Serialize;
use switchback_core::Level;
use switchback_core::code::OnetCode;
pub use switchback_core::org::mobility::Rules;
use switchback_core::org::mobility::{
    self, Blocked, Market, OrgJob, RouteUp, State, StateAdvice, Switchback,
};
use switchback_core::org::people::{Employee, GradeLevel, OpenRole};
use switchback_data::org::{FileError, Parsed, RowProblem};

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
    /// People in the job (from the employee file).
    pub headcount: u32,
    /// Positions expected to come free a year (estimated from BLS
    /// separation rates).
    pub openings_per_year: f32,
    /// Years the openings would take to place everyone queuing for the job
    /// (absent when no opening is expected but people queue).
    pub queue_years: Option<f32>,
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
    /// Its queue, in years (absent when infinite).
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
    /// The person's goal job.
    pub goal_job_code: Option<String>,
    /// The best route to it: job codes after the present one, in order.
    pub goal_route: Vec<String>,
    /// The route's chance (product of each move's landing and success).
    pub goal_chance: Option<f32>,
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
    /// People blocked for whom a switchback opens a route.
    pub blocked_with_switchback: usize,
    /// People with a goal, and those with a route to it.
    pub with_goal: usize,
    /// People with a route to their goal.
    pub goal_reachable: usize,
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
    /// The rules in force.
    #[schema(value_type = Object)]
    pub rules: Rules,
}

/// The batch's answer.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OrgAdviceView {
    /// Totals.
    pub summary: OrgSummaryView,
    /// Every graded job.
    pub jobs: Vec<GradedJobView>,
    /// One row per employee, in the file's order.
    pub employees: Vec<EmployeeAdviceView>,
    /// One entry per open role.
    pub roles: Vec<RoleView>,
    /// Rows not kept, by file, line and field.
    pub problems: Vec<String>,
}

/// Reports progress: states done of states in all.
pub type Progress<'p> = &'p mut dyn FnMut(usize, usize);

/// Runs the batch.
pub fn advise(
    engine: &Engine,
    files: OrgFiles<'_>,
    rules: Rules,
    progress: Progress<'_>,
) -> Result<OrgAdviceView, AppError> {
    let inputs = Inputs::read(engine, files)?;
    let catalog = engine.catalog();
    let states = inputs.states();
    let market = Market::new(catalog, engine.model(), &inputs.jobs, states.clone(), rules);
    let mut answers: HashMap<State, StateAdvice> = HashMap::with_capacity(states.len());
    let total = states.len();
    for (done, part) in states.chunks(PARTITION_STATES).enumerate() {
        answers.extend(advise_partition(&market, part));
        progress((done * PARTITION_STATES + part.len()).min(total), total);
    }
    let employees: Vec<EmployeeAdviceView> = inputs
        .people
        .iter()
        .map(|p| inputs.employee_view(&market, p, &answers[&p.state]))
        .collect();
    let roles = inputs.roles(&market, &answers);
    let summary = inputs.summary(&employees, &roles, states.len(), rules);
    Ok(OrgAdviceView {
        summary,
        jobs: inputs.job_views(&market),
        employees,
        roles,
        problems: inputs.problems,
    })
}

/// One partition of states, answered against the shared market.
pub fn advise_partition(market: &Market<'_>, part: &[(State, u32)]) -> Vec<(State, StateAdvice)> {
    part.iter().map(|&(s, _)| (s, market.advise(s))).collect()
}

/// A person, placed in a state.
struct Person {
    employee: Employee,
    state: State,
}

/// The organisation's files, read, mapped and graded.
struct Inputs {
    jobs: Vec<OrgJob>,
    job_meta: Vec<JobMeta>,
    job_index: HashMap<String, usize>,
    people: Vec<Person>,
    open_roles: Option<Vec<OpenRole>>,
    grades: HashMap<String, Level>,
    pay_index: f32,
    jobs_unmapped: usize,
    problems: Vec<String>,
}

struct JobMeta {
    occupation_code: String,
    confidence: &'static str,
    level_source: &'static str,
}

fn parsed<T>(
    result: Result<Parsed<T>, FileError>,
    problems: &mut Vec<String>,
) -> Result<Vec<T>, AppError> {
    let p = result?;
    problems.extend(p.problems.iter().map(RowProblem::to_string));
    Ok(p.rows)
}

impl Inputs {
    fn read(engine: &Engine, files: OrgFiles<'_>) -> Result<Inputs, AppError> {
        let catalog = engine.catalog();
        let mapped = super::map(
            engine,
            files.jobs.name,
            files.jobs.text,
            files.mapping.map(|m| (m.name, m.text)),
        )?;
        let mut problems = mapped.problems.clone();
        let architecture =
            switchback_data::org::parse_jobs(files.jobs.name, files.jobs.text, catalog)?.rows;
        let grades: HashMap<String, Level> = match files.grades {
            Some(f) => parsed(
                switchback_data::org::parse_grades(f.name, f.text),
                &mut problems,
            )?
            .into_iter()
            .map(|GradeLevel { grade, level }| (grade, level))
            .collect(),
            None => HashMap::new(),
        };
        let codes: Vec<&str> = architecture.iter().map(|j| j.code.as_str()).collect();
        let employees = parsed(
            switchback_data::org::parse_employees(
                files.employees.name,
                files.employees.text,
                codes.iter().copied(),
            ),
            &mut problems,
        )?;
        if employees.is_empty() {
            return Err(no_rows(files.employees.name, "employees", &problems));
        }
        let open_roles = match files.open_roles {
            Some(f) => Some(parsed(
                switchback_data::org::parse_open_roles(f.name, f.text, codes.iter().copied()),
                &mut problems,
            )?),
            None => None,
        };
        let mut headcount: HashMap<&str, u32> = HashMap::new();
        for e in &employees {
            *headcount.entry(e.job_code.as_str()).or_default() += 1;
        }
        let occupation = |code: &Option<String>| {
            code.as_deref()
                .and_then(|c| OnetCode::parse(c).ok())
                .and_then(|c| catalog.find_code(c))
        };
        let pay_index = mobility::pay_index(
            catalog,
            architecture
                .iter()
                .zip(&mapped.jobs)
                .filter_map(|(j, m)| Some((occupation(&m.onet_code)?, j.salary[1]?))),
        );
        let (mut jobs, mut job_meta, mut jobs_unmapped) = (Vec::new(), Vec::new(), 0);
        for (j, m) in architecture.iter().zip(&mapped.jobs) {
            let Some(o) = occupation(&m.onet_code) else {
                jobs_unmapped += 1;
                problems.push(format!(
                    "job {}: no occupation matched `{}`; map it by hand with org map --mapping",
                    j.code, j.title
                ));
                continue;
            };
            let given = j.grade.as_ref().and_then(|g| grades.get(g)).copied();
            let level = given
                .unwrap_or_else(|| mobility::level_from_pay(catalog, o, j.salary[1], pay_index));
            let people = headcount.get(j.code.as_str()).copied().unwrap_or(0);
            jobs.push(OrgJob {
                code: j.code.clone(),
                title: j.title.clone(),
                family: j.family.clone(),
                occupation: o,
                level,
                pay: j.salary[1],
                headcount: people,
                openings_per_year: mobility::estimated_openings(catalog, o, people),
            });
            job_meta.push(JobMeta {
                occupation_code: catalog.occupation(o).code.to_string(),
                confidence: m.confidence,
                level_source: if given.is_some() {
                    "grade_mapping"
                } else {
                    "pay"
                },
            });
        }
        let job_index: HashMap<String, usize> = jobs
            .iter()
            .enumerate()
            .map(|(i, j)| (j.code.clone(), i))
            .collect();
        let people = place(employees, &jobs, &job_index, &grades, &mut problems);
        Ok(Inputs {
            jobs,
            job_meta,
            job_index,
            people,
            open_roles,
            grades,
            pay_index,
            jobs_unmapped,
            problems,
        })
    }

    /// The distinct states, with the people in each, in first-seen order.
    fn states(&self) -> Vec<(State, u32)> {
        let mut order: Vec<State> = Vec::new();
        let mut count: HashMap<State, u32> = HashMap::new();
        for p in &self.people {
            let c = count.entry(p.state).or_insert_with(|| {
                order.push(p.state);
                0
            });
            *c += 1;
        }
        order.into_iter().map(|s| (s, count[&s])).collect()
    }

    fn job_views(&self, market: &Market<'_>) -> Vec<GradedJobView> {
        self.jobs
            .iter()
            .zip(&self.job_meta)
            .enumerate()
            .map(|(i, (j, m))| GradedJobView {
                job_code: j.code.clone(),
                title: j.title.clone(),
                family: j.family.clone(),
                onet_code: m.occupation_code.clone(),
                confidence: m.confidence,
                level: j.level.name(),
                level_source: m.level_source,
                pay: j.pay,
                headcount: j.headcount,
                openings_per_year: round2(j.openings_per_year),
                queue_years: finite(market.queue_years(i)),
            })
            .collect()
    }
}

fn no_rows(file: &str, what: &str, problems: &[String]) -> AppError {
    AppError::OrgFile(FileError(RowProblem {
        file: file.to_owned(),
        line: 1,
        field: what.to_owned(),
        message: format!(
            "no row could be read{}",
            problems
                .first()
                .map_or(String::new(), |p| format!(" (first problem: {p})"))
        ),
    }))
}

/// Places each employee in a state: their job, at the level their grade
/// maps to or else the job's. People in an unmapped job are left out (and
/// said so).
fn place(
    employees: Vec<Employee>,
    jobs: &[OrgJob],
    job_index: &HashMap<String, usize>,
    grades: &HashMap<String, Level>,
    problems: &mut Vec<String>,
) -> Vec<Person> {
    let mut unplaced = 0usize;
    let people: Vec<Person> = employees
        .into_iter()
        .filter_map(|e| {
            let Some(&job) = job_index.get(&e.job_code) else {
                unplaced += 1;
                return None;
            };
            let level = e
                .grade
                .as_ref()
                .and_then(|g| grades.get(g))
                .copied()
                .unwrap_or(jobs[job].level);
            Some(Person {
                employee: e,
                state: State { job, level },
            })
        })
        .collect();
    if unplaced > 0 {
        problems.push(format!(
            "{unplaced} employees are in jobs no occupation matched, and were left out"
        ));
    }
    people
}

fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

fn finite(x: f32) -> Option<f32> {
    x.is_finite().then(|| round2(x))
}

/// Whether a switchback respects a person's own limits.
fn within_limits(e: &Employee, s: &Switchback, stop: &OrgJob, rules: &Rules) -> bool {
    let max_down = e.max_step_down.unwrap_or(rules.max_step_down);
    let pay_ok = match (e.min_pay, stop.pay) {
        (Some(min), Some(pay)) => pay >= min,
        _ => true,
    };
    s.grades_down <= max_down && pay_ok
}

fn blocked_reason(b: &Blocked) -> &'static str {
    match b {
        Blocked::NoHigherJob => "no_higher_job",
        Blocked::OutOfReach { .. } => "out_of_reach",
        Blocked::Queue { .. } => "queue",
    }
}

impl Inputs {
    fn employee_view(
        &self,
        market: &Market<'_>,
        p: &Person,
        answer: &StateAdvice,
    ) -> EmployeeAdviceView {
        let job = &self.jobs[p.state.job];
        let e = &p.employee;
        let mut v = EmployeeAdviceView {
            employee_id: e.id.clone(),
            job_code: job.code.clone(),
            title: job.title.clone(),
            department: e.department.clone(),
            family: job.family.clone(),
            onet_code: self.job_meta[p.state.job].occupation_code.clone(),
            level: p.state.level.name(),
            salary: e.salary,
            ..EmployeeAdviceView::default()
        };
        let (status, about) = match answer.route_up {
            RouteUp::Open { job, .. } => ("open", Some(job)),
            RouteUp::Blocked(b) => {
                v.blocked_reason = Some(blocked_reason(&b));
                match b {
                    Blocked::NoHigherJob => ("blocked", None),
                    Blocked::OutOfReach { nearest, .. } => ("blocked", Some(nearest)),
                    Blocked::Queue { job, .. } => ("blocked", Some(job)),
                }
            }
        };
        v.route_up = status;
        if let Some(j) = about {
            v.route_up_job_code = Some(self.jobs[j].code.clone());
            v.route_up_title = Some(self.jobs[j].title.clone());
            v.route_up_queue_years = finite(market.queue_years(j));
        }
        let rules = market.rules();
        let allowed: Vec<&Switchback> = answer
            .switchbacks
            .iter()
            .filter(|s| within_limits(e, s, &self.jobs[s.via], rules))
            .collect();
        v.ruled_out_by_limits = answer.switchbacks.len() - allowed.len();
        if let Some(s) = allowed.first() {
            self.fill_switchback(&mut v, market, e, s);
        }
        if let Some(goal) = e.goal.as_ref().and_then(|g| self.job_index.get(g)) {
            v.goal_job_code = Some(self.jobs[*goal].code.clone());
            if let Some((route, chance)) = goal_route(market, p.state, *goal) {
                v.goal_route = route.iter().map(|&j| self.jobs[j].code.clone()).collect();
                v.goal_chance = Some(round2(chance));
            }
        }
        v
    }

    fn fill_switchback(
        &self,
        v: &mut EmployeeAdviceView,
        market: &Market<'_>,
        e: &Employee,
        s: &Switchback,
    ) {
        let stop = &self.jobs[s.via];
        let onward = &self.jobs[s.onward];
        v.switchback_kind = Some(s.kind.name());
        v.switchback_job_code = Some(stop.code.clone());
        v.switchback_title = Some(stop.title.clone());
        v.switchback_family = Some(stop.family.clone());
        v.switchback_grades_down = Some(s.grades_down);
        v.switchback_landing = Some(round2(s.landing));
        v.switchback_success = Some(round2(s.success));
        v.switchback_pay_change = match (stop.pay, e.salary) {
            (Some(pay), Some(salary)) => Some(i64::from(pay) - i64::from(salary)),
            _ => None,
        };
        v.onward_job_code = Some(onward.code.clone());
        v.onward_title = Some(onward.title.clone());
        v.onward_queue_years = finite(s.onward_queue_years);
        v.switchback_years = Some(round2(s.years));
        v.switchback_chance = Some(round2(s.chance));
        let catalog = market.catalog();
        v.gaps = s
            .gaps
            .iter()
            .map(|&g| catalog.element(g).name.clone())
            .collect();
    }
}

/// The best route from `from` to the job `goal`: the direct move, or one
/// stop on the way, whichever has the higher chance (each move's landing ×
/// success, within reach and with success at least the rule's).
fn goal_route(market: &Market<'_>, from: State, goal: usize) -> Option<(Vec<usize>, f32)> {
    if from.job == goal {
        return Some((Vec::new(), 1.0));
    }
    let direct = market
        .move_chances(from, goal)
        .map(|c| (vec![goal], c.landing * c.success));
    let via = (0..market.jobs_len())
        .filter(|&k| k != from.job && k != goal)
        .filter_map(|k| {
            let first = market.move_chances(from, k)?;
            let stop = State {
                job: k,
                level: market.job(k).level,
            };
            let second = market.move_chances(stop, goal)?;
            Some((
                vec![k, goal],
                first.landing * first.success * second.landing * second.success,
            ))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1));
    match (direct, via) {
        (Some(d), Some(v)) if v.1 > d.1 => Some(v),
        (Some(d), _) => Some(d),
        (None, v) => v,
    }
}

impl Inputs {
    /// The open roles — posted, or one estimated role per job expecting at
    /// least one opening a year — with their internal candidates.
    fn roles(&self, market: &Market<'_>, answers: &HashMap<State, StateAdvice>) -> Vec<RoleView> {
        let roles: Vec<(String, usize, String, Level, bool, f32)> = match &self.open_roles {
            Some(posted) => posted
                .iter()
                .filter_map(|r| {
                    let &job = self.job_index.get(&r.job_code)?;
                    let level = r
                        .grade
                        .as_ref()
                        .and_then(|g| self.grades.get(g))
                        .copied()
                        .unwrap_or(self.jobs[job].level);
                    Some((r.id.clone(), job, r.department.clone(), level, false, 1.0))
                })
                .collect(),
            None => self
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
        };
        let mut by_job: HashMap<usize, Vec<Ranked>> = HashMap::new();
        roles
            .into_iter()
            .map(|(role_id, job, department, level, estimated, positions)| {
                let ranked = by_job
                    .entry(job)
                    .or_insert_with(|| self.rank_states_for(market, answers, job))
                    .clone();
                RoleView {
                    role_id,
                    job_code: self.jobs[job].code.clone(),
                    title: self.jobs[job].title.clone(),
                    department,
                    level: level.name(),
                    estimated,
                    positions,
                    candidates: self.candidates(&ranked, job),
                }
            })
            .collect()
    }

    /// The states for whom the job is a strategic move, best first:
    /// switchbacks (a step down or lateral move onto a route up the state
    /// lacks today) before step ups, each by landing × success.
    fn rank_states_for(
        &self,
        market: &Market<'_>,
        answers: &HashMap<State, StateAdvice>,
        job: usize,
    ) -> Vec<Ranked> {
        let target = self.jobs[job].level.grade() as i8;
        let mut ranked: Vec<Ranked> = answers
            .iter()
            .filter(|(s, _)| s.job != job)
            .filter_map(|(s, a)| {
                let change = target - s.level.grade() as i8;
                if change > 0 {
                    let c = market.move_chances(*s, job)?;
                    return Some(Ranked {
                        state: *s,
                        kind: "step_up",
                        change,
                        landing: c.landing,
                        success: c.success,
                        onward: None,
                    });
                }
                let sb = a.switchbacks.iter().find(|sb| sb.via == job)?;
                Some(Ranked {
                    state: *s,
                    kind: "switchback",
                    change,
                    landing: sb.landing,
                    success: sb.success,
                    onward: Some(sb.onward),
                })
            })
            .collect();
        ranked.sort_by(|a, b| {
            (a.kind != "switchback")
                .cmp(&(b.kind != "switchback"))
                .then((b.landing * b.success).total_cmp(&(a.landing * a.success)))
                .then(a.state.job.cmp(&b.state.job))
                .then(a.state.level.grade().cmp(&b.state.level.grade()))
        });
        ranked
    }

    /// People in the ranked states, within their own limits, most
    /// experienced first within a state.
    fn candidates(&self, ranked: &[Ranked], job: usize) -> Vec<CandidateView> {
        let stop = &self.jobs[job];
        let mut out = Vec::new();
        for r in ranked {
            let mut people: Vec<&Person> =
                self.people.iter().filter(|p| p.state == r.state).collect();
            people.sort_by(|a, b| {
                b.employee
                    .years_experience
                    .unwrap_or(0.0)
                    .total_cmp(&a.employee.years_experience.unwrap_or(0.0))
                    .then(a.employee.id.cmp(&b.employee.id))
            });
            for p in people {
                let e = &p.employee;
                let down_ok =
                    r.change >= 0 || (-r.change) as u8 <= e.max_step_down.unwrap_or(u8::MAX);
                let pay_ok = match (e.min_pay, stop.pay) {
                    (Some(min), Some(pay)) => pay >= min,
                    _ => true,
                };
                if !(down_ok && pay_ok) {
                    continue;
                }
                out.push(CandidateView {
                    rank: out.len() + 1,
                    employee_id: e.id.clone(),
                    job_code: self.jobs[p.state.job].code.clone(),
                    kind: r.kind,
                    grade_change: r.change,
                    landing: round2(r.landing),
                    success: round2(r.success),
                    onward_job_code: r.onward.map(|o| self.jobs[o].code.clone()),
                });
                if out.len() == CANDIDATES_PER_ROLE {
                    return out;
                }
            }
        }
        out
    }

    fn summary(
        &self,
        employees: &[EmployeeAdviceView],
        roles: &[RoleView],
        states: usize,
        rules: Rules,
    ) -> OrgSummaryView {
        let from_grades = self
            .job_meta
            .iter()
            .filter(|m| m.level_source == "grade_mapping")
            .count();
        OrgSummaryView {
            employees: employees.len(),
            states,
            jobs: self.jobs.len(),
            jobs_unmapped: self.jobs_unmapped,
            blocked: employees.iter().filter(|e| e.route_up == "blocked").count(),
            blocked_with_switchback: employees
                .iter()
                .filter(|e| e.switchback_kind.is_some())
                .count(),
            with_goal: employees
                .iter()
                .filter(|e| e.goal_job_code.is_some())
                .count(),
            goal_reachable: employees.iter().filter(|e| e.goal_chance.is_some()).count(),
            roles: roles.len(),
            roles_estimated: self.open_roles.is_none(),
            pay_index: (self.pay_index * 1000.0).round() / 1000.0,
            levels_from_grade_mapping: from_grades,
            levels_from_pay: self.jobs.len() - from_grades,
            rules,
        }
    }
}

/// A state ranked for a role.
#[derive(Clone, Debug)]
struct Ranked {
    state: State,
    kind: &'static str,
    change: i8,
    landing: f32,
    success: f32,
    onward: Option<usize>,
}
