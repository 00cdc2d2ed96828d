//! Every failure a use case reports, with a stable code per kind, so an
//! HTTP edge maps it to a status and a JSON error and the CLI to an exit
//! code, without either looking inside.

use switchback_core::advisor::AdviseError;
use switchback_core::resolve::ResolveError;
use switchback_data::LoadError;
use switchback_data::learning::LearningError;
use switchback_data::profile_file::ProfileError;
use switchback_store::StoreError;

/// Why a use case could not give its answer. The message (`Display`) is
/// for a person; [`AppError::code`] is for programs.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A request value is wrong: an option id, a limit, a date.
    #[error("{field}: {message}")]
    Invalid {
        /// The field (`--option`, `limit`).
        field: String,
        /// What is wrong, with the value and the nearest valid choice.
        message: String,
    },
    /// A profile could not be read or is wrong.
    #[error(transparent)]
    Profile(#[from] ProfileError),
    /// A role names no occupation.
    #[error(transparent)]
    Role(#[from] ResolveError),
    /// There is nothing to advise on.
    #[error(transparent)]
    Advise(#[from] AdviseError),
    /// The plan store refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A learning catalogue could not be read.
    #[error(transparent)]
    Learning(#[from] LearningError),
    /// The catalog could not be loaded.
    #[error(transparent)]
    Catalog(#[from] LoadError),
    /// A reference list could not be read.
    #[error(transparent)]
    Reference(#[from] switchback_data::TableError),
    /// The username or password is wrong (one message for both).
    #[error("sign in: the username or password is wrong")]
    SignInFailed,
    /// Too many failed sign-ins for the account or from the address.
    #[error("sign in: too many failed attempts; try again in {} minutes", retry_after_seconds.div_ceil(60))]
    TooManyAttempts {
        /// When to try again.
        retry_after_seconds: u64,
    },
    /// A signed-in account asks for something its role does not allow.
    #[error("forbidden: your role does not allow you to {action}")]
    Forbidden {
        /// What was asked.
        action: &'static str,
    },
    /// No plan with this id that the account may see (whether it exists
    /// or not is not said).
    #[error("plan: there is no plan {id} that you can see")]
    PlanNotFound {
        /// The id asked for.
        id: i64,
    },
    /// An organisation's file (job architecture, mapping) cannot be used:
    /// an unknown or missing column, or no row that could be read.
    #[error(transparent)]
    OrgFile(#[from] switchback_data::org::FileError),
}

impl AppError {
    /// A request value is wrong.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> AppError {
        AppError::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The stable code of this kind of failure (`docs/ARCHITECTURE.md`
    /// lists them): programs branch on it, never on the message.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid { .. } => "invalid_argument",
            AppError::Profile(ProfileError::Io { .. }) => "profile_unreadable",
            AppError::Profile(ProfileError::Extension { .. }) => "profile_type",
            AppError::Profile(ProfileError::Syntax { .. }) => "profile_syntax",
            AppError::Profile(ProfileError::Invalid { .. }) => "profile_invalid",
            AppError::Role(_) => "role_unknown",
            AppError::Advise(_) => "nothing_to_advise",
            AppError::Store(e) => store_code(e),
            AppError::Learning(_) => "learning_unreadable",
            AppError::Catalog(_) => "catalog_unreadable",
            AppError::Reference(_) => "reference_unreadable",
            AppError::OrgFile(_) => "org_file_invalid",
            AppError::SignInFailed => "sign_in_failed",
            AppError::TooManyAttempts { .. } => "too_many_attempts",
            AppError::Forbidden { .. } => "forbidden",
            AppError::PlanNotFound { .. } => "plan_not_found",
        }
    }

    /// The request field the failure concerns, where there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Invalid { field, .. } => Some(field),
            AppError::Profile(ProfileError::Invalid { field, .. }) => Some(field),
            AppError::Store(StoreError::UnknownObjective { .. }) => Some("objective"),
            AppError::Store(StoreError::CheckInDate { .. }) => Some("date"),
            AppError::Store(StoreError::AccountTaken { .. }) => Some("username"),
            AppError::Store(StoreError::InvitationInvalid | StoreError::OwnInvitation) => {
                Some("invitation")
            }
            AppError::OrgFile(e) => Some(&e.0.field),
            _ => None,
        }
    }

    /// Whether the caller asked for something that is not there (a plan,
    /// an objective): an HTTP edge answers 404.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            AppError::PlanNotFound { .. }
                | AppError::Store(
                    StoreError::NoRole { .. }
                        | StoreError::UnknownPlan { .. }
                        | StoreError::NoDatabase { .. }
                        | StoreError::UnknownObjective { .. }
                )
        )
    }

    /// Whether the fault is in the request rather than in the machine:
    /// the CLI exits 2 for the first kind of these, 1 for the rest.
    pub fn is_usage(&self) -> bool {
        matches!(self, AppError::Invalid { .. })
    }
}

fn store_code(e: &StoreError) -> &'static str {
    match e {
        StoreError::UnknownPlan { .. } | StoreError::NoDatabase { .. } => "plan_not_found",
        StoreError::UnknownObjective { .. } => "objective_not_found",
        StoreError::CheckInDate { .. } => "checkin_date_outside_tenure",
        StoreError::NotADatabase { .. } | StoreError::Foreign { .. } => "database_foreign",
        StoreError::TooNew { .. } | StoreError::CannotUpgrade { .. } => "database_version",
        StoreError::AccountTaken { .. } => "account_taken",
        StoreError::InvitationInvalid => "invitation_invalid",
        StoreError::OwnInvitation => "invalid_argument",
        StoreError::NoRole { .. } => "plan_not_found",
        StoreError::OwnerIsNotAMember => "invalid_argument",
        _ => "database_failed",
    }
}
