//! The factual accuracy check in the browser. Inspectors send a draft, give more
//! time, answer each comment, show the partnership the answers and finalise;
//! the partnership's reviewers read the numbered draft and comment on it. One page,
//! `/inspections/{id}/review`, shows each what their role allows.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::super::error::WebError;
use super::super::form::CheckedForm;
use super::super::page::{see_other, FieldError, Page};
use super::super::session::SignedIn;
use super::super::upload::CheckedUpload;
use super::super::AppState;
use super::evidence::{inspection_ref, InspectionRef};
use super::{access, require};
use crate::app::review::{Mail, Sending};
use crate::app::{self, AppError};
use crate::db;
use crate::db::review::{Comment, CommentDocument, Review};
use crate::domain::access::{Permission, Role};
use crate::domain::evidence::check_file;
use crate::domain::inspection::{parse_date_parts, Status};
use crate::domain::refusal::Refusal;
use crate::domain::review::{
    Answer, CommentKind, CommentProblem, Organisation, ReviewRefusal, Viewer,
};
use crate::domain::schedule::london_text;

impl AppState {
    pub fn review_mail(&self) -> Mail<'_> {
        Mail {
            templates: &self.emails,
            base_url: &self.config.base_url,
        }
    }
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    checked: bool,
}

#[derive(Serialize)]
struct ParagraphView {
    id: String,
    number: u32,
    heading: String,
    text: String,
}

#[derive(Serialize)]
struct CommentView {
    id: i32,
    paragraph: i32,
    organisation: String,
    kind: &'static str,
    comment: String,
    correction: String,
    /// The supporting document's file name, if one is attached.
    document: Option<String>,
    sent: bool,
    /// The viewer wrote it (only the author may remove an unsent comment).
    mine: bool,
    /// A refused answer to this comment: the message, the field it is about
    /// (`answer`, `reason` or `version`), and the reason as typed.
    error: Option<String>,
    error_at: &'static str,
    typed_reason: String,
    answer: Option<String>,
    answer_kind: Option<&'static str>,
    answer_version: Option<i32>,
}

#[derive(Serialize)]
struct ReviewerView {
    name: String,
    organisation: String,
    sent: bool,
}

#[derive(Serialize)]
struct ReviewView {
    max_upload_mb: usize,
    inspection: InspectionRef,
    stage: &'static str,
    is_reviewer: bool,
    may_lead: bool,
    may_answer: bool,
    in_check: bool,
    is_final: bool,
    final_version: Option<i32>,
    published_on: Option<String>,
    // Before sending.
    may_send: bool,
    versions: Vec<Choice>,
    reviewer_choices: Vec<Choice>,
    working_days: u32,
    // The check.
    sent: bool,
    version: i32,
    closes: String,
    open: bool,
    extensions: i32,
    answers_published: bool,
    reviewers: Vec<ReviewerView>,
    comments: Vec<CommentView>,
    unanswered: usize,
    later_versions: Vec<Choice>,
    // For a reviewer.
    paragraphs: Vec<ParagraphView>,
    paragraph_choices: Vec<Choice>,
    kinds: Vec<Choice>,
    i_have_sent: bool,
    typed_comment: String,
    /// Inviting a reviewer who has no account: the organisations, and what was typed.
    organisation_choices: Vec<Choice>,
    typed_reviewer_name: String,
    typed_reviewer_email: String,
    typed_correction: String,
}

fn organisation_label(o: Organisation, inspection: &db::inspections::Inspection) -> String {
    match o {
        Organisation::Council => inspection.partnership.council_name.clone(),
        Organisation::Icb(id) => inspection
            .partnership
            .icbs
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.name.clone())
            .unwrap_or_else(|| "an ICB".into()),
    }
}

fn answer_text(a: &Answer) -> (&'static str, String, Option<i32>) {
    match a {
        Answer::Accepted { version, note } => ("Accepted", note.clone(), Some(*version)),
        Answer::PartlyAccepted { version, reason } => {
            ("Partly accepted", reason.clone(), Some(*version))
        }
        Answer::NotAccepted { reason } => ("Not accepted", reason.clone(), None),
    }
}

