//! What a respondent sees while answering, decided without IO: the question page
//! (which questions show, what is ticked or typed, what was refused, where the back
//! link goes, how far along they are) and the "check your answers" rows. The web
//! layer only puts these into words and addresses.

use super::response::{
    carry_on_page, next_page, pages, previous_page, shown_on, Answer, AnswerProblem, Answers,
    PageProblem,
};
use super::survey_form::{AnswerOption, PagePer, Question, Section, SurveyForm};

/// Where a page's back link, or the way on, leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A question page, by index (from 0).
    Page(usize),
    /// "How would you like to answer".
    How,
    /// "Check your answers".
    Check,
}

/// Where to go after page `index` has been answered.
pub fn step_after(form: &SurveyForm, index: usize, answers: &Answers, change: bool) -> Step {
    if change {
        return Step::Check;
    }
    match next_page(form, Some(index), answers) {
        Some(p) => Step::Page(p),
        None => Step::Check,
    }
}

/// Where to carry on with a response: the page after the last one answered.
pub fn carry_on(form: &SurveyForm, answers: &Answers) -> Step {
    match carry_on_page(form, answers) {
        Some(p) => Step::Page(p),
        None => Step::Check,
    }
}

/// The answers a choice question offers, with "I don't understand" last and set apart.
pub fn offered_options<'a>(form: &'a SurveyForm, q: &'a Question) -> Vec<(&'a AnswerOption, bool)> {
    let mut options: Vec<(&AnswerOption, bool)> =
        form.options_of(q).iter().map(|o| (o, false)).collect();
    if form.presentation.offer_dont_understand && q.kind.is_choice() {
        if let Some(d) = &form.presentation.dont_understand {
            options.push((d, true));
        }
    }
    options
}

/// A refused post: the fields as sent, and what was wrong with them.
#[derive(Debug, Clone, Copy)]
pub struct Refused<'a> {
    pub fields: &'a [(String, String)],
    pub problems: &'a [PageProblem],
}

/// One answer option as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionShown<'a> {
    pub option: &'a AnswerOption,
    pub checked: bool,
    /// "I don't understand", set apart from the real answers.
    pub separate: bool,
}

/// One question as shown on its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionShown<'a> {
    pub question: &'a Question,
    pub options: Vec<OptionShown<'a>>,
    /// What a number or text box holds: the saved answer, or what was typed in a
    /// refused post (shown again as typed).
    pub value: String,
    pub problem: Option<&'a AnswerProblem>,
}

/// A question page: the questions that show, the state of each, and the way around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionPage<'a> {
    pub index: usize,
    pub questions: Vec<QuestionShown<'a>>,
    /// One question per page (the children's survey) or a page per section.
    pub per_question: bool,
    pub section: &'a Section,
    /// Position among the pages that apply to this respondent, from 1, and their number.
    pub position: usize,
    pub applicable: usize,
    pub back: Step,
    /// Every problem, each against a question on this page (a field that is not on
    /// the page, as from a tampered post, is put against the first question).
    pub problems: Vec<(&'a str, &'a AnswerProblem)>,
}

