//! Inspectors' evidence pages: statistics imported from DfE files and the local data
//! template, the statutory duties checklist, documents and case notes.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::super::error::WebError;
use super::super::form::CheckedForm;
use super::super::page::{see_other, FieldError, Page};
use super::super::session::SignedIn;
use super::super::upload::{CheckedUpload, UploadedFile};
use super::super::AppState;
use super::{date_text, require};
use crate::app::{self, AppError};
use crate::db;
use crate::domain::access::Permission;
use crate::domain::evidence::{
    parse_criteria, Bearing, CaseNote, CaseNoteInput, DocumentKind, DutyCheck, DutyStatus,
    NewDocument, Support,
};
use crate::domain::indicator::{display, series, Comparison, Level, Observation};
use crate::domain::refusal::Refusal;
use crate::import::{self, FileRefusal};

/// The inspection's name for headings and back links.
#[derive(Serialize)]
pub struct InspectionRef {
    pub id: i32,
    pub council_name: String,
    pub status: &'static str,
    /// A monitoring inspection judges progress instead of deciding an outcome.
    pub monitoring: bool,
}

pub async fn inspection_ref(state: &AppState, id: i32) -> Result<InspectionRef, WebError> {
    let inspection = db::read(&state.pool, move |c| db::inspections::find(c, id))
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(InspectionRef {
        id,
        council_name: inspection.partnership.council_name,
        status: inspection.status.label(),
        monitoring: inspection.kind == crate::domain::inspection::InspectionKind::Monitoring,
    })
}

/// The criteria, for tagging documents and notes.
#[derive(Serialize)]
struct CriterionChoice {
    id: String,
    label: String,
    checked: bool,
}

fn criterion_choices(state: &AppState, checked: &[&str]) -> Vec<CriterionChoice> {
    state
        .catalogue
        .framework
        .areas
        .iter()
        .flat_map(|a| a.criteria.iter())
        .map(|c| CriterionChoice {
            id: c.id.clone(),
            label: format!("{} {}", c.id, c.short),
            checked: checked.contains(&c.id.as_str()),
        })
        .collect()
}

// ---------------------------------------------------------------- the hub

#[derive(Serialize)]
struct HubView {
    inspection: InspectionRef,
    indicators: usize,
    duties: usize,
    documents: usize,
    cases: usize,
    free_text_to_review: i64,
    safeguarding_to_review: i64,
    surveys: Vec<SurveyLink>,
}

#[derive(Serialize)]
struct SurveyLink {
    id: i32,
    title: String,
}

pub async fn hub(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let inspection = inspection_ref(&state, id).await?;
    let (indicators, duties, documents, cases, free_text, surveys) =
        db::read(&state.pool, move |c| {
            Ok::<_, db::DbError>((
                db::indicators::count(c, id)?,
                db::evidence::duties(c, id)?.len(),
                db::evidence::count_documents(c, id)?,
                db::evidence::case_notes(c, id)?.len(),
                db::free_text::counts(c, id)?,
                db::surveys::for_inspection(c, id)?,
            ))
        })
        .await?;
    let title = format!("Evidence: {}", inspection.council_name);
    let view = HubView {
        inspection,
        indicators: usize::try_from(indicators).unwrap_or(0),
        duties,
        documents: usize::try_from(documents).unwrap_or(0),
        cases,
        free_text_to_review: free_text
            .by_status
            .iter()
            .find(|(s, _)| *s == db::free_text::ReviewStatus::ToReview)
            .map(|(_, n)| *n)
            .unwrap_or(0),
        safeguarding_to_review: free_text.safeguarding_to_review,
        surveys: surveys
            .iter()
            .map(|s| SurveyLink {
                id: s.id,
                title: state
                    .catalogue
                    .form(&s.form)
                    .map(|f| f.form.title.get("en").to_string())
                    .unwrap_or_else(|| s.form.id.clone()),
            })
            .collect(),
    };
    Page::for_user(&me, title, view)?.render(&state, StatusCode::OK, "evidence/hub")
}

// ---------------------------------------------------------------- indicators

#[derive(Serialize)]
struct LevelValue {
    level: &'static str,
    value: String,
}

