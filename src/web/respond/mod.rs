//! The public survey pages: no sign-in, server-rendered, complete without JavaScript.
//! A response is anonymous: it is known only by the browser session that started it
//! and by its resume code (stored hashed).

pub mod error;
pub mod state;
pub mod view;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::error::WebError;
use super::form::CheckedForm;
use super::page::{see_other, FieldError};
use super::session::csrf_token;
use super::AppState;
use crate::app::{self, AppError};
use crate::db;
use crate::db::surveys::Origin;
use crate::domain::answering::{self, back_from_check, carry_on, check_rows, Refused, Step};
use crate::domain::refusal::Refusal;
use crate::domain::response::{
    self, final_answers, normalise_resume_code, resume_code_hash, Presentation,
};
use crate::domain::schedule::{self, SurveyState};
use crate::domain::survey::{Channel, ResponseRefusal, ResponseStatus};
use state::{open, Answering, Opened, Sent};
use view::{
    CheckView, DoneView, HowView, LanguageChoice, Offers, Respondent, ResumeView, StartView,
};

/// The respondent's view of a page, with their language and presentation.
fn respondent<'a>(
    state: &AppState,
    session: &Session,
    opened: &'a Opened,
    lang: &str,
    presentation: Presentation,
) -> Result<Respondent<'a>, WebError> {
    Ok(Respondent::new(
        state,
        opened,
        lang,
        presentation,
        csrf_token(session)?,
    ))
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
    let survey_id = opened.survey().id;
    // A shared tablet's start page leaves nothing of the last respondent reachable,
    // even one who walked away before sending: the next child starts afresh.
    let current = if opened.is_kiosk() {
        state::forget_response(&session, survey_id);
        state::forget_sent(&session, survey_id);
        session.renew();
        None
    } else {
        state::current(&state, &session, &opened).await?
    };
    let wanted = query
        .as_ref()
        .and_then(|q| q.lang.clone())
        .or_else(|| current.as_ref().map(|a| a.response.language.clone()))
        .unwrap_or_else(|| "en".into());
    let presentation = current
        .as_ref()
        .map(|a| a.response.presentation.clone())
        .unwrap_or_default();
    let who = respondent(&state, &session, &opened, &wanted, presentation)?;
    let form = opened.form();
    let survey_state = opened.state();
    let open = survey_state == SurveyState::Open;
    let opens = match (survey_state, opened.survey().schedule.opens_at) {
        (SurveyState::Scheduled, Some(at)) => Some(
            who.words
                .opens_body
                .replace("{when}", &schedule::london_text(at)),
        ),
        _ => None,
    };
    let view = StartView {
        by_invitation: opened.channel == Channel::Invitation && current.is_none(),
        opens,
        introduction: form.introduction.get(&who.lang).to_string(),
        how_long: who
            .words
            .how_long
            .replace("{minutes}", &form.minutes_to_complete.to_string()),
        open,
        sent: query.as_ref().is_some_and(|q| q.sent.is_some()),
        continue_at: current
            .as_ref()
            .filter(|a| !a.response.is_submitted())
            .map(|a| who.url(carry_on(form, &a.answers))),
        languages: who.other_languages(),
    };
    let status = if survey_state == SurveyState::Closed {
        StatusCode::GONE
    } else {
        StatusCode::OK
    };
    let heading = form.title.get(&who.lang).to_string();
    who.render(&state, status, "respond/start", &heading, vec![], view)
}

/// Once a survey closes (or before it opens), every page of it leads back to its
/// start page, which says so in the respondent's own layout and language; nothing
/// sent is stored.
fn closed(opened: &Opened) -> Option<HttpResponse> {
    (!opened.is_open()).then(|| see_other(&opened.base()))
}

/// A write that found the survey closed (another instance closed it a moment ago):
/// the cached entry goes, and the respondent is shown the closed notice.
fn closed_meanwhile(state: &AppState, opened: &Opened) -> HttpResponse {
    state.surveys.forget_survey(opened.survey().id);
    see_other(&opened.base())
}

