//! Inspectors' report pages: the written sections with suggestions from the
//! evidence beside the editor, the partnership's particulars, the easy-read
//! summary, making draft versions, reading them in every format, and comparing two.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::super::error::WebError;
use super::super::form::CheckedForm;
use super::super::page::{see_other, FieldError, Page};
use super::super::session::SignedIn;
use super::super::templates::static_bytes;
use super::super::AppState;
use super::evidence::{inspection_ref, InspectionRef};
use super::export::attachment;
use super::require;
use super::results::threshold;
use crate::app::{self, AppError};
use crate::db;
use crate::domain::access::Permission;
use crate::domain::easy_read::{self, SYMBOLS};
use crate::domain::findings::FindingKind;
use crate::domain::matrix::EvidenceRef;
use crate::domain::narrative;
use crate::domain::refusal::Refusal;
use crate::domain::report::{
    BodyDetails, EasyReadSummary, Particulars, Report, SectionKind, TeamLine,
};
use crate::domain::report_diff::{self, PieceKind};
use crate::export::report_html;

fn heading_of(state: &AppState, kind: SectionKind) -> String {
    let h = &state.catalogue.framework.report.headings;
    match kind {
        SectionKind::Outcome => &h.outcome,
        SectionKind::PartnershipInformation => &h.partnership_information,
        SectionKind::Experience => &h.experience,
        SectionKind::Effective => &h.effective,
        SectionKind::Better => &h.better,
        SectionKind::PriorityActions => &h.priority_actions,
        SectionKind::Improvements => &h.improvements,
        SectionKind::Details => &h.details,
        SectionKind::AboutInspection => &h.about_inspection,
        SectionKind::Progress => {
            &state
                .catalogue
                .framework
                .monitoring_report
                .headings
                .progress
        }
    }
    .clone()
}

/// What a written section is for, under its editor.
fn section_hint(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::PartnershipInformation => "The council and ICB(s) and their shared responsibility, recent changes, and who commissions alternative provision.",
        SectionKind::Experience => "What it is like to be a child or young person with SEND here, in paragraphs.",
        SectionKind::Effective => "What the partnership does that works. Each paragraph becomes a bullet.",
        SectionKind::Better => "What the partnership must do better. Each paragraph becomes a bullet.",
        _ => "",
    }
}

// ---------------------------------------------------------------- the hub

#[derive(Serialize)]
struct SectionRow {
    kind: &'static str,
    heading: String,
    paragraphs: usize,
}

#[derive(Serialize)]
struct VersionRow {
    number: i32,
    /// "Outcome 2"; for a monitoring report, which gives no outcome, what it is.
    outcome: String,
    note: String,
    created_at: String,
}

#[derive(Serialize)]
struct HubView {
    inspection: InspectionRef,
    sections: Vec<SectionRow>,
    easy_read_points: usize,
    versions: Vec<VersionRow>,
    decided: Option<String>,
    /// For a monitoring inspection: how many areas for priority action have their
    /// progress recorded, of how many.
    progress: Option<(usize, usize)>,
    may_write: bool,
    may_draft: bool,
    compare_from: Option<i32>,
    compare_to: Option<i32>,
}

async fn hub_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let role = super::access(state, me, id).await?;
    let (narratives, points, versions, decision, carried) = db::read(&state.pool, move |c| {
        Ok::<_, AppError>((
            app::report::narratives(c, id)?,
            app::report::easy_read_points(c, id)?.0.len(),
            db::report::versions(c, id)?,
            db::report::decision(c, id)?,
            db::monitoring::list(c, id)?,
        ))
    })
    .await?;
    let monitoring = inspection.monitoring;
    let sections = narrative::WRITTEN
        .iter()
        // A monitoring report prints only the partnership information of these.
        .filter(|k| !monitoring || **k == SectionKind::PartnershipInformation)
        .map(|k| SectionRow {
            kind: k.as_str(),
            heading: heading_of(state, *k),
            paragraphs: narratives.get(k).map_or(0, |n| n.paragraphs.len()),
        })
        .collect();
    let actor = me.user.actor();
    let view = HubView {
        inspection,
        sections,
        easy_read_points: points,
        compare_from: versions.get(1).map(|v| v.number),
        compare_to: versions.first().map(|v| v.number),
        versions: versions
            .iter()
            .map(|v| VersionRow {
                number: v.number,
                outcome: if monitoring {
                    state
                        .catalogue
                        .framework
                        .monitoring_report
                        .outcome_label
                        .clone()
                } else {
                    format!("Outcome {}", v.outcome)
                },
                note: v.note.clone(),
                created_at: v.created_at.format("%-d %B %Y at %H:%M UTC").to_string(),
            })
            .collect(),
        decided: decision.and_then(|d| {
            state
                .catalogue
                .framework
                .outcome(d.decision.outcome)
                .map(|o| o.label.clone())
        }),
        progress: monitoring.then(|| {
            (
                app::monitoring::judged_count(&state.catalogue, &carried),
                carried.len(),
            )
        }),
        may_write: actor.may(role, Permission::RecordFindings),
        may_draft: actor.may(role, Permission::DecideOutcome),
    };
    Page::for_user(me, "Report", view)?
        .with_errors(errors)
        .render(state, status, "report/hub")
}

