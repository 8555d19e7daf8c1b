//! An inspection's team: who may join it in which role, and who may leave it.
//!
//! The rules live here, decided without IO: an inspection has exactly one lead
//! inspector, chosen when it is set up, who cannot be removed; inspectors are
//! inspectors and reviewers are partnership users; an ICB reviewer speaks for one
//! ICB of this partnership; nobody is on a team twice; a final report's team is fixed.

use super::access::{Actor, Role};
use super::account::UserKind;

/// A person who might join a team, as far as the rules need to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub user_id: i32,
    pub kind: UserKind,
    pub display_name: String,
}

/// A member of a team as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    pub membership_id: i32,
    pub user_id: i32,
    pub role: Role,
}

/// A membership the rules allow, ready to store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewMember {
    pub user_id: i32,
    pub role: Role,
    /// The ICB an ICB reviewer speaks for; nobody else has one.
    pub icb_id: Option<i32>,
}

/// Where in a team change a person was named: the lead, the other inspectors, or
/// the person being added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Lead,
    Inspectors,
    Addition,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TeamError {
    #[error("Choose a person from the list.")]
    UnknownPerson(Slot),
    #[error("{name} is not an inspector.")]
    NotAnInspector { slot: Slot, name: String },
    #[error("Only partnership users can be partnership reviewers.")]
    NotAPartnershipUser,
    #[error("Only inspectors can be lead inspector or inspector on a team.")]
    ReviewerAsInspector,
    #[error("Choose which ICB this reviewer speaks for.")]
    IcbMissing,
    #[error("Choose one of this partnership's ICBs.")]
    IcbNotInPartnership,
    #[error("{name} is already on this inspection.")]
    AlreadyOnTeam { name: String },
    #[error("An inspection has one lead inspector, chosen when it is set up. Add this person as an inspector.")]
    SecondLead,
    #[error("The lead inspector cannot be removed from the inspection.")]
    LeadCannotBeRemoved,
    #[error("The report is final, so the team can no longer change.")]
    ReportFinal,
}

impl TeamError {
    /// Which part of a team change the problem is about.
    pub fn slot(&self) -> Slot {
        match self {
            TeamError::UnknownPerson(slot) | TeamError::NotAnInspector { slot, .. } => *slot,
            _ => Slot::Addition,
        }
    }
}

/// The ICB a membership carries. The add form offers an ICB beside every role, so
/// an ICB reviewer must name one of the partnership's, and for anyone else the
/// choice does not apply and is not kept.
pub fn membership_icb(
    role: Role,
    chosen: Option<i32>,
    partnership_icbs: &[i32],
) -> Result<Option<i32>, TeamError> {
    match (role, chosen) {
        (Role::IcbReviewer, None) => Err(TeamError::IcbMissing),
        (Role::IcbReviewer, Some(icb)) if partnership_icbs.contains(&icb) => Ok(Some(icb)),
        (Role::IcbReviewer, Some(_)) => Err(TeamError::IcbNotInPartnership),
        (_, _) => Ok(None),
    }
}

/// Check that `person` may join a team as it stands in `role`.
pub fn check_addition(
    team: &[Member],
    partnership_icbs: &[i32],
    person: &Person,
    role: Role,
    icb: Option<i32>,
) -> Result<NewMember, TeamError> {
    match (role.is_inspection_team(), person.kind) {
        (true, UserKind::Partnership) => return Err(TeamError::ReviewerAsInspector),
        (false, UserKind::Inspector) => return Err(TeamError::NotAPartnershipUser),
        _ => {}
    }
    let icb_id = membership_icb(role, icb, partnership_icbs)?;
    if team.iter().any(|m| m.user_id == person.user_id) {
        return Err(TeamError::AlreadyOnTeam {
            name: person.display_name.clone(),
        });
    }
    if role == Role::LeadInspector {
        return Err(TeamError::SecondLead);
    }
    Ok(NewMember {
        user_id: person.user_id,
        role,
        icb_id,
    })
}

/// Check that the membership may leave the team; returns it.
pub fn check_removal(team: &[Member], membership_id: i32) -> Result<Option<Member>, TeamError> {
    match team.iter().find(|m| m.membership_id == membership_id) {
        None => Ok(None),
        Some(m) if m.role == Role::LeadInspector => Err(TeamError::LeadCannotBeRemoved),
        Some(m) => Ok(Some(*m)),
    }
}

