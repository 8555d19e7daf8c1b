//! User accounts: who may sign in, and the checks on what they type.

use std::fmt;

/// An email address, trimmed and lower-cased, checked for a plausible shape.
/// Real delivery is the proof; this only stops obvious typing mistakes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("Enter an email address in the correct format, like name@example.org.")]
    Email,
    #[error("Enter the person's name.")]
    NameMissing,
    #[error("Enter the person's organisation.")]
    OrganisationMissing,
    #[error("The name must be 200 characters or fewer.")]
    NameTooLong,
    #[error("The organisation must be 200 characters or fewer.")]
    OrganisationTooLong,
    #[error("The password must be at least {MIN_PASSWORD_CHARS} characters long.")]
    PasswordTooShort,
    #[error("The password must be {MAX_PASSWORD_CHARS} characters or fewer.")]
    PasswordTooLong,
    #[error("Choose whether this is an inspector or a partnership reviewer.")]
    Kind,
    #[error("There is already an account for {0}.")]
    EmailTaken(Email),
}

impl AccountError {
    /// Which part of an account the problem is about (the form field's name).
    pub fn field(&self) -> &'static str {
        match self {
            AccountError::Email | AccountError::EmailTaken(_) => "email",
            AccountError::NameMissing | AccountError::NameTooLong => "display_name",
            AccountError::OrganisationMissing | AccountError::OrganisationTooLong => "organisation",
            AccountError::PasswordTooShort | AccountError::PasswordTooLong => "password",
            AccountError::Kind => "kind",
        }
    }
}

impl Email {
    pub fn parse(s: &str) -> Result<Self, AccountError> {
        let s = s.trim().to_lowercase();
        let (local, domain) = s.split_once('@').ok_or(AccountError::Email)?;
        let ok = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && s.len() <= 254
            && !s.chars().any(|c| c.is_whitespace() || c.is_control());
        if ok {
            Ok(Self(s))
        } else {
            Err(AccountError::Email)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Inspectors (Ofsted and CQC) run inspections; partnership users review drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserKind {
    Inspector,
    Partnership,
}

impl UserKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UserKind::Inspector => "inspector",
            UserKind::Partnership => "partnership",
        }
    }
    pub fn parse(s: &str) -> Result<Self, AccountError> {
        match s {
            "inspector" => Ok(UserKind::Inspector),
            "partnership" => Ok(UserKind::Partnership),
            _ => Err(AccountError::Kind),
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            UserKind::Inspector => "Inspector (Ofsted or CQC)",
            UserKind::Partnership => "Partnership reviewer (council or ICB)",
        }
    }
}

/// NCSC guidance favours length over composition rules.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Bounded so that hashing stays cheap for a hostile client.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Check a new password's length; says nothing about the characters chosen.
pub fn check_new_password(password: &str) -> Result<(), AccountError> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        Err(AccountError::PasswordTooShort)
    } else if n > MAX_PASSWORD_CHARS {
        Err(AccountError::PasswordTooLong)
    } else {
        Ok(())
    }
}

/// A new account, every field checked; the password is hashed by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub email: Email,
    pub display_name: String,
    pub organisation: String,
    pub kind: UserKind,
    pub is_admin: bool,
}

fn text(s: &str, missing: AccountError, too_long: AccountError) -> Result<String, AccountError> {
    let s = s.trim();
    if s.is_empty() {
        Err(missing)
    } else if s.chars().count() > 200 {
        Err(too_long)
    } else {
        Ok(s.to_string())
    }
}

impl NewAccount {
    pub fn parse(
        email: &str,
        display_name: &str,
        organisation: &str,
        kind: &str,
        is_admin: bool,
    ) -> Result<Self, AccountError> {
        Ok(Self {
            email: Email::parse(email)?,
            display_name: text(
                display_name,
                AccountError::NameMissing,
                AccountError::NameTooLong,
            )?,
            organisation: text(
                organisation,
                AccountError::OrganisationMissing,
                AccountError::OrganisationTooLong,
            )?,
            kind: UserKind::parse(kind)?,
            is_admin,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            Email::parse("  Lead.Inspector@Example.ORG ")
                .unwrap()
                .as_str(),
            "lead.inspector@example.org"
        );
    }

    #[test]
    fn bad_emails_are_refused() {
        for bad in [
            "",
            "no-at-sign",
            "@example.org",
            "a@b",
            "a@.org",
            "a@org.",
            "a b@example.org",
            "a@b@example.org",
        ] {
            assert_eq!(Email::parse(bad), Err(AccountError::Email), "{bad}");
        }
    }

    #[test]
    fn password_length_is_bounded_both_ways() {
        assert_eq!(
            check_new_password("short"),
            Err(AccountError::PasswordTooShort)
        );
        assert!(check_new_password("twelve chars").is_ok());
        assert_eq!(
            check_new_password(&"x".repeat(257)),
            Err(AccountError::PasswordTooLong)
        );
    }

    #[test]
    fn new_accounts_need_every_field() {
        assert!(
            NewAccount::parse("a@example.org", "A Person", "Ofsted", "inspector", false).is_ok()
        );
        assert_eq!(
            NewAccount::parse("a@example.org", " ", "Ofsted", "inspector", false),
            Err(AccountError::NameMissing)
        );
        assert_eq!(
            NewAccount::parse("a@example.org", "A", "", "inspector", false),
            Err(AccountError::OrganisationMissing)
        );
        assert_eq!(
            NewAccount::parse("a@example.org", "A", "Ofsted", "chief", false),
            Err(AccountError::Kind)
        );
    }
}
