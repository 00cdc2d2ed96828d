//! `switchback occupation search` and `switchback occupation show`.

use switchback_app::Engine;
use switchback_app::Percentiles;
use switchback_app::occupation::{self, ShowView, years_label};

use crate::cli::{Format, SearchArgs, ShowArgs};
use crate::output::{self, Table, dollars};

/// How many skills and knowledge areas the text report lists.
const TEXT_TOP: usize = 10;
/// How many hot technologies the text report names.
const TEXT_TECHNOLOGIES: usize = 20;

pub fn search(engine: &Engine, args: &SearchArgs, format: Format) -> anyhow::Result<()> {
    let view = occupation::search(engine, &args.text, usize::from(args.limit))?;
    match format {
        Format::Json => output::json(&view),
        Format::Text => {
            let mut t = Table::new(&[false, false, true, false]);
            t.row(["code", "title", "score", "matched title"]);
            for h in &view.results {
                t.row([
                    h.code.clone(),
                    h.title.clone(),
                    format!("{:.2}", h.score),
                    h.matched_title.clone(),
                ]);
            }
            let mut s = format!("Occupations matching \"{}\"", view.query);
            if let Some(l) = view.seniority {
                s.push_str(&format!(" (seniority words suggest: {l})"));
            }
            s.push_str(":\n\n");
            s.push_str(&t.render(2));
            output::text(&s)
        }
    }
}

pub fn show(engine: &Engine, args: &ShowArgs, format: Format) -> anyhow::Result<()> {
    let view = occupation::show(engine, &args.role)?;
    match format {
        Format::Json => output::json(&view),
        Format::Text => output::text(&render_show(&view)),
    }
}

fn render_show(v: &ShowView) -> String {
    let mut s = format!("{}  {}\n", v.code, v.title);
    if let Some(m) = &v.matched_title {
        s.push_str(&format!("  (matched \"{m}\")\n"));
    }
    if let Some(l) = v.seniority {
        s.push_str(&format!(
            "  seniority words in the title suggest level: {l}\n"
        ));
    }
    s.push('\n');
    s.push_str(&wrap(&v.description, 78, 2));
    s.push('\n');

    let mut facts = Table::new(&[false, false]);
    facts.row([
        "SOC family".to_owned(),
        format!(
            "{} (broad group), {} (minor), {} (major)",
            v.soc.broad, v.soc.minor, v.soc.major
        ),
    ]);
    facts.row([
        "Track".to_owned(),
        if v.management {
            "management occupation".into()
        } else {
            "individual contributor occupation".to_string()
        },
    ]);
    facts.row([
        "Job zone".to_owned(),
        v.job_zone
            .as_ref()
            .map_or("not assigned in O*NET 29.3".into(), |z| z.name.clone()),
    ]);
    if let Some(e) = &v.education {
        facts.row([
            "Education".to_owned(),
            format!("typically {}", e.typical.to_lowercase()),
        ]);
    }
    if let Some(x) = &v.experience {
        facts.row([
            "Related experience".to_owned(),
            format!(
                "typically {} (mean {:.1} years)",
                years_label(x.typical_years),
                x.mean_years
            ),
        ]);
    }
    if let Some(i) = &v.interests {
        let top: Vec<String> = i
            .iter()
            .take(3)
            .map(|x| format!("{} {:.1}", x.name, x.score))
            .collect();
        facts.row(["Interests".to_owned(), format!("{} (of 7)", top.join(", "))]);
    }
    if let Some(y) = v.training.on_the_job_typical_years {
        facts.row([
            "On-the-job training".to_owned(),
            format!("typically {}", years_label(y)),
        ]);
    }
    s.push_str(&facts.render(2));
    s.push('\n');

    match &v.wages {
        Some(w) => {
            let mut t = Table::new(&[false, true, true, true, true, true]);
            t.row(["", "10%", "25%", "median", "75%", "90%"].map(String::from));
            t.row(percentile_row("annual", &w.annual, dollars));
            t.row(percentile_row("hourly", &w.hourly, |v| format!("${v:.2}")));
            let scope = if w.aggregate {
                format!(", aggregate {} {}", w.oews_code, w.oews_title)
            } else if !v.code.ends_with(".00") {
                // A specialisation O*NET splits out of a SOC code (clinical
                // research coordinators of natural sciences managers)
                // carries the whole code's wages.
                format!(", for all of {} {}", w.oews_code, w.oews_title)
            } else {
                String::new()
            };
            let emp = w
                .employment
                .map(|e| format!("; {} employed", dollars(e).trim_start_matches('$')))
                .unwrap_or_default();
            s.push_str(&format!(
                "Wages (BLS OEWS May 2025, national{scope}{emp})\n"
            ));
            s.push_str(&t.render(2));
        }
        None => s.push_str("Wages: no BLS OEWS estimate\n"),
    }
    s.push('\n');

    for (label, list) in [("Top skills", &v.skills), ("Top knowledge", &v.knowledge)] {
        if list.is_empty() {
            continue;
        }
        s.push_str(&format!("{label} (importance 1-5, level 0-7)\n"));
        let mut t = Table::new(&[false, true, true]);
        for r in list.iter().take(TEXT_TOP) {
            t.row([
                r.name.clone(),
                format!("{:.2}", r.importance),
                format!("{:.2}", r.level),
            ]);
        }
        s.push_str(&t.render(2));
        s.push('\n');
    }
    if !v.hot_technologies.is_empty() {
        // In-demand ones sort first; the JSON output carries the full list.
        let mut names: Vec<String> = v
            .hot_technologies
            .iter()
            .take(TEXT_TECHNOLOGIES)
            .map(|t| {
                if t.in_demand {
                    format!("{} (in demand)", t.name)
                } else {
                    t.name.clone()
                }
            })
            .collect();
        if v.hot_technologies.len() > TEXT_TECHNOLOGIES {
            names.push(format!(
                "and {} more (see --format json)",
                v.hot_technologies.len() - TEXT_TECHNOLOGIES
            ));
        }
        s.push_str(&format!(
            "Hot technologies ({} hot of {} technologies listed)\n",
            v.hot_technologies.len(),
            v.technology_count
        ));
        s.push_str(&wrap(&names.join(", "), 78, 2));
        s.push('\n');
    }
    if !v.data_gaps.is_empty() {
        s.push_str("Data gaps\n");
        for g in &v.data_gaps {
            s.push_str(&format!("  - {g}\n"));
        }
        s.push('\n');
    }
    s.push_str(&format!(
        "Sources: {}; {}.\n",
        v.sources.onet, v.sources.wages
    ));
    s
}

/// A label and the five points of a wage distribution ("n/a" where BLS
/// publishes none).
fn percentile_row<T: Copy>(
    label: &str,
    p: &Percentiles<T>,
    show: impl Fn(T) -> String,
) -> [String; 6] {
    let cell = |x: Option<T>| x.map_or("n/a".to_owned(), &show);
    [
        label.to_owned(),
        cell(p.p10),
        cell(p.p25),
        cell(p.median),
        cell(p.p75),
        cell(p.p90),
    ]
}

/// Wraps text at `width` columns, indenting every line.
fn wrap(text: &str, width: usize, indent: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent + line.len() + 1 + word.len() > width {
            out.push_str(&" ".repeat(indent));
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&" ".repeat(indent));
        out.push_str(&line);
        out.push('\n');
    }
    out
}
