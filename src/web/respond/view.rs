//! The survey pages' views: one wrapper for what every respondent page needs (its
//! language and direction, the chosen presentation, the page's own words, the CSRF
//! token, the error summary), and one view per page, built from the domain's models.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde::Serialize;

use super::super::error::WebError;
use super::super::page::{html_response, FieldError};
use super::super::AppState;
use super::state::Opened;
use crate::domain::answering::{CheckRow, Given, QuestionPage, QuestionShown, Step};
use crate::domain::response::Presentation;
use crate::domain::survey_form::{Audience, Direction, Language, QuestionType, SurveyForm};
use crate::words::SurveyWords;

fn dir(d: Direction) -> &'static str {
    match d {
        Direction::Ltr => "ltr",
        Direction::Rtl => "rtl",
    }
}

/// The form's language for `wanted`, or its first (English).
pub fn language<'a>(form: &'a SurveyForm, wanted: &str) -> Option<&'a Language> {
    form.languages
        .iter()
        .find(|l| l.code == wanted)
        .or_else(|| form.languages.first())
}

/// The modes a page is shown in: what the respondent chose that the form offers.
#[derive(Debug, Clone, Copy, Serialize)]
struct Mode {
    easy_read: bool,
    symbols: bool,
    read_aloud: bool,
    larger_text: bool,
    high_contrast: bool,
}

/// How a respondent page is shown: the survey, the language, the presentation.
pub struct Respondent<'a> {
    pub opened: &'a Opened,
    pub lang: String,
    dir: &'static str,
    pub words: Arc<SurveyWords>,
    pub presentation: Presentation,
    csrf_token: String,
}

impl<'a> Respondent<'a> {
    pub fn new(
        state: &AppState,
        opened: &'a Opened,
        wanted_lang: &str,
        presentation: Presentation,
        csrf_token: String,
    ) -> Self {
        let (lang, direction) = language(opened.form(), wanted_lang)
            .map(|l| (l.code.clone(), dir(l.dir)))
            .unwrap_or_else(|| ("en".to_string(), "ltr"));
        let words = state.catalogue.words.get(&lang);
        Self {
            opened,
            lang,
            dir: direction,
            words,
            presentation,
            csrf_token,
        }
    }

