//! `switchback route`.

use anyhow::bail;
use serde::Serialize;
use switchback_core::Catalog;

use switchback_core::route::plan::{self, DEFAULT_MAX_STEP_DOWN, Request, Route, Stop};
use switchback_core::transition::TransitionModel;

use crate::cli::{Format, RouteArgs};
use crate::output::{self, dollars};

#[derive(Serialize)]
pub(super) struct StopView {
    pub(super) code: String,
    pub(super) title: String,
    pub(super) level: &'static str,
    pub(super) grade: u8,
}

#[derive(Serialize)]
struct MoveView {
    from: StopView,
    to: StopView,
    kind: &'static str,
    years: f32,
    feasibility: f32,
    salary: u32,
}

#[derive(Serialize)]
pub(super) struct RouteView {
    moves: Vec<MoveView>,
    years_to_goal: f32,
    probability: f32,
    min_salary: u32,
    earnings_over_horizon: u64,
    earnings_horizon_years: f32,
    switchback: bool,
}

#[derive(Serialize)]
struct PlanView {
    start: StopView,
    goal: StopView,
    horizon_years: f32,
    routes: Vec<RouteView>,
    direct: Option<RouteView>,
    nearest: Option<RouteView>,
    comparisons: Vec<String>,
    notes: Vec<String>,
}

pub fn route(catalog: &Catalog, args: &RouteArgs, format: Format) -> anyhow::Result<()> {
    let profile = switchback_data::profile_file::load(&args.profile, catalog)?;
    let Some(goal) = profile.goal else {
        bail!(
            "{}: the [goal] table is missing: a route needs a goal (role, level, horizon_years)",
            args.profile.display()
        );
    };
    let model = TransitionModel::new(catalog);
    let start = &profile.current.position;
    let req = Request {
        start,
        years_in_role: profile.current.years_in_role,
        years_experience: profile.current.years_experience,
        goal: goal.occupation,
        goal_level: goal.level,
        horizon_years: goal.horizon_years,
        min_salary: profile.situation.min_salary,
        max_step_down: profile
            .situation
            .max_step_down
            .unwrap_or(DEFAULT_MAX_STEP_DOWN),
        max_moves: usize::from(args.max_moves),
        exclude: &profile.situation.exclude_occupations,
        to_goal: None,
        promotion_blocked: profile.situation.promotion_blocked,
    };
    let plan = plan::plan(catalog, &model, &req);
    let stop = |s: Stop| stop_view(catalog, s);
    let view_of = |r: &Route| route_view(catalog, r);
    let goal_stop = Stop {
        occupation: goal.occupation,
        level: goal.level,
    };
    let goal_title = catalog.occupation(goal.occupation).title.clone();
    let comparisons = plan
        .routes
        .iter()
        .filter(|r| r.switchback)
        .take(3)
        .map(|r| {
            compare(
                catalog,
                r,
                plan.direct.as_ref(),
                goal.horizon_years,
                &goal_title,
            )
        })
        .collect();
    let mut notes = Vec::new();
    if plan.goal_salary_assumed {
        notes.push(format!("BLS publishes no annual wage for {goal_title}; earnings assume your current salary once there"));
    }
    let view = PlanView {
        start: stop(Stop {
            occupation: start.occupation,
            level: start.level,
        }),
        goal: stop(goal_stop),
        horizon_years: goal.horizon_years,
        routes: plan.routes.iter().map(view_of).collect(),
        direct: plan.direct.as_ref().map(view_of),
        nearest: plan.nearest.as_ref().map(view_of),
        comparisons,
        notes,
    };
    match format {
        Format::Json => output::json(&view),
        Format::Text => output::text(&render(&view)),
    }
}

pub(super) fn stop_view(catalog: &Catalog, s: Stop) -> StopView {
    let o = catalog.occupation(s.occupation);
    StopView {
        code: o.code.to_string(),
        title: o.title.clone(),
        level: s.level.name(),
        grade: s.level.grade(),
    }
}

