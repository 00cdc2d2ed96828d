//! `switchback route`.

use switchback_app::Engine;
use switchback_app::routes::{self, LONG_SHOT_BELOW, RouteView, RoutesView};

use crate::cli::{Format, RouteArgs};
use crate::output::{self, dollars, level_words, pay_fall, probability, wage_note, years_to_goal};

pub fn route(engine: &Engine, args: &RouteArgs, format: Format) -> anyhow::Result<()> {
    let profile = engine.profile_file(&args.profile)?;
    let view = routes::routes(engine, &profile, usize::from(args.max_moves)).map_err(|e| {
        // The file names the profile, as its other errors do:
        // "p.toml: goal: the [goal] table is missing…".
        match e {
            switchback_app::AppError::Invalid { field, message } if field == "goal" => {
                anyhow::anyhow!("{}: goal: {message}", args.profile.display())
            }
            e => e.into(),
        }
    })?;
    match format {
        Format::Json => output::json(&view),
        Format::Text => output::text(&render(&view)),
    }
}

fn render(v: &RoutesView) -> String {
    let mut s = format!(
        "From {} ({}, grade {}) to {} ({}, grade {}) within {} years\n",
        v.start.title,
        level_words(v.start.level),
        v.start.grade,
        v.goal.title,
        level_words(v.goal.level),
        v.goal.grade,
        v.horizon_years
    );
    // How the typed roles were read, as `advise` says it: a misspelt goal
    // ("Polise Sargent") is not taken silently.
    for (whose, read) in [
        ("your role", &v.start_role_read),
        ("the goal", &v.goal_role_read),
    ] {
        if let Some(r) = read {
            s.push_str(&format!("  ({whose}: {})\n", r.words));
        }
    }
    s.push('\n');
    if v.routes.is_empty() {
        s.push_str(&format!("No route within {} years", v.horizon_years));
        match &v.nearest {
            Some(n) => s.push_str(&format!(
                "; the nearest takes {:.1} years:\n\n{}",
                n.years_to_goal,
                render_route(n)
            )),
            None => s.push_str(", and none within three horizons either.\n"),
        }
        push_notes(&mut s, &v.notes);
        return s;
    }
    let shown = routes::shown(&v.routes);
    if shown.len() < v.routes.len() {
        s.push_str(&format!(
            "{} of {} Pareto-optimal routes — the likeliest, leaving out those slower and less likely than another unless they spare a pay cut — numbered fastest first as in --format json:\n\n",
            shown.len(),
            v.routes.len()
        ));
    }
    for &i in &shown {
        let r = &v.routes[i];
        s.push_str(&format!(
            "Route {}{}\n{}\n",
            i + 1,
            if r.switchback { " — switchback" } else { "" },
            render_route(r)
        ));
    }
    if let Some(rest) = hidden(&v.routes, &shown) {
        s.push_str(&rest);
    }
    let direct = switchback_app::text::capitalise(v.direct_name);
    match &v.direct {
        Some(d) => s.push_str(&format!(
            "{direct} (in your own function, no step down): {:.1} years, probability {}, lowest salary {}.\n",
            d.years_to_goal,
            probability(d.probability),
            dollars(d.min_salary)
        )),
        None => s.push_str(&format!(
            "{direct} (in your own function, no step down): not reachable within {} years.\n",
            v.horizon_years
        )),
    }
    for c in &v.comparisons {
        s.push_str(&format!("{c}\n"));
    }
    push_notes(&mut s, &v.notes);
    s
}

/// The routes not shown, counted by why: "… and 9 more Pareto-optimal
/// routes (see --format json): 7 slower and less likely than another …".
fn hidden(routes: &[RouteView], shown: &[usize]) -> Option<String> {
    let rest: Vec<usize> = (0..routes.len()).filter(|i| !shown.contains(i)).collect();
    if rest.is_empty() {
        return None;
    }
    let outpaced = rest
        .iter()
        .filter(|&&i| routes::outpaces_any(routes, i))
        .count();
    let long_shots = rest
        .iter()
        .filter(|&&i| !routes::outpaces_any(routes, i) && routes[i].probability < LONG_SHOT_BELOW)
        .count();
    let less_likely = rest.len() - outpaced - long_shots;
    let parts: Vec<String> = [
        (
            outpaced,
            "slower and less likely than another, kept for their pay on the way or fewer moves"
                .to_owned(),
        ),
        (long_shots, format!("long shots under {LONG_SHOT_BELOW:.2}")),
        (less_likely, "less likely".to_owned()),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, why)| format!("{n} {why}"))
    .collect();
    Some(format!(
        "… and {} more Pareto-optimal {} (see --format json): {}\n\n",
        rest.len(),
        if rest.len() == 1 { "route" } else { "routes" },
        parts.join("; ")
    ))
}

fn push_notes(s: &mut String, notes: &[String]) {
    for n in notes {
        // Notes are sentences; some end on their own full stop.
        let stop = if n.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        s.push_str(&format!("Note: {n}{stop}\n"));
    }
}

fn render_route(r: &RouteView) -> String {
    let mut s = format!(
        "  {}, probability {} (every move landed), lowest salary {}, earnings over {} years {}\n",
        years_to_goal(r.years_to_goal),
        probability(r.probability),
        dollars(r.min_salary),
        r.earnings_horizon_years,
        dollars(u32::try_from(r.earnings_over_horizon).unwrap_or(u32::MAX))
    );
    let mut t = 0.0;
    for m in &r.moves {
        t += m.years;
        s.push_str(&format!(
            "  year {t:>4.1}  {:<10} {} ({}) → {} ({}), {} a year{}{}, landing {}{}, success {}\n",
            format!(
                "{}{}",
                m.kind.replace('_', " "),
                if m.kind_by_pay { " (by pay)" } else { "" }
            ),
            m.from.title,
            level_words(m.from.level),
            m.to.title,
            level_words(m.to.level),
            dollars(m.salary),
            wage_note(m.salary_percentile, m.salary_of_group.as_deref()),
            pay_fall(m.pay_change),
            probability(m.landing),
            match m.entry {
                "offer" => " (the offer you hold)",
                "rehired" => " (hired again into the post you held)",
                _ => "",
            },
            probability(m.success)
        ));
        if let (true, Some(degree)) = (m.study_years > 0.0, &m.study_for) {
            s.push_str(&format!(
                "             first {:.1} years of study, {} (it asks: {})\n",
                m.study_years,
                if m.study_full_time {
                    "full-time and unpaid"
                } else {
                    "alongside the work"
                },
                degree
            ));
        }
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
