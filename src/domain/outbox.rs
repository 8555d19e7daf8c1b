//! The outbox's rules (issue 10, groundwork), pure: when a failed email is tried
//! again, when it is given up on, when a claim abandoned by a crashed instance may
//! be taken over, and which invitees are due a reminder. The table, the claiming
//! statement and the sender that apply them come with the outbox itself.

use chrono::{Duration, NaiveDateTime};

/// How an email's delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Queued,
    /// Claimed by one instance, which is sending it now.
    Sending,
    Sent,
    /// Given up after the last attempt; inspectors see it and may queue it again.
    Failed,
}

impl Delivery {
    pub const ALL: [Delivery; 4] = [
        Delivery::Queued,
        Delivery::Sending,
        Delivery::Sent,
        Delivery::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Queued => "queued",
            Delivery::Sending => "sending",
            Delivery::Sent => "sent",
            Delivery::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// Retry settings: the first wait, doubling each time up to `longest`, and how many
/// attempts in all before giving up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub first: Duration,
    pub longest: Duration,
    pub attempts: u32,
}

impl Default for Backoff {
    /// 1 minute, 2, 4, … up to an hour, ten attempts: about six hours of trying,
    /// enough to ride out a mail server's restart or a night's outage of a relay.
    fn default() -> Self {
        Backoff {
            first: Duration::minutes(1),
            longest: Duration::hours(1),
            attempts: 10,
        }
    }
}

impl Backoff {
    /// After the `attempts`-th failed attempt (from 1) at `now`: when to try again,
    /// or `None` to give up.
    pub fn next_attempt(&self, attempts: u32, now: NaiveDateTime) -> Option<NaiveDateTime> {
        if attempts >= self.attempts {
            return None;
        }
        let doublings = attempts.saturating_sub(1).min(20);
        let wait = self
            .first
            .checked_mul(1_i32 << doublings)
            .unwrap_or(self.longest)
            .min(self.longest);
        Some(now + wait)
    }
}

/// A claim older than `lease` was made by an instance that stopped (or hangs): the
/// email may be claimed again. Sending takes seconds, so a lease of minutes never
/// takes over a live send.
pub fn claim_abandoned(claimed_at: NaiveDateTime, now: NaiveDateTime, lease: Duration) -> bool {
    now - claimed_at >= lease
}

/// Reminder settings: at most `most` reminders, at least `interval` apart (and after
/// the invitation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminders {
    pub most: u32,
    pub interval: Duration,
}

/// What is known of one invitee for reminding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InviteeState {
    pub invited_at: NaiveDateTime,
    pub reminders_sent: u32,
    pub last_reminded_at: Option<NaiveDateTime>,
    pub responded: bool,
    pub opted_out: bool,
}

/// Whether an invitee is due a reminder now: not responded, not opted out, fewer
/// than the most reminders, the interval passed since the last email, and the survey
/// still open (never after it closes).
pub fn reminder_due(
    invitee: &InviteeState,
    settings: &Reminders,
    now: NaiveDateTime,
    survey_closes_at: NaiveDateTime,
) -> bool {
    let last = invitee.last_reminded_at.unwrap_or(invitee.invited_at);
    !invitee.responded
        && !invitee.opted_out
        && invitee.reminders_sent < settings.most
        && now - last >= settings.interval
        && now < survey_closes_at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hours: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + hours * 3600, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default()
    }

    #[test]
    fn retries_double_up_to_the_longest_then_give_up() {
        let b = Backoff::default();
        let now = at(0);
        let waits: Vec<i64> = (1..=9)
            .filter_map(|n| b.next_attempt(n, now))
            .map(|t| (t - now).num_minutes())
            .collect();
        assert_eq!(waits, vec![1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(b.next_attempt(10, now), None);
        assert_eq!(b.next_attempt(u32::MAX, now), None);
    }

    #[test]
    fn a_claim_is_taken_over_only_after_its_lease() {
        let lease = Duration::minutes(5);
        assert!(!claim_abandoned(at(0), at(0) + Duration::minutes(4), lease));
        assert!(claim_abandoned(at(0), at(0) + Duration::minutes(5), lease));
    }

    #[test]
    fn reminders_go_only_to_those_who_have_not_answered_while_the_survey_is_open() {
        let settings = Reminders {
            most: 2,
            interval: Duration::days(3),
        };
        let fresh = InviteeState {
            invited_at: at(0),
            reminders_sent: 0,
            last_reminded_at: None,
            responded: false,
            opted_out: false,
        };
        let closes = at(24 * 14);
        assert!(!reminder_due(&fresh, &settings, at(24), closes), "too soon");
        assert!(reminder_due(&fresh, &settings, at(72), closes));
        for state in [
            InviteeState {
                responded: true,
                ..fresh
            },
            InviteeState {
                opted_out: true,
                ..fresh
            },
            InviteeState {
                reminders_sent: 2,
                ..fresh
            },
            InviteeState {
                reminders_sent: 1,
                last_reminded_at: Some(at(70)),
                ..fresh
            },
        ] {
            assert!(
                !reminder_due(&state, &settings, at(72), closes),
                "{state:?}"
            );
        }
        assert!(
            !reminder_due(&fresh, &settings, closes, closes),
            "never after closing"
        );
    }
}
