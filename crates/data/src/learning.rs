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

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use switchback_core::Catalog;
use switchback_core::catalog::{Domain, Element};
use switchback_core::development::learning::{ActivityKind, LearningActivity, LearningTarget};
use switchback_core::text::{Names, did_you_mean, quoted};

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
    #[error("cannot read {path}: {}", switchback_core::text::io_words(.error))]
    Io {
        /// The path.
        path: String,
        /// The OS error (told in words, not chained).
        error: std::io::Error,
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

/// Reads a catalog file, streaming: memory and time grow with the file,
/// linearly. `progress` is called now and then with the bytes read so far
/// and the file's size, for a progress bar on long imports.
pub fn load(
    path: &Path,
    catalog: &Catalog,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Parsed, LearningError> {
    let label = path.display().to_string();
    let io = |error| LearningError::Io {
        path: label.clone(),
        error,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(LearningError::Malformed {
            path: label,
            message: "not a regular file".to_owned(),
        });
    }
    read(
        &label,
        std::io::BufReader::new(file),
        meta.len(),
        catalog,
        progress,
    )
}

/// Parses catalog text.
pub fn parse(path: &str, text: &str, catalog: &Catalog) -> Result<Parsed, LearningError> {
    Reader::new(catalog).parse(path, text)
}

/// How many rows pass between two calls of the progress callback.
const PROGRESS_EVERY: u64 = 4096;

/// The streaming reader behind [`load`] and [`parse`].
pub fn read(
    path: &str,
    input: impl std::io::Read,
    size: u64,
    catalog: &Catalog,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Parsed, LearningError> {
    Reader::new(catalog).read(path, input, size, progress)
}

/// A learning-catalogue reader for one catalog. Its indexes of element,
/// technology and category names are built once, so reading many files —
/// a server's imports, a fuzzer's inputs — costs only the reading.
pub struct Reader<'a> {
    resolver: Resolver<'a>,
}

impl<'a> Reader<'a> {
    /// A reader resolving targets against `catalog`.
    pub fn new(catalog: &'a Catalog) -> Reader<'a> {
        Reader {
            resolver: Resolver::new(catalog),
        }
    }

    /// Parses catalog text.
    pub fn parse(&self, path: &str, text: &str) -> Result<Parsed, LearningError> {
        self.read(path, text.as_bytes(), text.len() as u64, &mut |_, _| {})
    }

    /// Reads a catalogue from `input` (`size` bytes, for `progress`).
    pub fn read(
        &self,
        path: &str,
        input: impl std::io::Read,
        size: u64,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Parsed, LearningError> {
        self.resolver.new_lookups.set(0);
        read_with(&self.resolver, path, input, size, progress)
    }
}

fn read_with(
    resolver: &Resolver<'_>,
    path: &str,
    input: impl std::io::Read,
    size: u64,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Parsed, LearningError> {
    let malformed = |message: String| LearningError::Malformed {
        path: path.to_owned(),
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(Lines::new(input));
    let headers = reader
        .headers()
        .map_err(|e| malformed(csv_message(&e)))?
        .clone();
    let columns = Columns::find(&headers).map_err(|column| LearningError::MissingColumn {
        path: path.to_owned(),
        column,
    })?;
    let rows = RowReader::new(resolver, columns, headers.len());
    let mut parsed = Parsed::default();
    let mut seen: HashMap<(String, &'static str, String), u64> = HashMap::new();
    let mut record = csv::StringRecord::new();
    let mut count = 0u64;
    loop {
        let position = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = reader
                    .get_ref()
                    .line_of(e.position().map_or(position, |p| p.byte()));
                if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    parsed.errors.push(RowError {
                        line,
                        field: "row".to_owned(),
                        message: "not UTF-8 text".to_owned(),
                    });
                    continue;
                }
                return Err(malformed(format!("line {line}: {}", csv_message(&e))));
            }
        }
        count += 1;
        if count.is_multiple_of(PROGRESS_EVERY) {
            progress(reader.get_ref().bytes, size);
        }
        let line = reader
            .get_ref()
            .line_of(record.position().map_or(position, |p| p.byte()));
        if record.iter().all(str::is_empty) {
            continue;
        }
        match rows.row(&record, line) {
            Ok(a) => {
                let key = (a.target.key(), a.kind.name(), a.title.clone());
                match seen.get(&key) {
                    Some(first) => parsed.errors.push(RowError {
                        line,
                        field: "title".to_owned(),
                        message: format!("repeats line {first}"),
                    }),
                    None => {
                        seen.insert(key, line);
                        parsed.activities.push((line, a));
                    }
                }
            }
            Err(e) => parsed.errors.push(e),
        }
    }
    if let Some(open) = reader.get_ref().open_quote() {
        parsed.errors.retain(|e| e.line < open);
        parsed.activities.retain(|(line, _)| *line < open);
        parsed.errors.push(RowError {
            line: open,
            field: "row".to_owned(),
            message: format!(
                "a quote (\") opened here is never closed, so the rest of the file (lines {open}–{}) was read as one value; close the quote or remove it",
                reader.get_ref().last_line()
            ),
        });
    }
    progress(reader.get_ref().bytes, size);
    Ok(parsed)
}

/// A CSV reader's error in the file's words.
fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_owned(),
        _ => e.to_string(),
    }
}

/// Where each column is.
struct Columns {
    target: usize,
    kind: usize,
    title: usize,
    provider: Option<usize>,
    hours: Option<usize>,
    url: Option<usize>,
}

impl Columns {
    fn find(headers: &csv::StringRecord) -> Result<Columns, &'static str> {
        let column = |name: &'static str| {
            headers
                .iter()
                .position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
        };
        let required = |name: &'static str| column(name).ok_or(name);
        Ok(Columns {
            target: required("target")?,
            kind: required("kind")?,
            title: required("title")?,
            provider: column("provider"),
            hours: column("hours"),
            url: column("url"),
        })
    }
}

