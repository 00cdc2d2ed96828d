//! A plan as a Markdown document: to read in a terminal, print, or paste
//! into a wiki or an email to the new manager and HR business partner.

use std::fmt::Write;

use switchback_core::development::status::PlanStatus;
use switchback_core::development::{Audience, Gap, PlanPosition};
use switchback_core::text::capitalise;
use switchback_store::StoredPlan;

fn position(p: &PlanPosition) -> String {
    format!("{} ({}, {})", p.title, p.level.words(), p.code)
}

/// Text a person or an organisation wrote (notes, option ids, file
/// names, learning titles), made inert: Markdown renderers pass HTML
/// through, so `<`, `>` and `&` become entities — a note is shown, never
/// run.
fn plain(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// [`plain`] text that also cannot break a table cell.
fn cell(text: &str) -> String {
    plain(text).replace('|', "\\|").replace('\n', " ")
}

/// The whole document.
pub fn render(stored: &StoredPlan, status: &PlanStatus) -> String {
    let p = &stored.plan;
    let mut s = String::new();
    // `write!` to a String cannot fail; the results are ignored below.
    let _ = writeln!(
        s,
        "# Development plan {}: {}\n",
        stored.id,
        position(&p.new_position)
    );
    let _ = writeln!(s, "- **From:** {}", position(&p.current));
    let _ = writeln!(
        s,
        "- **Option:** {} — verdict {}",
        plain(&p.option_id),
        p.verdict.name().replace('_', " ")
    );
    if !p.circumstances.is_empty() {
        let c: Vec<String> = p
            .circumstances
            .iter()
            .map(|c| c.name().replace('_', " "))
            .collect();
        let _ = writeln!(s, "- **Serves:** {}", c.join(", "));
    }
    let _ = writeln!(s, "- **Next position:** {}", position(&p.next_position));
    match &p.goal {
        Some(g) => {
            let _ = writeln!(s, "- **Goal:** {}", position(g));
        }
        None => {
            let _ = writeln!(s, "- **Goal:** none given");
        }
    }
    if !p.route.is_empty() {
        let stops: Vec<String> = p
            .route
            .iter()
            .map(|r| format!("{} ({})", r.title, r.level.words()))
            .collect();
        let _ = writeln!(s, "- **Onward route:** {}", stops.join(" → "));
    }
    let _ = writeln!(
        s,
        "- **Likelihood of success in the role:** {:.0}%",
        p.success * 100.0
    );
    let _ = writeln!(
        s,
        "- **Made from:** {} on {} · data: {}",
        plain(&stored.profile),
        stored.created_at,
        p.sources
    );

    let _ = writeln!(
        s,
        "\n## Status: {} (as of {})\n\n{}.",
        status.standing.name(),
        status.as_of,
        capitalise(&status.reason)
    );
    if let Some(d) = status.next_checkin_due {
        let _ = writeln!(s, "Next check-in due {d}.");
    }

    let _ = writeln!(
        s,
        "\n## 1. Development elements to agree with your manager\n"
    );
    if p.elements.is_empty() {
        let _ = writeln!(
            s,
            "No important gap to the next position: the plan is to consolidate and show it."
        );
    }
    for e in &p.elements {
        let what = match &e.gap {
            Gap::Element {
                onet_id,
                domain,
                importance,
                self_assessed,
                ..
            } => format!(
                "{domain} `{onet_id}`, importance {importance:.1}/5{}",
                if *self_assessed {
                    ", your level self-assessed"
                } else {
                    ""
                }
            ),
            Gap::Technology {
                category,
                in_demand,
                ..
            } => format!(
                "technology ({category}){}",
                if *in_demand {
                    ", employers ask for it"
                } else {
                    ""
                }
            ),
        };
        let _ = writeln!(
            s,
            "{}. **{}** — {} ({what}); {}\n   {}",
            e.number,
            e.gap.name(),
            e.gap.levels(),
            e.closed_by(),
            e.how
        );
        for l in &e.learning {
            let a = &l.activity;
            let mut extra = Vec::new();
            if let Some(p) = &a.provider {
                extra.push(plain(p));
            }
            if let Some(h) = a.hours {
                extra.push(format!("{h} h"));
            }
            if let Some(u) = &a.url {
                extra.push(plain(u));
            }
            extra.push(l.source.words().to_owned());
            let _ = writeln!(
                s,
                "   - {}: {} ({})",
                a.kind.name().replace('_', " "),
                plain(&a.title),
                extra.join(", ")
            );
        }
    }

    let _ = writeln!(s, "\n## 2. Measurable objectives and benchmarks\n");
    if p.objectives.is_empty() {
        let _ = writeln!(
            s,
            "None from the data: agree with your manager what doing the role well looks like, and check in on that."
        );
    } else {
        let _ = writeln!(
            s,
            "| # | objective | metric | baseline → target | due | progress |"
        );
        let _ = writeln!(s, "|---|---|---|---|---|---|");
    }
    for (o, st) in p.objectives.iter().zip(&status.objectives) {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} → {} | {} | {}% ({}) |",
            o.number,
            cell(&o.title),
            cell(&o.metric),
            cell(&o.baseline),
            cell(&o.target),
            o.due,
            st.progress,
            st.standing.name()
        );
    }
    for o in &p.objectives {
        let _ = writeln!(
            s,
            "\n**Objective {}** ({} element {}). {}",
            o.number,
            match p.elements.iter().find(|e| e.number == o.element) {
                Some(e) if e.gap.to_show() => "shows",
                _ => "closes",
            },
            o.element,
            o.serves_goal
        );
        for b in &o.benchmarks {
            let _ = writeln!(s, "- by {}: {}% — {}", b.by, b.progress, b.description);
        }
        let _ = writeln!(s, "- evidence: {}", o.evidence);
        if let Some(d) = &o.department_goal {
            let _ = writeln!(
                s,
                "- department goal {} ({}): {}",
                plain(&d.id),
                plain(&d.description),
                plain(&d.why)
            );
        }
    }

    let t = &p.tenure;
    let _ = writeln!(s, "\n## 3. Tenure to negotiate\n");
    let _ = writeln!(
        s,
        "Start {}; the onward move between **{}** and **{}**. {}\n",
        t.start, t.earliest_move, t.latest_move, t.basis
    );
    let _ = writeln!(
        s,
        "## 4. Reviews, HR business partner checkpoints and learning\n"
    );
    for m in &t.milestones {
        let _ = writeln!(s, "- **{}** — {} ({})", m.date, m.title, m.kind.words());
        for a in &m.agenda {
            let _ = writeln!(s, "  - {a}");
        }
    }
    if let (Some(first), Some(last)) = (t.checkins_due.first(), t.checkins_due.last()) {
        let _ = writeln!(
            s,
            "- Monthly check-ins ({} in all), {first} to {last}: `switchback plan checkin {} --objective N --progress P`.",
            t.checkins_due.len(),
            stored.id
        );
    }

    let _ = writeln!(s, "\n## 5. Talking points\n");
    for (audience, heading) in [
        (Audience::Manager, "With your new manager"),
        (Audience::Team, "With your new team"),
    ] {
        let _ = writeln!(s, "{heading}:\n");
        for tp in p.talking_points.iter().filter(|tp| tp.audience == audience) {
            let _ = writeln!(s, "- {}", tp.text);
        }
        s.push('\n');
    }

    if !stored.checkins.is_empty() {
        let _ = writeln!(s, "## Check-ins\n");
        let _ = writeln!(s, "| date | objective | progress | by | note |");
        let _ = writeln!(s, "|---|---|---|---|---|");
        for c in &stored.checkins {
            let _ = writeln!(
                s,
                "| {} | {} | {}% | {} | {} |",
                c.checkin.date,
                c.checkin.objective,
                c.checkin.progress.get(),
                match &c.account {
                    Some(a) => format!("{} ({})", c.checkin.by.name(), cell(a)),
                    None => c.checkin.by.name().to_owned(),
                },
                cell(c.checkin.note.as_deref().unwrap_or(""))
            );
        }
    }
    s
}