/// Who is looking: an inspector on the team, or one of the partnership's reviewers
/// (with the organisation they speak for), or nobody allowed.
async fn viewer(
    state: &AppState,
    me: &SignedIn,
    id: i32,
) -> Result<(Option<Role>, Viewer), WebError> {
    let role = access(state, me, id).await?;
    let actor = me.user.actor();
    if actor.may(role, Permission::ViewDrafts) {
        return Ok((role, Viewer::Inspector));
    }
    if !actor.may(role, Permission::CheckDraft) {
        return Err(WebError::Forbidden);
    }
    let user = me.user.id;
    let mine = db::read(&state.pool, move |c| db::review::reviewers(c, id))
        .await?
        .into_iter()
        .find(|r| r.user_id == user)
        .ok_or(WebError::Forbidden)?;
    Ok((role, Viewer::Reviewer(mine.organisation)))
}

/// Only one of the check's reviewers may comment or send comments.
async fn as_reviewer(state: &AppState, me: &SignedIn, id: i32) -> Result<(), WebError> {
    match viewer(state, me, id).await? {
        (_, Viewer::Reviewer(_)) => Ok(()),
        _ => Err(WebError::Forbidden),
    }
}

#[derive(Default)]
struct Typed {
    comment: String,
    correction: String,
    paragraph: String,
    kind: String,
    reviewer_name: String,
    reviewer_email: String,
    reviewer_organisation: String,
    /// An answer refused: which comment, what was typed, which field, and why.
    answer: Option<AnswerTyped>,
}

struct AnswerTyped {
    comment: i32,
    reason: String,
    at: &'static str,
    message: String,
}

