//! `switchback advise`.

use serde::Serialize;
use switchback_core::Catalog;
use switchback_core::advisor::{self, OptionAdvice};
use switchback_core::route::plan::Stop;
use switchback_core::transition::TransitionModel;

use super::moves::{MoveView, PositionView, position_view};
use super::route::{RouteView, StopView, route_view, stop_view};
use crate::cli::{AdviseArgs, Format};
use crate::output::{self, dollars};

#[derive(Serialize)]
struct GoalView {
    #[serde(flatten)]
    stop: StopView,
    horizon_years: f32,
}

#[derive(Serialize)]
struct ReasonView {
    code: &'static str,
    text: String,
}

#[derive(Serialize)]
struct LivingView {
    salary: Option<u32>,
    pay_ratio: Option<f32>,
    cost_over_horizon: Option<i64>,
    level_from: &'static str,
    level_to: &'static str,
    leaves_department: bool,
    first_weeks: Vec<String>,
}

#[derive(Serialize)]
struct OptionView {
    id: String,
    proposed: bool,
    position: PositionView,
    #[serde(rename = "move")]
    movement: MoveView,
    circumstances: Vec<&'static str>,
    verdict: &'static str,
    instead: Option<&'static str>,
    success: f32,
    feasibility: f32,
    onward_route: Option<RouteView>,
    reasons: Vec<ReasonView>,
    living: LivingView,
}

#[derive(Serialize)]
struct AdviceView {
    current: PositionView,
    goal: Option<GoalView>,
    options: Vec<OptionView>,
}

pub fn advise(catalog: &Catalog, args: &AdviseArgs, format: Format) -> anyhow::Result<()> {
    let profile = switchback_data::profile_file::load(&args.profile, catalog)?;
    let model = TransitionModel::new(catalog);
    let advice = advisor::advise(catalog, &model, &profile)?;
    let view = AdviceView {
        current: position_view(catalog, &profile.current.position),
        goal: profile.goal.as_ref().map(|g| GoalView {
            stop: stop_view(
                catalog,
                Stop {
                    occupation: g.occupation,
                    level: g.level,
                },
            ),
            horizon_years: g.horizon_years,
        }),
        options: advice
            .options
            .iter()
            .map(|o| option_view(catalog, o))
            .collect(),
    };
    match format {
        Format::Json => output::json(&view),
        Format::Text => output::text(&render(&view)),
    }
}

fn option_view(catalog: &Catalog, o: &OptionAdvice) -> OptionView {
    let r2 = |x: f32| (x * 100.0).round() / 100.0;
    OptionView {
        id: o.id.clone(),
        proposed: o.proposed,
        position: position_view(catalog, &o.position),
        movement: MoveView {
            kind: o.movement.kind.name(),
            level_delta: o.movement.level_delta,
            changes: o.movement.changes.iter().map(|c| c.name()).collect(),
        },
        circumstances: o.circumstances.iter().map(|c| c.name()).collect(),
        verdict: o.verdict.name(),
        instead: o.instead.map(|i| i.name()),
        success: r2(o.success),
        feasibility: r2(o.movement.feasibility),
        onward_route: o.onward.as_ref().map(|r| route_view(catalog, r)),
        reasons: o
            .reasons
            .iter()
            .map(|r| ReasonView {
                code: r.code,
                text: r.text.clone(),
            })
            .collect(),
        living: LivingView {
            salary: o.living.salary,
            pay_ratio: o.living.pay_ratio.map(|p| (p * 1000.0).round() / 1000.0),
            cost_over_horizon: o.living.cost_over_horizon,
            level_from: o.living.level_change.0.name(),
            level_to: o.living.level_change.1.name(),
            leaves_department: o.living.leaves_department,
            first_weeks: o.living.first_weeks.clone(),
        },
    }
}

fn render(v: &AdviceView) -> String {
    let c = &v.current;
    let mut s = format!("You: {} ({}, grade {})", c.title, c.level, c.grade);
    if let Some(pay) = c.salary {
        s.push_str(&format!(", {}", dollars(pay)));
    }
    s.push('\n');
    match &v.goal {
        Some(g) => s.push_str(&format!(
            "Goal: {} ({}, grade {}) within {} years\n",
            g.stop.title, g.stop.level, g.stop.grade, g.horizon_years
        )),
        None => s.push_str("Goal: none given\n"),
    }
    if v.options.first().is_some_and(|o| o.proposed) {
        s.push_str("\nYou listed no options; these are proposals: the first moves of the best routes to your goal.\n");
    }
    for (i, o) in v.options.iter().enumerate() {
        let verdict = o.verdict.replace('_', " ").to_uppercase();
        s.push_str(&format!(
            "\n{}. {} — {verdict}\n   {} ({}, grade {}): {} ({:+}), changes {}\n",
            i + 1,
            o.id,
            o.position.title,
            o.position.level,
            o.position.grade,
            o.movement.kind.replace('_', " "),
            o.movement.level_delta,
            if o.movement.changes.is_empty() {
                "nothing else".to_owned()
            } else {
                o.movement.changes.join(", ")
            }
        ));
        if !o.circumstances.is_empty() {
            s.push_str(&format!(
                "   Serves: {}\n",
                o.circumstances
                    .iter()
                    .map(|c| c.replace('_', " "))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if let Some(i) = o.instead {
            s.push_str(&format!("   Better shape: {}\n", i.replace('_', " ")));
        }
        for r in &o.reasons {
            s.push_str(&format!("   - {}\n", r.text));
        }
        if o.verdict != "not_recommended" && !o.living.first_weeks.is_empty() {
            s.push_str("   Living with it:\n");
            for w in &o.living.first_weeks {
                s.push_str(&format!("     · {w}\n"));
            }
        }
    }
    s
}