#[derive(Serialize)]
struct IndicatorRow {
    id: String,
    name: String,
    criteria: String,
    latest_period: Option<String>,
    area: Option<String>,
    region: Option<String>,
    england: Option<String>,
    comparison: &'static str,
}

#[derive(Serialize)]
struct ImportRow {
    file_name: String,
    kind: String,
    at: String,
}

#[derive(Serialize)]
struct IndicatorsView {
    inspection: InspectionRef,
    rows: Vec<IndicatorRow>,
    imports: Vec<ImportRow>,
    max_upload_mb: usize,
}

fn comparison_words(c: Comparison) -> &'static str {
    match c {
        Comparison::Better => "Better than England",
        Comparison::Worse => "Worse than England",
        Comparison::Similar => "Close to England",
        Comparison::NotComparable => "",
    }
}

pub async fn indicators(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    indicators_page(&state, &me, id, StatusCode::OK, vec![]).await
}

async fn indicators_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let (values, imports) = db::read(&state.pool, move |c| {
        Ok::<_, db::DbError>((
            db::indicators::for_inspection(c, id)?,
            db::indicators::imports(c, id)?,
        ))
    })
    .await?;
    let catalogue = &state.catalogue.indicators;
    let observations: Vec<Observation> = values.iter().map(|v| v.observation()).collect();
    let rows = series(catalogue, &observations)
        .into_iter()
        .map(|s| {
            let at = |level: Level| {
                let (period, _, _, _) = s.latest?;
                let i = s.periods.iter().position(|p| *p == period)?;
                let (_, values) = s.levels.iter().find(|(l, _)| *l == level)?;
                values
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|m| display(catalogue, s.indicator.unit, m))
            };
            IndicatorRow {
                id: s.indicator.id.clone(),
                name: s.indicator.name.clone(),
                criteria: s.indicator.criteria.join(", "),
                latest_period: s.latest.map(|(p, ..)| p.label.clone()),
                area: at(Level::LocalAuthority),
                region: at(Level::Regional),
                england: at(Level::National),
                comparison: s.latest.map(|(.., c)| comparison_words(c)).unwrap_or(""),
            }
        })
        .collect();
    let view = IndicatorsView {
        inspection,
        rows,
        imports: imports
            .iter()
            .map(|i| ImportRow {
                file_name: i.file_name.clone(),
                kind: match i.kind.as_str() {
                    "local" => "Local data".to_string(),
                    _ => i
                        .report
                        .get("kind")
                        .and_then(|k| k.as_str())
                        .unwrap_or("DfE statistics")
                        .to_string(),
                },
                at: i.imported_at.format("%-d %b %Y %H:%M UTC").to_string(),
            })
            .collect(),
        max_upload_mb: state.config.max_upload_bytes / (1024 * 1024),
    };
    let title = format!("Statistics: {}", view.inspection.council_name);
    Page::for_user(me, title, view)?.with_errors(errors).render(
        state,
        status,
        "evidence/indicators",
    )
}

/// One file's outcome on the import summary page.
#[derive(Serialize)]
struct FileOutcome {
    file_name: String,
    refused: Option<String>,
    report: Option<import::dfe::Report>,
    taken: Vec<TakenView>,
    skipped: Vec<String>,
}

#[derive(Serialize)]
struct TakenView {
    name: String,
    column: String,
    levels: Vec<LevelValue>,
    symbols: usize,
}

#[derive(Serialize)]
struct ImportSummaryView {
    inspection: InspectionRef,
    files: Vec<FileOutcome>,
    imported: usize,
    refused: usize,
}

fn outcome_of(file_name: &str, result: &Result<import::dfe::Reading, FileRefusal>) -> FileOutcome {
    match result {
        Err(refusal) => FileOutcome {
            file_name: file_name.to_string(),
            refused: Some(refusal.to_string()),
            report: None,
            taken: vec![],
            skipped: vec![],
        },
        Ok(reading) => FileOutcome {
            file_name: file_name.to_string(),
            refused: None,
            taken: reading
                .report
                .taken
                .iter()
                .map(|t| TakenView {
                    name: t.name.clone(),
                    column: t.column.clone(),
                    levels: t
                        .by_level
                        .iter()
                        .map(|(level, periods)| LevelValue {
                            level: level.label(),
                            value: periods.join(", "),
                        })
                        .collect(),
                    symbols: t.symbols,
                })
                .collect(),
            skipped: reading
                .report
                .skipped
                .iter()
                .map(|(skip, n)| format!("{n} {}", skip.reason()))
                .collect(),
            report: Some(reading.report.clone()),
        },
    }
}

