//! Inferring skill and knowledge ratings for the occupations O*NET has not
//! rated (137 in 29.3, Software Developers and Data Scientists among them),
//! from O*NET's own evidence about their work, and the leave-one-out check
//! that measures how well it does.
//!
//! **The rule.** An unrated occupation's donors are the rated occupations
//! most like it by what they do and what they are called: the IDF-weighted
//! cosine of their intermediate work activities (from Tasks to DWAs and the
//! work-activity hierarchy), of their title words, and the overlap of their
//! technology classes, with a job-zone factor. Its levels and importances
//! are the donors' *residuals* from their own job zone's mean profile,
//! averaged with squared similarities as weights, added to the mean profile
//! of its own job zone: the donors say what shape the work has, the job
//! zone how demanding it is. Without donors, the job zone's mean profile
//! is used; without a job zone either, the ratings stay missing.
//!
//! **The check.** [`leave_one_out`] infers every rated occupation as if it
//! were unrated (its own ratings hidden from every step) and reports the
//! mean absolute error of the inferred levels and importances against
//! O*NET's ratings, next to two baselines: the job zone's mean profile, and
//! the earlier rule (the three rated occupations sharing most detailed
//! work activities, averaged). docs/EVALUATION.md has the figures.

use crate::transition::bits::Bits;
use crate::transition::profile::{Profile, RatingSource, sparse_dot};

/// How many donors an inferred profile draws on.
pub(crate) const DONORS: usize = 12;
/// Weights of the similarity parts: work activities, title words,
/// technology classes.
pub(crate) const SIMILARITY_WEIGHTS: [f32; 3] = [0.3, 0.5, 0.2];
/// Similarity factor by job-zone distance: same zone, one apart, further.
pub(crate) const ZONE_FACTOR: [f32; 3] = [1.0, 0.7, 0.4];

/// Inferred levels and importances, and the donors they came from.
pub struct Inferred {
    /// Level per model element.
    pub level: Vec<f32>,
    /// Importance per model element.
    pub importance: Vec<f32>,
    /// The donors (indexes into the profiles), best first.
    pub donors: Vec<usize>,
    /// Each donor's weight (they sum to 1 when there are donors).
    pub weights: Vec<f32>,
}

/// Mean level and importance profiles of the rated occupations of each job
/// zone (index 0 is zone 1), leaving out `skip`.
fn zone_means(profiles: &[Profile], skip: Option<usize>) -> Vec<Option<(Vec<f32>, Vec<f32>)>> {
    (1..=5u8)
        .map(|z| {
            let members: Vec<&Profile> = profiles
                .iter()
                .enumerate()
                .filter(|(i, p)| {
                    Some(*i) != skip && p.ratings == RatingSource::Rated && p.zone == Some(z)
                })
                .map(|(_, p)| p)
                .collect();
            let n_el = members.first()?.level.len();
            let n = members.len() as f32;
            let mut level = vec![0.0; n_el];
            let mut importance = vec![0.0; n_el];
            for p in &members {
                for e in 0..n_el {
                    level[e] += p.level[e] / n;
                    importance[e] += p.importance[e] / n;
                }
            }
            Some((level, importance))
        })
        .collect()
}

fn jaccard(a: &Bits, b: &Bits) -> f32 {
    let both = a.intersection_len(b) as f32;
    let either = (a.len() + b.len()) as f32 - both;
    if either > 0.0 { both / either } else { 0.0 }
}

/// Title word → the rated profiles using it, with their weights: one pass
/// over a target's words scores its title similarity with every donor
/// (a pairwise merge of long word lists cost most of the model's build).
struct TitleIndex(std::collections::HashMap<u32, Vec<(usize, f32)>>);

impl TitleIndex {
    fn of(profiles: &[Profile]) -> Self {
        let mut postings: std::collections::HashMap<u32, Vec<(usize, f32)>> =
            std::collections::HashMap::new();
        for (r, p) in profiles.iter().enumerate() {
            if p.ratings == RatingSource::Rated {
                for &(w, x) in &p.title_words {
                    postings.entry(w).or_default().push((r, x));
                }
            }
        }
        Self(postings)
    }

