//! Handing the surveys out, for inspectors: settings and their links, QR posters,
//! opening and closing times, invitee lists, response tracking, and the emails.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::super::chart::{line_chart, LineChartView, Series, ValueFormat};
use super::super::error::WebError;
use super::super::form::CheckedForm;
use super::super::page::{see_other, FieldError, Page};
use super::super::session::SignedIn;
use super::super::upload::CheckedUpload;
use super::super::AppState;
use super::evidence::{inspection_ref, InspectionRef};
use super::{access, require};
use crate::app::{self, AppError};
use crate::db;
use crate::domain::access::Permission;
use crate::domain::outbox::Delivery;
use crate::domain::refusal::Refusal;
use crate::domain::schedule::{self, Schedule, SurveyState};
use crate::domain::setting::SettingKind;
use crate::domain::survey::Survey;
use crate::domain::tracking::{self, InvitationCounts};

#[derive(Serialize)]
struct InvitationsView {
    invited: i64,
    started: i64,
    responded: i64,
    rate: String,
    opted_out: i64,
    erased: i64,
}

impl From<InvitationCounts> for InvitationsView {
    fn from(c: InvitationCounts) -> Self {
        Self {
            invited: c.invited,
            started: c.started,
            responded: c.responded,
            rate: c
                .response_rate()
                .map(|r| format!("{r}%"))
                .unwrap_or_else(|| "no invitations".into()),
            opted_out: c.opted_out,
            erased: c.erased,
        }
    }
}

#[derive(Serialize)]
struct SurveyView {
    id: i32,
    title: String,
    audience: &'static str,
    state: &'static str,
    closed: bool,
    opens: Option<String>,
    closes: Option<String>,
    open_link: String,
    kiosk_link: String,
    invitations: InvitationsView,
}

#[derive(Serialize)]
struct LinkView {
    survey_title: String,
    open_link: String,
    kiosk_link: String,
    poster: String,
}

#[derive(Serialize)]
struct SettingView {
    name: String,
    kind: &'static str,
    links: Vec<LinkView>,
}

#[derive(Serialize)]
struct KindChoice {
    value: &'static str,
    label: &'static str,
    checked: bool,
}

#[derive(Serialize)]
struct HubView {
    inspection: InspectionRef,
    may_schedule: bool,
    surveys: Vec<SurveyView>,
    settings: Vec<SettingView>,
    kinds: Vec<KindChoice>,
    name: String,
    added: Option<String>,
    emails_queued: i64,
    emails_failed: i64,
}

fn title_of(state: &AppState, survey: &Survey) -> Result<(String, &'static str), WebError> {
    let form = state
        .catalogue
        .form(&survey.form)
        .ok_or_else(|| WebError::unexpected(anyhow::anyhow!("{} is not loaded", survey.form)))?;
    Ok((
        form.form.title.get("en").to_string(),
        form.form.audience.label(),
    ))
}

#[derive(serde::Deserialize)]
pub struct HubQuery {
    added: Option<String>,
}