async fn review_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    typed: Option<Typed>,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let (role, who) = viewer(state, me, id).await?;
    let actor = me.user.actor();
    let user = me.user.id;
    let (inspection, review, reviewers, comments, versions, team, final_report, report, documents) =
        db::read(&state.pool, move |c| {
            let review = db::review::find(c, id)?;
            let report = match &review {
                Some(r) => db::report::version(c, id, Some(r.version_number))?.map(|v| v.report),
                None => None,
            };
            Ok::<_, db::DbError>((
                db::inspections::find(c, id)?.ok_or(db::DbError::NotFound)?,
                review,
                db::review::reviewers(c, id)?,
                db::review::comments(c, id)?,
                db::report::versions(c, id)?,
                db::inspections::team(c, id)?,
                db::review::final_report(c, id)?,
                report,
                db::review::document_names(c, id)?,
            ))
        })
        .await?;
    let is_reviewer = matches!(who, Viewer::Reviewer(_));
    let may_lead = actor.may(role, Permission::DecideOutcome);
    let in_check = inspection.status == Status::FactualAccuracyCheck;
    let now = db::now();
    let published = review
        .as_ref()
        .is_some_and(|r| r.answers_published_at.is_some());
    let visible: Vec<&Comment> = comments
        .iter()
        .filter(|c| who.may_see(c.organisation))
        // Inspectors see what has been sent; a reviewer also sees their drafts.
        .filter(|c| c.submitted_at.is_some() || is_reviewer)
        .collect();
    let typed = typed.unwrap_or_default();
    let refused = typed.answer.as_ref();
    let comment_views: Vec<CommentView> = visible
        .iter()
        .map(|c| {
            let shown = c
                .answer
                .as_ref()
                .filter(|_| !is_reviewer || published)
                .map(answer_text);
            CommentView {
                id: c.id,
                paragraph: c.paragraph_number,
                organisation: organisation_label(c.organisation, &inspection),
                kind: c.kind.label(),
                comment: c.comment.clone(),
                correction: c.correction.clone(),
                document: documents.get(&c.id).cloned(),
                sent: c.submitted_at.is_some(),
                mine: c.author_id == Some(user),
                error: refused
                    .filter(|a| a.comment == c.id)
                    .map(|a| a.message.clone()),
                error_at: refused.filter(|a| a.comment == c.id).map_or("", |a| a.at),
                typed_reason: refused
                    .filter(|a| a.comment == c.id)
                    .map(|a| a.reason.clone())
                    .unwrap_or_default(),
                answer_kind: shown.as_ref().map(|a| a.0),
                answer: shown.as_ref().map(|a| a.1.clone()),
                answer_version: shown.and_then(|a| a.2),
            }
        })
        .collect();
    let unanswered = comments
        .iter()
        .filter(|c| c.submitted_at.is_some() && c.answer.is_none())
        .count();
    let reviewed = review.as_ref().map(|r| r.version_number).unwrap_or(0);
    let latest = versions.iter().map(|v| v.number).max().unwrap_or(0);

    let units = report.as_ref().map(|r| r.units()).unwrap_or_default();
    let view = ReviewView {
        max_upload_mb: state.config.max_upload_bytes / (1024 * 1024),
        inspection: inspection_ref(state, id).await?,
        stage: inspection.status.label(),
        is_reviewer,
        may_lead,
        may_answer: actor.may(role, Permission::RecordFindings) && in_check,
        in_check,
        is_final: inspection.status == Status::Final,
        final_version: final_report.map(|f| f.0),
        published_on: final_report.map(|f| f.1.format("%-d %B %Y").to_string()),
        may_send: may_lead && inspection.status == Status::Draft,
        versions: versions
            .iter()
            .rev()
            .map(|v| Choice {
                value: v.number.to_string(),
                label: format!("Version {}", v.number),
                checked: v.number == latest,
            })
            .collect(),
        reviewer_choices: team
            .iter()
            .filter(|m| matches!(m.role, Role::CouncilReviewer | Role::IcbReviewer))
            .map(|m| Choice {
                value: m.user_id.to_string(),
                label: format!(
                    "{} ({})",
                    m.display_name,
                    m.icb_name
                        .clone()
                        .unwrap_or_else(|| inspection.partnership.council_name.clone())
                ),
                checked: true,
            })
            .collect(),
        working_days: state
            .catalogue
            .framework
            .settings
            .factual_accuracy_check_working_days,
        sent: review.is_some(),
        version: reviewed,
        closes: review
            .as_ref()
            .map(|r| london_text(r.closes_at))
            .unwrap_or_default(),
        open: review.as_ref().is_some_and(|r: &Review| now < r.closes_at) && in_check,
        extensions: review.as_ref().map(|r| r.extensions).unwrap_or(0),
        answers_published: published,
        reviewers: reviewers
            .iter()
            .map(|r| ReviewerView {
                name: r.name.clone(),
                organisation: organisation_label(r.organisation, &inspection),
                sent: r.submitted_at.is_some(),
            })
            .collect(),
        comments: comment_views,
        unanswered,
        later_versions: versions
            .iter()
            .filter(|v| v.number > reviewed)
            .map(|v| Choice {
                value: v.number.to_string(),
                label: format!("Version {}", v.number),
                checked: v.number == latest,
            })
            .collect(),
        paragraphs: units
            .iter()
            .map(|u| ParagraphView {
                id: u.id.to_string(),
                number: u.number,
                heading: u.heading.to_string(),
                text: u.text.clone(),
            })
            .collect(),
        paragraph_choices: units
            .iter()
            .map(|u| Choice {
                value: u.id.to_string(),
                label: format!(
                    "{}: {}",
                    u.number,
                    u.text.chars().take(60).collect::<String>()
                ),
                checked: u.id == typed.paragraph,
            })
            .collect(),
        kinds: CommentKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: k.label().into(),
                checked: k.as_str() == typed.kind,
            })
            .collect(),
        i_have_sent: reviewers
            .iter()
            .any(|r| r.user_id == user && r.submitted_at.is_some()),
        organisation_choices: std::iter::once((
            "council".to_string(),
            inspection.partnership.council_name.clone(),
        ))
        .chain(
            inspection
                .partnership
                .icbs
                .iter()
                .map(|i| (format!("icb:{}", i.id), i.name.clone())),
        )
        .map(|(value, label)| Choice {
            checked: value == typed.reviewer_organisation,
            value,
            label,
        })
        .collect(),
        typed_reviewer_name: typed.reviewer_name,
        typed_reviewer_email: typed.reviewer_email,
        typed_comment: typed.comment,
        typed_correction: typed.correction,
    };
    let title = if is_reviewer {
        "Check the draft report"
    } else {
        "Factual accuracy check"
    };
    Page::for_user(me, title, view)?
        .with_errors(errors)
        .render(state, status, "review/page")
}

