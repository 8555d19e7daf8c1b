//! Answering a survey form: its pages, which questions show, reading one page's
//! submitted fields into answers, and the JSON Schema every complete response must
//! pass (web, paper CSV and API alike).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::survey_form::{PagePer, Question, QuestionType, SurveyForm};

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Choice(String),
    Choices(Vec<String>),
    Number(i64),
    Text(String),
}

/// The answers given so far, by question id. Questions skipped have no entry.
pub type Answers = BTreeMap<String, Answer>;

/// How a respondent chose to see the survey; remembered for the response.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentation {
    #[serde(default)]
    pub easy_read: bool,
    #[serde(default)]
    pub symbols: bool,
    #[serde(default)]
    pub read_aloud: bool,
    #[serde(default)]
    pub larger_text: bool,
    #[serde(default)]
    pub high_contrast: bool,
}

/// A page of the survey: the indexes (in form order) of the questions on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub questions: Vec<usize>,
}

/// The form's pages: one per question, or one per section, as the form says.
pub fn pages(form: &SurveyForm) -> Vec<Page> {
    let mut pages = vec![];
    let mut index = 0;
    for section in &form.sections {
        let ids: Vec<usize> = (index..index + section.questions.len()).collect();
        index += section.questions.len();
        match form.presentation.page_per {
            PagePer::Question => pages.extend(ids.into_iter().map(|i| Page { questions: vec![i] })),
            PagePer::Section => pages.push(Page { questions: ids }),
        }
    }
    pages
}

/// The question at `index` in form order.
pub fn question_at(form: &SurveyForm, index: usize) -> Option<&Question> {
    form.questions().nth(index).map(|(_, q)| q)
}

/// Whether a question shows, given the answers so far (its `show_if` condition).
pub fn is_shown(question: &Question, answers: &Answers) -> bool {
    match &question.show_if {
        None => true,
        Some(cond) => match answers.get(&cond.question) {
            Some(Answer::Choice(c)) => cond.any_of.contains(c),
            Some(Answer::Choices(cs)) => cs.iter().any(|c| cond.any_of.contains(c)),
            _ => false,
        },
    }
}

/// The questions of a page that show, given the answers so far.
pub fn shown_on<'a>(
    form: &'a SurveyForm,
    page: &Page,
    answers: &Answers,
) -> Vec<(usize, &'a Question)> {
    page.questions
        .iter()
        .filter_map(|&i| question_at(form, i).map(|q| (i, q)))
        .filter(|(_, q)| is_shown(q, answers))
        .collect()
}

/// The first page after `from` (or from the start) that shows any question.
pub fn next_page(form: &SurveyForm, from: Option<usize>, answers: &Answers) -> Option<usize> {
    let pages = pages(form);
    let start = from.map(|p| p + 1).unwrap_or(0);
    (start..pages.len()).find(|&p| {
        pages
            .get(p)
            .is_some_and(|page| !shown_on(form, page, answers).is_empty())
    })
}

/// The page to carry on from with these answers: the first page that shows anything
/// after the last page answered (None when that is past the end: check the answers).
pub fn carry_on_page(form: &SurveyForm, answers: &Answers) -> Option<usize> {
    let last_answered = pages(form)
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.questions
                .iter()
                .any(|&i| question_at(form, i).is_some_and(|q| answers.contains_key(&q.id)))
        })
        .map(|(i, _)| i)
        .next_back();
    next_page(form, last_answered, answers)
}

/// The last page before `from` that shows any question.
pub fn previous_page(form: &SurveyForm, from: usize, answers: &Answers) -> Option<usize> {
    let pages = pages(form);
    (0..from).rev().find(|&p| {
        pages
            .get(p)
            .is_some_and(|page| !shown_on(form, page, answers).is_empty())
    })
}

