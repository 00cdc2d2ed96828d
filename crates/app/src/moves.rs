//! A move between two positions (its kind, feasibility, strengths and
//! gaps), and the most feasible destinations from an occupation.

use serde::{Deserialize, Serialize};
use switchback_core::catalog::EDUCATION_LEVELS;
use switchback_core::level::Level;
use switchback_core::position::{self, Label, Position, PositionSpec};
use switchback_core::transition::explain::{ElementComparison, Explanation};
use switchback_core::{Catalog, OccupationId};

use switchback_core::profile::RoleRead;

use crate::advice::RoleReadView;
use crate::view::position_view;
use crate::{AppError, Engine, PositionView, round};

/// Two positions to compare. Levels are inferred from the titles when
/// absent; an unnamed destination industry or department is the origin's.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveRequest {
    /// The origin role: a job title or an O*NET-SOC code.
    pub from: String,
    /// The destination role.
    pub to: String,
    /// Origin level name or grade.
    #[serde(default)]
    pub from_level: Option<String>,
    /// Destination level name or grade.
    #[serde(default)]
    pub to_level: Option<String>,
    /// Origin industry.
    #[serde(default)]
    pub from_industry: Option<String>,
    /// Destination industry.
    #[serde(default)]
    pub to_industry: Option<String>,
    /// Origin department.
    #[serde(default)]
    pub from_department: Option<String>,
    /// Destination department.
    #[serde(default)]
    pub to_department: Option<String>,
    /// Origin annual salary in dollars.
    #[serde(default)]
    pub from_salary: Option<u32>,
    /// Destination annual salary in dollars.
    #[serde(default)]
    pub to_salary: Option<u32>,
    /// How many strengths and gaps to list (1–68; default 5).
    #[serde(default = "default_limit")]
    pub limit: usize,
}

fn default_limit() -> usize {
    5
}

/// The most strengths and gaps a move lists.
pub const MAX_ELEMENTS: usize = 68;

/// A move's positions, kind, pay change, feasibility and its explanation.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ClassifyView {
    /// Where from.
    pub from: PositionView,
    /// Where to.
    pub to: PositionView,
    /// How the origin's role was read, when it is not the occupation's
    /// own title or code.
    pub from_read: Option<RoleReadView>,
    /// How the destination's role was read, likewise.
    pub to_read: Option<RoleReadView>,
    /// The kind of move and what else it changes.
    #[serde(rename = "move")]
    pub movement: MoveView,
    /// Destination pay over origin pay.
    pub pay_ratio: Option<f32>,
    /// What the ratio rests on.
    #[schema(value_type = String)]
    pub pay_basis: position::PayBasis,
    /// The occupation-to-occupation feasibility (0–1): how far the work transfers.
    pub feasibility: f32,
    /// The chance of getting the position (0–1), for someone with the
    /// origin occupation's typical experience.
    pub landing: f32,
    /// The chance of doing well in it (0–1), for someone with the origin
    /// occupation's typical skills.
    pub success: f32,
    /// The origin occupation's typical education against what the
    /// destination asks, when the occupation changes and O*NET knows both
    /// (it is part of `landing`).
    pub education: Option<EducationFitView>,
    /// Facets, strengths, gaps, technologies, shared activities, notes.
    #[serde(flatten)]
    pub explanation: ExplanationView,
}

/// Education against what a position asks of those entering it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EducationFitView {
    /// The education had, in words (O*NET's Required Level of Education).
    pub have: &'static str,
    /// The education that is a gate to the position, in words: what three
    /// in four of its workers say it requires, or more, when that is a
    /// master's or more; else a degree nineteen in twenty of them name.
    pub entry: &'static str,
    /// The share (0–1) of its workers who say it requires `entry` or more.
    pub named_share: f32,
    /// The share (0–1) of its positions that ask no more than `have`.
    pub open_share: f32,
    /// What it does to the landing chance (1 when `have` is enough).
    pub factor: f32,
    /// The comparison in words.
    pub text: String,
}

impl EducationFitView {
    fn of(e: &switchback_core::chances::EducationFit) -> EducationFitView {
        let words = |c: u8| {
            EDUCATION_LEVELS
                .get(usize::from(c).saturating_sub(1))
                .copied()
                .unwrap_or("")
        };
        EducationFitView {
            have: words(e.have),
            entry: words(e.entry),
            named_share: round(e.named_share, 3),
            open_share: round(e.open_share, 3),
            factor: round(e.factor, 3),
            text: crate::words::education_note(e),
        }
    }
}

/// A move's kind, its grade change, and what else it changes.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MoveView {
    /// `step_up`, `lateral` or `step_down`.
    pub kind: &'static str,
    /// Grades gained (negative: lost).
    pub level_delta: i8,
    /// The pay decided `kind`, not the grades: a move into another
    /// function to a lower grade, or the same, that pays 1.2 times as much
    /// or more is a step up.
    pub kind_by_pay: bool,
    /// `profession`, `industry`, `department`, `track`.
    pub changes: Vec<&'static str>,
    /// The chance of getting the position (0–1).
    pub landing: f32,
    /// The chance of doing well in it (0–1).
    pub success: f32,
}