pub async fn page(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    review_page(&state, &me, path.into_inner(), None, vec![], StatusCode::OK).await
}

/// The form field a refusal belongs to.
fn field_of(r: &ReviewRefusal) -> &'static str {
    match r {
        ReviewRefusal::NoVersion => "version",
        ReviewRefusal::BadFinalVersion | ReviewRefusal::MissesAcceptedChanges(_) => "final_version",
        ReviewRefusal::NoPublicationDate => "published_day",
        ReviewRefusal::NoReviewers | ReviewRefusal::NotAReviewer => "reviewers",
        ReviewRefusal::BadWorkingDays | ReviewRefusal::Days(_) => "working_days",
        ReviewRefusal::Comment(CommentProblem::Closed(_) | CommentProblem::AlreadySubmitted) => {
            "comments"
        }
        ReviewRefusal::Comment(c) => c.field(),
        // Each comment has its own answer form; without knowing which, the list.
        ReviewRefusal::Answer(_) => "comments",
        ReviewRefusal::Final(_) => "finalise",
        ReviewRefusal::NotADraft | ReviewRefusal::NotInCheck => "review",
        ReviewRefusal::InviteOnlyWhileDrafting => "review",
    }
}

/// After a POST: back to the page, or the page again with the refusal shown.
async fn done(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    result: Result<(), AppError>,
    typed: Option<Typed>,
) -> Result<HttpResponse, WebError> {
    match result {
        Ok(()) => Ok(see_other(&format!("/inspections/{id}/review"))),
        Err(AppError::Refused(Refusal::Review(r))) => {
            // An answer's error points at that comment's own field, and is shown there.
            let (field, typed) = match (&r, typed) {
                (ReviewRefusal::Answer(problem), Some(mut t)) => {
                    let at = problem.field();
                    match t.answer.as_mut() {
                        Some(a) => {
                            a.at = at;
                            a.message = r.to_string();
                            (format!("{at}-{}", a.comment), Some(t))
                        }
                        None => (field_of(&r).to_string(), Some(t)),
                    }
                }
                (_, typed) => (field_of(&r).to_string(), typed),
            };
            let errors = vec![FieldError::new(&field, &r)];
            review_page(
                state,
                me,
                id,
                typed,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

fn number(form: &CheckedForm, name: &str) -> Option<i32> {
    form.text(name).trim().parse().ok()
}

pub async fn send(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DecideOutcome).await?;
    let reviewers: Vec<i32> = posted
        .all("reviewers")
        .iter()
        .filter_map(|r| r.parse().ok())
        .collect();
    let version = number(&posted, "version");
    let days = posted
        .text("working_days")
        .trim()
        .parse::<u32>()
        .unwrap_or(0);
    let actor = me.user.actor();
    let s = state.clone();
    let result = db::run(&state.pool, move |c| {
        let sending = Sending {
            version,
            reviewers: &reviewers,
            working_days: days,
        };
        app::review::send(
            c,
            &actor,
            &s.catalogue.holidays,
            &s.review_mail(),
            id,
            &sending,
        )
        .map(|_| ())
    })
    .await;
    done(&state, &me, id, result, None).await
}

pub async fn extend(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DecideOutcome).await?;
    let days = posted
        .text("working_days")
        .trim()
        .parse::<u32>()
        .unwrap_or(0);
    let actor = me.user.actor();
    let s = state.clone();
    let result = db::run(&state.pool, move |c| {
        app::review::extend(c, &actor, &s.catalogue.holidays, &s.review_mail(), id, days)
            .map(|_| ())
    })
    .await;
    done(&state, &me, id, result, None).await
}

pub async fn add_comment(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    posted: CheckedUpload,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    as_reviewer(&state, &me, id).await?;
    let typed = Typed {
        comment: posted.text("comment").to_string(),
        correction: posted.text("correction").to_string(),
        paragraph: posted.text("paragraph").to_string(),
        kind: posted.text("kind").to_string(),
        answer: None,
        ..Typed::default()
    };
    // A supporting document is checked as evidence documents are: its content
    // must be a kind of document kept here, whatever its name says.
    let document = match posted.files_in("document").next() {
        None => None,
        Some(file) => match check_file(
            &file.file_name,
            &file.bytes,
            infer::get(&file.bytes).map(|t| t.mime_type()),
            state.config.max_upload_bytes,
        ) {
            Ok((file_name, file_type)) => Some(CommentDocument {
                file_name,
                media_type: file_type.media_type().to_string(),
                content: file.bytes.clone(),
            }),
            Err(e) => {
                let errors = vec![FieldError::new("document", &e)];
                return review_page(
                    &state,
                    &me,
                    id,
                    Some(typed),
                    errors,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        },
    };
    let (p, k, c, x) = (
        typed.paragraph.clone(),
        typed.kind.clone(),
        typed.comment.clone(),
        typed.correction.clone(),
    );
    let user = me.user.id;
    let result = db::run(&state.pool, move |conn| {
        let form = app::review::CommentForm {
            paragraph: &p,
            kind: &k,
            comment: &c,
            correction: &x,
            document: document.as_ref(),
        };
        app::review::save_comment(conn, user, id, &form).map(|_| ())
    })
    .await;
    done(&state, &me, id, result, Some(typed)).await
}

/// The lead invites a partnership officer who has no account: they join the team
/// as a reviewer and are emailed a single-use link to set their password.
pub async fn invite_reviewer(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    use crate::domain::account::NewAccount;
    use rand::RngCore;
    let id = path.into_inner();
    require(&state, &me, id, Permission::DecideOutcome).await?;
    let typed = Typed {
        reviewer_name: posted.text("reviewer_name").to_string(),
        reviewer_email: posted.text("reviewer_email").to_string(),
        reviewer_organisation: posted.text("reviewer_organisation").to_string(),
        ..Typed::default()
    };
    let inspection = db::read(&state.pool, move |c| db::inspections::find(c, id))
        .await?
        .ok_or(WebError::NotFound)?;
    let chosen = typed.reviewer_organisation.as_str();
    let organisation = if chosen == "council" {
        Some((
            Role::CouncilReviewer,
            None,
            inspection.partnership.council_name.clone(),
        ))
    } else {
        inspection
            .partnership
            .icbs
            .iter()
            .find(|i| chosen.strip_prefix("icb:") == Some(i.id.to_string().as_str()))
            .map(|i| (Role::IcbReviewer, Some(i.id), i.name.clone()))
    };
    let mut errors = vec![];
    let account = NewAccount::parse(
        &typed.reviewer_email,
        &typed.reviewer_name,
        organisation.as_ref().map_or("-", |o| o.2.as_str()),
        "partnership",
        false,
    );
    if let Err(e) = &account {
        errors.push(FieldError::new(
            &format!("reviewer_{}", reviewer_field(e)),
            e,
        ));
    }
    if organisation.is_none() {
        errors.push(FieldError::new(
            "reviewer_organisation",
            "Choose the organisation the reviewer checks the draft for",
        ));
    }
    let (Ok(account), Some((role, icb_id, _)), true) = (account, organisation, errors.is_empty())
    else {
        return review_page(
            &state,
            &me,
            id,
            Some(typed),
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let mut random = [0u8; crate::domain::password_link::TOKEN_CHARS];
    rand::rngs::OsRng.fill_bytes(&mut random);
    let actor = me.user.actor();
    let s = state.clone();
    let result = db::run(&state.pool, move |c| {
        app::review::invite_reviewer(
            c,
            &actor,
            &s.review_mail(),
            id,
            &app::review::NewReviewer {
                account: &account,
                role,
                icb_id,
            },
            &random,
        )
    })
    .await;
    match result {
        Ok(_) => Ok(see_other(&format!("/inspections/{id}/review#reviewers"))),
        Err(AppError::Refused(r)) => {
            let field = match &r {
                Refusal::Account(e) => format!("reviewer_{}", reviewer_field(e)),
                // The form is gone once the draft is sent: name the page's heading.
                Refusal::Review(ReviewRefusal::InviteOnlyWhileDrafting) => "review".to_string(),
                _ => "reviewer_email".to_string(),
            };
            review_page(
                &state,
                &me,
                id,
                Some(typed),
                vec![FieldError::new(&field, &r)],
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

fn reviewer_field(e: &crate::domain::account::AccountError) -> &'static str {
    match e.field() {
        "display_name" => "name",
        "organisation" => "organisation",
        _ => "email",
    }
}

/// A comment's supporting document: for the inspectors once the comment is sent,
/// and for the reviewers of the organisation that wrote it.
pub async fn comment_document(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, WebError> {
    let (id, comment_id) = path.into_inner();
    let (_, who) = viewer(&state, &me, id).await?;
    let found = db::read(&state.pool, move |c| {
        Ok::<_, db::DbError>(match db::review::comment(c, comment_id)? {
            Some(comment) if comment.inspection_id == id => {
                Some((comment, db::review::document(c, comment_id)?))
            }
            _ => None,
        })
    })
    .await?;
    let Some((comment, Some(document))) = found else {
        return Err(WebError::NotFound);
    };
    let visible = match who {
        Viewer::Inspector => comment.submitted_at.is_some(),
        Viewer::Reviewer(_) => who.may_see(comment.organisation),
    };
    if !visible {
        return Err(WebError::NotFound);
    }
    Ok(HttpResponse::Ok()
        .content_type(document.media_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", document.file_name),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(document.content))
}

pub async fn delete_comment(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
    _posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, comment) = path.into_inner();
    viewer(&state, &me, id).await?;
    let user = me.user.id;
    let result = db::run(&state.pool, move |c| {
        app::review::delete_comment(c, user, id, comment)
    })
    .await;
    done(&state, &me, id, result, None).await
}

pub async fn submit(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    _posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    as_reviewer(&state, &me, id).await?;
    let user = me.user.id;
    let result = db::run(&state.pool, move |c| {
        app::review::submit_comments(c, user, id)
    })
    .await;
    done(&state, &me, id, result, None).await
}

pub async fn answer(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, comment) = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    let kind = posted.text("answer").to_string();
    let reason = posted.text("reason").to_string();
    let version = number(&posted, "version");
    let actor = me.user.actor();
    let typed = Typed {
        answer: Some(AnswerTyped {
            comment,
            reason: reason.clone(),
            at: "answer",
            message: String::new(),
        }),
        ..Typed::default()
    };
    let result = db::run(&state.pool, move |c| {
        app::review::answer(c, &actor, id, comment, &kind, &reason, version)
    })
    .await;
    done(&state, &me, id, result, Some(typed)).await
}

pub async fn publish(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    _posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DecideOutcome).await?;
    let actor = me.user.actor();
    let s = state.clone();
    let result = db::run(&state.pool, move |c| {
        app::review::publish_answers(c, &actor, &s.review_mail(), id)
    })
    .await;
    done(&state, &me, id, result, None).await
}

pub async fn finalise(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    posted: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DecideOutcome).await?;
    let version = number(&posted, "version");
    let published = parse_date_parts(
        posted.text("published_day"),
        posted.text("published_month"),
        posted.text("published_year"),
    )
    .ok()
    .flatten();
    let actor = me.user.actor();
    let s = state.clone();
    let result = db::run(&state.pool, move |c| {
        app::review::finalise(c, &actor, &s.review_mail(), id, version, published)
    })
    .await;
    done(&state, &me, id, result, None).await
}

/// One sent comment and its answer, as the comment log records it.
struct LogRow {
    paragraph: i32,
    organisation: String,
    kind: &'static str,
    comment: String,
    correction: String,
    document: Option<String>,
    answer: &'static str,
    answered: bool,
    reason: String,
    version: Option<i32>,
}

/// The comment log's rows (sent comments only) and the council's name.
async fn comment_log(state: &AppState, id: i32) -> Result<(String, Vec<LogRow>), WebError> {
    let (inspection, comments, documents) = db::read(&state.pool, move |c| {
        Ok::<_, db::DbError>((
            db::inspections::find(c, id)?.ok_or(db::DbError::NotFound)?,
            db::review::comments(c, id)?,
            db::review::document_names(c, id)?,
        ))
    })
    .await?;
    let rows = comments
        .iter()
        .filter(|c| c.submitted_at.is_some())
        .map(|c| {
            let (answer, reason, version) = c.answer.as_ref().map(answer_text).unwrap_or((
                "Not answered yet",
                String::new(),
                None,
            ));
            LogRow {
                paragraph: c.paragraph_number,
                organisation: organisation_label(c.organisation, &inspection),
                kind: c.kind.label(),
                comment: c.comment.clone(),
                correction: c.correction.clone(),
                document: documents.get(&c.id).cloned(),
                answer,
                answered: c.answer.is_some(),
                reason,
                version,
            }
        })
        .collect();
    Ok((inspection.partnership.council_name, rows))
}

fn attachment(content_type: &str, file_name: String, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes)
}

/// The comment log as CSV, for the record (inspectors only).
pub async fn log_csv(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewDrafts).await?;
    let (_, rows) = comment_log(&state, id).await?;
    let mut out = csv::Writer::from_writer(vec![]);
    let csv_error = |e: csv::Error| WebError::unexpected(e);
    out.write_record([
        "paragraph",
        "organisation",
        "kind",
        "comment",
        "proposed_correction",
        "supporting_document",
        "answer",
        "answer_reason",
        "changed_in_version",
    ])
    .map_err(csv_error)?;
    for r in &rows {
        out.write_record([
            r.paragraph.to_string(),
            r.organisation.clone(),
            r.kind.to_string(),
            crate::export::neutralise(&r.comment),
            crate::export::neutralise(&r.correction),
            crate::export::neutralise(r.document.as_deref().unwrap_or("")),
            r.answer.to_string(),
            crate::export::neutralise(&r.reason),
            r.version.map(|v| v.to_string()).unwrap_or_default(),
        ])
        .map_err(csv_error)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| WebError::unexpected(anyhow::anyhow!("{e}")))?;
    Ok(attachment(
        "text/csv; charset=utf-8",
        format!("factual-accuracy-comments-{id}.csv"),
        bytes,
    ))
}

/// The comment log as a Word document, for the record (inspectors only): each
/// comment under its own heading, with its answer.
pub async fn log_docx(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    use crate::export::docx::{record_docx, RecordEntry, MIME};
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewDrafts).await?;
    let (council, rows) = comment_log(&state, id).await?;
    let title = format!("Factual accuracy comments: {council}");
    let entries: Vec<RecordEntry<'_>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut fields = vec![
                ("Paragraph", r.paragraph.to_string()),
                ("From", r.organisation.clone()),
                ("Kind", r.kind.to_string()),
                ("Comment", r.comment.clone()),
                ("Proposed correction", r.correction.clone()),
            ];
            if let Some(d) = &r.document {
                fields.push(("Supporting document", d.clone()));
            }
            fields.push(("Answer", r.answer.to_string()));
            if !r.reason.trim().is_empty() {
                fields.push(("Reason", r.reason.clone()));
            }
            if let Some(v) = r.version {
                fields.push(("Changed in version", v.to_string()));
            }
            RecordEntry {
                heading: format!("Comment {} on paragraph {}", i + 1, r.paragraph),
                fields,
            }
        })
        .collect();
    let answered = rows.iter().filter(|r| r.answered).count();
    let intro = vec![format!(
        "{} comment(s) sent by the partnership; {} answered.",
        rows.len(),
        answered
    )];
    let bytes = record_docx(&title, &intro, &entries, &title).map_err(WebError::unexpected)?;
    Ok(attachment(
        MIME,
        format!("factual-accuracy-comments-{id}.docx"),
        bytes,
    ))
}
