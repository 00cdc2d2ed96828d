//! Profile files (TOML, or JSON of the same structure, chosen by the file's
//! extension) parsed and validated into [`switchback_core::profile::Profile`].
//!
//! Syntax errors carry line and column; validation errors name the field
//! (`current.salary`, `options[2].id`), the value, and the nearest valid
//! choice where one exists. Unknown fields are errors naming the nearest
//! known field: a typo (`salry`) must not quietly drop a value. Every number
//! has a documented range ([`switchback_core::profile::limits`]).

use std::ops::RangeInclusive;
use std::path::Path;

use serde::Deserialize;
use switchback_core::catalog::{EDUCATION_NAMES, ElementId, education_category};
use switchback_core::development::DepartmentGoal;
use switchback_core::level::Level;
use switchback_core::position::{Label, LevelSource, Position, PositionSpec};
use switchback_core::profile::{
    Current, Goal, Opt, Profile, RoleRead, Situation, SkillClaim, limits,
};
use switchback_core::text::{did_you_mean, nearest, quoted, shown_number};
use switchback_core::{Catalog, OccupationId};

/// Why a profile could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The file could not be read.
    #[error("cannot read {path}: {}", switchback_core::text::io_words(.error))]
    Io {
        /// The path.
        path: String,
        /// The OS error (told in words, not chained).
        error: std::io::Error,
    },
    /// Neither `.toml` nor `.json`.
    #[error("{path}: unsupported file type; a profile is a .toml or .json file")]
    Extension {
        /// The path.
        path: String,
    },
    /// Malformed TOML or JSON.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The path.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// A value that cannot be.
    #[error("{path}: {field}: {message}")]
    Invalid {
        /// The path.
        path: String,
        /// The field, e.g. `current.salary`.
        field: String,
        /// What is wrong, with the value and the nearest valid choice.
        message: String,
    },
}

/// The formats a profile can be written in.
pub use switchback_core::profile::ProfileFormat as Format;

/// A level as written: a grade number or a name. Deserialised by hand so
/// that a wrong value is told in the profile's words, not serde's.
enum LevelValue {
    Grade(i64),
    Name(String),
}

