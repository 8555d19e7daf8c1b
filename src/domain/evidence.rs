//! Evidence an inspection gathers besides the surveys and the statistics: the
//! statutory duties checklist, documents, and case-tracking notes, each parsed and
//! checked here before it is stored.

use serde::{Deserialize, Serialize};

/// Whether a statutory duty (framework part D) is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DutyStatus {
    Met,
    Partly,
    NotMet,
    NotKnown,
}

impl DutyStatus {
    pub const ALL: [DutyStatus; 4] = [
        DutyStatus::Met,
        DutyStatus::Partly,
        DutyStatus::NotMet,
        DutyStatus::NotKnown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DutyStatus::Met => "met",
            DutyStatus::Partly => "partly",
            DutyStatus::NotMet => "not_met",
            DutyStatus::NotKnown => "not_known",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            DutyStatus::Met => "Met",
            DutyStatus::Partly => "Partly met",
            DutyStatus::NotMet => "Not met",
            DutyStatus::NotKnown => "Not known yet",
        }
    }

    /// What the status says about the criterion.
    pub fn bearing(self) -> Bearing {
        match self {
            DutyStatus::Met => Bearing::Supports,
            DutyStatus::Partly | DutyStatus::NotMet => Bearing::Challenges,
            DutyStatus::NotKnown => Bearing::Neutral,
        }
    }
}

/// Whether a piece of evidence supports a criterion, challenges it, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bearing {
    Supports,
    Challenges,
    Neutral,
}

impl Bearing {
    pub const ALL: [Bearing; 3] = [Bearing::Supports, Bearing::Challenges, Bearing::Neutral];

    pub fn as_str(self) -> &'static str {
        match self {
            Bearing::Supports => "supports",
            Bearing::Challenges => "challenges",
            Bearing::Neutral => "neutral",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Bearing::Supports => "Supports",
            Bearing::Challenges => "Challenges",
            Bearing::Neutral => "Neither",
        }
    }
}

/// A text field typed by an inspector: trimmed, required or not, bounded.
fn text(s: &str, required: bool, most: usize) -> Result<String, TextProblem> {
    let s = s.trim();
    if required && s.is_empty() {
        return Err(TextProblem::Missing);
    }
    if s.chars().count() > most {
        return Err(TextProblem::TooLong(most));
    }
    Ok(s.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    #[error("is missing")]
    Missing,
    #[error("must be {0} characters or fewer")]
    TooLong(usize),
}

/// Criteria chosen on a form: each must be in the framework; none twice.
pub fn parse_criteria(
    chosen: &[&str],
    known: &std::collections::BTreeSet<String>,
) -> Result<Vec<String>, EvidenceError> {
    let mut out: Vec<String> = vec![];
    for c in chosen {
        let c = c.trim();
        if c.is_empty() {
            continue;
        }
        if !known.contains(c) {
            return Err(EvidenceError::UnknownCriterion(c.to_string()));
        }
        if !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
    }
    Ok(out)
}

/// A duty's status as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyCheck {
    pub criterion_id: String,
    pub status: DutyStatus,
    pub evidence: String,
    pub note: String,
}

impl DutyCheck {
    pub fn parse(
        criterion_id: &str,
        duties: &[String],
        status: &str,
        evidence: &str,
        note: &str,
    ) -> Result<Self, EvidenceError> {
        if !duties.iter().any(|d| d == criterion_id) {
            return Err(EvidenceError::UnknownDuty(criterion_id.to_string()));
        }
        let status = DutyStatus::parse(status).ok_or(EvidenceError::Status)?;
        let evidence =
            text(evidence, false, 2000).map_err(|p| EvidenceError::Field("evidence", p))?;
        let note = text(note, false, 2000).map_err(|p| EvidenceError::Field("note", p))?;
        if status != DutyStatus::NotKnown && evidence.is_empty() {
            return Err(EvidenceError::EvidenceNeeded);
        }
        Ok(Self {
            criterion_id: criterion_id.to_string(),
            status,
            evidence,
            note,
        })
    }
}

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    SelfEvaluation,
    Strategy,
    ActionPlan,
    Commissioning,
    Other,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 5] = [
        DocumentKind::SelfEvaluation,
        DocumentKind::Strategy,
        DocumentKind::ActionPlan,
        DocumentKind::Commissioning,
        DocumentKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::SelfEvaluation => "self_evaluation",
            DocumentKind::Strategy => "strategy",
            DocumentKind::ActionPlan => "action_plan",
            DocumentKind::Commissioning => "commissioning",
            DocumentKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::SelfEvaluation => "Self-evaluation",
            DocumentKind::Strategy => "SEND strategy",
            DocumentKind::ActionPlan => "Action plan",
            DocumentKind::Commissioning => "Commissioning",
            DocumentKind::Other => "Other",
        }
    }
}