/// What page `index` is for these answers: a page to show, or, when nothing on it
/// applies, where to go instead. None if there is no such page.
pub fn question_page<'a>(
    form: &'a SurveyForm,
    index: usize,
    answers: &Answers,
    refused: Option<Refused<'a>>,
    change: bool,
) -> Option<Result<QuestionPage<'a>, Step>> {
    let all = pages(form);
    let page = all.get(index)?;
    let shown = shown_on(form, page, answers);
    if shown.is_empty() {
        return Some(Err(step_after(form, index, answers, change)));
    }
    let section = form
        .questions()
        .nth(page.questions.first().copied().unwrap_or(0))
        .map(|(s, _)| s)?;
    let problem_of = |id: &str| {
        refused.and_then(|r| {
            r.problems
                .iter()
                .find(|p| p.field == id)
                .map(|p| &p.problem)
        })
    };
    let questions: Vec<QuestionShown<'a>> = shown
        .iter()
        .map(|(_, q)| {
            let q: &'a Question = q;
            let typed: Vec<&str> = refused
                .map(|r| {
                    r.fields
                        .iter()
                        .filter(|(k, _)| k == &q.id)
                        .map(|(_, v)| v.as_str())
                        .collect()
                })
                .unwrap_or_default();
            let saved = answers.get(&q.id);
            let chosen: Vec<&str> = match (refused, saved) {
                (Some(_), _) => typed.clone(),
                (None, Some(Answer::Choice(c))) => vec![c.as_str()],
                (None, Some(Answer::Choices(cs))) => cs.iter().map(String::as_str).collect(),
                _ => vec![],
            };
            let value = match (refused, saved) {
                (Some(_), _) => typed.first().copied().unwrap_or("").to_string(),
                (None, Some(Answer::Number(n))) => n.to_string(),
                (None, Some(Answer::Text(t))) => t.clone(),
                _ => String::new(),
            };
            QuestionShown {
                question: q,
                options: offered_options(form, q)
                    .into_iter()
                    .map(|(option, separate)| OptionShown {
                        option,
                        checked: chosen.contains(&option.id.as_str()),
                        separate,
                    })
                    .collect(),
                value,
                problem: problem_of(&q.id),
            }
        })
        .collect();
    let first = questions
        .first()
        .map(|q| q.question.id.as_str())
        .unwrap_or("main");
    let problems = refused
        .map(|r| {
            r.problems
                .iter()
                .map(|p| {
                    let on_page = questions.iter().find(|q| q.question.id == p.field);
                    (
                        on_page.map(|q| q.question.id.as_str()).unwrap_or(first),
                        &p.problem,
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    // Progress counts the pages that apply to this respondent.
    let applicable: Vec<usize> = (0..all.len())
        .filter(|&i| {
            all.get(i)
                .is_some_and(|p| !shown_on(form, p, answers).is_empty())
        })
        .collect();
    let position = applicable
        .iter()
        .position(|&i| i == index)
        .map(|p| p + 1)
        .unwrap_or(1);
    let back = if change {
        Step::Check
    } else {
        previous_page(form, index, answers)
            .map(Step::Page)
            .unwrap_or(Step::How)
    };
    Some(Ok(QuestionPage {
        index,
        questions,
        per_question: form.presentation.page_per == PagePer::Question,
        section,
        position,
        applicable: applicable.len(),
        back,
        problems,
    }))
}

/// What a "check your answers" row says was answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given<'a> {
    NotAnswered,
    Options(Vec<&'a AnswerOption>),
    Number(i64),
    Text(&'a str),
}

/// One row of "check your answers": a question that shows, its answer, and the page
/// to change it on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow<'a> {
    pub page: usize,
    pub question: &'a Question,
    pub given: Given<'a>,
}

/// The rows of "check your answers" for the answers that count.
pub fn check_rows<'a>(form: &'a SurveyForm, answers: &'a Answers) -> Vec<CheckRow<'a>> {
    let mut rows = vec![];
    for (page_no, page) in pages(form).iter().enumerate() {
        for (_, q) in shown_on(form, page, answers) {
            let options = offered_options(form, q);
            let pick = |ids: &[&str]| -> Vec<&'a AnswerOption> {
                options
                    .iter()
                    .filter(|(o, _)| ids.contains(&o.id.as_str()))
                    .map(|(o, _)| *o)
                    .collect()
            };
            let given = match answers.get(&q.id) {
                None => Given::NotAnswered,
                Some(Answer::Number(n)) => Given::Number(*n),
                Some(Answer::Text(t)) => Given::Text(t),
                Some(Answer::Choice(c)) => Given::Options(pick(&[c.as_str()])),
                Some(Answer::Choices(cs)) => {
                    let ids: Vec<&str> = cs.iter().map(String::as_str).collect();
                    Given::Options(pick(&ids))
                }
            };
            rows.push(CheckRow {
                page: page_no,
                question: q,
                given,
            });
        }
    }
    rows
}

/// The last page before the end that shows anything: the back link of "check your answers".
pub fn back_from_check(form: &SurveyForm, answers: &Answers) -> Step {
    previous_page(form, pages(form).len(), answers)
        .map(Step::Page)
        .unwrap_or(Step::How)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::read_page;
    use serde_json::json;

    fn form() -> SurveyForm {
        serde_json::from_value(json!({
            "id": "f", "version": 1, "audience": "parents_and_carers",
            "languages": [{"code": "en", "name": "English", "dir": "ltr"}],
            "title": {"en": "T"}, "introduction": {"en": "I"}, "minutes_to_complete": 5,
            "presentation": {"page_per": "section", "offer_dont_understand": true,
                "dont_understand": {"id": "dont_understand", "text": {"en": "I don't understand"}}},
            "sections": [
                {"id": "a", "title": {"en": "A"}, "questions": [
                    {"id": "plan", "type": "single_choice", "text": {"en": "Plan?"}, "criteria": [],
                     "options": [{"id": "ehcp", "text": {"en": "EHC plan"}}, {"id": "none", "text": {"en": "None"}}]},
                    {"id": "review", "type": "yes_no", "text": {"en": "Reviewed?"}, "criteria": [],
                     "options": [{"id": "yes", "text": {"en": "Yes"}}, {"id": "no", "text": {"en": "No"}}],
                     "show_if": {"question": "plan", "any_of": ["ehcp"]}}
                ]},
                {"id": "b", "title": {"en": "B"}, "questions": [
                    {"id": "review_again", "type": "yes_no", "text": {"en": "Again?"}, "criteria": [],
                     "options": [{"id": "yes", "text": {"en": "Yes"}}],
                     "show_if": {"question": "plan", "any_of": ["ehcp"]}}
                ]},
                {"id": "c", "title": {"en": "C"}, "questions": [
                    {"id": "age", "type": "number", "text": {"en": "Age?"}, "criteria": [], "min": 0, "max": 25},
                    {"id": "more", "type": "free_text", "text": {"en": "More?"}, "criteria": [], "max_length": 5}
                ]}
            ]
        }))
        .unwrap()
    }

    #[test]
    fn a_page_shows_saved_answers_and_its_way_around() {
        let f = form();
        let mut answers = Answers::new();
        answers.insert("plan".into(), Answer::Choice("none".into()));
        answers.insert("age".into(), Answer::Number(7));
        let page = question_page(&f, 2, &answers, None, false)
            .unwrap()
            .unwrap();
        assert_eq!(
            page.back,
            Step::Page(0),
            "page 2 does not apply without a plan"
        );
        assert_eq!((page.position, page.applicable), (2, 2));
        assert_eq!(page.questions[0].value, "7");
        assert_eq!(page.section.id, "c");
        assert!(!page.per_question);
        let first = question_page(&f, 0, &answers, None, false)
            .unwrap()
            .unwrap();
        assert_eq!(first.back, Step::How);
        assert_eq!(first.questions.len(), 1, "the follow-up is hidden");
        let options: Vec<(&str, bool, bool)> = first.questions[0]
            .options
            .iter()
            .map(|o| (o.option.id.as_str(), o.checked, o.separate))
            .collect();
        assert_eq!(
            options,
            vec![
                ("ehcp", false, false),
                ("none", true, false),
                ("dont_understand", false, true)
            ]
        );
        assert_eq!(
            question_page(&f, 1, &answers, None, false),
            Some(Err(Step::Page(2))),
            "a page with nothing to ask moves on"
        );
        assert_eq!(
            question_page(&f, 1, &answers, None, true),
            Some(Err(Step::Check))
        );
        assert_eq!(question_page(&f, 9, &answers, None, false), None);
        assert_eq!(
            question_page(&f, 2, &answers, None, true)
                .unwrap()
                .unwrap()
                .back,
            Step::Check
        );
    }

    #[test]
    fn a_refused_page_comes_back_as_it_was_filled_in() {
        let f = form();
        let answers = Answers::new();
        let fields = vec![
            ("age".to_string(), "99".to_string()),
            ("more".to_string(), "too long".to_string()),
            ("tampered".to_string(), "x".to_string()),
        ];
        let all = pages(&f);
        let problems = read_page(&f, &all[2], &answers, &fields).unwrap_err();
        let refused = Refused {
            fields: &fields,
            problems: &problems,
        };
        let page = question_page(&f, 2, &answers, Some(refused), false)
            .unwrap()
            .unwrap();
        assert_eq!(page.questions[0].value, "99", "shown as typed");
        assert_eq!(page.questions[1].value, "too long");
        assert!(page.questions[0].problem.is_some());
        let fields_linked: Vec<&str> = page.problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields_linked,
            vec!["age", "age", "more"],
            "the tampered field links to the first question"
        );
    }

    #[test]
    fn check_rows_follow_the_answers_that_count() {
        let f = form();
        let mut answers = Answers::new();
        answers.insert("plan".into(), Answer::Choice("ehcp".into()));
        answers.insert("review".into(), Answer::Choice("dont_understand".into()));
        answers.insert("more".into(), Answer::Text("hi".into()));
        let rows = check_rows(&f, &answers);
        let summary: Vec<(usize, &str)> = rows
            .iter()
            .map(|r| (r.page, r.question.id.as_str()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (0, "plan"),
                (0, "review"),
                (1, "review_again"),
                (2, "age"),
                (2, "more")
            ]
        );
        assert!(
            matches!(&rows[1].given, Given::Options(o) if o[0].id == "dont_understand"),
            "I don't understand reads back as itself"
        );
        assert_eq!(rows[2].given, Given::NotAnswered);
        assert_eq!(rows[4].given, Given::Text("hi"));
        assert_eq!(back_from_check(&f, &answers), Step::Page(2));
        assert_eq!(carry_on(&f, &answers), Step::Check);
        assert_eq!(step_after(&f, 0, &answers, false), Step::Page(1));
    }
}
