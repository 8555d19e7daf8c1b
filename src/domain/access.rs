//! Who may do what. Each person's rights on an inspection come only from their
//! membership of that inspection (or the admin flag); nothing is inherited from
//! another inspection.

use super::account::UserKind;

/// A person's part in one inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    LeadInspector,
    Inspector,
    CouncilReviewer,
    /// Reviews for one named ICB of the partnership.
    IcbReviewer,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::LeadInspector,
        Role::Inspector,
        Role::CouncilReviewer,
        Role::IcbReviewer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::LeadInspector => "lead_inspector",
            Role::Inspector => "inspector",
            Role::CouncilReviewer => "council_reviewer",
            Role::IcbReviewer => "icb_reviewer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::LeadInspector => "Lead inspector",
            Role::Inspector => "Inspector",
            Role::CouncilReviewer => "Partnership reviewer for the council",
            Role::IcbReviewer => "Partnership reviewer for an ICB",
        }
    }

    pub fn is_inspection_team(self) -> bool {
        matches!(self, Role::LeadInspector | Role::Inspector)
    }
}

/// Something a person may want to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See that the inspection exists, its status and its team.
    ViewInspection,
    /// See the evidence: survey results, data, notes.
    ViewEvidence,
    /// Move the inspection through its lifecycle.
    ChangeStatus,
    /// Add or remove members of the team.
    ManageTeam,
}

/// The signed-in person, as far as access decisions need to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i32,
    pub kind: UserKind,
    pub is_admin: bool,
}

impl Actor {
    /// Inspectors may set up new inspections; admins may too.
    pub fn may_create_inspection(&self) -> bool {
        self.is_admin || self.kind == UserKind::Inspector
    }

    /// Users, partnerships and memberships across all inspections.
    pub fn may_administer(&self) -> bool {
        self.is_admin
    }

    /// Decide one permission on one inspection, given the actor's role there (if any).
    pub fn may(&self, role: Option<Role>, permission: Permission) -> bool {
        let by_role = match (role, permission) {
            (Some(_), Permission::ViewInspection) => true,
            (Some(r), Permission::ViewEvidence) => r.is_inspection_team(),
            (Some(Role::LeadInspector), Permission::ChangeStatus | Permission::ManageTeam) => true,
            _ => false,
        };
        // Admins keep teams right and can see that an inspection exists,
        // but see no evidence and move no inspection unless they are on its team.
        let by_admin = self.is_admin
            && matches!(
                permission,
                Permission::ViewInspection | Permission::ManageTeam
            );
        by_role || by_admin
    }
}