    /// Title similarity of `u` with every profile (0 for the unrated).
    fn row(&self, u: &Profile, n: usize) -> Vec<f32> {
        let mut row = vec![0f32; n];
        for (w, x) in &u.title_words {
            for &(r, y) in self.0.get(w).map_or(&[][..], Vec::as_slice) {
                row[r] += x * y;
            }
        }
        row
    }
}

/// How alike `u` and `r` are for borrowing ratings, given their title
/// similarity.
fn similarity(u: &Profile, r: &Profile, titles: f32) -> f32 {
    let [wa, wt, wc] = SIMILARITY_WEIGHTS;
    let base = wa * sparse_dot(&u.iwas, &r.iwas).min(1.0)
        + wt * titles.min(1.0)
        + wc * jaccard(&u.commodities, &r.commodities);
    let zone = match (u.zone, r.zone) {
        (Some(a), Some(b)) => ZONE_FACTOR[usize::from(a.abs_diff(b)).min(2)],
        _ => ZONE_FACTOR[1],
    };
    base * zone
}

/// Infers the ratings of profile `u` from the rated profiles other than
/// `u` itself; `zones` from [`zone_means`] without `u`.
fn infer_with(
    profiles: &[Profile],
    u: usize,
    zones: &[Option<(Vec<f32>, Vec<f32>)>],
    titles: &TitleIndex,
) -> Option<Inferred> {
    let target = &profiles[u];
    let title_row = titles.row(target, profiles.len());
    let zone_of = |p: &Profile| p.zone.and_then(|z| zones[usize::from(z) - 1].as_ref());
    let mut donors: Vec<(f32, usize)> = profiles
        .iter()
        .enumerate()
        .filter(|(r, p)| *r != u && p.ratings == RatingSource::Rated && zone_of(p).is_some())
        .map(|(r, p)| (similarity(target, p, title_row[r]), r))
        .filter(|(s, _)| *s > 0.0)
        .collect();
    donors.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    donors.truncate(DONORS);
    let own =
        zone_of(target).or_else(|| donors.first().and_then(|&(_, d)| zone_of(&profiles[d])))?;
    let n_el = own.0.len();
    let (mut level, mut importance) = (own.0.clone(), own.1.clone());
    let total: f32 = donors.iter().map(|(s, _)| s * s).sum();
    if total > 0.0 {
        for &(s, d) in &donors {
            let w = s * s / total;
            let (dl, di) = zone_of(&profiles[d])?;
            for e in 0..n_el {
                level[e] += w * (profiles[d].level[e] - dl[e]);
                importance[e] += w * (profiles[d].importance[e] - di[e]);
            }
        }
    }
    for e in 0..n_el {
        level[e] = level[e].clamp(0.0, 7.0);
        importance[e] = importance[e].clamp(1.0, 5.0);
    }
    let weights = donors
        .iter()
        .map(|(s, _)| if total > 0.0 { s * s / total } else { 0.0 })
        .collect();
    Some(Inferred {
        level,
        importance,
        donors: donors.into_iter().map(|(_, d)| d).collect(),
        weights,
    })
}

/// Infers every unrated profile in place (see the module docs). Needs the
/// work-activity, title and technology vectors filled in.
pub(crate) fn infer_missing(profiles: &mut [Profile]) {
    let zones = zone_means(profiles, None);
    let titles = TitleIndex::of(profiles);
    let inferred: Vec<(usize, Inferred)> = (0..profiles.len())
        .filter(|&u| profiles[u].ratings == RatingSource::Missing)
        .filter_map(|u| infer_with(profiles, u, &zones, &titles).map(|x| (u, x)))
        .collect();
    for (u, x) in inferred {
        let education = donor_education(profiles, &x);
        let p = &mut profiles[u];
        if let (None, Some(d)) = (&p.education, education) {
            p.education_years = d
                .median_category()
                .and_then(super::profile::education_years_of);
            p.education = Some(d);
            p.education_inferred = true;
        }
        p.level = x.level;
        p.importance = x.importance;
        p.ratings = RatingSource::Imputed(
            x.donors
                .iter()
                .map(|&d| crate::catalog::OccupationId(d as u16))
                .collect(),
        );
    }
    // Rated occupations O*NET has no education survey of (Accountants and
    // Auditors among them) take their donors' answers too, for what a
    // route or a landing chance asks of those entering — but not for the
    // model's preparation facet, whose weights were fitted without them.
    let unsurveyed: Vec<(usize, crate::catalog::Distribution)> = (0..profiles.len())
        .filter(|&u| profiles[u].ratings == RatingSource::Rated && profiles[u].education.is_none())
        .filter_map(|u| {
            let x = infer_with(profiles, u, &zones, &titles)?;
            Some((u, donor_education(profiles, &x)?))
        })
        .collect();
    for (u, d) in unsurveyed {
        profiles[u].education = Some(d);
        profiles[u].education_inferred = true;
    }
}

