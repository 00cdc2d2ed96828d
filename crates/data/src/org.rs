//! An organisation's files for organisation mode (docs/ORGANISATION.md):
//! the job architecture (CSV) and the reviewed mapping of its jobs to
//! O*NET occupations (CSV, written by `switchback org map` and corrected by
//! a person).
//!
//! Bad rows are reported by file, line and field, with the nearest valid
//! value where there is one; good rows are kept.

use std::collections::HashMap;

use switchback_core::Catalog;
use switchback_core::catalog::OccupationId;
use switchback_core::code::OnetCode;
use switchback_core::org::Job;
use switchback_core::text::{Names, quoted};

/// The job-architecture columns, required first.
pub const JOB_COLUMNS: [&str; 9] = [
    "job_code",
    "title",
    "family",
    "grade",
    "salary_min",
    "salary_mid",
    "salary_max",
    "onet_code",
    "headcount",
];

/// The mapping file's columns, in order.
pub const MAPPING_COLUMNS: [&str; 10] = [
    "job_code",
    "title",
    "family",
    "onet_code",
    "onet_title",
    "confidence",
    "score",
    "runner_up_code",
    "runner_up_title",
    "reviewed",
];

/// A problem with one row (or the header) of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The file.
    pub file: String,
    /// The 1-based line.
    pub line: u64,
    /// The field.
    pub field: String,
    /// What is wrong, with the nearest valid value where there is one.
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, line {}, {}: {}",
            self.file, self.line, self.field, self.message
        )
    }
}

/// Why a file could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct FileError(pub RowProblem);

/// The good rows of a file, and the problems of the others.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<T> {
    /// The rows kept.
    pub rows: Vec<T>,
    /// The rows not kept, and why.
    pub problems: Vec<RowProblem>,
}

impl<T> Parsed<T> {
    fn new() -> Self {
        Self {
            rows: Vec::new(),
            problems: Vec::new(),
        }
    }
}

/// A reviewed row of a mapping file: the person's word on a job.
#[derive(Clone, Debug, PartialEq)]
pub struct Correction {
    /// The job code.
    pub job_code: String,
    /// The occupation the person chose.
    pub occupation: OccupationId,
}

/// Column positions by name, checked against the expected columns: an
/// unknown column is an error naming the nearest known one.
fn columns(
    file: &str,
    headers: &csv::StringRecord,
    known: &[&str],
    required: &[&str],
) -> Result<HashMap<String, usize>, FileError> {
    let names = Names::new(known.iter().copied());
    let header_problem = |field: &str, message: String| {
        FileError(RowProblem {
            file: file.to_owned(),
            line: 1,
            field: field.to_owned(),
            message,
        })
    };
    let mut at = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
        if !known.contains(&h.as_str()) {
            let nearest = names
                .nearest(&h, 3)
                .map_or(String::new(), |n| format!("; did you mean `{n}`?"));
            return Err(header_problem(
                &h,
                format!("unknown column {}{nearest}", quoted(&h)),
            ));
        }
        at.insert(h, i);
    }
    for r in required {
        if !at.contains_key(*r) {
            return Err(header_problem(r, format!("the column `{r}` is missing")));
        }
    }
    Ok(at)
}

/// Parses a job-architecture CSV.
pub fn parse_jobs(file: &str, text: &str, catalog: &Catalog) -> Result<Parsed<Job>, FileError> {
    let mut seen: HashMap<String, u64> = HashMap::new();
    read_rows(
        file,
        text,
        &JOB_COLUMNS,
        &["job_code", "title"],
        |line, cells| {
            let j = job(file, line, cells, catalog, &seen);
            if let Ok(j) = &j {
                seen.insert(j.code.clone(), line);
            }
            Some(j)
        },
    )
}

/// The cells of one row, by column name.
struct Cells<'a> {
    at: &'a HashMap<String, usize>,
    record: &'a csv::StringRecord,
}

impl Cells<'_> {
    /// The trimmed cell of `name` ("" when the column or cell is absent).
    fn get(&self, name: &str) -> &str {
        self.at
            .get(name)
            .and_then(|&i| self.record.get(i))
            .map_or("", str::trim)
    }
}

/// Reads a CSV whose header must use `known` columns and include
/// `required`, turning each record into a row (or a problem, or nothing).
fn read_rows<T>(
    file: &str,
    text: &str,
    known: &[&str],
    required: &[&str],
    mut row: impl FnMut(u64, &Cells<'_>) -> Option<Result<T, RowProblem>>,
) -> Result<Parsed<T>, FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| csv_problem(file, 1, &e))?
        .clone();
    let at = columns(file, &headers, known, required)?;
    let mut out = Parsed::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                out.problems.push(csv_problem(file, line, &e).0);
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        match row(
            line,
            &Cells {
                at: &at,
                record: &record,
            },
        ) {
            Some(Ok(r)) => out.rows.push(r),
            Some(Err(p)) => out.problems.push(p),
            None => {}
        }
    }
    Ok(out)
}

