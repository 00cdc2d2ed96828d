//! Per-occupation profiles in the dense form the feasibility facets read:
//! skill and knowledge vectors, work-activity and technology sets, and the
//! preparation an occupation asks for.
//!
//! Inference: O*NET 29.3 rates skills and knowledge for 879 of its 1,016
//! occupations; for the others (Software Developers and Data Scientists
//! among them) [`crate::transition::infer`] infers them from their work
//! activities, titles, technologies and job zone. The profile records
//! where its ratings came from, and every explanation says so.

use crate::catalog::{Catalog, Domain, ElementId, OccupationId};
use crate::code::{OnetCode, SocCode};
use crate::transition::bits::Bits;

/// Years of related experience assumed from the job zone when O*NET has no
/// experience survey for an occupation (after the Job Zone Reference: zone 1
/// "little or no previous experience" … zone 5 "more than five years").
pub(crate) const ZONE_EXPERIENCE_YEARS: [f32; 5] = [0.0, 0.5, 1.5, 3.0, 5.0];

/// Approximate years of schooling per Required Level of Education
/// category 1–12, used to measure education gaps.
pub(crate) const EDUCATION_YEARS: [f32; 12] = [
    10.0, 12.0, 13.0, 13.0, 14.0, 16.0, 17.0, 18.0, 19.0, 19.0, 21.0, 23.0,
];

impl Profile {
    /// The education it takes to enter, an RL category 1–12: the level
    /// three in four of its workers name or exceed
    /// ([`crate::catalog::Occupation::entry_education`]).
    pub fn entry_education(&self) -> Option<u8> {
        self.education
            .as_ref()?
            .category_at(crate::catalog::ENTRY_EDUCATION_SHARE)
    }

    /// The education that is a gate to entering, if any: what a route
    /// studies for and a landing chance weighs. It is
    /// [`Profile::entry_education`] when that is a master's or more
    /// ([`crate::catalog::GATED_EDUCATION`]); or, in an occupation entered
    /// from school ([`Profile::entered_from_school`]), a degree nineteen in
    /// twenty of its workers name or exceed
    /// ([`crate::catalog::UNIVERSAL_EDUCATION_SHARE`],
    /// [`crate::catalog::DEGREE_EDUCATION`]; in O*NET's own survey of it,
    /// not answers inferred from similar occupations) — whichever is
    /// higher; in health care (SOC 29 and 31, licensed work), also the
    /// entry education where it is a degree BLS's typical entry education
    /// agrees with. Where
    /// an occupation is worked up to (a sales manager's), experience stands
    /// in for a degree below a master's, whatever its workers hold.
    pub fn gated_education(&self) -> Option<u8> {
        use crate::catalog::{
            BLENDED_EDUCATION_SHARE, DEGREE_EDUCATION, GATED_EDUCATION, UNIVERSAL_EDUCATION_SHARE,
        };
        let graduate = self.entry_education().filter(|&c| c >= GATED_EDUCATION);
        let universal = self
            .education
            .as_ref()?
            .category_at(UNIVERSAL_EDUCATION_SHARE)
            // Answers blended from similar occupations have tails of their
            // own: no gate is read from the few who say less will do.
            .filter(|&c| {
                c >= DEGREE_EDUCATION && self.entered_from_school && !self.education_inferred
            });
        // O*NET surveyed no education for it (the answers are its donors'):
        // BLS's typical entry education gates as a survey's would — a
        // graduate degree always; a degree where the occupation is entered
        // from school and the donors' answers, tails and all, leave few
        // below it (a marine engineer's bachelor's: 10.6% below; not a
        // software developer's, 32.6%, a post many enter without one).
        let designated = self
            .bls_entry_education
            .filter(|_| self.education_inferred)
            .filter(|&c| {
                c >= GATED_EDUCATION
                    || (c >= DEGREE_EDUCATION
                        && self.entered_from_school
                        && self.education.as_ref().is_some_and(|d| {
                            d.category_at(BLENDED_EDUCATION_SHARE)
                                .is_some_and(|at| at >= c)
                        }))
            });
        // Health care's licensed professions: a licence asks an accredited
        // programme, and experience does not stand in for it. Where the
        // work is entered from school, the degree three in four of its
        // workers name is a gate when BLS's typical entry education agrees
        // (a registered nurse's associate's degree: BLS names a
        // bachelor's; a medical assistant was once routed into nursing at
        // once, at a landing of 0.41).
        let licensed = self.entry_education().filter(|&c| {
            matches!(self.soc.major_number(), 29 | 31)
                && c >= DEGREE_EDUCATION
                && self.entered_from_school
                && !self.education_inferred
                && self.bls_entry_education.is_some_and(|bls| bls >= c)
        });
        graduate.max(universal).max(designated).max(licensed)
    }
}