impl MoveView {
    /// The view of a classified move.
    pub(crate) fn of(m: &position::Move) -> Self {
        MoveView {
            kind: m.kind.name(),
            level_delta: m.level_delta,
            kind_by_pay: m.kind_by_pay,
            changes: m.changes.iter().map(|c| c.name()).collect(),
            landing: round(m.landing, 3),
            success: round(m.success, 3),
        }
    }
}

/// A skill or knowledge element compared.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ElementView {
    /// The element's name.
    pub element: String,
    /// The origin's level.
    pub have: f32,
    /// The level required.
    pub need: f32,
    /// Importance (1–5).
    pub importance: f32,
}

/// One facet of feasibility.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FacetView {
    /// The name.
    pub name: &'static str,
    /// The facet's value (absent when the data lacks it).
    pub value: Option<f32>,
    /// The facet's weight.
    pub weight: f32,
}

/// Why a move is feasible or not.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ExplanationView {
    /// Feasibility (0–1).
    pub feasibility: f32,
    /// The facets and their weights.
    pub facets: Vec<FacetView>,
    /// What the person brings.
    pub strengths: Vec<ElementView>,
    /// What to learn.
    pub gaps: Vec<ElementView>,
    /// Technologies employers ask for in the destination (O*NET's "In
    /// Demand" for it) that the origin does not use; the field keeps its
    /// name, but a technology merely hot across all postings is left out.
    pub missing_hot_technologies: Vec<String>,
    /// Work activities both do.
    pub shared_activities: Vec<String>,
    /// What the figures rest on.
    pub notes: Vec<String>,
}

/// Classifies and explains a move.
pub fn classify(engine: &Engine, req: &MoveRequest) -> Result<ClassifyView, AppError> {
    let catalog = engine.catalog();
    let level = |field: &str, text: &Option<String>| -> Result<Option<Level>, AppError> {
        text.as_deref()
            .map(|t| Level::parse(t).map_err(|e| AppError::invalid(field, e.to_string())))
            .transpose()
    };
    if !(1..=MAX_ELEMENTS).contains(&req.limit) {
        return Err(AppError::invalid(
            "limit",
            format!("{} is out of range: from 1 to {MAX_ELEMENTS}", req.limit),
        ));
    }
    for (field, salary) in [
        ("from_salary", req.from_salary),
        ("to_salary", req.to_salary),
    ] {
        let range = switchback_core::profile::limits::SALARY;
        if let Some(pay) = salary.filter(|p| !range.contains(&f64::from(*p))) {
            return Err(AppError::invalid(
                field,
                format!(
                    "{pay} is out of range: an annual salary in dollars must be from {} to {}",
                    range.start(),
                    range.end()
                ),
            ));
        }
    }
    let from_r = catalog.resolve(&req.from)?.civilian(catalog, None);
    // The destination is read in the light of the origin, as a profile's
    // goal and options are.
    let to_r = (catalog.resolve(&req.to)?)
        .civilian(catalog, Some(from_r.occupation))
        .near(catalog, from_r.occupation);
    let label = |s: &Option<String>| s.as_deref().and_then(Label::parse);
    let from = Position::new(
        catalog,
        from_r.occupation,
        PositionSpec {
            level: level("from_level", &req.from_level)?,
            title_hint: from_r.seniority_in(catalog),
            industry: label(&req.from_industry),
            department: label(&req.from_department),
            salary: req.from_salary,
            ..PositionSpec::default()
        },
    );
    let to = Position::destination(
        catalog,
        to_r.occupation,
        PositionSpec {
            level: level("to_level", &req.to_level)?,
            title_hint: to_r.seniority_in(catalog),
            industry: label(&req.to_industry),
            department: label(&req.to_department),
            salary: req.to_salary,
            ..PositionSpec::default()
        },
        &from,
    );
    let model = engine.model();
    let m = position::classify(catalog, model, &from, &to);
    let explanation = model.explain(catalog, from.occupation, to.occupation, req.limit);
    Ok(ClassifyView {
        from: position_view(engine, &from),
        to: position_view(engine, &to),
        from_read: RoleRead::of(catalog, &req.from, &from_r)
            .as_ref()
            .map(RoleReadView::of),
        to_read: RoleRead::of(catalog, &req.to, &to_r)
            .as_ref()
            .map(RoleReadView::of),
        movement: MoveView::of(&m),
        pay_ratio: m.pay_ratio.map(|r| round(r, 3)),
        pay_basis: m.pay_basis,
        feasibility: round(m.feasibility, 3),
        landing: round(m.landing, 3),
        success: round(m.success, 3),
        education: m.education.as_ref().map(EducationFitView::of),
        explanation: explanation_view(engine, &explanation, (from.occupation, to.occupation)),
    })
}

fn element_view(catalog: &Catalog, c: &ElementComparison) -> ElementView {
    ElementView {
        element: catalog.element_label(c.element),
        have: round(c.have, 2),
        need: round(c.need, 2),
        importance: round(c.importance, 2),
    }
}

