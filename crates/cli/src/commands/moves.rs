//! `switchback move` and `switchback transitions`.

use serde::Serialize;
use switchback_core::position::{self, Label, Position, PositionSpec};
use switchback_core::transition::TransitionModel;
use switchback_core::transition::explain::{ElementComparison, Explanation};
use switchback_core::transition::profile::RatingSource;
use switchback_core::{Catalog, OccupationId};

use crate::cli::{Format, MoveArgs, TransitionsArgs};
use crate::output::{self, Table, dollars};

#[derive(Serialize)]
pub(super) struct PositionView {
    pub(super) code: String,
    pub(super) title: String,
    pub(super) level: &'static str,
    pub(super) grade: u8,
    pub(super) level_source: position::LevelSource,
    pub(super) track: &'static str,
    pub(super) industry: Option<String>,
    pub(super) department: Option<String>,
    pub(super) salary: Option<u32>,
    pub(super) estimated_salary: Option<u32>,
}

#[derive(Serialize)]
pub(super) struct MoveView {
    pub(super) kind: &'static str,
    pub(super) level_delta: i8,
    pub(super) changes: Vec<&'static str>,
}

#[derive(Serialize)]
struct ElementView {
    element: String,
    have: f32,
    need: f32,
    importance: f32,
}

#[derive(Serialize)]
struct FacetView {
    name: &'static str,
    value: Option<f32>,
    weight: f32,
}

#[derive(Serialize)]
struct ExplanationView {
    feasibility: f32,
    facets: Vec<FacetView>,
    strengths: Vec<ElementView>,
    gaps: Vec<ElementView>,
    missing_hot_technologies: Vec<String>,
    shared_activities: Vec<String>,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct ClassifyView {
    from: PositionView,
    to: PositionView,
    #[serde(rename = "move")]
    movement: MoveView,
    pay_ratio: Option<f32>,
    pay_basis: position::PayBasis,
    feasibility: f32,
    #[serde(flatten)]
    explanation: ExplanationView,
}

pub fn classify(catalog: &Catalog, args: &MoveArgs, format: Format) -> anyhow::Result<()> {
    let from_r = catalog.resolve(&args.from)?;
    let to_r = catalog.resolve(&args.to)?;
    let label = |s: &Option<String>| s.as_deref().and_then(Label::parse);
    let from = Position::new(
        catalog,
        from_r.occupation,
        PositionSpec {
            level: args.from_level,
            title_hint: from_r.seniority,
            industry: label(&args.from_industry),
            department: label(&args.from_department),
            salary: args.from_salary,
            ..PositionSpec::default()
        },
    );
    // An unnamed destination industry or department is the origin's.
    let to = Position::new(
        catalog,
        to_r.occupation,
        PositionSpec {
            level: args.to_level,
            title_hint: to_r.seniority,
            industry: label(&args.to_industry).or_else(|| from.industry.clone()),
            department: label(&args.to_department).or_else(|| from.department.clone()),
            salary: args.to_salary,
            ..PositionSpec::default()
        },
    );
    let model = TransitionModel::new(catalog);
    let m = position::classify(catalog, &model, &from, &to);
    let explanation = model.explain(
        catalog,
        from.occupation,
        to.occupation,
        usize::from(args.limit),
    );
    let view = ClassifyView {
        from: position_view(catalog, &from),
        to: position_view(catalog, &to),
        movement: MoveView {
            kind: m.kind.name(),
            level_delta: m.level_delta,
            changes: m.changes.iter().map(|c| c.name()).collect(),
        },
        pay_ratio: m.pay_ratio.map(|r| round(r, 3)),
        pay_basis: m.pay_basis,
        feasibility: round(m.feasibility, 3),
        explanation: explanation_view(
            catalog,
            &model,
            &explanation,
            (from.occupation, to.occupation),
        ),
    };
    match format {
        Format::Json => output::json(&view),
        Format::Text => output::text(&render_classify(&view)),
    }
}

pub(super) fn position_view(catalog: &Catalog, p: &Position) -> PositionView {
    let o = catalog.occupation(p.occupation);
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
    }
}

