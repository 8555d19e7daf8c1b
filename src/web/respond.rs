//! The public survey pages: no sign-in, server-rendered, complete without JavaScript.
//! A response is anonymous: it is known only by the browser session that started it
//! and by its resume code (stored hashed).

use std::sync::Arc;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use rand::Rng;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use super::error::WebError;
use super::form::CheckedForm;
use super::respond_text::{answer_problem, interface};
use super::session::csrf_token;
use super::{see_other, AppState};
use crate::catalogue::Catalogue;
use crate::db::surveys::{Channel, Draft, Response, Survey};
use crate::db::{self, DbError};
use crate::domain::response::{
    self, display_resume_code, normalise_resume_code, Answer, Answers, PageProblem, Presentation,
    RESUME_ALPHABET,
};
use crate::domain::survey_form::{
    Audience, Direction, PagePer, Question, QuestionType, SurveyForm,
};

/// The survey behind a public link, with its form.
pub(super) struct Opened {
    pub(super) survey: Survey,
    pub(super) channel: Channel,
    catalogue: Arc<Catalogue>,
    form_index: usize,
    token: String,
}

impl Opened {
    pub(super) fn form(&self) -> Result<&SurveyForm, WebError> {
        self.catalogue
            .forms
            .get(self.form_index)
            .ok_or(WebError::NotFound)
    }
    pub(super) fn base(&self) -> String {
        format!("/s/{}", self.token)
    }
}

pub(super) async fn open(state: &AppState, token: &str) -> Result<Opened, WebError> {
    // Tokens are 22 letters and digits; anything else is not worth a query.
    if token.len() > 64 || !token.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(WebError::NotFound);
    }
    let t = token.to_string();
    let (survey, channel) = db::run(&state.pool, move |c| db::surveys::by_token(c, &t))
        .await?
        .ok_or(WebError::NotFound)?;
    let catalogue = state.catalogue.clone();
    let form_index = catalogue
        .forms
        .iter()
        .position(|f| f.id == survey.form_id)
        .ok_or(WebError::NotFound)?;
    Ok(Opened {
        survey,
        channel,
        catalogue,
        form_index,
        token: token.to_string(),
    })
}

fn session_key(survey_id: i32) -> String {
    format!("response_{survey_id}")
}

fn code_key(survey_id: i32) -> String {
    format!("code_{survey_id}")
}

fn sent_key(survey_id: i32) -> String {
    format!("sent_{survey_id}")
}

/// What the browser keeps once its answers are sent: how to show the thank-you page,
/// and nothing that leads back to the response.
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Sent {
    pub(super) language: String,
    pub(super) presentation: Presentation,
}

pub(super) fn sent(session: &Session, survey_id: i32) -> Option<Sent> {
    session.get::<Sent>(&sent_key(survey_id)).ok().flatten()
}

/// Forget the response this browser was answering (and its code).
fn forget_response(session: &Session, survey_id: i32) {
    session.remove(&session_key(survey_id));
    session.remove(&code_key(survey_id));
}

fn hash_code(code: &str) -> String {
    format!("{:x}", Sha256::digest(code.as_bytes()))
}

fn new_resume_code() -> String {
    let mut rng = rand::rngs::OsRng;
    (0..8)
        .map(|_| {
            let i = rng.gen_range(0..RESUME_ALPHABET.len());
            RESUME_ALPHABET.get(i).map(|b| *b as char).unwrap_or('A')
        })
        .collect()
}

/// The form's language for `wanted`, or English.
fn language(form: &SurveyForm, wanted: &str) -> (String, Direction) {
    form.languages
        .iter()
        .find(|l| l.code == wanted)
        .or_else(|| form.languages.first())
        .map(|l| (l.code.clone(), l.dir))
        .unwrap_or(("en".into(), Direction::Ltr))
}

/// What every respondent page needs: language, direction, modes, interface words.
pub(super) fn page_data(
    opened: &Opened,
    form: &SurveyForm,
    lang: &str,
    presentation: &Presentation,
    csrf: &str,
) -> Map<String, Value> {
    let (lang, dir) = language(form, lang);
    let children = form.audience == Audience::ChildrenAndYoungPeople;
    let ui = interface(&lang, form.minutes_to_complete, children);
    let mut m = Map::new();
    m.insert("lang".into(), json!(lang));
    m.insert(
        "dir".into(),
        json!(if dir == Direction::Rtl { "rtl" } else { "ltr" }),
    );
    m.insert("form_title".into(), json!(form.title.get(&lang)));
    m.insert("base".into(), json!(opened.base()));
    m.insert("kiosk".into(), json!(opened.channel == Channel::Kiosk));
    m.insert("children".into(), json!(children));
    m.insert(
        "mode".into(),
        json!({
            "easy_read": presentation.easy_read && form.presentation.easy_read,
            "symbols": presentation.symbols && form.presentation.symbols,
            "read_aloud": presentation.read_aloud && form.presentation.read_aloud,
            "larger_text": presentation.larger_text,
            "high_contrast": presentation.high_contrast,
        }),
    );
    m.insert("ui".into(), ui);
    m.insert("csrf_token".into(), json!(csrf));
    m.insert("errors".into(), json!([]));
    m
}

