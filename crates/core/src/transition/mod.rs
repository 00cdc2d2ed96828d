//! The transition model: how feasible a move from one occupation to another
//! is, facet by facet, and why.
//!
//! Feasibility of A → B is a weighted sum of ten facets, each in [0, 1]
//! and each reported by name ([`Facets`]):
//!
//! | facet | what it measures (always from A's side towards B's needs) |
//! |---|---|
//! | `skill_coverage` | how much of B's required skill levels A's levels reach, weighted by B's importance |
//! | `knowledge_coverage` | the same for knowledge areas |
//! | `profile_similarity` | cosine of the two importance-and-level profiles, each centred on the mean occupation (negative counts as 0): whether the work has the same shape |
//! | `shared_activities` | detailed (DWA) and intermediate (IWA) work activities both perform, IDF-weighted cosine, square-rooted ([`Calibration::activity_exponent`]): the first shared activities count most |
//! | `technology_overlap` | technologies both use, IDF-weighted cosine, hot ones counting double |
//! | `shared_titles` | overlap of the rare words in the two occupations' titles, alternate and reported titles (IDF-weighted cosine) |
//! | `shared_interests` | cosine of the two RIASEC interest profiles, each centred on the mean occupation (negative counts as 0) |
//! | `preparation` | the job-zone and education gap ([`Calibration`]): two zones up or more costs much, extra schooling costs, each zone down costs a little |
//! | `experience` | B's typical related experience against what A's experience counts for in B |
//! | `family` | SOC proximity: same occupation, broad group, minor group, major group |
//!
//! Coverage of element e: shortfall `max(0, level_B − level_A)` weighted by
//! `importance_B − 1`, so coverage = 1 − Σ w·shortfall / Σ w·level_B.
//! Direction comes from the coverage, preparation and experience facets; the
//! overlap facets are symmetric. A facet without data is reported as
//! missing; in the sum, missing evidence of overlap counts as 0 and a
//! missing requirement as 0.5. [`Weights::FITTED`] and
//! [`Calibration::FITTED`] were fitted on half of the origins of O*NET's
//! Career Changers Matrix and checked on the other half;
//! docs/EVALUATION.md records how.
//!
//! Architecture invariant: the score of A → A is 1, and no score is outside
//! [0, 1], for any catalog.

pub(crate) mod bits;
pub mod explain;
pub mod infer;
mod memo;
pub mod profile;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, OccupationId};
use profile::{ModelElements, Profile, RatingSource};

/// The facets of one directed pair. `None` marks a facet without data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    /// B's skill levels reached by A's, importance-weighted.
    pub skill_coverage: Option<f32>,
    /// B's knowledge levels reached by A's, importance-weighted.
    pub knowledge_coverage: Option<f32>,
    /// Cosine of the importance profiles.
    pub profile_similarity: Option<f32>,
    /// Share of B's detailed work activities A performs.
    pub shared_activities: Option<f32>,
    /// Share of B's technologies A uses.
    pub technology_overlap: Option<f32>,
    /// Overlap of the words of the two occupations' titles.
    pub shared_titles: Option<f32>,
    /// Similarity of the occupations' RIASEC interest profiles.
    pub shared_interests: Option<f32>,
    /// Job zone and education gap.
    pub preparation: Option<f32>,
    /// Related experience gap.
    pub experience: Option<f32>,
    /// SOC family proximity.
    pub family: f32,
}

/// A requirement facet without data counts as this.
pub const NEUTRAL: f32 = 0.5;

