//! Storage through diesel on SQLite (default) or PostgreSQL, from one set of code.
//!
//! Lookups by a unique key use `get_result`, not `first`: `first` binds its `LIMIT`
//! as a parameter, and SQLite re-plans a statement whose `LIMIT` parameter is bound
//! again, so every call would be parsed afresh.
//!
//! The backend is chosen from the URL's scheme by [`Manager`], never by diesel's
//! `establish`, which would try SQLite first and create a stray file for any string.

pub mod audit;
pub mod distribution;
pub mod evidence;
pub mod free_text;
pub mod indicators;
pub mod inspections;
pub mod monitoring;
pub mod outbox;
pub mod partnerships;
pub mod population;
pub mod report;
pub mod retention;
pub mod review;
pub mod schema;
pub mod sessions;
pub mod surveys;
pub mod tallies;
pub mod throttle;
pub mod users;

use std::panic::Location;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::config::DatabaseUrl;

/// One connection type over both backends; only the common SQL subset is used.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(diesel::SqliteConnection),
    Pg(diesel::PgConnection),
}

pub type Pool = r2d2::Pool<Manager>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Errors of the storage layer. None of them is a sentence for a person: refusals
/// are decided by the domain and the application layer, and everything else here is
/// unexpected and logged whole.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("could not get a database connection: {0}")]
    Pool(#[from] r2d2::PoolError),
    #[error("database error at {at}: {source}")]
    Query {
        source: diesel::result::Error,
        at: &'static Location<'static>,
    },
    /// A unique key refused a second copy (two people doing the same thing at once,
    /// or two random tokens that happen to be equal).
    #[error("a unique key refused the row: {0}")]
    Duplicate(String),
    #[error("could not migrate the database: {0}")]
    Migration(String),
    #[error("could not open the database: {0}")]
    Open(String),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    /// Something the change refers to does not exist (or is not visible).
    #[error("not found")]
    NotFound,
    #[error("the database task was cancelled")]
    Cancelled,
}

/// Errors that say whether running the same work again may succeed: SQLite answers
/// "busy" at once when a transaction that has read must wait to write.
pub trait Retry {
    fn is_busy(&self) -> bool;
}

impl Retry for DbError {
    fn is_busy(&self) -> bool {
        matches!(self, DbError::Query { source: diesel::result::Error::DatabaseError(_, info), .. }
            if info.message().contains("database is locked") || info.message().contains("database is busy"))
    }
}

impl From<diesel::result::Error> for DbError {
    #[track_caller]
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                DbError::Duplicate(info.message().to_string())
            }
            source => DbError::Query {
                source,
                at: Location::caller(),
            },
        }
    }
}

/// Read a stored enum, naming what was stored when it is not one of its values.
pub(crate) fn stored<T>(
    what: &str,
    text: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, DbError> {
    parse(text).ok_or_else(|| DbError::Corrupt(format!("{what} {text:?}")))
}

/// Builds connections of the right backend and prepares each SQLite connection.
#[derive(Debug, Clone)]
pub struct Manager {
    url: DatabaseUrl,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_string_lossy();
                let mut conn = diesel::SqliteConnection::establish(&path)
                    .map_err(r2d2::Error::ConnectionError)?;
                // diesel leaves foreign keys off; WAL lets readers work while one writer writes.
                conn.batch_execute(
                    "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                     PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => diesel::PgConnection::establish(url)
                .map(DbConnection::Pg)
                .map_err(r2d2::Error::ConnectionError),
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        conn.is_broken()
    }
}

/// Open a pool on `url`, creating the SQLite file's folder if needed.
pub fn open_pool(url: &DatabaseUrl, size: u32) -> Result<Pool, DbError> {
    if let DatabaseUrl::Sqlite(path) = url {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| DbError::Open(format!("cannot create {}: {e}", dir.display())))?;
        }
        // Put a new file into WAL mode once, alone: the pool opens its connections
        // at the same moment, and switching the journal mode needs the file to itself
        // (the losers' "database is locked" would be logged, then retried).
        let first = Manager { url: url.clone() };
        r2d2::ManageConnection::connect(&first).map_err(|e| DbError::Open(e.to_string()))?;
    }
    r2d2::Pool::builder()
        .max_size(size)
        .connection_timeout(Duration::from_secs(10))
        // No test query on every checkout (a round trip per request on PostgreSQL): a
        // connection that fails is marked broken by diesel and replaced.
        .test_on_check_out(false)
        .build(Manager { url: url.clone() })
        .map_err(|e| DbError::Open(e.to_string()))
}