/// What the donors of `x` say of education, for an occupation O*NET has no
/// education survey of: their answers, weighted as their ratings are.
/// `None` if no donor has any.
fn donor_education(profiles: &[Profile], x: &Inferred) -> Option<crate::catalog::Distribution> {
    let mut percent = vec![0f32; crate::catalog::EDUCATION_LEVELS.len()];
    let mut total = 0.0;
    for (&d, &w) in x.donors.iter().zip(&x.weights) {
        // Only surveyed answers: an inferred one is itself a blend.
        let Some(e) = profiles[d]
            .education
            .as_ref()
            .filter(|_| !profiles[d].education_inferred)
        else {
            continue;
        };
        let sum: f32 = e.percent.iter().sum();
        if sum <= 0.0 || e.percent.len() != percent.len() {
            continue;
        }
        for (p, v) in percent.iter_mut().zip(&e.percent) {
            *p += w * v / sum * 100.0;
        }
        total += w;
    }
    (total > 0.0).then(|| crate::catalog::Distribution {
        percent: percent.into_iter().map(|p| p / total).collect(),
    })
}

/// Mean absolute errors of one way of inferring ratings, over the rated
/// occupations inferred as if unrated.
#[derive(Clone, Debug, PartialEq)]
pub struct Errors {
    /// What was measured.
    pub method: &'static str,
    /// Occupations inferred.
    pub occupations: usize,
    /// Mean absolute error of levels (0–7 scale), over every element.
    pub level: f32,
    /// Mean absolute error of importances (1–5 scale).
    pub importance: f32,
    /// Mean absolute level error per model element.
    pub level_by_element: Vec<f32>,
}

/// The leave-one-out check of the module docs: the inference rule against
/// the job zone's mean profile and the earlier three-donor rule.
pub fn leave_one_out(profiles: &[Profile]) -> Vec<Errors> {
    let rated: Vec<usize> = (0..profiles.len())
        .filter(|&i| profiles[i].ratings == RatingSource::Rated && profiles[i].zone.is_some())
        .collect();
    let n_el = profiles.first().map_or(0, |p| p.level.len());
    let titles = TitleIndex::of(profiles);
    let mut methods: Vec<Errors> = [
        "job zone mean",
        "three activity donors (earlier rule)",
        "inferred (this rule)",
    ]
    .into_iter()
    .map(|method| Errors {
        method,
        occupations: 0,
        level: 0.0,
        importance: 0.0,
        level_by_element: vec![0.0; n_el],
    })
    .collect();
    for &u in &rated {
        let zones = zone_means(profiles, Some(u));
        let truth = &profiles[u];
        let zone_mean = truth.zone.and_then(|z| zones[usize::from(z) - 1].clone());
        let guesses = [
            zone_mean,
            activity_donors(profiles, u),
            infer_with(profiles, u, &zones, &titles).map(|x| (x.level, x.importance)),
        ];
        for (m, guess) in methods.iter_mut().zip(guesses) {
            let Some((level, importance)) = guess else {
                continue;
            };
            m.occupations += 1;
            for e in 0..n_el {
                let d = (level[e] - truth.level[e]).abs();
                m.level += d;
                m.level_by_element[e] += d;
                m.importance += (importance[e] - truth.importance[e]).abs();
            }
        }
    }
    for m in &mut methods {
        let n = m.occupations.max(1) as f32;
        m.level /= n * n_el.max(1) as f32;
        m.importance /= n * n_el.max(1) as f32;
        m.level_by_element.iter_mut().for_each(|x| *x /= n);
    }
    methods
}

