//! Organisation mode (issue #13): an organisation's job architecture
//! mapped to O*NET occupations for a person to review, the reviewed rows
//! kept on the next run, and how much of the organisation the mapping
//! covers with confidence ([`map`]); then the batch over every employee and
//! open role ([`advise`]) and its outputs ([`report`], [`parquet`]).

pub mod advise;
pub mod parquet;
pub mod report;

use serde::Serialize;
use switchback_core::org::{self, Confidence, Job};
use switchback_data::org::{Correction, MappingRow, RowProblem};

use crate::{AppError, Engine};

/// One job and the occupation it maps to.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MappedJobView {
    /// The organisation's job code.
    pub job_code: String,
    /// The organisation's title.
    pub title: String,
    /// The job family or department.
    pub family: String,
    /// The occupation's O*NET-SOC code (absent when nothing matched).
    pub onet_code: Option<String>,
    /// The occupation's title.
    pub onet_title: Option<String>,
    /// `high`, `medium`, `low`, `reviewed` for a person's choice,
    /// `unmatched` when no occupation matched the title, or `excluded` for
    /// a job the organisation marked `onet_code` = `none`.
    pub confidence: &'static str,
    /// The mapper's score, 0–1 (absent for a person's choice).
    pub score: Option<f32>,
    /// The runner-up's code.
    pub runner_up_code: Option<String>,
    /// The runner-up's title.
    pub runner_up_title: Option<String>,
    /// A person chose the occupation (in the job architecture or a
    /// reviewed mapping), and the mapper left it alone.
    pub reviewed: bool,
    /// The title was supervisory and the match moved to the supervisors
    /// of the work it first matched.
    pub supervisory: bool,
    /// People in the job, if the architecture says.
    pub headcount: Option<u32>,
}

/// How much of the organisation is mapped with confidence.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CoverageView {
    /// Jobs mapped.
    pub jobs: usize,
    /// Jobs mapped with high confidence or reviewed by a person.
    pub jobs_confident: usize,
    /// `jobs_confident / jobs`.
    pub share_jobs_confident: f32,
    /// People in the jobs, where the architecture gives headcounts.
    pub people: u64,
    /// People in jobs mapped with high confidence or reviewed.
    pub people_confident: u64,
    /// `people_confident / people` (0 without headcounts).
    pub share_people_confident: f32,
    /// Jobs by confidence: high, medium, low, reviewed.
    pub by_confidence: [usize; 4],
    /// Jobs whose title matched no occupation (in none of the counts
    /// above; a person maps them in the mapping file).
    pub unmatched: usize,
    /// Rows marked `onet_code` = `none`: no jobs, left out of every count
    /// and share above.
    pub excluded: usize,
}

/// The mapping of an organisation's jobs.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OrgMapView {
    /// Every job kept, in the file's order.
    pub jobs: Vec<MappedJobView>,
    /// Rows not kept, by file, line and field.
    pub problems: Vec<String>,
    /// How much is mapped with confidence.
    pub coverage: CoverageView,
}

/// The text of an organisation's file, whichever way its HRIS exported
/// it: CSV (UTF-8) as it is, or an XLSX workbook's first worksheet turned
/// into the same CSV (its first row the header).
pub fn file_text(name: &str, bytes: Vec<u8>) -> Result<String, AppError> {
    if switchback_data::org::is_xlsx(&bytes) {
        return Ok(switchback_data::org::xlsx_to_csv(name, &bytes)?);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..valid].iter().filter(|b| **b == b'\n').count() as u64;
        AppError::OrgFile(switchback_data::org::FileError(RowProblem {
            file: name.to_owned(),
            line,
            field: "file".into(),
            message: "neither UTF-8 text nor an XLSX workbook (the first byte that is not UTF-8 is on this line): export it as CSV (UTF-8) or XLSX".into(),
        }))
    })
}

/// Maps the jobs in `jobs_text` (a job-architecture CSV named `jobs_file`),
/// keeping the reviewed rows of a previous mapping when one is given.
pub fn map(
    engine: &Engine,
    jobs_file: &str,
    jobs_text: &str,
    previous: Option<(&str, &str)>,
) -> Result<OrgMapView, AppError> {
    let catalog = engine.catalog();
    let parsed = switchback_data::org::parse_jobs(jobs_file, jobs_text, catalog)?;
    let mut problems: Vec<String> = parsed.problems.iter().map(RowProblem::to_string).collect();
    let corrections: Vec<Correction> = match previous {
        Some((file, text)) => {
            let c = switchback_data::org::parse_corrections(file, text, catalog)?;
            problems.extend(c.problems.iter().map(RowProblem::to_string));
            c.rows
        }
        None => Vec::new(),
    };
    if parsed.rows.is_empty() {
        return Err(AppError::OrgFile(switchback_data::org::FileError(
            RowProblem {
                file: jobs_file.to_owned(),
                line: 1,
                field: "jobs".into(),
                message: format!(
                    "no job could be read{}",
                    problems
                        .first()
                        .map_or(String::new(), |p| format!(" (first problem: {p})"))
                ),
            },
        )));
    }
    let mut matches = Matches::new();
    let jobs: Vec<MappedJobView> = parsed
        .rows
        .iter()
        .map(|job| mapped(engine, job, &corrections, &mut matches))
        .collect();
    let coverage = coverage(&jobs);
    Ok(OrgMapView {
        jobs,
        problems,
        coverage,
    })
}

