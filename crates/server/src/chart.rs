//! The route chart: level (grade, up) over years (across) for each route,
//! as SVG drawn on the server — the switchbacks in one colour and style,
//! the direct climb in another, every stop labelled with its occupation,
//! level and salary (each marker's title adds the probability of the move
//! into it). A `<title>` and `<desc>` say the same for screen readers; the
//! stylesheet draws switchbacks dotted, the direct climb dashed and other
//! routes solid, so the routes differ in print and without colour too.

use std::fmt::Write;
use switchback_app::text::escape_markup as esc;

use switchback_app::routes::{RouteView, RoutesView};
use switchback_app::text::{dollars, probability};

const WIDTH: f32 = 880.0;
const HEIGHT: f32 = 420.0;
const LEFT: f32 = 70.0;
const RIGHT: f32 = 200.0;
const TOP: f32 = 30.0;
const BOTTOM: f32 = 50.0;

/// Which routes to draw: the Pareto routes the text shows too (the six
/// likeliest, [`switchback_app::routes::shown`]), and the direct climb when
/// it is not among them; with none, the nearest route.
fn drawn(v: &RoutesView) -> Vec<(&RouteView, &'static str)> {
    let mut out: Vec<(&RouteView, &'static str)> = switchback_app::routes::shown(&v.routes)
        .into_iter()
        .map(|i| &v.routes[i])
        .map(|r| (r, if r.switchback { "switchback" } else { "climb" }))
        .collect();
    if let Some(d) = &v.direct
        && !out.iter().any(|(r, _)| same(r, d))
    {
        out.push((d, "direct"));
    }
    for (r, class) in &mut out {
        if v.direct.as_ref().is_some_and(|d| same(r, d)) {
            *class = "direct";
        }
    }
    if out.is_empty()
        && let Some(n) = &v.nearest
    {
        out.push((n, "nearest"));
    }
    out
}

fn same(a: &RouteView, b: &RouteView) -> bool {
    a.moves.len() == b.moves.len()
        && a.moves
            .iter()
            .zip(&b.moves)
            .all(|(x, y)| x.to.code == y.to.code && x.to.grade == y.to.grade)
        && (a.years_to_goal - b.years_to_goal).abs() < 0.01
}

/// The chart for a route plan.
pub fn routes_svg(v: &RoutesView) -> String {
    let routes = drawn(v);
    let years = routes
        .iter()
        .map(|(r, _)| r.years_to_goal)
        .fold(v.horizon_years, f32::max)
        .max(1.0)
        .ceil();
    let (lo, hi) = (1u8, 10u8);
    let x = |t: f32| LEFT + (WIDTH - LEFT - RIGHT) * t / years;
    let y = |g: u8| TOP + (HEIGHT - TOP - BOTTOM) * f32::from(hi - g) / f32::from(hi - lo);
    let mut s = String::new();
    let desc = describe(v, &routes);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" class="route-chart"><title id="chart-title">Routes from {} ({}) to {} ({}) within {} years</title><desc id="chart-desc">{}</desc>"#,
        esc(&v.start.title),
        v.start.level,
        esc(&v.goal.title),
        v.goal.level,
        v.horizon_years,
        esc(&desc)
    );
    // Axes and grid.
    for g in lo..=hi {
        let _ = write!(
            s,
            r#"<line class="grid" x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="axis" x="{}" y="{:.1}" text-anchor="end">grade {g}</text>"#,
            WIDTH - RIGHT,
            LEFT - 8.0,
            y(g) + 4.0,
            y = y(g)
        );
    }
    let step = if years > 12.0 { 2 } else { 1 };
    for t in (0..=years as u32).step_by(step) {
        let _ = write!(
            s,
            r#"<text class="axis" x="{:.1}" y="{}" text-anchor="middle">{t}y</text>"#,
            x(t as f32),
            HEIGHT - BOTTOM + 20.0
        );
    }
    let _ = write!(
        s,
        r#"<line class="horizon" x1="{h:.1}" x2="{h:.1}" y1="{TOP}" y2="{}"/><text class="axis" x="{h:.1}" y="{}" text-anchor="middle">horizon</text>"#,
        HEIGHT - BOTTOM,
        TOP - 10.0,
        h = x(v.horizon_years)
    );
    // A stop several routes share is labelled once.
    let mut labelled = std::collections::HashSet::new();
    for (i, (r, class)) in routes.iter().enumerate() {
        draw_route(&mut s, r, class, i, &x, &y, &mut labelled);
    }
    s.push_str("</svg>");
    s
}

