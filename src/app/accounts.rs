//! Accounts and local area partnerships.

use diesel::Connection;
use serde_json::json;

use super::AppError;
use crate::db::{self, audit, partnerships::Partnership, users::User, DbConnection};
use crate::domain::account::{AccountError, NewAccount};
use crate::domain::partnership::{NewPartnership, PartnershipProblem};

/// Add a user whose password is already hashed (hash it before taking a database
/// connection: argon2 is slow on purpose). `actor` is who added them, if anyone.
pub fn add_user(
    conn: &mut DbConnection,
    account: &NewAccount,
    password_hash: &str,
    actor: Option<i32>,
) -> Result<User, AppError> {
    conn.transaction(|conn| {
        if db::users::email_taken(conn, &account.email)? {
            return Err(AccountError::EmailTaken(account.email.clone()).into());
        }
        let user = db::users::insert(conn, account, password_hash)?;
        audit::record(
            conn,
            actor,
            None,
            "user.added",
            json!({ "user_id": user.id, "kind": account.kind.as_str(), "is_admin": account.is_admin }),
        )?;
        Ok(user)
    })
}

/// Add a local area partnership with its ICBs; one per council.
pub fn add_partnership(
    conn: &mut DbConnection,
    new: &NewPartnership,
    actor: Option<i32>,
) -> Result<Partnership, AppError> {
    conn.transaction(|conn| {
        if db::partnerships::find_by_council(conn, &new.council_code)?.is_some() {
            return Err(PartnershipProblem::council_taken(&new.council_code).into());
        }
        let partnership = db::partnerships::insert(conn, new)?;
        audit::record(
            conn,
            actor,
            None,
            "partnership.added",
            json!({ "partnership_id": partnership.id, "council_code": new.council_code.as_str() }),
        )?;
        Ok(partnership)
    })
}