/// The mapper's answers by (title, family): an architecture with a job per
/// grade (the federal one: 5,494 jobs, 600 titles) asks each once.
type Matches = std::collections::HashMap<(String, String), Option<org::JobMatch>>;

fn mapped(
    engine: &Engine,
    job: &Job,
    corrections: &[Correction],
    matches: &mut Matches,
) -> MappedJobView {
    let catalog = engine.catalog();
    let code = |o| catalog.occupation(o).code.to_string();
    let title = |o| catalog.occupation(o).title.clone();
    let chosen = corrections
        .iter()
        .find(|c| c.job_code == job.code)
        .map(|c| c.occupation)
        .or(job.onet);
    let mut view = MappedJobView {
        job_code: job.code.clone(),
        title: job.title.clone(),
        family: job.family.clone(),
        onet_code: None,
        onet_title: None,
        confidence: Confidence::Low.name(),
        score: None,
        runner_up_code: None,
        runner_up_title: None,
        reviewed: false,
        supervisory: false,
        headcount: job.headcount,
    };
    if job.excluded {
        view.confidence = "excluded";
        return view;
    }
    if let Some(o) = chosen {
        view.onet_code = Some(code(o));
        view.onet_title = Some(title(o));
        view.confidence = "reviewed";
        view.reviewed = true;
        return view;
    }
    let found = matches
        .entry((job.title.clone(), job.family.clone()))
        .or_insert_with(|| org::map_title(catalog, &job.title, &job.family));
    if let Some(m) = found {
        view.onet_code = Some(code(m.occupation));
        view.onet_title = Some(title(m.occupation));
        view.confidence = m.confidence.name();
        view.score = Some((m.score * 1000.0).round() / 1000.0);
        view.runner_up_code = m.runner_up.map(|(o, _)| code(o));
        view.runner_up_title = m.runner_up.map(|(o, _)| title(o));
        view.supervisory = m.supervisory;
    }
    if view.onet_code.is_none() && !view.reviewed {
        view.confidence = "unmatched";
    }
    view
}

fn coverage(all: &[MappedJobView]) -> CoverageView {
    // Rows marked `none` are no jobs: they count in neither share.
    let jobs: Vec<&MappedJobView> = all.iter().filter(|j| j.confidence != "excluded").collect();
    let jobs = jobs.as_slice();
    let confident = |j: &&&MappedJobView| j.reviewed || j.confidence == Confidence::High.name();
    let people = jobs
        .iter()
        .map(|j| u64::from(j.headcount.unwrap_or(0)))
        .sum::<u64>();
    let people_confident = jobs
        .iter()
        .filter(confident)
        .map(|j| u64::from(j.headcount.unwrap_or(0)))
        .sum::<u64>();
    let jobs_confident = jobs.iter().filter(confident).count();
    let count = |name: &str| jobs.iter().filter(|j| j.confidence == name).count();
    let share = |a: f64, b: f64| {
        if b > 0.0 {
            ((a / b) * 1000.0).round() as f32 / 1000.0
        } else {
            0.0
        }
    };
    CoverageView {
        jobs: jobs.len(),
        jobs_confident,
        share_jobs_confident: share(jobs_confident as f64, jobs.len() as f64),
        people,
        people_confident,
        share_people_confident: share(people_confident as f64, people as f64),
        by_confidence: [
            count("high"),
            count("medium"),
            count("low"),
            count("reviewed"),
        ],
        unmatched: count("unmatched"),
        excluded: all.len() - jobs.len(),
    }
}

/// The mapping as the CSV a person reviews (docs/ORGANISATION.md): set
/// `reviewed` to `yes` on a row — after correcting `onet_code` or to
/// confirm it — and the next `org map --mapping` keeps it.
pub fn mapping_csv(view: &OrgMapView) -> String {
    let rows: Vec<MappingRow> = view
        .jobs
        .iter()
        .map(|j| MappingRow {
            cells: [
                j.job_code.clone(),
                j.title.clone(),
                j.family.clone(),
                j.onet_code.clone().unwrap_or_default(),
                j.onet_title.clone().unwrap_or_default(),
                j.confidence.to_owned(),
                j.score.map_or(String::new(), |s| format!("{s:.3}")),
                j.runner_up_code.clone().unwrap_or_default(),
                j.runner_up_title.clone().unwrap_or_default(),
                if j.reviewed { "yes" } else { "no" }.to_owned(),
            ],
        })
        .collect();
    switchback_data::org::write_mapping(&rows)
}
