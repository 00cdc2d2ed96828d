//! An organisation's files for organisation mode (docs/ORGANISATION.md):
//! the job architecture, the reviewed mapping of its jobs to O*NET
//! occupations (written by `switchback org map` and corrected by a
//! person), its grade mapping, its employees and its open roles — all CSV.
//!
//! Bad rows are reported by file, line and field, with the nearest valid
//! value where there is one; good rows are kept.

use std::collections::{HashMap, HashSet};

use switchback_core::Catalog;
use switchback_core::Level;
use switchback_core::catalog::OccupationId;
use switchback_core::code::OnetCode;
use switchback_core::org::Job;
use switchback_core::org::people::{Employee, Goal, GradeLevel, OpenRole};
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
    // Excel and Windows write CRLF; the reader's line numbers are only
    // right with LF, and a problem must name the line a person sees.
    let text = if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
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
    let money = |name: &str| salary_cell(get(name)).map_err(|m| problem(name, m));
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
    let excluded = get("onet_code").eq_ignore_ascii_case("none");
    let onet = match get("onet_code") {
        "" => None,
        _ if excluded => None,
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
        excluded,
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

/// The employee file's columns, required first.
pub const EMPLOYEE_COLUMNS: [&str; 11] = [
    "employee_id",
    "job_code",
    "department",
    "grade",
    "salary",
    "years_in_role",
    "years_experience",
    "manages_people",
    "goal",
    "max_step_down",
    "min_pay",
];

/// The open-role file's columns, required first.
pub const OPEN_ROLE_COLUMNS: [&str; 5] = ["role_id", "job_code", "department", "grade", "salary"];

/// The grade-mapping file's columns.
pub const GRADE_COLUMNS: [&str; 2] = ["grade", "level"];

/// A problem maker for one line of one file.
fn at_line(file: &str, line: u64) -> impl Fn(&str, String) -> RowProblem + '_ {
    move |field, message| RowProblem {
        file: file.to_owned(),
        line,
        field: field.to_owned(),
        message,
    }
}

/// The job codes of the architecture, which other files must use.
struct JobCodes<'a> {
    names: Names<'a>,
    known: HashSet<&'a str>,
}

impl<'a> JobCodes<'a> {
    fn new(codes: impl IntoIterator<Item = &'a str> + Clone) -> Self {
        JobCodes {
            names: Names::new(codes.clone()),
            known: codes.into_iter().collect(),
        }
    }

    /// The code, or why it is not one, naming the nearest.
    fn check(&self, code: &str) -> Result<String, String> {
        if code.is_empty() {
            return Err("empty: every row needs the code of a job in the job architecture".into());
        }
        if self.known.contains(code) {
            return Ok(code.to_owned());
        }
        let nearest = self
            .names
            .nearest(code, 3)
            .map_or(String::new(), |n| format!("; did you mean `{n}`?"));
        Err(format!(
            "{} is not a job of the job architecture{nearest}",
            quoted(code)
        ))
    }
}

/// Dollars a year (1,000–10,000,000; `$` and `,` allowed), or empty.
fn salary_cell(text: &str) -> Result<Option<u32>, String> {
    let v = text.trim_start_matches('$').replace(',', "");
    if v.is_empty() {
        return Ok(None);
    }
    v.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && (1_000.0..=10_000_000.0).contains(x))
        .map(|x| Some(x.round() as u32))
        .ok_or_else(|| {
            format!(
                "{} is not an annual salary from 1000 to 10000000 dollars",
                quoted(text)
            )
        })
}

/// Years from 0 to 70, or empty.
fn years_cell(text: &str) -> Result<Option<f32>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f32>()
        .ok()
        .filter(|y| y.is_finite() && (0.0..=70.0).contains(y))
        .map(Some)
        .ok_or_else(|| format!("{} is not a number of years from 0 to 70", quoted(text)))
}

fn yes_no_cell(text: &str) -> Result<Option<bool>, String> {
    match text.to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "yes" | "y" | "true" | "1" => Ok(Some(true)),
        "no" | "n" | "false" | "0" => Ok(Some(false)),
        _ => Err(format!("{} is not yes or no", quoted(text))),
    }
}

fn optional(text: &str) -> Option<String> {
    Some(text).filter(|t| !t.is_empty()).map(str::to_owned)
}

/// A goal: a job code of the architecture, or an O*NET-SOC code with an
/// optional level after it (`15-1252.00 senior`).
fn goal(text: &str, codes: &JobCodes<'_>, catalog: &Catalog) -> Result<Goal, String> {
    if codes.known.contains(text) {
        return Ok(Goal::Job(text.to_owned()));
    }
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default();
    if OnetCode::parse(first).is_err() {
        return codes.check(text).map(Goal::Job).map_err(|m| {
            format!(
                "{m}; a goal is a job code, or an O*NET-SOC code and a level (15-1252.00 senior)"
            )
        });
    }
    let occupation = occupation_code(catalog, first)?;
    let rest: Vec<&str> = words.collect();
    let level = match rest.as_slice() {
        [] => None,
        [level] => Some(Level::parse(level).map_err(|e| e.to_string())?),
        _ => {
            return Err(format!(
                "{} is not an O*NET-SOC code and one level",
                quoted(text)
            ));
        }
    };
    Ok(Goal::Occupation { occupation, level })
}

