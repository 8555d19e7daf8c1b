//! Invitee lists (issue 10, groundwork): the rows of an invitee file checked into
//! invitees, with a problem named for each line that cannot be used. Nothing is
//! imported while problems remain unless the person chooses the valid lines only;
//! that choice, the storage and the emails come with the outbox.

use std::collections::BTreeMap;

use super::account::Email;
use super::survey_form::Audience;

/// One person to invite: their email, which survey, and optionally the setting
/// (school, college, forum) responses from their link are attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee {
    pub line: usize,
    pub email: Email,
    pub audience: Audience,
    pub setting: Option<String>,
}

/// Why a line of an invitee file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InviteeProblem {
    #[error("\"{0}\" is not an email address in the right format, like name@example.org.")]
    BadEmail(String),
    #[error("{email} is already on line {first_line}.")]
    Duplicate { email: String, first_line: usize },
    #[error("\"{0}\" is not one of this inspection's settings. Add the setting first, or leave the column empty.")]
    UnknownSetting(String),
    #[error("\"{0}\" is not a survey audience: use children, parents or practitioners.")]
    UnknownAudience(String),
    #[error("There is no {0} survey in this inspection, so nobody can be invited to it.")]
    NoSuchSurvey(&'static str),
    #[error("Children and young people are not invited by email: share the children's survey through their school or college's link or kiosk instead.")]
    ChildByEmail,
    #[error("{0} has already been invited to this survey, so is not invited again.")]
    AlreadyInvited(String),
}

impl InviteeProblem {
    /// The column a problem is about.
    pub fn column(&self) -> &'static str {
        match self {
            InviteeProblem::BadEmail(_)
            | InviteeProblem::Duplicate { .. }
            | InviteeProblem::AlreadyInvited(_) => "email",
            InviteeProblem::UnknownSetting(_) => "setting",
            InviteeProblem::UnknownAudience(_)
            | InviteeProblem::NoSuchSurvey(_)
            | InviteeProblem::ChildByEmail => "audience",
        }
    }
}

/// An audience as people write it in a spreadsheet: the form's id, its label, or a
/// short word, in any case.
pub fn parse_audience(text: &str) -> Option<Audience> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "children-and-young-people"
        | "children and young people"
        | "children"
        | "child"
        | "young people"
        | "cyp" => Some(Audience::ChildrenAndYoungPeople),
        "parents-and-carers" | "parents and carers" | "parents" | "parent" | "carers"
        | "parent or carer" => Some(Audience::ParentsAndCarers),
        "practitioners" | "practitioner" | "professionals" | "professional" | "staff" => {
            Some(Audience::Practitioners)
        }
        _ => None,
    }
}

/// What checking a file gave: the invitees that can be used and the problem with
/// each line that cannot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InviteeReport {
    pub invitees: Vec<Invitee>,
    pub problems: Vec<(usize, InviteeProblem)>,
}

