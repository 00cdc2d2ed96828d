//! `switchback advise`.

use switchback_app::Engine;
use switchback_app::advice::{self, AdviceView};

use crate::cli::{AdviseArgs, Format};
use crate::output::{self, dollars, level_words};

pub fn advise(engine: &Engine, args: &AdviseArgs, format: Format) -> anyhow::Result<()> {
    let profile = engine.profile_file(&args.profile)?;
    let view = advice::advise(engine, &profile)?;
    match format {
        Format::Json => output::json(&view),
        Format::Text => output::text(&render(&view)),
    }
}

fn render(v: &AdviceView) -> String {
    let c = &v.current;
    let mut s = format!(
        "You: {} ({}, grade {})",
        c.title,
        level_words(c.level),
        c.grade
    );
    if let Some(pay) = c.salary {
        s.push_str(&format!(", {}", dollars(pay)));
    }
    if let Some(read) = &v.current_role_read {
        s.push_str(&format!(" — {}", read.words));
    }
    s.push('\n');
    if let Some(note) = &v.current_ratings_note {
        s.push_str(&format!("  ({note})\n"));
    }
    match &v.goal {
        Some(g) => s.push_str(&format!(
            "Goal: {} ({}, grade {}) within {} years{}\n",
            g.stop.title,
            level_words(g.stop.level),
            g.stop.grade,
            g.horizon_years,
            g.role_read
                .as_ref()
                .map_or(String::new(), |r| format!(" — {}", r.words))
        )),
        None => s.push_str("Goal: none given\n"),
    }
    if let Some(why) = &v.no_proposals {
        s.push_str(&format!("\n{}\n", why.text));
    }
    if v.options.first().is_some_and(|o| o.proposed) {
        s.push_str("\nYou listed no options; these are proposals: the first moves of the best routes to your goal.\n");
    }
    for (i, o) in v.options.iter().enumerate() {
        let verdict = o.verdict.replace('_', " ").to_uppercase();
        s.push_str(&format!(
            "\n{}. {} — {verdict}\n   {} ({}, grade {}): {} ({:+}{}), changes {}\n",
            i + 1,
            o.id,
            o.position.title,
            level_words(o.position.level),
            o.position.grade,
            o.movement.kind.replace('_', " "),
            o.movement.level_delta,
            switchback_app::text::kind_basis(o.movement.kind_by_pay),
            if o.movement.changes.is_empty() {
                "nothing else".to_owned()
            } else {
                o.movement.changes.join(", ")
            }
        ));
        if let Some(read) = &o.role_read {
            s.push_str(&format!("   ({})\n", read.words));
        }
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