/// The inspectors (besides the lead) of a new inspection. An inspector who sets one
/// up joins its team, so they do not lock themselves out of their own work;
/// an admin setting one up for others does not.
pub fn initial_inspectors(creator: &Actor, lead_inspector_id: i32, chosen: &[i32]) -> Vec<i32> {
    let mut team: Vec<i32> = Vec::new();
    let creator_joins = (!creator.is_admin).then_some(creator.user_id);
    for id in chosen.iter().copied().chain(creator_joins) {
        if id != lead_inspector_id && !team.contains(&id) {
            team.push(id);
        }
    }
    team
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MembershipError {
    #[error("Only inspectors can be lead inspector or inspector on a team.")]
    NotAnInspector,
    #[error("Only partnership users can be partnership reviewers.")]
    NotAPartnershipUser,
    #[error("Choose which ICB this reviewer speaks for.")]
    IcbMissing,
    #[error("Only ICB reviewers speak for an ICB.")]
    IcbNotExpected,
    #[error("Choose a role.")]
    Role,
}

/// Check that a person of `kind` may hold `role`, naming an ICB exactly when needed.
pub fn check_membership(
    kind: UserKind,
    role: Role,
    icb_given: bool,
) -> Result<(), MembershipError> {
    match (role.is_inspection_team(), kind) {
        (true, UserKind::Partnership) => return Err(MembershipError::NotAnInspector),
        (false, UserKind::Inspector) => return Err(MembershipError::NotAPartnershipUser),
        _ => {}
    }
    match (role, icb_given) {
        (Role::IcbReviewer, false) => Err(MembershipError::IcbMissing),
        (Role::IcbReviewer, true) => Ok(()),
        (_, true) => Err(MembershipError::IcbNotExpected),
        (_, false) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INSPECTOR: Actor = Actor {
        user_id: 1,
        kind: UserKind::Inspector,
        is_admin: false,
    };
    const REVIEWER: Actor = Actor {
        user_id: 2,
        kind: UserKind::Partnership,
        is_admin: false,
    };
    const ADMIN: Actor = Actor {
        user_id: 3,
        kind: UserKind::Inspector,
        is_admin: true,
    };

    #[test]
    fn no_membership_means_no_access() {
        for p in [
            Permission::ViewInspection,
            Permission::ViewEvidence,
            Permission::ChangeStatus,
            Permission::ManageTeam,
        ] {
            assert!(!INSPECTOR.may(None, p));
            assert!(!REVIEWER.may(None, p));
        }
    }

    #[test]
    fn lead_inspector_may_do_everything() {
        for p in [
            Permission::ViewInspection,
            Permission::ViewEvidence,
            Permission::ChangeStatus,
            Permission::ManageTeam,
        ] {
            assert!(INSPECTOR.may(Some(Role::LeadInspector), p));
        }
    }

    #[test]
    fn inspectors_see_evidence_but_do_not_move_the_inspection() {
        assert!(INSPECTOR.may(Some(Role::Inspector), Permission::ViewEvidence));
        assert!(!INSPECTOR.may(Some(Role::Inspector), Permission::ChangeStatus));
        assert!(!INSPECTOR.may(Some(Role::Inspector), Permission::ManageTeam));
    }

    #[test]
    fn reviewers_see_only_the_inspection_itself() {
        for role in [Role::CouncilReviewer, Role::IcbReviewer] {
            assert!(REVIEWER.may(Some(role), Permission::ViewInspection));
            assert!(!REVIEWER.may(Some(role), Permission::ViewEvidence));
            assert!(!REVIEWER.may(Some(role), Permission::ChangeStatus));
            assert!(!REVIEWER.may(Some(role), Permission::ManageTeam));
        }
    }

    #[test]
    fn admins_manage_teams_but_see_no_evidence() {
        assert!(ADMIN.may(None, Permission::ViewInspection));
        assert!(ADMIN.may(None, Permission::ManageTeam));
        assert!(!ADMIN.may(None, Permission::ViewEvidence));
        assert!(!ADMIN.may(None, Permission::ChangeStatus));
        assert!(ADMIN.may_administer());
        assert!(!INSPECTOR.may_administer());
    }

    #[test]
    fn only_inspectors_create_inspections() {
        assert!(INSPECTOR.may_create_inspection());
        assert!(!REVIEWER.may_create_inspection());
        assert!(Actor {
            is_admin: true,
            ..REVIEWER
        }
        .may_create_inspection());
    }

    #[test]
    fn memberships_match_the_kind_of_user() {
        assert!(check_membership(UserKind::Inspector, Role::LeadInspector, false).is_ok());
        assert_eq!(
            check_membership(UserKind::Partnership, Role::Inspector, false),
            Err(MembershipError::NotAnInspector)
        );
        assert_eq!(
            check_membership(UserKind::Inspector, Role::CouncilReviewer, false),
            Err(MembershipError::NotAPartnershipUser)
        );
        assert_eq!(
            check_membership(UserKind::Partnership, Role::IcbReviewer, false),
            Err(MembershipError::IcbMissing)
        );
        assert!(check_membership(UserKind::Partnership, Role::IcbReviewer, true).is_ok());
        assert_eq!(
            check_membership(UserKind::Partnership, Role::CouncilReviewer, true),
            Err(MembershipError::IcbNotExpected)
        );
    }

    #[test]
    fn the_creator_joins_the_team_unless_an_admin() {
        assert_eq!(initial_inspectors(&INSPECTOR, 9, &[4, 4, 9]), vec![4, 1]);
        assert_eq!(initial_inspectors(&INSPECTOR, 1, &[4]), vec![4]);
        assert_eq!(initial_inspectors(&ADMIN, 9, &[4]), vec![4]);
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("admin"), None);
    }
}
