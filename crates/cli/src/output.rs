//! Writing results: JSON through serde, text through a small aligned-table
//! helper; and telling a closed pipe (`switchback … | head`) from an error.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use serde::Serialize;

/// Prints a value as pretty JSON followed by a newline.
pub fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(|e| match e.io_error_kind() {
            // The writer's failure as the IO error it is, so that a full
            // disk is reported and a closed pipe is recognised.
            Some(kind) => anyhow::Error::new(io::Error::from(kind)),
            None => e.into(),
        })
        .and_then(|()| Ok(writeln!(out)?))
        .and_then(|()| Ok(out.flush()?));
    written.context("cannot write the output")
}

/// Prints text as is.
pub fn text(s: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write the output")
}

/// Whether an error is only the reader of our output going away.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// An error as one line for a person: each cause once, operating-system
/// errors in words. Causes are often already part of the message that
/// wraps them; repeating them ("Is a directory: Is a directory") helps no
/// one.
pub fn error_message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let raw = cause.to_string();
        let plain = match cause.downcast_ref::<io::Error>() {
            Some(io) => switchback_app::text::io_words(io),
            None => raw.clone(),
        };
        if out.contains(&raw) {
            out = out.replace(&raw, &plain);
        } else if !out.contains(&plain) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&plain);
        }
    }
    out
}

/// Writes `text` to the file at `path` whole or not at all: through a new
/// temporary file beside it, flushed to disk and renamed over the old one.
/// Only a regular file is replaced; a symbolic link is followed (and said
/// so) to the regular file it names; a directory, FIFO, device or socket is
/// refused and left alone.
pub fn write_file(path: &Path, text: &str) -> anyhow::Result<()> {
    write_bytes(path, text.as_bytes())
}

/// Writes `bytes` to `path` as [`write_file`] writes text.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_with(path, |w| w.write_all(bytes))
}

/// Writes to `path` what `write` streams into it, as [`write_file`]
/// writes text: into a temporary file beside it, renamed over it only
/// once the whole is written and synced.
pub fn write_with(
    path: &Path,
    write: impl FnOnce(&mut io::BufWriter<&mut std::fs::File>) -> io::Result<()>,
) -> anyhow::Result<()> {
    let target = output_target(path)?;
    if target != path {
        eprintln!(
            "note: {} is a symbolic link; writing the file it points to, {}",
            path.display(),
            target.display()
        );
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .with_context(|| format!("{} names no file", path.display()))?;
    let (tmp, mut file) = temporary_beside(&dir, name)?;
    let written = (|| -> io::Result<()> {
        let mut buffered = io::BufWriter::new(&mut file);
        write(&mut buffered)?;
        buffered.flush()?;
        drop(buffered);
        if let Ok(old) = std::fs::metadata(&target) {
            file.set_permissions(old.permissions())?;
        }
        file.sync_all()?;
        std::fs::rename(&tmp, &target)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(anyhow::Error::new(e).context(format!("cannot write {}", target.display())));
    }
    Ok(())
}

/// The file `path` lets us replace: itself, or where its link points.
fn output_target(path: &Path) -> anyhow::Result<PathBuf> {
    let meta = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_owned()),
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!("cannot write {}", path.display())));
        }
        Ok(m) => m,
    };
    if meta.file_type().is_symlink() {
        let link = std::fs::read_link(path)?;
        let target = match path.parent() {
            Some(dir) if link.is_relative() => dir.join(link),
            _ => link,
        };
        return match std::fs::symlink_metadata(&target) {
            Ok(m) if m.file_type().is_symlink() => Err(anyhow::anyhow!(
                "{} is a link to another link ({}); name the file itself",
                path.display(),
                target.display()
            )),
            Ok(m) if !m.is_file() => Err(not_a_file(&target, &m)),
            _ => Ok(target),
        };
    }
    if meta.is_file() {
        Ok(path.to_owned())
    } else {
        Err(not_a_file(path, &meta))
    }
}

