//! Who may do what with a shared development plan: the one table every
//! edge asks (docs/SECURITY.md prints it).
//!
//! A plan belongs to its person (the owner). The person invites their new
//! manager and their HR business partner, each with that role on that
//! plan. Anyone else — another signed-in user, an administrator, no one
//! signed in — holds no role and may do nothing with the plan, not even
//! learn that it exists.

/// A role on one plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanRole {
    /// The person whose plan it is.
    Owner,
    /// The new manager the person invited.
    Manager,
    /// The HR business partner the person invited.
    Hr,
}

impl PlanRole {
    /// Every role, in the table's order.
    pub const ALL: [PlanRole; 3] = [PlanRole::Owner, PlanRole::Manager, PlanRole::Hr];

    /// The name stored and shown.
    pub fn name(self) -> &'static str {
        match self {
            PlanRole::Owner => "owner",
            PlanRole::Manager => "manager",
            PlanRole::Hr => "hr",
        }
    }

    /// The role a name names.
    pub fn parse(name: &str) -> Option<PlanRole> {
        PlanRole::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// Something one may do with a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read the plan, its check-ins, agreements and history; export it.
    Read,
    /// Download the profile the plan was made from: the person's pay floor,
    /// savings, other offers and every option they weighed — theirs alone,
    /// not for the manager they may be negotiating with.
    ReadProfile,
    /// Check in as the person.
    CheckInAsPerson,
    /// Check in as the manager.
    CheckInAsManager,
    /// Check in as the HR business partner.
    CheckInAsHr,
    /// Agree the development elements, the objectives or the tenure.
    Agree,
    /// Add learning to the plan.
    AddLearning,
    /// Invite a manager or an HR business partner, or remove one.
    ManageMembers,
    /// Delete the plan and its history, for everyone.
    Delete,
}

impl Action {
    /// Every action, in the table's order.
    pub const ALL: [Action; 9] = [
        Action::Read,
        Action::ReadProfile,
        Action::CheckInAsPerson,
        Action::CheckInAsManager,
        Action::CheckInAsHr,
        Action::Agree,
        Action::AddLearning,
        Action::ManageMembers,
        Action::Delete,
    ];

    /// The name in docs and errors.
    pub fn name(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::ReadProfile => "download the profile the plan was made from",
            Action::CheckInAsPerson => "check in as the person",
            Action::CheckInAsManager => "check in as the manager",
            Action::CheckInAsHr => "check in as HR",
            Action::Agree => "agree",
            Action::AddLearning => "add learning",
            Action::ManageMembers => "invite or remove members",
            Action::Delete => "delete",
        }
    }
}

/// Whether a holder of `role` on a plan (`None`: no role — another user,
/// an administrator, no session) may do `action` with it. The whole
/// access model is this table.
pub fn allows(role: Option<PlanRole>, action: Action) -> bool {
    use Action::*;
    use PlanRole::*;
    let Some(role) = role else {
        return false;
    };
    matches!(
        (role, action),
        (_, Read)
            | (
                Owner,
                ReadProfile | CheckInAsPerson | ManageMembers | Delete
            )
            | (Manager, CheckInAsManager | Agree)
            | (Hr, CheckInAsHr | AddLearning)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_role_no_access() {
        for a in Action::ALL {
            assert!(!allows(None, a), "{a:?}");
        }
    }

    #[test]
    fn each_role_does_its_part_and_nothing_else() {
        let can = |r, a| allows(Some(r), a);
        for r in PlanRole::ALL {
            assert!(can(r, Action::Read));
        }
        // Only the person downloads the profile, checks in as the person,
        // manages who is on the plan and deletes it.
        for a in [
            Action::ReadProfile,
            Action::CheckInAsPerson,
            Action::ManageMembers,
            Action::Delete,
        ] {
            assert_eq!(
                PlanRole::ALL.map(|r| can(r, a)),
                [true, false, false],
                "{a:?}"
            );
        }
        // The manager agrees and checks in as manager; HR checks in as HR
        // and adds learning.
        assert_eq!(
            PlanRole::ALL.map(|r| can(r, Action::Agree)),
            [false, true, false]
        );
        assert_eq!(
            PlanRole::ALL.map(|r| can(r, Action::CheckInAsManager)),
            [false, true, false]
        );
        assert_eq!(
            PlanRole::ALL.map(|r| can(r, Action::CheckInAsHr)),
            [false, false, true]
        );
        assert_eq!(
            PlanRole::ALL.map(|r| can(r, Action::AddLearning)),
            [false, false, true]
        );
    }

    #[test]
    fn role_names_round_trip() {
        for r in PlanRole::ALL {
            assert_eq!(PlanRole::parse(r.name()), Some(r));
        }
        assert_eq!(PlanRole::parse("admin"), None);
    }
}