/// Turns one record into an activity, or says what is wrong with it.
struct RowReader<'r, 'a> {
    resolver: &'r Resolver<'a>,
    columns: Columns,
    /// Fields in the header: a row with another count is misshapen.
    width: usize,
}

impl<'r, 'a> RowReader<'r, 'a> {
    fn new(resolver: &'r Resolver<'a>, columns: Columns, width: usize) -> Self {
        Self {
            resolver,
            columns,
            width,
        }
    }

    fn row(&self, record: &csv::StringRecord, line: u64) -> Result<LearningActivity, RowError> {
        let bad = |field: &str, message: String| RowError {
            line,
            field: field.to_owned(),
            message,
        };
        if record.len() != self.width {
            let (what, hint) = if record.len() < self.width {
                (
                    "short",
                    "a field is missing, or a line break splits the row",
                )
            } else {
                ("long", "a comma inside a value needs the value in quotes")
            };
            return Err(bad(
                "row",
                format!(
                    "the row is {what}: {} fields where the header has {} ({hint})",
                    record.len(),
                    self.width
                ),
            ));
        }
        let get = |at: Option<usize>| at.and_then(|i| record.get(i)).filter(|v| !v.is_empty());
        let c = &self.columns;
        let target = get(Some(c.target)).ok_or_else(|| {
            bad(
                "target",
                "empty: name an O*NET element, family, technology or category".into(),
            )
        })?;
        let target = self.resolver.target(target).map_err(|m| bad("target", m))?;
        let kind_text = get(Some(c.kind)).unwrap_or("");
        let kind = ActivityKind::parse(kind_text).ok_or_else(|| {
            bad(
                "kind",
                format!(
                    "{} is not a kind of activity (course, stretch_assignment, shadowing or mentoring)",
                    quoted(kind_text)
                ),
            )
        })?;
        let title = get(Some(c.title))
            .ok_or_else(|| bad("title", "empty: say what the activity is".into()))?
            .to_owned();
        let hours = match get(c.hours) {
            None => None,
            Some(h) => match h.parse::<f32>() {
                Ok(v) if v > 0.0 && v <= MAX_HOURS => Some(v),
                _ => {
                    return Err(bad(
                        "hours",
                        format!(
                            "{} is not a number of hours from 0 to {MAX_HOURS}",
                            quoted(h)
                        ),
                    ));
                }
            },
        };
        let url = match get(c.url) {
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
            provider: get(c.provider).map(str::to_owned),
            hours,
            url,
        })
    }
}