/// Start a new anonymous response in the chosen language.
pub async fn start(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let opened = open(&state, &path.into_inner()).await?;
    if let Some(redirect) = closed(&opened) {
        return Ok(redirect);
    }
    // An invitee's one response is made by following their link; here they only
    // carry on with it.
    if opened.channel == Channel::Invitation {
        return Ok(match state::current(&state, &session, &opened).await? {
            Some(a) if !a.response.is_submitted() => see_other(&format!("{}/how", opened.base())),
            _ => see_other(&opened.base()),
        });
    }
    let lang = view::language(opened.form(), posted.text("lang"))
        .map(|l| l.code.clone())
        .unwrap_or_else(|| "en".into());
    let origin = Origin {
        survey_id: opened.survey().id,
        channel: opened.channel,
        setting_id: opened.setting_id(),
        invitation_key: None,
    };
    let survey_id = origin.survey_id;
    let started = db::run(&state.pool, move |c| {
        app::responses::start(c, origin, &lang, app::responses::new_resume_code)
    })
    .await;
    let (id, code) = match started {
        Ok(started) => started,
        Err(AppError::Refused(Refusal::Response(
            ResponseRefusal::SurveyClosed | ResponseRefusal::NotYetOpen,
        ))) => return Ok(closed_meanwhile(&state, &opened)),
        Err(e) => return Err(e.into()),
    };
    state::remember_response(&session, survey_id, id, &code)?;
    Ok(see_other(&format!("{}/how", opened.base())))
}

/// The open survey behind `token` and the response this browser is answering in it,
/// or where to send the browser instead (the closed notice, the start, or thanks).
async fn answering(
    state: &AppState,
    session: &Session,
    token: &str,
) -> Result<Result<(Opened, Answering), HttpResponse>, WebError> {
    let opened = open(state, token).await?;
    if let Some(redirect) = closed(&opened) {
        return Ok(Err(redirect));
    }
    match state::current(state, session, &opened).await? {
        Some(a) if a.response.is_submitted() => {
            Ok(Err(see_other(&format!("{}/done", opened.base()))))
        }
        Some(a) => Ok(Ok((opened, a))),
        None if !opened.is_kiosk() && state::sent(session, opened.survey().id).is_some() => {
            Ok(Err(see_other(&format!("{}/done", opened.base()))))
        }
        None => Ok(Err(see_other(&opened.base()))),
    }
}

/// Save a response; a survey closed meanwhile sends the respondent to its notice.
async fn save(
    state: &AppState,
    opened: &Opened,
    answering: &Answering,
    lang: String,
    presentation: Presentation,
    helped: bool,
) -> Result<Option<HttpResponse>, WebError> {
    let id = answering.response.id;
    let answers = answering.answers.clone();
    let saved = db::run(&state.pool, move |c| {
        app::responses::save(c, id, &lang, &presentation, &answers, helped)
    })
    .await;
    match saved {
        Ok(()) => Ok(None),
        Err(AppError::Refused(Refusal::Response(ResponseRefusal::SurveyClosed))) => {
            Ok(Some(closed_meanwhile(state, opened)))
        }
        Err(AppError::Refused(Refusal::Response(ResponseRefusal::AlreadySent))) => {
            Ok(Some(see_other(&format!("{}/done", opened.base()))))
        }
        Err(e) => Err(e.into()),
    }
}

/// "How would you like to answer": modes and language, remembered for the response.
pub async fn how_page(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let (opened, answering) = match answering(&state, &session, &path.into_inner()).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let response = &answering.response;
    let who = respondent(
        &state,
        &session,
        &opened,
        &response.language,
        response.presentation.clone(),
    )?;
    let form = opened.form();
    let view = HowView {
        offers: Offers {
            easy_read: form.presentation.easy_read,
            symbols: form.presentation.symbols,
            read_aloud: form.presentation.read_aloud,
        },
        chosen: response.presentation.clone(),
        helped_by_adult: response.helped_by_adult,
        languages: form
            .languages
            .iter()
            .map(|l| LanguageChoice::of(l, l.code == response.language))
            .collect(),
        resume: who.resume(state::shown_code(&session, opened.survey().id)),
    };
    let heading = who.words.how_heading.clone();
    who.render(
        &state,
        StatusCode::OK,
        "respond/how",
        &heading,
        vec![],
        view,
    )
}