/// Import DfE statistics files: each is read whole and stored in its own
/// transaction, or refused with the reason; the summary says what each gave.
pub async fn import_dfe(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    upload: CheckedUpload,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordEvidence).await?;
    let files: Vec<UploadedFile> = upload.files_in("files").cloned().collect();
    if files.is_empty() {
        let errors = vec![FieldError::new(
            "files",
            "Choose one or more statistics files to import",
        )];
        return indicators_page(&state, &me, id, StatusCode::UNPROCESSABLE_ENTITY, errors).await;
    }
    let area = db::read(&state.pool, move |c| app::evidence::area_of(c, id)).await?;
    let mut outcomes = vec![];
    let (mut imported, mut refused) = (0, 0);
    for file in files {
        let catalogue = state.catalogue.clone();
        let limit = state.config.max_upload_bytes;
        let area = area.clone();
        let name = file.file_name.clone();
        // Reading a file is work for a blocking thread, before any connection is taken.
        let (result, sha) = web::block(move || {
            (
                import::dfe::read(
                    &catalogue.indicators,
                    &file.file_name,
                    &file.bytes,
                    &area,
                    limit,
                ),
                app::evidence::sha256_hex(&file.bytes),
            )
        })
        .await
        .map_err(WebError::unexpected)?;
        // A file whose every figure was odd stores nothing; its report says why.
        if let Some(reading) = result.as_ref().ok().filter(|r| !r.values.is_empty()) {
            let reading = reading.clone();
            let actor = me.user.id;
            db::run(&state.pool, move |c| {
                app::evidence::store_dfe(c, id, &sha, &reading, Some(actor))
            })
            .await?;
            imported += 1;
        } else {
            refused += 1;
        }
        outcomes.push(outcome_of(&name, &result));
    }
    let view = ImportSummaryView {
        inspection: inspection_ref(&state, id).await?,
        files: outcomes,
        imported,
        refused,
    };
    let status = if imported == 0 {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Page::for_user(&me, "What the import took", view)?.render(&state, status, "evidence/imported")
}

// ---------------------------------------------------------------- local data

pub async fn local_template(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let body = import::local::template(&state.catalogue.indicators);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"area-send-local-data-template.csv\"",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(format!("\u{feff}{body}")))
}

#[derive(Serialize)]
struct LocalIndicatorView {
    id: String,
    name: String,
    definition: String,
    unit: &'static str,
}

#[derive(Serialize)]
struct LocalDataView {
    inspection: InspectionRef,
    indicators: Vec<LocalIndicatorView>,
    problems: Vec<import::LineProblem>,
    file_name: Option<String>,
    imported: Option<usize>,
}

fn local_view(state: &AppState, inspection: InspectionRef) -> LocalDataView {
    LocalDataView {
        inspection,
        indicators: state
            .catalogue
            .indicators
            .local()
            .map(|i| LocalIndicatorView {
                id: i.id.clone(),
                name: i.name.clone(),
                definition: i.definition.clone(),
                unit: match i.unit {
                    crate::domain::indicator::Unit::Percent => "percentage",
                    crate::domain::indicator::Unit::Count => "whole number",
                    crate::domain::indicator::Unit::Weeks => "weeks",
                    crate::domain::indicator::Unit::YesNo => "yes or no",
                },
            })
            .collect(),
        problems: vec![],
        file_name: None,
        imported: None,
    }
}

pub async fn local_data(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let view = local_view(&state, inspection_ref(&state, id).await?);
    Page::for_user(&me, "Local data", view)?.render(&state, StatusCode::OK, "evidence/local")
}