pub async fn hub(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewDrafts).await?;
    hub_page(&state, &me, id, StatusCode::OK, vec![]).await
}

pub async fn make_draft(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DecideOutcome).await?;
    let note: String = form.text("note").trim().chars().take(500).collect();
    let actor = me.user.id;
    let catalogue = state.catalogue.clone();
    let threshold = threshold(&state);
    match db::run(&state.pool, move |c| {
        app::report::make_draft(c, &catalogue, id, threshold, &note, actor)
    })
    .await
    {
        Ok(n) => Ok(see_other(&format!("/inspections/{id}/report/versions/{n}"))),
        Err(AppError::Refused(r)) => {
            let errors = vec![FieldError::new("note", &r)];
            hub_page(&state, &me, id, StatusCode::CONFLICT, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- written sections

#[derive(Serialize)]
struct SuggestionView {
    text: String,
    marker: Option<String>,
}

#[derive(Serialize)]
struct MarkerView {
    marker: String,
    title: String,
}

#[derive(Serialize)]
struct SectionView {
    inspection: InspectionRef,
    kind: &'static str,
    heading: String,
    hint: &'static str,
    text: String,
    revision: String,
    /// After a refused save: what is stored now, shown beside what was typed.
    theirs: Option<String>,
    prefilled: bool,
    suggestions: Vec<SuggestionView>,
    findings: Vec<String>,
    markers: Vec<MarkerView>,
    marker_count: usize,
    charts: Vec<MarkerView>,
    chart_count: usize,
}

/// A section's text as typed, with the revision it was typed against.
struct TypedSection {
    text: String,
    revision: String,
    /// Someone else saved the section meanwhile.
    clashed: bool,
}

fn written(kind: &str) -> Result<SectionKind, WebError> {
    SectionKind::parse(kind)
        .filter(|k| narrative::WRITTEN.contains(k))
        .ok_or(WebError::NotFound)
}

async fn section_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    kind: SectionKind,
    status: StatusCode,
    errors: Vec<FieldError>,
    typed: Option<TypedSection>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let catalogue = state.catalogue.clone();
    let threshold = threshold(state);
    let (j, stored, charts) = db::read(&state.pool, move |c| {
        let j = app::report::judgement(c, &catalogue, id, threshold)?;
        let stored = db::report::narrative(c, id, kind.as_str())?;
        let charts = app::report::charts(&j.gathered, threshold)?;
        Ok::<_, AppError>((j, stored, charts))
    })
    .await?;
    // Findings the section is about, as a starting point the inspector may take.
    let relevant: Vec<String> = j
        .findings
        .iter()
        .filter(|f| match kind {
            SectionKind::Effective => f.kind == FindingKind::Strength,
            SectionKind::Better => f.kind != FindingKind::Strength,
            _ => false,
        })
        .map(|f| f.text.clone())
        .collect();
    // A refused save keeps what was typed; after a clash with someone else's save it
    // carries the new revision, so the merged text can be saved.
    let stored_text = narrative::join_paragraphs(&stored.paragraphs);
    let (text, revision, theirs, prefilled) = match typed {
        Some(t) if t.clashed => (t.text, stored.revision(), Some(stored_text), false),
        Some(t) => (t.text, t.revision, None, false),
        None if stored.paragraphs.is_empty() && !relevant.is_empty() => {
            (relevant.join("\n\n"), stored.revision(), None, true)
        }
        None => (stored_text, stored.revision(), None, false),
    };
    let dont_understand: Vec<(EvidenceRef, String, f64)> = j
        .gathered
        .surveys
        .iter()
        .filter_map(|s| s.collate(threshold).ok().map(|r| (s.survey.id, r)))
        .flat_map(|(survey_id, r)| {
            let audience = r.form.audience.label();
            r.questions
                .iter()
                .filter_map(|q| {
                    q.dont_understand_rate.map(|rate| {
                        (
                            EvidenceRef::SurveyItem {
                                survey_id,
                                question_id: q.question.id.clone(),
                            },
                            format!("{audience}: {}", q.question.text.get("en")),
                            rate,
                        )
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let criteria: Vec<(String, String)> = state
        .catalogue
        .framework
        .areas
        .iter()
        .flat_map(|a| a.criteria.iter())
        .map(|c| (c.id.clone(), format!("{} {}", c.id, c.short)))
        .collect();
    let suggestions = narrative::suggest(&j.items, &dont_understand, &criteria)
        .into_iter()
        .map(|s| SuggestionView {
            text: s.text,
            marker: s.marker,
        })
        .collect();
    let marker_count = j.items.len();
    let chart_count = charts.len();
    let view = SectionView {
        marker_count,
        chart_count,
        inspection,
        kind: kind.as_str(),
        heading: heading_of(state, kind),
        hint: section_hint(kind),
        text,
        revision,
        theirs,
        prefilled,
        suggestions,
        findings: relevant,
        markers: j
            .items
            .iter()
            .map(|i| MarkerView {
                marker: format!(
                    "[[{}]]",
                    crate::domain::findings::evidence_key(&i.reference)
                ),
                title: i.title.clone(),
            })
            .collect(),
        charts: charts
            .iter()
            .map(|(r, c)| MarkerView {
                marker: format!("[[chart:{}]]", narrative::chart_key(r)),
                title: c.title.clone(),
            })
            .collect(),
    };
    let title = format!("Write: {}", view.heading);
    Page::for_user(me, title, view)?
        .with_errors(errors)
        .render(state, status, "report/section")
}

pub async fn section(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, WebError> {
    let (id, kind) = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    let kind = written(&kind)?;
    section_page(&state, &me, id, kind, StatusCode::OK, vec![], None).await
}

pub async fn save_section(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, String)>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, kind) = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    let kind = written(&kind)?;
    let typed = form.text("text").to_string();
    let expected = form.text("revision").to_string();
    let catalogue = state.catalogue.clone();
    let threshold = threshold(&state);
    let (items, chartable, stored) = db::read(&state.pool, move |c| {
        let j = app::report::judgement(c, &catalogue, id, threshold)?;
        let chartable: Vec<EvidenceRef> = app::report::charts(&j.gathered, threshold)?
            .into_keys()
            .collect();
        let stored = db::report::narrative(c, id, kind.as_str())?;
        Ok::<_, AppError>((j.items, chartable, stored))
    })
    .await?;
    let again = |clashed: bool| TypedSection {
        text: typed.clone(),
        revision: expected.clone(),
        clashed,
    };
    // Someone saved the section after this editor was opened: show both, so nothing
    // of either is lost.
    if stored.revision() != expected {
        let errors = vec![FieldError::new("text", Refusal::ChangedMeanwhile)];
        return section_page(
            &state,
            &me,
            id,
            kind,
            StatusCode::CONFLICT,
            errors,
            Some(again(true)),
        )
        .await;
    }
    let available: Vec<EvidenceRef> = items.into_iter().map(|i| i.reference).collect();
    let revised = match narrative::revise(&stored, &typed, kind.as_str(), &available, &chartable) {
        Ok(r) => r,
        Err(errors) => {
            let errors = errors.iter().map(|e| FieldError::new("text", e)).collect();
            return section_page(
                &state,
                &me,
                id,
                kind,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
                Some(again(false)),
            )
            .await;
        }
    };
    let actor = me.user.id;
    let revision = expected.clone();
    match db::run(&state.pool, move |c| {
        app::report::save_narrative(c, id, kind, &revised, &revision, actor)
    })
    .await
    {
        Ok(()) => Ok(see_other(&format!("/inspections/{id}/report"))),
        Err(AppError::Refused(r)) => {
            let clashed = r == Refusal::ChangedMeanwhile;
            let errors = vec![FieldError::new("text", &r)];
            section_page(
                &state,
                &me,
                id,
                kind,
                StatusCode::CONFLICT,
                errors,
                Some(again(clashed)),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- particulars

#[derive(Serialize)]
struct FieldView {
    name: String,
    label: &'static str,
    value: String,
    error: Option<String>,
    textarea: bool,
}

#[derive(Serialize)]
struct BodyForm {
    name: String,
    fields: Vec<FieldView>,
}

#[derive(Serialize)]
struct TeamRow {
    n: usize,
    name_field: String,
    role_field: String,
    name: String,
    role: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct ParticularsView {
    inspection: InspectionRef,
    partnership_name: String,
    bodies: Vec<BodyForm>,
    team: Vec<TeamRow>,
}

fn error_of(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

fn body_form(name: &str, prefix: &str, d: &BodyDetails, errors: &[FieldError]) -> BodyForm {
    let field = |what: &str, label: &'static str, value: &str, textarea: bool| {
        let name = format!("{prefix}_{what}");
        FieldView {
            error: error_of(errors, &name),
            name,
            label,
            value: value.to_string(),
            textarea,
        }
    };
    BodyForm {
        name: name.to_string(),
        fields: vec![
            field(
                "leader",
                "Executive leader (name and title)",
                &d.leader,
                false,
            ),
            field("website", "Website", &d.website, false),
            field("address", "Address", &d.address, true),
        ],
    }
}

/// Empty rows offered for more members, and the most a team can list.
const TEAM_SPARE_ROWS: usize = 3;
const TEAM_MOST: usize = 30;
const MAX_FIELD: usize = 300;

async fn particulars_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
    typed: Option<Particulars>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let (full, stored) = db::read(&state.pool, move |c| {
        let i = db::inspections::find(c, id)?.ok_or(AppError::NotFound)?;
        let p = app::report::particulars(c, &i)?;
        Ok::<_, AppError>((i, p))
    })
    .await?;
    let p = typed.unwrap_or(stored);
    let mut bodies = vec![body_form(
        &full.partnership.council_name,
        "council",
        &p.council,
        &errors,
    )];
    for icb in &full.partnership.icbs {
        let details = p.icbs.get(&icb.id).cloned().unwrap_or_default();
        bodies.push(body_form(
            &icb.name,
            &format!("icb_{}", icb.id),
            &details,
            &errors,
        ));
    }
    let mut lines = p.team.clone();
    let rows = (lines.len() + TEAM_SPARE_ROWS).clamp(6, TEAM_MOST);
    while lines.len() < rows {
        lines.push(TeamLine {
            name: String::new(),
            role: String::new(),
        });
    }
    let team = lines
        .into_iter()
        .enumerate()
        .map(|(i, t)| TeamRow {
            n: i + 1,
            name_field: format!("team_{i}_name"),
            role_field: format!("team_{i}_role"),
            error: error_of(&errors, &format!("team_{i}_name"))
                .or_else(|| error_of(&errors, &format!("team_{i}_role"))),
            name: t.name,
            role: t.role,
        })
        .collect();
    let view = ParticularsView {
        inspection,
        partnership_name: p.partnership_name.clone(),
        bodies,
        team,
    };
    Page::for_user(me, "Partnership details and inspection team", view)?
        .with_errors(errors)
        .render(state, status, "report/particulars")
}

pub async fn particulars(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    particulars_page(&state, &me, id, StatusCode::OK, vec![], None).await
}

pub async fn save_particulars(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    let inspection = db::read(&state.pool, move |c| db::inspections::find(c, id))
        .await?
        .ok_or(WebError::NotFound)?;
    let mut errors = vec![];
    let mut field = |name: &str| {
        let v = form.text(name).trim().to_string();
        if v.chars().count() > MAX_FIELD {
            errors.push(FieldError::new(
                name,
                format!("Keep this to {MAX_FIELD} characters or fewer."),
            ));
        }
        v
    };
    let body = |prefix: &str, field: &mut dyn FnMut(&str) -> String| BodyDetails {
        leader: field(&format!("{prefix}_leader")),
        website: field(&format!("{prefix}_website")),
        address: field(&format!("{prefix}_address")),
    };
    let partnership_name = field("partnership_name");
    let council = body("council", &mut field);
    let mut icbs = BTreeMap::new();
    for icb in &inspection.partnership.icbs {
        icbs.insert(icb.id, body(&format!("icb_{}", icb.id), &mut field));
    }
    let mut team = vec![];
    for i in 0..TEAM_MOST {
        let name = field(&format!("team_{i}_name"));
        let role = field(&format!("team_{i}_role"));
        if !name.is_empty() || !role.is_empty() {
            team.push(TeamLine { name, role });
        }
    }
    if partnership_name.is_empty() {
        errors.push(FieldError::new(
            "partnership_name",
            "Enter the partnership's name as the report's title should print it.",
        ));
    }
    if let Some(i) = team
        .iter()
        .position(|t| t.name.is_empty() || t.role.is_empty())
    {
        errors.push(FieldError::new(
            &format!("team_{i}_name"),
            "Give each member of the inspection team both a name and a role.",
        ));
    }
    let particulars = Particulars {
        partnership_name,
        council,
        icbs,
        team,
    };
    if !errors.is_empty() {
        return particulars_page(
            &state,
            &me,
            id,
            StatusCode::UNPROCESSABLE_ENTITY,
            errors,
            Some(particulars),
        )
        .await;
    }
    let actor = me.user.id;
    db::run(&state.pool, move |c| {
        app::report::save_particulars(c, id, &particulars, actor)
    })
    .await?;
    Ok(see_other(&format!("/inspections/{id}/report")))
}

// ---------------------------------------------------------------- easy read

/// One row of the easy-read form as typed: id, text, symbol.
type PointInput = (String, String, String);

#[derive(Serialize)]
struct SymbolChoice {
    value: &'static str,
    label: &'static str,
    selected: bool,
}

#[derive(Serialize)]
struct PointRow {
    n: usize,
    error: Option<String>,
    id: String,
    text: String,
    symbols: Vec<SymbolChoice>,
}

#[derive(Serialize)]
struct EasySuggestion {
    text: String,
    symbol: &'static str,
    symbol_label: &'static str,
}

#[derive(Serialize)]
struct EasyReadView {
    inspection: InspectionRef,
    rows: Vec<PointRow>,
    revision: String,
    suggestions: Vec<EasySuggestion>,
    max_words: usize,
}

fn symbol_choices(selected: &str) -> Vec<SymbolChoice> {
    SYMBOLS
        .iter()
        .map(|(value, label)| SymbolChoice {
            value,
            label,
            selected: *value == selected,
        })
        .collect()
}

/// What the easy-read page and its save both read: the inspection (for the area's
/// name), the findings (for suggestions) and the stored points with their next number.
async fn easy_read_context(
    state: &AppState,
    id: i32,
) -> Result<
    (
        db::inspections::Inspection,
        Vec<crate::domain::findings::Finding>,
        (Vec<easy_read::StoredPoint>, i32),
    ),
    WebError,
> {
    Ok(db::read(&state.pool, move |c| {
        Ok::<_, AppError>((
            db::inspections::find(c, id)?.ok_or(AppError::NotFound)?,
            db::report::findings(c, id)?,
            app::report::easy_read_points(c, id)?,
        ))
    })
    .await?)
}

async fn easy_read_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
    typed: Option<Vec<PointInput>>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let (full, findings, (points, next)) = easy_read_context(state, id).await?;
    // What was typed stays on a refused save, with the revision of what is stored
    // now, so a clash with someone else's save can be resolved and saved.
    let revision = app::report::easy_read_revision(&points, next);
    let mut rows = typed.unwrap_or_else(|| {
        points
            .iter()
            .map(|p| (p.id.clone(), p.text.clone(), p.symbol.clone()))
            .collect()
    });
    while rows.len() < easy_read::MAX_POINTS {
        rows.push((String::new(), String::new(), String::new()));
    }
    let suggestions = suggestions(state, &full, &findings)
        .into_iter()
        .map(|s| EasySuggestion {
            symbol_label: easy_read::symbol_label(s.symbol).unwrap_or(""),
            text: s.text,
            symbol: s.symbol,
        })
        .collect();
    let view = EasyReadView {
        inspection,
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(i, (id, text, symbol))| PointRow {
                n: i + 1,
                error: error_of(&errors, &format!("point_{}_text", i + 1)),
                id,
                text,
                symbols: symbol_choices(&symbol),
            })
            .collect(),
        revision,
        suggestions,
        max_words: easy_read::MAX_WORDS_PER_SENTENCE,
    };
    Page::for_user(me, "Easy-read summary", view)?
        .with_errors(errors)
        .render(state, status, "report/easy_read")
}

fn suggestions(
    state: &AppState,
    inspection: &db::inspections::Inspection,
    findings: &[crate::domain::findings::Finding],
) -> Vec<easy_read::Suggestion> {
    easy_read::suggest(
        &state.catalogue.framework,
        &crate::domain::partnership::area_name(&inspection.partnership.council_name),
        findings,
    )
}

pub async fn easy_read(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    easy_read_page(&state, &me, id, StatusCode::OK, vec![], None).await
}

/// Save the points as typed; with `add`, a suggested point (chosen by its place in
/// the list, rebuilt here, so its words cannot be tampered with) joins the first
/// empty row first, and the page comes back for it to be rewritten.
pub async fn save_easy_read(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    let expected = form.text("revision").to_string();
    let mut rows: Vec<PointInput> = (1..=easy_read::MAX_POINTS)
        .map(|n| {
            (
                form.text(&format!("point_{n}_id")).to_string(),
                form.text(&format!("point_{n}_text")).to_string(),
                form.text(&format!("point_{n}_symbol")).to_string(),
            )
        })
        .collect();
    let (full, findings, (old, next)) = easy_read_context(&state, id).await?;
    let adding = form.get("add").is_some();
    if let Some(add) = form.get("add") {
        let suggestion = add
            .parse::<usize>()
            .ok()
            .and_then(|i| suggestions(&state, &full, &findings).into_iter().nth(i))
            .ok_or_else(|| {
                WebError::BadRequest("Choose a suggested point from the list.".into())
            })?;
        match rows
            .iter_mut()
            .find(|(_, t, s)| t.trim().is_empty() && s.trim().is_empty())
        {
            Some(row) => {
                *row = (
                    String::new(),
                    suggestion.text,
                    suggestion.symbol.to_string(),
                )
            }
            None => {
                let errors = vec![FieldError::new(
                    "point_1_text",
                    easy_read::EasyReadError::TooManyPoints,
                )];
                return easy_read_page(
                    &state,
                    &me,
                    id,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    errors,
                    Some(rows),
                )
                .await;
            }
        }
    }
    // Filled rows first, numbered as the messages number them.
    let filled: Vec<PointInput> = rows
        .into_iter()
        .filter(|(_, t, s)| !t.trim().is_empty() || !s.trim().is_empty())
        .collect();
    if app::report::easy_read_revision(&old, next) != expected {
        let errors = vec![FieldError::new("point_1_text", Refusal::ChangedMeanwhile)];
        return easy_read_page(&state, &me, id, StatusCode::CONFLICT, errors, Some(filled)).await;
    }
    let (points, new_next) = match easy_read::revise(&old, next, &filled) {
        Ok(p) => p,
        Err(errors) => {
            let errors = errors
                .iter()
                .map(|e| FieldError::new(&format!("point_{}_text", e.point()), e))
                .collect();
            return easy_read_page(
                &state,
                &me,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
                Some(filled),
            )
            .await;
        }
    };
    let actor = me.user.id;
    let revision = expected.clone();
    match db::run(&state.pool, move |c| {
        app::report::save_easy_read(c, id, &points, new_next, &revision, actor)
    })
    .await
    {
        Ok(()) if adding => Ok(see_other(&format!("/inspections/{id}/report/easy-read"))),
        Ok(()) => Ok(see_other(&format!("/inspections/{id}/report"))),
        Err(AppError::Refused(r)) => {
            let errors = vec![FieldError::new("point_1_text", &r)];
            easy_read_page(&state, &me, id, StatusCode::CONFLICT, errors, Some(filled)).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- versions

#[derive(Serialize)]
struct DocumentView {
    inspection: InspectionRef,
    number: Option<i32>,
    note: String,
    report: serde_json::Value,
    downloads: Vec<(String, String)>,
}

fn downloads(id: i32, n: i32) -> Vec<(String, String)> {
    [
        ("report.html", "Report as HTML"),
        ("report.pdf", "Report as PDF (tagged, PDF/UA)"),
        ("report.docx", "Report as Word document"),
        ("easy-read.html", "Easy-read summary as HTML"),
        ("easy-read.pdf", "Easy-read summary as PDF"),
    ]
    .iter()
    .map(|(file, label)| {
        (
            format!("/inspections/{id}/report/versions/{n}/{file}"),
            label.to_string(),
        )
    })
    .collect()
}

pub async fn preview(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewDrafts).await?;
    let inspection = inspection_ref(&state, id).await?;
    let catalogue = state.catalogue.clone();
    let threshold = threshold(&state);
    let (report, _) = db::read(&state.pool, move |c| {
        app::report::current_report(c, &catalogue, id, threshold)
    })
    .await?;
    let view = DocumentView {
        inspection,
        number: None,
        note: String::new(),
        report: report_html::report_view(&report, Some(id)),
        downloads: vec![],
    };
    Page::for_user(&me, "Report preview", view)?.render(&state, StatusCode::OK, "report/document")
}

async fn load_version(state: &AppState, id: i32, n: i32) -> Result<db::report::Version, WebError> {
    db::read(&state.pool, move |c| app::report::version(c, id, Some(n)))
        .await
        .map_err(|e| match e {
            AppError::Refused(_) => WebError::NotFound,
            other => other.into(),
        })
}

pub async fn version(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, WebError> {
    let (id, n) = path.into_inner();
    require(&state, &me, id, Permission::ViewDrafts).await?;
    let inspection = inspection_ref(&state, id).await?;
    let v = load_version(&state, id, n).await?;
    let view = DocumentView {
        inspection,
        number: Some(n),
        note: v.summary.note.clone(),
        report: report_html::report_view(&v.report, Some(id)),
        downloads: downloads(id, n),
    };
    Page::for_user(&me, format!("Draft version {n}"), view)?.render(
        &state,
        StatusCode::OK,
        "report/document",
    )
}

fn symbol_svg(name: &str) -> Option<String> {
    static_bytes(&format!("symbols/{name}.svg")).and_then(|b| String::from_utf8(b).ok())
}

/// The symbols an easy-read summary uses, for the PDF renderer.
pub fn symbol_files(summary: &EasyReadSummary) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = vec![];
    for p in &summary.points {
        if out.iter().any(|(n, _)| *n == p.symbol) {
            continue;
        }
        if let Some(bytes) = static_bytes(&format!("symbols/{}.svg", p.symbol)) {
            out.push((p.symbol.clone(), bytes));
        }
    }
    out
}

/// A PDF that cannot be made from what the team wrote (a character the shipped fonts
/// do not have, which PDF/UA forbids printing as a blank box) is the writer's to put
/// right, and says so; anything else is unexpected.
fn pdf_refused(e: crate::export::report_pdf::ReportPdfError) -> WebError {
    use crate::export::report_pdf::ReportPdfError;
    match &e {
        ReportPdfError::Pdf(
            area_send_pdf::PdfError::Export { .. } | area_send_pdf::PdfError::InvalidInput { .. },
        ) => WebError::BadRequest(format!(
            "The PDF could not be made: {e}. Change the text in the report (for example, remove emoji or characters from other alphabets), save a new draft and try again. The HTML and Word versions can still be downloaded."
        )),
        _ => WebError::unexpected(e),
    }
}

/// A rendered file of a version.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
}

/// Render a saved report or easy-read summary in one format; `file` is
/// `report.html|pdf|docx` or `easy-read.html|pdf`.
pub fn render_file(
    templates: &handlebars::Handlebars<'_>,
    report: &Report,
    easy: &EasyReadSummary,
    file: &str,
) -> Result<Option<Rendered>, WebError> {
    Ok(Some(match file {
        "report.html" => Rendered {
            bytes: report_html::standalone_report(templates, report)?.into_bytes(),
            content_type: "text/html; charset=utf-8",
        },
        "easy-read.html" => Rendered {
            bytes: report_html::standalone_easy_read(templates, easy, symbol_svg)?.into_bytes(),
            content_type: "text/html; charset=utf-8",
        },
        "report.docx" => Rendered {
            bytes: crate::export::docx::report_docx(report).map_err(WebError::unexpected)?,
            content_type: crate::export::docx::MIME,
        },
        "report.pdf" => Rendered {
            bytes: crate::export::report_pdf::report(report).map_err(pdf_refused)?,
            content_type: "application/pdf",
        },
        "easy-read.pdf" => Rendered {
            bytes: crate::export::report_pdf::easy_read(easy, &symbol_files(easy))
                .map_err(pdf_refused)?,
            content_type: "application/pdf",
        },
        _ => return Ok(None),
    }))
}

pub async fn download(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32, String)>,
) -> Result<HttpResponse, WebError> {
    let (id, n, file) = path.into_inner();
    require(&state, &me, id, Permission::ViewDrafts).await?;
    let v = load_version(&state, id, n).await?;
    let templates = state.templates.clone();
    let file_name = format!("area-send-inspection-{id}-v{n}-{file}");
    // PDF layout takes tens of milliseconds: off the request's thread.
    let rendered = web::block(move || render_file(&templates, &v.report, &v.easy_read, &file))
        .await
        .map_err(WebError::unexpected)??
        .ok_or(WebError::NotFound)?;
    Ok(attachment(
        &file_name,
        rendered.content_type,
        rendered.bytes,
    ))
}

#[derive(Serialize)]
struct EasyDocumentView {
    inspection: InspectionRef,
    number: i32,
    easy: serde_json::Value,
}

pub async fn easy_read_version(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, WebError> {
    let (id, n) = path.into_inner();
    require(&state, &me, id, Permission::ViewDrafts).await?;
    let inspection = inspection_ref(&state, id).await?;
    let v = load_version(&state, id, n).await?;
    let view = EasyDocumentView {
        inspection,
        number: n,
        easy: report_html::easy_read_view(&v.easy_read, symbol_svg),
    };
    Page::for_user(&me, format!("Easy-read summary, version {n}"), view)?.render(
        &state,
        StatusCode::OK,
        "report/easy_read_document",
    )
}

// ---------------------------------------------------------------- comparing

#[derive(Deserialize)]
pub struct CompareQuery {
    from: Option<String>,
    to: Option<String>,
}

#[derive(Serialize)]
struct PieceView {
    same: bool,
    deleted: bool,
    inserted: bool,
    text: String,
}

#[derive(Serialize)]
struct UnitView {
    id: String,
    heading: String,
    numbers: String,
    change: &'static str,
    changed: bool,
    pieces: Vec<PieceView>,
}

#[derive(Serialize)]
struct CompareView {
    inspection: InspectionRef,
    from: i32,
    to: i32,
    versions: Vec<i32>,
    units: Vec<UnitView>,
    changed: usize,
    show_all: bool,
}

pub async fn compare(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    query: web::Query<CompareQuery>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewDrafts).await?;
    let parse = |s: &Option<String>| -> Result<i32, WebError> {
        s.as_deref()
            .unwrap_or("")
            .parse()
            .map_err(|_| WebError::BadRequest("Choose two versions to compare.".into()))
    };
    let (from, to) = (parse(&query.from)?, parse(&query.to)?);
    let show_all = req.query_string().contains("all=yes");
    let inspection = inspection_ref(&state, id).await?;
    let old = load_version(&state, id, from).await?;
    let new = load_version(&state, id, to).await?;
    let versions = db::read(&state.pool, move |c| db::report::versions(c, id))
        .await?
        .iter()
        .map(|v| v.number)
        .collect();
    let all = report_diff::diff(&old.report, &new.report);
    let changed = all
        .iter()
        .filter(|u| u.change != report_diff::Change::Unchanged)
        .count();
    let units = all
        .into_iter()
        .filter(|u| show_all || u.change != report_diff::Change::Unchanged)
        .map(|u| UnitView {
            numbers: match (u.old_number, u.new_number) {
                (Some(o), Some(n)) if o == n => format!("{n}"),
                (Some(o), Some(n)) => format!("{o} (now {n})"),
                (Some(o), None) => format!("{o} in version {from}"),
                (None, Some(n)) => format!("{n} in version {to}"),
                (None, None) => String::new(),
            },
            changed: u.change != report_diff::Change::Unchanged,
            change: u.change.label(),
            pieces: u
                .pieces
                .into_iter()
                .map(|p| PieceView {
                    same: p.kind == PieceKind::Same,
                    deleted: p.kind == PieceKind::Deleted,
                    inserted: p.kind == PieceKind::Inserted,
                    text: p.text,
                })
                .collect(),
            id: u.id,
            heading: u.heading,
        })
        .collect();
    let view = CompareView {
        inspection,
        from,
        to,
        versions,
        units,
        changed,
        show_all,
    };
    Page::for_user(&me, format!("Compare versions {from} and {to}"), view)?
        .with_errors(vec![])
        .render(&state, StatusCode::OK, "report/compare")
}
