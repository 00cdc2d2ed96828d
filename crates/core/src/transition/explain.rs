//! Why a move is as feasible as it is: the facets, the transferable
//! strengths, the gaps, and the technologies and activities behind them.

use crate::catalog::{Catalog, DwaId, ElementId, OccupationId, TechnologyId};
use crate::transition::profile::RatingSource;
use crate::transition::{Facets, TransitionModel};

/// Elements whose importance to the destination is below this are not
/// listed as strengths or gaps (O*NET importance 3 is "important").
pub(crate) const MIN_IMPORTANCE: f32 = 3.0;

/// One skill or knowledge element compared across a move.
#[derive(Clone, Debug, PartialEq)]
pub struct ElementComparison {
    /// The element.
    pub element: ElementId,
    /// The level the origin occupation has (LV 0–7).
    pub have: f32,
    /// The level the destination requires.
    pub need: f32,
    /// Its importance to the destination (IM 1–5).
    pub importance: f32,
}

/// The explanation of one directed pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The score.
    pub score: f32,
    /// The facets it combines.
    pub facets: Facets,
    /// Important destination elements the origin already meets, those the
    /// destination needs most above the typical occupation first
    /// ([`TransitionModel::typical_level`]).
    pub strengths: Vec<ElementComparison>,
    /// Important destination elements the origin falls short of, largest
    /// importance-weighted shortfall first.
    pub gaps: Vec<ElementComparison>,
    /// Technologies employers ask for in the destination (O*NET's "In
    /// Demand" for it) that the origin does not use. The name is the JSON
    /// contract's; a technology hot across all postings but not asked for
    /// in the destination's is left out.
    pub missing_hot_technologies: Vec<TechnologyId>,
    /// Detailed work activities both perform.
    pub shared_activities: Vec<DwaId>,
    /// Where each side's ratings come from.
    pub ratings: (RatingSource, RatingSource),
}

impl TransitionModel {
    /// Explains a → b, listing up to `limit` strengths, gaps and technologies.
    pub fn explain(
        &self,
        catalog: &Catalog,
        a: OccupationId,
        b: OccupationId,
        limit: usize,
    ) -> Explanation {
        let (pa, pb) = (self.profile(a), self.profile(b));
        let mut strengths = Vec::new();
        let mut gaps = Vec::new();
        if pa.ratings != RatingSource::Missing && pb.ratings != RatingSource::Missing {
            for (i, &element) in self.elements().ids.iter().enumerate() {
                let c = ElementComparison {
                    element,
                    have: pa.level[i],
                    need: pb.level[i],
                    importance: pb.importance[i],
                };
                if c.importance < MIN_IMPORTANCE {
                    continue;
                }
                if c.have >= c.need {
                    let distinctive = c.importance * (c.need - self.typical_level[i]);
                    strengths.push((c, distinctive))
                } else {
                    gaps.push(c)
                }
            }
        }
        // What sets the destination apart comes first: speaking or active
        // listening are important almost everywhere, so naming them says
        // nothing about this move.
        strengths.sort_by(|(x, kx), (y, ky)| {
            ky.total_cmp(kx).then(y.importance.total_cmp(&x.importance))
        });
        let mut strengths: Vec<ElementComparison> = strengths.into_iter().map(|(c, _)| c).collect();
        gaps.sort_by(|x, y| {
            let wx = x.importance * (x.need - x.have);
            let wy = y.importance * (y.need - y.have);
            wy.total_cmp(&wx)
        });
        strengths.truncate(limit);
        gaps.truncate(limit);
        let (oa, ob) = (catalog.occupation(a), catalog.occupation(b));
        // Asked for in this occupation's postings (O*NET's "In Demand"),
        // not merely hot across all postings: a nurse manager's hot list
        // names Apache Hadoop and Autodesk Revit.
        let mut missing_hot_technologies: Vec<TechnologyId> = ob
            .technologies
            .iter()
            .filter(|t| t.in_demand && !pa.techs.contains(t.technology.0 as usize))
            .map(|t| t.technology)
            .collect();
        missing_hot_technologies.sort_by_key(|t| catalog.technology(*t).name.clone());
        missing_hot_technologies.truncate(limit);
        let shared_activities: Vec<DwaId> = oa
            .dwas
            .iter()
            .filter(|d| pb.dwas.contains(usize::from(d.0)))
            .copied()
            .take(limit)
            .collect();
        Explanation {
            score: self.score(a, b),
            facets: self.facets(a, b),
            strengths,
            gaps,
            missing_hot_technologies,
            shared_activities,
            ratings: (pa.ratings.clone(), pb.ratings.clone()),
        }
    }
}