/// The kinds of file a document may be, as their content shows them to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentType {
    Pdf,
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Png,
    Jpeg,
    Text,
}

impl DocumentType {
    pub fn media_type(self) -> &'static str {
        match self {
            DocumentType::Pdf => "application/pdf",
            DocumentType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            DocumentType::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            DocumentType::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            DocumentType::Odt => "application/vnd.oasis.opendocument.text",
            DocumentType::Png => "image/png",
            DocumentType::Jpeg => "image/jpeg",
            DocumentType::Text => "text/plain; charset=utf-8",
        }
    }

    /// The file name endings that go with this type.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            DocumentType::Pdf => &["pdf"],
            DocumentType::Docx => &["docx"],
            DocumentType::Xlsx => &["xlsx"],
            DocumentType::Pptx => &["pptx"],
            DocumentType::Odt => &["odt"],
            DocumentType::Png => &["png"],
            DocumentType::Jpeg => &["jpg", "jpeg"],
            DocumentType::Text => &["txt", "csv", "md"],
        }
    }

    /// The type a file's content shows, from its media type as `infer` reads it (or
    /// text, when it is UTF-8 with no control characters but line breaks and tabs).
    pub fn from_content(inferred: Option<&str>, bytes: &[u8]) -> Option<Self> {
        match inferred {
            Some("application/pdf") => Some(DocumentType::Pdf),
            Some(m) if m == DocumentType::Docx.media_type() => Some(DocumentType::Docx),
            Some(m) if m == DocumentType::Xlsx.media_type() => Some(DocumentType::Xlsx),
            Some(m) if m == DocumentType::Pptx.media_type() => Some(DocumentType::Pptx),
            Some("application/vnd.oasis.opendocument.text") => Some(DocumentType::Odt),
            Some("image/png") => Some(DocumentType::Png),
            Some("image/jpeg") => Some(DocumentType::Jpeg),
            Some(_) => None,
            None => std::str::from_utf8(bytes)
                .ok()
                .filter(|t| {
                    !t.chars()
                        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                })
                .map(|_| DocumentType::Text),
        }
    }
}

/// Why a document, duty or note was refused; the web layer words the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    #[error("The {0} {1}.")]
    Field(&'static str, TextProblem),
    #[error("\"{0}\" is not a criterion of the framework.")]
    UnknownCriterion(String),
    #[error("\"{0}\" is not one of the statutory duties.")]
    UnknownDuty(String),
    #[error("Choose whether the duty is met.")]
    Status,
    #[error("Say what shows the duty is met, partly met or not met.")]
    EvidenceNeeded,
    #[error("Choose what kind of document it is.")]
    DocumentKind,
    #[error("Choose a file to upload.")]
    NoFile,
    #[error("The file's content is not a kind of document that can be kept here (PDF, Word, Excel, PowerPoint, OpenDocument text, PNG, JPEG or plain text).")]
    FileType,
    #[error("The file's content is {found}, but its name ends in .{extension}. Upload the file as it is, with its own name.")]
    Spoofed {
        found: &'static str,
        extension: String,
    },
    #[error("The file is {bytes} bytes, more than the {limit} bytes a document may be.")]
    TooLarge { bytes: usize, limit: usize },
    #[error("Choose whether the child or young person has an EHC plan or SEN support.")]
    Support,
    #[error("Choose whether the note supports or challenges the criteria.")]
    Bearing,
    #[error("A case reference is a short code such as C1 or Case B, not a name: letters, digits, spaces and hyphens, up to 20.")]
    CaseRef,
    #[error("The note seems to name a person ({0}). Case notes must not hold names: use the case reference and roles (the child, mum, the SENCO).")]
    NameInNote(String),
    #[error("Choose what should happen to this answer.")]
    ReviewStatus,
    #[error(
        "Give the answer as it may be quoted, with anything that could identify someone taken out."
    )]
    RedactionNeeded,
    #[error("The text to quote still seems to hold personal data ({0}). Take it out, or replace it with a description such as [name].")]
    StillPersonal(String),
    #[error("The text to quote must come from the answer: it is longer than the answer itself.")]
    RedactionTooLong,
}