impl Facets {
    /// Facet names and values in report order.
    pub fn named(&self) -> [(&'static str, Option<f32>); 10] {
        [
            ("skill_coverage", self.skill_coverage),
            ("knowledge_coverage", self.knowledge_coverage),
            ("profile_similarity", self.profile_similarity),
            ("shared_activities", self.shared_activities),
            ("technology_overlap", self.technology_overlap),
            ("shared_titles", self.shared_titles),
            ("shared_interests", self.shared_interests),
            ("preparation", self.preparation),
            ("experience", self.experience),
            ("family", Some(self.family)),
        ]
    }

    /// The weighted combination, in [0, 1]. Missing evidence of overlap
    /// (coverage, similarity, activities, technologies) counts as none (0);
    /// a missing requirement (preparation, experience) counts as [`NEUTRAL`].
    pub fn combine(&self, w: &Weights) -> f32 {
        let evidence = |x: Option<f32>| x.unwrap_or(0.0);
        let requirement = |x: Option<f32>| x.unwrap_or(NEUTRAL);
        let total = w.skill_coverage * evidence(self.skill_coverage)
            + w.knowledge_coverage * evidence(self.knowledge_coverage)
            + w.profile_similarity * evidence(self.profile_similarity)
            + w.shared_activities * evidence(self.shared_activities)
            + w.technology_overlap * evidence(self.technology_overlap)
            + w.shared_titles * evidence(self.shared_titles)
            + w.shared_interests * evidence(self.shared_interests)
            + w.preparation * requirement(self.preparation)
            + w.experience * requirement(self.experience)
            + w.family * self.family;
        (total / w.sum()).clamp(0.0, 1.0)
    }
}

/// Facet weights. Only their ratios matter: the combination divides by their sum.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Weight of [`Facets::skill_coverage`].
    pub skill_coverage: f32,
    /// Weight of [`Facets::knowledge_coverage`].
    pub knowledge_coverage: f32,
    /// Weight of [`Facets::profile_similarity`].
    pub profile_similarity: f32,
    /// Weight of [`Facets::shared_activities`].
    pub shared_activities: f32,
    /// Weight of [`Facets::technology_overlap`].
    pub technology_overlap: f32,
    /// Weight of [`Facets::shared_titles`].
    pub shared_titles: f32,
    /// Weight of [`Facets::shared_interests`].
    pub shared_interests: f32,
    /// Weight of [`Facets::preparation`].
    pub preparation: f32,
    /// Weight of [`Facets::experience`].
    pub experience: f32,
    /// Weight of [`Facets::family`].
    pub family: f32,
}

impl Weights {
    /// Equal weights: the starting point of the fit.
    pub const EQUAL: Weights = Weights {
        skill_coverage: 1.0,
        knowledge_coverage: 1.0,
        profile_similarity: 1.0,
        shared_activities: 1.0,
        technology_overlap: 1.0,
        shared_titles: 1.0,
        shared_interests: 1.0,
        preparation: 1.0,
        experience: 1.0,
        family: 1.0,
    };

    /// The weights in use, fitted as docs/EVALUATION.md describes
    /// (`cargo run --release -p switchback-data --example fit_weights`).
    pub const FITTED: Weights = Weights {
        skill_coverage: 4.0,
        knowledge_coverage: 0.0,
        profile_similarity: 8.0,
        shared_activities: 1.8,
        technology_overlap: 0.0,
        shared_titles: 8.0,
        shared_interests: 1.275,
        preparation: 4.0,
        experience: 0.0,
        family: 0.2125,
    };

    /// Sum of the weights.
    pub fn sum(&self) -> f32 {
        self.as_array().iter().sum()
    }

    /// The weights in [`Facets::named`] order.
    pub fn as_array(&self) -> [f32; 10] {
        [
            self.skill_coverage,
            self.knowledge_coverage,
            self.profile_similarity,
            self.shared_activities,
            self.technology_overlap,
            self.shared_titles,
            self.shared_interests,
            self.preparation,
            self.experience,
            self.family,
        ]
    }

    /// Weights from an array in [`Facets::named`] order.
    pub fn from_array(a: [f32; 10]) -> Self {
        Weights {
            skill_coverage: a[0],
            knowledge_coverage: a[1],
            profile_similarity: a[2],
            shared_activities: a[3],
            technology_overlap: a[4],
            shared_titles: a[5],
            shared_interests: a[6],
            preparation: a[7],
            experience: a[8],
            family: a[9],
        }
    }
}

/// The model: profiles of every occupation and the facet weights.
#[derive(Clone, Debug)]
pub struct TransitionModel {
    elements: ModelElements,
    profiles: Vec<Profile>,
    idf: Idf,
    /// Title word → the occupations using it, with their weights: scores a
    /// whole row of title similarities in one pass instead of a list merge
    /// per pair.
    title_postings: Vec<Vec<(u16, f32)>>,
    weights: Weights,
    calibration: Calibration,
    /// The mean level of each model element over the rated occupations.
    typical_level: Vec<f32>,
    /// Scores asked for so far ([`TransitionModel::score`]); a clone
    /// starts with none.
    memo: memo::ScoreMemo,
    /// The first-line supervision of each occupation's work, found as
    /// asked ([`crate::chances::own_supervisor`], a scan of the catalog
    /// that every route plan asks of its candidates).
    supervision: memo::PerOccupation<Option<OccupationId>>,
}