/// The most hours one activity may take: a year of full-time study.
pub const MAX_HOURS: f32 = 2_000.0;

/// The input, with what line numbers and quote errors need counted on the
/// way through: where each line starts, which lines are blank, and whether
/// a quote is left open. The CSV reader reports byte offsets; a person
/// opens the file at a line.
struct Lines<R> {
    inner: R,
    /// Bytes read so far.
    bytes: u64,
    /// The line being read (1-based).
    line: u64,
    /// Offsets where lines start, with whether the line is blank.
    starts: Vec<(u64, bool)>,
    /// The current line has only `\r` so far.
    blank: bool,
    /// Where in a field the reader is, as the CSV reader sees it.
    field: FieldState,
}

/// The part of the CSV grammar that decides whether a quote is open: a
/// quote opens a value only at the start of a field; inside one, a doubled
/// quote is a literal quote and a single one closes it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldState {
    Start,
    Unquoted,
    /// Inside quotes opened on this line.
    Quoted(u64),
    /// A quote inside quotes: a second one makes it literal.
    QuoteInQuoted(u64),
}

impl<R: std::io::Read> Lines<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            bytes: 0,
            line: 1,
            starts: vec![(0, true)],
            blank: true,
            field: FieldState::Start,
        }
    }
}

impl<R> Lines<R> {
    /// The line of the record the CSV reader places at `offset`. Records
    /// begin at the start of a line; the reader's offset can fall earlier,
    /// in the line end before the record (`\r\n`) or on blank lines, so
    /// the record is on the first non-blank line starting at or after it.
    fn line_of(&self, offset: u64) -> u64 {
        let mut i = self.starts.partition_point(|(s, _)| *s < offset);
        while self.starts.get(i).is_some_and(|(_, blank)| *blank) && i + 1 < self.starts.len() {
            i += 1;
        }
        i as u64 + 1
    }

    /// The last line with anything on it.
    fn last_line(&self) -> u64 {
        match self.starts.last() {
            Some((start, _)) if *start == self.bytes => self.line.saturating_sub(1).max(1),
            _ => self.line,
        }
    }

    /// The line a quote opened on that was still open at the end.
    fn open_quote(&self) -> Option<u64> {
        match self.field {
            FieldState::Quoted(line) => Some(line),
            _ => None,
        }
    }

    fn scan(&mut self, buf: &[u8]) {
        for &b in buf {
            self.field = self.next_field_state(b);
            match b {
                b'\n' => {
                    if let Some(last) = self.starts.last_mut() {
                        last.1 = self.blank;
                    }
                    self.line += 1;
                    self.starts.push((self.bytes + 1, true));
                    self.blank = true;
                }
                b'\r' => {}
                _ => self.blank = false,
            }
            self.bytes += 1;
        }
        if let Some(last) = self.starts.last_mut() {
            last.1 = self.blank;
        }
    }

    fn next_field_state(&self, b: u8) -> FieldState {
        use FieldState::*;
        match (self.field, b) {
            (Start | Unquoted, b',' | b'\n') => Start,
            (Start, b'"') => Quoted(self.line),
            (Start | Unquoted, _) => Unquoted,
            (Quoted(l), b'"') => QuoteInQuoted(l),
            (Quoted(l), _) => Quoted(l),
            (QuoteInQuoted(l), b'"') => Quoted(l),
            (QuoteInQuoted(_), b',' | b'\n') => Start,
            (QuoteInQuoted(_), _) => Unquoted,
        }
    }
}

impl<R: std::io::Read> std::io::Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.scan(&buf[..n]);
        Ok(n)
    }
}