pub(super) fn route_view(catalog: &Catalog, r: &Route) -> RouteView {
    RouteView {
        moves: r
            .steps
            .iter()
            .map(|s| MoveView {
                from: stop_view(catalog, s.from),
                to: stop_view(catalog, s.to),
                kind: s.kind.name(),
                years: round(s.years),
                feasibility: round(s.feasibility),
                salary: s.salary,
            })
            .collect(),
        years_to_goal: round(r.years_to_goal),
        probability: round(r.probability),
        min_salary: r.min_salary,
        earnings_over_horizon: r.earnings_over_horizon,
        earnings_horizon_years: r.earnings_horizon_years,
        switchback: r.switchback,
    }
}

/// Why a switchback beats the direct climb, or does not, in plain words.
fn compare(
    catalog: &Catalog,
    s: &Route,
    direct: Option<&Route>,
    horizon: f32,
    goal: &str,
) -> String {
    let via = s.steps.first().map_or(String::new(), |m| {
        format!(
            "stepping down to {} ({})",
            catalog.occupation(m.to.occupation).title,
            m.to.level
        )
    });
    let Some(d) = direct else {
        return format!(
            "Staying and climbing does not reach {goal} within {horizon} years; {via} does, in {:.1} years with probability {:.2}.",
            s.years_to_goal, s.probability
        );
    };
    let mut better = Vec::new();
    let mut worse = Vec::new();
    let years = d.years_to_goal - s.years_to_goal;
    if years > 0.05 {
        better.push(format!("reaches {goal} {years:.1} years sooner"));
    } else if years < -0.05 {
        worse.push(format!("reaches {goal} {:.1} years later", -years));
    }
    if s.probability > d.probability + 0.005 {
        better.push(format!(
            "is more likely to work out ({:.2} vs {:.2})",
            s.probability, d.probability
        ));
    } else if s.probability < d.probability - 0.005 {
        worse.push(format!(
            "is less likely to work out ({:.2} vs {:.2})",
            s.probability, d.probability
        ));
    }
    if s.min_salary < d.min_salary {
        worse.push(format!(
            "pays as little as {} on the way (the climb never below {})",
            dollars(s.min_salary),
            dollars(d.min_salary)
        ));
    } else if s.min_salary > d.min_salary {
        better.push(format!(
            "never pays below {} (the climb dips to {})",
            dollars(s.min_salary),
            dollars(d.min_salary)
        ));
    }
    let e = s.earnings_over_horizon as i64 - d.earnings_over_horizon as i64;
    if e > 0 {
        better.push(format!(
            "earns {} more over {horizon} years",
            dollars(e as u32)
        ));
    } else if e < 0 {
        worse.push(format!(
            "earns {} less over {horizon} years",
            dollars((-e) as u32)
        ));
    }
    let verdict = match (better.is_empty(), worse.is_empty()) {
        (false, true) => "beats staying and climbing on every count",
        (true, false) => "loses to staying and climbing on every count",
        (false, false) => "is a trade-off against staying and climbing",
        (true, true) => "is as good as staying and climbing",
    };
    let mut text = format!("{via} {verdict}");
    match (better.is_empty(), worse.is_empty()) {
        (false, false) => {
            text.push_str(&format!(": it {}; but it {}", list(&better), list(&worse)))
        }
        (false, true) => text.push_str(&format!(": it {}", list(&better))),
        (true, false) => text.push_str(&format!(": it {}", list(&worse))),
        (true, true) => {}
    }
    text.push('.');
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or(text)
}

