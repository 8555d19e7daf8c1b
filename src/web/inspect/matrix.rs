//! The evidence matrix: criteria down the side, kinds of source across, each cell
//! saying what supports or challenges the criterion and opening the evidence behind it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::super::error::WebError;
use super::super::page::Page;
use super::super::session::SignedIn;
use super::super::AppState;
use super::evidence::{inspection_ref, InspectionRef};
use super::require;
use super::results::threshold;
use crate::app;
use crate::db;
use crate::domain::access::Permission;
use crate::domain::matrix::{items_for, matrix, EvidenceItem, EvidenceRef, MatrixCell, SourceKind};

#[derive(Serialize)]
struct CellView {
    kind: &'static str,
    href: String,
    summary: String,
    empty: bool,
}

#[derive(Serialize)]
struct RowView {
    id: String,
    label: String,
    thin: bool,
    kinds: usize,
    cells: Vec<CellView>,
}

#[derive(Serialize)]
struct MatrixView {
    inspection: InspectionRef,
    columns: Vec<&'static str>,
    rows: Vec<RowView>,
    thin: usize,
}

fn cell_summary(c: &MatrixCell) -> String {
    let mut parts = vec![];
    for (n, word) in [
        (c.supports, "supports"),
        (c.challenges, "challenges"),
        (c.mixed, "mixed"),
        (c.context, "context"),
        (c.too_few, "too few to say"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    if parts.is_empty() {
        "Nothing".to_string()
    } else {
        parts.join(", ")
    }
}

async fn items(state: &AppState, id: i32) -> Result<Vec<EvidenceItem>, WebError> {
    let catalogue = state.catalogue.clone();
    let gathered = db::read(&state.pool, move |c| {
        app::results::gather(c, &catalogue, id)
    })
    .await?;
    app::results::evidence_items(&state.catalogue, &gathered, threshold(state))
        .map_err(WebError::unexpected)
}

fn criteria(state: &AppState) -> Vec<(String, String)> {
    state
        .catalogue
        .framework
        .areas
        .iter()
        .flat_map(|a| a.criteria.iter())
        .map(|c| (c.id.clone(), format!("{} {}", c.id, c.short)))
        .collect()
}

pub async fn matrix_page(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let inspection = inspection_ref(&state, id).await?;
    let items = items(&state, id).await?;
    let criteria = criteria(&state);
    let ids: Vec<String> = criteria.iter().map(|(id, _)| id.clone()).collect();
    let rows: Vec<RowView> = matrix(&ids, &items)
        .into_iter()
        .zip(&criteria)
        .map(|(row, (_, label))| RowView {
            thin: row.thin(),
            kinds: row.kinds,
            cells: row
                .cells
                .iter()
                .map(|(kind, cell)| CellView {
                    kind: kind.label(),
                    href: format!(
                        "/inspections/{id}/matrix/{}/{}",
                        row.criterion_id,
                        kind.as_str()
                    ),
                    summary: cell_summary(cell),
                    empty: cell.total() == 0,
                })
                .collect(),
            id: row.criterion_id,
            label: label.clone(),
        })
        .collect();
    let view = MatrixView {
        inspection,
        columns: SourceKind::ALL.iter().map(|k| k.label()).collect(),
        thin: rows.iter().filter(|r| r.thin).count(),
        rows,
    };
    Page::for_user(&me, "Evidence matrix", view)?.render(&state, StatusCode::OK, "evidence/matrix")
}

#[derive(Serialize)]
struct ItemView {
    title: String,
    detail: String,
    leaning: &'static str,
    suppressed: bool,
    href: String,
}

#[derive(Serialize)]
struct CellPageView {
    inspection: InspectionRef,
    criterion: String,
    kind: &'static str,
    items: Vec<ItemView>,
}

/// Where a piece of evidence can be opened.
pub fn href(id: i32, reference: &EvidenceRef) -> String {
    match reference {
        EvidenceRef::SurveyItem {
            survey_id,
            question_id,
        } => format!("/inspections/{id}/results/{survey_id}#q-{question_id}"),
        EvidenceRef::Indicator { indicator_id } => {
            format!("/inspections/{id}/indicators/{indicator_id}")
        }
        EvidenceRef::Duty { criterion_id } => format!("/inspections/{id}/duties#{criterion_id}"),
        EvidenceRef::Document { document_id } => {
            format!("/inspections/{id}/documents/{document_id}")
        }
        EvidenceRef::CaseNote { case_note_id } => {
            format!("/inspections/{id}/cases#case-{case_note_id}")
        }
    }
}

/// What one cell of the matrix rests on.
pub async fn cell(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, String, String)>,
) -> Result<HttpResponse, WebError> {
    let (id, criterion_id, kind) = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let kind = SourceKind::parse(&kind).ok_or(WebError::NotFound)?;
    let (_, label) = criteria(&state)
        .into_iter()
        .find(|(c, _)| *c == criterion_id)
        .ok_or(WebError::NotFound)?;
    let inspection = inspection_ref(&state, id).await?;
    let items = items(&state, id).await?;
    let view = CellPageView {
        inspection,
        criterion: label,
        kind: kind.label(),
        items: items_for(&items, &criterion_id, kind)
            .map(|i| ItemView {
                title: i.title.clone(),
                detail: i.detail.clone(),
                leaning: i.leaning.label(),
                suppressed: i.suppressed,
                href: href(id, &i.reference),
            })
            .collect(),
    };
    let title = format!("{}: {}", view.criterion, view.kind);
    Page::for_user(&me, title, view)?.render(&state, StatusCode::OK, "evidence/matrix_cell")
}