fn not_a_file(path: &Path, meta: &std::fs::Metadata) -> anyhow::Error {
    #[cfg(unix)]
    let kind = {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_dir() {
            "a directory"
        } else if t.is_fifo() {
            "a FIFO (named pipe)"
        } else if t.is_char_device() {
            "a character device"
        } else if t.is_block_device() {
            "a block device"
        } else if t.is_socket() {
            "a socket"
        } else {
            "not a regular file"
        }
    };
    #[cfg(not(unix))]
    let kind = if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    };
    anyhow::anyhow!(
        "{} is {kind}, not a regular file; it was left alone — name a file to write",
        path.display()
    )
}

/// A new file beside the target, with a name no other writer has.
fn temporary_beside(
    dir: &Path,
    name: &std::ffi::OsStr,
) -> anyhow::Result<(PathBuf, std::fs::File)> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    for attempt in 0..100u32 {
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".{}.{stamp}.{attempt}.tmp", std::process::id()));
        let tmp = dir.join(tmp_name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(
                    anyhow::Error::new(e).context(format!("cannot write in {}", dir.display()))
                );
            }
        }
    }
    anyhow::bail!("cannot create a temporary file in {}", dir.display())
}

/// A progress line on standard error for work that takes a while: shown
/// only on a terminal, only once the work has taken a second, and cleared
/// when it is done, so scripts and quick runs never see it.
pub struct Progress {
    what: String,
    started: std::time::Instant,
    shown: bool,
    terminal: bool,
    /// What is counted: `None` for bytes (shown in MB).
    unit: Option<&'static str>,
}

impl Progress {
    /// Progress of `what` ("reading courses.csv"), counted in bytes.
    pub fn new(what: impl Into<String>) -> Self {
        use std::io::IsTerminal;
        Self {
            what: what.into(),
            started: std::time::Instant::now(),
            shown: false,
            terminal: io::stderr().is_terminal(),
            unit: None,
        }
    }

    /// Progress of `what`, counted in `unit`s ("states").
    pub fn counting(what: impl Into<String>, unit: &'static str) -> Self {
        Self {
            unit: Some(unit),
            ..Self::new(what)
        }
    }

    /// `done` of `total` units are done.
    pub fn update(&mut self, done: u64, total: u64) {
        if !self.terminal || self.started.elapsed().as_secs() < 1 {
            return;
        }
        let percent = done.saturating_mul(100).checked_div(total).unwrap_or(100);
        let amount = match self.unit {
            Some(unit) => format!("{done} of {total} {unit}"),
            None => format!("{:.1} of {:.1} MB", done as f64 / 1e6, total as f64 / 1e6),
        };
        eprint!("\r{}: {percent:>3}% ({amount})", self.what);
        self.shown = true;
    }

    /// Clears the line, if one was shown.
    pub fn finish(&mut self) {
        if self.shown {
            eprint!("\r\x1b[2K");
            self.shown = false;
        }
    }
}

/// Rows of cells rendered with each column padded to its widest cell.
#[derive(Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
    right: Vec<bool>,
}

impl Table {
    /// A table whose columns are right-aligned where `right` says so.
    pub fn new(right: &[bool]) -> Self {
        Self {
            rows: Vec::new(),
            right: right.to_vec(),
        }
    }

    /// Adds a row.
    pub fn row<I: IntoIterator<Item = S>, S: Into<String>>(&mut self, cells: I) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    /// Renders with `indent` spaces before each line.
    pub fn render(&self, indent: usize) -> String {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..cols)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for r in &self.rows {
            let mut line = " ".repeat(indent);
            for (c, cell) in r.iter().enumerate() {
                let pad = widths[c].saturating_sub(cell.chars().count());
                let last = c + 1 == r.len();
                if self.right.get(c).copied().unwrap_or(false) {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if !last {
                        line.push_str(&" ".repeat(pad));
                    }
                }
                if !last {
                    line.push_str("  ");
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

pub use switchback_app::text::{
    dollars, level_words, pay_fall, probability, wage_note, years_to_goal,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns() {
        let mut t = Table::new(&[false, true]);
        t.row(["a", "1"]);
        t.row(["long", "100"]);
        assert_eq!(t.render(2), "  a       1\n  long  100\n");
    }
}