impl EvidenceError {
    /// The form field the problem is about.
    pub fn field(&self) -> &'static str {
        match self {
            EvidenceError::Field(f, _) => f,
            EvidenceError::UnknownCriterion(_) => "criteria",
            EvidenceError::UnknownDuty(_) | EvidenceError::Status => "status",
            EvidenceError::EvidenceNeeded => "evidence",
            EvidenceError::DocumentKind => "kind",
            EvidenceError::NoFile
            | EvidenceError::FileType
            | EvidenceError::Spoofed { .. }
            | EvidenceError::TooLarge { .. } => "file",
            EvidenceError::Support => "support",
            EvidenceError::Bearing => "bearing",
            EvidenceError::CaseRef => "case_ref",
            EvidenceError::NameInNote(_) => "findings",
            EvidenceError::ReviewStatus => "status",
            EvidenceError::RedactionNeeded
            | EvidenceError::StillPersonal(_)
            | EvidenceError::RedactionTooLong => "redacted",
        }
    }
}

/// A file sent to be kept (a document of evidence, or a reviewer's supporting
/// document): not empty, within the size limit, a kind of document the content
/// shows it to be, and a name that does not claim another kind. Returns a name
/// safe to send back in a download header, and the type.
pub fn check_file(
    file_name: &str,
    bytes: &[u8],
    inferred: Option<&str>,
    limit: usize,
) -> Result<(String, DocumentType), EvidenceError> {
    if bytes.is_empty() {
        return Err(EvidenceError::NoFile);
    }
    if bytes.len() > limit {
        return Err(EvidenceError::TooLarge {
            bytes: bytes.len(),
            limit,
        });
    }
    let file_type = DocumentType::from_content(inferred, bytes).ok_or(EvidenceError::FileType)?;
    // A name that claims another type than the content is refused: it is how a
    // page disguised as a PDF would arrive.
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let extension = base
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !extension.is_empty() && !file_type.extensions().contains(&extension.as_str()) {
        return Err(EvidenceError::Spoofed {
            found: file_type.label(),
            extension,
        });
    }
    let safe_name: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\\' | '/'))
        .take(120)
        .collect();
    let name = if safe_name.trim().is_empty() {
        format!(
            "document.{}",
            file_type.extensions().first().unwrap_or(&"bin")
        )
    } else {
        safe_name
    };
    Ok((name, file_type))
}

/// A document to keep: its details checked and its type read from its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    pub title: String,
    pub kind: DocumentKind,
    pub criteria: Vec<String>,
    pub file_name: String,
    pub file_type: DocumentType,
}

impl NewDocument {
    /// `inferred` is the media type the content shows (the `infer` crate's reading).
    pub fn parse(
        title: &str,
        kind: &str,
        criteria: Vec<String>,
        file_name: &str,
        bytes: &[u8],
        inferred: Option<&str>,
        limit: usize,
    ) -> Result<Self, EvidenceError> {
        let title = text(title, true, 200).map_err(|p| EvidenceError::Field("title", p))?;
        let kind = DocumentKind::parse(kind).ok_or(EvidenceError::DocumentKind)?;
        let (file_name, file_type) = check_file(file_name, bytes, inferred, limit)?;
        Ok(Self {
            title,
            kind,
            criteria,
            file_name,
            file_type,
        })
    }
}

impl DocumentType {
    pub fn label(self) -> &'static str {
        match self {
            DocumentType::Pdf => "a PDF",
            DocumentType::Docx => "a Word document",
            DocumentType::Xlsx => "an Excel workbook",
            DocumentType::Pptx => "a PowerPoint presentation",
            DocumentType::Odt => "an OpenDocument text",
            DocumentType::Png => "a PNG image",
            DocumentType::Jpeg => "a JPEG image",
            DocumentType::Text => "plain text",
        }
    }
}

/// Whether a case's child has an EHC plan or SEN support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Support {
    EhcPlan,
    SenSupport,
    NotKnown,
}

impl Support {
    pub const ALL: [Support; 3] = [Support::EhcPlan, Support::SenSupport, Support::NotKnown];

    pub fn as_str(self) -> &'static str {
        match self {
            Support::EhcPlan => "ehc_plan",
            Support::SenSupport => "sen_support",
            Support::NotKnown => "not_known",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Support::EhcPlan => "EHC plan",
            Support::SenSupport => "SEN support",
            Support::NotKnown => "Not known",
        }
    }
}

/// A case-tracking or case-sampling note, pseudonymous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseNote {
    pub case_ref: String,
    pub age_band: String,
    pub need: String,
    pub setting: String,
    pub support: Support,
    pub findings: String,
    pub bearing: Bearing,
    pub criteria: Vec<String>,
}