/// Inverse document frequencies of activities and technologies.
#[derive(Clone, Debug)]
struct Idf {
    dwa: Vec<f32>,
    tech: Vec<f32>,
}

/// All ordered-pair scores, row-major: `score(a, b) = scores[a * n + b]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    n: usize,
    scores: Vec<f32>,
}

impl Matrix {
    /// The score of a → b.
    pub fn get(&self, a: OccupationId, b: OccupationId) -> f32 {
        self.scores[usize::from(a.0) * self.n + usize::from(b.0)]
    }

    /// Every score from `a`, indexed by destination.
    pub fn row(&self, a: OccupationId) -> &[f32] {
        let s = usize::from(a.0) * self.n;
        &self.scores[s..s + self.n]
    }

    /// Number of occupations.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether the matrix is empty.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

impl TransitionModel {
    /// Builds the model for a catalog with the fitted weights and zone rule.
    pub fn new(catalog: &Catalog) -> Self {
        Self::with_weights(catalog, Weights::FITTED, Calibration::FITTED)
    }

    /// Builds the model with the given weights and zone rule.
    pub(crate) fn with_weights(
        catalog: &Catalog,
        weights: Weights,
        calibration: Calibration,
    ) -> Self {
        let elements = ModelElements::of(catalog);
        let profile::Profiles {
            profiles,
            dwa_idf: dwa,
            tech_idf: tech,
            typical_level,
        } = profile::build_profiles(catalog, &elements);
        let words = profiles
            .iter()
            .flat_map(|p| p.title_words.iter().map(|w| w.0 as usize + 1))
            .max()
            .unwrap_or(0);
        let mut title_postings = vec![Vec::new(); words];
        for (i, p) in profiles.iter().enumerate() {
            for &(w, x) in &p.title_words {
                title_postings[w as usize].push((i as u16, x));
            }
        }
        let memo = memo::ScoreMemo::new(profiles.len());
        let supervision = memo::PerOccupation::new(profiles.len());
        Self {
            elements,
            profiles,
            memo,
            supervision,
            idf: Idf { dwa, tech },
            title_postings,
            weights,
            calibration,
            typical_level,
        }
    }

    /// The weights in use.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The same model with other weights and zone rule (profiles are reused).
    pub fn reweighted(&self, weights: Weights, calibration: Calibration) -> Self {
        Self {
            weights,
            calibration,
            ..self.clone()
        }
    }

    /// The model's elements (skills, then knowledge).
    pub fn elements(&self) -> &ModelElements {
        &self.elements
    }

    /// The mean level (LV 0–7) of each model element over the occupations
    /// O*NET rates: what the typical occupation needs. A position needs
    /// an element *distinctively* as far as it needs it above this.
    pub fn typical_level(&self) -> &[f32] {
        &self.typical_level
    }

    /// The first-line supervision of `a`'s work, found by `find` the
    /// first time it is asked and kept ([`crate::chances::own_supervisor`]).
    pub(crate) fn supervision_of(
        &self,
        a: OccupationId,
        find: impl FnOnce() -> Option<OccupationId>,
    ) -> Option<OccupationId> {
        self.supervision.get_or(a, find)
    }

    /// One occupation's profile.
    pub fn profile(&self, id: OccupationId) -> &Profile {
        &self.profiles[usize::from(id.0)]
    }

    /// Number of occupations.
    pub fn len(&self) -> usize {
        self.profiles.len()
    }

    /// Whether the model has no occupations.
    pub fn is_empty(&self) -> bool {
        self.profiles.is_empty()
    }

    /// The leave-one-out check of the rating inference
    /// ([`infer::leave_one_out`]).
    pub fn leave_one_out(&self) -> Vec<infer::Errors> {
        infer::leave_one_out(&self.profiles)
    }

