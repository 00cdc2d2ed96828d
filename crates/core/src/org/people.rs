//! The people and open roles of an organisation, as its files give them:
//! plain records whose job codes the reader has checked against the job
//! architecture.

use crate::catalog::OccupationId;
use crate::level::Level;

/// Where a person is aiming.
#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    /// A job of the organisation, by its code.
    Job(String),
    /// An occupation, at a level if given: the organisation's lowest job
    /// of that occupation at or above the level stands for it.
    Occupation {
        /// The occupation.
        occupation: OccupationId,
        /// The least level, if given.
        level: Option<Level>,
    },
}

/// One employee (pseudonymous).
#[derive(Clone, Debug, PartialEq)]
pub struct Employee {
    /// The organisation's pseudonymous id; the only identity outputs carry.
    pub id: String,
    /// The job code of the person's job.
    pub job_code: String,
    /// The department the person works in.
    pub department: String,
    /// The person's grade in the organisation's own scheme, if given.
    pub grade: Option<String>,
    /// Annual salary, if given.
    pub salary: Option<u32>,
    /// Years in the present job, if given.
    pub years_in_role: Option<f32>,
    /// Years of working experience, if given.
    pub years_experience: Option<f32>,
    /// Whether the person manages people, if given.
    pub manages_people: Option<bool>,
    /// Where the person is aiming, if anywhere.
    pub goal: Option<Goal>,
    /// The most grades down the person would step, if they said.
    pub max_step_down: Option<u8>,
    /// The lowest annual pay the person would accept, if they said.
    pub min_pay: Option<u32>,
}

/// One open role.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenRole {
    /// The organisation's id for the role.
    pub id: String,
    /// The job code of the role.
    pub job_code: String,
    /// The department the role is in.
    pub department: String,
    /// The role's grade in the organisation's own scheme, if given.
    pub grade: Option<String>,
    /// The advertised annual salary, if given.
    pub salary: Option<u32>,
}

/// One row of a grade mapping: the organisation's grade and the level it
/// stands for on Switchback's ladder.
#[derive(Clone, Debug, PartialEq)]
pub struct GradeLevel {
    /// The organisation's grade, as its files write it.
    pub grade: String,
    /// The level.
    pub level: Level,
}