/// Parses an employee CSV against the job codes of the architecture (and
/// the catalog, for goals given as occupations).
pub fn parse_employees<'a>(
    file: &str,
    text: &str,
    job_codes: impl IntoIterator<Item = &'a str> + Clone,
    catalog: &Catalog,
) -> Result<Parsed<Employee>, FileError> {
    let codes = JobCodes::new(job_codes);
    let mut seen: HashMap<String, u64> = HashMap::new();
    read_rows(
        file,
        text,
        &EMPLOYEE_COLUMNS,
        &["employee_id", "job_code"],
        |line, cells| {
            let e = employee(at_line(file, line), cells, &codes, catalog, &seen);
            if let Ok(e) = &e {
                seen.insert(e.id.clone(), line);
            }
            Some(e)
        },
    )
}

fn employee(
    problem: impl Fn(&str, String) -> RowProblem,
    cells: &Cells<'_>,
    codes: &JobCodes<'_>,
    catalog: &Catalog,
    seen: &HashMap<String, u64>,
) -> Result<Employee, RowProblem> {
    let get = |name: &str| cells.get(name);
    let id = get("employee_id");
    if id.is_empty() {
        return Err(problem(
            "employee_id",
            "empty: every employee needs an id".into(),
        ));
    }
    if let Some(first) = seen.get(id) {
        return Err(problem(
            "employee_id",
            format!("{} repeats the employee on line {first}", quoted(id)),
        ));
    }
    let problem = &problem;
    let field = |name: &'static str| move |m: String| problem(name, m);
    let job_code = codes.check(get("job_code")).map_err(field("job_code"))?;
    let goal = match get("goal") {
        "" => None,
        g => Some(goal(g, codes, catalog).map_err(field("goal"))?),
    };
    let max_step_down = match get("max_step_down") {
        "" => None,
        t => Some(t.parse::<u8>().ok().filter(|n| *n <= 9).ok_or_else(|| {
            problem(
                "max_step_down",
                format!("{} is not a number of grades from 0 to 9", quoted(t)),
            )
        })?),
    };
    Ok(Employee {
        id: id.to_owned(),
        job_code,
        department: get("department").to_owned(),
        grade: optional(get("grade")),
        salary: salary_cell(get("salary")).map_err(field("salary"))?,
        years_in_role: years_cell(get("years_in_role")).map_err(field("years_in_role"))?,
        years_experience: years_cell(get("years_experience")).map_err(field("years_experience"))?,
        manages_people: yes_no_cell(get("manages_people")).map_err(field("manages_people"))?,
        goal,
        max_step_down,
        min_pay: salary_cell(get("min_pay")).map_err(field("min_pay"))?,
    })
}

/// Parses an open-role CSV against the job codes of the architecture.
pub fn parse_open_roles<'a>(
    file: &str,
    text: &str,
    job_codes: impl IntoIterator<Item = &'a str> + Clone,
) -> Result<Parsed<OpenRole>, FileError> {
    let codes = JobCodes::new(job_codes);
    let mut seen: HashMap<String, u64> = HashMap::new();
    read_rows(
        file,
        text,
        &OPEN_ROLE_COLUMNS,
        &["role_id", "job_code"],
        |line, cells| {
            let problem = at_line(file, line);
            let id = cells.get("role_id");
            let role = if id.is_empty() {
                Err(problem(
                    "role_id",
                    "empty: every open role needs an id".into(),
                ))
            } else if let Some(first) = seen.get(id) {
                Err(problem(
                    "role_id",
                    format!("{} repeats the role on line {first}", quoted(id)),
                ))
            } else {
                codes
                    .check(cells.get("job_code"))
                    .map_err(|m| problem("job_code", m))
                    .and_then(|job_code| {
                        Ok(OpenRole {
                            id: id.to_owned(),
                            job_code,
                            department: cells.get("department").to_owned(),
                            grade: optional(cells.get("grade")),
                            salary: salary_cell(cells.get("salary"))
                                .map_err(|m| problem("salary", m))?,
                        })
                    })
            };
            if let Ok(r) = &role {
                seen.insert(r.id.clone(), line);
            }
            Some(role)
        },
    )
}

