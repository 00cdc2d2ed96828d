//! A reader for tab-separated tables with a header row, as O*NET and the
//! OEWS export write them, that reports every problem with its file, line
//! and column.

use std::fmt;
use switchback_core::text::quoted;

/// Where in a file something went wrong (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file name.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column (field) number; 0 when the whole line is at fault.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.column == 0 {
            write!(f, "{}:{}", self.file, self.line)
        } else {
            write!(f, "{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

/// A malformed table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{at}: {message}")]
pub struct TableError {
    /// Where.
    pub at: Location,
    /// What is wrong, naming the column and the value.
    pub message: String,
}

/// A parsed table: the header's column positions and the data lines.
pub struct Table<'a> {
    file: String,
    columns: Vec<usize>,
    names: Vec<&'static str>,
    text: &'a str,
}

/// One data row of a [`Table`].
pub struct Row<'a> {
    file: &'a str,
    line: usize,
    fields: Vec<&'a str>,
    columns: &'a [usize],
    names: &'a [&'static str],
}

impl<'a> Table<'a> {
    /// Reads the header of `text` and finds the `wanted` columns by name.
    pub fn new(file: &str, text: &'a str, wanted: &[&'static str]) -> Result<Self, TableError> {
        let header = text.lines().next().unwrap_or("");
        let header: Vec<&str> = header
            .trim_end_matches('\r')
            .trim_start_matches('\u{feff}')
            .split('\t')
            .collect();
        let mut columns = Vec::with_capacity(wanted.len());
        for name in wanted {
            match header.iter().position(|h| h.trim() == *name) {
                Some(i) => columns.push(i),
                None => {
                    return Err(TableError {
                        at: Location {
                            file: file.to_owned(),
                            line: 1,
                            column: 0,
                        },
                        message: format!(
                            "the header has no column \"{name}\" (it has: {})",
                            header.join(", ")
                        ),
                    });
                }
            }
        }
        Ok(Self {
            file: file.to_owned(),
            columns,
            names: wanted.to_vec(),
            text,
        })
    }

    /// A table whose columns are addressed by position (for layouts whose
    /// header names vary between releases); `columns` pairs each position
    /// with the name errors should use.
    pub fn positional(file: &str, text: &'a str, columns: &[(usize, &'static str)]) -> Self {
        Self {
            file: file.to_owned(),
            columns: columns.iter().map(|c| c.0).collect(),
            names: columns.iter().map(|c| c.1).collect(),
            text,
        }
    }

    /// The data rows, with their line numbers; blank lines are skipped.
    pub fn rows(&self) -> impl Iterator<Item = Result<Row<'_>, TableError>> {
        let need = self.columns.iter().copied().max().map_or(0, |m| m + 1);
        self.text
            .lines()
            .enumerate()
            .skip(1)
            .filter_map(move |(i, raw)| {
                let line = raw.trim_end_matches('\r');
                if line.trim().is_empty() {
                    return None;
                }
                let fields: Vec<&str> = line.split('\t').collect();
                if fields.len() < need {
                    return Some(Err(TableError {
                        at: Location {
                            file: self.file.clone(),
                            line: i + 1,
                            column: fields.len() + 1,
                        },
                        message: format!(
                            "expected at least {need} tab-separated fields, found {}",
                            fields.len()
                        ),
                    }));
                }
                Some(Ok(Row {
                    file: &self.file,
                    line: i + 1,
                    fields,
                    columns: &self.columns,
                    names: &self.names,
                }))
            })
    }
}

impl<'a> Row<'a> {
    /// The 1-based line number.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The raw text of wanted column `k` (its position in `wanted`), trimmed.
    pub fn get(&self, k: usize) -> &'a str {
        self.fields[self.columns[k]].trim()
    }

    /// An error about wanted column `k`, naming the column and its value.
    pub fn error(&self, k: usize, what: &str) -> TableError {
        TableError {
            at: Location {
                file: self.file.to_owned(),
                line: self.line,
                column: self.columns[k] + 1,
            },
            message: format!(
                "column \"{}\" = {}: {what}",
                self.names[k],
                quoted(self.get(k))
            ),
        }
    }

    /// Parses wanted column `k`.
    pub fn parse<T: std::str::FromStr>(&self, k: usize, what: &str) -> Result<T, TableError> {
        self.get(k).parse().map_err(|_| self.error(k, what))
    }

    /// Parses wanted column `k`, reading `n/a`, `-`, `#`, `*` or nothing as absent.
    pub fn parse_opt<T: std::str::FromStr>(
        &self,
        k: usize,
        what: &str,
    ) -> Result<Option<T>, TableError> {
        match self.get(k) {
            "" | "n/a" | "-" | "#" | "*" | "**" => Ok(None),
            _ => self.parse(k, what).map(Some),
        }
    }

    /// Reads a `Y`/`N` flag.
    pub fn flag(&self, k: usize) -> Result<bool, TableError> {
        match self.get(k) {
            "Y" => Ok(true),
            "N" | "n/a" | "" => Ok(false),
            _ => Err(self.error(k, "expected Y or N")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_columns_and_reports_positions() {
        let text = "A\tB\tC\r\n1\tx\t2.5\r\n\r\n3\ty\tbad\r\n";
        let t = Table::new("f.txt", text, &["C", "A"]).unwrap();
        let rows: Vec<_> = t.rows().collect::<Result<_, _>>().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].parse::<f32>(0, "a number").unwrap(), 2.5);
        let err = rows[1].parse::<f32>(0, "expected a number").unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.txt:4:3: column \"C\" = \"bad\": expected a number"
        );
    }

    #[test]
    fn missing_columns_and_short_rows_are_errors() {
        let e = Table::new("f.txt", "A\tB\n", &["Z"]).err().unwrap();
        assert!(
            e.to_string()
                .starts_with("f.txt:1: the header has no column \"Z\"")
        );
        let t = Table::new("f.txt", "A\tB\n1\n", &["B"]).unwrap();
        let e = t.rows().next().unwrap().err().unwrap();
        assert_eq!(
            e.at,
            Location {
                file: "f.txt".into(),
                line: 2,
                column: 2
            }
        );
    }
}
