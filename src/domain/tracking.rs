//! Response tracking: how many responses were started and completed, by channel,
//! by setting and by day, and how many invitees have answered. Counts in, tables
//! out. These figures stay on the inspectors' screens (they are about distribution,
//! not answers), so they are not suppressed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::survey::Channel;

/// One count read from the responses: on `day`, through `channel`, at `setting`
/// (None for a survey-wide link), `n` responses started (or completed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub day: NaiveDate,
    pub channel: Channel,
    pub setting: Option<String>,
    pub n: i64,
}

/// Started and completed for one row of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub label: String,
    pub started: i64,
    pub completed: i64,
}

/// The three tables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tracking {
    pub by_channel: Vec<Progress>,
    pub by_setting: Vec<Progress>,
    /// Every day from the first response to the last, days without any included,
    /// so a quiet day shows as a dip and not as nothing.
    pub by_day: Vec<(NaiveDate, Progress)>,
    pub total: Progress,
}

/// The label of a response with no setting.
pub const NO_SETTING: &str = "Survey-wide links and invitations without a setting";

/// Build the tables from the started and completed counts.
pub fn track(started: &[Count], completed: &[Count]) -> Tracking {
    let mut channels: BTreeMap<usize, Progress> = BTreeMap::new();
    let mut settings: BTreeMap<(bool, String), Progress> = BTreeMap::new();
    let mut days: BTreeMap<NaiveDate, Progress> = BTreeMap::new();
    let mut total = Progress {
        label: "All responses".into(),
        ..Progress::default()
    };
    for (counts, is_started) in [(started, true), (completed, false)] {
        for c in counts {
            let order = Channel::ALL
                .iter()
                .position(|x| *x == c.channel)
                .unwrap_or(usize::MAX);
            // Named settings first, alphabetically; the survey-wide row last.
            let setting_key = match &c.setting {
                Some(s) => (false, s.clone()),
                None => (true, NO_SETTING.to_string()),
            };
            let rows = [
                channels.entry(order).or_insert_with(|| Progress {
                    label: c.channel.label().to_string(),
                    ..Progress::default()
                }),
                settings
                    .entry(setting_key.clone())
                    .or_insert_with(|| Progress {
                        label: setting_key.1.clone(),
                        ..Progress::default()
                    }),
                days.entry(c.day).or_default(),
                &mut total,
            ];
            for row in rows {
                if is_started {
                    row.started += c.n;
                } else {
                    row.completed += c.n;
                }
            }
        }
    }
    let mut by_day = vec![];
    if let (Some(first), Some(last)) = (
        days.keys().next().copied(),
        days.keys().next_back().copied(),
    ) {
        let mut day = first;
        while day <= last {
            let mut p = days.remove(&day).unwrap_or_default();
            p.label = day.format("%a %-d %b").to_string();
            by_day.push((day, p));
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
    }
    Tracking {
        by_channel: channels.into_values().collect(),
        by_setting: settings.into_values().collect(),
        by_day,
        total,
    }
}

/// How invitations to one survey stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InvitationCounts {
    pub invited: i64,
    pub started: i64,
    pub responded: i64,
    pub opted_out: i64,
    /// Whose email has been erased (after the survey closed); still counted.
    pub erased: i64,
}

impl InvitationCounts {
    /// The share of invitees who have sent their answers, as a percentage to one
    /// decimal place; None with nobody invited.
    pub fn response_rate(&self) -> Option<f64> {
        (self.invited > 0)
            .then(|| (self.responded as f64 * 1000.0 / self.invited as f64).round() / 10.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, d).unwrap()
    }

    fn count(d: u32, channel: Channel, setting: Option<&str>, n: i64) -> Count {
        Count {
            day: day(d),
            channel,
            setting: setting.map(String::from),
            n,
        }
    }

    #[test]
    fn counts_add_up_by_channel_setting_and_day_with_quiet_days_filled() {
        let started = vec![
            count(4, Channel::OpenLink, Some("Oakfield"), 5),
            count(4, Channel::Kiosk, Some("Oakfield"), 2),
            count(6, Channel::Invitation, None, 3),
        ];
        let completed = vec![
            count(4, Channel::OpenLink, Some("Oakfield"), 4),
            count(7, Channel::Invitation, None, 1),
        ];
        let t = track(&started, &completed);
        assert_eq!(t.total.started, 10);
        assert_eq!(t.total.completed, 5);
        let labels: Vec<&str> = t.by_channel.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Open link", "Kiosk (shared tablet)", "Personal invitation"]
        );
        assert_eq!(t.by_setting.len(), 2);
        assert_eq!(t.by_setting[0].label, "Oakfield");
        assert_eq!((t.by_setting[0].started, t.by_setting[0].completed), (7, 4));
        assert_eq!(t.by_setting[1].label, NO_SETTING);
        let days: Vec<(NaiveDate, i64, i64)> = t
            .by_day
            .iter()
            .map(|(d, p)| (*d, p.started, p.completed))
            .collect();
        assert_eq!(
            days,
            vec![
                (day(4), 7, 4),
                (day(5), 0, 0),
                (day(6), 3, 0),
                (day(7), 0, 1)
            ]
        );
        assert_eq!(t.by_day[0].1.label, "Mon 4 Jan");
    }

    #[test]
    fn nothing_in_gives_empty_tables() {
        let t = track(&[], &[]);
        assert!(t.by_day.is_empty() && t.by_channel.is_empty());
        assert_eq!(t.total.started, 0);
    }

    #[test]
    fn the_response_rate_is_of_those_invited() {
        let c = InvitationCounts {
            invited: 3,
            responded: 1,
            ..Default::default()
        };
        assert_eq!(c.response_rate(), Some(33.3));
        assert_eq!(InvitationCounts::default().response_rate(), None);
    }
}
