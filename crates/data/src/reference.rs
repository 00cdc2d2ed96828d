//! Reference lists of plausible occupation changes, for evaluating the
//! transition model: O*NET's Career Changers Matrix layout (origin code,
//! origin title, destination code, destination title, rank) or its Related
//! Occupations layout (origin code, destination code, tier, index). The
//! layout is detected from the header.

use std::collections::BTreeMap;

use switchback_core::eval::Reference;
use switchback_core::{Catalog, OnetCode};

use crate::tsv::{Table, TableError};

/// Which file layout a reference uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Five columns: code, title, related code, related title, index.
    CareerChangers,
    /// Four columns: code, related code, relatedness tier, index.
    RelatedOccupations,
}

/// A parsed reference and what could not be used.
#[derive(Clone, Debug)]
pub struct ParsedReference {
    /// The layout detected.
    pub layout: Layout,
    /// Origins and destinations that exist in the catalog.
    pub reference: Reference,
    /// Pairs skipped because a code is not in the catalog.
    pub skipped_pairs: usize,
}

/// Parses a reference file's text against a catalog.
pub fn parse(file: &str, text: &str, catalog: &Catalog) -> Result<ParsedReference, TableError> {
    let header = text.lines().next().unwrap_or("").to_ascii_lowercase();
    let columns = header.split('\t').count();
    let layout = if header.contains("related title") || columns >= 5 {
        Layout::CareerChangers
    } else if header.contains("tier") || columns == 4 {
        Layout::RelatedOccupations
    } else {
        return Err(TableError {
            at: crate::tsv::Location {
                file: file.to_owned(),
                line: 1,
                column: 0,
            },
            message: format!(
                "unrecognised reference layout ({columns} columns): expected the Career Changers Matrix \
                 (code, title, related code, related title, index) or Related Occupations \
                 (code, related code, tier, index) with a header row"
            ),
        });
    };
    let columns = match layout {
        Layout::CareerChangers => [(0, "origin code"), (2, "destination code"), (4, "rank")],
        Layout::RelatedOccupations => [(0, "origin code"), (1, "destination code"), (3, "index")],
    };
    let t = Table::positional(file, text, &columns);
    let mut by_origin: BTreeMap<u16, Vec<(f32, u16)>> = BTreeMap::new();
    let mut skipped_pairs = 0;
    for row in t.rows() {
        let row = row?;
        let origin =
            OnetCode::parse(row.get(0)).map_err(|_| row.error(0, "expected an O*NET-SOC code"))?;
        let dest =
            OnetCode::parse(row.get(1)).map_err(|_| row.error(1, "expected an O*NET-SOC code"))?;
        let rank: f32 = row.parse(2, "expected a rank number")?;
        match (catalog.find_code(origin), catalog.find_code(dest)) {
            (Some(o), Some(d)) if o != d => by_origin.entry(o.0).or_default().push((rank, d.0)),
            (Some(_), Some(_)) => {}
            _ => skipped_pairs += 1,
        }
    }
    let origins = by_origin
        .into_iter()
        .map(|(o, mut ds)| {
            ds.sort_by(|a, b| a.0.total_cmp(&b.0));
            (
                switchback_core::OccupationId(o),
                ds.into_iter()
                    .map(|(_, d)| switchback_core::OccupationId(d))
                    .collect(),
            )
        })
        .collect();
    Ok(ParsedReference {
        layout,
        reference: Reference { origins },
        skipped_pairs,
    })
}