/// "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn render(v: &PlanView) -> String {
    let mut s = format!(
        "From {} ({}, grade {}) to {} ({}, grade {}) within {} years\n\n",
        v.start.title,
        v.start.level,
        v.start.grade,
        v.goal.title,
        v.goal.level,
        v.goal.grade,
        v.horizon_years
    );
    if v.routes.is_empty() {
        s.push_str(&format!("No route within {} years", v.horizon_years));
        match &v.nearest {
            Some(n) => s.push_str(&format!(
                "; the nearest takes {:.2} years:\n\n{}",
                n.years_to_goal,
                render_route(n)
            )),
            None => s.push_str(", and none within three horizons either.\n"),
        }
        return s;
    }
    for (i, r) in v.routes.iter().enumerate().take(6) {
        s.push_str(&format!(
            "Route {}{}\n{}\n",
            i + 1,
            if r.switchback { " — switchback" } else { "" },
            render_route(r)
        ));
    }
    if v.routes.len() > 6 {
        s.push_str(&format!(
            "… and {} more Pareto-optimal routes (see --format json)\n\n",
            v.routes.len() - 6
        ));
    }
    match &v.direct {
        Some(d) => s.push_str(&format!(
            "Staying and climbing: {:.1} years, probability {:.2}, lowest salary {}.\n",
            d.years_to_goal,
            d.probability,
            dollars(d.min_salary)
        )),
        None => s.push_str(&format!(
            "Staying and climbing: not reachable within {} years.\n",
            v.horizon_years
        )),
    }
    for c in &v.comparisons {
        s.push_str(&format!("{c}\n"));
    }
    for n in &v.notes {
        s.push_str(&format!("Note: {n}.\n"));
    }
    s
}

fn render_route(r: &RouteView) -> String {
    let mut s = format!(
        "  {:.1} years, probability {:.2}, lowest salary {}, earnings over {} years {}\n",
        r.years_to_goal,
        r.probability,
        dollars(r.min_salary),
        r.earnings_horizon_years,
        dollars(u32::try_from(r.earnings_over_horizon).unwrap_or(u32::MAX))
    );
    let mut t = 0.0;
    for m in &r.moves {
        t += m.years;
        s.push_str(&format!(
            "  year {t:>4.1}  {:<10} {} ({}) → {} ({}), {} a year, feasibility {:.2}\n",
            m.kind.replace('_', " "),
            m.from.title,
            m.from.level,
            m.to.title,
            m.to.level,
            dollars(m.salary),
            m.feasibility
        ));
    }
    s.push_str(&sketch(
        r,
        r.earnings_horizon_years
            .min(r.years_to_goal.max(1.0) * 1.25),
    ));
    s
}

/// The mountain path: grade over time, one column per quarter year.
fn sketch(r: &RouteView, horizon: f32) -> String {
    let Some(first) = r.moves.first() else {
        return String::new();
    };
    let per_year = if horizon <= 15.0 { 4.0 } else { 2.0 };
    let width = ((horizon.max(r.years_to_goal) * per_year).ceil() as usize + 1).clamp(8, 72);
    let mut grades = vec![first.from.grade];
    let mut times = vec![0.0f32];
    for m in &r.moves {
        times.push(times.last().copied().unwrap_or(0.0) + m.years);
        grades.push(m.to.grade);
    }
    let grade_at = |col: usize| {
        let t = col as f32 / per_year;
        let mut g = grades[0];
        for (i, &start) in times.iter().enumerate() {
            if t + 1e-6 >= start {
                g = grades[i];
            }
        }
        g
    };
    let hi = *grades.iter().max().unwrap_or(&1);
    let lo = *grades.iter().min().unwrap_or(&1);
    let mut out = String::new();
    for row in (lo..=hi).rev() {
        out.push_str(&format!("    grade {row:>2} |"));
        for col in 0..width {
            let g = grade_at(col);
            let prev = if col == 0 {
                grades[0]
            } else {
                grade_at(col - 1)
            };
            let ch = if g == row {
                match g.cmp(&prev) {
                    std::cmp::Ordering::Greater => '/',
                    std::cmp::Ordering::Less => '\\',
                    std::cmp::Ordering::Equal => '_',
                }
            } else if (prev.min(g)..=prev.max(g)).contains(&row) && prev != g {
                '|'
            } else {
                ' '
            };
            out.push(ch);
        }
        out.push('\n');
    }
    out.push_str(&format!("             +{}\n", "-".repeat(width)));
    let mut axis = String::from("              ");
    let mut col = 0;
    while col < width {
        let label = format!("{}y", (col as f32 / per_year).round() as u32);
        axis.push_str(&label);
        let step = (2.0 * per_year) as usize;
        axis.push_str(&" ".repeat(step.saturating_sub(label.len())));
        col += step;
    }
    out.push_str(axis.trim_end());
    out.push('\n');
    out
}

fn round(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}