/// Check the rows of an invitee file: (line, email, audience, setting) as read.
/// `settings` are the inspection's settings by name (matched without regard to
/// case or surrounding spaces); `surveys` the audiences it has surveys for;
/// `already` says whether an email was invited to an audience's survey before. A
/// duplicate email is reported on its second line; the first stays valid.
pub fn check(
    rows: &[(usize, &str, &str, &str)],
    settings: &[String],
    surveys: &[Audience],
    already: impl Fn(Audience, &str) -> bool,
) -> InviteeReport {
    let known: BTreeMap<String, &String> = settings
        .iter()
        .map(|s| (s.trim().to_lowercase(), s))
        .collect();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut report = InviteeReport::default();
    for &(line, email, audience, setting) in rows {
        let email = match Email::parse(email) {
            Ok(e) => e,
            Err(_) => {
                report
                    .problems
                    .push((line, InviteeProblem::BadEmail(email.trim().to_string())));
                continue;
            }
        };
        let audience = match parse_audience(audience) {
            None => {
                report.problems.push((
                    line,
                    InviteeProblem::UnknownAudience(audience.trim().to_string()),
                ));
                continue;
            }
            Some(Audience::ChildrenAndYoungPeople) => {
                report.problems.push((line, InviteeProblem::ChildByEmail));
                continue;
            }
            Some(a) if !surveys.contains(&a) => {
                report
                    .problems
                    .push((line, InviteeProblem::NoSuchSurvey(a.label())));
                continue;
            }
            Some(a) => a,
        };
        // One person may be both a parent and a practitioner: a duplicate is the same
        // email for the same survey.
        let key = format!("{}\u{0}{}", audience.label(), email.as_str());
        if let Some(first_line) = seen.get(&key) {
            report.problems.push((
                line,
                InviteeProblem::Duplicate {
                    email: email.to_string(),
                    first_line: *first_line,
                },
            ));
            continue;
        }
        if already(audience, email.as_str()) {
            report
                .problems
                .push((line, InviteeProblem::AlreadyInvited(email.to_string())));
            continue;
        }
        let setting = match setting.trim() {
            "" => None,
            s => match known.get(&s.to_lowercase()) {
                Some(name) => Some((*name).clone()),
                None => {
                    report
                        .problems
                        .push((line, InviteeProblem::UnknownSetting(s.to_string())));
                    continue;
                }
            },
        };
        seen.insert(key, line);
        report.invitees.push(Invitee {
            line,
            email,
            audience,
            setting,
        });
    }
    report
}

/// How far an invitee has got. Deliberately no time and no response: the state is
/// what reminders and the response rate need, and nothing that joins an invitee to
/// their answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationState {
    Invited,
    Started,
    Responded,
}

impl InvitationState {
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationState::Invited => "invited",
            InvitationState::Started => "started",
            InvitationState::Responded => "responded",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            InvitationState::Invited,
            InvitationState::Started,
            InvitationState::Responded,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }
}

/// The key invitation links are made with, from the service's secret key: links
/// sent before a restart still work, and a copy of the database alone cannot rebuild
/// them.
pub fn link_key(secret: &[u8]) -> Vec<u8> {
    mac(secret, b"area-send invitation links").to_vec()
}

fn mac(key: &[u8], message: &[u8]) -> [u8; 32] {
    use hmac::{Hmac, Mac};
    // HMAC takes a key of any length, so this cannot fail.
    match Hmac::<sha2::Sha256>::new_from_slice(key) {
        Ok(mut m) => {
            m.update(message);
            m.finalize().into_bytes().into()
        }
        Err(_) => [0; 32],
    }
}

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The personal link token of the invitation with `nonce`: 26 letters and digits
/// (about 155 bits), the same every time it is made, so reminders carry the same
/// link as the invitation.
pub fn invitation_token(link_key: &[u8], nonce: &str) -> String {
    let mut message = b"invitation\0".to_vec();
    message.extend_from_slice(nonce.as_bytes());
    base62(mac(link_key, &message).iter().take(26))
}

/// Bytes as letters and digits, one character each, for tokens in links.
pub(crate) fn base62<'a>(bytes: impl Iterator<Item = &'a u8>) -> String {
    bytes
        .map(|b| {
            BASE62
                .get(usize::from(*b) % BASE62.len())
                .copied()
                .unwrap_or(b'0') as char
        })
        .collect()
}