pub async fn how(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (opened, answering) = match answering(&state, &session, &path.into_inner()).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let form = opened.form();
    let presentation = Presentation {
        easy_read: posted.ticked("easy_read") && form.presentation.easy_read,
        symbols: posted.ticked("symbols") && form.presentation.symbols,
        read_aloud: posted.ticked("read_aloud") && form.presentation.read_aloud,
        larger_text: posted.ticked("larger_text"),
        high_contrast: posted.ticked("high_contrast"),
    };
    let wanted = posted
        .get("lang")
        .unwrap_or(&answering.response.language)
        .to_string();
    if !form.languages.iter().any(|l| l.code == wanted) {
        return Err(WebError::BadRequest(
            "Choose one of the languages shown.".into(),
        ));
    }
    let helped = posted.ticked("helped_by_adult");
    if let Some(redirect) = save(&state, &opened, &answering, wanted, presentation, helped).await? {
        return Ok(redirect);
    }
    let first = response::next_page(form, None, &answering.answers).unwrap_or(0);
    Ok(see_other(&format!("{}/q/{}", opened.base(), first + 1)))
}

#[derive(serde::Deserialize)]
pub struct PageQuery {
    change: Option<String>,
}

/// Page numbers in addresses start at 1.
fn page_index(n: usize, opened: &Opened) -> Result<usize, WebError> {
    let count = response::pages(opened.form()).len();
    if n >= 1 && n <= count {
        Ok(n - 1)
    } else {
        Err(WebError::NotFound)
    }
}

/// Show question page `index`: as saved, or as a refused post filled it in.
fn question_page(
    state: &AppState,
    session: &Session,
    opened: &Opened,
    answering: &Answering,
    index: usize,
    refused: Option<Refused<'_>>,
    change: bool,
) -> Result<HttpResponse, WebError> {
    let form = opened.form();
    let response = &answering.response;
    let who = respondent(
        state,
        session,
        opened,
        &response.language,
        response.presentation.clone(),
    )?;
    let page = match answering::question_page(form, index, &answering.answers, refused, change) {
        None => return Err(WebError::NotFound),
        // Nothing on this page applies: move on.
        Some(Err(next)) => return Ok(see_other(&who.url(next))),
        Some(Ok(page)) => page,
    };
    let errors = who.page_errors(&page);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let resume = who.resume(state::shown_code(session, opened.survey().id));
    let view = who.question_page(&page, change, resume);
    let heading = who.page_heading(&page);
    who.render(state, status, "respond/page", &heading, errors, view)
}

pub async fn page(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<(String, usize)>,
    query: Option<web::Query<PageQuery>>,
) -> Result<HttpResponse, WebError> {
    let (token, n) = path.into_inner();
    let (opened, answering) = match answering(&state, &session, &token).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let index = page_index(n, &opened)?;
    let change = query.is_some_and(|q| q.change.is_some());
    question_page(&state, &session, &opened, &answering, index, None, change)
}

pub async fn answer(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<(String, usize)>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (token, n) = path.into_inner();
    let (opened, mut answering) = match answering(&state, &session, &token).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let form = opened.form();
    let index = page_index(n, &opened)?;
    let pages = response::pages(form);
    let page = pages.get(index).ok_or(WebError::NotFound)?;
    let change = posted.ticked("change");
    let fields: Vec<(String, String)> = posted
        .pairs()
        .iter()
        .filter(|(k, _)| k != "change")
        .cloned()
        .collect();
    let read = match response::read_page(form, page, &answering.answers, &fields) {
        Ok(read) => read,
        Err(problems) => {
            // The page again, as the respondent filled it in, with each problem beside its field.
            let refused = Refused {
                fields: &fields,
                problems: &problems,
            };
            return question_page(
                &state,
                &session,
                &opened,
                &answering,
                index,
                Some(refused),
                change,
            );
        }
    };
    let before = answering.answers.clone();
    response::apply(&mut answering.answers, read);
    let (lang, presentation, helped) = (
        answering.response.language.clone(),
        answering.response.presentation.clone(),
        answering.response.helped_by_adult,
    );
    if let Some(redirect) = save(&state, &opened, &answering, lang, presentation, helped).await? {
        return Ok(redirect);
    }
    if let Some(follow_up) = response::revealed_on_page(form, page, &before, &answering.answers) {
        // A follow-up on this same page now applies: ask it before moving on.
        let query = if change { "?change=1" } else { "" };
        return Ok(see_other(&format!(
            "{}/q/{}{query}#{}",
            opened.base(),
            index + 1,
            follow_up.id
        )));
    }
    let next = answering::step_after(form, index, &answering.answers, change);
    Ok(see_other(&step_url(&opened, next)))
}