/// How well one way of inferring entry education does, over the rated
/// occupations with an education survey, each inferred as if it had none.
#[derive(Clone, Debug, PartialEq)]
pub struct EducationErrors {
    /// What was measured.
    pub method: &'static str,
    /// Occupations inferred.
    pub occupations: usize,
    /// Share whose entry education was guessed exactly.
    pub exact: f32,
    /// Mean absolute error in years of schooling of the entry education.
    pub years: f32,
}

/// The leave-one-out check of inferred education: the donors' answers
/// (the rule) against the entry education most common in the
/// occupation's job zone (the baseline).
pub fn education_leave_one_out(profiles: &[Profile]) -> Vec<EducationErrors> {
    let years = |c: u8| super::profile::schooling_years(c).unwrap_or(0.0);
    let entry = |p: &Profile| p.entry_education();
    let rated: Vec<usize> = (0..profiles.len())
        .filter(|&i| {
            profiles[i].ratings == RatingSource::Rated
                && !profiles[i].education_inferred
                && profiles[i].zone.is_some()
                && entry(&profiles[i]).is_some()
        })
        .collect();
    let titles = TitleIndex::of(profiles);
    let mut out: Vec<EducationErrors> = ["job zone's most common", "donors' answers (this rule)"]
        .into_iter()
        .map(|method| EducationErrors {
            method,
            occupations: 0,
            exact: 0.0,
            years: 0.0,
        })
        .collect();
    for &u in &rated {
        let truth = entry(&profiles[u]).unwrap_or(1);
        let zones = zone_means(profiles, Some(u));
        let guesses = [
            zone_mode_entry(profiles, u),
            infer_with(profiles, u, &zones, &titles)
                .and_then(|x| donor_education(profiles, &x))
                .and_then(|d| d.category_at(crate::catalog::ENTRY_EDUCATION_SHARE)),
        ];
        for (m, guess) in out.iter_mut().zip(guesses) {
            let Some(g) = guess else { continue };
            m.occupations += 1;
            m.exact += f32::from(u8::from(g == truth));
            m.years += (years(g) - years(truth)).abs();
        }
    }
    for m in &mut out {
        let n = m.occupations.max(1) as f32;
        m.exact /= n;
        m.years /= n;
    }
    out
}

/// The entry education most common among the other occupations of `u`'s
/// job zone.
fn zone_mode_entry(profiles: &[Profile], u: usize) -> Option<u8> {
    let mut counts = [0usize; 13];
    for (i, p) in profiles.iter().enumerate() {
        let peer = i != u
            && p.zone == profiles[u].zone
            && p.ratings == RatingSource::Rated
            && !p.education_inferred;
        if let (true, Some(c)) = (peer, p.entry_education()) {
            counts[usize::from(c)] += 1;
        }
    }
    (1..=12u8)
        .max_by_key(|&c| (counts[usize::from(c)], std::cmp::Reverse(c)))
        .filter(|&c| counts[usize::from(c)] > 0)
}

/// The earlier rule, for comparison: the three rated occupations sharing
/// the largest fraction of detailed work activities, Jaccard-weighted.
fn activity_donors(profiles: &[Profile], u: usize) -> Option<(Vec<f32>, Vec<f32>)> {
    let mut donors: Vec<(f32, usize)> = profiles
        .iter()
        .enumerate()
        .filter(|(r, p)| *r != u && p.ratings == RatingSource::Rated)
        .map(|(r, p)| (jaccard(&profiles[u].dwas, &p.dwas), r))
        .filter(|(s, _)| *s > 0.0)
        .collect();
    donors.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    donors.truncate(3);
    let total: f32 = donors.iter().map(|(s, _)| s).sum();
    if total <= 0.0 {
        return None;
    }
    let n_el = profiles[u].level.len();
    let (mut level, mut importance) = (vec![0.0; n_el], vec![0.0; n_el]);
    for &(s, d) in &donors {
        for e in 0..n_el {
            level[e] += s * profiles[d].level[e] / total;
            importance[e] += s * profiles[d].importance[e] / total;
        }
    }
    Some((level, importance))
}
