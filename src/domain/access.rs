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
    /// Add evidence: import statistics, record duties, upload documents, keep notes.
    RecordEvidence,
    /// Record, change and order findings; write the report's sections.
    RecordFindings,
    /// Decide the outcome and make draft versions of the report.
    DecideOutcome,
    /// Read draft versions of the report (the inspection team only until the
    /// partnership's factual accuracy check opens them).
    ViewDrafts,
    /// Hand the surveys out: settings and their links, posters, invitations, and
    /// watching responses and emails come in.
    DistributeSurveys,
    /// Set when surveys open and close.
    ScheduleSurveys,
    /// Read the draft sent to the partnership and comment on it (its reviewers).
    CheckDraft,
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
            (
                Some(r),
                Permission::ViewEvidence
                | Permission::RecordEvidence
                | Permission::RecordFindings
                | Permission::ViewDrafts
                | Permission::DistributeSurveys,
            ) => r.is_inspection_team(),
            (
                Some(Role::LeadInspector),
                Permission::ChangeStatus
                | Permission::ManageTeam
                | Permission::DecideOutcome
                | Permission::ScheduleSurveys,
            ) => true,
            (Some(Role::CouncilReviewer | Role::IcbReviewer), Permission::CheckDraft) => true,
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
        assert!(INSPECTOR.may(Some(Role::Inspector), Permission::RecordEvidence));
        assert!(!INSPECTOR.may(Some(Role::Inspector), Permission::ChangeStatus));
        assert!(!INSPECTOR.may(Some(Role::Inspector), Permission::ManageTeam));
    }

    #[test]
    fn reviewers_see_only_the_inspection_itself() {
        for role in [Role::CouncilReviewer, Role::IcbReviewer] {
            assert!(REVIEWER.may(Some(role), Permission::ViewInspection));
            assert!(!REVIEWER.may(Some(role), Permission::ViewEvidence));
            assert!(!REVIEWER.may(Some(role), Permission::RecordEvidence));
            assert!(!REVIEWER.may(Some(role), Permission::ChangeStatus));
            assert!(!REVIEWER.may(Some(role), Permission::ManageTeam));
            assert!(!REVIEWER.may(Some(role), Permission::DistributeSurveys));
        }
    }

    #[test]
    fn only_the_lead_decides_and_reviewers_see_no_drafts_yet() {
        assert!(INSPECTOR.may(Some(Role::LeadInspector), Permission::DecideOutcome));
        assert!(!INSPECTOR.may(Some(Role::Inspector), Permission::DecideOutcome));
        assert!(INSPECTOR.may(Some(Role::Inspector), Permission::RecordFindings));
        assert!(INSPECTOR.may(Some(Role::Inspector), Permission::ViewDrafts));
        assert!(INSPECTOR.may(Some(Role::Inspector), Permission::DistributeSurveys));
        assert!(!INSPECTOR.may(Some(Role::Inspector), Permission::ScheduleSurveys));
        assert!(INSPECTOR.may(Some(Role::LeadInspector), Permission::ScheduleSurveys));
        assert!(!INSPECTOR.may(Some(Role::LeadInspector), Permission::CheckDraft));
        assert!(REVIEWER.may(Some(Role::IcbReviewer), Permission::CheckDraft));
        for role in [Role::CouncilReviewer, Role::IcbReviewer] {
            for p in [
                Permission::ViewDrafts,
                Permission::RecordFindings,
                Permission::DecideOutcome,
            ] {
                assert!(!REVIEWER.may(Some(role), p));
            }
        }
        assert!(!ADMIN.may(None, Permission::ViewDrafts));
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
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("admin"), None);
    }
}