/// The answer ids a choice question accepts: its options (or scale's) and, where
/// the form offers it, "I don't understand".
pub fn accepted_options(form: &SurveyForm, question: &Question) -> Vec<String> {
    let mut ids: Vec<String> = form
        .options_of(question)
        .iter()
        .map(|o| o.id.clone())
        .collect();
    if form.presentation.offer_dont_understand && question.kind.is_choice() {
        if let Some(d) = &form.presentation.dont_understand {
            ids.push(d.id.clone());
        }
    }
    ids
}

/// Why a submitted field was not taken. The web layer words it in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerProblem {
    /// A field for a question that is not on this page (or not shown on it).
    NotOnThisPage,
    /// A single choice that is not one of the question's options.
    NotAnOption,
    /// More than one answer to a single-choice question.
    MoreThanOneChoice,
    /// A multiple choice including something that is not an option.
    NotAmongOptions,
    /// "I don't understand" ticked together with real answers.
    DontUnderstandWithOthers,
    /// A number that is not a whole number within the question's range.
    NumberOutOfRange { min: i64, max: i64 },
    /// Several values for a number or free-text question.
    MoreThanOneValue,
    /// Free text over the question's limit, in characters.
    TooLong { limit: usize, length: usize },
}

impl std::fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotOnThisPage => {
                write!(f, "This answer is for a question that is not on this page.")
            }
            Self::NotAnOption => write!(f, "Choose one of the answers shown."),
            Self::MoreThanOneChoice => write!(f, "Choose only one answer."),
            Self::NotAmongOptions => write!(f, "Choose from the answers shown."),
            Self::DontUnderstandWithOthers => {
                write!(f, "Choose \"I don't understand\" on its own, or untick it.")
            }
            Self::NumberOutOfRange { min, max } => {
                write!(f, "Enter a whole number from {min} to {max}.")
            }
            Self::MoreThanOneValue => write!(f, "Enter one answer."),
            Self::TooLong { limit, length } => write!(
                f,
                "Your answer must be {limit} characters or fewer. It has {length}."
            ),
        }
    }
}

/// One field of a page that was not taken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageProblem {
    pub field: String,
    pub problem: AnswerProblem,
}

/// Read the fields submitted for one page into answers for its shown questions.
/// Any field that is not a question on this page, or an answer that is not allowed,
/// is a problem and nothing is taken.
pub fn read_page(
    form: &SurveyForm,
    page: &Page,
    answers: &Answers,
    fields: &[(String, String)],
) -> Result<Vec<(String, Option<Answer>)>, Vec<PageProblem>> {
    let shown = shown_on(form, page, answers);
    let mut problems = vec![];
    for (name, _) in fields {
        if name != "csrf_token" && !shown.iter().any(|(_, q)| &q.id == name) {
            problems.push(PageProblem {
                field: name.clone(),
                problem: AnswerProblem::NotOnThisPage,
            });
        }
    }
    let mut read = vec![];
    for (_, q) in &shown {
        let values: Vec<&str> = fields
            .iter()
            .filter(|(k, _)| k == &q.id)
            .map(|(_, v)| v.as_str())
            .collect();
        match read_answer(form, q, &values) {
            Ok(answer) => read.push((q.id.clone(), answer)),
            Err(problem) => problems.push(PageProblem {
                field: q.id.clone(),
                problem,
            }),
        }
    }
    if problems.is_empty() {
        Ok(read)
    } else {
        Err(problems)
    }
}

/// Numbers are stored as 32-bit integers, so no question can go past them.
const NUMBER_RANGE: (i64, i64) = (i32::MIN as i64, i32::MAX as i64);

