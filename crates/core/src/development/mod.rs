//! The development plan: the seeds' three ways to set a move up to succeed
//! — a development plan agreed with the new manager, measurable objectives
//! and benchmarks, a negotiated tenure — plus the HR business partner's
//! checkpoints, learning per gap and talking points for the first
//! conversations.
//!
//! [`build`] turns an option the advisor judged into a [`DevelopmentPlan`].
//! The plan is a self-contained document: it names occupations by O*NET-SOC
//! code and elements by content-model id, never by catalog index, so a
//! stored plan still reads the same after the catalog is updated.
//!
//! - [`learning`]: learning activities and the catalogs they come from.
//! - [`status`]: check-ins and the on track / at risk / off track rule.

pub mod learning;
pub mod status;

mod build;
mod talk;

pub use build::{MAX_ELEMENTS, build};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::advisor::{Circumstance, Verdict};
use crate::code::OnetCode;
use crate::level::Level;

use learning::Suggestion;

/// A department goal from the profile, which objectives align to where they fit.
#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentGoal {
    /// Its id in the profile (unique).
    pub id: String,
    /// What the department wants, in its words.
    pub description: String,
    /// O*NET elements it names outright (aligned before any word match).
    pub elements: Vec<crate::catalog::ElementId>,
}

/// A position as a plan records it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanPosition {
    /// O*NET-SOC code (as text in the document: `15-1252.00`).
    #[serde(with = "crate::code::as_text")]
    pub code: OnetCode,
    /// Occupation title.
    pub title: String,
    /// Level.
    pub level: Level,
}

/// A development plan for taking one option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DevelopmentPlan {
    /// The option's id in the profile.
    pub option_id: String,
    /// Where the person stands before the move.
    pub current: PlanPosition,
    /// The position the move takes them to.
    pub new_position: PlanPosition,
    /// The position after it on the route to the goal (the goal itself,
    /// or the new position when there is no goal): the gaps are measured to it.
    pub next_position: PlanPosition,
    /// The goal, if the profile has one.
    pub goal: Option<PlanPosition>,
    /// The onward route from the new position, stop by stop, if one exists.
    pub route: Vec<PlanPosition>,
    /// The advisor's verdict on the option.
    pub verdict: Verdict,
    /// The circumstances the option serves.
    pub circumstances: Vec<Circumstance>,
    /// Likelihood of succeeding in the new position, 0–1.
    pub success: f32,
    /// Data the plan stands on.
    pub sources: String,
    /// What to agree with the new manager: the functions and experiences
    /// that close the gaps to the next position.
    pub elements: Vec<DevelopmentElement>,
    /// Measurable objectives, one per element.
    pub objectives: Vec<Objective>,
    /// The tenure to negotiate.
    pub tenure: Tenure,
    /// What to say in the first conversations.
    pub talking_points: Vec<TalkingPoint>,
}

/// What stands between the person and the next position.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Gap {
    /// An O*NET skill or knowledge element.
    Element {
        /// Content-model id, e.g. `2.B.5.b`.
        onet_id: String,
        /// Name.
        name: String,
        /// `skill` or `knowledge`.
        domain: String,
        /// The person's level (O*NET level scale 0–7).
        have: f32,
        /// Whether `have` is the person's own assessment rather than their
        /// occupation's O*NET rating.
        self_assessed: bool,
        /// The level the next position requires.
        need: f32,
        /// Its importance to the next position (1–5).
        importance: f32,
        /// The level the new position works at.
        new_position_level: f32,
        /// Shown rather than learned: the person brings it, and the plan
        /// (which has no gap) asks them to show it in the new role. Kept
        /// with the plan, so a stored plan reads the same later.
        #[serde(default)]
        shown: bool,
    },
    /// A hot technology of the next position the person does not use.
    Technology {
        /// O*NET technology name.
        name: String,
        /// Its category (UNSPSC commodity title).
        category: String,
        /// Employers list it in demand for the next position.
        in_demand: bool,
        /// The new position uses it.
        used_in_new_position: bool,
    },
}

impl DevelopmentPlan {
    /// Adds a learning activity to development element `number` (the HR
    /// business partner's addition); `None` when the plan has no such
    /// element. The activity targets the element's gap.
    pub fn add_learning(
        &mut self,
        number: u32,
        kind: learning::ActivityKind,
        title: String,
        provider: Option<String>,
        url: Option<String>,
    ) -> Option<&DevelopmentElement> {
        let element = self.elements.iter_mut().find(|e| e.number == number)?;
        let target = match &element.gap {
            Gap::Element { onet_id, .. } => learning::LearningTarget::Element(onet_id.clone()),
            Gap::Technology { name, .. } => learning::LearningTarget::Technology(name.clone()),
        };
        element.learning.push(Suggestion {
            activity: learning::LearningActivity {
                target,
                kind,
                title,
                provider,
                hours: None,
                url,
            },
            source: learning::ActivitySource::HrPartner,
        });
        Some(element)
    }
}