fn job(
    file: &str,
    line: u64,
    cells: &Cells<'_>,
    catalog: &Catalog,
    seen: &HashMap<String, u64>,
) -> Result<Job, RowProblem> {
    let get = |name: &str| cells.get(name);
    let problem = |field: &str, message: String| RowProblem {
        file: file.to_owned(),
        line,
        field: field.to_owned(),
        message,
    };
    let code = get("job_code");
    if code.is_empty() {
        return Err(problem("job_code", "empty: every job needs a code".into()));
    }
    if let Some(first) = seen.get(code) {
        return Err(problem(
            "job_code",
            format!("{} repeats the job on line {first}", quoted(code)),
        ));
    }
    let title = get("title");
    if title.is_empty() {
        return Err(problem("title", "empty: every job needs a title".into()));
    }
    let money = |name: &str| -> Result<Option<u32>, RowProblem> {
        let v = get(name).trim_start_matches('$').replace(',', "");
        if v.is_empty() {
            return Ok(None);
        }
        v.parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && (1_000.0..=10_000_000.0).contains(x))
            .map(|x| Some(x.round() as u32))
            .ok_or_else(|| {
                problem(
                    name,
                    format!(
                        "{} is not an annual salary from 1000 to 10000000 dollars",
                        quoted(get(name))
                    ),
                )
            })
    };
    let salary = [
        money("salary_min")?,
        money("salary_mid")?,
        money("salary_max")?,
    ];
    if let [Some(lo), _, Some(hi)] = salary
        && lo > hi
    {
        return Err(problem(
            "salary_max",
            format!("{hi} is below salary_min {lo}"),
        ));
    }
    let onet = match get("onet_code") {
        "" => None,
        text => Some(occupation_code(catalog, text).map_err(|m| problem("onet_code", m))?),
    };
    let headcount = match get("headcount") {
        "" => None,
        text => Some(
            text.parse::<u32>()
                .ok()
                .filter(|n| *n <= 10_000_000)
                .ok_or_else(|| {
                    problem(
                        "headcount",
                        format!("{} is not a count of people", quoted(text)),
                    )
                })?,
        ),
    };
    let grade = Some(get("grade"))
        .filter(|g| !g.is_empty())
        .map(str::to_owned);
    Ok(Job {
        code: code.to_owned(),
        title: title.to_owned(),
        family: get("family").to_owned(),
        grade,
        salary,
        onet,
        headcount,
    })
}

/// An O*NET-SOC code in the catalog, or why not, naming codes of its group.
fn occupation_code(catalog: &Catalog, text: &str) -> Result<OccupationId, String> {
    let code = OnetCode::parse(text).map_err(|_| {
        format!(
            "{} is not an O*NET-SOC code such as 15-1252.00",
            quoted(text)
        )
    })?;
    catalog.find_code(code).ok_or_else(|| {
        let near: Vec<String> = catalog
            .occupations()
            .iter()
            .filter(|o| o.soc().broad() == code.soc().broad())
            .take(3)
            .map(|o| format!("{} {}", o.code, o.title))
            .collect();
        if near.is_empty() {
            format!("no occupation has the code {code}")
        } else {
            format!(
                "no occupation has the code {code}; nearest: {}",
                near.join("; ")
            )
        }
    })
}

/// Reads the reviewed rows of a mapping file (`reviewed` = yes): the
/// corrections a new mapping keeps.
pub fn parse_corrections(
    file: &str,
    text: &str,
    catalog: &Catalog,
) -> Result<Parsed<Correction>, FileError> {
    let required = ["job_code", "onet_code", "reviewed"];
    read_rows(file, text, &MAPPING_COLUMNS, &required, |line, cells| {
        let reviewed = cells.get("reviewed").to_ascii_lowercase();
        if !matches!(reviewed.as_str(), "yes" | "y" | "true" | "1") {
            return None;
        }
        Some(
            occupation_code(catalog, cells.get("onet_code"))
                .map(|occupation| Correction {
                    job_code: cells.get("job_code").to_owned(),
                    occupation,
                })
                .map_err(|message| RowProblem {
                    file: file.to_owned(),
                    line,
                    field: "onet_code".into(),
                    message,
                }),
        )
    })
}

/// One row of a mapping file, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct MappingRow {
    /// The cells, in [`MAPPING_COLUMNS`] order.
    pub cells: [String; 10],
}

/// Writes a mapping file (header first).
pub fn write_mapping(rows: &[MappingRow]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(MAPPING_COLUMNS);
    for r in rows {
        let _ = w.write_record(&r.cells);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn csv_problem(file: &str, line: u64, e: &csv::Error) -> FileError {
    FileError(RowProblem {
        file: file.to_owned(),
        line,
        field: "row".into(),
        message: e.to_string(),
    })
}