/// Parses a grade mapping: the organisation's grades and the levels they
/// stand for (a level name or a grade 1–10, as `--level` takes them).
pub fn parse_grades(file: &str, text: &str) -> Result<Parsed<GradeLevel>, FileError> {
    let mut seen: HashMap<String, u64> = HashMap::new();
    read_rows(file, text, &GRADE_COLUMNS, &GRADE_COLUMNS, |line, cells| {
        let problem = at_line(file, line);
        let grade = cells.get("grade");
        let row = if grade.is_empty() {
            Err(problem("grade", "empty: every row maps one grade".into()))
        } else if let Some(first) = seen.get(grade) {
            Err(problem(
                "grade",
                format!("{} repeats the grade on line {first}", quoted(grade)),
            ))
        } else {
            Level::parse(cells.get("level"))
                .map(|level| GradeLevel {
                    grade: grade.to_owned(),
                    level,
                })
                .map_err(|e| problem("level", e.to_string()))
        };
        if let Ok(r) = &row {
            seen.insert(r.grade.clone(), line);
        }
        Some(row)
    })
}

/// The columns of a workforce given as cells (one row per group of
/// people sharing a job and department, as OPM's FedScope publishes).
pub const CELL_COLUMNS: [&str; 5] = [
    "job_code",
    "department",
    "employees",
    "avg_salary",
    "avg_years_of_service",
];

/// Expands a cells file into an employee file (`EMPLOYEE_COLUMNS`), one
/// row per person, deterministically: each cell's people get its job, its
/// department, the grade after the job code's series (`2210-GS-13` →
/// `GS-13`), its average salary and its average years of service as their
/// years of experience, and the id `F<line>-<n>`. With `every` above 1,
/// only every `every`-th person (counted across the whole file) is kept:
/// a sample with the workforce's proportions. Returns the people written.
pub fn expand_cells(
    file: &str,
    text: &str,
    every: usize,
    out: impl std::io::Write,
) -> Result<u64, FileError> {
    let every = every.max(1) as u64;
    let mut w = csv::Writer::from_writer(out);
    let io = |e: std::io::Error| {
        FileError(RowProblem {
            file: "output".into(),
            line: 0,
            field: "write".into(),
            message: e.to_string(),
        })
    };
    w.write_record(EMPLOYEE_COLUMNS).map_err(|e| io(e.into()))?;
    let (mut seen, mut written) = (0u64, 0u64);
    let cells = read_rows(
        file,
        text,
        &CELL_COLUMNS,
        &CELL_COLUMNS[..3],
        |line, cells| {
            Some(Ok((
                line,
                cells.get("job_code").to_owned(),
                cells.get("department").to_owned(),
                cells.get("employees").parse::<u64>().unwrap_or(0),
                cells.get("avg_salary").to_owned(),
                cells.get("avg_years_of_service").to_owned(),
            )))
        },
    )?;
    for (line, job, department, people, salary, years) in cells.rows {
        // `2210-GS-13` → `GS-13`; a code without a series number has none.
        let grade = match job.split_once('-') {
            Some((series, g)) if series.chars().all(|c| c.is_ascii_digit()) => g.to_owned(),
            _ => String::new(),
        };
        for n in 0..people {
            seen += 1;
            if (seen - 1) % every != 0 {
                continue;
            }
            let id = format!("F{line:05}-{n:06}");
            let row = [
                id.as_str(),
                &job,
                &department,
                &grade,
                &salary,
                "",
                &years,
                "",
                "",
                "",
                "",
            ];
            w.write_record(row).map_err(|e| io(e.into()))?;
            written += 1;
        }
    }
    w.flush().map_err(io)?;
    Ok(written)
}

/// Whether a file's bytes are an XLSX workbook (a ZIP archive).
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The first worksheet of an XLSX workbook as CSV text, for the same
/// readers as a CSV export: the first row is the header, each later row a
/// record, so a problem's line is the spreadsheet's row. Whole numbers are
/// written without a decimal point, booleans as yes / no.
pub fn xlsx_to_csv(file: &str, bytes: &[u8]) -> Result<String, FileError> {
    use calamine::{Data, Reader, Xlsx};
    let problem = |message: String| {
        FileError(RowProblem {
            file: file.to_owned(),
            line: 0,
            field: "workbook".into(),
            message,
        })
    };
    let mut book = Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|e| problem(format!("not a readable XLSX workbook: {e}")))?;
    let sheet = book
        .worksheet_range_at(0)
        .ok_or_else(|| problem("the workbook has no worksheet".into()))?
        .map_err(|e| problem(format!("the first worksheet cannot be read: {e}")))?;
    let cell = |d: &Data| match d {
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        Data::DateTime(d) => d.to_string(),
        Data::Error(e) => format!("#{e}"),
        Data::Empty => String::new(),
    };
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in sheet.rows() {
        // Writing to memory cannot fail.
        let _ = w.write_record(row.iter().map(cell));
    }
    Ok(String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default())
}