fn read_answer(
    form: &SurveyForm,
    q: &Question,
    values: &[&str],
) -> Result<Option<Answer>, AnswerProblem> {
    let values: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    match q.kind {
        QuestionType::SingleChoice | QuestionType::AgreementScale | QuestionType::YesNo => {
            match values.as_slice() {
                [] => Ok(None),
                [one] if accepted_options(form, q).iter().any(|o| o == one) => {
                    Ok(Some(Answer::Choice(one.to_string())))
                }
                [_] => Err(AnswerProblem::NotAnOption),
                _ => Err(AnswerProblem::MoreThanOneChoice),
            }
        }
        QuestionType::MultipleChoice => {
            let accepted = accepted_options(form, q);
            if values.iter().any(|v| !accepted.iter().any(|a| a == v)) {
                return Err(AnswerProblem::NotAmongOptions);
            }
            let mut chosen: Vec<String> = vec![];
            for v in values {
                if !chosen.iter().any(|c| c == v) {
                    chosen.push(v.to_string());
                }
            }
            let dont_understand = dont_understand_id(form);
            if chosen.len() > 1 && chosen.iter().any(|c| Some(c.as_str()) == dont_understand) {
                return Err(AnswerProblem::DontUnderstandWithOthers);
            }
            Ok((!chosen.is_empty()).then_some(Answer::Choices(chosen)))
        }
        QuestionType::Number => match values.as_slice() {
            [] => Ok(None),
            [one] => {
                let min = q.min.unwrap_or(NUMBER_RANGE.0).max(NUMBER_RANGE.0);
                let max = q.max.unwrap_or(NUMBER_RANGE.1).min(NUMBER_RANGE.1);
                match one.parse::<i64>() {
                    Ok(n) if (min..=max).contains(&n) => Ok(Some(Answer::Number(n))),
                    _ => Err(AnswerProblem::NumberOutOfRange { min, max }),
                }
            }
            _ => Err(AnswerProblem::MoreThanOneValue),
        },
        QuestionType::FreeText => match values.as_slice() {
            [] => Ok(None),
            [one] => {
                let limit = q.max_length.unwrap_or(1000) as usize;
                let length = one.chars().count();
                if length > limit {
                    Err(AnswerProblem::TooLong { limit, length })
                } else {
                    Ok(Some(Answer::Text(one.to_string())))
                }
            }
            _ => Err(AnswerProblem::MoreThanOneValue),
        },
    }
}

/// The id of "I don't understand", where the form offers it.
fn dont_understand_id(form: &SurveyForm) -> Option<&str> {
    form.presentation
        .dont_understand
        .as_ref()
        .filter(|_| form.presentation.offer_dont_understand)
        .map(|d| d.id.as_str())
}

/// The first question of `page` that answering it has brought into view (a follow-up
/// whose condition is on the same page), so the page must be shown again to ask it.
pub fn revealed_on_page<'a>(
    form: &'a SurveyForm,
    page: &Page,
    before: &Answers,
    after: &Answers,
) -> Option<&'a Question> {
    let was_shown: Vec<usize> = shown_on(form, page, before)
        .iter()
        .map(|(i, _)| *i)
        .collect();
    shown_on(form, page, after)
        .into_iter()
        .find(|(i, _)| !was_shown.contains(i))
        .map(|(_, q)| q)
}

/// Read stored answers back into their proper kinds. Stored JSON holds a text answer
/// as a plain string, which reads back as a choice; the form says which it is.
pub fn typed_answers(form: &SurveyForm, stored: Answers) -> Answers {
    stored
        .into_iter()
        .map(|(id, answer)| {
            let free_text = form
                .question(&id)
                .is_some_and(|q| q.kind == QuestionType::FreeText);
            match (answer, free_text) {
                (Answer::Choice(t), true) => (id, Answer::Text(t)),
                (other, _) => (id, other),
            }
        })
        .collect()
}

/// Apply a page's answers (an answer left empty removes an earlier one).
pub fn apply(answers: &mut Answers, read: Vec<(String, Option<Answer>)>) {
    for (id, answer) in read {
        match answer {
            Some(a) => {
                answers.insert(id, a);
            }
            None => {
                answers.remove(&id);
            }
        }
    }
}

/// The answers that count: those to questions that still show (an earlier change
/// can hide a question answered before).
pub fn final_answers(form: &SurveyForm, answers: &Answers) -> Answers {
    let mut kept = Answers::new();
    for (_, q) in form.questions() {
        if let Some(a) = answers.get(&q.id) {
            if is_shown(q, &kept) {
                kept.insert(q.id.clone(), a.clone());
            }
        }
    }
    kept
}