impl Gap {
    /// The element's or technology's name.
    pub fn name(&self) -> &str {
        match self {
            Gap::Element { name, .. } | Gap::Technology { name, .. } => name,
        }
    }

    /// An element the person already brings: the plan is to show it in
    /// the new role, not to learn it (a plan with no gap to the next
    /// position).
    pub fn to_show(&self) -> bool {
        matches!(self, Gap::Element { shown: true, .. })
    }

    /// "level 3.2 → 4.6", "level 4.3 to show (you bring 4.6)" or "not
    /// used → used".
    pub fn levels(&self) -> String {
        match self {
            Gap::Element { have, need, .. } if self.to_show() => {
                format!("level {need:.1} to show (you bring {have:.1})")
            }
            Gap::Element { have, need, .. } => format!("level {have:.1} → {need:.1}"),
            Gap::Technology { .. } => "not used → used".to_owned(),
        }
    }
}

/// One development element to agree with the new manager.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DevelopmentElement {
    /// 1-based number in the plan.
    pub number: u32,
    /// The gap it closes.
    pub gap: Gap,
    /// Whether the new position's own work closes it (else it takes
    /// training and assignments beyond the role).
    pub in_role: bool,
    /// How the new position closes it, in words, citing the data.
    pub how: String,
    /// Learning activities for it.
    pub learning: Vec<Suggestion>,
}

impl DevelopmentElement {
    /// What closes it, in words: "the role closes it", "needs learning
    /// beyond the role", or, for an element the person brings
    /// ([`Gap::to_show`]), "the role's own work shows it".
    pub fn closed_by(&self) -> &'static str {
        if self.gap.to_show() {
            "the role's own work shows it"
        } else if self.in_role {
            "the role closes it"
        } else {
            "needs learning beyond the role"
        }
    }
}

/// A dated point on the way to an objective.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    /// The day.
    pub by: Date,
    /// Progress expected by then, percent.
    pub progress: u8,
    /// What it looks like.
    pub description: String,
}

/// A department goal an objective serves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DepartmentGoalLink {
    /// The goal's id in the profile.
    pub id: String,
    /// Its description.
    pub description: String,
    /// Why the objective serves it.
    pub why: String,
}

/// A measurable objective.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    /// 1-based number in the plan; check-ins name it.
    pub number: u32,
    /// The development element whose gap it closes.
    pub element: u32,
    /// In a line.
    pub title: String,
    /// What is measured.
    pub metric: String,
    /// Where it starts.
    pub baseline: String,
    /// Where it must get.
    pub target: String,
    /// When.
    pub due: Date,
    /// Points on the way.
    pub benchmarks: Vec<Benchmark>,
    /// What shows it is met.
    pub evidence: String,
    /// How it serves the person's goal.
    pub serves_goal: String,
    /// The department goal it is aligned to, where one fits.
    pub department_goal: Option<DepartmentGoalLink>,
}

/// Kinds of dated event in a tenure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// A review with the new manager.
    ManagerReview,
    /// A checkpoint with the HR business partner.
    HrCheckpoint,
    /// The earliest date for the onward move: the tenure review.
    TenureReview,
    /// The latest date for the onward move: the end of the agreed tenure.
    EndOfTenure,
}

impl MilestoneKind {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            MilestoneKind::ManagerReview => "manager_review",
            MilestoneKind::HrCheckpoint => "hr_checkpoint",
            MilestoneKind::TenureReview => "tenure_review",
            MilestoneKind::EndOfTenure => "end_of_tenure",
        }
    }

    /// The name in prose: `HR checkpoint`.
    pub fn words(self) -> &'static str {
        match self {
            MilestoneKind::ManagerReview => "manager review",
            MilestoneKind::HrCheckpoint => "HR checkpoint",
            MilestoneKind::TenureReview => "tenure review",
            MilestoneKind::EndOfTenure => "end of tenure",
        }
    }
}

/// A dated event of the tenure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    /// The day.
    pub date: Date,
    /// What kind.
    pub kind: MilestoneKind,
    /// In a line.
    pub title: String,
    /// What to cover.
    pub agenda: Vec<String>,
}

/// The tenure to negotiate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tenure {
    /// The first day in the new position.
    pub start: Date,
    /// The earliest day for the onward move.
    pub earliest_move: Date,
    /// The latest day for it: the end of the agreed tenure.
    pub latest_move: Date,
    /// Why these dates, citing the route.
    pub basis: String,
    /// Reviews, HR checkpoints, the tenure review and its end, by date.
    pub milestones: Vec<Milestone>,
    /// Monthly check-ins, by date.
    pub checkins_due: Vec<Date>,
}

/// Who a talking point is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The new manager.
    Manager,
    /// The new team.
    Team,
}

/// Something to say in the first conversations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TalkingPoint {
    /// Who to say it to.
    pub audience: Audience,
    /// What to say.
    pub text: String,
}
