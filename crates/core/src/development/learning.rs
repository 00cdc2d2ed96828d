//! Learning activities — courses, stretch assignments, shadowing, mentoring —
//! and what each one teaches: an O*NET element, a family of elements, a
//! technology or a technology category.
//!
//! Two catalogs are consulted: the organisation's own (imported by
//! `switchback learning import`), then the bundled one. A gap is matched
//! to its element first, then to the element's family in the O*NET content
//! model (`2.B.5` holds every resource-management skill), so a catalog can
//! be as specific or as broad as its author likes.

use serde::{Deserialize, Serialize};

/// The kinds of activity the seeds' development plans draw on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// A course on the topic.
    Course,
    /// Work beyond the role's usual scope that exercises the gap.
    StretchAssignment,
    /// Watching someone who does it well.
    Shadowing,
    /// Regular conversations with someone who has done it.
    Mentoring,
}

impl ActivityKind {
    /// Every kind, in the order suggestions prefer them.
    pub const ALL: [ActivityKind; 4] = [
        ActivityKind::Course,
        ActivityKind::StretchAssignment,
        ActivityKind::Shadowing,
        ActivityKind::Mentoring,
    ];

    /// The snake_case name used in files and JSON.
    pub fn name(self) -> &'static str {
        match self {
            ActivityKind::Course => "course",
            ActivityKind::StretchAssignment => "stretch_assignment",
            ActivityKind::Shadowing => "shadowing",
            ActivityKind::Mentoring => "mentoring",
        }
    }

    /// Parses a name (any case; spaces, hyphens and underscores alike).
    pub fn parse(text: &str) -> Option<ActivityKind> {
        let t = text.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Self::ALL.into_iter().find(|k| k.name() == t)
    }
}

/// What an activity teaches.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "key", rename_all = "snake_case")]
pub enum LearningTarget {
    /// An O*NET content-model id: an element (`2.B.5.b`) or a family
    /// of elements (`2.B.5`).
    Element(String),
    /// A technology by its O*NET name (`Microsoft Excel`).
    Technology(String),
    /// A technology category, the UNSPSC commodity title O*NET files it
    /// under (`Spreadsheet software`).
    Category(String),
}

impl LearningTarget {
    /// The stored form: `element:2.B.5`, `technology:…`, `category:…`.
    pub fn key(&self) -> String {
        match self {
            LearningTarget::Element(id) => format!("element:{id}"),
            LearningTarget::Technology(name) => format!("technology:{name}"),
            LearningTarget::Category(name) => format!("category:{name}"),
        }
    }

    /// Reads the stored form back.
    pub fn from_key(key: &str) -> Option<LearningTarget> {
        let (kind, value) = key.split_once(':')?;
        let value = value.to_owned();
        match kind {
            "element" => Some(LearningTarget::Element(value)),
            "technology" => Some(LearningTarget::Technology(value)),
            "category" => Some(LearningTarget::Category(value)),
            _ => None,
        }
    }
}

/// Where a suggestion comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivitySource {
    /// The organisation's imported catalogue.
    Organisation,
    /// The catalog bundled with Switchback.
    Bundled,
    /// Written from the gap itself because no catalog covers it.
    Generated,
    /// Added to the plan by the HR business partner.
    HrPartner,
}

impl ActivitySource {
    /// Where it comes from, in words: `added by your HR business partner`.
    pub fn words(self) -> &'static str {
        match self {
            ActivitySource::Organisation => "your organisation",
            ActivitySource::Bundled => "Switchback catalog",
            ActivitySource::Generated => "suggested",
            ActivitySource::HrPartner => "added by your HR business partner",
        }
    }
}

/// One learning activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearningActivity {
    /// What it teaches.
    pub target: LearningTarget,
    /// Course, stretch assignment, shadowing or mentoring.
    pub kind: ActivityKind,
    /// What to do, in a line.
    pub title: String,
    /// Who offers it, if anyone in particular.
    pub provider: Option<String>,
    /// Hours it takes, if known.
    pub hours: Option<f32>,
    /// Where to find it.
    pub url: Option<String>,
}

/// A suggestion made for one gap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The activity.
    #[serde(flatten)]
    pub activity: LearningActivity,
    /// Which catalog it came from.
    pub source: ActivitySource,
}

/// The catalogs a plan draws its learning from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LearningCatalog {
    /// The organisation's own activities, preferred.
    pub organisation: Vec<LearningActivity>,
    /// The bundled activities.
    pub bundled: Vec<LearningActivity>,
}

/// How many activities a gap gets at most.
pub(crate) const SUGGESTIONS_PER_GAP: usize = 3;

impl LearningCatalog {
    /// Activities for an O*NET element: the element's own first, then its
    /// families' from the narrowest up; the organisation's before the
    /// bundled at each step; one of each kind before a second of any; and
    /// activities titled in `already` (suggested for another gap) last.
    pub fn for_element(&self, onet_id: &str, already: &[String]) -> Vec<Suggestion> {
        // `2.B.5.b` → ["2.B.5.b", "2.B.5", "2.B"]
        let mut keys = vec![onet_id.to_owned()];
        let mut rest = onet_id;
        while let Some((head, _)) = rest.rsplit_once('.') {
            if !head.contains('.') {
                break;
            }
            keys.push(head.to_owned());
            rest = head;
        }
        let targets: Vec<LearningTarget> = keys.into_iter().map(LearningTarget::Element).collect();
        self.pick(&targets, already)
    }