/// Resolves a `target` cell against the catalog, through indexes built
/// once so that each row costs the same however long the file is.
struct Resolver<'a> {
    catalog: &'a Catalog,
    /// Element ids and every family prefix of one (`2.B`, `2.B.5`, `2.B.5.b`).
    ids: HashSet<&'a str>,
    /// Lower-case element name → the elements with that name.
    names: HashMap<String, Vec<&'a Element>>,
    /// Lower-case technology name → the catalog's spelling.
    technologies: HashMap<String, &'a str>,
    /// Lower-case technology category → the catalog's spelling.
    categories: HashMap<String, &'a str>,
    /// Suggestions already worked out for unknown targets (a file tends to
    /// repeat its mistakes), up to [`HINTS_REMEMBERED`] of them.
    hints: RefCell<HashMap<String, String>>,
    /// Suggestions looked up for the file being read.
    new_lookups: std::cell::Cell<usize>,
    /// Every known name prepared for suggestions, on the first unknown one.
    suggestions: std::cell::OnceCell<Names<'a>>,
}

/// Suggestions kept across files.
const HINTS_REMEMBERED: usize = 1_000;

/// New suggestions looked up per file: each compares the value with the
/// catalog's ~40,000 names. Past that, errors say only that the target is
/// unknown, so a file of mistakes stays fast (its first mistakes, which a
/// person fixes first, get their hints).
const LOOKUPS_PER_FILE: usize = 25;

impl<'a> Resolver<'a> {
    fn new(catalog: &'a Catalog) -> Self {
        let rated = catalog
            .elements()
            .iter()
            .filter(|e| e.domain != Domain::WorkStyle);
        let mut ids = HashSet::new();
        let mut names: HashMap<String, Vec<&Element>> = HashMap::new();
        for e in rated {
            let id = e.onet_id.as_str();
            ids.extend(
                id.char_indices()
                    .filter(|(_, c)| *c == '.')
                    .map(|(i, _)| &id[..i]),
            );
            ids.insert(id);
            names.entry(e.name.to_lowercase()).or_default().push(e);
        }
        let mut technologies = HashMap::new();
        let mut categories = HashMap::new();
        for t in catalog.technologies() {
            technologies
                .entry(t.name.to_lowercase())
                .or_insert(t.name.as_str());
            categories
                .entry(t.commodity.to_lowercase())
                .or_insert(t.commodity.as_str());
        }
        Self {
            catalog,
            ids,
            names,
            technologies,
            categories,
            hints: RefCell::new(HashMap::new()),
            new_lookups: std::cell::Cell::new(0),
            suggestions: std::cell::OnceCell::new(),
        }
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

    /// An element id, a family id (`2.B.5`), or an element name.
    fn element(&self, text: &str) -> Option<Result<LearningTarget, String>> {
        if self.ids.contains(text) {
            return Some(Ok(LearningTarget::Element(text.to_owned())));
        }
        match self.names.get(&text.to_lowercase())?.as_slice() {
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
        let name = self.technologies.get(&text.to_lowercase())?;
        Some(Ok(LearningTarget::Technology((*name).to_owned())))
    }

    fn category(&self, text: &str) -> Option<Result<LearningTarget, String>> {
        let name = self.categories.get(&text.to_lowercase())?;
        Some(Ok(LearningTarget::Category((*name).to_owned())))
    }

    fn unknown(&self, text: &str) -> String {
        let mut hints = self.hints.borrow_mut();
        let hint = match hints.get(text) {
            Some(h) => h.clone(),
            None if self.new_lookups.get() < LOOKUPS_PER_FILE => {
                self.new_lookups.set(self.new_lookups.get() + 1);
                let prepared = self
                    .suggestions
                    .get_or_init(|| Names::new(self.known_names()));
                let h = did_you_mean(prepared.nearest(text, 4));
                if hints.len() < HINTS_REMEMBERED {
                    hints.insert(text.to_owned(), h.clone());
                }
                h
            }
            None => String::new(),
        };
        format!(
            "{} is not an O*NET element, element family, technology or technology category{hint}",
            quoted(text)
        )
    }

    fn known_names(&self) -> impl Iterator<Item = &'a str> {
        let technologies = self.catalog.technologies().iter();
        self.catalog
            .elements()
            .iter()
            .filter(|e| e.domain != Domain::WorkStyle)
            .map(|e| e.name.as_str())
            .chain(technologies.clone().map(|t| t.name.as_str()))
            .chain(technologies.map(|t| t.commodity.as_str()))
    }
}
