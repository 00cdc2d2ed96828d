//! Profile files (TOML, or JSON of the same structure, chosen by the file's
//! extension) parsed and validated into [`switchback_core::profile::Profile`].
//!
//! Syntax errors carry line and column; validation errors name the field
//! (`current.salary`, `options[2].id`), the value, and the nearest valid
//! choice where one exists. Unknown fields are ignored: other tools write
//! these files and may add their own.

use std::path::Path;

use serde::Deserialize;
use switchback_core::catalog::ElementId;
use switchback_core::development::DepartmentGoal;
use switchback_core::level::Level;
use switchback_core::position::{Label, Position, PositionSpec};
use switchback_core::profile::{Current, Goal, Opt, Profile, Situation, SkillClaim};
use switchback_core::text::{did_you_mean, nearest};
use switchback_core::{Catalog, OccupationId};

/// Why a profile could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The OS error.
        source: std::io::Error,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// TOML.
    Toml,
    /// JSON.
    Json,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum LevelValue {
    Grade(i64),
    Name(String),
}

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
}

/// Reads and validates a profile file; the format follows the extension.
pub fn load(path: &Path, catalog: &Catalog) -> Result<Profile, ProfileError> {
    let label = path.display().to_string();
    let format = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("toml") => Format::Toml,
        Some("json") => Format::Json,
        _ => return Err(ProfileError::Extension { path: label }),
    };
    let text = std::fs::read_to_string(path).map_err(|source| ProfileError::Io {
        path: label.clone(),
        source,
    })?;
    parse(&label, &text, format, catalog)
}