/// The parts of a case note as typed.
pub struct CaseNoteInput<'a> {
    pub case_ref: &'a str,
    pub age_band: &'a str,
    pub need: &'a str,
    pub setting: &'a str,
    pub support: &'a str,
    pub findings: &'a str,
    pub bearing: &'a str,
}

impl CaseNote {
    /// Parse a note; `names_a_person` is the free-text detector's check (a person's
    /// name, or an email or phone number, gives the finding's words).
    pub fn parse(
        input: &CaseNoteInput<'_>,
        criteria: Vec<String>,
        names_a_person: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, EvidenceError> {
        let case_ref = input.case_ref.trim();
        let ok_ref = !case_ref.is_empty()
            && case_ref.chars().count() <= 20
            && case_ref
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
            && case_ref
                .chars()
                .any(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
        if !ok_ref {
            return Err(EvidenceError::CaseRef);
        }
        let field = |name: &'static str, value: &str, required: bool, most: usize| {
            text(value, required, most).map_err(|p| EvidenceError::Field(name, p))
        };
        let note = Self {
            case_ref: case_ref.to_string(),
            age_band: field("age band", input.age_band, true, 40)?,
            need: field("need", input.need, true, 200)?,
            setting: field("setting", input.setting, true, 200)?,
            support: Support::parse(input.support).ok_or(EvidenceError::Support)?,
            findings: field("findings", input.findings, true, 5000)?,
            bearing: Bearing::parse(input.bearing).ok_or(EvidenceError::Bearing)?,
            criteria,
        };
        if names_a_person(&note.case_ref).is_some() {
            return Err(EvidenceError::CaseRef);
        }
        for text in [&note.findings, &note.need, &note.setting] {
            if let Some(what) = names_a_person(text) {
                return Err(EvidenceError::NameInNote(what));
            }
        }
        Ok(note)
    }
}

/// What an inspector decided about a free-text answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    ToReview,
    /// May be quoted, as redacted.
    Usable,
    NotUsable,
    /// A possible safeguarding disclosure, passed on under the inspectorates' procedures.
    Referred,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 4] = [
        ReviewStatus::ToReview,
        ReviewStatus::Usable,
        ReviewStatus::NotUsable,
        ReviewStatus::Referred,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::ToReview => "to_review",
            ReviewStatus::Usable => "usable",
            ReviewStatus::NotUsable => "not_usable",
            ReviewStatus::Referred => "referred",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::ToReview => "To review",
            ReviewStatus::Usable => "May be quoted (as redacted)",
            ReviewStatus::NotUsable => "Not to be quoted",
            ReviewStatus::Referred => "Referred under the safeguarding procedure",
        }
    }
}

/// An inspector's decision about a free-text answer, checked: an answer may be
/// quoted only as redacted text that no longer holds personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDecision {
    pub status: ReviewStatus,
    /// The text that may be quoted (usable answers only).
    pub redacted: Option<String>,
}

