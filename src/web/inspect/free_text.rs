//! The free-text queue: every free-text answer, flagged for possible personal data
//! and possible safeguarding disclosures, held until an inspector marks it (may be
//! quoted as redacted, not to be quoted, or referred) before any quote is used.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::super::error::WebError;
use super::super::form::CheckedForm;
use super::super::page::{see_other, FieldError, Page};
use super::super::session::SignedIn;
use super::super::AppState;
use super::evidence::{inspection_ref, InspectionRef};
use super::require;
use crate::app::{self, AppError};
use crate::db::{self, free_text::Review};
use crate::domain::access::Permission;
use crate::domain::evidence::{ReviewDecision, ReviewStatus};

/// Answers shown on one page of the queue.
const PAGE_SIZE: i64 = 20;

#[derive(Deserialize)]
pub struct QueueQuery {
    status: Option<String>,
    page: Option<i64>,
}

/// A stored finding, read back for display only.
#[derive(Deserialize)]
struct StoredFinding {
    flag: StoredFlag,
    excerpt: String,
}

#[derive(Deserialize)]
struct StoredFlag {
    label: String,
    kind: String,
}

#[derive(Deserialize, Default)]
struct StoredTriage {
    #[serde(default)]
    findings: Vec<StoredFinding>,
}

#[derive(Serialize)]
struct FlagView {
    label: &'static str,
    kind: String,
    excerpt: String,
}

#[derive(Serialize)]
struct StatusChoice {
    value: &'static str,
    label: &'static str,
    checked: bool,
}

#[derive(Serialize)]
struct AnswerView {
    id: i32,
    question: String,
    audience: &'static str,
    text: String,
    safeguarding: bool,
    personal_data: bool,
    flags: Vec<FlagView>,
    status: &'static str,
    reviewed: bool,
    statuses: Vec<StatusChoice>,
    redacted: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct FilterChoice {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
struct QueueView {
    inspection: InspectionRef,
    safeguarding_to_review: i64,
    filters: Vec<FilterChoice>,
    answers: Vec<AnswerView>,
    previous_page: Option<String>,
    next_page: Option<String>,
}

fn kind_words(kind: &str) -> String {
    kind.replace('_', " ")
}

/// What an inspector typed, kept when a decision is refused.
struct Typed {
    review_id: i32,
    status: String,
    redacted: String,
    error: String,
}

fn answer_view(state: &AppState, r: &Review, typed: Option<&Typed>) -> AnswerView {
    let triage: StoredTriage = serde_json::from_str(&r.findings).unwrap_or_default();
    // Question ids keep their meaning across a form's versions, so the newest
    // version's wording labels the answer.
    let form = state.catalogue.latest(&r.form_id).map(|f| &f.form);
    let question = form
        .and_then(|f| f.question(&r.question_id))
        .map(|q| q.text.get("en").to_string())
        .unwrap_or_else(|| r.question_id.clone());
    let audience = form.map(|f| f.audience.label()).unwrap_or("");
    let typed = typed.filter(|t| t.review_id == r.id);
    let chosen = typed
        .map(|t| t.status.as_str())
        .unwrap_or(r.status.as_str());
    AnswerView {
        id: r.id,
        question,
        audience,
        text: r.text.clone(),
        safeguarding: r.safeguarding,
        personal_data: r.personal_data,
        flags: triage
            .findings
            .into_iter()
            .map(|f| FlagView {
                label: if f.flag.label == "safeguarding" {
                    "Possible safeguarding disclosure"
                } else {
                    "Possible personal data"
                },
                kind: kind_words(&f.flag.kind),
                excerpt: f.excerpt,
            })
            .collect(),
        status: r.status.label(),
        reviewed: r.status != ReviewStatus::ToReview,
        statuses: [
            ReviewStatus::Usable,
            ReviewStatus::NotUsable,
            ReviewStatus::Referred,
        ]
        .into_iter()
        .map(|s| StatusChoice {
            value: s.as_str(),
            label: s.label(),
            checked: chosen == s.as_str(),
        })
        .collect(),
        redacted: typed
            .map(|t| t.redacted.clone())
            .or_else(|| r.redacted.clone())
            .unwrap_or_else(|| state.triage.redact(&r.text)),
        error: typed.map(|t| t.error.clone()),
    }
}

async fn queue_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    query: &QueueQuery,
    status_code: StatusCode,
    typed: Option<Typed>,
) -> Result<HttpResponse, WebError> {
    let filter = match query.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(ReviewStatus::parse(s).ok_or_else(|| {
            WebError::BadRequest("There is no such status. Choose one from the list.".into())
        })?),
    };
    let page = query.page.unwrap_or(1).clamp(1, 1_000_000);
    let inspection = inspection_ref(state, id).await?;
    let offset = (page - 1) * PAGE_SIZE;
    let (reviews, counts) = db::read(&state.pool, move |c| {
        Ok::<_, db::DbError>((
            db::free_text::page(c, id, filter, offset, PAGE_SIZE + 1)?,
            db::free_text::counts(c, id)?,
        ))
    })
    .await?;
    let more = reviews.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    let status_param = filter
        .map(|s| format!("status={}&", s.as_str()))
        .unwrap_or_default();
    let link = |p: i64| format!("/inspections/{id}/free-text?{status_param}page={p}");
    let total: i64 = counts.by_status.iter().map(|(_, n)| n).sum();
    let mut filters = vec![FilterChoice {
        value: "",
        label: format!("All ({total})"),
        selected: filter.is_none(),
    }];
    filters.extend(counts.by_status.iter().map(|(s, n)| FilterChoice {
        value: s.as_str(),
        label: format!("{} ({n})", s.label()),
        selected: filter == Some(*s),
    }));
    let view = QueueView {
        inspection,
        safeguarding_to_review: counts.safeguarding_to_review,
        filters,
        answers: reviews
            .iter()
            .take(usize::try_from(PAGE_SIZE).unwrap_or(0))
            .map(|r| answer_view(state, r, typed.as_ref()))
            .collect(),
        previous_page: (page > 1).then(|| link(page - 1)),
        next_page: more.then(|| link(page + 1)),
    };
    let errors = typed
        .map(|t| {
            vec![FieldError::new(
                &format!("answer-{}-status", t.review_id),
                t.error,
            )]
        })
        .unwrap_or_default();
    Page::for_user(me, "Free-text answers", view)?
        .with_errors(errors)
        .render(state, status_code, "evidence/free_text")
}

