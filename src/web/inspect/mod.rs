//! Inspectors' pages: the list, setting an inspection up, its overview, its
//! lifecycle and team, and its surveys.

pub mod distribution;
pub mod evidence;
pub mod export;
pub mod free_text;
pub mod judging;
pub mod matrix;
pub mod monitoring;
pub mod report;
pub mod results;
pub mod review;
pub mod surveys;

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::error::WebError;
use super::form::CheckedForm;
use super::page::{see_other, FieldError, Page};
use super::session::SignedIn;
use super::AppState;
use crate::app::{self, AppError};
use crate::db;
use crate::domain::access::{Permission, Role};
use crate::domain::account::UserKind;
use crate::domain::inspection::{
    allowed_transitions, parse_date_parts, DatePartsError, InspectionDates, InspectionKind,
    NewInspection, Status,
};
use crate::domain::refusal::Refusal;
use crate::domain::team::{Slot, TeamError};

pub fn date_text(d: chrono::NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

#[derive(Serialize)]
struct ListRow {
    id: i32,
    council_name: String,
    kind: &'static str,
    status: &'static str,
    on_site_start: String,
    role: Option<&'static str>,
}

#[derive(Serialize)]
struct ListView {
    inspections: Vec<ListRow>,
}

pub async fn list(state: web::Data<AppState>, me: SignedIn) -> Result<HttpResponse, WebError> {
    let actor = me.user.actor();
    let rows = db::run(&state.pool, move |c| db::inspections::list_for(c, &actor)).await?;
    let view = ListView {
        inspections: rows
            .iter()
            .map(|i| ListRow {
                id: i.id,
                council_name: i.council_name.clone(),
                kind: i.kind.label(),
                status: i.status.label(),
                on_site_start: date_text(i.on_site_start),
                role: i.role.map(|r| r.label()),
            })
            .collect(),
    };
    Page::for_user(&me, "Your inspections", view)?.render(
        &state,
        StatusCode::OK,
        "inspections/list",
    )
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

/// What the set-up form was given, shown again when it has errors.
#[derive(Default)]
struct NewValues {
    fields: BTreeMap<String, String>,
    inspector_ids: Vec<String>,
}

impl NewValues {
    fn from_form(form: &CheckedForm) -> Self {
        Self {
            fields: form
                .pairs()
                .iter()
                .filter(|(k, _)| k != "inspector_ids" && k != "csrf_token")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            inspector_ids: form
                .all("inspector_ids")
                .into_iter()
                .map(String::from)
                .collect(),
        }
    }

    fn get(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }
}

#[derive(Serialize)]
struct Choice {
    id: i32,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
struct InspectorChoice {
    id: i32,
    label: String,
    lead_selected: bool,
    checked: bool,
}

#[derive(Serialize)]
struct KindChoice {
    value: &'static str,
    label: &'static str,
    checked: bool,
}

#[derive(Serialize)]
struct DateParts {
    day: String,
    month: String,
    year: String,
}

#[derive(Serialize)]
struct DateField {
    field: &'static str,
    label: &'static str,
    hint: &'static str,
    value: DateParts,
}

#[derive(Serialize)]
struct NewView {
    partnerships: Vec<Choice>,
    inspectors: Vec<InspectorChoice>,
    kinds: Vec<KindChoice>,
    date_fields: Vec<DateField>,
}

async fn new_form(
    state: &AppState,
    me: &SignedIn,
    status: StatusCode,
    values: NewValues,
    errors: Vec<FieldError>,
) -> Result<HttpResponse, WebError> {
    let (partnerships, users) = db::run(&state.pool, |c| {
        Ok::<_, db::DbError>((db::partnerships::list(c)?, db::users::list(c)?))
    })
    .await?;
    let kind = match values.get("kind") {
        "" => "full",
        k => k,
    };
    let view = NewView {
        partnerships: partnerships
            .iter()
            .map(|p| Choice {
                id: p.id,
                label: format!("{} ({})", p.council_name, p.council_code),
                selected: values.get("partnership_id") == p.id.to_string(),
            })
            .collect(),
        inspectors: users
            .iter()
            .filter(|u| u.kind == UserKind::Inspector)
            .map(|u| InspectorChoice {
                id: u.id,
                label: format!("{} ({})", u.display_name, u.organisation),
                lead_selected: values.get("lead_inspector_id") == u.id.to_string(),
                checked: values.inspector_ids.contains(&u.id.to_string()),
            })
            .collect(),
        kinds: InspectionKind::ALL
            .iter()
            .map(|k| KindChoice {
                value: k.as_str(),
                label: k.label(),
                checked: kind == k.as_str(),
            })
            .collect(),
        date_fields: DATE_FIELDS
            .iter()
            .map(|(field, label, _, hint)| DateField {
                field,
                label,
                hint,
                value: DateParts {
                    day: values.get(&format!("{field}_day")).to_string(),
                    month: values.get(&format!("{field}_month")).to_string(),
                    year: values.get(&format!("{field}_year")).to_string(),
                },
            })
            .collect(),
    };
    Page::for_user(me, "Set up an inspection", view)?
        .with_errors(errors)
        .render(state, status, "inspections/new")
}

pub async fn new_page(state: web::Data<AppState>, me: SignedIn) -> Result<HttpResponse, WebError> {
    if !me.user.actor().may_create_inspection() {
        return Err(WebError::Forbidden);
    }
    new_form(&state, &me, StatusCode::OK, NewValues::default(), vec![]).await
}

fn parse_id(s: &str) -> Option<i32> {
    s.trim().parse().ok()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Parse the set-up form into a [`NewInspection`], or the list of what is wrong.
fn parse_new_inspection(form: &CheckedForm) -> Result<NewInspection, Vec<FieldError>> {
    let mut errors = vec![];
    let partnership_id = parse_id(form.text("partnership_id"));
    if partnership_id.is_none() {
        errors.push(FieldError::new(
            "partnership_id",
            "Choose the local area partnership",
        ));
    }
    let kind = InspectionKind::parse(form.text("kind"));
    if kind.is_none() {
        errors.push(FieldError::new("kind", "Choose the kind of inspection"));
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
                    errors.push(FieldError::new(field, format!("Enter {what}")));
                }
                None
            }
            Err(DatePartsError::Missing(p)) => {
                errors.push(FieldError::new(
                    field,
                    format!("{} must include a {p}", capitalise(what)),
                ));
                None
            }
            Err(DatePartsError::NotReal) => {
                errors.push(FieldError::new(
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
                errors.push(FieldError::new("on_site_start", err));
                None
            }
        },
        _ => None,
    };
    let previous_inspection_on = match dates.map(|d| d.check_previous(previous_inspection_on)) {
        Some(Err(err)) => {
            errors.push(FieldError::new("previous_inspection_on", err));
            None
        }
        Some(Ok(p)) => p,
        None => previous_inspection_on,
    };
    let lead_inspector_id = parse_id(form.text("lead_inspector_id"));
    if lead_inspector_id.is_none() {
        errors.push(FieldError::new(
            "lead_inspector_id",
            "Choose the lead inspector",
        ));
    }
    let mut inspector_ids = vec![];
    for raw in form.all("inspector_ids") {
        match parse_id(raw) {
            Some(id) => inspector_ids.push(id),
            None => {
                errors.push(FieldError::new(
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

/// The set-up form's field a refusal is about.
fn setup_field(refusal: &Refusal) -> &'static str {
    match refusal {
        Refusal::Team(e) => match e.slot() {
            Slot::Lead => "lead_inspector_id",
            Slot::Inspectors | Slot::Addition => "inspector_ids",
        },
        Refusal::Monitoring(_) => "kind",
        _ => "partnership_id",
    }
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
    let values = NewValues::from_form(&form);
    let new = match parse_new_inspection(&form) {
        Ok(new) => new,
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
        app::inspections::create(c, &new, &actor)
    })
    .await
    {
        Ok(id) => Ok(see_other(&format!("/inspections/{id}"))),
        Err(AppError::Refused(refusal)) => {
            let errors = vec![FieldError::new(setup_field(&refusal), &refusal)];
            new_form(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                values,
                errors,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Load the actor's role, refusing anyone who may not see the inspection with a
/// 404 (so its existence is not revealed).
pub async fn access(state: &AppState, me: &SignedIn, id: i32) -> Result<Option<Role>, WebError> {
    let user_id = me.user.id;
    let role = db::read(&state.pool, move |c| {
        db::inspections::role_of(c, id, user_id)
    })
    .await?;
    if me.user.actor().may(role, Permission::ViewInspection) {
        Ok(role)
    } else {
        Err(WebError::NotFound)
    }
}

/// Check a permission on an inspection: 404 for outsiders, 403 for members without it.
pub async fn require(
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

#[derive(Serialize)]
struct Stage {
    label: &'static str,
    current: bool,
    done: bool,
}

#[derive(Serialize)]
struct Action {
    to: &'static str,
    label: &'static str,
    forward: bool,
    /// The factual accuracy check and the final report start on the review page,
    /// which asks for what they need: a link there rather than a button.
    link: Option<String>,
}

#[derive(Serialize)]
struct TeamRow {
    membership_id: i32,
    display_name: String,
    email: String,
    organisation: String,
    role: &'static str,
    icb_name: Option<String>,
    removable: bool,
}

#[derive(Serialize)]
struct Listed {
    id: i32,
    label: String,
}

#[derive(Serialize)]
struct RoleChoice {
    value: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct AuditRow {
    at: String,
    actor: String,
    what: &'static str,
    detail: String,
}

#[derive(Serialize)]
struct IcbView {
    name: String,
    code: String,
}

#[derive(Serialize)]
struct InspectionView {
    id: i32,
    kind: &'static str,
    monitoring: bool,
    status: &'static str,
    what_happens_now: &'static str,
    notified_on: String,
    on_site_start: String,
    on_site_end: String,
    working_days_before_on_site: i64,
    previous_inspection_on: Option<String>,
    council_name: String,
    council_code: String,
    icbs: Vec<IcbView>,
}

#[derive(Serialize)]
struct OverviewView {
    inspection: InspectionView,
    my_role: Option<&'static str>,
    stages: Vec<Stage>,
    actions: Vec<Action>,
    team: Vec<TeamRow>,
    may_manage_team: bool,
    candidates: Vec<Listed>,
    roles: Vec<RoleChoice>,
    icb_choices: Vec<Listed>,
    audit: Vec<AuditRow>,
    may_see_audit: bool,
    /// A partnership reviewer, once a draft is with the partnership (or final).
    may_check_draft: bool,
}

/// Render the overview, with any problems from a refused change.
async fn overview_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
) -> Result<HttpResponse, WebError> {
    let role = access(state, me, id).await?;
    let actor = me.user.actor();
    let may_see_evidence = actor.may(role, Permission::ViewEvidence);
    let may_change_status = actor.may(role, Permission::ChangeStatus);
    let may_manage_team = actor.may(role, Permission::ManageTeam);
    let (inspection, team, audit, users) = db::run(&state.pool, move |c| {
        let inspection = db::inspections::find(c, id)?.ok_or(db::DbError::NotFound)?;
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
        Ok::<_, db::DbError>((inspection, team, audit, users))
    })
    .await?;
    let final_locked = inspection.status == Status::Final;
    let view = OverviewView {
        stages: Status::ALL
            .iter()
            .map(|s| Stage {
                label: s.label(),
                current: *s == inspection.status,
                done: *s < inspection.status,
            })
            .collect(),
        actions: if may_change_status {
            allowed_transitions(inspection.status)
                .into_iter()
                .map(|to| Action {
                    to: to.as_str(),
                    label: to.action_label(),
                    forward: to > inspection.status,
                    link: (to > inspection.status
                        && matches!(to, Status::FactualAccuracyCheck | Status::Final))
                    .then(|| format!("/inspections/{id}/review")),
                })
                .collect()
        } else {
            vec![]
        },
        team: team
            .iter()
            .map(|m| TeamRow {
                membership_id: m.membership_id,
                display_name: m.display_name.clone(),
                email: m.email.clone(),
                organisation: m.organisation.clone(),
                role: m.role.label(),
                icb_name: m.icb_name.clone(),
                removable: may_manage_team && !final_locked && m.role != Role::LeadInspector,
            })
            .collect(),
        may_manage_team: may_manage_team && !final_locked,
        candidates: users
            .iter()
            .filter(|u| !team.iter().any(|m| m.user_id == u.id))
            .map(|u| Listed {
                id: u.id,
                label: format!("{} ({}, {})", u.display_name, u.organisation, u.email),
            })
            .collect(),
        roles: Role::ALL
            .iter()
            .filter(|r| **r != Role::LeadInspector)
            .map(|r| RoleChoice {
                value: r.as_str(),
                label: r.label(),
            })
            .collect(),
        icb_choices: inspection
            .partnership
            .icbs
            .iter()
            .map(|i| Listed {
                id: i.id,
                label: format!("{} ({})", i.name, i.code),
            })
            .collect(),
        audit: audit
            .iter()
            .map(|a| {
                let detail: serde_json::Value =
                    serde_json::from_str(&a.detail).unwrap_or(serde_json::Value::Null);
                let (what, detail) = crate::domain::audit::describe(&a.action, &detail);
                AuditRow {
                    at: a.at.format("%-d %b %Y %H:%M UTC").to_string(),
                    actor: a.actor.clone().unwrap_or_else(|| "The service".into()),
                    what,
                    detail,
                }
            })
            .collect(),
        may_see_audit: may_see_evidence,
        may_check_draft: actor.may(role, Permission::CheckDraft)
            && matches!(
                inspection.status,
                Status::FactualAccuracyCheck | Status::Final
            ),
        my_role: role.map(|r| r.label()),
        inspection: InspectionView {
            id: inspection.id,
            kind: inspection.kind.label(),
            monitoring: inspection.kind == crate::domain::inspection::InspectionKind::Monitoring,
            status: inspection.status.label(),
            what_happens_now: inspection.status.what_happens_now(),
            notified_on: date_text(inspection.dates.notified_on),
            on_site_start: date_text(inspection.dates.on_site_start),
            on_site_end: date_text(inspection.dates.on_site_end),
            working_days_before_on_site: inspection.dates.working_days_before_on_site(),
            previous_inspection_on: inspection.previous_inspection_on.map(date_text),
            council_name: inspection.partnership.council_name.clone(),
            council_code: inspection.partnership.council_code.clone(),
            icbs: inspection
                .partnership
                .icbs
                .iter()
                .map(|i| IcbView {
                    name: i.name.clone(),
                    code: i.code.clone(),
                })
                .collect(),
        },
    };
    let title = format!(
        "{}: {}",
        inspection.partnership.council_name,
        inspection.kind.label()
    );
    Page::for_user(me, title, view)?.with_errors(errors).render(
        state,
        status,
        "inspections/overview",
    )
}

pub async fn overview(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    overview_page(&state, &me, path.into_inner(), StatusCode::OK, vec![]).await
}

/// Show a refused change on the overview page, against `field`; pass other errors on.
async fn refused_or(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    field: &str,
    result: Result<(), AppError>,
    done: &str,
) -> Result<HttpResponse, WebError> {
    match result {
        Ok(()) => Ok(see_other(done)),
        Err(AppError::Refused(refusal)) => {
            overview_page(
                state,
                me,
                id,
                StatusCode::CONFLICT,
                vec![FieldError::new(field, &refusal)],
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
    let catalogue = state.catalogue.clone();
    let result = db::run(&state.pool, move |c| {
        app::inspections::change_stage(c, id, to, &actor, &catalogue).map(|_| ())
    })
    .await;
    if result.is_ok() {
        // Its surveys may have opened or closed: the survey pages must see it at once.
        state.surveys.forget_inspection(id);
    }
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
        errors.push(FieldError::new("user_id", "Choose a person to add"));
    }
    let role = Role::parse(form.text("role"));
    if role.is_none() {
        errors.push(FieldError::new("role", "Choose their role"));
    }
    let icb_text = form.text("icb_id");
    let icb_id = if icb_text.is_empty() {
        None
    } else {
        parse_id(icb_text)
    };
    if !icb_text.is_empty() && icb_id.is_none() {
        errors.push(FieldError::new(
            "icb_id",
            TeamError::IcbNotInPartnership.to_string(),
        ));
    }
    let (Some(user_id), Some(role), true) = (user_id, role, errors.is_empty()) else {
        return overview_page(&state, &me, id, StatusCode::UNPROCESSABLE_ENTITY, errors).await;
    };
    let actor = me.user.actor();
    let result = db::run(&state.pool, move |c| {
        app::inspections::add_member(c, id, user_id, role, icb_id, &actor)
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
        app::inspections::remove_member(c, id, membership_id, &actor)
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