pub(crate) fn sha256_hex(label: &str, token: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("{label}\0{token}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the invitation row stores to find an invitation from its link.
pub fn token_hash(token: &str) -> String {
    sha256_hex("invitation", token)
}

/// What the response row stores to find the response an invitation link started. A
/// different label from [`token_hash`], so neither can be worked out from the other.
pub fn response_key(token: &str) -> String {
    sha256_hex("response", token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Vec<String> {
        vec!["Oakfield Primary".into(), "Parent Carer Forum".into()]
    }

    const SURVEYS: [Audience; 3] = [
        Audience::ChildrenAndYoungPeople,
        Audience::ParentsAndCarers,
        Audience::Practitioners,
    ];

    #[test]
    fn good_lines_become_invitees_with_their_setting_as_named() {
        let r = check(
            &[
                (2, " Ann@Example.org ", "Parents", "oakfield primary"),
                (3, "sam@school.example", "practitioners", ""),
            ],
            &settings(),
            &SURVEYS,
            |_, _| false,
        );
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.invitees.len(), 2);
        let first = r
            .invitees
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("none"));
        assert_eq!(first.email.as_str(), "ann@example.org");
        assert_eq!(first.audience, Audience::ParentsAndCarers);
        assert_eq!(first.setting.as_deref(), Some("Oakfield Primary"));
    }

    #[test]
    fn each_kind_of_bad_line_is_named_with_its_line() {
        let r = check(
            &[
                (2, "ann@example.org", "parents", ""),
                (3, "not an email", "parents", ""),
                (4, "ANN@example.org", "parents", ""),
                (5, "bo@example.org", "governors", ""),
                (6, "cy@example.org", "children", ""),
                (7, "di@example.org", "parents", "Nowhere Academy"),
            ],
            &settings(),
            &SURVEYS,
            |_, _| false,
        );
        assert_eq!(r.invitees.len(), 1);
        assert_eq!(
            r.problems,
            vec![
                (3, InviteeProblem::BadEmail("not an email".into())),
                (
                    4,
                    InviteeProblem::Duplicate {
                        email: "ann@example.org".into(),
                        first_line: 2
                    }
                ),
                (5, InviteeProblem::UnknownAudience("governors".into())),
                (6, InviteeProblem::ChildByEmail),
                (7, InviteeProblem::UnknownSetting("Nowhere Academy".into())),
            ]
        );
    }

    #[test]
    fn one_person_may_be_invited_to_two_surveys_but_not_twice_to_one() {
        let r = check(
            &[
                (2, "ann@example.org", "parents", ""),
                (3, "ann@example.org", "practitioners", ""),
                (4, "ann@example.org", "parent", ""),
            ],
            &[],
            &SURVEYS,
            |_, _| false,
        );
        assert_eq!(r.invitees.len(), 2);
        assert_eq!(
            r.problems,
            vec![(
                4,
                InviteeProblem::Duplicate {
                    email: "ann@example.org".into(),
                    first_line: 2
                }
            )]
        );
    }

    #[test]
    fn someone_invited_before_is_not_invited_again() {
        let r = check(
            &[
                (2, "ann@example.org", "parents", ""),
                (3, "bo@example.org", "parents", ""),
            ],
            &[],
            &SURVEYS,
            |a, e| a == Audience::ParentsAndCarers && e == "ann@example.org",
        );
        assert_eq!(r.invitees.len(), 1);
        assert_eq!(
            r.problems,
            vec![(2, InviteeProblem::AlreadyInvited("ann@example.org".into()))]
        );
    }

    #[test]
    fn links_are_stable_per_nonce_and_the_two_hashes_differ() {
        let key = link_key(b"secret");
        let a = invitation_token(&key, "n1");
        assert_eq!(a, invitation_token(&key, "n1"));
        assert_ne!(a, invitation_token(&key, "n2"));
        assert_ne!(a, invitation_token(&link_key(b"other"), "n1"));
        assert_eq!(a.len(), 26);
        assert!(a.bytes().all(|b| b.is_ascii_alphanumeric()));
        assert_ne!(token_hash(&a), response_key(&a));
        assert_eq!(token_hash(&a).len(), 64);
        for s in ["invited", "started", "responded"] {
            assert_eq!(InvitationState::parse(s).map(|v| v.as_str()), Some(s));
        }
    }

    #[test]
    fn an_audience_without_a_survey_is_refused() {
        let r = check(
            &[(2, "ann@example.org", "practitioners", "")],
            &[],
            &[Audience::ParentsAndCarers],
            |_, _| false,
        );
        assert_eq!(
            r.problems,
            vec![(2, InviteeProblem::NoSuchSurvey("Practitioners"))]
        );
    }
}