/// Import a filled-in local data template: every line checked, all taken or none.
pub async fn import_local(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    upload: CheckedUpload,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordEvidence).await?;
    let mut view = local_view(&state, inspection_ref(&state, id).await?);
    let Some(file) = upload.files_in("file").next().cloned() else {
        let errors = vec![FieldError::new(
            "file",
            "Choose the filled-in template to import",
        )];
        return Page::for_user(&me, "Local data", view)?
            .with_errors(errors)
            .render(&state, StatusCode::UNPROCESSABLE_ENTITY, "evidence/local");
    };
    view.file_name = Some(file.file_name.clone());
    let catalogue = state.catalogue.clone();
    let limit = state.config.max_upload_bytes;
    let bytes = file.bytes.clone();
    let read = web::block(move || import::local::read(&catalogue.indicators, &bytes, limit))
        .await
        .map_err(WebError::unexpected)?;
    let reading = match read {
        Err(refusal) => {
            let errors = vec![FieldError::new("file", refusal)];
            return Page::for_user(&me, "Local data", view)?
                .with_errors(errors)
                .render(&state, StatusCode::UNPROCESSABLE_ENTITY, "evidence/local");
        }
        Ok(reading) => reading,
    };
    if !reading.problems.is_empty() {
        let errors = vec![FieldError::new(
            "file",
            format!(
                "The file has {} problem(s), listed below by line. Nothing was imported: correct them and import the file again.",
                reading.problems.len()
            ),
        )];
        view.problems = reading.problems;
        return Page::for_user(&me, "Local data", view)?
            .with_errors(errors)
            .render(&state, StatusCode::UNPROCESSABLE_ENTITY, "evidence/local");
    }
    let sha = app::evidence::sha256_hex(&file.bytes);
    let actor = me.user.id;
    let name = file.file_name.clone();
    let count = reading.values.len();
    db::run(&state.pool, move |c| {
        app::evidence::store_local(c, id, &name, &sha, &reading, Some(actor))
    })
    .await?;
    view.imported = Some(count);
    Page::for_user(&me, "Local data", view)?.render(&state, StatusCode::OK, "evidence/local")
}

// ---------------------------------------------------------------- duties

#[derive(Serialize)]
struct StatusChoice {
    value: &'static str,
    label: &'static str,
    checked: bool,
}

#[derive(Serialize)]
struct DutyView {
    id: String,
    statement: String,
    basis: Option<String>,
    status: &'static str,
    statuses: Vec<StatusChoice>,
    evidence: String,
    note: String,
    /// The problem with this duty's form, if it was refused.
    error: Option<String>,
}

#[derive(Serialize)]
struct DutiesView {
    inspection: InspectionRef,
    duties: Vec<DutyView>,
}

/// The duties are the framework's part D criteria.
fn duty_ids(state: &AppState) -> Vec<String> {
    state
        .catalogue
        .framework
        .areas
        .iter()
        .filter(|a| a.id == "D")
        .flat_map(|a| a.criteria.iter().map(|c| c.id.clone()))
        .collect()
}

async fn duties_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
    typed: Option<(&str, &str, &str, &str)>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let recorded = db::read(&state.pool, move |c| db::evidence::duties(c, id)).await?;
    let duties = state
        .catalogue
        .framework
        .areas
        .iter()
        .filter(|a| a.id == "D")
        .flat_map(|a| a.criteria.iter())
        .map(|c| {
            let saved = recorded.iter().find(|d| d.criterion_id == c.id);
            let (status, evidence, note) = match typed {
                Some((which, s, e, n)) if which == c.id => {
                    (DutyStatus::parse(s), e.to_string(), n.to_string())
                }
                _ => (
                    saved.map(|d| d.status),
                    saved.map(|d| d.evidence.clone()).unwrap_or_default(),
                    saved.map(|d| d.note.clone()).unwrap_or_default(),
                ),
            };
            let status = status.unwrap_or(DutyStatus::NotKnown);
            let prefix = format!("{}-", c.id);
            let error = errors
                .iter()
                .find(|e| e.field.starts_with(&prefix))
                .map(|e| e.message.clone());
            DutyView {
                error,
                id: c.id.clone(),
                statement: c.statement.clone(),
                basis: c.basis.clone(),
                status: status.label(),
                statuses: DutyStatus::ALL
                    .iter()
                    .map(|s| StatusChoice {
                        value: s.as_str(),
                        label: s.label(),
                        checked: *s == status,
                    })
                    .collect(),
                evidence,
                note,
            }
        })
        .collect();
    let view = DutiesView { inspection, duties };
    Page::for_user(me, "Statutory duties", view)?
        .with_errors(errors)
        .render(state, status, "evidence/duties")
}