impl ReviewDecision {
    /// `personal_in` finds personal data in the text to be quoted, if any is left.
    pub fn parse(
        status: &str,
        redacted: &str,
        original: &str,
        personal_in: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, EvidenceError> {
        let status = ReviewStatus::parse(status)
            .filter(|s| *s != ReviewStatus::ToReview)
            .ok_or(EvidenceError::ReviewStatus)?;
        if status != ReviewStatus::Usable {
            return Ok(Self {
                status,
                redacted: None,
            });
        }
        let redacted = redacted.trim();
        if redacted.is_empty() {
            return Err(EvidenceError::RedactionNeeded);
        }
        // Placeholders like "[name]" may make it a little longer than the answer.
        if redacted.chars().count() > original.chars().count() + 200 {
            return Err(EvidenceError::RedactionTooLong);
        }
        if let Some(found) = personal_in(redacted) {
            return Err(EvidenceError::StillPersonal(found));
        }
        Ok(Self {
            status,
            redacted: Some(redacted.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duty_needs_its_evidence_unless_not_known() {
        let duties = vec!["D1".to_string(), "D2".to_string()];
        assert!(DutyCheck::parse("D1", &duties, "met", "SEN2 return, 2024", "").is_ok());
        assert_eq!(
            DutyCheck::parse("D1", &duties, "met", " ", ""),
            Err(EvidenceError::EvidenceNeeded)
        );
        assert!(DutyCheck::parse("D2", &duties, "not_known", "", "").is_ok());
        assert_eq!(
            DutyCheck::parse("A1", &duties, "met", "x", ""),
            Err(EvidenceError::UnknownDuty("A1".into()))
        );
        assert_eq!(
            DutyCheck::parse("D1", &duties, "sort of", "x", ""),
            Err(EvidenceError::Status)
        );
        assert_eq!(DutyStatus::Partly.bearing(), Bearing::Challenges);
    }

    #[test]
    fn a_document_is_what_its_content_says() {
        let pdf = b"%PDF-1.7\n...";
        let doc = NewDocument::parse(
            "SEF",
            "self_evaluation",
            vec![],
            "sef.pdf",
            pdf,
            Some("application/pdf"),
            1000,
        )
        .unwrap();
        assert_eq!(doc.file_type, DocumentType::Pdf);
        // A page disguised as a PDF.
        let html = b"<html><script>alert(1)</script></html>";
        assert!(matches!(
            NewDocument::parse("SEF", "strategy", vec![], "sef.pdf", html, None, 1000),
            Err(EvidenceError::Spoofed { .. })
        ));
        // An executable.
        assert_eq!(
            NewDocument::parse(
                "x",
                "other",
                vec![],
                "x.exe",
                b"MZ\x90\0",
                Some("application/vnd.microsoft.portable-executable"),
                1000
            ),
            Err(EvidenceError::FileType)
        );
        assert!(matches!(
            NewDocument::parse("x", "other", vec![], "x.txt", &[b'a'; 20], None, 10),
            Err(EvidenceError::TooLarge { .. })
        ));
        assert_eq!(
            NewDocument::parse("", "other", vec![], "x.txt", b"a", None, 10),
            Err(EvidenceError::Field("title", TextProblem::Missing))
        );
        let odd = NewDocument::parse(
            "x",
            "other",
            vec![],
            "..\\..\\\"evil\".txt",
            b"hello",
            None,
            100,
        )
        .unwrap();
        assert_eq!(odd.file_name, "evil.txt");
    }

    #[test]
    fn case_notes_are_pseudonymous() {
        let input = CaseNoteInput {
            case_ref: "C1",
            age_band: "11 to 15",
            need: "autism",
            setting: "mainstream secondary",
            support: "ehc_plan",
            findings: "Plan reviewed late; mum says the SENCO listens.",
            bearing: "challenges",
        };
        let none = |_: &str| None;
        assert!(CaseNote::parse(&input, vec!["A1".into()], none).is_ok());
        let named = |t: &str| t.contains("Amira").then(|| "Amira".to_string());
        let with_name = CaseNoteInput {
            findings: "Amira is in Year 4.",
            ..input
        };
        assert_eq!(
            CaseNote::parse(&with_name, vec![], named),
            Err(EvidenceError::NameInNote("Amira".into()))
        );
        let bad_ref = CaseNoteInput {
            case_ref: "amira smith",
            ..input
        };
        assert_eq!(
            CaseNote::parse(&bad_ref, vec![], none),
            Err(EvidenceError::CaseRef)
        );
    }

    #[test]
    fn criteria_must_be_in_the_framework() {
        let known = ["A1".to_string(), "B2".to_string()].into_iter().collect();
        assert_eq!(
            parse_criteria(&["A1", "A1", "B2", ""], &known),
            Ok(vec!["A1".into(), "B2".into()])
        );
        assert!(parse_criteria(&["Z9"], &known).is_err());
    }

    #[test]
    fn an_answer_is_quoted_only_as_redacted_text_without_personal_data() {
        let email = |t: &str| t.contains('@').then(|| "an email".to_string());
        let original = "Ask jo@example.org, the SENCO is great";
        assert_eq!(
            ReviewDecision::parse("not_usable", "", original, email),
            Ok(ReviewDecision {
                status: ReviewStatus::NotUsable,
                redacted: None
            })
        );
        assert_eq!(
            ReviewDecision::parse("to_review", "", original, email),
            Err(EvidenceError::ReviewStatus)
        );
        assert_eq!(
            ReviewDecision::parse("usable", "  ", original, email),
            Err(EvidenceError::RedactionNeeded)
        );
        assert_eq!(
            ReviewDecision::parse("usable", original, original, email),
            Err(EvidenceError::StillPersonal("an email".into()))
        );
        let ok =
            ReviewDecision::parse("usable", "Ask [email], the SENCO is great", original, email)
                .unwrap();
        assert_eq!(
            ok.redacted.as_deref(),
            Some("Ask [email], the SENCO is great")
        );
        let long = "x".repeat(500);
        assert_eq!(
            ReviewDecision::parse("usable", &long, "short", email),
            Err(EvidenceError::RedactionTooLong)
        );
    }
}