    pub fn form(&self) -> &'a SurveyForm {
        self.opened.form()
    }

    pub fn is_children(&self) -> bool {
        self.form().audience == Audience::ChildrenAndYoungPeople
    }

    fn easy_read(&self) -> bool {
        self.presentation.easy_read && self.form().presentation.easy_read
    }

    fn symbols(&self) -> bool {
        self.presentation.symbols && self.form().presentation.symbols
    }

    fn mode(&self) -> Mode {
        Mode {
            easy_read: self.easy_read(),
            symbols: self.symbols(),
            read_aloud: self.presentation.read_aloud && self.form().presentation.read_aloud,
            larger_text: self.presentation.larger_text,
            high_contrast: self.presentation.high_contrast,
        }
    }

    /// A page address inside this survey.
    pub fn url(&self, step: Step) -> String {
        let base = self.opened.base();
        match step {
            Step::Page(p) => format!("{base}/q/{}", p + 1),
            Step::How => format!("{base}/how"),
            Step::Check => format!("{base}/check"),
        }
    }

    /// Render `view` in the respondent layout. `heading` names the page in its title;
    /// the title says "Error:" first (in the page's language) when there are errors.
    pub fn render<T: Serialize>(
        &self,
        state: &AppState,
        status: StatusCode,
        template: &str,
        heading: &str,
        errors: Vec<FieldError>,
        view: T,
    ) -> Result<HttpResponse, WebError> {
        Ok(html_response(
            status,
            self.html(state, template, heading, errors, view)?,
        ))
    }

    pub fn html<T: Serialize>(
        &self,
        state: &AppState,
        template: &str,
        heading: &str,
        errors: Vec<FieldError>,
        view: T,
    ) -> Result<String, WebError> {
        let form_title = self.form().title.get(&self.lang);
        // The start page is named by the form's title alone, not twice.
        let named = if heading == form_title || heading.is_empty() {
            form_title.to_string()
        } else {
            format!("{heading} – {form_title}")
        };
        let title = if errors.is_empty() {
            named
        } else {
            format!("{} {named}", self.words.error_prefix)
        };
        let page = RespondentPage {
            lang: &self.lang,
            form_title,
            base: self.opened.base(),
            kiosk: self.opened.is_kiosk(),
            // An invitee's link carries them back; a shared tablet keeps nothing.
            resume_codes: self.opened.channel == crate::domain::survey::Channel::OpenLink,
            children: self.is_children(),
            mode: self.mode(),
            csrf_token: &self.csrf_token,
            errors,
            view,
        };
        // The page first, then the layout around it: a layout called as a partial
        // would copy the page's whole data into its own context on every render.
        let body = state.templates.render(template, &page)?;
        let layout = RespondentLayout {
            title,
            lang: &self.lang,
            dir: self.dir,
            form_title,
            children: page.children,
            mode: page.mode,
            help_heading: &self.words.help_heading,
            help: if self.is_children() {
                &self.words.help_children
            } else {
                &self.words.help_adults
            },
            skip: &self.words.skip,
            body,
        };
        Ok(state.templates.render("respond/layout", &layout)?)
    }

    /// The resume code box for a page, if this respondent has a code to show
    /// (never on a kiosk).
    pub fn resume(&self, code: Option<String>) -> Option<ResumeCode> {
        let code = code.filter(|_| !self.opened.is_kiosk())?;
        Some(ResumeCode {
            code,
            base: self.opened.base(),
            lang: self.lang.clone(),
        })
    }

    /// The languages of the form other than this page's, as links.
    pub fn other_languages(&self) -> Vec<LanguageChoice> {
        self.form()
            .languages
            .iter()
            .filter(|l| l.code != self.lang)
            .map(|l| LanguageChoice::of(l, false))
            .collect()
    }

    /// A question as its page shows it, in this language and presentation.
    pub fn question(&self, shown: &QuestionShown<'_>) -> QuestionView {
        let q = shown.question;
        let lang = self.lang.as_str();
        let easy = self.easy_read();
        let symbols = self.symbols();
        let text = match (&q.easy_read, easy) {
            (Some(e), true) => e.get(lang),
            _ => q.text.get(lang),
        };
        let dont_understand = self
            .form()
            .presentation
            .dont_understand
            .as_ref()
            .map(|d| d.text.get(lang))
            .unwrap_or("");
        let options = shown
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let text = match (&o.option.easy_read, easy) {
                    (Some(e), true) => e.get(lang),
                    _ => o.option.text.get(lang),
                };
                OptionView {
                    id: o.option.id.clone(),
                    text: text.to_string(),
                    symbol: o.option.symbol.clone().filter(|_| symbols),
                    separate: o.separate,
                    // The first input takes the question's id, so error links land on it.
                    input_id: if i == 0 {
                        q.id.clone()
                    } else {
                        format!("{}-{}", q.id, o.option.id)
                    },
                    checked: o.checked,
                }
            })
            .collect();
        QuestionView {
            id: q.id.clone(),
            text: text.to_string(),
            hint: q.hint.as_ref().map(|h| h.get(lang).to_string()),
            symbol: q.symbol.clone().filter(|_| symbols),
            bsl_video: q.bsl_video.as_ref().map(|v| BslView {
                src: format!("/media/bsl/{}", v.src),
                captions: format!("/media/bsl/{}", v.captions),
            }),
            radio: matches!(
                q.kind,
                QuestionType::SingleChoice | QuestionType::AgreementScale | QuestionType::YesNo
            ),
            checkbox: q.kind == QuestionType::MultipleChoice,
            number: q.kind == QuestionType::Number,
            free_text: q.kind == QuestionType::FreeText,
            options,
            value: shown.value.clone(),
            max_length: q.max_length,
            min: q.min,
            max: q.max,
            error: shown
                .problem
                .map(|p| self.words.answer_problem(p, dont_understand)),
            // Say the limit up front rather than only after a refusal.
            limit_hint: (q.kind == QuestionType::FreeText).then(|| {
                self.words
                    .max_chars
                    .replace("{n}", &q.max_length.unwrap_or(1000).to_string())
            }),
        }
    }

    /// The question page's view from the domain's page model.
    pub fn question_page(
        &self,
        page: &QuestionPage<'_>,
        change: bool,
        resume: Option<ResumeCode>,
    ) -> QuestionPageView {
        let questions: Vec<QuestionView> =
            page.questions.iter().map(|q| self.question(q)).collect();
        let progress = if page.per_question {
            &self.words.question_of
        } else {
            &self.words.section_of
        }
        .replace("{n}", &page.position.to_string())
        .replace("{total}", &page.applicable.to_string());
        let section_title = self.section_title(page);
        QuestionPageView {
            questions,
            single: page.per_question,
            progress,
            section_title,
            page: page.index + 1,
            back: self.url(page.back),
            change,
            resume,
        }
    }

    /// What names a question page in its title: its question, one per page, or its section.
    pub fn page_heading(&self, page: &QuestionPage<'_>) -> String {
        let lang = self.lang.as_str();
        let easy = self.easy_read();
        match (page.per_question, page.questions.first()) {
            (true, Some(shown)) => match (&shown.question.easy_read, easy) {
                (Some(e), true) => e.get(lang),
                _ => shown.question.text.get(lang),
            }
            .to_string(),
            _ => self.section_title(page),
        }
    }

    /// The title of a page's section, easy read where chosen.
    fn section_title(&self, page: &QuestionPage<'_>) -> String {
        match (&page.section.easy_read, self.easy_read()) {
            (Some(e), true) => e.get(&self.lang),
            _ => page.section.title.get(&self.lang),
        }
        .to_string()
    }

    /// Errors of a refused question page, each linking to its question.
    pub fn page_errors(&self, page: &QuestionPage<'_>) -> Vec<FieldError> {
        let dont_understand = self
            .form()
            .presentation
            .dont_understand
            .as_ref()
            .map(|d| d.text.get(&self.lang))
            .unwrap_or("");
        page.problems
            .iter()
            .map(|(field, problem)| {
                FieldError::new(field, self.words.answer_problem(problem, dont_understand))
            })
            .collect()
    }

    /// One row of "check your answers".
    pub fn check_row(&self, row: &CheckRow<'_>) -> CheckRowView {
        let lang = self.lang.as_str();
        let easy = self.easy_read();
        let question = match (&row.question.easy_read, easy) {
            (Some(e), true) => e.get(lang),
            _ => row.question.text.get(lang),
        };
        let answer = match &row.given {
            Given::NotAnswered => self.words.not_answered.clone(),
            Given::Number(n) => n.to_string(),
            Given::Text(t) => t.to_string(),
            Given::Options(options) => options
                .iter()
                .map(|o| match (&o.easy_read, easy) {
                    (Some(e), true) => e.get(lang),
                    _ => o.text.get(lang),
                })
                .collect::<Vec<_>>()
                .join(", "),
        };
        CheckRowView {
            question: question.to_string(),
            answer,
            answered: row.given != Given::NotAnswered,
            // Straight to the question, which may be far down a section's page.
            change: format!(
                "{}?change=1#{}",
                self.url(Step::Page(row.page)),
                row.question.id
            ),
        }
    }
}

