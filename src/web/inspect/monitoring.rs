//! A monitoring inspection's progress page: each area for priority action carried
//! over from the full inspection, and the progress finding inspectors record.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::super::error::WebError;
use super::super::form::CheckedForm;
use super::super::page::{see_other, FieldError, Page};
use super::super::session::SignedIn;
use super::super::AppState;
use super::evidence::{inspection_ref, InspectionRef};
use super::require;
use crate::app::{self, AppError};
use crate::db;
use crate::domain::access::Permission;
use crate::domain::monitoring::{self, ProgressForm};

#[derive(Serialize)]
struct JudgementChoice {
    value: String,
    label: String,
    hint: String,
    checked: bool,
}

#[derive(Serialize)]
struct ActionView {
    id: i32,
    number: usize,
    responsible: String,
    action: String,
    judged: Option<String>,
    finding: String,
    choices: Vec<JudgementChoice>,
    judgement_error: Option<String>,
    finding_error: Option<String>,
}

#[derive(Serialize)]
struct ProgressView {
    inspection: InspectionRef,
    full_inspection: Option<FullInspection>,
    actions: Vec<ActionView>,
    judged: usize,
    may_record: bool,
    final_report: bool,
}

#[derive(Serialize)]
struct FullInspection {
    id: i32,
    dates: String,
}

/// What the person typed into one action's form, kept when it is refused.
struct Typed<'a> {
    action_id: i32,
    judgement: &'a str,
    finding: &'a str,
}

async fn progress_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
    typed: Option<Typed<'_>>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let role = super::access(state, me, id).await?;
    let progress = db::read(&state.pool, move |c| app::monitoring::progress(c, id)).await?;
    let judgements = &state
        .catalogue
        .framework
        .monitoring_report
        .progress_judgements;
    let error_of = |field: String| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    };
    let actions = progress
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mine = typed.as_ref().filter(|t| t.action_id == a.id);
            let chosen = mine
                .map(|t| t.judgement.to_string())
                .or_else(|| a.progress.clone());
            ActionView {
                id: a.id,
                number: i + 1,
                responsible: a.responsible.clone(),
                action: a.action.clone(),
                judged: a.progress.as_deref().map(|p| {
                    state
                        .catalogue
                        .framework
                        .progress_judgement(p)
                        .map_or_else(|| p.to_string(), |j| j.label.clone())
                }),
                finding: mine
                    .map(|t| t.finding.to_string())
                    .unwrap_or_else(|| a.finding.clone()),
                choices: judgements
                    .iter()
                    .map(|j| JudgementChoice {
                        value: j.id.clone(),
                        label: j.label.clone(),
                        hint: j.hint.clone(),
                        checked: chosen.as_deref() == Some(j.id.as_str()),
                    })
                    .collect(),
                judgement_error: error_of(format!("judgement-{}", a.id)),
                finding_error: error_of(format!("finding-{}", a.id)),
            }
        })
        .collect();
    let view = ProgressView {
        judged: app::monitoring::judged_count(&state.catalogue, &progress.actions),
        inspection,
        full_inspection: progress
            .full_inspection
            .map(|(id, dates)| FullInspection { id, dates }),
        actions,
        may_record: me.user.actor().may(role, Permission::RecordFindings),
        final_report: progress.inspection.status == crate::domain::inspection::Status::Final,
    };
    Page::for_user(me, "Progress against the areas for priority action", view)?
        .with_errors(errors)
        .render(state, status, "judging/progress")
}

pub async fn page(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    progress_page(&state, &me, id, StatusCode::OK, vec![], None).await
}

pub async fn save(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, action_id) = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    // Another inspection's action, or none, is not found, whatever was typed.
    let ours = db::read(&state.pool, move |c| db::monitoring::list(c, id)).await?;
    if !ours.iter().any(|a| a.id == action_id) {
        return Err(WebError::NotFound);
    }
    let typed = Typed {
        action_id,
        judgement: form.text("judgement"),
        finding: form.text("finding"),
    };
    let checked = match monitoring::check_progress(
        &state
            .catalogue
            .framework
            .monitoring_report
            .progress_judgements,
        ProgressForm {
            judgement: typed.judgement,
            finding: typed.finding,
        },
    ) {
        Ok(c) => c,
        Err(errors) => {
            let errors = errors
                .iter()
                .map(|e| FieldError::new(&format!("{}-{action_id}", e.field()), e.message()))
                .collect();
            return progress_page(
                &state,
                &me,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
                Some(typed),
            )
            .await;
        }
    };
    let actor = me.user.id;
    match db::run(&state.pool, move |c| {
        app::monitoring::save_progress(c, id, action_id, &checked, actor)
    })
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/inspections/{id}/progress#action-{action_id}"
        ))),
        Err(AppError::Refused(r)) => {
            // The forms are gone once the report is final: point at the page.
            let errors = vec![FieldError::new("progress", &r)];
            progress_page(&state, &me, id, StatusCode::CONFLICT, errors, Some(typed)).await
        }
        Err(e) => Err(e.into()),
    }
}
