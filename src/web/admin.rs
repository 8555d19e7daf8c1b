//! The admin page: users and partnerships. Team memberships are managed on each
//! inspection's page, which admins can reach from here.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use super::auth::hash_password;
use super::error::WebError;
use super::form::CheckedForm;
use super::session::{csrf_token, SignedIn};
use super::{field_error, render, see_other, AppState};
use crate::db::{self, DbError};
use crate::domain::account::{check_new_password, NewAccount, UserKind};
use crate::domain::partnership::NewPartnership;

/// How many ICB rows the partnership form offers (Essex has three ICBs).
const ICB_ROWS: usize = 3;

/// One ICB row of the partnership form, with the names of its fields (for errors).
fn icb_row(n: usize, name: &str, code: &str) -> Value {
    json!({
        "n": n,
        "name": name,
        "code": code,
        "name_field": format!("icb_name_{n}"),
        "code_field": format!("icb_code_{n}"),
    })
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

#[derive(Default)]
struct Problems {
    user_errors: Vec<Value>,
    user_values: Option<Value>,
    partnership_errors: Vec<Value>,
    partnership_values: Option<Value>,
}

async fn admin_page(
    state: &AppState,
    me: &SignedIn,
    status: StatusCode,
    notice: Option<&str>,
    problems: Problems,
) -> Result<HttpResponse, WebError> {
    let actor = me.user.actor();
    let (users, partnerships, inspections) = db::run(&state.pool, move |c| {
        Ok((
            db::users::list(c)?,
            db::partnerships::list(c)?,
            db::inspections::list_for(c, &actor)?,
        ))
    })
    .await?;
    let users: Vec<Value> = users
        .iter()
        .map(|u| json!({ "display_name": u.display_name, "email": u.email, "organisation": u.organisation, "kind": u.kind.label(), "is_admin": u.is_admin }))
        .collect();
    let partnerships: Vec<Value> = partnerships
        .iter()
        .map(|p| {
            json!({
                "council_name": p.council_name,
                "council_code": p.council_code,
                "icbs": p.icbs.iter().map(|i| format!("{} ({})", i.name, i.code)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let inspections: Vec<Value> = inspections
        .iter()
        .map(|i| json!({ "id": i.id, "council_name": i.council_name, "kind": i.kind.label(), "status": i.status.label() }))
        .collect();
    let mut errors = problems.user_errors.clone();
    errors.extend(problems.partnership_errors.iter().cloned());
    let empty_icbs: Vec<Value> = (1..=ICB_ROWS).map(|n| icb_row(n, "", "")).collect();
    let title = if errors.is_empty() {
        "Administration"
    } else {
        "Error: Administration"
    };
    let token = csrf_token(&me.session)?;
    render(
        state,
        status,
        "admin/index",
        title,
        Some(&me.user),
        &token,
        json!({
            "notice": notice,
            "errors": errors,
            "user_errors": problems.user_errors,
            "partnership_errors": problems.partnership_errors,
            "user_values": problems.user_values.unwrap_or_else(|| json!({ "email": "", "display_name": "", "organisation": "", "kind": "", "is_admin": false })),
            "partnership_values": problems.partnership_values.unwrap_or_else(|| json!({ "council_name": "", "council_code": "", "icbs": empty_icbs })),
            "users": users,
            "partnerships": partnerships,
            "inspections": inspections,
            "kinds": [
                { "value": UserKind::Inspector.as_str(), "label": UserKind::Inspector.label() },
                { "value": UserKind::Partnership.as_str(), "label": UserKind::Partnership.label() },
            ],
        }),
    )
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
    let values = json!({
        "email": form.text("email"),
        "display_name": form.text("display_name"),
        "organisation": form.text("organisation"),
        "kind": form.text("kind"),
        "is_admin": form.ticked("is_admin"),
    });
    let fail = |field: &str, message: String| Problems {
        user_errors: vec![field_error(field, message)],
        user_values: Some(values.clone()),
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
            return admin_page(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                fail(e.field(), e.to_string()),
            )
            .await;
        }
    };
    let password = form.text("password").to_string();
    if let Err(e) = check_new_password(&password) {
        return admin_page(
            &state,
            &me,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            fail("password", e.to_string()),
        )
        .await;
    }
    let actor_id = me.user.id;
    let result = db::run(&state.pool, move |c| {
        let hash =
            hash_password(&password).map_err(|e| DbError::Corrupt(format!("hashing: {e}")))?;
        db::users::insert(c, &account, &hash, Some(actor_id))
    })
    .await;
    match result {
        Ok(_) => Ok(see_other("/admin?added=user")),
        Err(DbError::Refused(message)) => {
            admin_page(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                fail("email", message),
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
    let values = json!({
        "council_name": form.text("council_name"),
        "council_code": form.text("council_code"),
        "icbs": rows.iter().enumerate().map(|(i, (name, code))| icb_row(i + 1, name, code)).collect::<Vec<_>>(),
    });
    let fail = |field: &str, message: String| Problems {
        partnership_errors: vec![field_error(field, message)],
        partnership_values: Some(values.clone()),
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
            return admin_page(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                fail(&problem.field, problem.error.to_string()),
            )
            .await;
        }
    };
    let actor_id = me.user.id;
    match db::run(&state.pool, move |c| {
        db::partnerships::insert(c, &new, Some(actor_id))
    })
    .await
    {
        Ok(_) => Ok(see_other("/admin?added=partnership")),
        Err(DbError::Refused(message)) => {
            admin_page(
                &state,
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                fail("council_code", message),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
