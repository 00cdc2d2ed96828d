//! The views of positions and stops that several responses share.

use serde::Serialize;
use switchback_core::position::{self, Position};
use switchback_core::route::plan::Stop;

use crate::Engine;

/// A position as responses show it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PositionView {
    /// O*NET-SOC code.
    pub code: String,
    /// Occupation title.
    pub title: String,
    /// Level name.
    pub level: &'static str,
    /// Grade 1–10.
    pub grade: u8,
    /// Where the level came from.
    #[schema(value_type = String)]
    pub level_source: position::LevelSource,
    /// `individual_contributor` or `management`.
    pub track: &'static str,
    /// Industry, if known.
    pub industry: Option<String>,
    /// Department, if known.
    pub department: Option<String>,
    /// The salary given.
    pub salary: Option<u32>,
    /// The OEWS estimate for the level.
    pub estimated_salary: Option<u32>,
    /// Set when that estimate is OEWS's for a wider group, BLS publishing
    /// no wages for the occupation alone: the group's title.
    pub estimated_salary_of_group: Option<String>,
}

/// A stop on a route: an occupation at a level.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StopView {
    /// O*NET-SOC code.
    pub code: String,
    /// Occupation title.
    pub title: String,
    /// Level name.
    pub level: &'static str,
    /// Grade 1–10.
    pub grade: u8,
}

pub(crate) fn position_view(engine: &Engine, p: &Position) -> PositionView {
    let o = engine.catalog().occupation(p.occupation);
    PositionView {
        code: o.code.to_string(),
        title: o.title.clone(),
        level: p.level.name(),
        grade: p.level.grade(),
        level_source: p.level_source,
        track: p.track.name(),
        industry: p.industry.as_ref().map(|l| l.as_str().to_owned()),
        department: p.department.as_ref().map(|l| l.as_str().to_owned()),
        salary: p.salary,
        estimated_salary: position::estimated_salary(o, p.level),
        estimated_salary_of_group: o.wider_wage_group().map(str::to_owned),
    }
}

pub(crate) fn stop_view(engine: &Engine, s: Stop) -> StopView {
    let o = engine.catalog().occupation(s.occupation);
    StopView {
        code: o.code.to_string(),
        title: o.title.clone(),
        level: s.level.name(),
        grade: s.level.grade(),
    }
}