/// The team of a new inspection: its lead and the inspectors chosen, plus the
/// inspector who sets it up (so they do not lock themselves out of their own
/// work; an admin setting one up for others does not join). Each must be an
/// inspector; each is on the team once.
pub fn initial_team(
    creator: &Actor,
    lead: Option<&Person>,
    inspectors: &[Option<Person>],
) -> Result<Vec<NewMember>, TeamError> {
    let lead = lead.ok_or(TeamError::UnknownPerson(Slot::Lead))?;
    if lead.kind != UserKind::Inspector {
        return Err(TeamError::NotAnInspector {
            slot: Slot::Lead,
            name: lead.display_name.clone(),
        });
    }
    let mut team = vec![NewMember {
        user_id: lead.user_id,
        role: Role::LeadInspector,
        icb_id: None,
    }];
    for person in inspectors {
        let person = person
            .as_ref()
            .ok_or(TeamError::UnknownPerson(Slot::Inspectors))?;
        if person.kind != UserKind::Inspector {
            return Err(TeamError::NotAnInspector {
                slot: Slot::Inspectors,
                name: person.display_name.clone(),
            });
        }
        if !team.iter().any(|m| m.user_id == person.user_id) {
            team.push(NewMember {
                user_id: person.user_id,
                role: Role::Inspector,
                icb_id: None,
            });
        }
    }
    if !creator.is_admin && !team.iter().any(|m| m.user_id == creator.user_id) {
        team.push(NewMember {
            user_id: creator.user_id,
            role: Role::Inspector,
            icb_id: None,
        });
    }
    Ok(team)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i32, kind: UserKind) -> Person {
        Person {
            user_id: id,
            kind,
            display_name: format!("Person {id}"),
        }
    }

    const LEAD: Member = Member {
        membership_id: 10,
        user_id: 1,
        role: Role::LeadInspector,
    };
    const INSPECTOR: Member = Member {
        membership_id: 11,
        user_id: 2,
        role: Role::Inspector,
    };

    #[test]
    fn roles_suit_the_kind_of_person() {
        let team = [LEAD];
        assert_eq!(
            check_addition(
                &team,
                &[],
                &person(3, UserKind::Partnership),
                Role::Inspector,
                None
            ),
            Err(TeamError::ReviewerAsInspector)
        );
        assert_eq!(
            check_addition(
                &team,
                &[],
                &person(3, UserKind::Inspector),
                Role::CouncilReviewer,
                None
            ),
            Err(TeamError::NotAPartnershipUser)
        );
        assert!(check_addition(
            &team,
            &[],
            &person(3, UserKind::Partnership),
            Role::CouncilReviewer,
            None
        )
        .is_ok());
    }

    #[test]
    fn an_icb_reviewer_speaks_for_one_of_this_partnerships_icbs() {
        let reviewer = person(4, UserKind::Partnership);
        assert_eq!(
            check_addition(&[LEAD], &[7], &reviewer, Role::IcbReviewer, None),
            Err(TeamError::IcbMissing)
        );
        assert_eq!(
            check_addition(&[LEAD], &[7], &reviewer, Role::IcbReviewer, Some(8)),
            Err(TeamError::IcbNotInPartnership)
        );
        assert_eq!(
            check_addition(&[LEAD], &[7], &reviewer, Role::IcbReviewer, Some(7)),
            Ok(NewMember {
                user_id: 4,
                role: Role::IcbReviewer,
                icb_id: Some(7)
            })
        );
        // The form offers the ICB beside every role; it only counts for ICB reviewers.
        assert_eq!(
            check_addition(&[LEAD], &[7], &reviewer, Role::CouncilReviewer, Some(7))
                .map(|m| m.icb_id),
            Ok(None)
        );
    }

    #[test]
    fn nobody_is_on_a_team_twice_and_there_is_one_lead() {
        assert!(matches!(
            check_addition(
                &[LEAD, INSPECTOR],
                &[],
                &person(2, UserKind::Inspector),
                Role::Inspector,
                None
            ),
            Err(TeamError::AlreadyOnTeam { .. })
        ));
        assert_eq!(
            check_addition(
                &[LEAD],
                &[],
                &person(5, UserKind::Inspector),
                Role::LeadInspector,
                None
            ),
            Err(TeamError::SecondLead)
        );
    }

    #[test]
    fn the_lead_cannot_be_removed() {
        assert_eq!(
            check_removal(&[LEAD, INSPECTOR], 10),
            Err(TeamError::LeadCannotBeRemoved)
        );
        assert_eq!(check_removal(&[LEAD, INSPECTOR], 11), Ok(Some(INSPECTOR)));
        assert_eq!(check_removal(&[LEAD], 99), Ok(None));
    }

    #[test]
    fn a_new_team_has_its_lead_its_inspectors_and_the_creator() {
        let creator = Actor {
            user_id: 9,
            kind: UserKind::Inspector,
            is_admin: false,
        };
        let lead = person(1, UserKind::Inspector);
        let team = initial_team(
            &creator,
            Some(&lead),
            &[
                Some(person(2, UserKind::Inspector)),
                Some(person(2, UserKind::Inspector)),
                Some(person(1, UserKind::Inspector)),
            ],
        )
        .unwrap();
        let ids: Vec<(i32, Role)> = team.iter().map(|m| (m.user_id, m.role)).collect();
        assert_eq!(
            ids,
            vec![
                (1, Role::LeadInspector),
                (2, Role::Inspector),
                (9, Role::Inspector)
            ]
        );
        let admin = Actor {
            is_admin: true,
            ..creator
        };
        assert_eq!(initial_team(&admin, Some(&lead), &[]).unwrap().len(), 1);
        let err = initial_team(
            &creator,
            Some(&lead),
            &[Some(person(3, UserKind::Partnership))],
        )
        .unwrap_err();
        assert_eq!(err.slot(), Slot::Inspectors);
        assert_eq!(err.to_string(), "Person 3 is not an inspector.");
        assert_eq!(
            initial_team(&creator, None, &[]),
            Err(TeamError::UnknownPerson(Slot::Lead))
        );
        assert_eq!(
            initial_team(&creator, Some(&lead), &[None])
                .unwrap_err()
                .slot(),
            Slot::Inspectors
        );
    }
}
