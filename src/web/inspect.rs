//! Inspection pages: the list, setting one up, its overview, its lifecycle and team.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use super::error::WebError;
use super::form::CheckedForm;
use super::session::{csrf_token, SignedIn};
use super::{field_error, render, see_other, AppState};
use crate::db::{self, inspections::NewInspection, DbError};
use crate::domain::access::{initial_inspectors, Permission, Role};
use crate::domain::account::UserKind;
use crate::domain::inspection::{
    allowed_transitions, parse_date_parts, DatePartsError, InspectionDates, InspectionKind, Status,
};

fn date_text(d: chrono::NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

pub async fn list(state: web::Data<AppState>, me: SignedIn) -> Result<HttpResponse, WebError> {
    let actor = me.user.actor();
    let rows = db::run(&state.pool, move |c| db::inspections::list_for(c, &actor)).await?;
    let inspections: Vec<Value> = rows
        .iter()
        .map(|i| {
            json!({
                "id": i.id,
                "council_name": i.council_name,
                "kind": i.kind.label(),
                "status": i.status.label(),
                "on_site_start": date_text(i.on_site_start),
                "role": i.role.map(|r| r.label()),
            })
        })
        .collect();
    let token = csrf_token(&me.session)?;
    render(
        &state,
        StatusCode::OK,
        "inspections/list",
        "Your inspections",
        Some(&me.user),
        &token,
        json!({ "inspections": inspections }),
    )
}

/// What the set-up form was given, echoed back when it has errors.
fn new_form_values(form: Option<&CheckedForm>) -> Value {
    let f = |name: &str| form.map(|f| f.text(name).to_string()).unwrap_or_default();
    json!({
        "partnership_id": f("partnership_id"),
        "kind": if f("kind").is_empty() { "full".to_string() } else { f("kind") },
        "dates": DATE_FIELDS.iter().map(|(field, ..)| {
            (field.to_string(), json!({ "day": f(&format!("{field}_day")), "month": f(&format!("{field}_month")), "year": f(&format!("{field}_year")) }))
        }).collect::<serde_json::Map<String, Value>>(),
        "lead_inspector_id": f("lead_inspector_id"),
        "inspector_ids": form.map(|f| f.all("inspector_ids")).unwrap_or_default(),
    })
}

async fn new_form(
    state: &AppState,
    me: &SignedIn,
    status: StatusCode,
    values: Value,
    errors: Vec<Value>,
) -> Result<HttpResponse, WebError> {
    let (partnerships, users) = db::run(&state.pool, |c| {
        Ok((db::partnerships::list(c)?, db::users::list(c)?))
    })
    .await?;
    let selected = |field: &str, id: i32| {
        values.get(field).and_then(Value::as_str) == Some(id.to_string().as_str())
    };
    let chosen: Vec<String> = values
        .get("inspector_ids")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let partnerships: Vec<Value> = partnerships
        .iter()
        .map(|p| {
            json!({
                "id": p.id,
                "label": format!("{} ({})", p.council_name, p.council_code),
                "selected": selected("partnership_id", p.id),
            })
        })
        .collect();
    let inspectors: Vec<Value> = users
        .iter()
        .filter(|u| u.kind == UserKind::Inspector)
        .map(|u| {
            json!({
                "id": u.id,
                "label": format!("{} ({})", u.display_name, u.organisation),
                "lead_selected": selected("lead_inspector_id", u.id),
                "checked": chosen.contains(&u.id.to_string()),
            })
        })
        .collect();
    let kinds: Vec<Value> = InspectionKind::ALL
        .iter()
        .map(|k| json!({ "value": k.as_str(), "label": k.label(), "checked": values.get("kind").and_then(Value::as_str) == Some(k.as_str()) }))
        .collect();
    let token = csrf_token(&me.session)?;
    let title = if errors.is_empty() {
        "Set up an inspection"
    } else {
        "Error: Set up an inspection"
    };
    render(
        state,
        status,
        "inspections/new",
        title,
        Some(&me.user),
        &token,
        json!({
            "values": values,
            "errors": errors,
            "partnerships": partnerships,
            "inspectors": inspectors,
            "kinds": kinds,
            "date_fields": DATE_FIELDS.iter().map(|(field, label, _, hint)| json!({
                "field": field,
                "label": label,
                "hint": hint,
                "value": values.get("dates").and_then(|d| d.get(*field)).cloned().unwrap_or(Value::Null),
            })).collect::<Vec<_>>(),
        }),
    )
}

pub async fn new_page(state: web::Data<AppState>, me: SignedIn) -> Result<HttpResponse, WebError> {
    if !me.user.actor().may_create_inspection() {
        return Err(WebError::Forbidden);
    }
    new_form(&state, &me, StatusCode::OK, new_form_values(None), vec![]).await
}

/// The date questions of the set-up form: field, label, words for messages, hint.
const DATE_FIELDS: [(&str, &str, &str, &str); 4] = [
    (
        "notified_on",
        "Date the partnership was notified",
        "the date the partnership was notified",
        "Usually a Monday. For example, 2 11 2026.",
    ),
    (
        "on_site_start",
        "First on-site day",
        "the first on-site day",
        "About 10 working days after notification. For example, 16 11 2026.",
    ),
    (
        "on_site_end",
        "Last on-site day",
        "the last on-site day",
        "For example, 20 11 2026.",
    ),
    (
        "previous_inspection_on",
        "Date of the previous area SEND inspection (optional)",
        "the date of the previous inspection",
        "Leave blank if there was none. For example, 8 3 2021.",
    ),
];

fn parse_id(s: &str) -> Option<i32> {
    s.trim().parse().ok()
}

/// Parse the set-up form into a [`NewInspection`], or the list of what is wrong.
fn parse_new_inspection(form: &CheckedForm) -> Result<NewInspection, Vec<Value>> {
    let mut errors = vec![];
    let partnership_id = parse_id(form.text("partnership_id"));
    if partnership_id.is_none() {
        errors.push(field_error(
            "partnership_id",
            "Choose the local area partnership",
        ));
    }
    let kind = InspectionKind::parse(form.text("kind"));
    if kind.is_none() {
        errors.push(field_error("kind", "Choose the kind of inspection"));
    }
    let mut date = |field: &str, required: bool| {
        let what = DATE_FIELDS
            .iter()
            .find(|(f, ..)| *f == field)
            .map(|(_, _, what, _)| *what)
            .unwrap_or(field);
        let part = |p: &str| form.text(&format!("{field}_{p}")).to_string();
        match parse_date_parts(&part("day"), &part("month"), &part("year")) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                if required {
                    errors.push(field_error(field, format!("Enter {what}")));
                }
                None
            }
            Err(DatePartsError::Missing(p)) => {
                errors.push(field_error(
                    field,
                    format!("{} must include a {p}", capitalise(what)),
                ));
                None
            }
            Err(DatePartsError::NotReal) => {
                errors.push(field_error(
                    field,
                    format!("{} must be a real date", capitalise(what)),
                ));
                None
            }
        }
    };
    let notified_on = date("notified_on", true);
    let on_site_start = date("on_site_start", true);
    let on_site_end = date("on_site_end", true);
    let previous_inspection_on = date("previous_inspection_on", false);
    let dates = match (notified_on, on_site_start, on_site_end) {
        (Some(n), Some(s), Some(e)) => match InspectionDates::new(n, s, e) {
            Ok(d) => Some(d),
            Err(err) => {
                errors.push(field_error("on_site_start", err));
                None
            }
        },
        _ => None,
    };
    let previous_inspection_on = match dates.map(|d| d.check_previous(previous_inspection_on)) {
        Some(Err(err)) => {
            errors.push(field_error("previous_inspection_on", err));
            None
        }
        Some(Ok(p)) => p,
        None => previous_inspection_on,
    };
    let lead_inspector_id = parse_id(form.text("lead_inspector_id"));
    if lead_inspector_id.is_none() {
        errors.push(field_error(
            "lead_inspector_id",
            "Choose the lead inspector",
        ));
    }
    let mut inspector_ids = vec![];
    for raw in form.all("inspector_ids") {
        match parse_id(raw) {
            Some(id) => inspector_ids.push(id),
            None => {
                errors.push(field_error(
                    "inspector_ids",
                    "Choose inspectors from the list",
                ));
                break;
            }
        }
    }
    match (partnership_id, kind, dates, lead_inspector_id) {
        (Some(partnership_id), Some(kind), Some(dates), Some(lead_inspector_id))
            if errors.is_empty() =>
        {
            Ok(NewInspection {
                partnership_id,
                kind,
                dates,
                previous_inspection_on,
                lead_inspector_id,
                inspector_ids,
            })
        }
        _ => Err(errors),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub async fn create(
    state: web::Data<AppState>,
    me: SignedIn,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let actor = me.user.actor();
    if !actor.may_create_inspection() {
        return Err(WebError::Forbidden);
    }
    let values = new_form_values(Some(&form));
    let new = match parse_new_inspection(&form) {
        Ok(mut new) => {
            new.inspector_ids =
                initial_inspectors(&actor, new.lead_inspector_id, &new.inspector_ids);
            new
        }
        Err(errors) => {
            return new_form(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                values,
                errors,
            )
            .await
        }
    };
    match db::run(&state.pool, move |c| {
        db::inspections::create(c, &new, &actor)
    })
    .await
    {
        Ok(id) => Ok(see_other(&format!("/inspections/{id}"))),
        Err(DbError::RefusedField(field, message)) => {
            new_form(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                values,
                vec![field_error(field, message)],
            )
            .await
        }
        Err(DbError::Refused(message)) => {
            new_form(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                values,
                vec![field_error("partnership_id", message)],
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Load the actor's role, refusing anyone who may not see the inspection with a
/// 404 (so its existence is not revealed).
async fn access(state: &AppState, me: &SignedIn, id: i32) -> Result<Option<Role>, WebError> {
    let user_id = me.user.id;
    let role = db::run(&state.pool, move |c| {
        db::inspections::role_of(c, id, user_id)
    })
    .await?;
    if me.user.actor().may(role, Permission::ViewInspection) {
        Ok(role)
    } else {
        Err(WebError::NotFound)
    }
}

/// Render the overview, with any problems from a refused change.
async fn overview_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<Value>,
) -> Result<HttpResponse, WebError> {
    let role = access(state, me, id).await?;
    let actor = me.user.actor();
    let may_see_evidence = actor.may(role, Permission::ViewEvidence);
    let may_change_status = actor.may(role, Permission::ChangeStatus);
    let may_manage_team = actor.may(role, Permission::ManageTeam);
    let (inspection, team, audit, users) = db::run(&state.pool, move |c| {
        let inspection = db::inspections::find(c, id)?.ok_or(DbError::NotFound)?;
        let team = db::inspections::team(c, id)?;
        let audit = if may_see_evidence {
            db::audit::for_inspection(c, id, 50)?
        } else {
            vec![]
        };
        let users = if may_manage_team {
            db::users::list(c)?
        } else {
            vec![]
        };
        Ok((inspection, team, audit, users))
    })
    .await?;
    let stages: Vec<Value> = Status::ALL
        .iter()
        .map(|s| {
            json!({
                "label": s.label(),
                "current": *s == inspection.status,
                "done": *s < inspection.status,
            })
        })
        .collect();
    let actions: Vec<Value> = if may_change_status {
        allowed_transitions(inspection.status)
            .into_iter()
            .map(|to| json!({ "to": to.as_str(), "label": to.action_label(), "forward": to > inspection.status }))
            .collect()
    } else {
        vec![]
    };
    let final_locked = inspection.status == Status::Final;
    let team_view: Vec<Value> = team
        .iter()
        .map(|m| {
            json!({
                "membership_id": m.membership_id,
                "display_name": m.display_name,
                "email": m.email,
                "organisation": m.organisation,
                "role": m.role.label(),
                "icb_name": m.icb_name,
                "removable": may_manage_team && !final_locked && m.role != Role::LeadInspector,
            })
        })
        .collect();
    let candidates: Vec<Value> = users
        .iter()
        .filter(|u| !team.iter().any(|m| m.user_id == u.id))
        .map(|u| json!({ "id": u.id, "label": format!("{} ({}, {})", u.display_name, u.organisation, u.email) }))
        .collect();
    let roles: Vec<Value> = Role::ALL
        .iter()
        .filter(|r| **r != Role::LeadInspector)
        .map(|r| json!({ "value": r.as_str(), "label": r.label() }))
        .collect();
    let icbs: Vec<Value> = inspection
        .partnership
        .icbs
        .iter()
        .map(|i| json!({ "id": i.id, "label": format!("{} ({})", i.name, i.code) }))
        .collect();
    let audit_view: Vec<Value> = audit
        .iter()
        .map(|a| {
            let detail: Value = serde_json::from_str(&a.detail).unwrap_or(Value::Null);
            let (what, detail) = crate::domain::audit::describe(&a.action, &detail);
            json!({
                "at": a.at.format("%-d %b %Y %H:%M UTC").to_string(),
                "actor": a.actor.clone().unwrap_or_else(|| "The service".into()),
                "what": what,
                "detail": detail,
            })
        })
        .collect();
    let title = format!(
        "{}{}: {}",
        if errors.is_empty() { "" } else { "Error: " },
        inspection.partnership.council_name,
        inspection.kind.label()
    );
    let token = csrf_token(&me.session)?;
    render(
        state,
        status,
        "inspections/overview",
        &title,
        Some(&me.user),
        &token,
        json!({
            "errors": errors,
            "inspection": {
                "id": inspection.id,
                "kind": inspection.kind.label(),
                "status": inspection.status.label(),
                "what_happens_now": inspection.status.what_happens_now(),
                "notified_on": date_text(inspection.dates.notified_on),
                "on_site_start": date_text(inspection.dates.on_site_start),
                "on_site_end": date_text(inspection.dates.on_site_end),
                "working_days_before_on_site": inspection.dates.working_days_before_on_site(),
                "previous_inspection_on": inspection.previous_inspection_on.map(date_text),
                "council_name": inspection.partnership.council_name,
                "council_code": inspection.partnership.council_code,
                "icbs": inspection.partnership.icbs.iter().map(|i| json!({ "name": i.name, "code": i.code })).collect::<Vec<_>>(),
            },
            "my_role": role.map(|r| r.label()),
            "stages": stages,
            "actions": actions,
            "team": team_view,
            "may_manage_team": may_manage_team && !final_locked,
            "candidates": candidates,
            "roles": roles,
            "icb_choices": icbs,
            "audit": audit_view,
            "may_see_audit": may_see_evidence,
        }),
    )
}

pub async fn overview(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    overview_page(&state, &me, path.into_inner(), StatusCode::OK, vec![]).await
}

/// Check a permission on an inspection: 404 for outsiders, 403 for members without it.
async fn require(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    permission: Permission,
) -> Result<(), WebError> {
    let role = access(state, me, id).await?;
    if me.user.actor().may(role, permission) {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

/// Show a refused change on the overview page; pass other errors on.
async fn refused_or(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    field: &str,
    result: Result<(), DbError>,
    done: &str,
) -> Result<HttpResponse, WebError> {
    match result {
        Ok(()) => Ok(see_other(done)),
        Err(DbError::Refused(message) | DbError::RefusedField(_, message)) => {
            overview_page(
                state,
                me,
                id,
                StatusCode::CONFLICT,
                vec![field_error(field, message)],
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn change_status(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ChangeStatus).await?;
    let Some(to) = Status::parse(form.text("to")) else {
        return Err(WebError::BadRequest(
            "Choose one of the next steps shown on the page.".into(),
        ));
    };
    let actor = me.user.actor();
    let forms: Vec<(String, u32)> = state
        .catalogue
        .forms
        .iter()
        .map(|f| (f.id.clone(), f.version))
        .collect();
    let result = db::run(&state.pool, move |c| {
        db::inspections::change_status(c, id, to, &actor, &forms).map(|_| ())
    })
    .await;
    refused_or(
        &state,
        &me,
        id,
        "status",
        result,
        &format!("/inspections/{id}"),
    )
    .await
}

pub async fn add_member(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ManageTeam).await?;
    let mut errors = vec![];
    let user_id = parse_id(form.text("user_id"));
    if user_id.is_none() {
        errors.push(field_error("user_id", "Choose a person to add"));
    }
    let role = Role::parse(form.text("role"));
    if role.is_none() {
        errors.push(field_error("role", "Choose their role"));
    }
    let icb_text = form.text("icb_id");
    let icb_id = if icb_text.is_empty() {
        None
    } else {
        parse_id(icb_text)
    };
    if !icb_text.is_empty() && icb_id.is_none() {
        errors.push(field_error(
            "icb_id",
            "Choose one of this partnership's ICBs",
        ));
    }
    let (Some(user_id), Some(role)) = (user_id, role) else {
        return overview_page(&state, &me, id, StatusCode::UNPROCESSABLE_ENTITY, errors).await;
    };
    if !errors.is_empty() {
        return overview_page(&state, &me, id, StatusCode::UNPROCESSABLE_ENTITY, errors).await;
    }
    // An ICB is only meaningful for an ICB reviewer; ignore one sent with another role
    // from the shared form rather than refusing.
    let icb_id = if role == Role::IcbReviewer {
        icb_id
    } else {
        None
    };
    let actor = me.user.actor();
    let result = db::run(&state.pool, move |c| {
        db::inspections::add_membership(c, id, user_id, role, icb_id, &actor)
    })
    .await;
    // Refusals point at the team section, which is there even when the add form is not.
    refused_or(
        &state,
        &me,
        id,
        "team",
        result,
        &format!("/inspections/{id}#team"),
    )
    .await
}

pub async fn remove_member(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
    _form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, membership_id) = path.into_inner();
    require(&state, &me, id, Permission::ManageTeam).await?;
    let actor = me.user.actor();
    let result = db::run(&state.pool, move |c| {
        db::inspections::remove_membership(c, id, membership_id, &actor)
    })
    .await;
    refused_or(
        &state,
        &me,
        id,
        "team",
        result,
        &format!("/inspections/{id}#team"),
    )
    .await
}

/// The inspection's surveys: links to share, how many have started and finished,
/// and a count of answers to each question (full collation comes later).
pub async fn surveys(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let (inspection, surveys) = db::run(&state.pool, move |c| {
        let inspection = db::inspections::find(c, id)?.ok_or(DbError::NotFound)?;
        let mut surveys = vec![];
        for survey in db::surveys::for_inspection(c, id)? {
            let (started, completed) = db::surveys::counts(c, survey.id)?;
            let counts = db::surveys::answer_counts(c, survey.id)?;
            surveys.push((survey, started, completed, counts));
        }
        Ok((inspection, surveys))
    })
    .await?;
    let base = state.config.base_url.clone();
    let views: Vec<Value> = surveys
        .iter()
        .filter_map(|(survey, started, completed, counts)| {
            let form = state.catalogue.form(&survey.form_id)?;
            let count_of = |q: &str, o: Option<&str>| {
                counts
                    .iter()
                    .filter(|(cq, co, _)| cq == q && co.as_deref() == o)
                    .map(|(_, _, n)| *n)
                    .sum::<i64>()
            };
            let questions: Vec<Value> = form
                .questions()
                .map(|(_, q)| {
                    let mut options: Vec<Value> = crate::domain::response::accepted_options(form, q)
                        .iter()
                        .map(|o| {
                            let label = form
                                .options_of(q)
                                .iter()
                                .find(|opt| &opt.id == o)
                                .map(|opt| opt.text.get("en").to_string())
                                .or_else(|| form.presentation.dont_understand.as_ref().map(|d| d.text.get("en").to_string()))
                                .unwrap_or_else(|| o.clone());
                            json!({ "label": label, "count": count_of(&q.id, Some(o)) })
                        })
                        .collect();
                    if !q.kind.is_choice() {
                        options.push(json!({ "label": "Answered", "count": count_of(&q.id, None) }));
                    }
                    json!({ "id": q.id, "text": q.text.get("en"), "criteria": q.criteria.join(", "), "options": options })
                })
                .collect();
            Some(json!({
                "title": form.title.get("en"),
                "audience": form.audience.label(),
                "open": survey.is_open(),
                "open_link": format!("{base}/s/{}", survey.open_link_token),
                "kiosk_link": format!("{base}/s/{}", survey.kiosk_token),
                "started": started,
                "completed": completed,
                "questions": questions,
            }))
        })
        .collect();
    let token = csrf_token(&me.session)?;
    render(
        &state,
        StatusCode::OK,
        "inspections/surveys",
        &format!("Surveys: {}", inspection.partnership.council_name),
        Some(&me.user),
        &token,
        json!({ "inspection": { "id": id, "council_name": inspection.partnership.council_name, "status": inspection.status.label() }, "surveys": views }),
    )
}