/// What every respondent page's body reads besides its own view.
#[derive(Serialize)]
struct RespondentPage<'a, T: Serialize> {
    /// The page's language, which `{{w "key"}}` words follow.
    lang: &'a str,
    form_title: &'a str,
    base: String,
    kiosk: bool,
    resume_codes: bool,
    children: bool,
    mode: Mode,
    csrf_token: &'a str,
    errors: Vec<FieldError>,
    #[serde(flatten)]
    view: T,
}

/// What the respondent layout around every page reads.
#[derive(Serialize)]
struct RespondentLayout<'a> {
    title: String,
    lang: &'a str,
    dir: &'static str,
    form_title: &'a str,
    children: bool,
    mode: Mode,
    help_heading: &'a str,
    /// The safeguarding signpost for this audience.
    help: &'a str,
    skip: &'a str,
    /// The page, already rendered (and escaped) from its own template.
    body: String,
}

/// The resume code box: the code, and what its link (which fills it in) needs.
#[derive(Debug, Clone, Serialize)]
pub struct ResumeCode {
    pub code: String,
    pub base: String,
    pub lang: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageChoice {
    pub code: String,
    pub name: String,
    pub dir: &'static str,
    pub checked: bool,
}

impl LanguageChoice {
    pub fn of(l: &Language, checked: bool) -> Self {
        Self {
            code: l.code.clone(),
            name: l.name.clone(),
            dir: dir(l.dir),
            checked,
        }
    }
}

#[derive(Serialize)]
pub struct StartView {
    /// Reached at the invitees' address without an invitation: the page says to use
    /// the link in the email.
    pub by_invitation: bool,
    /// Not open yet: when it opens, in words.
    pub opens: Option<String>,
    pub introduction: String,
    pub how_long: String,
    pub open: bool,
    pub sent: bool,
    pub continue_at: Option<String>,
    pub languages: Vec<LanguageChoice>,
}

#[derive(Serialize)]
pub struct Offers {
    pub easy_read: bool,
    pub symbols: bool,
    pub read_aloud: bool,
}

#[derive(Serialize)]
pub struct HowView {
    pub offers: Offers,
    pub chosen: Presentation,
    pub helped_by_adult: bool,
    pub languages: Vec<LanguageChoice>,
    pub resume: Option<ResumeCode>,
}

#[derive(Serialize)]
pub struct OptionView {
    pub id: String,
    pub text: String,
    pub symbol: Option<String>,
    pub separate: bool,
    pub input_id: String,
    pub checked: bool,
}

#[derive(Serialize)]
pub struct BslView {
    pub src: String,
    pub captions: String,
}

#[derive(Serialize)]
pub struct QuestionView {
    pub id: String,
    pub text: String,
    pub hint: Option<String>,
    pub symbol: Option<String>,
    pub bsl_video: Option<BslView>,
    pub radio: bool,
    pub checkbox: bool,
    pub number: bool,
    pub free_text: bool,
    pub options: Vec<OptionView>,
    pub value: String,
    pub max_length: Option<u32>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub error: Option<String>,
    pub limit_hint: Option<String>,
}

#[derive(Serialize)]
pub struct QuestionPageView {
    pub questions: Vec<QuestionView>,
    pub single: bool,
    pub progress: String,
    pub section_title: String,
    pub page: usize,
    pub back: String,
    pub change: bool,
    pub resume: Option<ResumeCode>,
}

#[derive(Serialize)]
pub struct CheckRowView {
    pub question: String,
    pub answer: String,
    pub answered: bool,
    pub change: String,
}

#[derive(Serialize)]
pub struct CheckView {
    pub rows: Vec<CheckRowView>,
    pub back: String,
    pub resume: Option<ResumeCode>,
}

#[derive(Serialize)]
pub struct DoneView {}

#[derive(Serialize)]
pub struct ResumeView {
    pub code_value: String,
}

#[derive(Serialize)]
pub struct ErrorView {
    pub heading: String,
    pub message: String,
    pub status: u16,
}
