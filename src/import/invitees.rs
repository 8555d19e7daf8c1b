//! Invitee lists as CSV (issue 10, groundwork): a header naming the columns (email,
//! audience, optional setting, in any order and case), UTF-8 with or without a
//! byte-order mark, Windows or Unix line endings. The file is refused whole when it
//! cannot be read; otherwise each line is checked by [`crate::domain::invitation`].

use super::{csv_reader, csv_refusal, text_of, FileRefusal, LineCounter};
use crate::domain::invitation::{check, InviteeReport};
use crate::domain::survey_form::Audience;

/// The names a column may have in a spreadsheet someone made.
const EMAIL: [&str; 4] = ["email", "email address", "e-mail", "e-mail address"];
const AUDIENCE: [&str; 3] = ["audience", "survey", "who"];
const SETTING: [&str; 4] = ["setting", "school", "group", "setting or group"];

/// The most people one file invites: each is an invitation and an email written in
/// the import's one transaction, which holds SQLite's write lock while it runs.
pub const MOST_INVITEES: usize = 20_000;

fn column(headers: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    headers
        .iter()
        .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
}

/// The lines of a text, for saying how long a refused file is.
fn reader_lines(text: &str) -> usize {
    text.lines().count()
}

/// Read an invitee file and check every line; `settings` and `surveys` are the
/// inspection's (see [`check`]).
pub fn read(
    bytes: &[u8],
    limit: usize,
    settings: &[String],
    surveys: &[Audience],
    already: impl Fn(Audience, &str) -> bool,
) -> Result<InviteeReport, FileRefusal> {
    let text = text_of(bytes, limit)?;
    let mut reader = csv_reader(text);
    let headers = reader.headers().map_err(|e| csv_refusal(text, &e))?.clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(FileRefusal::NoHeader);
    }
    let email = column(&headers, &EMAIL).ok_or(FileRefusal::MissingColumn("email".into()))?;
    let audience =
        column(&headers, &AUDIENCE).ok_or(FileRefusal::MissingColumn("audience".into()))?;
    let setting = column(&headers, &SETTING);
    let mut counter = LineCounter::new(text);
    let mut rows: Vec<(usize, String, String, String)> = vec![];
    for record in reader.records() {
        let record = record.map_err(|e| csv_refusal(text, &e))?;
        let line = counter.line_of(record.position());
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").to_string();
        // A line left empty in a spreadsheet comes through as empty fields.
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        rows.push((
            line,
            field(Some(email)),
            field(Some(audience)),
            field(setting),
        ));
        if rows.len() > MOST_INVITEES {
            return Err(FileRefusal::TooManyLines {
                lines: reader_lines(text),
                most: MOST_INVITEES,
            });
        }
    }
    let borrowed: Vec<(usize, &str, &str, &str)> = rows
        .iter()
        .map(|(l, e, a, s)| (*l, e.as_str(), a.as_str(), s.as_str()))
        .collect();
    Ok(check(&borrowed, settings, surveys, already))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invitation::InviteeProblem;

    const SURVEYS: [Audience; 2] = [Audience::ParentsAndCarers, Audience::Practitioners];

    fn settings() -> Vec<String> {
        vec!["Oakfield Primary".into()]
    }

    #[test]
    fn bom_crlf_and_any_column_order_are_read_with_line_numbers() {
        let file = "\u{feff}Setting,Audience,Email Address\r\nOakfield Primary,parents,ann@example.org\r\n,,\r\n,practitioners,\"bad email\"\r\n,parents,ANN@example.org\r\n";
        let r = read(file.as_bytes(), 10_000, &settings(), &SURVEYS, |_, _| false)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.invitees.len(), 1);
        assert_eq!(
            r.invitees.first().and_then(|i| i.setting.clone()),
            Some("Oakfield Primary".to_string())
        );
        assert_eq!(
            r.problems,
            vec![
                (4, InviteeProblem::BadEmail("bad email".into())),
                (
                    5,
                    InviteeProblem::Duplicate {
                        email: "ann@example.org".into(),
                        first_line: 2
                    }
                ),
            ]
        );
    }

    #[test]
    fn files_that_cannot_be_read_are_refused_whole() {
        assert_eq!(
            read(
                b"name,audience\nAnn,parents\n",
                1000,
                &[],
                &SURVEYS,
                |_, _| false
            ),
            Err(FileRefusal::MissingColumn("email".into()))
        );
        assert_eq!(
            read(b"email\nann@example.org\n", 1000, &[], &SURVEYS, |_, _| {
                false
            }),
            Err(FileRefusal::MissingColumn("audience".into()))
        );
        assert!(matches!(
            read(
                b"email,audience\nann@example.org\n",
                1000,
                &[],
                &SURVEYS,
                |_, _| false
            ),
            Err(FileRefusal::RaggedLine { line: 2, .. })
        ));
        assert_eq!(
            read(
                b"email,audience\nSt Helen\x92s,parents\n",
                1000,
                &[],
                &SURVEYS,
                |_, _| false
            ),
            Err(FileRefusal::NotUtf8 { line: 2 })
        );
        assert_eq!(
            read(b"", 1000, &[], &SURVEYS, |_, _| false),
            Err(FileRefusal::Empty)
        );
    }
}
