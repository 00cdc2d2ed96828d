//! `switchback occupation search` and `switchback occupation show`.

use serde::Serialize;
use switchback_core::catalog::{
    Distribution, EDUCATION_LEVELS, EXPERIENCE_YEARS, INTERESTS, Percentiles, Rating,
    TRAINING_YEARS,
};
use switchback_core::{Catalog, Occupation, OccupationId};

use crate::cli::{Format, SearchArgs, ShowArgs};
use crate::output::{self, Table, dollars};

/// How many skills and knowledge areas the text report lists.
const TEXT_TOP: usize = 10;
/// How many hot technologies the text report names.
const TEXT_TECHNOLOGIES: usize = 20;

#[derive(Serialize)]
struct SearchView {
    query: String,
    seniority: Option<&'static str>,
    results: Vec<SearchHit>,
}

#[derive(Serialize)]
struct SearchHit {
    code: String,
    title: String,
    score: f32,
    matched_title: String,
    job_zone: Option<u8>,
}

pub fn search(catalog: &Catalog, args: &SearchArgs, format: Format) -> anyhow::Result<()> {
    let hits = catalog.search(&args.text, usize::from(args.limit));
    if hits.is_empty() {
        // Same message, with closest titles, as an unknown role elsewhere.
        catalog.resolve(&args.text)?;
    }
    let view = SearchView {
        query: args.text.clone(),
        seniority: switchback_core::Level::hint_from_title(&args.text).map(|l| l.name()),
        results: hits
            .iter()
            .map(|m| {
                let o = catalog.occupation(m.occupation);
                SearchHit {
                    code: o.code.to_string(),
                    title: o.title.clone(),
                    score: round(m.score, 3),
                    matched_title: catalog.title_text(m.occupation, m.matched).to_owned(),
                    job_zone: o.job_zone.map(|z| z.get()),
                }
            })
            .collect(),
    };
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

#[derive(Serialize)]
struct ShowView {
    code: String,
    title: String,
    description: String,
    matched_title: Option<String>,
    seniority: Option<&'static str>,
    soc: SocView,
    management: bool,
    job_zone: Option<JobZoneView>,
    wages: Option<WagesView>,
    education: Option<EducationView>,
    experience: Option<ExperienceView>,
    training: TrainingView,
    skills: Vec<RatingView>,
    knowledge: Vec<RatingView>,
    work_styles: Vec<StyleView>,
    interests: Option<Vec<InterestView>>,
    hot_technologies: Vec<TechView>,
    technology_count: usize,
    alternate_titles: Vec<String>,
    data_gaps: Vec<String>,
    sources: SourcesView,
}

#[derive(Serialize)]
struct SocView {
    detailed: String,
    broad: String,
    minor: String,
    major: String,
}

#[derive(Serialize)]
struct JobZoneView {
    zone: u8,
    name: String,
    experience: String,
}

#[derive(Serialize)]
struct WagesView {
    oews_code: String,
    oews_title: String,
    aggregate: bool,
    employment: Option<u32>,
    annual: Percentiles<u32>,
    hourly: Percentiles<f32>,
}

#[derive(Serialize)]
struct CategoryShare {
    category: u8,
    label: String,
    percent: f32,
}

#[derive(Serialize)]
struct EducationView {
    typical: String,
    typical_category: u8,
    distribution: Vec<CategoryShare>,
}

#[derive(Serialize)]
struct ExperienceView {
    typical_years: f32,
    mean_years: f32,
    distribution: Vec<CategoryShare>,
}

#[derive(Serialize)]
struct TrainingView {
    on_site_typical_years: Option<f32>,
    on_the_job_typical_years: Option<f32>,
}

#[derive(Serialize)]
struct RatingView {
    id: String,
    name: String,
    importance: f32,
    level: f32,
}

#[derive(Serialize)]
struct StyleView {
    id: String,
    name: String,
    importance: f32,
}

#[derive(Serialize)]
struct InterestView {
    name: &'static str,
    score: f32,
}

#[derive(Serialize)]
struct TechView {
    name: String,
    commodity: String,
    in_demand: bool,
}

#[derive(Serialize)]
struct SourcesView {
    onet: String,
    wages: String,
}

pub fn show(catalog: &Catalog, args: &ShowArgs, format: Format) -> anyhow::Result<()> {
    let r = catalog.resolve(&args.role)?;
    let o = catalog.occupation(r.occupation);
    let matched = catalog.title_text(r.occupation, r.best.matched);
    let view = show_view(
        catalog,
        r.occupation,
        (matched != o.title).then(|| matched.to_owned()),
        r.seniority.map(|l| l.name()),
    );
    match format {
        Format::Json => output::json(&view),
        Format::Text => output::text(&render_show(&view)),
    }
}

fn show_view(
    catalog: &Catalog,
    id: OccupationId,
    matched_title: Option<String>,
    seniority: Option<&'static str>,
) -> ShowView {
    let o = catalog.occupation(id);
    let soc = o.soc();
    let ratings = |rs: &[Rating]| -> Vec<RatingView> {
        let mut v: Vec<&Rating> = rs.iter().collect();
        v.sort_by(|a, b| {
            b.importance
                .total_cmp(&a.importance)
                .then(b.level.total_cmp(&a.level))
        });
        v.into_iter()
            .map(|r| {
                let e = catalog.element(r.element);
                RatingView {
                    id: e.onet_id.clone(),
                    name: catalog.element_label(r.element),
                    importance: r.importance,
                    level: r.level,
                }
            })
            .collect()
    };
    let mut styles: Vec<StyleView> = o
        .work_styles
        .iter()
        .map(|s| {
            let e = catalog.element(s.element);
            StyleView {
                id: e.onet_id.clone(),
                name: e.name.clone(),
                importance: s.importance,
            }
        })
        .collect();
    styles.sort_by(|a, b| b.importance.total_cmp(&a.importance));
    let mut hot: Vec<TechView> = o
        .technologies
        .iter()
        .filter(|t| t.hot)
        .map(|t| {
            let tech = catalog.technology(t.technology);
            TechView {
                name: tech.name.clone(),
                commodity: tech.commodity.clone(),
                in_demand: t.in_demand,
            }
        })
        .collect();
    hot.sort_by(|a, b| b.in_demand.cmp(&a.in_demand).then(a.name.cmp(&b.name)));
    ShowView {
        code: o.code.to_string(),
        title: o.title.clone(),
        description: o.description.clone(),
        matched_title,
        seniority,
        soc: SocView {
            detailed: soc.to_string(),
            broad: soc.broad().to_string(),
            minor: soc.minor().to_string(),
            major: soc.major().to_string(),
        },
        management: o.is_management(),
        job_zone: o.job_zone.map(|z| {
            let info = catalog.job_zone_info(z);
            JobZoneView {
                zone: z.get(),
                name: info.map(|i| i.name.clone()).unwrap_or_default(),
                experience: info.map(|i| i.experience.clone()).unwrap_or_default(),
            }
        }),
        wages: o.wages.as_ref().map(|w| WagesView {
            oews_code: w.soc.to_string(),
            oews_title: w.oews_title.clone(),
            aggregate: w.aggregate,
            employment: w.employment,
            annual: w.annual,
            hourly: w.hourly,
        }),
        education: o.education.as_ref().and_then(|d| {
            let cat = d.median_category()?;
            Some(EducationView {
                typical: EDUCATION_LEVELS[usize::from(cat) - 1].to_owned(),
                typical_category: cat,
                distribution: shares(d, |i| EDUCATION_LEVELS[i].to_owned()),
            })
        }),
        experience: o.experience.as_ref().and_then(|d| {
            Some(ExperienceView {
                typical_years: round(o.typical_experience_years()?, 2),
                mean_years: round(o.mean_experience_years()?, 2),
                distribution: shares(d, |i| years_label(EXPERIENCE_YEARS[i])),
            })
        }),
        training: TrainingView {
            on_site_typical_years: o
                .onsite_training
                .as_ref()
                .and_then(Distribution::median_category)
                .map(|c| round(TRAINING_YEARS[usize::from(c) - 1], 2)),
            on_the_job_typical_years: o.typical_job_training_years().map(|y| round(y, 2)),
        },
        skills: ratings(&o.skills),
        knowledge: ratings(&o.knowledge),
        work_styles: styles,
        interests: o.interests.map(|i| {
            let mut v: Vec<InterestView> = INTERESTS
                .iter()
                .zip(i)
                .map(|(name, score)| InterestView { name, score })
                .collect();
            v.sort_by(|a, b| b.score.total_cmp(&a.score));
            v
        }),
        hot_technologies: hot,
        technology_count: o.technologies.len(),
        alternate_titles: o
            .alternate_titles
            .iter()
            .take(12)
            .map(|t| t.title.to_owned())
            .collect(),
        data_gaps: data_gaps(o),
        sources: SourcesView {
            onet: catalog.provenance().onet_release.clone(),
            wages: catalog.provenance().wage_release.clone(),
        },
    }
}

fn shares(d: &Distribution, label: impl Fn(usize) -> String) -> Vec<CategoryShare> {
    d.percent
        .iter()
        .enumerate()
        .map(|(i, p)| CategoryShare {
            category: i as u8 + 1,
            label: label(i),
            percent: *p,
        })
        .collect()
}

fn years_label(y: f32) -> String {
    if y == 0.0 {
        "none".into()
    } else if y < 1.0 {
        format!("about {:.0} months", y * 12.0)
    } else {
        format!("about {y} years")
    }
}

/// What O*NET 29.3 or OEWS do not publish for this occupation, in words.
fn data_gaps(o: &Occupation) -> Vec<String> {
    let mut gaps = Vec::new();
    if o.job_zone.is_none() {
        gaps.push("no job zone in O*NET 29.3".to_owned());
    }
    if !o.is_rated() {
        gaps.push("no skill or knowledge ratings in O*NET 29.3".to_owned());
    }
    if o.education.is_none() || o.experience.is_none() {
        gaps.push("no education, training and experience survey in O*NET 29.3".to_owned());
    }
    match &o.wages {
        None => gaps.push("no BLS OEWS wage estimate".to_owned()),
        Some(w) if w.aggregate => gaps.push(format!(
            "wages are the OEWS aggregate {} ({}), not this occupation alone",
            w.soc, w.oews_title
        )),
        Some(w) if w.annual.median.is_none() => gaps.push(
            "BLS publishes hourly wages only (not typically full-time, year-round)".to_owned(),
        ),
        Some(_) => {}
    }
    gaps
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

fn round(x: f32, places: i32) -> f32 {
    let f = 10f32.powi(places);
    (x * f).round() / f
}
