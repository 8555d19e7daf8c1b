//! Users: inspectors and partnership reviewers who sign in.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{password_links, users};
use super::{now, DbConnection, DbError};
use crate::domain::access::Actor;
use crate::domain::account::{Email, NewAccount, UserKind};
use crate::domain::team::Person;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
struct UserRow {
    id: i32,
    email: String,
    display_name: String,
    organisation: String,
    kind: String,
    is_admin: bool,
}

/// A user as the rest of the service sees them (never with the password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub organisation: String,
    pub kind: UserKind,
    pub is_admin: bool,
}

impl User {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.id,
            kind: self.kind,
            is_admin: self.is_admin,
        }
    }

    /// The user as the team rules see them.
    pub fn person(&self) -> Person {
        Person {
            user_id: self.id,
            kind: self.kind,
            display_name: self.display_name.clone(),
        }
    }
}

impl TryFrom<UserRow> for User {
    type Error = DbError;
    fn try_from(r: UserRow) -> Result<Self, DbError> {
        let kind = UserKind::parse(&r.kind)
            .map_err(|_| DbError::Corrupt(format!("user kind {:?}", r.kind)))?;
        Ok(User {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            organisation: r.organisation,
            kind,
            is_admin: r.is_admin,
        })
    }
}

/// Add a user with an already hashed password. A second account for the same email
/// is refused by the unique key ([`DbError::Duplicate`]); the application layer
/// checks first, so that only a race gets that far.
pub fn insert(
    conn: &mut DbConnection,
    account: &NewAccount,
    password_hash: &str,
) -> Result<User, DbError> {
    let id: i32 = diesel::insert_into(users::table)
        .values((
            users::email.eq(account.email.as_str()),
            users::display_name.eq(&account.display_name),
            users::organisation.eq(&account.organisation),
            users::kind.eq(account.kind.as_str()),
            users::is_admin.eq(account.is_admin),
            users::password_hash.eq(password_hash),
            users::created_at.eq(now()),
        ))
        .returning(users::id)
        .get_result(conn)?;
    find(conn, id)?.ok_or(DbError::NotFound)
}

/// Whether an account exists for this email.
pub fn email_taken(conn: &mut DbConnection, email: &Email) -> Result<bool, DbError> {
    let taken: i64 = users::table
        .filter(users::email.eq(email.as_str()))
        .count()
        .get_result(conn)?;
    Ok(taken > 0)
}

/// The user with this email.
pub fn find_by_email(conn: &mut DbConnection, email: &Email) -> Result<Option<User>, DbError> {
    users::table
        .filter(users::email.eq(email.as_str()))
        .select(UserRow::as_select())
        .get_result(conn)
        .optional()?
        .map(User::try_from)
        .transpose()
}

/// The user with this email and their password hash, for signing in.
pub fn find_for_sign_in(
    conn: &mut DbConnection,
    email: &Email,
) -> Result<Option<(User, String)>, DbError> {
    let row: Option<(UserRow, String)> = users::table
        .filter(users::email.eq(email.as_str()))
        .select((UserRow::as_select(), users::password_hash))
        .get_result(conn)
        .optional()?;
    row.map(|(u, h)| Ok((User::try_from(u)?, h))).transpose()
}

pub fn find(conn: &mut DbConnection, id: i32) -> Result<Option<User>, DbError> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .get_result(conn)
        .optional()?
        .map(User::try_from)
        .transpose()
}

/// Everyone, by name.
pub fn list(conn: &mut DbConnection) -> Result<Vec<User>, DbError> {
    users::table
        .order((users::display_name, users::id))
        .select(UserRow::as_select())
        .load(conn)?
        .into_iter()
        .map(User::try_from)
        .collect()
}

/// Keep a new single-use link for setting `user_id`'s password (its token's hash).
pub fn insert_password_link(
    conn: &mut DbConnection,
    token_hash: &str,
    user_id: i32,
    expires_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(password_links::table)
        .values((
            password_links::token_hash.eq(token_hash),
            password_links::user_id.eq(user_id),
            password_links::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// A link by its token's hash: (user, expires at, used at).
pub fn password_link(
    conn: &mut DbConnection,
    token_hash: &str,
) -> Result<Option<(i32, NaiveDateTime, Option<NaiveDateTime>)>, DbError> {
    Ok(password_links::table
        .find(token_hash)
        .select((
            password_links::user_id,
            password_links::expires_at,
            password_links::used_at,
        ))
        .first(conn)
        .optional()?)
}

/// End every unused link of a user (a new one is being sent).
pub fn end_password_links(
    conn: &mut DbConnection,
    user_id: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(
        password_links::table
            .filter(password_links::user_id.eq(user_id))
            .filter(password_links::used_at.is_null()),
    )
    .set(password_links::used_at.eq(Some(now)))
    .execute(conn)?;
    Ok(())
}

/// Mark the link used, if nobody has just used it; false if they have.
pub fn use_password_link(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    Ok(diesel::update(
        password_links::table
            .find(token_hash)
            .filter(password_links::used_at.is_null()),
    )
    .set(password_links::used_at.eq(Some(now)))
    .execute(conn)?
        == 1)
}

pub fn set_password_hash(
    conn: &mut DbConnection,
    user_id: i32,
    password_hash: &str,
) -> Result<(), DbError> {
    diesel::update(users::table.find(user_id))
        .set(users::password_hash.eq(password_hash))
        .execute(conn)?;
    Ok(())
}