fn draw_route(
    s: &mut String,
    r: &RouteView,
    class: &str,
    i: usize,
    x: &impl Fn(f32) -> f32,
    y: &impl Fn(u8) -> f32,
    labelled: &mut std::collections::HashSet<(i32, u8)>,
) {
    let Some(first) = r.moves.first() else { return };
    let mut t = 0.0;
    let mut points = vec![(x(0.0), y(first.from.grade))];
    for m in &r.moves {
        t += m.years;
        let (px, _) = points[points.len() - 1];
        let _ = px;
        points.push((x(t), y(m.from.grade)));
        points.push((x(t), y(m.to.grade)));
    }
    let end = x(t.max(r.years_to_goal));
    points.push((end + 12.0, y(r.moves[r.moves.len() - 1].to.grade)));
    // Routes that share a grade are offset a little so each stays visible.
    let offset = i as f32 * 2.5;
    let path: Vec<String> = points
        .iter()
        .map(|(a, b)| format!("{a:.1},{:.1}", b + offset))
        .collect();
    let _ = write!(
        s,
        r#"<g class="route {class}" data-route="{}"><title>{}</title><polyline points="{}"/>"#,
        i + 1,
        esc(&route_words(r, class)),
        path.join(" ")
    );
    let mut t = 0.0;
    for m in &r.moves {
        t += m.years;
        let (cx, cy) = (x(t), y(m.to.grade) + offset);
        let full = format!(
            "{} ({}), {} a year{}{}; landing {}, success {}",
            m.to.title,
            m.to.level,
            dollars(m.salary),
            switchback_app::text::wage_note(m.salary_percentile, m.salary_of_group.as_deref()),
            switchback_app::text::pay_fall(m.pay_change),
            probability(m.landing),
            probability(m.success)
        );
        let _ = write!(
            s,
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="4"><title>{}</title></circle>"#,
            esc(&full)
        );
        // One visible label per place on the chart (stops close in time
        // and at one grade share it); the full figures are in each
        // marker's title and in the table under the chart.
        let label = format!(
            "{} ({}) · {}",
            short(&m.to.title),
            m.to.level,
            dollars(m.salary)
        );
        if labelled.insert(((cx / 60.0).round() as i32, m.to.grade)) {
            let _ = write!(
                s,
                r#"<text class="stop" x="{:.1}" y="{:.1}">{}</text>"#,
                cx + 6.0,
                y(m.to.grade) - 8.0,
                esc(&label)
            );
        }
    }
    s.push_str("</g>");
}

fn short(title: &str) -> String {
    let t = title.split(',').next().unwrap_or(title);
    if t.chars().count() > 28 {
        t.chars().take(27).collect::<String>() + "…"
    } else {
        t.to_owned()
    }
}

fn route_words(r: &RouteView, class: &str) -> String {
    let kind = match class {
        "switchback" => "Switchback",
        "direct" => "Direct climb",
        "nearest" => "Nearest route (beyond the horizon)",
        _ => "Route",
    };
    let stops: Vec<String> = r
        .moves
        .iter()
        .map(|m| format!("{} ({}) after {:.1} years", m.to.title, m.to.level, m.years))
        .collect();
    format!(
        "{kind}: {}; {:.1} years to the goal, probability {}, lowest salary {}",
        stops.join(", then "),
        r.years_to_goal,
        probability(r.probability),
        dollars(r.min_salary)
    )
}

fn describe(v: &RoutesView, routes: &[(&RouteView, &str)]) -> String {
    if routes.is_empty() {
        return format!(
            "No route reaches the goal within {} years.",
            v.horizon_years
        );
    }
    routes
        .iter()
        .enumerate()
        .map(|(i, (r, class))| format!("{}. {}.", i + 1, route_words(r, class)))
        .collect::<Vec<_>>()
        .join(" ")
}