pub async fn queue(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    queue_page(&state, &me, id, &query, StatusCode::OK, None).await
}

/// Record an inspector's decision about one answer.
pub async fn review(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, review_id) = path.into_inner();
    require(&state, &me, id, Permission::RecordEvidence).await?;
    let answer = db::read(&state.pool, move |c| db::free_text::find(c, id, review_id))
        .await?
        .ok_or(WebError::NotFound)?;
    let detector = state.triage.clone();
    let query = QueueQuery {
        status: None,
        page: None,
    };
    let refused = |error: String| Typed {
        review_id,
        status: form.text("status").to_string(),
        redacted: form.text("redacted").to_string(),
        error,
    };
    let decision = match ReviewDecision::parse(
        form.text("status"),
        form.text("redacted"),
        &answer.text,
        |text| {
            let t = detector.scan(text);
            t.findings
                .iter()
                .find(|f| matches!(f.flag, crate::domain::triage::Flag::Personal(_)))
                .map(|f| f.excerpt.clone())
        },
    ) {
        Ok(d) => d,
        Err(e) => {
            let typed = refused(e.to_string());
            return queue_page(
                &state,
                &me,
                id,
                &query,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(typed),
            )
            .await;
        }
    };
    let actor = me.user.id;
    match db::run(&state.pool, move |c| {
        app::results::review_free_text(c, id, review_id, &decision, actor)
    })
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/inspections/{id}/free-text#answer-{review_id}"
        ))),
        Err(AppError::Refused(r)) => {
            let typed = refused(r.to_string());
            queue_page(&state, &me, id, &query, StatusCode::CONFLICT, Some(typed)).await
        }
        Err(e) => Err(e.into()),
    }
}
