//! `switchback move` and `switchback transitions`.

use switchback_app::Engine;
use switchback_app::PositionView;
use switchback_app::advice::RoleReadView;
use switchback_app::moves::{self, ClassifyView, ExplanationView, MoveRequest};
use switchback_app::text::probability;
use switchback_app::{Level, PayBasis};

use crate::cli::{Format, MoveArgs, TransitionsArgs};
use crate::output::{self, Table, dollars, level_words};

pub fn classify(engine: &Engine, args: &MoveArgs, format: Format) -> anyhow::Result<()> {
    let level = |l: Option<Level>| l.map(|l| l.name().to_owned());
    let view = moves::classify(
        engine,
        &MoveRequest {
            from: args.from.clone(),
            to: args.to.clone(),
            from_level: level(args.from_level),
            to_level: level(args.to_level),
            from_industry: args.from_industry.clone(),
            to_industry: args.to_industry.clone(),
            from_department: args.from_department.clone(),
            to_department: args.to_department.clone(),
            from_salary: args.from_salary,
            to_salary: args.to_salary,
            limit: usize::from(args.limit),
        },
    )?;
    match format {
        Format::Json => output::json(&view),
        Format::Text => output::text(&render_classify(&view)),
    }
}

fn render_classify(v: &ClassifyView) -> String {
    let pos = |p: &PositionView| {
        let mut s = format!(
            "{} ({}) at {} (grade {}), {} track",
            p.title,
            p.code,
            level_words(p.level),
            p.grade,
            p.track
        );
        if let Some(i) = &p.industry {
            s.push_str(&format!(", {i} industry"));
        }
        if let Some(d) = &p.department {
            s.push_str(&format!(", {d} department"));
        }
        s
    };
    let read = |r: &Option<RoleReadView>| {
        r.as_ref()
            .map_or(String::new(), |r| format!("\n      ({})", r.words))
    };
    let mut s = format!(
        "From  {}{}\nTo    {}{}\n\n",
        pos(&v.from),
        read(&v.from_read),
        pos(&v.to),
        read(&v.to_read)
    );
    let changes = if v.movement.changes.is_empty() {
        "nothing else".to_owned()
    } else {
        v.movement.changes.join(", ")
    };
    s.push_str(&format!(
        "Move: {} ({:+} grade{}{}), changes {changes}\n",
        v.movement.kind.replace('_', " "),
        v.movement.level_delta,
        if v.movement.level_delta.abs() == 1 {
            ""
        } else {
            "s"
        },
        switchback_app::text::kind_basis(v.movement.kind_by_pay)
    ));
    if let Some(r) = v.pay_ratio {
        let basis = match v.pay_basis {
            PayBasis::Salaries => "from the salaries given".to_owned(),
            PayBasis::Wages => {
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
                let groups: Vec<String> = [&v.from, &v.to]
                    .iter()
                    .filter(|p| p.salary.is_none())
                    .filter_map(|p| {
                        let g = p.estimated_salary_of_group.as_deref()?;
                        Some(format!("for {}, those of all {g}", p.title))
                    })
                    .collect();
                let groups = if groups.is_empty() {
                    String::new()
                } else {
                    format!("; {}", groups.join("; "))
                };
                format!("{f} → {t}, OEWS May 2025 wages at each level{groups}")
            }
        };
        s.push_str(&format!("Pay: {:.0}% of current ({basis})\n", r * 100.0));
    }
    s.push_str(&format!(
        "Feasibility: {:.2} of 1 — how far the work transfers (O*NET data)\n",
        v.feasibility
    ));
    s.push_str(&format!(
        "Landing: {} — the chance of getting the position, for someone with the typical experience and education of {}\n",
        probability(v.landing),
        v.from.title
    ));
    if let Some(e) = v.education.as_ref().filter(|e| e.factor < 1.0) {
        s.push_str(&format!("  ×{:.2} for education: {}\n", e.factor, e.text));
    }
    s.push_str(&format!(
        "Success: {} — the chance of doing well there, for someone with the typical skills of {}\n\n",
        probability(v.success),
        v.from.title
    ));
    s.push_str(&render_explanation(&v.explanation));
    s
}

fn render_explanation(e: &ExplanationView) -> String {
    let mut s = String::from("Facets that decide feasibility (value, weight)\n");
    let mut t = Table::new(&[false, true, true]);
    for f in e.facets.iter().filter(|f| f.weight > 0.0) {
        t.row([
            f.name.replace('_', " "),
            f.value.map_or("no data".into(), |v| format!("{v:.2}")),
            format!("{}", f.weight),
        ]);
    }
    s.push_str(&t.render(2));
    let unweighted: Vec<String> = e
        .facets
        .iter()
        .filter(|f| f.weight <= 0.0)
        .map(|f| f.name.replace('_', " "))
        .collect();
    if !unweighted.is_empty() {
        s.push_str(&format!(
            "  Measured but given no weight by the fitted model: {}.\n",
            unweighted.join(", ")
        ));
    }
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
            "\nTechnologies employers ask for there, which your occupation does not use: {}\n",
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

pub fn transitions(engine: &Engine, args: &TransitionsArgs, format: Format) -> anyhow::Result<()> {
    let view = moves::transitions(engine, &args.role, usize::from(args.limit))?;
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
            if let Some(r) = &view.role_read {
                s.insert_str(s.len() - 1, &format!("({})\n", r.words));
            }
            let mut t = Table::new(&[true, false, false, true, true, true, true, false]);
            t.row(
                [
                    "#", "code", "title", "feas.", "land.", "succ.", "zone", "median",
                ]
                .map(String::from),
            );
            for (i, d) in view.destinations.iter().enumerate() {
                t.row([
                    (i + 1).to_string(),
                    d.code.clone(),
                    d.title.clone(),
                    format!("{:.2}", d.feasibility),
                    probability(d.landing),
                    probability(d.success),
                    d.job_zone.map_or("-".into(), |z| z.to_string()),
                    d.median_wage.map_or("n/a".into(), dollars),
                ]);
            }
            s.push_str(&t.render(2));
            s.push_str("\nfeas.: how far the work transfers; land.: the chance of getting a position there at its typical level; succ.: the chance of doing well there — for someone at the origin's typical level, experience, education and skills (`move` explains one pair).\n");
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
