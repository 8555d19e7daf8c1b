//! Throttling repeated failed sign-ins for one account, decided without IO.

use chrono::{Duration, NaiveDateTime};

/// How many failures are tolerated within a window, and how long a lock lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub max_failures: i32,
    pub window: Duration,
    pub lockout: Duration,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        Self {
            max_failures: 5,
            window: Duration::minutes(15),
            lockout: Duration::minutes(15),
        }
    }
}

/// What is remembered about one account's recent failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleState {
    pub failures: i32,
    pub window_started_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
}

/// If sign-in is locked at `now`, how long until it opens again.
pub fn locked_for(state: Option<&ThrottleState>, now: NaiveDateTime) -> Option<Duration> {
    let until = state?.locked_until?;
    (until > now).then(|| until - now)
}

/// The state after one more failure at `now`.
pub fn after_failure(
    state: Option<&ThrottleState>,
    now: NaiveDateTime,
    policy: ThrottlePolicy,
) -> ThrottleState {
    let fresh = ThrottleState {
        failures: 0,
        window_started_at: now,
        locked_until: None,
    };
    let mut next = match state {
        Some(s) if now - s.window_started_at < policy.window => *s,
        _ => fresh,
    };
    next.failures += 1;
    if next.failures >= policy.max_failures {
        next.locked_until = Some(now + policy.lockout);
        // A new window starts once the lock ends, so one more mistake does not lock again at once.
        next.failures = 0;
        next.window_started_at = now + policy.lockout;
    }
    next
}

/// Minutes to tell a person, rounded up so "0 minutes" is never shown.
pub fn minutes_to_wait(remaining: Duration) -> i64 {
    (remaining.num_seconds() + 59).div_euclid(60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn t(min: i64) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
            + Duration::minutes(min)
    }

    #[test]
    fn locks_after_the_fifth_failure_in_the_window() {
        let policy = ThrottlePolicy::default();
        let mut state = None;
        for i in 0..4 {
            let s = after_failure(state.as_ref(), t(i), policy);
            assert_eq!(locked_for(Some(&s), t(i)), None);
            state = Some(s);
        }
        let s = after_failure(state.as_ref(), t(4), policy);
        assert_eq!(locked_for(Some(&s), t(4)), Some(Duration::minutes(15)));
        assert_eq!(locked_for(Some(&s), t(19)), None);
    }

    #[test]
    fn failures_spread_over_time_never_lock() {
        let policy = ThrottlePolicy::default();
        let mut state = None;
        for i in 0..10 {
            let s = after_failure(state.as_ref(), t(i * 16), policy);
            assert_eq!(locked_for(Some(&s), t(i * 16)), None);
            state = Some(s);
        }
    }

    #[test]
    fn minutes_round_up() {
        assert_eq!(minutes_to_wait(Duration::seconds(1)), 1);
        assert_eq!(minutes_to_wait(Duration::seconds(61)), 2);
        assert_eq!(minutes_to_wait(Duration::minutes(15)), 15);
    }
}