/// Parses and validates profile text.
pub fn parse(
    path: &str,
    text: &str,
    format: Format,
    catalog: &Catalog,
) -> Result<Profile, ProfileError> {
    let raw: RawProfile = match format {
        Format::Toml => toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_column(text, s.start));
            ProfileError::Syntax {
                path: path.to_owned(),
                line,
                column,
                message: e.message().to_owned(),
            }
        })?,
        Format::Json => serde_json::from_str(text).map_err(|e| ProfileError::Syntax {
            path: path.to_owned(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?,
    };
    Validator { path, catalog }.profile(raw)
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
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
        let r = self
            .catalog
            .resolve(text)
            .map_err(|e| self.invalid(field, e.to_string()))?;
        Ok((r.occupation, r.seniority))
    }

    fn level(&self, field: &str, v: Option<LevelValue>) -> Result<Option<Level>, ProfileError> {
        let text = match v {
            None => return Ok(None),
            Some(LevelValue::Grade(g)) => g.to_string(),
            Some(LevelValue::Name(n)) => n,
        };
        Level::parse(&text)
            .map(Some)
            .map_err(|e| self.invalid(field, e.to_string()))
    }

    fn positive(&self, field: &str, v: Option<f64>) -> Result<Option<f64>, ProfileError> {
        match v {
            Some(x) if !(x > 0.0 && x.is_finite()) => {
                Err(self.invalid(field, format!("{x} must be greater than 0")))
            }
            other => Ok(other),
        }
    }

    fn non_negative(&self, field: &str, v: Option<f64>) -> Result<Option<f64>, ProfileError> {
        match v {
            Some(x) if !(x >= 0.0 && x.is_finite()) => {
                Err(self.invalid(field, format!("{x} must be 0 or more")))
            }
            other => Ok(other),
        }
    }

    fn salary(&self, field: &str, v: Option<f64>) -> Result<Option<u32>, ProfileError> {
        match self.positive(field, v)? {
            Some(x) if x > f64::from(u32::MAX) => {
                Err(self.invalid(field, format!("{x} is not a plausible annual salary")))
            }
            other => Ok(other.map(|x| x.round() as u32)),
        }
    }

    fn profile(&self, raw: RawProfile) -> Result<Profile, ProfileError> {
        let c = self.required(
            "current",
            raw.current,
            "the [current] table (role, level, salary, …) is required",
        )?;
        let role = self.required("current.role", c.role, "a job title or an O*NET-SOC code")?;
        let (occ, hint) = self.role("current.role", &role)?;
        let level = self.level("current.level", c.level)?;
        let salary = self.salary("current.salary", c.salary)?;
        let years_in_role = self
            .non_negative("current.years_in_role", c.years_in_role)?
            .unwrap_or(0.0) as f32;
        let years_experience = self
            .non_negative("current.years_experience", c.years_experience)?
            .map_or(years_in_role, |y| y as f32);
        if years_experience < years_in_role {
            return Err(self.invalid(
                "current.years_experience",
                format!("{years_experience} is less than current.years_in_role ({years_in_role})"),
            ));
        }
        let current = Current {
            position: Position::new(
                self.catalog,
                occ,
                PositionSpec {
                    level,
                    title_hint: hint,
                    manages_people: c.manages_people,
                    industry: c.industry.as_deref().and_then(Label::parse),
                    department: c.department.as_deref().and_then(Label::parse),
                    salary,
                },
            ),
            years_in_role,
            years_experience,
            manages_people: c.manages_people,
        };

        let goal = match raw.goal {
            None => None,
            Some(g) => {
                let role =
                    self.required("goal.role", g.role, "a job title or an O*NET-SOC code")?;
                let (occ, hint) = self.role("goal.role", &role)?;
                let level = self
                    .level("goal.level", g.level)?
                    .or(hint)
                    .unwrap_or_else(|| {
                        switchback_core::position::typical_level(self.catalog.occupation(occ))
                    });
                let horizon = self.required(
                    "goal.horizon_years",
                    g.horizon_years,
                    "years within which to reach the goal",
                )?;
                let horizon = self
                    .positive("goal.horizon_years", Some(horizon))?
                    .unwrap_or(1.0);
                Some(Goal {
                    occupation: occ,
                    level,
                    horizon_years: horizon as f32,
                })
            }
        };

        let s = raw.situation;
        let max_step_down = match s.max_step_down {
            Some(d) if !(0..=9).contains(&d) => {
                return Err(self.invalid(
                    "situation.max_step_down",
                    format!("{d} must be a number of grades, 0–9"),
                ));
            }
            other => other.map(|d| d as u8),
        };
        let other_offers = match s.other_offers {
            Some(n) if n < 0 => {
                return Err(
                    self.invalid("situation.other_offers", format!("{n} must be 0 or more"))
                );
            }
            other => other.map(|n| n as u32),
        };
        let mut exclude_occupations = Vec::new();
        for (i, role) in s.exclude_occupations.iter().enumerate() {
            exclude_occupations.push(
                self.role(&format!("situation.exclude_occupations[{i}]"), role)?
                    .0,
            );
        }
        let situation = Situation {
            employed: s.employed,
            months_of_savings: self
                .non_negative("situation.months_of_savings", s.months_of_savings)?
                .map(|m| m as f32),
            min_salary: self.salary("situation.min_salary", s.min_salary)?,
            other_offers,
            promotion_blocked: s.promotion_blocked.unwrap_or(false),
            max_step_down,
            exclude_occupations,
            exclude_industries: s
                .exclude_industries
                .iter()
                .filter_map(|t| Label::parse(t))
                .collect(),
        };

        let mut skills = Vec::new();
        for (i, k) in raw.skills.into_iter().enumerate() {
            let field = format!("skills[{i}]");
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
            if !(0.0..=7.0).contains(&level) {
                return Err(self.invalid(
                    &format!("{field}.level"),
                    format!("{level} is outside the O*NET level scale 0–7"),
                ));
            }
            skills.push(SkillClaim {
                element,
                level: level as f32,
            });
        }

        let mut options: Vec<Opt> = Vec::new();
        for (i, o) in raw.options.into_iter().enumerate() {
            let field = format!("options[{i}]");
            let id = self.required(&format!("{field}.id"), o.id, "a unique id for the option")?;
            if id.trim().is_empty() {
                return Err(self.invalid(&format!("{field}.id"), "the id is empty".into()));
            }
            if let Some(j) = options.iter().position(|p| p.id == id) {
                return Err(self.invalid(
                    &format!("{field}.id"),
                    format!("\"{id}\" is a duplicate id (also options[{j}])"),
                ));
            }
            let role = self.required(
                &format!("{field}.role"),
                o.role,
                "a job title or an O*NET-SOC code",
            )?;
            let (occ, hint) = self.role(&format!("{field}.role"), &role)?;
            let level = self.level(&format!("{field}.level"), o.level)?;
            let salary = self.salary(&format!("{field}.salary"), o.salary)?;
            // An option's industry or department, if unnamed, is the current one.
            let position = Position::new(
                self.catalog,
                occ,
                PositionSpec {
                    level,
                    title_hint: hint,
                    manages_people: o.manages_people,
                    industry: o
                        .industry
                        .as_deref()
                        .and_then(Label::parse)
                        .or_else(|| current.position.industry.clone()),
                    department: o
                        .department
                        .as_deref()
                        .and_then(Label::parse)
                        .or_else(|| current.position.department.clone()),
                    salary,
                },
            );
            options.push(Opt { id, position });
        }
        let mut department_goals: Vec<DepartmentGoal> = Vec::new();
        for (i, g) in raw.department_goals.into_iter().enumerate() {
            let field = format!("department_goals[{i}]");
            let id = self.required(&format!("{field}.id"), g.id, "a unique id for the goal")?;
            if let Some(j) = department_goals.iter().position(|d| d.id == id) {
                return Err(self.invalid(
                    &format!("{field}.id"),
                    format!("\"{id}\" is a duplicate id (also department_goals[{j}])"),
                ));
            }
            let description = self.required(
                &format!("{field}.description"),
                g.description,
                "what the department wants, in a sentence",
            )?;
            let mut elements = Vec::new();
            for (k, name) in g.elements.iter().enumerate() {
                elements.push(self.element(&format!("{field}.elements[{k}]"), name)?);
            }
            department_goals.push(DepartmentGoal {
                id,
                description,
                elements,
            });
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

    /// An O*NET element by id or name, or an error naming the nearest name.
    fn element(&self, field: &str, name: &str) -> Result<ElementId, ProfileError> {
        self.catalog.find_element(name).ok_or_else(|| {
            let names = self.catalog.elements().iter().map(|e| e.name.as_str());
            let hint = did_you_mean(nearest(name, names, 4));
            self.invalid(
                field,
                format!("\"{name}\" is not an O*NET skill, knowledge or work-style element{hint}"),
            )
        })
    }
}
