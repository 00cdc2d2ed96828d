//! Loading Switchback's catalog: the snapshot embedded in the binary, or an
//! O*NET text release (and optionally an OEWS wage table) from a directory.
//!
//! # Layout
//!
//! - [`tsv`]: tab-separated tables with file/line/column errors.
//! - [`learning`]: learning-activity catalogs in CSV, bundled and imported.
//! - [`onet`]: an O*NET text release → catalog parts (pure: reads through a closure).
//! - [`reference`]: reference lists of plausible moves, for evaluation.
//! - [`oews`]: BLS OEWS wages and the rule that joins them to O*NET codes.
//! - [`org`]: an organisation's job architecture and its reviewed mapping to O*NET.
//! - [`projections`]: BLS Employment Projections (openings, transfers) joined the same way.
//! - [`profile_file`]: TOML/JSON profile files, validated field by field.
//! - [`snapshot`]: the compressed binary form compiled into the program.
//!
//! This crate is the edge between files and the pure core: it owns every
//! file format and every IO error; the core never sees either.

pub mod learning;
pub mod oews;
pub mod onet;
pub mod org;
pub mod profile_file;
pub mod projections;
pub mod reference;
pub mod snapshot;
pub mod tsv;

use std::path::{Path, PathBuf};

use switchback_core::Catalog;
use switchback_core::catalog::Provenance;

pub use snapshot::SnapshotError;
pub use tsv::TableError;

/// The environment variable naming a directory to load the catalog from.
pub const CATALOG_ENV: &str = "SWITCHBACK_CATALOG";

/// The snapshot built from the repository's `data/` files.
const EMBEDDED: &[u8] = include_bytes!("../../../data/catalog.snapshot");

/// Why a catalog could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file could not be read.
    #[error("cannot read {}: {}", .file.display(), switchback_core::text::io_words(.error))]
    Io {
        /// The path.
        file: PathBuf,
        /// The OS error (told in words, not chained).
        error: std::io::Error,
    },
    /// The directory to load from is not there.
    #[error("the catalog directory {} {}", .dir.display(), if *.exists { "is not a directory" } else { "does not exist" })]
    NoDirectory {
        /// The path.
        dir: PathBuf,
        /// Whether something else is there.
        exists: bool,
    },
    /// A required file is absent.
    #[error("\"{file}\" is missing from the O*NET release in {origin}")]
    Missing {
        /// The file's release name.
        file: String,
        /// Where the release was looked for.
        origin: String,
    },
    /// A file is misshapen.
    #[error(transparent)]
    Table(#[from] TableError),
    /// The embedded snapshot is unreadable.
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    /// The bundled projections table is misshapen.
    #[error(transparent)]
    Projections(#[from] projections::ProjectionsError),
}

/// The catalog compiled into the program.
pub fn embedded() -> Result<Catalog, LoadError> {
    Ok(snapshot::decode(EMBEDDED)?)
}

/// Size in bytes of the embedded snapshot.
pub fn embedded_size() -> usize {
    EMBEDDED.len()
}

/// Loads an O*NET text release from `dir`. Wages come from an OEWS table in
/// the same directory (any file whose name starts with `oews` and ends with
/// `.tsv`) or else from the bundled May 2025 table; openings and transfer
/// rates from the bundled BLS Employment Projections 2024–34.
pub fn load_dir(dir: &Path) -> Result<Catalog, LoadError> {
    if !dir.is_dir() {
        return Err(LoadError::NoDirectory {
            dir: dir.to_owned(),
            exists: dir.exists(),
        });
    }
    let mut parts = onet::parse_release(&dir.display().to_string(), |name| {
        read_optional(&dir.join(name))
    })?;
    let (label, text, release) = match find_oews(dir)? {
        Some(path) => {
            let text = read_optional(&path)?.map(|(_, t)| t).unwrap_or_default();
            let release = format!("BLS OEWS table {}", path.display());
            (path.display().to_string(), text, release)
        }
        None => (
            oews::BUNDLED_NAME.to_owned(),
            oews::BUNDLED.to_owned(),
            oews::BUNDLED_RELEASE.to_owned(),
        ),
    };
    let wages = oews::parse(&label, &text)?;
    oews::attach(&mut parts.occupations, &wages);
    let outlooks = projections::parse("bls_employment_projections.csv", projections::BUNDLED)?;
    projections::attach(&mut parts.occupations, &outlooks);
    parts.provenance = Some(Provenance {
        onet_release: parts.provenance.map(|p| p.onet_release).unwrap_or_default(),
        wage_release: release,
    });
    Ok(Catalog::new(parts))
}

fn find_oews(dir: &Path) -> Result<Option<PathBuf>, LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|error| LoadError::Io {
        file: dir.to_owned(),
        error,
    })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.to_ascii_lowercase().starts_with("oews")
                    && n.ends_with(".tsv")
                    && !n.contains("footnote")
            })
        })
        .collect();
    found.sort();
    Ok(found.into_iter().next())
}

fn read_optional(path: &Path) -> Result<Option<(String, String)>, LoadError> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|e| LoadError::Io {
                file: path.to_owned(),
                error: std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("not UTF-8 text ({e})"),
                ),
            })?;
            Ok(Some((path.display().to_string(), text)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(LoadError::Io {
            file: path.to_owned(),
            error,
        }),
    }
}

/// The repository's bundled O*NET directory (for tests and for rebuilding
/// the snapshot; a built program never reads it).
pub fn bundled_onet_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/onet")
}

/// Builds the catalog from the repository's bundled files, exactly as the
/// embedded snapshot was built.
pub fn build_bundled() -> Result<Catalog, LoadError> {
    load_dir(&bundled_onet_dir())
}
