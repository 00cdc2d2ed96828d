//! The organisation's files read, the jobs mapped (as `org map` maps them)
//! and graded, and each employee placed in a (job, level) state.

use std::collections::HashMap;

use switchback_core::Level;
use switchback_core::code::OnetCode;
use switchback_core::org::mobility::{self, Market, OrgJob, State};
use switchback_core::org::people::{Employee, GradeLevel, OpenRole};
use switchback_data::org::{FileError, Parsed, RowProblem};

use super::{GradedJobView, OrgFiles, finite, round2};
use crate::{AppError, Engine};

/// A person, placed in a state.
pub(super) struct Person {
    pub employee: Employee,
    pub state: State,
}

/// The organisation's files, read, mapped and graded.
pub(super) struct Inputs {
    pub jobs: Vec<OrgJob>,
    pub job_meta: Vec<JobMeta>,
    pub job_index: HashMap<String, usize>,
    pub people: Vec<Person>,
    pub open_roles: Option<Vec<OpenRole>>,
    pub grades: HashMap<String, Level>,
    pub pay_index: f32,
    pub jobs_unmapped: usize,
    pub problems: Vec<String>,
}

/// What the batch says of a job besides its [`OrgJob`].
pub(super) struct JobMeta {
    pub occupation_code: String,
    pub confidence: &'static str,
    pub level_source: &'static str,
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
    pub(super) fn read(engine: &Engine, files: OrgFiles<'_>) -> Result<Inputs, AppError> {
        let catalog = engine.catalog();
        let mapped = crate::org::map(
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
                catalog,
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
            if m.confidence == "excluded" {
                jobs_unmapped += 1;
                continue;
            }
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
            // The architecture's headcount is the job's size when the
            // employee file is a part of the organisation.
            let people = headcount
                .get(j.code.as_str())
                .copied()
                .unwrap_or(0)
                .max(j.headcount.unwrap_or(0));
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

    /// How many people each person of the file stands for, in file
    /// order: their job's headcount over its people in the file (1 when
    /// the file holds the whole job), as [`Self::states`] scales queues.
    pub(super) fn person_weights(&self) -> Vec<f32> {
        let in_file = self.people_per_job();
        self.people
            .iter()
            .map(|p| {
                let job = p.state.job;
                (self.jobs[job].headcount as f32 / in_file[job].max(1) as f32).max(1.0)
            })
            .collect()
    }

    /// The people of the file in each job.
    fn people_per_job(&self) -> Vec<u32> {
        let mut in_file = vec![0u32; self.jobs.len()];
        for p in &self.people {
            in_file[p.state.job] += 1;
        }
        in_file
    }

    /// The distinct states, in first-seen order, with the people each
    /// stands for: its people in the employee file, scaled up to the job's
    /// headcount in the architecture when the file holds fewer (a part of
    /// the organisation), so queues weigh the whole organisation.
    pub(super) fn states(&self) -> Vec<(State, u32)> {
        let mut order: Vec<State> = Vec::new();
        let mut count: HashMap<State, u32> = HashMap::new();
        let in_file = self.people_per_job();
        for p in &self.people {
            let c = count.entry(p.state).or_insert_with(|| {
                order.push(p.state);
                0
            });
            *c += 1;
        }
        order
            .into_iter()
            .map(|s| {
                let scale = self.jobs[s.job].headcount as f64 / f64::from(in_file[s.job].max(1));
                (s, (f64::from(count[&s]) * scale.max(1.0)).round() as u32)
            })
            .collect()
    }

    pub(super) fn job_views(&self, market: &Market<'_>) -> Vec<GradedJobView> {
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
                seats: market.seats(i),
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
            "{unplaced} {} in jobs left out (no occupation matched, or marked onet_code = none)",
            if unplaced == 1 {
                "employee is"
            } else {
                "employees are"
            }
        ));
    }
    people
}