fn element_view(catalog: &Catalog, c: &ElementComparison) -> ElementView {
    ElementView {
        element: catalog.element_label(c.element),
        have: round(c.have, 2),
        need: round(c.need, 2),
        importance: round(c.importance, 2),
    }
}

fn rating_note(
    catalog: &Catalog,
    side: &str,
    id: OccupationId,
    source: &RatingSource,
) -> Option<String> {
    let title = &catalog.occupation(id).title;
    match source {
        RatingSource::Rated => None,
        RatingSource::Imputed(from) => Some(format!(
            "{side} {title} has no O*NET 29.3 skill ratings; its profile is borrowed from {}",
            from.iter()
                .map(|d| catalog.occupation(*d).title.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        RatingSource::Missing => Some(format!(
            "{side} {title} has no skill or knowledge data to compare"
        )),
    }
}

fn explanation_view(
    catalog: &Catalog,
    model: &TransitionModel,
    e: &Explanation,
    (from, to): (OccupationId, OccupationId),
) -> ExplanationView {
    let weights = model.weights().as_array();
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
            .filter_map(|(side, id, src)| rating_note(catalog, side, id, src))
            .collect(),
    }
}

fn render_classify(v: &ClassifyView) -> String {
    let pos = |p: &PositionView| {
        let mut s = format!(
            "{} ({}) at {} (grade {}), {} track",
            p.title, p.code, p.level, p.grade, p.track
        );
        if let Some(i) = &p.industry {
            s.push_str(&format!(", {i} industry"));
        }
        if let Some(d) = &p.department {
            s.push_str(&format!(", {d} department"));
        }
        s
    };
    let mut s = format!("From  {}\nTo    {}\n\n", pos(&v.from), pos(&v.to));
    let changes = if v.movement.changes.is_empty() {
        "nothing else".to_owned()
    } else {
        v.movement.changes.join(", ")
    };
    s.push_str(&format!(
        "Move: {} ({:+} grade{}), changes {changes}\n",
        v.movement.kind.replace('_', " "),
        v.movement.level_delta,
        if v.movement.level_delta.abs() == 1 {
            ""
        } else {
            "s"
        }
    ));
    if let Some(r) = v.pay_ratio {
        let basis = match v.pay_basis {
            position::PayBasis::Salaries => "from the salaries given".to_owned(),
            position::PayBasis::Wages => {
                let f = v
                    .from
                    .salary
                    .or(v.from.estimated_salary)
                    .map(dollars)
                    .unwrap_or_default();
                let t =
                    v.to.salary
                        .or(v.to.estimated_salary)
                        .map(dollars)
                        .unwrap_or_default();
                format!("{f} → {t}, OEWS May 2025 wages at each level")
            }
        };
        s.push_str(&format!("Pay: {:.0}% of current ({basis})\n", r * 100.0));
    }
    s.push_str(&format!("Feasibility: {:.2} of 1\n\n", v.feasibility));
    s.push_str(&render_explanation(&v.explanation));
    s
}

fn render_explanation(e: &ExplanationView) -> String {
    let mut s = String::from("Facets (value, weight)\n");
    let mut t = Table::new(&[false, true, true]);
    for f in &e.facets {
        t.row([
            f.name.replace('_', " "),
            f.value.map_or("no data".into(), |v| format!("{v:.2}")),
            format!("{}", f.weight),
        ]);
    }
    s.push_str(&t.render(2));
    for (label, list) in [
        ("Transferable strengths", &e.strengths),
        ("Gaps to close", &e.gaps),
    ] {
        if list.is_empty() {
            continue;
        }
        s.push_str(&format!(
            "\n{label} (level you have / level needed, importance)\n"
        ));
        let mut t = Table::new(&[false, true, true, true]);
        for x in list {
            t.row([
                x.element.clone(),
                format!("{:.1}", x.have),
                format!("{:.1}", x.need),
                format!("{:.1}", x.importance),
            ]);
        }
        s.push_str(&t.render(2));
    }
    if !e.missing_hot_technologies.is_empty() {
        s.push_str(&format!(
            "\nHot technologies to learn: {}\n",
            e.missing_hot_technologies.join(", ")
        ));
    }
    if !e.shared_activities.is_empty() {
        s.push_str("\nWork you already do there\n");
        for a in &e.shared_activities {
            s.push_str(&format!("  - {a}\n"));
        }
    }
    for n in &e.notes {
        s.push_str(&format!("\nNote: {n}\n"));
    }
    s
}

#[derive(Serialize)]
struct DestinationView {
    code: String,
    title: String,
    feasibility: f32,
    job_zone: Option<u8>,
    median_wage: Option<u32>,
    same_profession: bool,
    strengths: Vec<String>,
    gaps: Vec<String>,
}

#[derive(Serialize)]
struct TransitionsView {
    origin: OriginView,
    destinations: Vec<DestinationView>,
}

#[derive(Serialize)]
struct OriginView {
    code: String,
    title: String,
    job_zone: Option<u8>,
    median_wage: Option<u32>,
}

pub fn transitions(
    catalog: &Catalog,
    args: &TransitionsArgs,
    format: Format,
) -> anyhow::Result<()> {
    let r = catalog.resolve(&args.role)?;
    let model = TransitionModel::new(catalog);
    let origin = catalog.occupation(r.occupation);
    let median = |id: OccupationId| {
        catalog
            .occupation(id)
            .wages
            .as_ref()
            .and_then(|w| w.annual.median)
    };
    let destinations = model
        .top_destinations(r.occupation, usize::from(args.limit), |_| true)
        .into_iter()
        .map(|(d, score)| {
            let e = model.explain(catalog, r.occupation, d, 3);
            let o = catalog.occupation(d);
            DestinationView {
                code: o.code.to_string(),
                title: o.title.clone(),
                feasibility: round(score, 3),
                job_zone: o.job_zone.map(|z| z.get()),
                median_wage: median(d),
                same_profession: o.family() == origin.family(),
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
    let view = TransitionsView {
        origin: OriginView {
            code: origin.code.to_string(),
            title: origin.title.clone(),
            job_zone: origin.job_zone.map(|z| z.get()),
            median_wage: median(r.occupation),
        },
        destinations,
    };
    match format {
        Format::Json => output::json(&view),
        Format::Text => {
            let mut s = format!(
                "Most feasible moves from {} ({}), job zone {}, median {}\n\n",
                view.origin.title,
                view.origin.code,
                view.origin.job_zone.map_or("n/a".into(), |z| z.to_string()),
                view.origin.median_wage.map_or("n/a".into(), dollars)
            );
            let mut t = Table::new(&[true, false, false, true, true, false]);
            t.row(["#", "code", "title", "feas.", "zone", "median"].map(String::from));
            for (i, d) in view.destinations.iter().enumerate() {
                t.row([
                    (i + 1).to_string(),
                    d.code.clone(),
                    d.title.clone(),
                    format!("{:.2}", d.feasibility),
                    d.job_zone.map_or("-".into(), |z| z.to_string()),
                    d.median_wage.map_or("n/a".into(), dollars),
                ]);
            }
            s.push_str(&t.render(2));
            s.push_str("\nWhy (strengths you bring; gaps to close)\n");
            for (i, d) in view.destinations.iter().enumerate() {
                s.push_str(&format!(
                    "  {:>2}. {}: strengths {}; gaps {}\n",
                    i + 1,
                    d.title,
                    if d.strengths.is_empty() {
                        "n/a".into()
                    } else {
                        d.strengths.join(", ")
                    },
                    if d.gaps.is_empty() {
                        "none important".into()
                    } else {
                        d.gaps.join(", ")
                    }
                ));
            }
            output::text(&s)
        }
    }
}

fn round(x: f32, places: i32) -> f32 {
    let f = 10f32.powi(places);
    (x * f).round() / f
}