/// Years of schooling an RL category 1–12 stands for in the model's
/// preparation facet ([`EDUCATION_YEARS`]); `None` outside 1–12.
pub(crate) fn education_years_of(category: u8) -> Option<f32> {
    EDUCATION_YEARS
        .get(usize::from(category).checked_sub(1)?)
        .copied()
}

/// Years of schooling in all an RL category 1–12 stands for when a route
/// asks for study, or landing compares education: the model's table, but a
/// first professional degree and a doctorate both four years after a
/// bachelor's (20) — O*NET's lawyers and physicians answer "doctoral" for
/// a JD or an MD, so the two must compare as equal, and a law or medical
/// degree takes three to four years. `None` outside 1–12.
pub fn schooling_years(category: u8) -> Option<f32> {
    match category {
        10 | 11 => Some(20.0),
        12 => Some(22.0),
        c => education_years_of(c),
    }
}

/// Where a profile's skill and knowledge ratings come from.
#[derive(Clone, Debug, PartialEq)]
pub enum RatingSource {
    /// O*NET's own ratings of the occupation.
    Rated,
    /// Borrowed from similar rated occupations (see the module docs).
    Imputed(Vec<OccupationId>),
    /// No ratings and nothing similar to borrow from.
    Missing,
}

/// One occupation, as the transition model sees it.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Level (LV 0–7) per model element (see [`ModelElements`]).
    pub level: Vec<f32>,
    /// Importance (IM 1–5) per model element.
    pub importance: Vec<f32>,
    /// Provenance of `level` and `importance`.
    pub ratings: RatingSource,
    /// Detailed work activities.
    pub dwas: Bits,
    /// Technologies.
    pub techs: Bits,
    /// Hot technologies.
    pub hot: Bits,
    /// Technology commodity classes.
    pub commodities: Bits,
    /// Job zone 1–5.
    pub zone: Option<u8>,
    /// Typical years of schooling required (for an occupation O*NET has no
    /// education survey of but whose ratings are inferred, the donors').
    pub education_years: Option<f32>,
    /// O*NET's Required Level of Education answers (RL, 12 categories); for
    /// an occupation with no education survey whose ratings are inferred,
    /// the donors' answers, weighted as their ratings are.
    pub education: Option<crate::catalog::Distribution>,
    /// `education_years` and `education` come from the donors.
    pub education_inferred: bool,
    /// BLS says the occupation is typically entered with no work
    /// experience in a related occupation: from school, not worked up to
    /// (chemists, teachers — not sales managers). Only then does a degree
    /// below a master's gate it ([`Profile::gated_education`]).
    pub entered_from_school: bool,
    /// BLS's typical entry education (RL category), read where O*NET has
    /// no education survey of the occupation ([`Self::gated_education`]).
    pub bls_entry_education: Option<u8>,
    /// Typical years of related experience required.
    pub experience_years: Option<f32>,
    /// O*NET-SOC code.
    pub code: OnetCode,
    /// SOC code.
    pub soc: SocCode,
    /// Σ (importance − 1) · level over skill elements: the coverage denominator.
    pub(crate) skill_need: f32,
    /// The same over knowledge elements.
    pub(crate) knowledge_need: f32,
    /// Intermediate work activities (the IWA each DWA belongs to), as sorted
    /// (IWA, IDF-weighted count) pairs, normalised to unit length.
    pub iwas: Vec<(u16, f32)>,
    /// Words of the occupation's title and alternate titles, as sorted
    /// (word, IDF weight) pairs normalised to unit length.
    pub title_words: Vec<(u32, f32)>,
    /// IDF-weighted size of `dwas`.
    pub(crate) dwa_weight: f32,
    /// IDF-weighted size of `techs`, hot technologies counted twice.
    pub(crate) tech_weight: f32,
    /// RIASEC interests minus the mean of all occupations with interests.
    pub(crate) interests: Option<[f32; 6]>,
    /// Importance then level, minus the mean of all rated occupations: the
    /// profile's shape relative to the average occupation.
    pub(crate) centered: Vec<f32>,
    /// Euclidean norm of `centered`.
    pub(crate) centered_norm: f32,
}

