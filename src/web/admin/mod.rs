//! The admin page: users and partnerships. Team memberships are managed on each
//! inspection's page, which admins can reach from here.

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
use crate::domain::account::{check_new_password, NewAccount, UserKind};
use crate::domain::partnership::NewPartnership;
use crate::domain::refusal::Refusal;

/// How many ICB rows the partnership form offers (Essex has three ICBs).
const ICB_ROWS: usize = 3;

/// One ICB row of the partnership form, with the names of its fields (for errors).
#[derive(Debug, Clone, Serialize)]
struct IcbRow {
    n: usize,
    name: String,
    code: String,
    name_field: String,
    code_field: String,
}

impl IcbRow {
    fn new(n: usize, name: &str, code: &str) -> Self {
        Self {
            n,
            name: name.to_string(),
            code: code.to_string(),
            name_field: format!("icb_name_{n}"),
            code_field: format!("icb_code_{n}"),
        }
    }
}

fn require_admin(me: &SignedIn) -> Result<(), WebError> {
    if me.user.actor().may_administer() {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

#[derive(serde::Deserialize)]
pub struct AdminQuery {
    added: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
struct UserValues {
    email: String,
    display_name: String,
    organisation: String,
    kind: String,
    is_admin: bool,
}

#[derive(Debug, Clone, Serialize)]
struct PartnershipValues {
    council_name: String,
    council_code: String,
    icbs: Vec<IcbRow>,
}

impl Default for PartnershipValues {
    fn default() -> Self {
        Self {
            council_name: String::new(),
            council_code: String::new(),
            icbs: (1..=ICB_ROWS).map(|n| IcbRow::new(n, "", "")).collect(),
        }
    }
}

/// What a refused form was given, and what was wrong with it.
#[derive(Default)]
struct Problems {
    user_errors: Vec<FieldError>,
    user_values: UserValues,
    partnership_errors: Vec<FieldError>,
    partnership_values: PartnershipValues,
}

#[derive(Serialize)]
struct UserRow {
    display_name: String,
    email: String,
    organisation: String,
    kind: &'static str,
    is_admin: bool,
}

#[derive(Serialize)]
struct PartnershipRow {
    council_name: String,
    council_code: String,
    icbs: Vec<String>,
}

#[derive(Serialize)]
struct InspectionRow {
    id: i32,
    council_name: String,
    kind: &'static str,
    status: &'static str,
}

#[derive(Serialize)]
struct KindChoice {
    value: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct AdminView {
    notice: Option<&'static str>,
    user_errors: Vec<FieldError>,
    partnership_errors: Vec<FieldError>,
    user_values: UserValues,
    partnership_values: PartnershipValues,
    users: Vec<UserRow>,
    partnerships: Vec<PartnershipRow>,
    inspections: Vec<InspectionRow>,
    kinds: Vec<KindChoice>,
}

async fn admin_page(
    state: &AppState,
    me: &SignedIn,
    status: StatusCode,
    notice: Option<&'static str>,
    problems: Problems,
) -> Result<HttpResponse, WebError> {
    let actor = me.user.actor();
    let (users, partnerships, inspections) = db::run(&state.pool, move |c| {
        Ok::<_, db::DbError>((
            db::users::list(c)?,
            db::partnerships::list(c)?,
            db::inspections::list_for(c, &actor)?,
        ))
    })
    .await?;
    let mut errors = problems.user_errors.clone();
    errors.extend(problems.partnership_errors.iter().cloned());
    let view = AdminView {
        notice,
        user_errors: problems.user_errors,
        partnership_errors: problems.partnership_errors,
        user_values: problems.user_values,
        partnership_values: problems.partnership_values,
        users: users
            .iter()
            .map(|u| UserRow {
                display_name: u.display_name.clone(),
                email: u.email.clone(),
                organisation: u.organisation.clone(),
                kind: u.kind.label(),
                is_admin: u.is_admin,
            })
            .collect(),
        partnerships: partnerships
            .iter()
            .map(|p| PartnershipRow {
                council_name: p.council_name.clone(),
                council_code: p.council_code.clone(),
                icbs: p
                    .icbs
                    .iter()
                    .map(|i| format!("{} ({})", i.name, i.code))
                    .collect(),
            })
            .collect(),
        inspections: inspections
            .iter()
            .map(|i| InspectionRow {
                id: i.id,
                council_name: i.council_name.clone(),
                kind: i.kind.label(),
                status: i.status.label(),
            })
            .collect(),
        kinds: [UserKind::Inspector, UserKind::Partnership]
            .iter()
            .map(|k| KindChoice {
                value: k.as_str(),
                label: k.label(),
            })
            .collect(),
    };
    Page::for_user(me, "Administration", view)?
        .with_errors(errors)
        .render(state, status, "admin/index")
}

pub async fn index(
    state: web::Data<AppState>,
    me: SignedIn,
    query: Option<web::Query<AdminQuery>>,
) -> Result<HttpResponse, WebError> {
    require_admin(&me)?;
    let notice = match query.as_ref().and_then(|q| q.added.as_deref()) {
        Some("user") => Some("The user was added. Give them their password by a secure route."),
        Some("partnership") => Some("The partnership was added."),
        _ => None,
    };
    admin_page(&state, &me, StatusCode::OK, notice, Problems::default()).await
}

pub async fn add_user(
    state: web::Data<AppState>,
    me: SignedIn,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    require_admin(&me)?;
    let values = UserValues {
        email: form.text("email").to_string(),
        display_name: form.text("display_name").to_string(),
        organisation: form.text("organisation").to_string(),
        kind: form.text("kind").to_string(),
        is_admin: form.ticked("is_admin"),
    };
    let fail = |field: &str, message: String| Problems {
        user_errors: vec![FieldError::new(field, message)],
        user_values: values.clone(),
        ..Problems::default()
    };
    let account = match NewAccount::parse(
        form.text("email"),
        form.text("display_name"),
        form.text("organisation"),
        form.text("kind"),
        form.ticked("is_admin"),
    ) {
        Ok(a) => a,
        Err(e) => {
            let problems = fail(e.field(), e.to_string());
            return admin_page(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                problems,
            )
            .await;
        }
    };
    let password = form.text("password").to_string();
    if let Err(e) = check_new_password(&password) {
        let problems = fail("password", e.to_string());
        return admin_page(
            &state,
            &me,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            problems,
        )
        .await;
    }
    // Argon2 on a blocking thread first, holding no database connection.
    let hash = web::block(move || crate::password::hash(&password))
        .await
        .map_err(WebError::unexpected)?
        .map_err(|e| WebError::unexpected(anyhow::anyhow!("hashing a password: {e}")))?;
    let actor_id = me.user.id;
    let result = db::run(&state.pool, move |c| {
        app::accounts::add_user(c, &account, &hash, Some(actor_id))
    })
    .await;
    match result {
        Ok(_) => Ok(see_other("/admin?added=user")),
        Err(AppError::Refused(refusal)) => {
            let field = match &refusal {
                Refusal::Account(e) => e.field(),
                _ => "email",
            };
            let problems = fail(field, refusal.to_string());
            admin_page(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                problems,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn add_partnership(
    state: web::Data<AppState>,
    me: SignedIn,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    require_admin(&me)?;
    let rows: Vec<(String, String)> = (1..=ICB_ROWS)
        .map(|n| {
            (
                form.text(&format!("icb_name_{n}")).to_string(),
                form.text(&format!("icb_code_{n}")).to_string(),
            )
        })
        .collect();
    let values = PartnershipValues {
        council_name: form.text("council_name").to_string(),
        council_code: form.text("council_code").to_string(),
        icbs: rows
            .iter()
            .enumerate()
            .map(|(i, (name, code))| IcbRow::new(i + 1, name, code))
            .collect(),
    };
    let fail = |field: &str, message: String| Problems {
        partnership_errors: vec![FieldError::new(field, message)],
        partnership_values: values.clone(),
        ..Problems::default()
    };
    let row_refs: Vec<(&str, &str)> = rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let new = match NewPartnership::parse(
        form.text("council_name"),
        form.text("council_code"),
        &row_refs,
    ) {
        Ok(p) => p,
        Err(problem) => {
            let problems = fail(&problem.field, problem.error.to_string());
            return admin_page(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                problems,
            )
            .await;
        }
    };
    let actor_id = me.user.id;
    match db::run(&state.pool, move |c| {
        app::accounts::add_partnership(c, &new, Some(actor_id))
    })
    .await
    {
        Ok(_) => Ok(see_other("/admin?added=partnership")),
        Err(AppError::Refused(refusal)) => {
            let field = match &refusal {
                Refusal::Partnership(p) => p.field.clone(),
                _ => "council_code".to_string(),
            };
            let problems = fail(&field, refusal.to_string());
            admin_page(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                problems,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
