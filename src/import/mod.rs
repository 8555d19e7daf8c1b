//! Reading files people bring: DfE statistics files, the local data template. Each
//! reader parses a whole file into domain values and a line-by-line report, or
//! refuses it with the reason; nothing here touches the database.

pub mod dfe;
pub mod invitees;
pub mod local;

use serde::Serialize;

/// Why a whole file was refused: nothing from it is used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "why")]
pub enum FileRefusal {
    #[error("The file is empty.")]
    Empty,
    #[error("The file is {bytes} bytes, more than the {limit} bytes an import takes.")]
    TooLarge { bytes: usize, limit: usize },
    #[error("The file is not text (it holds binary data), so it is not a CSV file.")]
    Binary,
    #[error("Line {line} is not UTF-8 text. Save the file as \"CSV UTF-8\" (the DfE publishes its files in UTF-8; a spreadsheet may have saved it as Windows-1252).")]
    NotUtf8 { line: usize },
    #[error("The file is not a CSV file that can be read: {reason}")]
    NotCsv { reason: String },
    #[error("Line {line} has {found} fields, but the header has {expected}. The file may be cut short or edited; download it again.")]
    RaggedLine {
        line: usize,
        found: usize,
        expected: usize,
    },
    #[error(
        "The file is not in the explore-education-statistics layout: it has no {missing} column."
    )]
    NotTidy { missing: String },
    #[error("The file's columns are not those of any statistics file the indicator catalogue describes ({columns}), so nothing was imported. It may come from another publication.")]
    UnknownLayout { columns: String },
    #[error("The file could be any of {kinds}, which share their columns. Name it as it was published (for example {example}) and import it again.")]
    Ambiguous { kinds: String, example: String },
    #[error("The header names no columns.")]
    NoHeader,
    #[error("The file has no {0} column. Its first line must name the columns: email, audience and, if you use settings, setting.")]
    MissingColumn(String),
    #[error("The file has {lines} lines; one list can invite at most {most} people. Split it into smaller files.")]
    TooManyLines { lines: usize, most: usize },
    #[error("None of the file's {rows} rows is a figure for this partnership's area ({code}), its region or England, so nothing was imported. Check that it is the right file, and that the council's ONS code is right.")]
    NothingForArea { rows: usize, code: String },
}

/// Check a file's size and that it is UTF-8 text; returns the text without a
/// byte-order mark.
pub fn text_of(bytes: &[u8], limit: usize) -> Result<&str, FileRefusal> {
    if bytes.is_empty() {
        return Err(FileRefusal::Empty);
    }
    if bytes.len() > limit {
        return Err(FileRefusal::TooLarge {
            bytes: bytes.len(),
            limit,
        });
    }
    if bytes.contains(&0) {
        return Err(FileRefusal::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes
            .get(..e.valid_up_to())
            .map(|b| b.iter().filter(|c| **c == b'\n').count() + 1)
            .unwrap_or(1);
        FileRefusal::NotUtf8 { line }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileRefusal::Empty);
    }
    Ok(text)
}

/// A CSV reader over `text` with every record the header's length (a ragged line is
/// refused rather than guessed at).
pub fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes())
}

/// The line of `text` (the header is line 1) a record read from it starts on. The
/// csv crate's own line count is one short after a CRLF line ending, as published
/// files have (its position then points at the line ending before the record), so
/// the line is counted from the byte offset, past any line endings there.
pub fn line_at(text: &str, pos: Option<&csv::Position>) -> usize {
    let Some(pos) = pos else { return 0 };
    let bytes = text.as_bytes();
    let mut at = usize::try_from(pos.byte())
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
        at += 1;
    }
    bytes
        .get(..at)
        .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count())
        + 1
}

/// [`line_at`] for the records of one file read in order: it counts on from the last
/// record rather than from the start, so a file of thousands of lines is counted once.
pub struct LineCounter<'t> {
    bytes: &'t [u8],
    at: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line a record starts on; records must come in the file's order.
    pub fn line_of(&mut self, pos: Option<&csv::Position>) -> usize {
        let Some(pos) = pos else { return 0 };
        let mut to = usize::try_from(pos.byte())
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(to), Some(b'\r' | b'\n')) {
            to += 1;
        }
        if to < self.at {
            // Out of order: count afresh rather than wrongly.
            self.at = 0;
            self.line = 1;
        }
        self.line += self
            .bytes
            .get(self.at..to)
            .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count());
        self.at = to;
        self.line
    }
}

/// A CSV error reading `text` as a refusal of the file.
pub fn csv_refusal(text: &str, e: &csv::Error) -> FileRefusal {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => FileRefusal::RaggedLine {
            line: line_at(text, pos.as_ref()),
            found: *len as usize,
            expected: *expected_len as usize,
        },
        csv::ErrorKind::Utf8 { pos, .. } => FileRefusal::NotUtf8 {
            line: line_at(text, pos.as_ref()),
        },
        _ => FileRefusal::NotCsv {
            reason: e.to_string(),
        },
    }
}

/// One problem with one line of a file, for the import report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineProblem {
    /// The line number in the file (the header is line 1).
    pub line: usize,
    pub column: Option<String>,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_must_be_utf8_text_within_the_limit() {
        assert_eq!(text_of(b"", 10), Err(FileRefusal::Empty));
        assert_eq!(text_of(b"  \n", 10), Err(FileRefusal::Empty));
        assert_eq!(
            text_of(b"0123456789x", 10),
            Err(FileRefusal::TooLarge {
                bytes: 11,
                limit: 10
            })
        );
        assert_eq!(text_of(b"PK\x03\x04\0\0", 100), Err(FileRefusal::Binary));
        assert_eq!(
            text_of(b"a,b\nSt Helen\x92s,1\n", 100),
            Err(FileRefusal::NotUtf8 { line: 2 })
        );
        assert_eq!(text_of("\u{feff}a,b".as_bytes(), 100), Ok("a,b"));
    }

    #[test]
    fn lines_are_counted_alike_with_lf_and_crlf_endings() {
        for text in [
            "h,i\na,1\n\n\"b\nx\",2\nc,3\nd\n",
            "h,i\r\na,1\r\n\r\n\"b\r\nx\",2\r\nc,3\r\nd\r\n",
        ] {
            let mut lines = vec![];
            let mut counter = LineCounter::new(text);
            for record in csv_reader(text).records() {
                match record {
                    Ok(r) => {
                        // Counting on from the last record agrees with counting afresh.
                        let line = counter.line_of(r.position());
                        assert_eq!(line, line_at(text, r.position()));
                        lines.push(line);
                    }
                    Err(e) => match csv_refusal(text, &e) {
                        FileRefusal::RaggedLine { line, .. } => lines.push(line),
                        other => panic!("{other:?}"),
                    },
                }
            }
            assert_eq!(lines, vec![2, 4, 6, 7], "{text:?}");
        }
    }
}