/// The skill and knowledge elements the model compares, in a fixed order:
/// all skills, then all knowledge areas.
#[derive(Clone, Debug)]
pub struct ModelElements {
    /// Catalog element per model position.
    pub ids: Vec<ElementId>,
    /// Positions `0..skills` are skills, the rest knowledge.
    pub skills: usize,
    /// Whether each is one of the management skills and knowledge a first
    /// management post teaches ([`crate::chances::MANAGEMENT_ELEMENTS`]),
    /// found once: the success chance asks it of every element of every
    /// move onto the management track.
    pub management: Vec<bool>,
}

impl ModelElements {
    /// The catalog's skill and knowledge elements.
    pub fn of(catalog: &Catalog) -> Self {
        let pick = |d: Domain| {
            catalog
                .elements()
                .iter()
                .enumerate()
                .filter(move |(_, e)| e.domain == d)
                .map(|(i, _)| ElementId(i as u16))
        };
        let mut ids: Vec<ElementId> = pick(Domain::Skill).collect();
        let skills = ids.len();
        ids.extend(pick(Domain::Knowledge));
        let management = ids
            .iter()
            .map(|&id| {
                crate::chances::MANAGEMENT_ELEMENTS.contains(&catalog.element(id).onet_id.as_str())
            })
            .collect();
        Self {
            ids,
            skills,
            management,
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Inverse document frequency of each member of a family of sets:
/// `ln(n / count)`, so an activity or technology every occupation shares
/// weighs nothing and a rare one weighs most.
pub(crate) fn idf(sets: &[&Bits], capacity: usize) -> Vec<f32> {
    let mut count = vec![0u32; capacity];
    for s in sets {
        for i in s.members() {
            count[i] += 1;
        }
    }
    let n = sets.len().max(1) as f32;
    count
        .iter()
        .map(|&c| if c == 0 { 0.0 } else { (n / c as f32).ln() })
        .collect()
}

/// Every occupation's profile and what the model derives from all of them.
pub(crate) struct Profiles {
    pub profiles: Vec<Profile>,
    /// IDF weight of each detailed work activity.
    pub dwa_idf: Vec<f32>,
    /// IDF weight of each technology.
    pub tech_idf: Vec<f32>,
    /// The mean level (LV 0–7) of each model element over the occupations
    /// O*NET rates: what the typical occupation needs.
    pub typical_level: Vec<f32>,
}

/// Builds every occupation's profile, imputing ratings where O*NET has none.
pub(crate) fn build_profiles(catalog: &Catalog, elements: &ModelElements) -> Profiles {
    let n_el = elements.len();
    let position: Vec<Option<usize>> = {
        let mut p = vec![None; catalog.elements().len()];
        for (i, id) in elements.ids.iter().enumerate() {
            p[usize::from(id.0)] = Some(i);
        }
        p
    };
    let n_dwa = catalog.dwas().len();
    let n_tech = catalog.technologies().len();
    let mut commodity_ids: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::new();
    for t in catalog.technologies() {
        let next = commodity_ids.len();
        commodity_ids.entry(t.commodity.as_str()).or_insert(next);
    }
    let n_comm = commodity_ids.len();

    let mut profiles: Vec<Profile> = catalog
        .occupations()
        .iter()
        .map(|o| {
            let mut level = vec![0.0; n_el];
            let mut importance = vec![0.0; n_el];
            for r in o.skills.iter().chain(&o.knowledge) {
                if let Some(p) = position[usize::from(r.element.0)] {
                    level[p] = r.level;
                    importance[p] = r.importance;
                }
            }
            let mut dwas = Bits::with_capacity(n_dwa);
            for d in &o.dwas {
                dwas.insert(usize::from(d.0));
            }
            let (mut techs, mut hot, mut commodities) = (
                Bits::with_capacity(n_tech),
                Bits::with_capacity(n_tech),
                Bits::with_capacity(n_comm),
            );
            for t in &o.technologies {
                let i = t.technology.0 as usize;
                techs.insert(i);
                if t.hot {
                    hot.insert(i);
                }
                commodities
                    .insert(commodity_ids[catalog.technology(t.technology).commodity.as_str()]);
            }
            let zone = o.job_zone.map(|z| z.get());
            Profile {
                level,
                importance,
                ratings: if o.is_rated() {
                    RatingSource::Rated
                } else {
                    RatingSource::Missing
                },
                dwas,
                techs,
                hot,
                commodities,
                zone,
                education_years: o.typical_education().and_then(education_years_of),
                education: o.education.clone(),
                education_inferred: false,
                entered_from_school: o
                    .outlook
                    .as_ref()
                    .is_some_and(|x| x.related_experience_years == Some(0.0)),
                bls_entry_education: o.outlook.as_ref().and_then(|x| x.entry_education),
                experience_years: o
                    .typical_experience_years()
                    .or_else(|| zone.map(|z| ZONE_EXPERIENCE_YEARS[usize::from(z) - 1])),
                code: o.code,
                soc: o.soc(),
                skill_need: 0.0,
                knowledge_need: 0.0,
                iwas: Vec::new(),
                title_words: Vec::new(),
                interests: o.interests,
                dwa_weight: 0.0,
                tech_weight: 0.0,
                centered: Vec::new(),
                centered_norm: 0.0,
            }
        })
        .collect();

    // Work activities and titles first: inference reads them.
    intermediate_activities(catalog, &mut profiles);
    title_words(catalog, &mut profiles);
    crate::transition::infer::infer_missing(&mut profiles);
    let with_interests: Vec<[f32; 6]> = profiles.iter().filter_map(|p| p.interests).collect();
    let mut mean_interest = [0.0f32; 6];
    for i in &with_interests {
        for k in 0..6 {
            mean_interest[k] += i[k] / with_interests.len() as f32;
        }
    }
    for p in &mut profiles {
        if let Some(i) = &mut p.interests {
            for k in 0..6 {
                i[k] -= mean_interest[k];
            }
        }
    }
    let rated: Vec<&Profile> = profiles
        .iter()
        .filter(|p| p.ratings == RatingSource::Rated)
        .collect();
    let mut mean = vec![0.0f32; 2 * n_el];
    for p in &rated {
        for e in 0..n_el {
            mean[e] += p.importance[e] / rated.len() as f32;
            mean[n_el + e] += p.level[e] / rated.len() as f32;
        }
    }
    let dwa_idf = idf(&profiles.iter().map(|p| &p.dwas).collect::<Vec<_>>(), n_dwa);
    let tech_idf = idf(
        &profiles.iter().map(|p| &p.techs).collect::<Vec<_>>(),
        n_tech,
    );
    for p in &mut profiles {
        p.dwa_weight = p.dwas.weight(&dwa_idf);
        p.tech_weight = p.techs.weight(&tech_idf) + p.hot.weight(&tech_idf);
        let need = |range: std::ops::Range<usize>| -> f32 {
            range
                .map(|e| (p.importance[e] - 1.0).max(0.0) * p.level[e])
                .sum()
        };
        p.skill_need = need(0..elements.skills);
        p.knowledge_need = need(elements.skills..n_el);
        if p.ratings != RatingSource::Missing {
            p.centered = p
                .importance
                .iter()
                .chain(&p.level)
                .zip(&mean)
                .map(|(x, m)| x - m)
                .collect();
            p.centered_norm = p.centered.iter().map(|x| x * x).sum::<f32>().sqrt();
        }
    }
    Profiles {
        profiles,
        dwa_idf,
        tech_idf,
        typical_level: mean.split_off(n_el),
    }
}

/// Fills each profile's IWA vector. A DWA id such as `4.A.2.a.4.I09.D03`
/// names its IWA (`4.A.2.a.4.I09`); counting an occupation's DWAs per IWA
/// gives a smoother picture of its work than the sparse DWA set alone.
fn intermediate_activities(catalog: &Catalog, profiles: &mut [Profile]) {
    let mut iwa_of: Vec<u16> = Vec::with_capacity(catalog.dwas().len());
    let mut ids: std::collections::HashMap<&str, u16> = std::collections::HashMap::new();
    for d in catalog.dwas() {
        let iwa = d
            .onet_id
            .rsplit_once(".D")
            .map_or(d.onet_id.as_str(), |(iwa, _)| iwa);
        let next = ids.len() as u16;
        iwa_of.push(*ids.entry(iwa).or_insert(next));
    }
    let n_iwa = ids.len();
    let mut df = vec![0u32; n_iwa];
    let counts: Vec<Vec<(u16, f32)>> = catalog
        .occupations()
        .iter()
        .map(|o| {
            let mut c: std::collections::BTreeMap<u16, f32> = std::collections::BTreeMap::new();
            for d in &o.dwas {
                *c.entry(iwa_of[usize::from(d.0)]).or_default() += 1.0;
            }
            for k in c.keys() {
                df[usize::from(*k)] += 1;
            }
            c.into_iter().collect()
        })
        .collect();
    let n = profiles.len().max(1) as f32;
    for (p, c) in profiles.iter_mut().zip(counts) {
        let mut v: Vec<(u16, f32)> = c
            .into_iter()
            .map(|(k, x)| (k, x * (n / df[usize::from(k)] as f32).ln()))
            .collect();
        let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, x)| *x /= norm);
        }
        p.iwas = v;
    }
}