pub(super) fn render(
    state: &AppState,
    status: StatusCode,
    template: &str,
    title: &str,
    data: Map<String, Value>,
) -> Result<HttpResponse, WebError> {
    let body = page_html(state, template, title, data)?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(body))
}

/// A respondent page's HTML; the title says "Error:" first when the page has errors.
pub(super) fn page_html(
    state: &AppState,
    template: &str,
    title: &str,
    mut data: Map<String, Value>,
) -> Result<String, WebError> {
    let has_errors = data
        .get("errors")
        .and_then(Value::as_array)
        .is_some_and(|e| !e.is_empty());
    let prefix = data
        .get("ui")
        .and_then(|u| u.get("error_prefix"))
        .and_then(Value::as_str)
        .unwrap_or("Error:");
    let title = if has_errors {
        format!("{prefix} {title}")
    } else {
        title.to_string()
    };
    data.insert("title".into(), json!(title));
    Ok(state.templates.render(template, &Value::Object(data))?)
}

/// One word of the interface in the form's version of `lang`.
fn interface_word(form: &SurveyForm, lang: &str, key: &str) -> String {
    let (lang, _) = language(form, lang);
    let children = form.audience == Audience::ChildrenAndYoungPeople;
    interface(&lang, form.minutes_to_complete, children)
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

pub(super) fn ui_text(data: &Map<String, Value>, key: &str) -> String {
    data.get("ui")
        .and_then(|u| u.get(key))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

/// The response this browser is answering through this link, if any. A response
/// started on the open link does not follow the browser to the kiosk link, or back.
pub(super) async fn current(
    state: &AppState,
    session: &Session,
    opened: &Opened,
) -> Result<Option<Response>, WebError> {
    let survey_id = opened.survey.id;
    let Some(id) = session.get::<i32>(&session_key(survey_id)).ok().flatten() else {
        return Ok(None);
    };
    let response = db::run(&state.pool, move |c| db::surveys::load(c, survey_id, id)).await?;
    Ok(response.filter(|r| r.channel == opened.channel.as_str()))
}

pub(super) fn presentation_of(r: &Response) -> Presentation {
    serde_json::from_str(&r.presentation).unwrap_or_default()
}

fn answers_of(form: &SurveyForm, r: &Response) -> Answers {
    response::typed_answers(form, serde_json::from_str(&r.answers).unwrap_or_default())
}

#[derive(serde::Deserialize)]
pub struct StartQuery {
    lang: Option<String>,
    sent: Option<String>,
}

/// The start page: what the survey is for, that it is anonymous, how long it takes, help.
pub async fn start_page(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    query: Option<web::Query<StartQuery>>,
) -> Result<HttpResponse, WebError> {
    let opened = open(&state, &path.into_inner()).await?;
    let form = opened.form()?;
    // A shared tablet's start page leaves nothing of the last respondent reachable,
    // even one who walked away before sending: the next child starts afresh.
    let response = if opened.channel == Channel::Kiosk {
        forget_response(&session, opened.survey.id);
        session.remove(&sent_key(opened.survey.id));
        session.renew();
        None
    } else {
        current(&state, &session, &opened).await?
    };
    let wanted = query
        .as_ref()
        .and_then(|q| q.lang.clone())
        .or_else(|| response.as_ref().map(|r| r.language.clone()))
        .unwrap_or_else(|| "en".into());
    let csrf = csrf_token(&session)?;
    let presentation = response.as_ref().map(presentation_of).unwrap_or_default();
    let mut data = page_data(&opened, form, &wanted, &presentation, &csrf);
    let lang = data
        .get("lang")
        .and_then(Value::as_str)
        .unwrap_or("en")
        .to_string();
    data.insert("introduction".into(), json!(form.introduction.get(&lang)));
    data.insert("open".into(), json!(opened.survey.is_open()));
    data.insert(
        "sent".into(),
        json!(query.as_ref().is_some_and(|q| q.sent.is_some())),
    );
    data.insert(
        "continue_at".into(),
        json!(response
            .as_ref()
            .filter(|r| !r.is_submitted())
            .map(|r| carry_on(&opened, form, r))),
    );
    data.insert(
        "languages".into(),
        json!(form
            .languages
            .iter()
            .filter(|l| l.code != lang)
            .map(|l| json!({ "code": l.code, "name": l.name, "dir": if l.dir == Direction::Rtl { "rtl" } else { "ltr" } }))
            .collect::<Vec<_>>()),
    );
    let title = form.title.get(&lang).to_string();
    let status = if opened.survey.is_open() {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    render(&state, status, "respond/start", &title, data)
}

/// Once a survey closes, every page of it leads back to its start page, which says
/// so in the respondent's own layout and language; nothing sent is stored.
fn closed(opened: &Opened) -> Option<HttpResponse> {
    (!opened.survey.is_open()).then(|| see_other(&opened.base()))
}

/// Start a new anonymous response in the chosen language.
pub async fn start(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let opened = open(&state, &path.into_inner()).await?;
    if let Some(redirect) = closed(&opened) {
        return Ok(redirect);
    }
    let (lang, _) = language(opened.form()?, form.text("lang"));
    let code = new_resume_code();
    let hash = hash_code(&code);
    let (survey_id, channel) = (opened.survey.id, opened.channel);
    let id = db::run(&state.pool, move |c| {
        db::surveys::start(c, survey_id, channel, &lang, &hash)
    })
    .await?;
    session
        .insert(session_key(survey_id), id)
        .map_err(|e| WebError::Internal(format!("session: {e}")))?;
    // The code is shown once per page from the session, never stored in clear.
    session
        .insert(code_key(survey_id), &code)
        .map_err(|e| WebError::Internal(format!("session: {e}")))?;
    Ok(see_other(&format!("{}/how", opened.base())))
}

/// Load the response this browser is answering, or send the browser back to the start.
/// The open survey behind `token` and the response this browser is answering in it,
/// or where to send the browser instead (the closed notice, the start, or thanks).
async fn answering(
    state: &AppState,
    session: &Session,
    token: &str,
) -> Result<Result<(Opened, Response), HttpResponse>, WebError> {
    let opened = open(state, token).await?;
    if let Some(redirect) = closed(&opened) {
        return Ok(Err(redirect));
    }
    Ok(answering_in(state, session, &opened)
        .await?
        .map(|response| (opened, response)))
}

async fn answering_in(
    state: &AppState,
    session: &Session,
    opened: &Opened,
) -> Result<Result<Response, HttpResponse>, WebError> {
    match current(state, session, opened).await? {
        Some(r) if r.is_submitted() => Ok(Err(see_other(&format!("{}/done", opened.base())))),
        Some(r) => Ok(Ok(r)),
        None if opened.channel == Channel::OpenLink
            && sent(session, opened.survey.id).is_some() =>
        {
            Ok(Err(see_other(&format!("{}/done", opened.base()))))
        }
        None => Ok(Err(see_other(&opened.base()))),
    }
}

/// "How would you like to answer": modes and language, remembered for the response.
pub async fn how_page(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let (opened, response) = match answering(&state, &session, &path.into_inner()).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    how_form(&state, &session, &opened, &response, StatusCode::OK).await
}

async fn how_form(
    state: &AppState,
    session: &Session,
    opened: &Opened,
    response: &Response,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let form = opened.form()?;
    let presentation = presentation_of(response);
    let csrf = csrf_token(session)?;
    let mut data = page_data(opened, form, &response.language, &presentation, &csrf);
    data.insert(
        "offers".into(),
        json!({
            "easy_read": form.presentation.easy_read,
            "symbols": form.presentation.symbols,
            "read_aloud": form.presentation.read_aloud,
        }),
    );
    data.insert(
        "chosen".into(),
        serde_json::to_value(&presentation).unwrap_or(Value::Null),
    );
    data.insert("helped_by_adult".into(), json!(response.helped_by_adult));
    data.insert(
        "languages".into(),
        json!(form
            .languages
            .iter()
            .map(|l| json!({ "code": l.code, "name": l.name, "dir": if l.dir == Direction::Rtl { "rtl" } else { "ltr" }, "checked": l.code == response.language }))
            .collect::<Vec<_>>()),
    );
    data.insert("code".into(), json!(shown_code(session, opened.survey.id)));
    let title = ui_text(&data, "how_heading");
    render(state, status, "respond/how", &title, data)
}

fn shown_code(session: &Session, survey_id: i32) -> Option<String> {
    session
        .get::<String>(&code_key(survey_id))
        .ok()
        .flatten()
        .map(|c| display_resume_code(&c))
}

pub async fn how(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (opened, response) = match answering(&state, &session, &path.into_inner()).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let form = opened.form()?;
    let presentation = Presentation {
        easy_read: posted.ticked("easy_read") && form.presentation.easy_read,
        symbols: posted.ticked("symbols") && form.presentation.symbols,
        read_aloud: posted.ticked("read_aloud") && form.presentation.read_aloud,
        larger_text: posted.ticked("larger_text"),
        high_contrast: posted.ticked("high_contrast"),
    };
    let wanted = posted.get("lang").unwrap_or(&response.language).to_string();
    if !form.languages.iter().any(|l| l.code == wanted) {
        return Err(WebError::BadRequest(
            "Choose one of the languages shown.".into(),
        ));
    }
    let helped = posted.ticked("helped_by_adult");
    let presentation_json =
        serde_json::to_string(&presentation).map_err(|e| WebError::Internal(e.to_string()))?;
    let answers = response.answers.clone();
    let id = response.id;
    db::run(&state.pool, move |c| {
        db::surveys::save_draft(
            c,
            id,
            &Draft {
                language: &wanted,
                presentation: &presentation_json,
                answers: &answers,
                helped_by_adult: helped,
            },
        )
    })
    .await?;
    let first = response::next_page(form, None, &answers_of(form, &response)).unwrap_or(0);
    Ok(see_other(&format!("{}/q/{}", opened.base(), first + 1)))
}

/// The view of one question for the page template. `posted` holds the fields of a
/// refused post, which are shown again as typed rather than the saved answer.
fn question_view(
    form: &SurveyForm,
    q: &Question,
    lang: &str,
    p: &Presentation,
    answer: Option<&Answer>,
    posted: &[(String, String)],
    error: Option<&str>,
) -> Value {
    let easy = p.easy_read && form.presentation.easy_read;
    let symbols = p.symbols && form.presentation.symbols;
    let text = match (&q.easy_read, easy) {
        (Some(e), true) => e.get(lang),
        _ => q.text.get(lang),
    };
    let typed: Vec<&str> = posted
        .iter()
        .filter(|(k, _)| k == &q.id)
        .map(|(_, v)| v.as_str())
        .collect();
    let redraw = !posted.is_empty();
    let chosen: Vec<&str> = match answer {
        _ if redraw => typed.clone(),
        Some(Answer::Choice(c)) => vec![c.as_str()],
        Some(Answer::Choices(cs)) => cs.iter().map(String::as_str).collect(),
        _ => vec![],
    };
    let mut options: Vec<Value> = form
        .options_of(q)
        .iter()
        .map(|o| (o.id.as_str(), o.text.get(lang), o.easy_read.as_ref().map(|e| e.get(lang)), o.symbol.as_deref()))
        .map(|(id, text, easy_text, symbol)| json!({ "id": id, "text": if easy { easy_text.unwrap_or(text) } else { text }, "symbol": if symbols { symbol } else { None } }))
        .collect();
    if form.presentation.offer_dont_understand && q.kind.is_choice() {
        if let Some(d) = &form.presentation.dont_understand {
            let text = match (&d.easy_read, easy) {
                (Some(e), true) => e.get(lang),
                _ => d.text.get(lang),
            };
            options.push(json!({ "id": d.id, "text": text, "symbol": if symbols { d.symbol.as_deref() } else { None }, "separate": true }));
        }
    }
    for (i, o) in options.iter_mut().enumerate() {
        let id = o
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        if let Value::Object(m) = o {
            m.insert(
                "input_id".into(),
                json!(if i == 0 {
                    q.id.clone()
                } else {
                    format!("{}-{id}", q.id)
                }),
            );
            m.insert("checked".into(), json!(chosen.contains(&id.as_str())));
        }
    }
    let value = match answer {
        _ if redraw => typed.first().copied().unwrap_or("").to_string(),
        Some(Answer::Number(n)) => n.to_string(),
        Some(Answer::Text(t)) => t.clone(),
        _ => String::new(),
    };
    json!({
        "id": q.id,
        "text": text,
        "hint": q.hint.as_ref().map(|h| h.get(lang)),
        "symbol": if symbols { q.symbol.as_deref() } else { None },
        "bsl_video": q.bsl_video.as_ref().map(|v| json!({
            "src": format!("/media/bsl/{}", v.src),
            "captions": format!("/media/bsl/{}", v.captions),
        })),
        "radio": matches!(q.kind, QuestionType::SingleChoice | QuestionType::AgreementScale | QuestionType::YesNo),
        "checkbox": q.kind == QuestionType::MultipleChoice,
        "number": q.kind == QuestionType::Number,
        "free_text": q.kind == QuestionType::FreeText,
        "options": options,
        "value": value,
        "max_length": q.max_length,
        "min": q.min,
        "max": q.max,
        "error": error,
    })
}

#[derive(serde::Deserialize)]
pub struct PageQuery {
    change: Option<String>,
}

/// Page numbers in URLs start at 1.
fn page_index(n: usize, form: &SurveyForm) -> Result<usize, WebError> {
    let count = response::pages(form).len();
    if n >= 1 && n <= count {
        Ok(n - 1)
    } else {
        Err(WebError::NotFound)
    }
}

/// A refused post: the fields as sent, and what was wrong with them.
type Refused<'a> = (&'a [(String, String)], Vec<PageProblem>);

#[allow(clippy::too_many_arguments)]
async fn question_page(
    state: &AppState,
    session: &Session,
    opened: &Opened,
    response: &Response,
    index: usize,
    answers: &Answers,
    refused: Option<Refused<'_>>,
    change: bool,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let form = opened.form()?;
    let pages = response::pages(form);
    let page = pages.get(index).ok_or(WebError::NotFound)?;
    let shown = response::shown_on(form, page, answers);
    if shown.is_empty() {
        // Nothing on this page applies: move on.
        return Ok(see_other(&next_url(opened, form, index, answers, change)));
    }
    let presentation = presentation_of(response);
    let csrf = csrf_token(session)?;
    let mut data = page_data(opened, form, &response.language, &presentation, &csrf);
    let lang = data
        .get("lang")
        .and_then(Value::as_str)
        .unwrap_or("en")
        .to_string();
    let (posted, problems) = refused.unwrap_or((&[], vec![]));
    let dont_understand = form
        .presentation
        .dont_understand
        .as_ref()
        .map(|d| d.text.get(&lang).to_string())
        .unwrap_or_default();
    // Problems are worded in the page's own language.
    let errors: Vec<(String, String)> = problems
        .iter()
        .map(|p| {
            let message = answer_problem(&lang, &p.problem, &dont_understand);
            (p.field.clone(), message)
        })
        .collect();
    let error_for = |id: &str| {
        errors
            .iter()
            .find(|(field, _)| field == id)
            .map(|(_, message)| message.as_str())
    };
    let max_chars = ui_text(&data, "max_chars");
    let questions: Vec<Value> = shown
        .iter()
        .map(|(_, q)| {
            let mut view = question_view(
                form,
                q,
                &lang,
                &presentation,
                answers.get(&q.id),
                posted,
                error_for(&q.id),
            );
            // Say the limit up front rather than only after a refusal.
            if let (Value::Object(m), QuestionType::FreeText) = (&mut view, q.kind) {
                let limit = q.max_length.unwrap_or(1000).to_string();
                m.insert("limit_hint".into(), json!(max_chars.replace("{n}", &limit)));
            }
            view
        })
        .collect();
    // Progress counts the pages that apply to this respondent.
    let applicable: Vec<usize> = (0..pages.len())
        .filter(|&i| {
            pages
                .get(i)
                .is_some_and(|p| !response::shown_on(form, p, answers).is_empty())
        })
        .collect();
    let position = applicable
        .iter()
        .position(|&i| i == index)
        .map(|p| p + 1)
        .unwrap_or(1);
    let per_question = form.presentation.page_per == PagePer::Question;
    let progress_key = if per_question {
        "question_of"
    } else {
        "section_of"
    };
    let progress = ui_text(&data, progress_key)
        .replace("{n}", &position.to_string())
        .replace("{total}", &applicable.len().to_string());
    let section = form
        .questions()
        .nth(page.questions.first().copied().unwrap_or(0))
        .map(|(s, _)| s);
    let back = if change {
        format!("{}/check", opened.base())
    } else {
        match response::previous_page(form, index, answers) {
            Some(p) => format!("{}/q/{}", opened.base(), p + 1),
            None => format!("{}/how", opened.base()),
        }
    };
    data.insert("questions".into(), json!(questions));
    data.insert("single".into(), json!(per_question));
    data.insert("progress".into(), json!(progress));
    data.insert(
        "section_title".into(),
        json!(section.map(|s| {
            match (
                &s.easy_read,
                presentation.easy_read && form.presentation.easy_read,
            ) {
                (Some(e), true) => e.get(&lang).to_string(),
                _ => s.title.get(&lang).to_string(),
            }
        })),
    );
    data.insert("page".into(), json!(index + 1));
    data.insert("back".into(), json!(back));
    data.insert("change".into(), json!(change));
    data.insert("code".into(), json!(shown_code(session, opened.survey.id)));
    data.insert(
        "errors".into(),
        json!(errors
            .iter()
            .map(|(field, message)| {
                // A field that is not on the page (a tampered post) links to the first question.
                let on_page = shown.iter().any(|(_, q)| &q.id == field);
                let first = shown.first().map(|(_, q)| q.id.as_str()).unwrap_or("main");
                let field = if on_page { field.as_str() } else { first };
                json!({ "field": field, "message": message })
            })
            .collect::<Vec<_>>()),
    );
    let title = if per_question {
        questions
            .first()
            .and_then(|q| q.get("text"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    } else {
        data.get("section_title")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    render(state, status, "respond/page", &title, data)
}

fn next_url(
    opened: &Opened,
    form: &SurveyForm,
    index: usize,
    answers: &Answers,
    change: bool,
) -> String {
    if change {
        return format!("{}/check", opened.base());
    }
    match response::next_page(form, Some(index), answers) {
        Some(p) => format!("{}/q/{}", opened.base(), p + 1),
        None => format!("{}/check", opened.base()),
    }
}

pub async fn page(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<(String, usize)>,
    query: Option<web::Query<PageQuery>>,
) -> Result<HttpResponse, WebError> {
    let (token, n) = path.into_inner();
    let (opened, response) = match answering(&state, &session, &token).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let index = page_index(n, opened.form()?)?;
    let answers = answers_of(opened.form()?, &response);
    let change = query.is_some_and(|q| q.change.is_some());
    question_page(
        &state,
        &session,
        &opened,
        &response,
        index,
        &answers,
        None,
        change,
        StatusCode::OK,
    )
    .await
}

pub async fn answer(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<(String, usize)>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (token, n) = path.into_inner();
    let (opened, response) = match answering(&state, &session, &token).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let form = opened.form()?;
    let index = page_index(n, form)?;
    let pages = response::pages(form);
    let page = pages.get(index).ok_or(WebError::NotFound)?;
    let change = posted.ticked("change");
    let fields: Vec<(String, String)> = posted
        .pairs()
        .iter()
        .filter(|(k, _)| k != "change")
        .cloned()
        .collect();
    let mut answers = answers_of(form, &response);
    match response::read_page(form, page, &answers, &fields) {
        Err(problems) => {
            // The page again, as the respondent filled it in, with each problem beside its field.
            question_page(
                &state,
                &session,
                &opened,
                &response,
                index,
                &answers,
                Some((&fields, problems)),
                change,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Ok(read) => {
            let before = answers.clone();
            response::apply(&mut answers, read);
            let answers_json =
                serde_json::to_string(&answers).map_err(|e| WebError::Internal(e.to_string()))?;
            let (id, lang, pres, helped) = (
                response.id,
                response.language.clone(),
                response.presentation.clone(),
                response.helped_by_adult,
            );
            db::run(&state.pool, move |c| {
                db::surveys::save_draft(
                    c,
                    id,
                    &Draft {
                        language: &lang,
                        presentation: &pres,
                        answers: &answers_json,
                        helped_by_adult: helped,
                    },
                )
            })
            .await?;
            if let Some(follow_up) = response::revealed_on_page(form, page, &before, &answers) {
                // A follow-up on this same page now applies: ask it before moving on.
                let query = if change { "?change=1" } else { "" };
                return Ok(see_other(&format!(
                    "{}/q/{}{query}#{}",
                    opened.base(),
                    index + 1,
                    follow_up.id
                )));
            }
            Ok(see_other(&next_url(&opened, form, index, &answers, change)))
        }
    }
}

/// "Check your answers", with a change link for each.
pub async fn check_page(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let (opened, response) = match answering(&state, &session, &path.into_inner()).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    check_form(&state, &session, &opened, &response, vec![], StatusCode::OK).await
}

async fn check_form(
    state: &AppState,
    session: &Session,
    opened: &Opened,
    response: &Response,
    errors: Vec<Value>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let form = opened.form()?;
    let presentation = presentation_of(response);
    let csrf = csrf_token(session)?;
    let mut data = page_data(opened, form, &response.language, &presentation, &csrf);
    let lang = data
        .get("lang")
        .and_then(Value::as_str)
        .unwrap_or("en")
        .to_string();
    let not_answered = ui_text(&data, "not_answered");
    let answers = response::final_answers(form, &answers_of(form, response));
    let pages = response::pages(form);
    let mut rows = vec![];
    for (page_no, page) in pages.iter().enumerate() {
        for (_, q) in response::shown_on(form, page, &answers) {
            let view = question_view(form, q, &lang, &presentation, answers.get(&q.id), &[], None);
            let chosen: Vec<String> = view
                .get("options")
                .and_then(Value::as_array)
                .map(|os| {
                    os.iter()
                        .filter(|o| o.get("checked").and_then(Value::as_bool) == Some(true))
                        .filter_map(|o| o.get("text").and_then(Value::as_str).map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            let answer = match answers.get(&q.id) {
                None => not_answered.clone(),
                Some(Answer::Number(n)) => n.to_string(),
                Some(Answer::Text(t)) => t.clone(),
                Some(_) => chosen.join(", "),
            };
            rows.push(json!({
                "question": view.get("text"),
                "answer": answer,
                "answered": answers.contains_key(&q.id),
                // Straight to the question, which may be far down a section's page.
                "change": format!("{}/q/{}?change=1#{}", opened.base(), page_no + 1, q.id),
            }));
        }
    }
    data.insert("rows".into(), json!(rows));
    data.insert("errors".into(), json!(errors));
    data.insert("code".into(), json!(shown_code(session, opened.survey.id)));
    let back = match response::previous_page(form, pages.len(), &answers) {
        Some(p) => format!("{}/q/{}", opened.base(), p + 1),
        None => format!("{}/how", opened.base()),
    };
    data.insert("back".into(), json!(back));
    let title = ui_text(&data, "check_heading");
    render(state, status, "respond/check", &title, data)
}

/// Send the answers: checked against the response schema derived from the form, then
/// stored (whole, and one row per answer) in one transaction, once.
pub async fn submit(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    _posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let opened = open(&state, &path.into_inner()).await?;
    if let Some(redirect) = closed(&opened) {
        return Ok(redirect);
    }
    let form = opened.form()?;
    let Some(response) = current(&state, &session, &opened).await? else {
        return match sent(&session, opened.survey.id) {
            // Sent a moment ago (a double tap, or Back then Send again): stored once.
            Some(_) if opened.channel == Channel::Kiosk => {
                Ok(see_other(&format!("{}?sent=1", opened.base())))
            }
            Some(sent) => {
                let message = interface_word(form, &sent.language, "already_sent");
                done_page(
                    &state,
                    &session,
                    &opened,
                    &sent,
                    Some(message),
                    StatusCode::CONFLICT,
                )
            }
            None => Ok(see_other(&opened.base())),
        };
    };
    if response.is_submitted() {
        let message = interface_word(form, &response.language, "already_sent");
        return check_form(
            &state,
            &session,
            &opened,
            &response,
            vec![json!({ "field": "send", "message": message })],
            StatusCode::CONFLICT,
        )
        .await;
    }
    let answers = response::final_answers(form, &answers_of(form, &response));
    let value = serde_json::to_value(&answers).map_err(|e| WebError::Internal(e.to_string()))?;
    let problems = crate::catalogue::check_response(form, &value);
    if !problems.is_empty() {
        // Only a form changed under a response in progress gets here; the details are
        // for the log, the respondent gets words in their own language.
        for p in &problems {
            // The pointer only: the schema's own message can quote the answer.
            tracing::warn!(survey = opened.survey.id, field = %p.pointer, "a response failed its schema");
        }
        let message = interface_word(form, &response.language, "answers_invalid");
        let errors = vec![json!({ "field": "send", "message": message })];
        return check_form(
            &state,
            &session,
            &opened,
            &response,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let rows = response::answer_rows(&answers);
    let final_json = value.to_string();
    let id = response.id;
    let stored = db::run(&state.pool, move |c| {
        db::surveys::submit(c, id, &final_json, &rows)
    })
    .await;
    match stored {
        Ok(_) => {}
        Err(DbError::Refused(m)) => return Err(WebError::Conflict(m)),
        Err(e) => return Err(e.into()),
    }
    // Nothing in the browser's session leads back to the response once it is sent.
    forget_response(&session, opened.survey.id);
    let done = Sent {
        language: response.language.clone(),
        presentation: presentation_of(&response),
    };
    session
        .insert(sent_key(opened.survey.id), &done)
        .map_err(|e| WebError::Internal(format!("session: {e}")))?;
    if opened.channel == Channel::Kiosk {
        // A shared tablet keeps no trace of the last respondent: a new session key, and
        // a clean start page (which forgets even that something was sent).
        session.renew();
        return Ok(see_other(&format!("{}?sent=1", opened.base())));
    }
    Ok(see_other(&format!("{}/done", opened.base())))
}

pub async fn done(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let opened = open(&state, &path.into_inner()).await?;
    let Some(sent) = sent(&session, opened.survey.id) else {
        return Ok(see_other(&opened.base()));
    };
    done_page(&state, &session, &opened, &sent, None, StatusCode::OK)
}

/// The thank-you page, with a notice when answers were sent twice.
fn done_page(
    state: &AppState,
    session: &Session,
    opened: &Opened,
    sent: &Sent,
    problem: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let csrf = csrf_token(session)?;
    let mut data = page_data(
        opened,
        opened.form()?,
        &sent.language,
        &sent.presentation,
        &csrf,
    );
    if let Some(message) = problem {
        data.insert(
            "errors".into(),
            json!([{ "field": "main", "message": message }]),
        );
    }
    let title = ui_text(&data, "done_heading");
    render(state, status, "respond/done", &title, data)
}

#[derive(serde::Deserialize)]
pub struct ResumeQuery {
    code: Option<String>,
    lang: Option<String>,
}

pub async fn resume_page(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    query: Option<web::Query<ResumeQuery>>,
) -> Result<HttpResponse, WebError> {
    let opened = open(&state, &path.into_inner()).await?;
    if let Some(redirect) = closed(&opened) {
        return Ok(redirect);
    }
    let code = query
        .as_ref()
        .and_then(|q| q.code.clone())
        .unwrap_or_default();
    let lang = query
        .as_ref()
        .and_then(|q| q.lang.clone())
        .unwrap_or_else(|| "en".into());
    resume_form(
        &state,
        &session,
        &opened,
        &lang,
        &code,
        vec![],
        StatusCode::OK,
    )
}

fn resume_form(
    state: &AppState,
    session: &Session,
    opened: &Opened,
    lang: &str,
    code: &str,
    errors: Vec<Value>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let form = opened.form()?;
    let csrf = csrf_token(session)?;
    let mut data = page_data(opened, form, lang, &Presentation::default(), csrf.as_str());
    data.insert(
        "code_value".into(),
        json!(code.chars().take(20).collect::<String>()),
    );
    data.insert("errors".into(), json!(errors));
    let title = ui_text(&data, "resume_heading");
    render(state, status, "respond/resume", &title, data)
}

pub async fn resume(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let opened = open(&state, &path.into_inner()).await?;
    if let Some(redirect) = closed(&opened) {
        return Ok(redirect);
    }
    let typed = posted.text("code").to_string();
    let lang = posted.text("lang").to_string();
    let survey_id = opened.survey.id;
    let found = match normalise_resume_code(&typed) {
        Some(code) => {
            let hash = hash_code(&code);
            let channel = opened.channel;
            db::run(&state.pool, move |c| {
                db::surveys::by_resume_code(c, survey_id, channel, &hash)
            })
            .await?
            .map(|id| (id, code))
        }
        None => None,
    };
    let Some((id, code)) = found else {
        let message = interface_word(opened.form()?, &lang, "resume_not_found");
        return resume_form(
            &state,
            &session,
            &opened,
            &lang,
            &typed,
            vec![json!({ "field": "code", "message": message })],
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    session
        .insert(session_key(survey_id), id)
        .map_err(|e| WebError::Internal(format!("session: {e}")))?;
    session
        .insert(code_key(survey_id), &code)
        .map_err(|e| WebError::Internal(format!("session: {e}")))?;
    let response = db::run(&state.pool, move |c| db::surveys::load(c, survey_id, id))
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(see_other(&carry_on(&opened, opened.form()?, &response)))
}

/// Where to carry on with a response: the page after the last one answered.
fn carry_on(opened: &Opened, form: &SurveyForm, response: &Response) -> String {
    let answers = answers_of(form, response);
    match response::carry_on_page(form, &answers) {
        Some(p) => format!("{}/q/{}", opened.base(), p + 1),
        None => format!("{}/check", opened.base()),
    }
}