fn step_url(opened: &Opened, step: Step) -> String {
    let base = opened.base();
    match step {
        Step::Page(p) => format!("{base}/q/{}", p + 1),
        Step::How => format!("{base}/how"),
        Step::Check => format!("{base}/check"),
    }
}

/// "Check your answers", with a change link for each.
pub async fn check_page(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let (opened, answering) = match answering(&state, &session, &path.into_inner()).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    check_form(&state, &session, &opened, &answering, None, StatusCode::OK)
}

/// Which problem "check your answers" is shown again with.
enum SendProblem {
    AlreadySent,
    Invalid,
}

fn check_form(
    state: &AppState,
    session: &Session,
    opened: &Opened,
    answering: &Answering,
    problem: Option<SendProblem>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let form = opened.form();
    let response = &answering.response;
    let who = respondent(
        state,
        session,
        opened,
        &response.language,
        response.presentation.clone(),
    )?;
    let answers = final_answers(form, &answering.answers);
    let view = CheckView {
        rows: check_rows(form, &answers)
            .iter()
            .map(|row| who.check_row(row))
            .collect(),
        back: who.url(back_from_check(form, &answers)),
        resume: who.resume(state::shown_code(session, opened.survey().id)),
    };
    let errors = match problem {
        None => vec![],
        Some(SendProblem::AlreadySent) => vec![FieldError::new("send", &who.words.already_sent)],
        Some(SendProblem::Invalid) => vec![FieldError::new("send", &who.words.answers_invalid)],
    };
    let heading = who.words.check_heading.clone();
    who.render(state, status, "respond/check", &heading, errors, view)
}