pub async fn duties(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    duties_page(&state, &me, id, StatusCode::OK, vec![], None).await
}

pub async fn record_duty(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordEvidence).await?;
    let duty = form.text("duty").to_string();
    let typed = (
        duty.as_str(),
        form.text("status"),
        form.text("evidence"),
        form.text("note"),
    );
    let check = match DutyCheck::parse(
        &duty,
        &duty_ids(&state),
        form.text("status"),
        form.text("evidence"),
        form.text("note"),
    ) {
        Ok(check) => check,
        Err(e) => {
            let field = format!("{duty}-{}", e.field());
            let errors = vec![FieldError::new(&field, e)];
            return duties_page(
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
        app::evidence::record_duty(c, id, &check, actor)
    })
    .await
    {
        Ok(()) => Ok(see_other(&format!("/inspections/{id}/duties#{duty}"))),
        Err(AppError::Refused(r)) => {
            let errors = vec![FieldError::new(&format!("{duty}-status"), &r)];
            duties_page(&state, &me, id, StatusCode::CONFLICT, errors, Some(typed)).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- documents

#[derive(Serialize)]
struct DocumentRow {
    id: i32,
    title: String,
    kind: &'static str,
    criteria: String,
    file_name: String,
    size: String,
    sha256: String,
    uploaded: String,
}

#[derive(Serialize)]
struct KindChoice {
    value: &'static str,
    label: &'static str,
    checked: bool,
}

#[derive(Serialize)]
struct DocumentsView {
    inspection: InspectionRef,
    documents: Vec<DocumentRow>,
    kinds: Vec<KindChoice>,
    criteria: Vec<CriterionChoice>,
    title_value: String,
    max_upload_mb: usize,
}

fn size_text(bytes: i32) -> String {
    let bytes = f64::from(bytes);
    if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KB", (bytes / 1024.0).ceil())
    }
}

async fn documents_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
    typed: Option<&CheckedUpload>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let docs = db::read(&state.pool, move |c| db::evidence::documents(c, id)).await?;
    let chosen_kind = typed.map(|t| t.text("kind")).unwrap_or("");
    let view = DocumentsView {
        inspection,
        documents: docs
            .iter()
            .map(|d| DocumentRow {
                id: d.id,
                title: d.title.clone(),
                kind: d.kind.label(),
                criteria: d.criteria.join(", "),
                file_name: d.file_name.clone(),
                size: size_text(d.size),
                sha256: d.sha256.clone(),
                uploaded: date_text(d.uploaded_at.date()),
            })
            .collect(),
        kinds: DocumentKind::ALL
            .iter()
            .map(|k| KindChoice {
                value: k.as_str(),
                label: k.label(),
                checked: chosen_kind == k.as_str(),
            })
            .collect(),
        criteria: criterion_choices(state, &typed.map(|t| t.all("criteria")).unwrap_or_default()),
        title_value: typed
            .map(|t| t.text("title").to_string())
            .unwrap_or_default(),
        max_upload_mb: state.config.max_upload_bytes / (1024 * 1024),
    };
    Page::for_user(me, "Documents", view)?
        .with_errors(errors)
        .render(state, status, "evidence/documents")
}

pub async fn documents(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    documents_page(&state, &me, id, StatusCode::OK, vec![], None).await
}

pub async fn add_document(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    upload: CheckedUpload,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordEvidence).await?;
    let known = state.catalogue.framework.criterion_ids();
    let file = upload.files_in("file").next().cloned();
    let parsed = parse_criteria(&upload.all("criteria"), &known).and_then(|criteria| {
        let (name, bytes) = file
            .as_ref()
            .map(|f| (f.file_name.as_str(), f.bytes.as_slice()))
            .unwrap_or(("", &[]));
        NewDocument::parse(
            upload.text("title"),
            upload.text("kind"),
            criteria,
            name,
            bytes,
            infer::get(bytes).map(|t| t.mime_type()),
            state.config.max_upload_bytes,
        )
    });
    let doc = match parsed {
        Ok(doc) => doc,
        Err(e) => {
            let errors = vec![FieldError::new(e.field(), &e)];
            return documents_page(
                &state,
                &me,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
                Some(&upload),
            )
            .await;
        }
    };
    let content = file.map(|f| f.bytes).unwrap_or_default();
    let actor = me.user.id;
    match db::run(&state.pool, move |c| {
        app::evidence::add_document(c, id, &doc, &content, actor)
    })
    .await
    {
        Ok(_) => Ok(see_other(&format!("/inspections/{id}/documents"))),
        Err(AppError::Refused(r)) => {
            let errors = vec![FieldError::new("file", &r)];
            documents_page(&state, &me, id, StatusCode::CONFLICT, errors, Some(&upload)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Download a document: always as an attachment, with the type its content showed
/// when it was uploaded, never sniffed, and never run in the service's origin.
pub async fn download_document(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, WebError> {
    let (id, doc_id) = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let (doc, content) = db::read(&state.pool, move |c| db::evidence::document(c, id, doc_id))
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(super::export::attachment(
        &doc.file_name,
        &doc.media_type,
        content,
    ))
}

// ---------------------------------------------------------------- case notes

#[derive(Serialize)]
struct CaseRow {
    /// For the row's anchor, which the evidence matrix links to.
    id: i32,
    case_ref: String,
    age_band: String,
    need: String,
    setting: String,
    support: &'static str,
    findings: String,
    bearing: &'static str,
    criteria: String,
    added: String,
}

#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: &'static str,
    checked: bool,
}

#[derive(Serialize)]
struct CaseValues {
    case_ref: String,
    age_band: String,
    need: String,
    setting: String,
    findings: String,
}

#[derive(Serialize)]
struct CasesView {
    inspection: InspectionRef,
    cases: Vec<CaseRow>,
    supports: Vec<Choice>,
    bearings: Vec<Choice>,
    criteria: Vec<CriterionChoice>,
    values: CaseValues,
}

async fn cases_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
    typed: Option<&CheckedForm>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let notes = db::read(&state.pool, move |c| db::evidence::case_notes(c, id)).await?;
    let t = |name: &str| typed.map(|f| f.text(name).to_string()).unwrap_or_default();
    let (support, bearing) = (t("support"), t("bearing"));
    let view = CasesView {
        inspection,
        cases: notes
            .iter()
            .map(|n| CaseRow {
                id: n.id,
                case_ref: n.note.case_ref.clone(),
                age_band: n.note.age_band.clone(),
                need: n.note.need.clone(),
                setting: n.note.setting.clone(),
                support: n.note.support.label(),
                findings: n.note.findings.clone(),
                bearing: n.note.bearing.label(),
                criteria: n.note.criteria.join(", "),
                added: date_text(n.created_at.date()),
            })
            .collect(),
        supports: Support::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str(),
                label: s.label(),
                checked: support == s.as_str(),
            })
            .collect(),
        bearings: Bearing::ALL
            .iter()
            .map(|b| Choice {
                value: b.as_str(),
                label: b.label(),
                checked: bearing == b.as_str(),
            })
            .collect(),
        criteria: criterion_choices(state, &typed.map(|f| f.all("criteria")).unwrap_or_default()),
        values: CaseValues {
            case_ref: t("case_ref"),
            age_band: t("age_band"),
            need: t("need"),
            setting: t("setting"),
            findings: t("findings"),
        },
    };
    Page::for_user(me, "Case tracking and sampling", view)?
        .with_errors(errors)
        .render(state, status, "evidence/cases")
}

pub async fn cases(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    cases_page(&state, &me, id, StatusCode::OK, vec![], None).await
}

pub async fn add_case(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordEvidence).await?;
    let known = state.catalogue.framework.criterion_ids();
    let detector = state.triage.clone();
    let parsed = parse_criteria(&form.all("criteria"), &known).and_then(|criteria| {
        CaseNote::parse(
            &CaseNoteInput {
                case_ref: form.text("case_ref"),
                age_band: form.text("age_band"),
                need: form.text("need"),
                setting: form.text("setting"),
                support: form.text("support"),
                findings: form.text("findings"),
                bearing: form.text("bearing"),
            },
            criteria,
            |text| detector.person_in(text),
        )
    });
    let note = match parsed {
        Ok(note) => note,
        Err(e) => {
            let field = match e.field() {
                "age band" => "age_band",
                other => other,
            };
            let errors = vec![FieldError::new(field, &e)];
            return cases_page(
                &state,
                &me,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
                Some(&form),
            )
            .await;
        }
    };
    let actor = me.user.id;
    match db::run(&state.pool, move |c| {
        app::evidence::add_case_note(c, id, &note, actor)
    })
    .await
    {
        Ok(_) => Ok(see_other(&format!("/inspections/{id}/cases"))),
        Err(AppError::Refused(r @ Refusal::Transition(_))) => {
            let errors = vec![FieldError::new("case_ref", &r)];
            cases_page(&state, &me, id, StatusCode::CONFLICT, errors, Some(&form)).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- one indicator

#[derive(Serialize)]
struct SeriesRow {
    period: String,
    values: Vec<String>,
}

#[derive(Serialize)]
struct IndicatorView {
    inspection: InspectionRef,
    name: String,
    definition: String,
    criteria: String,
    better: &'static str,
    threshold: Option<String>,
    comparison: &'static str,
    levels: Vec<String>,
    rows: Vec<SeriesRow>,
    chart: Option<super::super::chart::LineChartView>,
}

pub async fn indicator(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, WebError> {
    let (id, indicator_id) = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let catalogue = &state.catalogue.indicators;
    let indicator = catalogue
        .indicator(&indicator_id)
        .ok_or(WebError::NotFound)?;
    let inspection = inspection_ref(&state, id).await?;
    let values = db::read(&state.pool, move |c| db::indicators::for_inspection(c, id)).await?;
    let observations: Vec<Observation> = values
        .iter()
        .filter(|v| v.indicator_id == indicator.id)
        .map(|v| v.observation())
        .collect();
    let all = series(catalogue, &observations);
    let one = all.first();
    let area_name = |level: Level| -> String {
        values
            .iter()
            .find(|v| v.indicator_id == indicator.id && v.level == level)
            .map(|v| v.area_name.clone())
            .unwrap_or_else(|| level.label().to_string())
    };
    let levels: Vec<String> = one
        .map(|s| s.levels.iter().map(|(l, _)| area_name(*l)).collect())
        .unwrap_or_default();
    let rows = one
        .map(|s| {
            s.periods
                .iter()
                .enumerate()
                .map(|(i, p)| SeriesRow {
                    period: p.label.clone(),
                    values: s
                        .levels
                        .iter()
                        .map(|(_, vs)| {
                            vs.get(i)
                                .copied()
                                .flatten()
                                .map(|m| display(catalogue, indicator.unit, m))
                                .unwrap_or_else(|| "not in the files imported".into())
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    let chart = one.and_then(|s| super::super::chart::indicator_chart(catalogue, s, &levels));
    let view = IndicatorView {
        inspection,
        name: indicator.name.clone(),
        definition: indicator.definition.clone(),
        criteria: indicator.criteria.join(", "),
        better: match indicator.better {
            crate::domain::indicator::Better::Higher => "Higher is better.",
            crate::domain::indicator::Better::Lower => "Lower is better.",
            crate::domain::indicator::Better::Neither => {
                "Neither higher nor lower is better in itself."
            }
        },
        threshold: indicator.threshold.as_ref().map(|t| t.label.clone()),
        comparison: one
            .and_then(|s| s.latest)
            .map(|(.., c)| comparison_words(c))
            .unwrap_or(""),
        levels,
        rows,
        chart,
    };
    let title = view.name.clone();
    Page::for_user(&me, title, view)?.render(&state, StatusCode::OK, "evidence/indicator")
}