/// Fills each profile's title-word vector: the distinct words of its O*NET
/// title, alternate, short and reported titles, weighted by how few
/// occupations use them.
fn title_words(catalog: &Catalog, profiles: &mut [Profile]) {
    // The title index already holds every title tokenised; reuse it.
    let index = catalog.titles();
    let sets: Vec<Vec<u32>> = index
        .occupation_words(profiles.len())
        .into_iter()
        .map(|words| {
            words
                .into_iter()
                .filter(|&w| {
                    let text = index.word(w);
                    text.len() > 2 && !STOP_WORDS.contains(&text)
                })
                .collect()
        })
        .collect();
    let mut df = std::collections::HashMap::<u32, u32>::new();
    for s in &sets {
        for &w in s {
            *df.entry(w).or_default() += 1;
        }
    }
    let n = sets.len().max(1) as f32;
    for (p, s) in profiles.iter_mut().zip(sets) {
        let mut v: Vec<(u32, f32)> = s
            .into_iter()
            .map(|w| (w, (n / df[&w] as f32).ln()))
            .collect();
        let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, x)| *x /= norm);
        }
        p.title_words = v;
    }
}

/// Words that say nothing about the work.
const STOP_WORDS: [&str; 8] = ["and", "the", "for", "all", "other", "except", "with", "non"];

/// Dot product of two sparse vectors sorted by index.
pub(crate) fn sparse_dot<I: Ord + Copy>(a: &[(I, f32)], b: &[(I, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}