/// Apply every migration not yet applied; returns the versions applied now.
pub fn run_migrations(conn: &mut DbConnection) -> Result<Vec<String>, DbError> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
        DbConnection::Pg(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
    }
    .map_err(|e| DbError::Migration(e.to_string()))?;
    Ok(applied.iter().map(|v| v.to_string()).collect())
}

/// Undo every applied migration (used by the up, down, up test).
pub fn revert_all_migrations(conn: &mut DbConnection) -> Result<(), DbError> {
    match conn {
        DbConnection::Sqlite(c) => c.revert_all_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        DbConnection::Pg(c) => c.revert_all_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
    }
    .map_err(|e| DbError::Migration(e.to_string()))
}

/// Run blocking database work off the async workers, in a tracing span that names
/// where it was called from (never its arguments). Work that SQLite refuses as busy
/// is run again a few times (each piece of work is one transaction, so a retry never
/// repeats half of anything).
#[track_caller]
pub fn run<F, T, E>(pool: &Pool, f: F) -> impl std::future::Future<Output = Result<T, E>>
where
    F: FnMut(&mut DbConnection) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Retry + Send + 'static,
{
    run_at(pool, f, Location::caller())
}

fn run_at<F, T, E>(
    pool: &Pool,
    mut f: F,
    at: &'static Location<'static>,
) -> impl std::future::Future<Output = Result<T, E>>
where
    F: FnMut(&mut DbConnection) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Retry + Send + 'static,
{
    let pool = pool.clone();
    let span = tracing::debug_span!("db", at = %at);
    async move {
        actix_web::rt::task::spawn_blocking(move || {
            let _entered = span.enter();
            let mut conn = pool.get().map_err(DbError::from)?;
            let mut attempt = 0;
            loop {
                match f(&mut conn) {
                    Err(e) if e.is_busy() && attempt < 8 => {
                        attempt += 1;
                        std::thread::sleep(Duration::from_millis(5 * (1 << attempt.min(5))));
                    }
                    other => return other,
                }
            }
        })
        .await
        .map_err(|_| E::from(DbError::Cancelled))?
    }
}

/// Run read-only database work. On SQLite, when a connection is free at once, it
/// runs right here on the request's thread: a read of cached pages takes a few
/// microseconds, and readers in WAL mode never wait for a writer, so the hop to a
/// blocking thread (and back) would cost more than the read, and under load it is
/// the queueing around those hops that makes slow requests. PostgreSQL reads (a
/// network round trip), reads that find the database busy, and every write go to
/// the blocking pool through [`run`]. `f` must not write.
#[track_caller]
pub fn read<F, T, E>(pool: &Pool, mut f: F) -> impl std::future::Future<Output = Result<T, E>>
where
    F: FnMut(&mut DbConnection) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Retry + Send + 'static,
{
    let at = Location::caller();
    let inline = pool
        .try_get()
        .filter(|conn| matches!(**conn, DbConnection::Sqlite(_)))
        .map(|mut conn| {
            let _entered = tracing::debug_span!("db", at = %at).entered();
            f(&mut conn)
        });
    let pool = pool.clone();
    async move {
        match inline {
            Some(result) if !result.as_ref().is_err_and(|e| e.is_busy()) => result,
            _ => run_at(&pool, f, at).await,
        }
    }
}

/// The current time in UTC, as stored in every timestamp column: to the microsecond,
/// PostgreSQL's precision, so a value reads back equal on both backends.
pub fn now() -> chrono::NaiveDateTime {
    use chrono::SubsecRound;
    chrono::Utc::now().naive_utc().trunc_subsecs(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_error_says_where_it_happened() {
        let e = DbError::from(diesel::result::Error::NotFound);
        let text = e.to_string();
        assert!(text.contains("src/db/mod.rs"), "{text}");
        assert!(std::error::Error::source(&e).is_some(), "the cause is kept");
    }
}