impl<'de> Deserialize<'de> for LevelValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = LevelValue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(
                    f,
                    "a level name ({}) or a grade 1–10",
                    switchback_core::Level::NAMES.join(", ")
                )
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<LevelValue, E> {
                Ok(LevelValue::Grade(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<LevelValue, E> {
                Ok(LevelValue::Grade(i64::try_from(v).unwrap_or(i64::MAX)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<LevelValue, E> {
                if v.fract() == 0.0 && (1.0..=10.0).contains(&v) {
                    Ok(LevelValue::Grade(v as i64))
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
                }
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<LevelValue, E> {
                Ok(LevelValue::Name(v.to_owned()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// The fields each table of a profile may have: an unknown field is an
/// error that names the nearest of these (a test keeps them equal to the
/// structs below).
const FIELDS: [(&str, &[&str]); 7] = [
    (
        "",
        &[
            "current",
            "goal",
            "situation",
            "skills",
            "options",
            "department_goals",
        ],
    ),
    (
        "current",
        &[
            "role",
            "level",
            "industry",
            "department",
            "salary",
            "years_in_role",
            "years_experience",
            "manages_people",
            "education",
        ],
    ),
    ("goal", &["role", "level", "horizon_years"]),
    (
        "situation",
        &[
            "employed",
            "months_of_savings",
            "min_salary",
            "other_offers",
            "promotion_blocked",
            "max_step_down",
            "exclude_occupations",
            "exclude_industries",
        ],
    ),
    ("skills", &["element", "level"]),
    (
        "options",
        &[
            "id",
            "role",
            "level",
            "industry",
            "department",
            "salary",
            "manages_people",
            "offered",
        ],
    ),
    ("department_goals", &["id", "description", "elements"]),
];

#[derive(Deserialize)]
struct RawProfile {
    current: Option<RawCurrent>,
    goal: Option<RawGoal>,
    #[serde(default)]
    situation: RawSituation,
    #[serde(default)]
    skills: Vec<RawSkill>,
    #[serde(default)]
    options: Vec<RawOption>,
    #[serde(default)]
    department_goals: Vec<RawDepartmentGoal>,
}

#[derive(Deserialize)]
struct RawDepartmentGoal {
    id: Option<String>,
    description: Option<String>,
    #[serde(default)]
    elements: Vec<String>,
}

#[derive(Deserialize)]
struct RawCurrent {
    role: Option<String>,
    level: Option<LevelValue>,
    industry: Option<String>,
    department: Option<String>,
    salary: Option<f64>,
    years_in_role: Option<f64>,
    years_experience: Option<f64>,
    manages_people: Option<bool>,
    education: Option<String>,
}

#[derive(Deserialize)]
struct RawGoal {
    role: Option<String>,
    level: Option<LevelValue>,
    horizon_years: Option<f64>,
}

#[derive(Deserialize, Default)]
struct RawSituation {
    employed: Option<bool>,
    months_of_savings: Option<f64>,
    min_salary: Option<f64>,
    other_offers: Option<i64>,
    promotion_blocked: Option<bool>,
    max_step_down: Option<i64>,
    #[serde(default)]
    exclude_occupations: Vec<String>,
    #[serde(default)]
    exclude_industries: Vec<String>,
}

#[derive(Deserialize)]
struct RawSkill {
    element: Option<String>,
    level: Option<f64>,
}

#[derive(Deserialize)]
struct RawOption {
    id: Option<String>,
    role: Option<String>,
    level: Option<LevelValue>,
    industry: Option<String>,
    department: Option<String>,
    salary: Option<f64>,
    manages_people: Option<bool>,
    offered: Option<bool>,
}

/// Reads and validates a profile file; the format follows the extension.
pub fn load(path: &Path, catalog: &Catalog) -> Result<Profile, ProfileError> {
    let (format, text) = read(path)?;
    parse(&path.display().to_string(), &text, format, catalog)
}

/// A profile file's language (from its extension) and text, unparsed:
/// what a plan keeps of the profile it was made from.
pub fn read(path: &Path) -> Result<(Format, String), ProfileError> {
    let label = path.display().to_string();
    let Some(format) = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::parse)
    else {
        return Err(ProfileError::Extension { path: label });
    };
    let text = read_limited(path).map_err(|error| ProfileError::Io { path: label, error })?;
    Ok((format, text))
}

/// The largest profile file read: real ones are a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// A regular file's text, refusing anything larger than [`MAX_FILE_BYTES`]
/// (so `/dev/zero` or a mistaken multi-gigabyte file cannot hang the
/// program) and anything that is not a regular file.
fn read_limited(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read};
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(Error::new(ErrorKind::IsADirectory, "it is a directory"));
    }
    if !meta.is_file() {
        return Err(Error::other("not a regular file"));
    }
    let mut text = String::new();
    file.take(MAX_FILE_BYTES + 1).read_to_string(&mut text)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::other(format!(
            "larger than {} KiB; a profile is a few kilobytes",
            MAX_FILE_BYTES / 1024
        )));
    }
    Ok(text)
}

/// Parses and validates profile text.
pub fn parse(
    path: &str,
    text: &str,
    format: Format,
    catalog: &Catalog,
) -> Result<Profile, ProfileError> {
    let mut unknown: Option<(String, String, String)> = None;
    let mut note = |p: serde_ignored::Path| {
        if unknown.is_none() {
            unknown = Some(unknown_field(&p));
        }
    };
    let raw: RawProfile = match format {
        Format::Toml => toml::Deserializer::parse(text)
            .and_then(|d| serde_ignored::deserialize(d, &mut note))
            .map_err(|e| {
                let start = e.span().map(|s| s.start);
                let (line, column) = start.map_or((1, 1), |s| line_column(text, s));
                let key = start.and_then(|s| toml_key_at(text, s));
                ProfileError::Syntax {
                    path: path.to_owned(),
                    line,
                    column,
                    message: key.map_or(String::new(), |k| format!("{k}: "))
                        + &plain_message(e.message())
                        + &start
                            .and_then(|s| grouped_number_at(text, s))
                            .unwrap_or_default(),
                }
            })?,
        Format::Json => {
            let mut d = serde_json::Deserializer::from_str(text);
            serde_ignored::deserialize(&mut d, &mut note)
                .and_then(|raw| d.end().map(|()| raw))
                .map_err(|e| {
                    let full = e.to_string();
                    let suffix = format!(" at line {} column {}", e.line(), e.column());
                    ProfileError::Syntax {
                        path: path.to_owned(),
                        line: e.line(),
                        column: e.column(),
                        message: plain_message(full.strip_suffix(&suffix).unwrap_or(&full)),
                    }
                })?
        }
    };
    if let Some((field, table, key)) = unknown {
        let known = FIELDS
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(&[][..], |(_, f)| *f);
        let hint = did_you_mean(nearest(&key, known.iter().copied(), 4));
        let place = match table.as_str() {
            "" => "a profile".to_owned(),
            "skills" | "options" | "department_goals" => format!("[[{table}]]"),
            t => format!("[{t}]"),
        };
        return Err(ProfileError::Invalid {
            path: path.to_owned(),
            field,
            message: format!(
                "{} is not a field of {place}{hint}; its fields are: {}",
                quoted(&key),
                known.join(", ")
            ),
        });
    }
    Validator { path, catalog }.profile(raw)
}

/// The hint for a number written with thousands separators (`salary =
/// 92,000`), which TOML cannot read, at `offset`'s line: what to write.
fn grouped_number_at(text: &str, offset: usize) -> Option<String> {
    let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(line_start..)?.lines().next()?;
    let value = line.split_once('=')?.1;
    let value = value.split('#').next()?.trim();
    let mut groups = value.split(',');
    let head = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let grouped = (1..=3).contains(&head.len())
        && digits(head)
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3 && digits(g));
    grouped.then(|| {
        format!(
            " (numbers take no thousands separators: write {} or {})",
            value.replace(',', ""),
            value.replace(',', "_")
        )
    })
}

/// An ignored key as (its path, e.g. `options[2].salry`; the table it is
/// in, e.g. `options`; the key itself).
fn unknown_field(p: &serde_ignored::Path) -> (String, String, String) {
    use serde_ignored::Path;
    fn render(p: &Path, out: &mut String) {
        match p {
            Path::Root => {}
            Path::Seq { parent, index } => {
                render(parent, out);
                out.push_str(&format!("[{index}]"));
            }
            Path::Map { parent, key } => {
                render(parent, out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => render(parent, out),
        }
    }
    let mut field = String::new();
    render(p, &mut field);
    let (parent, key) = match p {
        Path::Map { parent, key } => (*parent, key.clone()),
        _ => (p, String::new()),
    };
    let mut table = String::new();
    render(parent, &mut table);
    // `options[2]` is a row of the `options` table.
    let table = table.split('[').next().unwrap_or_default().to_owned();
    (field, table, key)
}

/// A parser's message in the profile's words: Rust type names become
/// what a person writes.
fn plain_message(message: &str) -> String {
    const WORDS: [(&str, &str); 8] = [
        ("expected f64", "expected a number"),
        ("expected i64", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected a sequence", "expected a list"),
        ("expected struct RawProfile", "expected a profile table"),
        ("expected struct ", "expected a table: "),
        ("invalid type: map", "invalid type: a table"),
        ("invalid type: sequence", "invalid type: a list"),
    ];
    let mut out = message.trim().to_owned();
    // An integer past what the parser holds: "invalid type: integer
    // `99999999999999999999` as i128, expected a number".
    if let Some((_, rest)) = out.split_once("invalid type: integer `")
        && let Some((digits, _)) = rest.split_once("` as i128")
    {
        out = format!("`{digits}` is too large a number");
    }
    for (from, to) in WORDS {
        out = out.replace(from, to);
    }
    for raw in [
        "RawCurrent",
        "RawGoal",
        "RawSituation",
        "RawSkill",
        "RawOption",
        "RawDepartmentGoal",
    ] {
        out = out.replace(&format!("a table: {raw}"), "a table");
    }
    // Long literal values are shortened like every echoed value.
    shorten_literals(&out)
}

/// Cuts any run of more than [`switchback_core::text::SHOWN_CHARS`]
/// characters without a space (a 309-digit number, a pasted blob) so a
/// message stays readable.
fn shorten_literals(message: &str) -> String {
    let limit = switchback_core::text::SHOWN_CHARS;
    message
        .split(' ')
        .map(|word| {
            let n = word.chars().count();
            if n > limit {
                let head: String = word.chars().take(limit).collect();
                format!("{head}… ({} more characters)", n - limit)
            } else {
                word.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field whose value starts at `offset` in a TOML profile
/// (`current.salary`, `options[1].salary`): the key before `=` on its
/// line, under the table header above it. `None` when the line holds no
/// `key =` (a header, a syntax error before the value).
fn toml_key_at(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let (key, _) = before[line_start..].split_once('=')?;
    let key = key.trim().trim_matches('"');
    if key.is_empty() || key.contains(['[', ']']) {
        return None;
    }
    let mut table = String::new();
    let mut rows: Vec<(String, usize)> = Vec::new();
    for line in before[..line_start].lines().map(str::trim) {
        if let Some((name, _)) = line.strip_prefix("[[").and_then(|r| r.split_once("]]")) {
            let name = name.trim().to_owned();
            let row = match rows.iter_mut().find(|(n, _)| *n == name) {
                Some((_, count)) => {
                    *count += 1;
                    *count
                }
                None => {
                    rows.push((name.clone(), 0));
                    0
                }
            };
            table = format!("{name}[{row}]");
        } else if let Some((name, _)) = line.strip_prefix('[').and_then(|r| r.split_once(']')) {
            table = name.trim().to_owned();
        }
    }
    Some(if table.is_empty() {
        key.to_owned()
    } else {
        format!("{table}.{key}")
    })
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A level read from years in the post stays below a goal in the same
/// occupation: an accountant of five years who gives no level and aims at
/// a senior accountant's post is not told they already hold it.
fn below_the_goal(catalog: &Catalog, current: &mut Position, goal: &Goal) {
    let typical = switchback_core::position::typical_level(catalog.occupation(goal.occupation));
    if current.level_source == LevelSource::YearsInPost
        && current.occupation == goal.occupation
        && current.level.grade() >= goal.level.grade()
    {
        let grade = goal.level.grade().saturating_sub(1).max(typical.grade());
        current.level = Level::from_grade(grade, false).unwrap_or(typical);
        if current.level == typical {
            current.level_source = LevelSource::Occupation;
        }
    }
}

struct Validator<'a> {
    path: &'a str,
    catalog: &'a Catalog,
}

impl Validator<'_> {
    fn invalid(&self, field: &str, message: String) -> ProfileError {
        ProfileError::Invalid {
            path: self.path.to_owned(),
            field: field.to_owned(),
            message,
        }
    }

    fn required<T>(&self, field: &str, v: Option<T>, what: &str) -> Result<T, ProfileError> {
        v.ok_or_else(|| self.invalid(field, format!("missing: {what}")))
    }

    fn role(&self, field: &str, text: &str) -> Result<(OccupationId, Option<Level>), ProfileError> {
        let (occupation, seniority, _) = self.role_read(field, text, None, &[], None)?;
        Ok((occupation, seniority))
    }

    /// [`Self::role`], and how the text was read when it is not the
    /// occupation's own title or a code; a goal's or an option's text is
    /// read in the light of the person's own occupation (`near`,
    /// [`switchback_core::resolve::Resolution::near`]), and a post's in
    /// the light of its industry and department (`context`,
    /// [`switchback_core::resolve::Resolution::in_context`]), which say
    /// more of that post.
    fn role_read(
        &self,
        field: &str,
        text: &str,
        near: Option<OccupationId>,
        context: &[Option<String>],
        salary: Option<f64>,
    ) -> Result<(OccupationId, Option<Level>, Option<RoleRead>), ProfileError> {
        self.short_text(field, text, limits::TEXT_CHARS)?;
        let r = self
            .catalog
            .resolve(text)
            .map_err(|e| self.invalid(field, e.to_string()))?;
        let r = r.civilian(self.catalog, near);
        let r = match near {
            Some(o) => r.near(self.catalog, o),
            None => r,
        };
        let context: Vec<String> = context.iter().flatten().cloned().collect();
        let r = r
            .in_context(self.catalog, &context)
            .paid(self.catalog, salary);
        let read = RoleRead::of(self.catalog, text, &r);
        Ok((r.occupation, r.seniority_in(self.catalog), read))
    }

    /// Text no longer than `max` characters.
    fn short_text(&self, field: &str, text: &str, max: usize) -> Result<(), ProfileError> {
        let n = text.chars().count();
        if n > max {
            return Err(self.invalid(
                field,
                format!(
                    "{} is {n} characters long; at most {max} are allowed",
                    quoted(text)
                ),
            ));
        }
        Ok(())
    }

    /// A free-text label (industry, department), if given.
    fn label(&self, field: &str, text: Option<&str>) -> Result<Option<Label>, ProfileError> {
        match text {
            None => Ok(None),
            Some(t) => {
                self.short_text(field, t, limits::TEXT_CHARS)?;
                Ok(Label::parse(t))
            }
        }
    }

    /// A list no longer than `max` entries.
    fn bounded<T>(&self, field: &str, list: &[T], max: usize) -> Result<(), ProfileError> {
        if list.len() > max {
            return Err(self.invalid(
                field,
                format!("{} entries; at most {max} are allowed", list.len()),
            ));
        }
        Ok(())
    }

    fn level(&self, field: &str, v: Option<LevelValue>) -> Result<Option<Level>, ProfileError> {
        let text = match v {
            None => return Ok(None),
            Some(LevelValue::Grade(g)) => g.to_string(),
            Some(LevelValue::Name(n)) => {
                self.short_text(field, &n, limits::TEXT_CHARS)?;
                n
            }
        };
        Level::parse(&text)
            .map(Some)
            .map_err(|e| self.invalid(field, e.to_string()))
    }

    /// A number within its documented range; `open_low` excludes the
    /// range's lower end (a horizon of 0 years is no horizon).
    fn ranged(
        &self,
        field: &str,
        v: Option<f64>,
        range: &RangeInclusive<f64>,
        open_low: bool,
        unit: &str,
    ) -> Result<Option<f64>, ProfileError> {
        let Some(x) = v else { return Ok(None) };
        let low_ok = if open_low {
            x > *range.start()
        } else {
            x >= *range.start()
        };
        if x.is_finite() && low_ok && x <= *range.end() {
            return Ok(Some(x));
        }
        let low = if open_low { "more than" } else { "from" };
        Err(self.invalid(
            field,
            format!(
                "{} is out of range: {unit} must be {low} {} to {}",
                shown_number(x),
                range.start(),
                range.end()
            ),
        ))
    }

    fn years(&self, field: &str, v: Option<f64>) -> Result<Option<f64>, ProfileError> {
        self.ranged(field, v, &limits::YEARS, false, "years")
    }

    fn salary(&self, field: &str, v: Option<f64>) -> Result<Option<u32>, ProfileError> {
        Ok(self
            .ranged(
                field,
                v,
                &limits::SALARY,
                false,
                "an annual salary in dollars",
            )?
            .map(|x| x.round() as u32))
    }

    fn whole(
        &self,
        field: &str,
        v: Option<i64>,
        range: RangeInclusive<i64>,
        what: &str,
    ) -> Result<Option<i64>, ProfileError> {
        match v {
            Some(n) if !range.contains(&n) => Err(self.invalid(
                field,
                format!(
                    "{n} is out of range: {what} must be from {} to {}",
                    range.start(),
                    range.end()
                ),
            )),
            other => Ok(other),
        }
    }

    fn profile(&self, raw: RawProfile) -> Result<Profile, ProfileError> {
        let c = self.required(
            "current",
            raw.current,
            "the [current] table (role, level, salary, …) is required",
        )?;
        let mut current = self.current(c)?;
        let goal = raw.goal.map(|g| self.goal(g, &current)).transpose()?;
        if let Some(g) = &goal {
            below_the_goal(self.catalog, &mut current.position, g);
        }
        let situation = self.situation(raw.situation)?;
        self.bounded("skills", &raw.skills, limits::LIST_ENTRIES)?;
        let skills = (raw.skills.into_iter().enumerate())
            .map(|(i, k)| self.skill(&format!("skills[{i}]"), k))
            .collect::<Result<_, _>>()?;
        self.bounded("options", &raw.options, limits::OPTIONS)?;
        let mut options: Vec<Opt> = Vec::new();
        for (i, o) in raw.options.into_iter().enumerate() {
            let field = format!("options[{i}]");
            let opt = self.option(&field, o, &current)?;
            if let Some(j) = options.iter().position(|p| p.id == opt.id) {
                return Err(self.invalid(
                    &format!("{field}.id"),
                    format!("{} is a duplicate id (also options[{j}])", quoted(&opt.id)),
                ));
            }
            options.push(opt);
        }
        self.bounded(
            "department_goals",
            &raw.department_goals,
            limits::LIST_ENTRIES,
        )?;
        let mut department_goals: Vec<DepartmentGoal> = Vec::new();
        for (i, g) in raw.department_goals.into_iter().enumerate() {
            let field = format!("department_goals[{i}]");
            let goal = self.department_goal(&field, g)?;
            if let Some(j) = department_goals.iter().position(|d| d.id == goal.id) {
                return Err(self.invalid(
                    &format!("{field}.id"),
                    format!(
                        "{} is a duplicate id (also department_goals[{j}])",
                        quoted(&goal.id)
                    ),
                ));
            }
            department_goals.push(goal);
        }
        Ok(Profile {
            current,
            goal,
            situation,
            skills,
            options,
            department_goals,
        })
    }

    fn current(&self, c: RawCurrent) -> Result<Current, ProfileError> {
        let role = self.required("current.role", c.role, "a job title or an O*NET-SOC code")?;
        let (occ, hint, role_read) = self.role_read(
            "current.role",
            &role,
            None,
            &[c.industry.clone(), c.department.clone()],
            c.salary.filter(|_| c.level.is_none()),
        )?;
        let level = self.level("current.level", c.level)?;
        let salary = self.salary("current.salary", c.salary)?;
        let years_in_role = self
            .years("current.years_in_role", c.years_in_role)?
            .unwrap_or(0.0) as f32;
        let years_experience = self
            .years("current.years_experience", c.years_experience)?
            .map_or(years_in_role, |y| y as f32);
        if years_experience < years_in_role {
            return Err(self.invalid(
                "current.years_experience",
                format!("{years_experience} is less than current.years_in_role ({years_in_role})"),
            ));
        }
        let spec = PositionSpec {
            level,
            title_hint: hint,
            manages_people: c.manages_people,
            industry: self.label("current.industry", c.industry.as_deref())?,
            department: self.label("current.department", c.department.as_deref())?,
            salary,
            years_in_post: Some(years_in_role),
        };
        Ok(Current {
            position: Position::new(self.catalog, occ, spec),
            years_in_role,
            years_experience,
            manages_people: c.manages_people,
            education: self.education("current.education", c.education.as_deref())?,
            role_read,
        })
    }

    /// An education level by its name ([`EDUCATION_NAMES`]), or an error
    /// naming the nearest.
    fn education(&self, field: &str, v: Option<&str>) -> Result<Option<u8>, ProfileError> {
        let Some(name) = v else { return Ok(None) };
        self.short_text(field, name, limits::TEXT_CHARS)?;
        match education_category(name) {
            Some(c) => Ok(Some(c)),
            None => {
                let hint = did_you_mean(nearest(name, EDUCATION_NAMES.iter().copied(), 6));
                Err(self.invalid(
                    field,
                    format!(
                        "{} is not an education level; one of {}{hint}",
                        quoted(name),
                        EDUCATION_NAMES.join(", ")
                    ),
                ))
            }
        }
    }

    fn goal(&self, g: RawGoal, current: &Current) -> Result<Goal, ProfileError> {
        let role = self.required("goal.role", g.role, "a job title or an O*NET-SOC code")?;
        // A goal names no industry of its own: read in the light of the
        // person's ("Process Engineer" in chemical manufacturing is a
        // chemical engineer, not the bioengineer the title names as well).
        let (occ, hint, role_read) = self.role_read(
            "goal.role",
            &role,
            Some(current.position.occupation),
            &[current.position.industry.as_ref().map(ToString::to_string)],
            None,
        )?;
        let o = self.catalog.occupation(occ);
        let level = self
            .level("goal.level", g.level)?
            .or(hint.and_then(|h| switchback_core::position::title_hint_level(o, h)))
            .unwrap_or_else(|| switchback_core::position::typical_level(o));
        let horizon = self.required(
            "goal.horizon_years",
            g.horizon_years,
            "years within which to reach the goal",
        )?;
        let horizon = self
            .ranged(
                "goal.horizon_years",
                Some(horizon),
                &limits::HORIZON_YEARS,
                true,
                "the horizon in years",
            )?
            .unwrap_or(1.0);
        Ok(Goal {
            occupation: occ,
            level,
            horizon_years: horizon as f32,
            role_read,
        })
    }

    fn situation(&self, s: RawSituation) -> Result<Situation, ProfileError> {
        let max_step_down = self
            .whole(
                "situation.max_step_down",
                s.max_step_down,
                limits::MAX_STEP_DOWN,
                "a number of grades",
            )?
            .map(|d| d as u8);
        let other_offers = self
            .whole(
                "situation.other_offers",
                s.other_offers,
                limits::OTHER_OFFERS,
                "the number of offers",
            )?
            .map(|n| n as u32);
        self.bounded(
            "situation.exclude_occupations",
            &s.exclude_occupations,
            limits::LIST_ENTRIES,
        )?;
        let exclude_occupations = (s.exclude_occupations.iter().enumerate())
            .map(|(i, role)| {
                Ok(self
                    .role(&format!("situation.exclude_occupations[{i}]"), role)?
                    .0)
            })
            .collect::<Result<_, ProfileError>>()?;
        self.bounded(
            "situation.exclude_industries",
            &s.exclude_industries,
            limits::LIST_ENTRIES,
        )?;
        let mut exclude_industries = Vec::new();
        for (i, t) in s.exclude_industries.iter().enumerate() {
            exclude_industries
                .extend(self.label(&format!("situation.exclude_industries[{i}]"), Some(t))?);
        }
        Ok(Situation {
            employed: s.employed,
            months_of_savings: self
                .ranged(
                    "situation.months_of_savings",
                    s.months_of_savings,
                    &limits::MONTHS_OF_SAVINGS,
                    false,
                    "months",
                )?
                .map(|m| m as f32),
            min_salary: self.salary("situation.min_salary", s.min_salary)?,
            other_offers,
            promotion_blocked: s.promotion_blocked.unwrap_or(false),
            max_step_down,
            exclude_occupations,
            exclude_industries,
        })
    }

    fn skill(&self, field: &str, k: RawSkill) -> Result<SkillClaim, ProfileError> {
        let name = self.required(
            &format!("{field}.element"),
            k.element,
            "an O*NET skill or knowledge name or id",
        )?;
        let element = self.element(&format!("{field}.element"), &name)?;
        let level = self.required(
            &format!("{field}.level"),
            k.level,
            "a level on the O*NET scale 0–7",
        )?;
        let level = self
            .ranged(
                &format!("{field}.level"),
                Some(level),
                &limits::SKILL_LEVEL,
                false,
                "a level on the O*NET scale",
            )?
            .unwrap_or(0.0);
        Ok(SkillClaim {
            element,
            level: level as f32,
        })
    }

    fn option(&self, field: &str, o: RawOption, current: &Current) -> Result<Opt, ProfileError> {
        let id = self.required(&format!("{field}.id"), o.id, "a unique id for the option")?;
        if id.trim().is_empty() {
            return Err(self.invalid(&format!("{field}.id"), "the id is empty".into()));
        }
        self.short_text(&format!("{field}.id"), &id, limits::TEXT_CHARS)?;
        let role = self.required(
            &format!("{field}.role"),
            o.role,
            "a job title or an O*NET-SOC code",
        )?;
        let (occ, hint, role_read) = self.role_read(
            &format!("{field}.role"),
            &role,
            Some(current.position.occupation),
            &[o.industry.clone(), o.department.clone()],
            o.salary.filter(|_| o.level.is_none()),
        )?;
        let spec = PositionSpec {
            level: self.level(&format!("{field}.level"), o.level)?,
            title_hint: hint,
            manages_people: o.manages_people,
            industry: self.label(&format!("{field}.industry"), o.industry.as_deref())?,
            department: self.label(&format!("{field}.department"), o.department.as_deref())?,
            salary: self.salary(&format!("{field}.salary"), o.salary)?,
            // A post not yet taken: its level is said, or read from the
            // occupation (from one's own, in one's own occupation).
            years_in_post: None,
        };
        Ok(Opt {
            id,
            position: Position::destination(self.catalog, occ, spec, &current.position),
            offered: o.offered.unwrap_or(false),
            role_read,
        })
    }

    fn department_goal(
        &self,
        field: &str,
        g: RawDepartmentGoal,
    ) -> Result<DepartmentGoal, ProfileError> {
        let id = self.required(&format!("{field}.id"), g.id, "a unique id for the goal")?;
        self.short_text(&format!("{field}.id"), &id, limits::TEXT_CHARS)?;
        let description = self.required(
            &format!("{field}.description"),
            g.description,
            "what the department wants, in a sentence",
        )?;
        self.short_text(
            &format!("{field}.description"),
            &description,
            limits::DESCRIPTION_CHARS,
        )?;
        self.bounded(
            &format!("{field}.elements"),
            &g.elements,
            limits::LIST_ENTRIES,
        )?;
        let elements = (g.elements.iter().enumerate())
            .map(|(k, name)| self.element(&format!("{field}.elements[{k}]"), name))
            .collect::<Result<_, _>>()?;
        Ok(DepartmentGoal {
            id,
            description,
            elements,
        })
    }

    /// An O*NET element by id or name, or an error naming the nearest name.
    fn element(&self, field: &str, name: &str) -> Result<ElementId, ProfileError> {
        self.catalog.find_element(name).ok_or_else(|| {
            let names = self.catalog.elements().iter().map(|e| e.name.as_str());
            let hint = did_you_mean(nearest(name, names, 4));
            self.invalid(
                field,
                format!(
                    "{} is not an O*NET skill, knowledge or work-style element{hint}",
                    quoted(name)
                ),
            )
        })
    }
}