/// The JSON Schema (2020-12) of a complete response to `form`: an object with at
/// most one property per question, each holding an allowed answer, and nothing else.
pub fn response_schema(form: &SurveyForm) -> Value {
    let mut properties = serde_json::Map::new();
    for (_, q) in form.questions() {
        let schema = match q.kind {
            QuestionType::SingleChoice | QuestionType::AgreementScale | QuestionType::YesNo => {
                json!({ "type": "string", "enum": accepted_options(form, q) })
            }
            QuestionType::MultipleChoice => {
                let mut schema = json!({
                    "type": "array", "minItems": 1, "uniqueItems": true,
                    "items": { "type": "string", "enum": accepted_options(form, q) }
                });
                // "I don't understand" stands alone: it is not an answer beside others.
                if let (Some(id), Value::Object(m)) = (dont_understand_id(form), &mut schema) {
                    m.insert("if".into(), json!({ "contains": { "const": id } }));
                    m.insert("then".into(), json!({ "maxItems": 1 }));
                }
                schema
            }
            QuestionType::Number => {
                json!({ "type": "integer", "minimum": q.min, "maximum": q.max })
            }
            QuestionType::FreeText => {
                json!({ "type": "string", "minLength": 1, "maxLength": q.max_length.unwrap_or(1000) })
            }
        };
        properties.insert(q.id.clone(), schema);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("A response to survey form {} version {}", form.id, form.version),
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

/// The one gate every complete response passes, whether it came from the web
/// pages, a CSV of paper responses or an API: the JSON Schema derived from its
/// form, compiled once when the form is loaded.
pub struct ResponseGate {
    validator: jsonschema::Validator,
}

impl std::fmt::Debug for ResponseGate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResponseGate")
    }
}

impl ResponseGate {
    /// Compile the gate of `form`; a form whose schema does not compile is a problem
    /// with the form.
    pub fn new(form: &SurveyForm) -> Result<Self, super::problem::Problem> {
        let schema = response_schema(form);
        jsonschema::draft202012::options()
            .build(&schema)
            .map(|validator| Self { validator })
            .map_err(|e| {
                super::problem::Problem::new(
                    "",
                    format!("the response schema of {} cannot be compiled: {e}", form.id),
                )
            })
    }

    /// Every way `answers` fails the gate, as JSON pointers and reasons. The reasons
    /// can quote an answer, so only the pointers belong in logs.
    pub fn check(&self, answers: &Answers) -> Vec<super::problem::Problem> {
        match serde_json::to_value(answers) {
            Ok(value) => self.check_value(&value),
            Err(e) => vec![super::problem::Problem::new("", e.to_string())],
        }
    }

    /// As [`check`](Self::check), for a response already in JSON (an API call).
    pub fn check_value(&self, value: &Value) -> Vec<super::problem::Problem> {
        self.validator
            .iter_errors(value)
            .map(|e| super::problem::Problem::new(e.instance_path().to_string(), e.to_string()))
            .collect()
    }
}

/// A stored response: anonymous, known only by its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub id: i32,
    pub survey_id: i32,
    pub channel: super::survey::Channel,
    pub status: super::survey::ResponseStatus,
    pub language: String,
    pub presentation: Presentation,
    /// As stored; [`typed_answers`] reads free text back as text with the form.
    pub answers: Answers,
    pub helped_by_adult: bool,
    /// The setting whose link it came through, if any.
    pub setting_id: Option<i32>,
}

impl Response {
    pub fn is_submitted(&self) -> bool {
        self.status == super::survey::ResponseStatus::Submitted
    }
}

/// The day of a moment, as midnight: all a sent response keeps of when it was answered.
pub fn day_of(moment: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    moment.date().and_time(chrono::NaiveTime::MIN)
}

/// One stored answer row: question, option chosen, number given, text written.
pub type AnswerRow = (String, Option<String>, Option<i64>, Option<String>);

