//! How a switchback compares with staying and climbing, as data: the
//! points where it is better or worse, with their figures. The edges put
//! it in words (one place: `switchback_app::routes`).

use crate::route::plan::{Route, Stop};

/// Differences smaller than these are no difference: in years, and in
/// probability both absolute and as a share of the larger (0.040 against
/// 0.035 is no real difference in how likely a route is).
const SAME_YEARS: f32 = 0.05;
const SAME_PROBABILITY: f32 = 0.005;
const SAME_PROBABILITY_SHARE: f32 = 0.2;

/// A switchback against the direct climb.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The switchback's first stop: where it steps down to.
    pub via: Option<Stop>,
    /// The switchback's years to the goal and probability.
    pub years: f32,
    /// Its probability.
    pub probability: f32,
    /// The horizon the earnings are counted over.
    pub horizon_years: f32,
    /// Against the climb, or `None` when staying and climbing does not
    /// reach the goal within the horizon.
    pub points: Option<Vec<Point>>,
}

/// One way the switchback differs from the climb.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Point {
    /// Reaches the goal this many years sooner.
    Sooner(f32),
    /// This many years later.
    Later(f32),
    /// More likely: (switchback, climb).
    MoreLikely(f32, f32),
    /// Less likely: (switchback, climb).
    LessLikely(f32, f32),
    /// Pays as little as this on the way; the climb never below the second.
    PaysLess(u32, u32),
    /// Never pays below this; the climb dips to the second.
    PaysMore(u32, u32),
    /// Earns this much more over the horizon.
    EarnsMore(u64),
    /// This much less.
    EarnsLess(u64),
}

impl Point {
    /// Whether the point favours the switchback.
    pub fn favours_switchback(self) -> bool {
        matches!(
            self,
            Point::Sooner(_) | Point::MoreLikely(..) | Point::PaysMore(..) | Point::EarnsMore(_)
        )
    }
}

/// Compares a switchback with the direct climb, if there is one.
pub fn compare(switchback: &Route, direct: Option<&Route>, horizon_years: f32) -> Comparison {
    Comparison {
        via: switchback.steps.first().map(|m| m.to),
        years: switchback.years_to_goal,
        probability: switchback.probability,
        horizon_years,
        points: direct.map(|d| points(switchback, d)),
    }
}

fn points(s: &Route, d: &Route) -> Vec<Point> {
    let mut out = Vec::new();
    let years = d.years_to_goal - s.years_to_goal;
    if years > SAME_YEARS {
        out.push(Point::Sooner(years));
    } else if years < -SAME_YEARS {
        out.push(Point::Later(-years));
    }
    let same = SAME_PROBABILITY.max(SAME_PROBABILITY_SHARE * s.probability.max(d.probability));
    if s.probability > d.probability + same {
        out.push(Point::MoreLikely(s.probability, d.probability));
    } else if s.probability < d.probability - same {
        out.push(Point::LessLikely(s.probability, d.probability));
    }
    if s.min_salary < d.min_salary {
        out.push(Point::PaysLess(s.min_salary, d.min_salary));
    } else if s.min_salary > d.min_salary {
        out.push(Point::PaysMore(s.min_salary, d.min_salary));
    }
    match s.earnings_over_horizon.cmp(&d.earnings_over_horizon) {
        std::cmp::Ordering::Greater => {
            out.push(Point::EarnsMore(
                s.earnings_over_horizon - d.earnings_over_horizon,
            ));
        }
        std::cmp::Ordering::Less => {
            out.push(Point::EarnsLess(
                d.earnings_over_horizon - s.earnings_over_horizon,
            ));
        }
        std::cmp::Ordering::Equal => {}
    }
    out
}
