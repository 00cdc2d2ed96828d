//! BLS Employment Projections 2024–34, and the rule joining them to O*NET
//! codes.
//!
//! An O*NET-SOC code takes the projections row of its SOC 2018 detailed
//! code. Where BLS projects only the broad group (seven line items, e.g.
//! `13-1020` Buyers and purchasing agents), that row is used and marked
//! `aggregate`. Summary rows (major, minor and broad groups that BLS also
//! projects in detail) are never used for an occupation. Otherwise the
//! outlook is absent: nothing is estimated.

use std::collections::HashMap;

use switchback_core::catalog::{Occupation, Outlook};
use switchback_core::code::SocCode;

/// The projections table bundled with the program (the tidy merge of BLS
/// Tables 1.2 and 1.10; see NOTICE).
pub const BUNDLED: &str = include_str!("../../../data/bls-ep/bls_employment_projections.csv");
/// What the bundled projections are.
pub const BUNDLED_RELEASE: &str = "BLS Employment Projections 2024–34";

/// Why the projections table could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}, line {line}: {message}")]
pub struct ProjectionsError {
    /// The file.
    pub file: String,
    /// The 1-based line.
    pub line: u64,
    /// What is wrong, naming the column.
    pub message: String,
}

const CODE: &str = "soc_code";
const KIND: &str = "occupation_type";
const EXPERIENCE: &str = "work_experience_in_related_occupation";

/// BLS's related-experience category in years (see `Outlook`).
fn experience_years(category: &str) -> Option<f32> {
    match category.trim() {
        "None" => Some(0.0),
        "Less than 5 years" => Some(2.0),
        "5 years or more" => Some(5.0),
        _ => None,
    }
}
const EDUCATION: &str = "typical_education_needed_for_entry";

/// BLS's typical entry education as an O*NET RL category (1–12): each BLS
/// category at the RL category of the same schooling; "doctoral or
/// professional" is RL 10, which compares with a doctorate as equal
/// (`schooling_years`).
fn education_category(category: &str) -> Option<u8> {
    Some(match category.trim() {
        "No formal educational credential" => 1,
        "High school diploma or equivalent" => 2,
        "Postsecondary nondegree award" => 3,
        "Some college, no degree" => 4,
        "Associate's degree" => 5,
        "Bachelor's degree" => 6,
        "Master's degree" => 8,
        "Doctoral or professional degree" => 10,
        _ => return None,
    })
}
const NUMBERS: [&str; 5] = [
    "employment_2024_thousands",
    "employment_change_percent_2024_34",
    "occupational_openings_annual_avg_2024_34_thousands",
    "occupational_transfer_rate_pct_annual_avg",
    "total_separations_rate_pct_annual_avg",
];

/// Parses the tidy projections CSV into outlooks of its line items, by code.
pub fn parse(file: &str, text: &str) -> Result<HashMap<SocCode, Outlook>, ProjectionsError> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let error = |line: u64, message: String| ProjectionsError {
        file: file.to_owned(),
        line,
        message,
    };
    let headers = reader
        .headers()
        .map_err(|e| error(1, e.to_string()))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| error(1, format!("no column `{name}`")))
    };
    let (code, kind, experience) = (column(CODE)?, column(KIND)?, column(EXPERIENCE)?);
    let education = column(EDUCATION)?;
    let numbers: Vec<usize> = NUMBERS
        .iter()
        .map(|n| column(n))
        .collect::<Result<_, _>>()?;
    let mut out = HashMap::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| error(e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.get(kind) != Some("Line item") {
            continue;
        }
        let text_code = record.get(code).unwrap_or_default();
        let soc = SocCode::parse(text_code).map_err(|_| {
            error(
                line,
                format!(
                    "column `{CODE}`: expected a SOC code such as 15-1252, found {text_code:?}"
                ),
            )
        })?;
        let mut values = [0f32; 5];
        for (value, (&i, name)) in values.iter_mut().zip(numbers.iter().zip(NUMBERS)) {
            let cell = record.get(i).unwrap_or_default().trim();
            *value = if cell.is_empty() || cell == "—" {
                0.0
            } else {
                cell.parse::<f32>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| {
                        error(
                            line,
                            format!("column `{name}`: expected a number, found {cell:?}"),
                        )
                    })?
            };
        }
        let [employment, change, openings, transfer, separation] = values;
        out.insert(
            soc,
            Outlook {
                soc,
                aggregate: false,
                employment_thousands: employment,
                change_percent: change,
                openings_thousands: openings,
                transfer_rate_percent: transfer,
                separation_rate_percent: separation,
                related_experience_years: experience_years(record.get(experience).unwrap_or("")),
                entry_education: education_category(record.get(education).unwrap_or("")),
            },
        );
    }
    Ok(out)
}

/// Attaches outlooks to occupations by the rule in the module docs.
pub fn attach(occupations: &mut [Occupation], outlooks: &HashMap<SocCode, Outlook>) {
    for o in occupations {
        let soc = o.soc();
        o.outlook = match outlooks.get(&soc) {
            Some(x) => Some(x.clone()),
            None => outlooks.get(&soc.broad()).map(|x| Outlook {
                aggregate: true,
                ..x.clone()
            }),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_bundled_table() {
        let t = parse("bundled", BUNDLED).unwrap();
        assert_eq!(t.len(), 832, "the line items of the 2024–34 matrix");
        let ds = &t[&SocCode::parse("15-2051").unwrap()];
        assert!((ds.employment_thousands - 245.9).abs() < 1e-3);
        assert!((ds.openings_thousands - 23.4).abs() < 1e-3);
        assert!((ds.change_percent - 33.5).abs() < 1e-3);
        assert!((ds.transfer_rate_percent - 3.2).abs() < 1e-3);
        assert!(t.contains_key(&SocCode::parse("13-1020").unwrap()));
        let it_managers = &t[&SocCode::parse("11-3021").unwrap()];
        assert_eq!(it_managers.related_experience_years, Some(5.0));
        assert_eq!(ds.related_experience_years, Some(0.0));
        assert!(
            !t.contains_key(&SocCode::parse("13-1000").unwrap()),
            "summary rows are skipped"
        );
    }

    #[test]
    fn bad_number_names_line_and_column() {
        let text = BUNDLED.lines().take(1).collect::<Vec<_>>().join("\n")
            + "\n15-2051,Data scientists,Line item,3,lots,328.3,0.1,0.2,82.5,33.5,1.8,23.4,2,3.2,5.3,5.8,9.3,15.1,112590,,x,None,None,u\n";
        let e = parse("p.csv", &text).unwrap_err().to_string();
        assert!(
            e.contains("line 2") && e.contains("employment_2024_thousands") && e.contains("lots"),
            "{e}"
        );
    }
}
