//! Learning-activity catalogs in CSV: the one bundled with Switchback
//! (`data/learning/activities.csv`) and an organisation's own course
//! catalogue, imported with `switchback learning import`.
//!
//! # Columns
//!
//! A header row names the columns, in any order; others are ignored.
//!
//! | column     | required | meaning |
//! |------------|----------|---------|
//! | `target`   | yes | what it teaches: an O*NET element id (`2.B.5.b`) or family (`2.B.5`), an element name (`Negotiation`), a technology (`Microsoft Excel`) or technology category (`Spreadsheet software`); `element:`, `technology:` or `category:` before it removes any doubt |
//! | `kind`     | yes | `course`, `stretch_assignment`, `shadowing` or `mentoring` |
//! | `title`    | yes | what to do, in a line |
//! | `provider` | no  | who offers it |
//! | `hours`    | no  | hours it takes, a positive number |
//! | `url`      | no  | where to find it (`http://` or `https://`) |
//!
//! A bad row is reported with its line number and left out; the good rows
//! are kept.

use std::path::Path;

use switchback_core::Catalog;
use switchback_core::catalog::{Domain, Technology};
use switchback_core::development::learning::{ActivityKind, LearningActivity, LearningTarget};
use switchback_core::text::{did_you_mean, nearest, quoted};

/// The bundled catalog, as shipped.
const BUNDLED: &str = include_str!("../../../data/learning/activities.csv");

/// The columns a catalog must have.
pub const REQUIRED_COLUMNS: [&str; 3] = ["target", "kind", "title"];

/// A row left out, and why.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("line {line}: {field}: {message}")]
pub struct RowError {
    /// 1-based line in the file.
    pub line: u64,
    /// The column.
    pub field: String,
    /// What is wrong, with the value and the nearest valid choice.
    pub message: String,
}

/// Why a catalog could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum LearningError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The header lacks a required column.
    #[error(
        "{path}: line 1: the header has no \"{column}\" column (columns: target, kind, title, and optionally provider, hours, url)"
    )]
    MissingColumn {
        /// The path.
        path: String,
        /// The missing column.
        column: &'static str,
    },
    /// The file is not CSV text.
    #[error("{path}: {message}")]
    Malformed {
        /// The path.
        path: String,
        /// What the CSV reader said.
        message: String,
    },
}

/// A catalog read from CSV.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    /// The good rows, with the line each came from.
    pub activities: Vec<(u64, LearningActivity)>,
    /// The bad rows.
    pub errors: Vec<RowError>,
}

/// The bundled catalog's activities.
pub fn bundled(catalog: &Catalog) -> Parsed {
    // The bundled file is checked by a test to have no bad rows.
    parse("data/learning/activities.csv", BUNDLED, catalog).unwrap_or_default()
}

/// Reads a catalog file.
pub fn load(path: &Path, catalog: &Catalog) -> Result<Parsed, LearningError> {
    let label = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| LearningError::Io {
        path: label.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| LearningError::Malformed {
        path: label.clone(),
        message: format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
    })?;
    parse(&label, &text, catalog)
}

/// Parses catalog text.
pub fn parse(path: &str, text: &str, catalog: &Catalog) -> Result<Parsed, LearningError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| LearningError::Malformed {
            path: path.to_owned(),
            message: e.to_string(),
        })?
        .clone();
    let column = |name: &'static str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
    };
    let mut required = [0; 3];
    for (slot, name) in required.iter_mut().zip(REQUIRED_COLUMNS) {
        *slot = column(name).ok_or_else(|| LearningError::MissingColumn {
            path: path.to_owned(),
            column: name,
        })?;
    }
    let [target_at, kind_at, title_at] = required;
    let (provider_at, hours_at, url_at) = (column("provider"), column("hours"), column("url"));
    let resolver = Resolver::new(catalog);
    // Line numbers come from byte offsets: the CSV reader's own line count
    // skips blank lines, and a user opens the file at the line we name.
    let newlines: Vec<u64> = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i as u64)
        .collect();
    let line_of = |p: Option<&csv::Position>| {
        p.map_or(0, |p| {
            // A record's position can fall on the blank lines before it.
            let skipped = text.as_bytes()[(p.byte() as usize).min(text.len())..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count() as u64;
            newlines.partition_point(|&n| n < p.byte() + skipped) as u64 + 1
        })
    };
    let mut parsed = Parsed::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                parsed.errors.push(RowError {
                    line: line_of(e.position()),
                    field: "row".to_owned(),
                    message: e.to_string(),
                });
                continue;
            }
        };
        let line = line_of(record.position());
        let get = |at: Option<usize>| at.and_then(|i| record.get(i)).filter(|v| !v.is_empty());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let bad = |field: &str, message: String| RowError {
            line,
            field: field.to_owned(),
            message,
        };
        let row = (|| {
            let target = get(Some(target_at)).ok_or_else(|| {
                bad(
                    "target",
                    "empty: name an O*NET element, family, technology or category".into(),
                )
            })?;
            let target = resolver.target(target).map_err(|m| bad("target", m))?;
            let kind_text = get(Some(kind_at)).unwrap_or("");
            let kind = ActivityKind::parse(kind_text).ok_or_else(|| {
                bad(
                    "kind",
                    format!(
                        "{} is not a kind of activity (course, stretch_assignment, shadowing or mentoring)",
                        quoted(kind_text)
                    ),
                )
            })?;
            let title = get(Some(title_at))
                .ok_or_else(|| bad("title", "empty: say what the activity is".into()))?
                .to_owned();
            let hours = match get(hours_at) {
                None => None,
                Some(h) => match h.parse::<f32>() {
                    Ok(v) if v > 0.0 && v.is_finite() => Some(v),
                    _ => {
                        return Err(bad(
                            "hours",
                            format!("{} is not a positive number of hours", quoted(h)),
                        ));
                    }
                },
            };
            let url = match get(url_at) {
                Some(u) if !(u.starts_with("https://") || u.starts_with("http://")) => {
                    return Err(bad(
                        "url",
                        format!("{} is not an http:// or https:// address", quoted(u)),
                    ));
                }
                u => u.map(str::to_owned),
            };
            Ok(LearningActivity {
                target,
                kind,
                title,
                provider: get(provider_at).map(str::to_owned),
                hours,
                url,
            })
        })();
        match row {
            Ok(a) => {
                if let Some((first, _)) = parsed
                    .activities
                    .iter()
                    .find(|(_, b)| b.target == a.target && b.kind == a.kind && b.title == a.title)
                {
                    parsed
                        .errors
                        .push(bad("title", format!("repeats line {first}")));
                } else {
                    parsed.activities.push((line, a));
                }
            }
            Err(e) => parsed.errors.push(e),
        }
    }
    Ok(parsed)
}