fn explanation_view(
    engine: &Engine,
    e: &Explanation,
    (from, to): (OccupationId, OccupationId),
) -> ExplanationView {
    let catalog = engine.catalog();
    let weights = engine.model().weights().as_array();
    let (a, b) = (&e.ratings.0, &e.ratings.1);
    ExplanationView {
        feasibility: round(e.score, 3),
        facets: e
            .facets
            .named()
            .iter()
            .zip(weights)
            .map(|((name, value), weight)| FacetView {
                name,
                value: value.map(|v| round(v, 3)),
                weight,
            })
            .collect(),
        strengths: e
            .strengths
            .iter()
            .map(|c| element_view(catalog, c))
            .collect(),
        gaps: e.gaps.iter().map(|c| element_view(catalog, c)).collect(),
        missing_hot_technologies: e
            .missing_hot_technologies
            .iter()
            .map(|t| catalog.technology(*t).name.clone())
            .collect(),
        shared_activities: e
            .shared_activities
            .iter()
            .map(|d| catalog.dwa(*d).title.clone())
            .collect(),
        notes: [("origin", from, a), ("destination", to, b)]
            .into_iter()
            .filter_map(|(side, id, src)| crate::words::rating_note(catalog, side, id, src))
            .collect(),
    }
}

/// One destination.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DestinationView {
    /// The code.
    pub code: String,
    /// The title.
    pub title: String,
    /// Feasibility (0–1): how far the work transfers.
    pub feasibility: f32,
    /// The chance of getting a position there at its typical level (0–1),
    /// for someone at the origin's typical level and experience.
    pub landing: f32,
    /// The chance of doing well there (0–1), for someone with the
    /// origin's typical skills.
    pub success: f32,
    /// The job zone.
    pub job_zone: Option<u8>,
    /// Median annual wage (OEWS).
    pub median_wage: Option<u32>,
    /// In the same function as the origin — one profession (SOC broad
    /// group), or the management of it — as `move` judges a change of
    /// profession (software developers → IT managers is no change).
    pub same_profession: bool,
    /// What the person brings.
    pub strengths: Vec<String>,
    /// What to learn.
    pub gaps: Vec<String>,
}

/// The most feasible destinations from an occupation.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TransitionsView {
    /// The origin.
    pub origin: OriginView,
    /// How the role was read, when it is not the occupation's own title
    /// or code.
    pub role_read: Option<RoleReadView>,
    /// The destinations, most feasible first.
    pub destinations: Vec<DestinationView>,
}

/// The origin of a transitions listing.
#[derive(Serialize, utoipa::ToSchema)]
pub struct OriginView {
    /// The code.
    pub code: String,
    /// The title.
    pub title: String,
    /// The job zone.
    pub job_zone: Option<u8>,
    /// Median annual wage (OEWS).
    pub median_wage: Option<u32>,
}

/// The `limit` most feasible destinations from the occupation `role` names.
pub fn transitions(engine: &Engine, role: &str, limit: usize) -> Result<TransitionsView, AppError> {
    let catalog = engine.catalog();
    let max = catalog.occupations().len() - 1;
    if !(1..=max).contains(&limit) {
        return Err(AppError::invalid(
            "limit",
            format!("{limit} is out of range: from 1 to {max}"),
        ));
    }
    let r = catalog.resolve(role)?;
    let model = engine.model();
    let origin = catalog.occupation(r.occupation);
    let median = |id: OccupationId| {
        catalog
            .occupation(id)
            .wages
            .as_ref()
            .and_then(|w| w.annual.median)
    };
    let destinations = model
        .top_destinations(r.occupation, limit, |_| true)
        .into_iter()
        .map(|(d, score)| {
            let e = model.explain(catalog, r.occupation, d, 3);
            let o = catalog.occupation(d);
            let at_typical = |id| Position::new(catalog, id, PositionSpec::default());
            let m = position::classify(catalog, model, &at_typical(r.occupation), &at_typical(d));
            DestinationView {
                code: o.code.to_string(),
                title: o.title.clone(),
                feasibility: round(score, 3),
                landing: round(m.landing, 3),
                success: round(m.success, 3),
                job_zone: o.job_zone.map(|z| z.get()),
                median_wage: median(d),
                same_profession: o.same_function(origin),
                strengths: e
                    .strengths
                    .iter()
                    .map(|c| catalog.element_label(c.element))
                    .collect(),
                gaps: e
                    .gaps
                    .iter()
                    .map(|c| catalog.element_label(c.element))
                    .collect(),
            }
        })
        .collect();
    Ok(TransitionsView {
        origin: OriginView {
            code: origin.code.to_string(),
            title: origin.title.clone(),
            job_zone: origin.job_zone.map(|z| z.get()),
            median_wage: median(r.occupation),
        },
        role_read: RoleRead::of(catalog, role, &r)
            .as_ref()
            .map(RoleReadView::of),
        destinations,
    })
}