/// Send the answers: checked by the form's response gate, then stored (whole, and one
/// row per answer) in one transaction, once.
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
    let survey_id = opened.survey().id;
    let Some(answering) = state::current(&state, &session, &opened).await? else {
        return match state::sent(&session, survey_id) {
            // Sent a moment ago (a double tap, or Back then Send again): stored once.
            Some(_) if opened.is_kiosk() => Ok(see_other(&format!("{}?sent=1", opened.base()))),
            Some(sent) => done_page(&state, &session, &opened, &sent, true, StatusCode::CONFLICT),
            None => Ok(see_other(&opened.base())),
        };
    };
    if answering.response.is_submitted() {
        return check_form(
            &state,
            &session,
            &opened,
            &answering,
            Some(SendProblem::AlreadySent),
            StatusCode::CONFLICT,
        );
    }
    let compiled = opened.entry.form.clone();
    let (response, answers) = (answering.response.clone(), answering.answers.clone());
    let triage = state.triage.clone();
    let stored = db::run(&state.pool, move |c| {
        app::responses::submit(c, &compiled, &response, &answers, |text| triage.flags(text))
    })
    .await;
    match stored {
        Ok(Ok(())) => {}
        Ok(Err(failed)) => {
            // Only a form changed under a response in progress gets here; the pointers
            // are for the log, the respondent gets words in their own language.
            for pointer in &failed.0 {
                tracing::warn!(survey = survey_id, field = %pointer, "a response failed its form's gate");
            }
            return check_form(
                &state,
                &session,
                &opened,
                &answering,
                Some(SendProblem::Invalid),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
        Err(AppError::Refused(Refusal::Response(ResponseRefusal::SurveyClosed))) => {
            return Ok(closed_meanwhile(&state, &opened));
        }
        Err(AppError::Refused(Refusal::Response(ResponseRefusal::AlreadySent))) => {
            return check_form(
                &state,
                &session,
                &opened,
                &answering,
                Some(SendProblem::AlreadySent),
                StatusCode::CONFLICT,
            );
        }
        Err(e) => return Err(e.into()),
    }
    // Nothing in the browser's session leads back to the response once it is sent.
    state::forget_response(&session, survey_id);
    let done = Sent {
        language: answering.response.language.clone(),
        presentation: answering.response.presentation.clone(),
    };
    state::remember_sent(&session, survey_id, &done)?;
    if opened.is_kiosk() {
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
    let Some(sent) = state::sent(&session, opened.survey().id) else {
        return Ok(see_other(&opened.base()));
    };
    done_page(&state, &session, &opened, &sent, false, StatusCode::OK)
}

/// The thank-you page, with a notice when answers were sent twice.
fn done_page(
    state: &AppState,
    session: &Session,
    opened: &Opened,
    sent: &Sent,
    twice: bool,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let who = respondent(
        state,
        session,
        opened,
        &sent.language,
        sent.presentation.clone(),
    )?;
    let errors = if twice {
        vec![FieldError::new("main", &who.words.already_sent)]
    } else {
        vec![]
    };
    let heading = who.words.done_heading.clone();
    who.render(state, status, "respond/done", &heading, errors, DoneView {})
}

#[derive(serde::Deserialize)]
pub struct ResumeQuery {
    code: Option<String>,
    lang: Option<String>,
}

/// "Continue with a code". A bookmarked link can carry the code (`?code=`): it is
/// held in the session and the browser continues at the address without it, so the
/// code is left in neither the address bar, the history nor any log.
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
    let lang = query
        .as_ref()
        .and_then(|q| q.lang.clone())
        .and_then(|l| view::language(opened.form(), &l).map(|l| l.code.clone()))
        .unwrap_or_else(|| "en".into());
    let survey_id = opened.survey().id;
    if let Some(code) = query.as_ref().and_then(|q| q.code.as_deref()) {
        let code: String = code.chars().take(20).collect();
        state::hold_code_to_fill(&session, survey_id, &code)?;
        return Ok(see_other(&format!("{}/resume?lang={lang}", opened.base())));
    }
    let code = state::take_code_to_fill(&session, survey_id).unwrap_or_default();
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
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let who = respondent(state, session, opened, lang, Presentation::default())?;
    let view = ResumeView {
        code_value: code.chars().take(20).collect(),
    };
    let heading = who.words.resume_heading.clone();
    who.render(state, status, "respond/resume", &heading, errors, view)
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
    let survey_id = opened.survey().id;
    let found = match normalise_resume_code(&typed) {
        Some(code) => {
            let hash = resume_code_hash(&code);
            let (channel, setting) = (opened.channel, opened.setting_id());
            db::run(&state.pool, move |c| {
                db::surveys::by_resume_code(c, survey_id, channel, setting, &hash)
            })
            .await?
            .map(|id| (id, code))
        }
        None => None,
    };
    let Some((id, code)) = found else {
        let who = respondent(&state, &session, &opened, &lang, Presentation::default())?;
        let errors = vec![FieldError::new("code", &who.words.resume_not_found)];
        return resume_form(
            &state,
            &session,
            &opened,
            &lang,
            &typed,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    state::remember_response(&session, survey_id, id, &code)?;
    let answering = state::current(&state, &session, &opened)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(see_other(&step_url(
        &opened,
        carry_on(opened.form(), &answering.answers),
    )))
}

#[derive(serde::Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

/// Personal tokens are 26 letters and digits; anything else is not worth a query.
fn invitation_token(path: web::Path<String>) -> Result<String, WebError> {
    let token = path.into_inner();
    if token.len() == 26 && token.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(token)
    } else {
        Err(WebError::NotFound)
    }
}

/// The survey an invitation link is for, opened at its invitees' address.
async fn invited_survey(state: &AppState, token: &str) -> Result<Opened, WebError> {
    let hash = crate::domain::invitation::token_hash(token);
    let survey = db::read(&state.pool, move |c| {
        let Some(found) = db::distribution::invitation_by_hash(c, &hash)? else {
            return Ok(None);
        };
        db::surveys::find(c, found.survey_id)
    })
    .await?
    .ok_or(WebError::NotFound)?;
    open(state, &survey.invitation_token).await
}

/// The survey behind an invitation link, with the token and the page's language, or
/// where to send the browser if the survey is not open.
async fn open_invitation(
    state: &AppState,
    path: web::Path<String>,
    query: Option<web::Query<LangQuery>>,
) -> Result<Result<(String, Opened, String), HttpResponse>, WebError> {
    let token = invitation_token(path)?;
    let opened = invited_survey(state, &token).await?;
    if let Some(redirect) = closed(&opened) {
        return Ok(Err(redirect));
    }
    let lang = query
        .and_then(|q| q.lang.clone())
        .and_then(|l| view::language(opened.form(), &l).map(|l| l.code.clone()))
        .unwrap_or_else(|| "en".into());
    Ok(Ok((token, opened, lang)))
}

/// A simple page in the respondent's layout: a heading and a sentence.
#[derive(serde::Serialize)]
struct NoticeView {
    heading: String,
    body: String,
    /// Where a form on the page posts, if it has one.
    action: Option<String>,
    button: Option<String>,
    done: bool,
}

/// A personal invitation link, as opened from the email: what the survey is, and a
/// button to start (or carry on). Opening the link changes nothing, so a mail
/// scanner that follows every link neither starts a response nor counts as a visit.
pub async fn invitation(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    query: Option<web::Query<LangQuery>>,
) -> Result<HttpResponse, WebError> {
    let (token, opened, lang) = match open_invitation(&state, path, query).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let (survey_id, key) = (
        opened.survey().id,
        crate::domain::invitation::response_key(&token),
    );
    let found = db::read(&state.pool, move |c| {
        db::surveys::by_invitation_key(c, survey_id, &key)
    })
    .await?;
    let who = respondent(&state, &session, &opened, &lang, Presentation::default())?;
    let view = match found {
        Some((_, ResponseStatus::Submitted)) => answered(&who),
        started => NoticeView {
            heading: opened.form().title.get(&who.lang).to_string(),
            body: opened.form().introduction.get(&who.lang).to_string(),
            action: Some(format!("/s/invite/{token}?lang={}", who.lang)),
            button: Some(if started.is_some() {
                who.words.continue_here.clone()
            } else {
                who.words.start_now.clone()
            }),
            done: false,
        },
    };
    let heading = view.heading.clone();
    who.render(
        &state,
        StatusCode::OK,
        "respond/notice",
        &heading,
        vec![],
        view,
    )
}

fn answered(who: &view::Respondent<'_>) -> NoticeView {
    NoticeView {
        heading: who.words.answered_heading.clone(),
        body: who.words.answered_body.clone(),
        action: None,
        button: None,
        done: true,
    }
}

/// Start or carry on with the invitee's one response: made on the first press, found
/// again by the link on every later one, from any browser; one response per link.
pub async fn follow_invitation(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    query: Option<web::Query<LangQuery>>,
    _posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (token, opened, lang) = match open_invitation(&state, path, query).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let survey_id = opened.survey().id;
    let t = token.clone();
    let chosen = lang.clone();
    let followed = db::run(&state.pool, move |c| {
        app::responses::follow_invitation(c, survey_id, &t, &chosen)
    })
    .await;
    match followed {
        Ok(app::responses::Invited::Answering { response_id, new }) => {
            state::remember_invited(&session, survey_id, response_id)?;
            Ok(see_other(&if new {
                format!("{}/how", opened.base())
            } else {
                format!("{}?lang={lang}", opened.base())
            }))
        }
        Ok(app::responses::Invited::AlreadyAnswered) => {
            let who = respondent(&state, &session, &opened, &lang, Presentation::default())?;
            let view = answered(&who);
            let heading = view.heading.clone();
            who.render(
                &state,
                StatusCode::CONFLICT,
                "respond/notice",
                &heading,
                vec![],
                view,
            )
        }
        Err(AppError::Refused(Refusal::Response(
            ResponseRefusal::SurveyClosed | ResponseRefusal::NotYetOpen,
        ))) => Ok(closed_meanwhile(&state, &opened)),
        Err(e) => Err(e.into()),
    }
}

/// The page that stops emails about a survey, from the link in each email; no
/// sign-in, since the link is the proof.
pub async fn opt_out_page(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let token = invitation_token(path)?;
    let opened = invited_survey(&state, &token).await?;
    let who = respondent(&state, &session, &opened, "en", Presentation::default())?;
    let view = NoticeView {
        heading: who.words.opt_out_heading.clone(),
        body: who.words.opt_out_body.clone(),
        action: Some(format!("/s/invite/{token}/opt-out")),
        button: Some(who.words.opt_out_button.clone()),
        done: false,
    };
    let heading = view.heading.clone();
    who.render(
        &state,
        StatusCode::OK,
        "respond/notice",
        &heading,
        vec![],
        view,
    )
}

pub async fn opt_out(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<String>,
    _posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let token = invitation_token(path)?;
    let opened = invited_survey(&state, &token).await?;
    let t = token.clone();
    db::run(&state.pool, move |c| app::distribution::opt_out(c, &t)).await?;
    let who = respondent(&state, &session, &opened, "en", Presentation::default())?;
    let view = NoticeView {
        heading: who.words.opt_out_heading.clone(),
        body: who.words.opted_out.clone(),
        action: None,
        button: None,
        done: true,
    };
    let heading = view.heading.clone();
    who.render(
        &state,
        StatusCode::OK,
        "respond/notice",
        &heading,
        vec![],
        view,
    )
}