pub async fn hub(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    query: web::Query<HubQuery>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    hub_page(
        &state,
        &me,
        id,
        query.into_inner().added,
        "",
        "",
        vec![],
        StatusCode::OK,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn hub_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    added: Option<String>,
    name: &str,
    kind: &str,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    require(state, me, id, Permission::DistributeSurveys).await?;
    let role = access(state, me, id).await?;
    let may_schedule = me.user.actor().may(role, Permission::ScheduleSurveys);
    let (surveys, settings, links, emails) = db::read(&state.pool, move |c| {
        let mut surveys = vec![];
        for survey in db::surveys::for_inspection(c, id)? {
            let counts = db::distribution::invitation_counts(c, survey.id)?;
            surveys.push((survey, counts));
        }
        Ok::<_, db::DbError>((
            surveys,
            db::distribution::settings_of(c, id)?,
            db::distribution::links_of(c, id)?,
            db::outbox::counts_for(c, id)?,
        ))
    })
    .await?;
    let base = &state.config.base_url;
    let now = db::now();
    let mut survey_views = vec![];
    let mut titles = std::collections::BTreeMap::new();
    for (survey, counts) in &surveys {
        let (title, audience) = title_of(state, survey)?;
        titles.insert(survey.id, title.clone());
        let survey_state = survey.state_at(now);
        survey_views.push(SurveyView {
            id: survey.id,
            title,
            audience,
            state: survey_state.label(),
            closed: survey_state == SurveyState::Closed,
            opens: survey.schedule.opens_at.map(schedule::london_text),
            closes: survey.schedule.closes_at.map(schedule::london_text),
            open_link: format!("{base}/s/{}", survey.open_link_token),
            kiosk_link: format!("{base}/s/{}", survey.kiosk_token),
            invitations: (*counts).into(),
        });
    }
    let setting_views = settings
        .iter()
        .map(|setting| {
            let mine: Vec<_> = links
                .iter()
                .filter(|l| l.setting_id == setting.id)
                .collect();
            let links = surveys
                .iter()
                .filter_map(|(survey, _)| {
                    let of = |channel| {
                        mine.iter()
                            .find(|l| l.survey_id == survey.id && l.channel == channel)
                    };
                    let open = of(crate::domain::survey::Channel::OpenLink)?;
                    let kiosk = of(crate::domain::survey::Channel::Kiosk)?;
                    Some(LinkView {
                        survey_title: titles.get(&survey.id).cloned().unwrap_or_default(),
                        open_link: format!("{base}/s/{}", open.token),
                        kiosk_link: format!("{base}/s/{}", kiosk.token),
                        poster: format!("/inspections/{id}/distribution/links/{}/poster", open.id),
                    })
                })
                .collect();
            SettingView {
                name: setting.name.clone(),
                kind: setting.kind.label(),
                links,
            }
        })
        .collect();
    let count = |d: Delivery| {
        emails
            .iter()
            .filter(|(x, _)| *x == d)
            .map(|(_, n)| *n)
            .sum::<i64>()
    };
    let view = HubView {
        inspection: inspection_ref(state, id).await?,
        may_schedule,
        surveys: survey_views,
        settings: setting_views,
        kinds: SettingKind::ALL
            .iter()
            .map(|k| KindChoice {
                value: k.as_str(),
                label: k.label(),
                checked: k.as_str() == kind,
            })
            .collect(),
        name: name.to_string(),
        added,
        emails_queued: count(Delivery::Queued) + count(Delivery::Sending),
        emails_failed: count(Delivery::Failed),
    };
    Page::for_user(me, "Distributing the surveys", view)?
        .with_errors(errors)
        .render(state, status, "distribution/hub")
}

/// Add a setting (a school, college, AP provider or group) with its own links.
pub async fn add_setting(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DistributeSurveys).await?;
    let (name, kind) = (
        posted.text("name").to_string(),
        posted.text("kind").to_string(),
    );
    let actor = me.user.actor();
    let (n, k) = (name.clone(), kind.clone());
    let added = db::run(&state.pool, move |c| {
        app::distribution::add_setting(c, &actor, id, &n, &k)
    })
    .await;
    match added {
        Ok(_) => Ok(see_other(&format!(
            "/inspections/{id}/distribution?added=1#settings"
        ))),
        Err(AppError::Refused(Refusal::Setting(problem))) => {
            let errors = vec![FieldError::new(problem.field(), &problem)];
            hub_page(
                &state,
                &me,
                id,
                None,
                &name,
                &kind,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- times

#[derive(Serialize)]
struct TimeFields {
    day: String,
    month: String,
    year: String,
    time: String,
}

impl TimeFields {
    fn of(at: Option<chrono::NaiveDateTime>) -> Self {
        let [day, month, year, time] = at.map(schedule::london_fields).unwrap_or_default();
        Self {
            day,
            month,
            year,
            time,
        }
    }

    fn posted(form: &CheckedForm, prefix: &str) -> Self {
        let f = |k: &str| form.text(&format!("{prefix}_{k}")).trim().to_string();
        Self {
            day: f("day"),
            month: f("month"),
            year: f("year"),
            time: f("time"),
        }
    }
}

#[derive(Serialize)]
struct TimesView {
    inspection: InspectionRef,
    survey_id: i32,
    title: String,
    state: &'static str,
    opens: TimeFields,
    closes: TimeFields,
}

async fn survey_of(state: &AppState, id: i32, survey_id: i32) -> Result<Survey, WebError> {
    db::read(&state.pool, move |c| db::surveys::find(c, survey_id))
        .await?
        .filter(|s| s.inspection_id == id)
        .ok_or(WebError::NotFound)
}

pub async fn times(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, WebError> {
    let (id, survey_id) = path.into_inner();
    require(&state, &me, id, Permission::ScheduleSurveys).await?;
    let survey = survey_of(&state, id, survey_id).await?;
    let (opens, closes) = (
        TimeFields::of(survey.schedule.opens_at),
        TimeFields::of(survey.schedule.closes_at),
    );
    times_page(
        &state,
        &me,
        id,
        &survey,
        opens,
        closes,
        vec![],
        StatusCode::OK,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn times_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    survey: &Survey,
    opens: TimeFields,
    closes: TimeFields,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let (title, _) = title_of(state, survey)?;
    let view = TimesView {
        inspection: inspection_ref(state, id).await?,
        survey_id: survey.id,
        state: survey.state_at(db::now()).label(),
        title: title.clone(),
        opens,
        closes,
    };
    Page::for_user(me, format!("When {title} opens and closes"), view)?
        .with_errors(errors)
        .render(state, status, "distribution/times")
}

pub async fn save_times(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, survey_id) = path.into_inner();
    require(&state, &me, id, Permission::ScheduleSurveys).await?;
    let survey = survey_of(&state, id, survey_id).await?;
    let (opens, closes) = (
        TimeFields::posted(&posted, "opens"),
        TimeFields::posted(&posted, "closes"),
    );
    let read =
        |field, t: &TimeFields| schedule::london_time(field, &t.day, &t.month, &t.year, &t.time);
    let wanted = read("opens", &opens).and_then(|o| {
        Ok(Schedule {
            opens_at: o,
            closes_at: read("closes", &closes)?,
        })
    });
    let problem = match wanted {
        Ok(wanted) => {
            let actor = me.user.actor();
            let s = state.clone();
            let saved = db::run(&state.pool, move |c| {
                app::distribution::set_schedule(
                    c,
                    &actor,
                    &s.catalogue,
                    &s.mailing(),
                    id,
                    survey_id,
                    wanted,
                )
            })
            .await;
            match saved {
                Ok(()) => {
                    state.surveys.forget_survey(survey_id);
                    return Ok(see_other(&format!(
                        "/inspections/{id}/distribution#surveys"
                    )));
                }
                Err(AppError::Refused(Refusal::Schedule(p))) => p,
                Err(e) => return Err(e.into()),
            }
        }
        Err(p) => p,
    };
    // The error links to the field's first box.
    let errors = vec![FieldError::new(
        &format!("{}_day", problem.field()),
        &problem,
    )];
    times_page(
        &state,
        &me,
        id,
        &survey,
        opens,
        closes,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

// ---------------------------------------------------------------- posters

#[derive(Serialize)]
struct PosterView {
    inspection: InspectionRef,
    title: String,
    audience: String,
    setting: Option<String>,
    address: String,
    qr_svg: String,
    closes: Option<String>,
}

/// The QR code of `address` as inline SVG, labelled for screen readers (the address
/// itself is printed beside it).
fn qr_svg(address: &str) -> Result<String, WebError> {
    use qrcode::render::svg;
    let code =
        qrcode::QrCode::with_error_correction_level(address, qrcode::EcLevel::M).map_err(|e| {
            WebError::BadRequest(format!("That address cannot be made into a QR code: {e}"))
        })?;
    let svg = code
        .render::<svg::Color<'_>>()
        .min_dimensions(320, 320)
        .quiet_zone(true)
        .build();
    // The XML declaration is for a file; inline SVG in HTML starts at <svg.
    let start = svg.find("<svg").unwrap_or(0);
    let body = svg.get(start..).unwrap_or(&svg);
    Ok(body.replacen(
        "<svg",
        "<svg role=\"img\" aria-label=\"QR code for the survey address printed below\" class=\"poster-qr\"",
        1,
    ))
}

async fn poster(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    survey: &Survey,
    token: &str,
    setting: Option<String>,
) -> Result<HttpResponse, WebError> {
    let (title, audience) = title_of(state, survey)?;
    let address = format!("{}/s/{token}", state.config.base_url);
    let view = PosterView {
        inspection: inspection_ref(state, id).await?,
        qr_svg: qr_svg(&address)?,
        address,
        title: title.clone(),
        audience: audience.to_lowercase(),
        setting,
        closes: survey.schedule.closes_at.map(schedule::london_text),
    };
    Page::for_user(me, format!("Poster: {title}"), view)?.render(
        state,
        StatusCode::OK,
        "distribution/poster",
    )
}

/// A printable A4 poster for a survey's own open link.
pub async fn survey_poster(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, WebError> {
    let (id, survey_id) = path.into_inner();
    require(&state, &me, id, Permission::DistributeSurveys).await?;
    let survey = survey_of(&state, id, survey_id).await?;
    let token = survey.open_link_token.clone();
    poster(&state, &me, id, &survey, &token, None).await
}

/// A printable A4 poster for a setting's open link.
pub async fn link_poster(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, WebError> {
    let (id, link_id) = path.into_inner();
    require(&state, &me, id, Permission::DistributeSurveys).await?;
    let link = db::read(&state.pool, move |c| db::distribution::link(c, id, link_id))
        .await?
        .filter(|l| l.channel == crate::domain::survey::Channel::OpenLink)
        .ok_or(WebError::NotFound)?;
    let survey = survey_of(&state, id, link.survey_id).await?;
    poster(
        &state,
        &me,
        id,
        &survey,
        &link.token,
        Some(link.setting_name),
    )
    .await
}

// ---------------------------------------------------------------- invitees

#[derive(Serialize)]
struct ProblemView {
    line: usize,
    column: &'static str,
    message: String,
}

#[derive(Serialize)]
struct InviteesView {
    inspection: InspectionRef,
    file_name: String,
    problems: Vec<ProblemView>,
    valid: usize,
    invited: usize,
    nothing_imported: bool,
    settings: Vec<String>,
}

async fn invitees_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    outcome: Option<(String, app::distribution::InviteeImport)>,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let settings = db::read(&state.pool, move |c| db::distribution::settings_of(c, id))
        .await?
        .into_iter()
        .map(|s| s.name)
        .collect();
    let (file_name, problems, valid, invited) = match outcome {
        Some((name, import)) => (
            name,
            import
                .report
                .problems
                .iter()
                .map(|(line, p)| ProblemView {
                    line: *line,
                    column: p.column(),
                    message: p.to_string(),
                })
                .collect(),
            import.report.invitees.len(),
            import.invited,
        ),
        None => (String::new(), vec![], 0, 0),
    };
    let nothing_imported = !file_name.is_empty() && invited == 0;
    let mut errors = errors;
    if nothing_imported && !problems.is_empty() {
        // Said at the top too, where a screen reader starts, linking to the list.
        errors.push(FieldError::new(
            "problems",
            format!(
                "{} line(s) of {file_name} have problems, so nothing was imported",
                problems.len()
            ),
        ));
    }
    let view = InviteesView {
        inspection: inspection_ref(state, id).await?,
        nothing_imported,
        file_name,
        problems,
        valid,
        invited,
        settings,
    };
    Page::for_user(me, "Invite people by email", view)?
        .with_errors(errors)
        .render(state, status, "distribution/invitees")
}

pub async fn invitees(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DistributeSurveys).await?;
    invitees_page(&state, &me, id, None, vec![], StatusCode::OK).await
}

/// Import an invitee list: every line checked; nothing stored while a line has a
/// problem unless "valid lines only" is ticked; the invitations go to the outbox in
/// the same transaction.
pub async fn import_invitees(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    upload: CheckedUpload,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DistributeSurveys).await?;
    let Some(file) = upload.files_in("file").next().cloned() else {
        let errors = vec![FieldError::new(
            "file",
            "Choose the invitee list (a CSV file)",
        )];
        return invitees_page(
            &state,
            &me,
            id,
            None,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let valid_only = upload.text("valid_only") == "yes";
    let actor = me.user.actor();
    let s = state.clone();
    let name = file.file_name.clone();
    let imported = db::run(&state.pool, move |c| {
        app::distribution::import_invitees(
            c,
            Some(&actor),
            &s.catalogue,
            &s.mailing(),
            id,
            &file.file_name,
            &file.bytes,
            s.config.max_upload_bytes,
            valid_only,
        )
    })
    .await;
    match imported {
        Ok(Ok(import)) => {
            let status = if import.stored() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            invitees_page(&state, &me, id, Some((name, import)), vec![], status).await
        }
        Ok(Err(refusal)) => {
            let errors = vec![FieldError::new("file", &refusal)];
            invitees_page(
                &state,
                &me,
                id,
                None,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(AppError::Refused(r @ (Refusal::NoClosingTime | Refusal::InvitingToClosedSurvey))) => {
            let errors = vec![FieldError::new("file", &r)];
            invitees_page(
                &state,
                &me,
                id,
                None,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- tracking

#[derive(Serialize)]
struct ProgressView {
    label: String,
    started: i64,
    completed: i64,
}

impl From<&tracking::Progress> for ProgressView {
    fn from(p: &tracking::Progress) -> Self {
        Self {
            label: p.label.clone(),
            started: p.started,
            completed: p.completed,
        }
    }
}

#[derive(Serialize)]
struct SurveyTrackingView {
    title: String,
    audience: &'static str,
    total: ProgressView,
    by_channel: Vec<ProgressView>,
    by_setting: Vec<ProgressView>,
    chart: Option<LineChartView>,
    invitations: InvitationsView,
}

#[derive(Serialize)]
struct TrackingView {
    inspection: InspectionRef,
    surveys: Vec<SurveyTrackingView>,
}

pub async fn tracking(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DistributeSurveys).await?;
    let surveys = db::read(&state.pool, move |c| {
        let mut out = vec![];
        for survey in db::surveys::for_inspection(c, id)? {
            let started = db::distribution::started_counts(c, survey.id)?;
            let completed = db::distribution::completed_counts(c, survey.id)?;
            let invitations = db::distribution::invitation_counts(c, survey.id)?;
            out.push((survey, started, completed, invitations));
        }
        Ok::<_, db::DbError>(out)
    })
    .await?;
    let mut views = vec![];
    for (survey, started, completed, invitations) in &surveys {
        let (title, audience) = title_of(&state, survey)?;
        let t = tracking::track(started, completed);
        let days: Vec<String> = t.by_day.iter().map(|(_, p)| p.label.clone()).collect();
        let series = [
            Series {
                name: "Started".into(),
                values: t
                    .by_day
                    .iter()
                    .map(|(_, p)| Some(p.started as f64))
                    .collect(),
            },
            Series {
                name: "Completed".into(),
                values: t
                    .by_day
                    .iter()
                    .map(|(_, p)| Some(p.completed as f64))
                    .collect(),
            },
        ];
        let chart = line_chart(
            &format!("tracking-{}", survey.id),
            &format!("{title}: responses started and completed each day"),
            "Responses started and completed each day, from the first response to the latest.",
            &days,
            &series,
            ValueFormat::Count,
        );
        views.push(SurveyTrackingView {
            title,
            audience,
            total: (&t.total).into(),
            by_channel: t.by_channel.iter().map(Into::into).collect(),
            by_setting: t.by_setting.iter().map(Into::into).collect(),
            chart,
            invitations: (*invitations).into(),
        });
    }
    let view = TrackingView {
        inspection: inspection_ref(&state, id).await?,
        surveys: views,
    };
    Page::for_user(&me, "Response tracking", view)?.render(
        &state,
        StatusCode::OK,
        "distribution/tracking",
    )
}

// ---------------------------------------------------------------- emails

#[derive(Serialize)]
struct EmailView {
    id: i32,
    /// A password link is not sent again; the person is invited again instead.
    retriable: bool,
    kind: String,
    recipient: String,
    subject: String,
    attempts: i32,
    error: String,
    when: String,
}

#[derive(Serialize)]
struct EmailsView {
    inspection: InspectionRef,
    queued: i64,
    sending: i64,
    sent: i64,
    failed: i64,
    failures: Vec<EmailView>,
    retried: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct EmailsQuery {
    retried: Option<String>,
}

pub async fn emails(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    query: web::Query<EmailsQuery>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DistributeSurveys).await?;
    emails_page(
        &state,
        &me,
        id,
        query.into_inner().retried,
        vec![],
        StatusCode::OK,
    )
    .await
}

async fn emails_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    retried: Option<String>,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let (counts, failures) = db::read(&state.pool, move |c| {
        Ok::<_, db::DbError>((
            db::outbox::counts_for(c, id)?,
            db::outbox::for_inspection(c, id, Delivery::Failed, 500)?,
        ))
    })
    .await?;
    let count = |d: Delivery| {
        counts
            .iter()
            .filter(|(x, _)| *x == d)
            .map(|(_, n)| *n)
            .sum::<i64>()
    };
    let view = EmailsView {
        inspection: inspection_ref(state, id).await?,
        queued: count(Delivery::Queued),
        sending: count(Delivery::Sending),
        sent: count(Delivery::Sent),
        failed: count(Delivery::Failed),
        failures: failures
            .into_iter()
            .map(|e| EmailView {
                id: e.id,
                retriable: e.kind != crate::db::outbox::PASSWORD_LINK,
                kind: e.kind,
                recipient: e.recipient,
                subject: e.subject,
                attempts: e.attempts,
                error: e.last_error.unwrap_or_default(),
                when: schedule::london_text(e.next_attempt_at),
            })
            .collect(),
        retried,
    };
    Page::for_user(me, "Emails", view)?
        .with_errors(errors)
        .render(state, status, "distribution/emails")
}

/// Queue failed emails again: one (`email` posted) or all.
pub async fn retry_emails(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DistributeSurveys).await?;
    let one =
        match posted.text("email") {
            "" | "all" => None,
            text => Some(text.parse::<i32>().map_err(|_| {
                WebError::BadRequest("That is not one of the emails listed.".into())
            })?),
        };
    let actor = me.user.actor();
    let retried = db::run(&state.pool, move |c| {
        app::distribution::retry_failed(c, &actor, id, one)
    })
    .await;
    match retried {
        Ok(n) => Ok(see_other(&format!(
            "/inspections/{id}/distribution/emails?retried={n}"
        ))),
        Err(AppError::Refused(r @ Refusal::NotFailed)) => {
            let errors = vec![FieldError::new("failures", &r)];
            emails_page(&state, &me, id, None, errors, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}