/// One stored row per answer: (question, option, number, text). A multiple choice
/// answer is one row per option chosen.
pub fn answer_rows(answers: &Answers) -> Vec<AnswerRow> {
    let mut rows = vec![];
    for (q, a) in answers {
        match a {
            Answer::Choice(c) => rows.push((q.clone(), Some(c.clone()), None, None)),
            Answer::Choices(cs) => {
                rows.extend(cs.iter().map(|c| (q.clone(), Some(c.clone()), None, None)))
            }
            Answer::Number(n) => rows.push((q.clone(), None, Some(*n), None)),
            Answer::Text(t) => rows.push((q.clone(), None, None, Some(t.clone()))),
        }
    }
    rows
}

/// A short code to continue on another device: 8 letters and digits that cannot be
/// confused with each other (no 0/O, 1/I/L), shown as XXXX-XXXX.
pub const RESUME_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// How a resume code is stored: only its SHA-256, so the database never holds a
/// code that opens a response.
pub fn resume_code_hash(code: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(code.as_bytes()))
}

/// Normalise a typed resume code: upper case, no spaces or dashes. None if it
/// cannot be one.
pub fn normalise_resume_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == 8 && code.bytes().all(|b| RESUME_ALPHABET.contains(&b))).then_some(code)
}

/// Show a code as XXXX-XXXX.
pub fn display_resume_code(code: &str) -> String {
    match (code.get(..4), code.get(4..)) {
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn form(page_per: &str) -> SurveyForm {
        serde_json::from_value(json!({
            "id": "f", "version": 2, "audience": "parents_and_carers",
            "languages": [{"code": "en", "name": "English", "dir": "ltr"}],
            "title": {"en": "T"}, "introduction": {"en": "I"}, "minutes_to_complete": 5,
            "presentation": {"page_per": page_per, "offer_dont_understand": true,
                "dont_understand": {"id": "dont_understand", "text": {"en": "I don't understand"}}},
            "scales": {"agree": [{"id": "agree", "text": {"en": "Agree"}}, {"id": "dont_know", "text": {"en": "Don't know"}, "dont_know": true}]},
            "sections": [
                {"id": "a", "title": {"en": "A"}, "questions": [
                    {"id": "plan", "type": "single_choice", "text": {"en": "Plan?"}, "criteria": [], "grouping": "support_level",
                     "options": [{"id": "ehcp", "text": {"en": "EHC plan"}}, {"id": "none", "text": {"en": "None"}}]},
                    {"id": "review", "type": "agreement_scale", "scale": "agree", "text": {"en": "Reviewed?"}, "criteria": ["D2"],
                     "show_if": {"question": "plan", "any_of": ["ehcp"]}}
                ]},
                {"id": "b", "title": {"en": "B"}, "questions": [
                    {"id": "needs", "type": "multiple_choice", "text": {"en": "Needs?"}, "criteria": ["A1"],
                     "options": [{"id": "x", "text": {"en": "X"}}, {"id": "y", "text": {"en": "Y"}}]},
                    {"id": "age", "type": "number", "text": {"en": "Age?"}, "criteria": ["A4"], "min": 0, "max": 25},
                    {"id": "more", "type": "free_text", "text": {"en": "More?"}, "criteria": ["A3"], "max_length": 10}
                ]}
            ]
        }))
        .unwrap()
    }

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn pages_follow_the_form() {
        assert_eq!(pages(&form("question")).len(), 5);
        assert_eq!(
            pages(&form("section")),
            vec![
                Page {
                    questions: vec![0, 1]
                },
                Page {
                    questions: vec![2, 3, 4]
                }
            ]
        );
    }

    #[test]
    fn show_if_hides_and_skips_pages() {
        let f = form("question");
        let mut answers = Answers::new();
        assert_eq!(
            next_page(&f, Some(0), &answers),
            Some(2),
            "review is skipped without a plan"
        );
        answers.insert("plan".into(), Answer::Choice("ehcp".into()));
        assert_eq!(next_page(&f, Some(0), &answers), Some(1));
        assert_eq!(previous_page(&f, 2, &answers), Some(1));
        answers.insert("review".into(), Answer::Choice("agree".into()));
        answers.insert("plan".into(), Answer::Choice("none".into()));
        assert!(
            !final_answers(&f, &answers).contains_key("review"),
            "a hidden answer does not count"
        );
    }

    #[test]
    fn a_page_is_read_into_answers() {
        let f = form("section");
        let p = pages(&f);
        let read = read_page(
            &f,
            &p[1],
            &Answers::new(),
            &fields(&[
                ("csrf_token", "t"),
                ("needs", "x"),
                ("needs", "y"),
                ("needs", "x"),
                ("age", " 7 "),
                ("more", ""),
            ]),
        )
        .unwrap();
        assert_eq!(
            read,
            vec![
                (
                    "needs".into(),
                    Some(Answer::Choices(vec!["x".into(), "y".into()]))
                ),
                ("age".into(), Some(Answer::Number(7))),
                ("more".into(), None),
            ]
        );
    }

    #[test]
    fn tampering_is_refused_field_by_field() {
        let f = form("section");
        let p = pages(&f);
        let problems = read_page(
            &f,
            &p[1],
            &Answers::new(),
            &fields(&[
                ("plan", "ehcp"),
                ("needs", "z"),
                ("age", "99"),
                ("more", "eleven chars"),
            ]),
        )
        .unwrap_err();
        let pointers: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(pointers, vec!["plan", "needs", "age", "more"]);
        assert_eq!(
            problems[2].problem,
            AnswerProblem::NumberOutOfRange { min: 0, max: 25 }
        );
        assert_eq!(
            problems[3].problem,
            AnswerProblem::TooLong {
                limit: 10,
                length: 12
            }
        );
        assert!(problems[3]
            .problem
            .to_string()
            .contains("10 characters or fewer"));
        // Hidden questions take no answers either.
        let problems =
            read_page(&f, &p[0], &Answers::new(), &fields(&[("review", "agree")])).unwrap_err();
        assert_eq!(problems[0].field, "review");
        assert_eq!(problems[0].problem, AnswerProblem::NotOnThisPage);
    }

    #[test]
    fn i_dont_understand_stands_alone_in_multiple_choice() {
        let f = form("section");
        let p = pages(&f);
        let mixed = fields(&[("needs", "x"), ("needs", "dont_understand")]);
        let problems = read_page(&f, &p[1], &Answers::new(), &mixed).unwrap_err();
        assert_eq!(problems[0].problem, AnswerProblem::DontUnderstandWithOthers);
        let alone = fields(&[("needs", "dont_understand"), ("needs", "dont_understand")]);
        assert_eq!(
            read_page(&f, &p[1], &Answers::new(), &alone).unwrap()[0].1,
            Some(Answer::Choices(vec!["dont_understand".into()]))
        );
        // The response schema, the gate for paper responses too, says the same.
        let gate = ResponseGate::new(&f).unwrap();
        assert!(gate
            .check_value(&json!({ "needs": ["dont_understand"] }))
            .is_empty());
        assert!(gate.check_value(&json!({ "needs": ["x", "y"] })).is_empty());
        let problems = gate.check_value(&json!({ "needs": ["x", "dont_understand"] }));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].pointer, "/needs");
        assert_eq!(
            gate.check_value(&json!({ "unknown": 1 })).len(),
            1,
            "nothing but the form's questions"
        );
    }

    #[test]
    fn numbers_never_go_past_what_can_be_stored() {
        let mut f = form("section");
        let q = f.sections[1].questions.get_mut(1).unwrap();
        q.min = None;
        q.max = None;
        let p = pages(&f);
        let problems = read_page(
            &f,
            &p[1],
            &Answers::new(),
            &fields(&[("age", "2147483648")]),
        )
        .unwrap_err();
        assert_eq!(
            problems[0].problem,
            AnswerProblem::NumberOutOfRange {
                min: i64::from(i32::MIN),
                max: i64::from(i32::MAX)
            }
        );
        assert!(read_page(
            &f,
            &p[1],
            &Answers::new(),
            &fields(&[("age", "2147483647")])
        )
        .is_ok());
    }

    #[test]
    fn a_follow_up_on_the_same_page_asks_for_the_page_again() {
        let f = form("section");
        let p = pages(&f);
        let before = Answers::new();
        let mut after = before.clone();
        after.insert("plan".into(), Answer::Choice("ehcp".into()));
        assert_eq!(
            revealed_on_page(&f, &p[0], &before, &after).map(|q| q.id.as_str()),
            Some("review")
        );
        // Answering it (or a choice that reveals nothing) moves on.
        assert!(revealed_on_page(&f, &p[0], &after, &after).is_none());
        let mut none = before.clone();
        none.insert("plan".into(), Answer::Choice("none".into()));
        assert!(revealed_on_page(&f, &p[0], &before, &none).is_none());
    }

    #[test]
    fn carrying_on_starts_after_the_last_page_answered() {
        let f = form("question");
        let mut answers = Answers::new();
        assert_eq!(carry_on_page(&f, &answers), Some(0), "from the start");
        answers.insert("needs".into(), Answer::Choices(vec!["x".into()]));
        assert_eq!(
            carry_on_page(&f, &answers),
            Some(3),
            "after the last answered"
        );
        answers.insert("more".into(), Answer::Text("t".into()));
        assert_eq!(carry_on_page(&f, &answers), None, "on to check the answers");
    }

    #[test]
    fn a_sent_response_keeps_only_the_day() {
        let moment = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(14, 37, 5)
            .unwrap();
        assert_eq!(
            day_of(moment).to_string(),
            "2026-11-23 00:00:00",
            "no hour, minute or second survives"
        );
    }

    #[test]
    fn i_dont_understand_is_an_answer_to_choice_questions_only() {
        let f = form("question");
        assert_eq!(
            accepted_options(&f, f.question("review").unwrap()),
            vec!["agree", "dont_know", "dont_understand"]
        );
        assert!(accepted_options(&f, f.question("age").unwrap()).is_empty());
    }

    #[test]
    fn the_response_schema_matches_the_form() {
        let f = form("question");
        let schema = response_schema(&f);
        assert_eq!(schema["additionalProperties"], json!(false));
        assert_eq!(
            schema["properties"]["review"]["enum"],
            json!(["agree", "dont_know", "dont_understand"])
        );
        assert_eq!(schema["properties"]["needs"]["type"], json!("array"));
        assert_eq!(schema["properties"]["age"]["maximum"], json!(25));
        assert_eq!(schema["properties"]["more"]["maxLength"], json!(10));
    }

    #[test]
    fn stored_text_reads_back_as_text() {
        let f = form("question");
        let stored: Answers =
            serde_json::from_str(r#"{"more": "hello", "plan": "ehcp", "age": 4}"#).unwrap();
        let typed = typed_answers(&f, stored);
        assert_eq!(typed["more"], Answer::Text("hello".into()));
        assert_eq!(typed["plan"], Answer::Choice("ehcp".into()));
        let rows = answer_rows(&typed);
        assert!(rows.contains(&("more".into(), None, None, Some("hello".into()))));
        assert!(rows.contains(&("age".into(), None, Some(4), None)));
    }

    #[test]
    fn resume_codes_are_forgiving_to_type() {
        assert_eq!(
            normalise_resume_code(" abcd-efgh ").as_deref(),
            Some("ABCDEFGH")
        );
        assert_eq!(
            normalise_resume_code("ABCD EFG2").as_deref(),
            Some("ABCDEFG2")
        );
        assert_eq!(normalise_resume_code("ABCD-EFG0"), None, "0 is never used");
        assert_eq!(normalise_resume_code("ABC"), None);
        assert_eq!(display_resume_code("ABCDEFGH"), "ABCD-EFGH");
    }
}