/// Resolves a `target` cell against the catalog.
struct Resolver<'a> {
    catalog: &'a Catalog,
}

impl<'a> Resolver<'a> {
    fn new(catalog: &'a Catalog) -> Self {
        Self { catalog }
    }

    fn target(&self, text: &str) -> Result<LearningTarget, String> {
        let explicit = text
            .split_once(':')
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim()));
        match explicit.as_ref().map(|(k, v)| (k.as_str(), *v)) {
            Some(("element", v)) => self.element(v).ok_or_else(|| self.unknown(v)),
            Some(("technology", v)) => self.technology(v).ok_or_else(|| self.unknown(v)),
            Some(("category", v)) => self.category(v).ok_or_else(|| self.unknown(v)),
            _ => self
                .element(text)
                .or_else(|| self.technology(text))
                .or_else(|| self.category(text))
                .ok_or_else(|| self.unknown(text)),
        }
        .and_then(|t| t)
    }

    /// An element id, a family id, or an element name.
    fn element(&self, text: &str) -> Option<Result<LearningTarget, String>> {
        let rated = || {
            self.catalog
                .elements()
                .iter()
                .filter(|e| e.domain != Domain::WorkStyle)
        };
        let family = format!("{text}.");
        if rated().any(|e| e.onet_id == text || e.onet_id.starts_with(&family)) {
            return Some(Ok(LearningTarget::Element(text.to_owned())));
        }
        let named: Vec<_> = rated()
            .filter(|e| e.name.eq_ignore_ascii_case(text))
            .collect();
        match named.as_slice() {
            [] => None,
            [one] => Some(Ok(LearningTarget::Element(one.onet_id.clone()))),
            many => Some(Err(format!(
                "{} names {} elements: write {}",
                quoted(text),
                many.len(),
                many.iter()
                    .map(|e| {
                        let domain = if e.domain == Domain::Skill {
                            "skill"
                        } else {
                            "knowledge"
                        };
                        format!("{} ({domain})", e.onet_id)
                    })
                    .collect::<Vec<_>>()
                    .join(" or ")
            ))),
        }
    }

    fn technology(&self, text: &str) -> Option<Result<LearningTarget, String>> {
        self.technology_named(text, |t| &t.name, LearningTarget::Technology)
    }

    fn category(&self, text: &str) -> Option<Result<LearningTarget, String>> {
        self.technology_named(text, |t| &t.commodity, LearningTarget::Category)
    }

    /// The catalog's own spelling of a technology's name or category.
    fn technology_named(
        &self,
        text: &str,
        name: fn(&Technology) -> &String,
        target: fn(String) -> LearningTarget,
    ) -> Option<Result<LearningTarget, String>> {
        self.catalog
            .technologies()
            .iter()
            .map(name)
            .find(|n| n.eq_ignore_ascii_case(text))
            .map(|n| Ok(target(n.clone())))
    }

    fn unknown(&self, text: &str) -> String {
        let names = self
            .catalog
            .elements()
            .iter()
            .filter(|e| e.domain != Domain::WorkStyle)
            .map(|e| e.name.as_str())
            .chain(self.catalog.technologies().iter().map(|t| t.name.as_str()))
            .chain(
                self.catalog
                    .technologies()
                    .iter()
                    .map(|t| t.commodity.as_str()),
            );
        let hint = did_you_mean(nearest(text, names, 4));
        format!(
            "{} is not an O*NET element, element family, technology or technology category{hint}",
            quoted(text)
        )
    }
}