    /// The leave-one-out check of inferred entry education
    /// ([`infer::education_leave_one_out`]).
    pub fn education_leave_one_out(&self) -> Vec<infer::EducationErrors> {
        infer::education_leave_one_out(&self.profiles)
    }

    /// The facets of a → b, every one of them.
    pub fn facets(&self, a: OccupationId, b: OccupationId) -> Facets {
        self.pair_facets(a, b, &Weights::EQUAL)
    }

    /// The facets of a → b that `needed` gives a weight.
    fn pair_facets(&self, a: OccupationId, b: OccupationId, needed: &Weights) -> Facets {
        let (pa, pb) = (
            &self.profiles[usize::from(a.0)],
            &self.profiles[usize::from(b.0)],
        );
        let titles = profile::sparse_dot(&pa.title_words, &pb.title_words);
        facets(
            pa,
            pb,
            self.elements.skills,
            &self.idf,
            titles,
            needed,
            &self.calibration,
        )
    }

    /// Title similarity of `a` with every occupation.
    fn title_row(&self, a: OccupationId) -> Vec<f32> {
        let mut row = vec![0f32; self.profiles.len()];
        for &(w, x) in &self.profiles[usize::from(a.0)].title_words {
            for &(b, y) in &self.title_postings[w as usize] {
                row[usize::from(b)] += x * y;
            }
        }
        row
    }

    /// Fills `out` with every score from `a`. Facets the weights ignore are
    /// not computed: they cannot change the score.
    fn fill_row(&self, a: OccupationId, out: &mut [f32]) {
        let titles = self.title_row(a);
        let pa = &self.profiles[usize::from(a.0)];
        for (b, slot) in out.iter_mut().enumerate() {
            *slot = if b == usize::from(a.0) {
                1.0
            } else {
                facets(
                    pa,
                    &self.profiles[b],
                    self.elements.skills,
                    &self.idf,
                    titles[b],
                    &self.weights,
                    &self.calibration,
                )
                .combine(&self.weights)
            };
        }
    }

    /// The feasibility of a → b, in [0, 1]. Staying in one's occupation is
    /// defined as fully feasible (1), even where data are missing.
    pub fn score(&self, a: OccupationId, b: OccupationId) -> f32 {
        if a == b {
            return 1.0;
        }
        // Only the facets the weights use: the rest cannot change the score.
        self.memo.get_or(a, b, || {
            self.pair_facets(a, b, &self.weights).combine(&self.weights)
        })
    }

    /// Every score towards `b`, indexed by origin. Title similarity is
    /// symmetric, so one pass over the title index serves the whole column.
    pub fn column(&self, b: OccupationId) -> Vec<f32> {
        let titles = self.title_row(b);
        let pb = &self.profiles[usize::from(b.0)];
        (0..self.profiles.len())
            .map(|a| {
                if a == usize::from(b.0) {
                    1.0
                } else {
                    facets(
                        &self.profiles[a],
                        pb,
                        self.elements.skills,
                        &self.idf,
                        titles[a],
                        &self.weights,
                        &self.calibration,
                    )
                    .combine(&self.weights)
                }
            })
            .collect()
    }

    /// Every score from `a`, indexed by destination.
    pub fn row(&self, a: OccupationId) -> Vec<f32> {
        let mut row = vec![0f32; self.profiles.len()];
        self.fill_row(a, &mut row);
        row
    }

    /// The whole directional matrix, computed on `threads` threads.
    pub fn matrix(&self, threads: usize) -> Matrix {
        let n = self.profiles.len();
        let mut scores = vec![0f32; n * n];
        let threads = threads.clamp(1, n.max(1));
        let rows_per = n.div_ceil(threads).max(1);
        std::thread::scope(|s| {
            for (chunk_index, chunk) in scores.chunks_mut(rows_per * n.max(1)).enumerate() {
                s.spawn(move || {
                    for (r, row) in chunk.chunks_mut(n).enumerate() {
                        self.fill_row(OccupationId((chunk_index * rows_per + r) as u16), row);
                    }
                });
            }
        });
        Matrix { n, scores }
    }