    /// Activities for a technology: the technology's own, then its
    /// category's, in the same order of preference as [`Self::for_element`].
    pub(crate) fn for_technology(
        &self,
        name: &str,
        category: &str,
        already: &[String],
    ) -> Vec<Suggestion> {
        self.pick(
            &[
                LearningTarget::Technology(name.to_owned()),
                LearningTarget::Category(category.to_owned()),
            ],
            already,
        )
    }

    fn pick(&self, targets: &[LearningTarget], already: &[String]) -> Vec<Suggestion> {
        let mut ranked: Vec<Suggestion> = Vec::new();
        for target in targets {
            for (source, list) in [
                (ActivitySource::Organisation, &self.organisation),
                (ActivitySource::Bundled, &self.bundled),
            ] {
                for a in list.iter().filter(|a| target_matches(&a.target, target)) {
                    ranked.push(Suggestion {
                        activity: a.clone(),
                        source,
                    });
                }
            }
        }
        // Fresh before repeated (stable, so preference order holds within each).
        ranked.sort_by_key(|s| already.contains(&s.activity.title));
        // Variety first: a course, an assignment and a mentor teach more
        // together than three courses.
        let mut chosen: Vec<Suggestion> = Vec::new();
        for round in 0..SUGGESTIONS_PER_GAP {
            for s in &ranked {
                if chosen.len() == SUGGESTIONS_PER_GAP {
                    return chosen;
                }
                let same_kind = chosen
                    .iter()
                    .filter(|c| c.activity.kind == s.activity.kind)
                    .count();
                if same_kind == round && !chosen.contains(s) {
                    chosen.push(s.clone());
                }
            }
        }
        chosen
    }
}

fn target_matches(have: &LearningTarget, want: &LearningTarget) -> bool {
    match (have, want) {
        (LearningTarget::Element(a), LearningTarget::Element(b)) => a == b,
        (LearningTarget::Technology(a), LearningTarget::Technology(b))
        | (LearningTarget::Category(a), LearningTarget::Category(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn activity(target: LearningTarget, kind: ActivityKind, title: &str) -> LearningActivity {
        LearningActivity {
            target,
            kind,
            title: title.to_owned(),
            provider: None,
            hours: None,
            url: None,
        }
    }

    #[test]
    fn element_then_family_organisation_first_and_varied() {
        let el = |id: &str| LearningTarget::Element(id.to_owned());
        let catalog = LearningCatalog {
            organisation: vec![activity(
                el("2.B.5"),
                ActivityKind::Course,
                "Our budgeting course",
            )],
            bundled: vec![
                activity(el("2.B.5.b"), ActivityKind::Course, "Finance for managers"),
                activity(el("2.B.5.b"), ActivityKind::Course, "Another course"),
                activity(
                    el("2.B.5"),
                    ActivityKind::Mentoring,
                    "A budget holder mentors you",
                ),
                activity(el("2.B.5.a"), ActivityKind::Shadowing, "Not this element"),
            ],
        };
        let titles: Vec<String> = catalog
            .for_element("2.B.5.b", &[])
            .into_iter()
            .map(|s| s.activity.title)
            .collect();
        assert_eq!(
            titles,
            [
                "Finance for managers",
                "A budget holder mentors you",
                "Another course"
            ]
        );
        let family = catalog.for_element("2.B.5.d", &[]);
        assert_eq!(family[0].activity.title, "Our budgeting course");
        assert_eq!(family[0].source, ActivitySource::Organisation);
        let again = catalog.for_element("2.B.5.b", &["Finance for managers".to_owned()]);
        // Another gap already lists it, and fresh activities fill the three places.
        assert!(
            again
                .iter()
                .all(|s| s.activity.title != "Finance for managers")
        );
        assert_eq!(again.len(), 3);
    }

    #[test]
    fn technology_falls_back_to_its_category() {
        let catalog = LearningCatalog {
            organisation: vec![],
            bundled: vec![activity(
                LearningTarget::Category("Spreadsheet software".into()),
                ActivityKind::Course,
                "Spreadsheet modelling",
            )],
        };
        assert_eq!(
            catalog
                .for_technology("Microsoft Excel", "spreadsheet software", &[])
                .len(),
            1
        );
        assert!(
            catalog
                .for_technology("Microsoft Excel", "Other", &[])
                .is_empty()
        );
    }

    #[test]
    fn kinds_and_keys_round_trip() {
        for k in ActivityKind::ALL {
            assert_eq!(ActivityKind::parse(k.name()), Some(k));
        }
        assert_eq!(
            ActivityKind::parse("Stretch assignment"),
            Some(ActivityKind::StretchAssignment)
        );
        assert_eq!(ActivityKind::parse("webinar"), None);
        let t = LearningTarget::Technology("SAP software".into());
        assert_eq!(LearningTarget::from_key(&t.key()), Some(t));
        assert_eq!(LearningTarget::from_key("nonsense"), None);
    }
}
