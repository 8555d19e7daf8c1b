//! Single-use links for setting a password: a partnership reviewer invited to check
//! a draft without an account gets one by email. Only a hash of the token is kept;
//! the link works once, for a limited time.

use chrono::{Duration, NaiveDateTime};

use super::invitation::{base62, sha256_hex};

/// How long a link works: long enough to cover a weekend and a bank holiday.
pub const VALID_FOR_DAYS: i64 = 7;

/// Characters in a token: about 190 bits from a cryptographic generator.
pub const TOKEN_CHARS: usize = 32;

/// The password hash stored for an account whose owner has not set one: not a
/// hash any password can match, so nobody signs in with it.
pub const NO_PASSWORD: &str = "!unset";

/// A new token from random bytes (the caller supplies them, so this stays pure).
pub fn token_from(random: &[u8; TOKEN_CHARS]) -> String {
    base62(random.iter())
}

/// What is stored to find a link from its token.
pub fn token_hash(token: &str) -> String {
    sha256_hex("password-link", token)
}

/// A token as it arrives in a URL: letters and digits of the right length, or not
/// worth a database lookup.
pub fn looks_like_token(token: &str) -> bool {
    token.len() == TOKEN_CHARS && token.bytes().all(|b| b.is_ascii_alphanumeric())
}

pub fn expires_at(now: NaiveDateTime) -> NaiveDateTime {
    now + Duration::days(VALID_FOR_DAYS)
}

/// Why a link no longer works; told the same way, so a guess learns nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkProblem {
    #[error("This link has already been used, has expired or is not right. Ask the lead inspector to send you a new one.")]
    NotUsable,
}

/// Whether a stored link can still be used at `now`.
pub fn check(
    expires_at: NaiveDateTime,
    used_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> Result<(), LinkProblem> {
    if used_at.is_some() || now >= expires_at {
        Err(LinkProblem::NotUsable)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 5)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .unwrap()
    }

    #[test]
    fn tokens_are_letters_and_digits_and_only_their_hash_is_kept() {
        let t = token_from(&[200; TOKEN_CHARS]);
        assert!(looks_like_token(&t));
        assert_ne!(token_hash(&t), t);
        assert_eq!(token_hash(&t), token_hash(&t));
        assert_ne!(
            token_hash(&t),
            super::super::invitation::token_hash(&t),
            "a different label from invitation links"
        );
        assert!(!looks_like_token("short"));
        assert!(!looks_like_token(&"a/".repeat(16)));
    }

    #[test]
    fn a_link_works_once_and_until_it_expires() {
        let expires = expires_at(at(9));
        assert_eq!(check(expires, None, at(10)), Ok(()));
        assert_eq!(
            check(expires, Some(at(10)), at(11)),
            Err(LinkProblem::NotUsable)
        );
        assert_eq!(
            check(expires, None, expires),
            Err(LinkProblem::NotUsable),
            "expired at the moment it says"
        );
        assert_eq!(expires - at(9), Duration::days(7));
    }
}
