//! Occupations: search by title, and everything the catalog knows about one.

use serde::Serialize;
use switchback_core::catalog::{
    Distribution, EDUCATION_LEVELS, EXPERIENCE_YEARS, INTERESTS, Percentiles, Rating,
    TRAINING_YEARS,
};
use switchback_core::{Level, Occupation, OccupationId};

use crate::{AppError, Engine, round};

/// The occupations matching a title.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchView {
    /// The text searched for.
    pub query: String,
    /// Seniority the title's words suggest.
    pub seniority: Option<&'static str>,
    /// The matches, best first.
    pub results: Vec<SearchHit>,
}

/// One match.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchHit {
    /// The code.
    pub code: String,
    /// The title.
    pub title: String,
    /// The score.
    pub score: f32,
    /// The title that matched.
    pub matched_title: String,
    /// The job zone.
    pub job_zone: Option<u8>,
}

/// Ranks the occupations whose titles match `text`; an error (with the
/// closest titles) when none does.
pub fn search(engine: &Engine, text: &str, limit: usize) -> Result<SearchView, AppError> {
    let catalog = engine.catalog();
    let max = catalog.occupations().len();
    if !(1..=max).contains(&limit) {
        return Err(AppError::invalid(
            "limit",
            format!("{limit} is out of range: from 1 to {max}"),
        ));
    }
    let hits = catalog.search(text, limit);
    if hits.is_empty() {
        // Same message, with closest titles, as an unknown role elsewhere.
        catalog.resolve(text)?;
    }
    Ok(SearchView {
        query: text.to_owned(),
        seniority: Level::hint_from_title(text).map(|l| l.name()),
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
    })
}

/// Everything the catalog knows about an occupation.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ShowView {
    /// The code.
    pub code: String,
    /// The title.
    pub title: String,
    /// O*NET's description.
    pub description: String,
    /// The title that matched.
    pub matched_title: Option<String>,
    /// Seniority the title's words suggest.
    pub seniority: Option<&'static str>,
    /// SOC groups.
    pub soc: SocView,
    /// It is a management occupation.
    pub management: bool,
    /// The job zone.
    pub job_zone: Option<JobZoneView>,
    /// Wages.
    pub wages: Option<WagesView>,
    /// Education required.
    pub education: Option<EducationView>,
    /// Related experience required.
    pub experience: Option<ExperienceView>,
    /// Training required.
    pub training: TrainingView,
    /// Skills by importance.
    pub skills: Vec<RatingView>,
    /// Knowledge by importance.
    pub knowledge: Vec<RatingView>,
    /// Work styles by importance.
    pub work_styles: Vec<StyleView>,
    /// Interest profile (RIASEC), strongest first.
    pub interests: Option<Vec<InterestView>>,
    /// Hot technologies, in-demand first.
    pub hot_technologies: Vec<TechView>,
    /// Technologies O*NET lists.
    pub technology_count: usize,
    /// Other titles O*NET lists (up to 12).
    pub alternate_titles: Vec<String>,
    /// What O*NET or OEWS do not publish for it.
    pub data_gaps: Vec<String>,
    /// The data releases.
    pub sources: SourcesView,
}

/// The SOC groups.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SocView {
    /// Detailed SOC code.
    pub detailed: String,
    /// Broad SOC group.
    pub broad: String,
    /// Minor SOC group.
    pub minor: String,
    /// Major SOC group.
    pub major: String,
}

/// The job zone.
#[derive(Serialize, utoipa::ToSchema)]
pub struct JobZoneView {
    /// Job zone 1–5.
    pub zone: u8,
    /// The name.
    pub name: String,
    /// Related experience required.
    pub experience: String,
}

/// OEWS wages.
#[derive(Serialize, utoipa::ToSchema)]
pub struct WagesView {
    /// The OEWS code joined.
    pub oews_code: String,
    /// The OEWS title.
    pub oews_title: String,
    /// The wages are an OEWS aggregate, not this occupation alone.
    pub aggregate: bool,
    /// Employment (OEWS).
    pub employment: Option<u32>,
    /// Annual wage percentiles.
    #[schema(value_type = Object)]
    pub annual: Percentiles<u32>,
    /// Hourly wage percentiles.
    #[schema(value_type = Object)]
    pub hourly: Percentiles<f32>,
}

/// One category of a distribution.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CategoryShare {
    /// The category number (1-based).
    pub category: u8,
    /// What the category means.
    pub label: String,
    /// Percent of workers.
    pub percent: f32,
}

/// Education required.
#[derive(Serialize, utoipa::ToSchema)]
pub struct EducationView {
    /// The typical level, in words.
    pub typical: String,
    /// Its category number.
    pub typical_category: u8,
    /// The share of workers in each category.
    pub distribution: Vec<CategoryShare>,
}

/// Related experience required.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ExperienceView {
    /// Typical years of related experience.
    pub typical_years: f32,
    /// Mean years of related experience.
    pub mean_years: f32,
    /// The share of workers in each category.
    pub distribution: Vec<CategoryShare>,
}

/// Training required.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TrainingView {
    /// Typical on-site training, in years.
    pub on_site_typical_years: Option<f32>,
    /// Typical on-the-job training, in years.
    pub on_the_job_typical_years: Option<f32>,
}

/// One rated element.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RatingView {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
    /// Importance (1–5).
    pub importance: f32,
    /// Level (0–7).
    pub level: f32,
}

/// One work style.
#[derive(Serialize, utoipa::ToSchema)]
pub struct StyleView {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
    /// Importance (1–5).
    pub importance: f32,
}

/// One interest area.
#[derive(Serialize, utoipa::ToSchema)]
pub struct InterestView {
    /// The name.
    pub name: &'static str,
    /// The score.
    pub score: f32,
}

/// One technology.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TechView {
    /// The name.
    pub name: String,
    /// Its technology category.
    pub commodity: String,
    /// Employers ask for it most.
    pub in_demand: bool,
}

/// The data releases.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SourcesView {
    /// The O*NET release.
    pub onet: String,
    /// Wages.
    pub wages: String,
}

/// Everything the catalog knows about the occupation `role` names (a
/// title or an O*NET-SOC code).
pub fn show(engine: &Engine, role: &str) -> Result<ShowView, AppError> {
    let catalog = engine.catalog();
    let r = catalog.resolve(role)?;
    let o = catalog.occupation(r.occupation);
    let matched = catalog.title_text(r.occupation, r.best.matched);
    Ok(show_view(
        engine,
        r.occupation,
        (matched != o.title).then(|| matched.to_owned()),
        r.seniority_in(catalog).map(|l| l.name()),
    ))
}

fn show_view(
    engine: &Engine,
    id: OccupationId,
    matched_title: Option<String>,
    seniority: Option<&'static str>,
) -> ShowView {
    let catalog = engine.catalog();
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

/// Years in words: "none", "about 6 months", "about 2 years".
pub fn years_label(y: f32) -> String {
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
        Some(w) => {
            if !o.code.to_string().ends_with(".00") {
                gaps.push(format!(
                    "wages are those of SOC {} ({}), which O*NET divides into this and other occupations",
                    w.soc, w.oews_title
                ));
            }
            if w.annual.median.is_none() {
                gaps.push(
                    "BLS publishes hourly wages only (not typically full-time, year-round)"
                        .to_owned(),
                );
            }
        }
    }
    gaps
}