    /// The `k` best destinations from `a` (never `a` itself), best first,
    /// among those `keep` accepts. Computes `a`'s row; with a [`Matrix`] at
    /// hand, [`top_k`] on its row is cheaper.
    pub fn top_destinations(
        &self,
        a: OccupationId,
        k: usize,
        keep: impl Fn(OccupationId) -> bool,
    ) -> Vec<(OccupationId, f32)> {
        top_k(&self.row(a), a, k, keep)
    }
}

/// The `k` highest entries of a score row (excluding `origin`), best first;
/// ties go to the lower id so results are stable.
pub fn top_k(
    row: &[f32],
    origin: OccupationId,
    k: usize,
    keep: impl Fn(OccupationId) -> bool,
) -> Vec<(OccupationId, f32)> {
    let mut v: Vec<(OccupationId, f32)> = row
        .iter()
        .enumerate()
        .map(|(b, s)| (OccupationId(b as u16), *s))
        .filter(|(b, _)| *b != origin && keep(*b))
        .collect();
    let by_score =
        |x: &(OccupationId, f32), y: &(OccupationId, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
    if v.len() > k && k > 0 {
        v.select_nth_unstable_by(k - 1, by_score);
        v.truncate(k);
    }
    v.sort_by(by_score);
    v.truncate(k);
    v
}

fn has_ratings(p: &Profile) -> bool {
    p.ratings != RatingSource::Missing
}

fn coverage(a: &Profile, b: &Profile, range: std::ops::Range<usize>, need: f32) -> Option<f32> {
    if need <= 0.0 {
        return None;
    }
    let short: f32 = range
        .map(|e| (b.importance[e] - 1.0).max(0.0) * (b.level[e] - a.level[e]).max(0.0))
        .sum();
    Some((1.0 - short / need).clamp(0.0, 1.0))
}

/// The facets of a → b; `titles` is their title similarity. Facets whose
/// weight in `needed` is zero are left out (`None`).
fn facets(
    a: &Profile,
    b: &Profile,
    skills: usize,
    idf: &Idf,
    titles: f32,
    needed: &Weights,
    rule: &Calibration,
) -> Facets {
    let rated = has_ratings(a) && has_ratings(b);
    let n_el = a.level.len();
    let skill_coverage = if rated && needed.skill_coverage > 0.0 {
        coverage(a, b, 0..skills, b.skill_need)
    } else {
        None
    };
    let knowledge_coverage = if rated && needed.knowledge_coverage > 0.0 {
        coverage(a, b, skills..n_el, b.knowledge_need)
    } else {
        None
    };
    let profile_similarity = (rated
        && needed.profile_similarity > 0.0
        && a.centered_norm > 0.0
        && b.centered_norm > 0.0)
        .then(|| {
            let dot: f32 = a.centered.iter().zip(&b.centered).map(|(x, y)| x * y).sum();
            (dot / (a.centered_norm * b.centered_norm)).clamp(0.0, 1.0)
        });
    // Borrowed ratings look too much like their donors: trust them less.
    let trust = |x: Option<f32>| {
        let imputed = matches!(a.ratings, RatingSource::Imputed(_))
            || matches!(b.ratings, RatingSource::Imputed(_));
        x.map(|v| if imputed { v * rule.imputed_trust } else { v })
    };
    let (skill_coverage, knowledge_coverage, profile_similarity) = (
        trust(skill_coverage),
        trust(knowledge_coverage),
        trust(profile_similarity),
    );
    let shared_activities = (a.dwa_weight > 0.0 && b.dwa_weight > 0.0).then(|| {
        let detailed =
            a.dwas.intersection_weight(&b.dwas, &idf.dwa) / (a.dwa_weight * b.dwa_weight).sqrt();
        let intermediate = profile::sparse_dot(&a.iwas, &b.iwas);
        let overlap = (0.5 * detailed + 0.5 * intermediate.min(1.0)).clamp(0.0, 1.0);
        if rule.activity_exponent == 0.5 {
            overlap.sqrt() // the fitted value, and the matrix's hot loop
        } else {
            overlap.powf(rule.activity_exponent)
        }
    });
    let technology_overlap = (needed.technology_overlap > 0.0
        && a.tech_weight > 0.0
        && b.tech_weight > 0.0)
        .then(|| {
            (a.techs.intersection_weight(&b.techs, &idf.tech)
                + a.techs.intersection_weight(&b.hot, &idf.tech))
                / (a.tech_weight * b.tech_weight).sqrt()
        });
    let shared_titles =
        (!a.title_words.is_empty() && !b.title_words.is_empty()).then(|| titles.min(1.0));
    let shared_interests = match (&a.interests, &b.interests) {
        (Some(x), Some(y)) if needed.shared_interests > 0.0 => {
            let dot: f32 = x.iter().zip(y).map(|(p, q)| p * q).sum();
            let norm = x.iter().map(|p| p * p).sum::<f32>().sqrt()
                * y.iter().map(|q| q * q).sum::<f32>().sqrt();
            (norm > 0.0).then(|| (dot / norm).clamp(0.0, 1.0))
        }
        _ => None,
    };
    let family = family_proximity(a, b);
    let preparation = preparation(a, b, rule);
    let experience = b.experience_years.map(|need| {
        // Experience in A counts in B as far as the work is related.
        let related = family.max(shared_activities.unwrap_or(0.0));
        let credited = a.experience_years.unwrap_or(0.0) * related;
        ((credited + 0.5) / (need + 0.5)).min(1.0)
    });
    Facets {
        skill_coverage,
        knowledge_coverage,
        profile_similarity,
        shared_activities,
        technology_overlap,
        shared_titles,
        shared_interests,
        preparation,
        experience,
        family,
    }
}

/// Same occupation 1, same SOC detailed code 0.9, broad group 0.75, minor
/// group 0.5, major group 0.25, otherwise 0.
fn family_proximity(a: &Profile, b: &Profile) -> f32 {
    if a.code == b.code {
        1.0
    } else if a.soc == b.soc {
        0.9
    } else if a.soc.broad() == b.soc.broad() {
        0.75
    } else if a.soc.minor() == b.soc.minor() {
        0.5
    } else if a.soc.major() == b.soc.major() {
        0.25
    } else {
        0.0
    }
}

/// The model's parameters besides the facet weights.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// The `preparation` facet's zone part for a destination one, two,
    /// three or more job zones up.
    pub zone_up: [f32; 3],
    /// What each job zone down costs the zone part: preparation the
    /// destination will not use, and employers' doubts about over-qualified
    /// candidates.
    pub zone_down_step: f32,
    /// Rating-based facets of a pair with an imputed profile are scaled by
    /// this: borrowed ratings are a blend of the donors', so they look more
    /// like the donors than the real occupation would.
    pub imputed_trust: f32,
    /// `shared_activities` is the overlap raised to this power: below 1,
    /// the first activities two occupations share count for more than the
    /// last (a quarter shared is half-way at 0.5).
    pub activity_exponent: f32,
}

impl Calibration {
    /// The parameters in use, fitted with the weights (docs/EVALUATION.md).
    pub const FITTED: Calibration = Calibration {
        zone_up: [1.0, 0.7, 0.0],
        zone_down_step: 0.3,
        imputed_trust: 1.0,
        activity_exponent: 0.5,
    };
}

/// Job zone and education gap. The zone part follows [`Calibration`]; for
/// education, each year of extra schooling B typically requires costs a
/// quarter, and less schooling costs 0.03 a year. The facet is the mean of
/// the parts with data.
fn preparation(a: &Profile, b: &Profile, rule: &Calibration) -> Option<f32> {
    let zone = match (a.zone, b.zone) {
        (Some(za), Some(zb)) => Some(match i16::from(zb) - i16::from(za) {
            d if d <= 0 => (1.0 - rule.zone_down_step * f32::from(-d)).max(0.0),
            1 => rule.zone_up[0],
            2 => rule.zone_up[1],
            _ => rule.zone_up[2],
        }),
        _ => None,
    };
    let education = match (a.education_years, b.education_years) {
        (Some(ea), Some(eb)) => Some(if eb <= ea {
            1.0 - 0.03 * (ea - eb)
        } else {
            (1.0 - (eb - ea) / 4.0).max(0.0)
        }),
        _ => None,
    };
    match (zone, education) {
        (Some(z), Some(e)) => Some((z + e) / 2.0),
        (Some(x), None) | (None, Some(x)) => Some(x),
        (None, None) => None,
    }
}
