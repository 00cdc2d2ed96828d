//! BLS OEWS national wages, and the rule joining them to O*NET codes.
//!
//! An O*NET-SOC code takes the OEWS row of its SOC 2018 detailed code (its
//! first seven characters). Where OEWS publishes only an aggregate row for
//! the broad group (`XX-XXX0`, e.g. `13-1020` Buyers and Purchasing Agents),
//! that row is used and the wage is marked `aggregate`. Otherwise the wage
//! is absent: nothing is estimated.

use std::collections::HashMap;

use switchback_core::catalog::{Occupation, Percentiles, Wages};
use switchback_core::code::SocCode;

use crate::tsv::{Table, TableError};

/// The OEWS table bundled with the program.
pub const BUNDLED: &str = include_str!("../../../data/bls-oews/oews_national_may2025.tsv");
/// The file name of the bundled OEWS table.
pub const BUNDLED_NAME: &str = "oews_national_may2025.tsv";
/// What the bundled wages are.
pub const BUNDLED_RELEASE: &str = "BLS OEWS May 2025, national, cross-industry";

const COLUMNS: [&str; 14] = [
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "H_PCT10",
    "H_PCT25",
    "H_MEDIAN",
    "H_PCT75",
    "H_PCT90",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
];

/// Parses an OEWS export (tab-separated, BLS flat-file column names) into
/// wages by SOC code. `-`, `#` and `*` read as "not published".
pub fn parse(file: &str, text: &str) -> Result<HashMap<SocCode, Wages>, TableError> {
    let t = Table::new(file, text, &COLUMNS)?;
    let mut out = HashMap::new();
    for row in t.rows() {
        let row = row?;
        let soc = SocCode::parse(row.get(0))
            .map_err(|_| row.error(0, "expected a SOC code such as 15-1252"))?;
        let hourly = |k| row.parse_opt::<f32>(k, "expected an hourly wage");
        let annual = |k| row.parse_opt::<u32>(k, "expected an annual wage in whole dollars");
        let wages = Wages {
            soc,
            oews_title: row.get(1).to_owned(),
            aggregate: false,
            employment: row.parse_opt(3, "expected an employment count")?,
            hourly: Percentiles {
                p10: hourly(4)?,
                p25: hourly(5)?,
                median: hourly(6)?,
                p75: hourly(7)?,
                p90: hourly(8)?,
            },
            annual: Percentiles {
                p10: annual(9)?,
                p25: annual(10)?,
                median: annual(11)?,
                p75: annual(12)?,
                p90: annual(13)?,
            },
        };
        out.insert(soc, wages);
    }
    Ok(out)
}

/// Attaches wages to occupations by the rule in the module docs.
pub fn attach(occupations: &mut [Occupation], wages: &HashMap<SocCode, Wages>) {
    for o in occupations {
        let soc = o.soc();
        o.wages = match wages.get(&soc) {
            Some(w) => Some(w.clone()),
            None => wages.get(&soc.broad()).map(|w| Wages {
                aggregate: true,
                ..w.clone()
            }),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_bundled_table() {
        let w = parse(BUNDLED_NAME, BUNDLED).unwrap();
        let ce = &w[&SocCode::parse("11-1011").unwrap()];
        assert_eq!(ce.annual.median, Some(213_990));
        assert_eq!(ce.hourly.p90, Some(244.10));
        // Actors are paid by the hour: BLS publishes no annual figure.
        let actors = &w[&SocCode::parse("27-2011").unwrap()];
        assert_eq!(actors.annual.median, None);
        assert_eq!(actors.hourly.median, Some(29.05));
    }

    #[test]
    fn bad_wage_names_line_and_column() {
        let mut text = COLUMNS.join("\t");
        text.push_str(
            "\n11-1011\tChief Executives\tdetailed\t1\t1\t1\t1\t1\t1\t1\t1\tlots\t1\t1\n",
        );
        let e = parse("w.tsv", &text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "w.tsv:2:12: column \"A_MEDIAN\" = \"lots\": expected an annual wage in whole dollars"
        );
    }
}
