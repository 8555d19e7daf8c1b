//! Storage on the backend under test: migrations up, down and up again, and

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! transactions that leave nothing half-written.

mod common;

use area_send::db;
use area_send::domain::access::Actor;
use area_send::domain::account::UserKind;
use area_send::domain::inspection::Status;

#[test]
fn migrations_go_up_down_and_up_again() {
    let (url, cleanup) = common::fresh_database();
    assert_eq!(
        matches!(url, area_send::config::DatabaseUrl::Postgres(_)),
        common::backend_is_postgres()
    );
    let pool = db::open_pool(&url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    assert!(matches!(
        (&*conn, common::backend_is_postgres()),
        (db::DbConnection::Pg(_), true) | (db::DbConnection::Sqlite(_), false)
    ));
    assert_eq!(db::run_migrations(&mut conn).unwrap().len(), 2);
    assert!(
        db::run_migrations(&mut conn).unwrap().is_empty(),
        "a second run applies nothing"
    );
    db::revert_all_migrations(&mut conn).unwrap();
    assert_eq!(db::run_migrations(&mut conn).unwrap().len(), 2);
    area_send::demo::seed(&mut conn, &[]).unwrap();
    drop(conn);
    drop(pool);
    cleanup();
}

#[test]
fn a_refused_change_writes_nothing_not_even_an_audit_entry() {
    let (url, cleanup) = common::fresh_database();
    let pool = db::open_pool(&url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    db::run_migrations(&mut conn).unwrap();
    area_send::demo::seed(&mut conn, &[]).unwrap();
    let lead = Actor {
        user_id: 1,
        kind: UserKind::Inspector,
        is_admin: false,
    };

    let before = db::audit::count_action(&mut conn, "membership.added").unwrap();
    // The creation fails on its second inspector (a reviewer) after the inspection row is written.
    let bad = db::inspections::NewInspection {
        partnership_id: 2,
        kind: area_send::domain::inspection::InspectionKind::Full,
        dates: area_send::domain::inspection::InspectionDates::new(
            chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2027, 3, 15).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2027, 3, 19).unwrap(),
        )
        .unwrap(),
        previous_inspection_on: None,
        lead_inspector_id: 1,
        inspector_ids: vec![2, 3],
    };
    let err = db::inspections::create(&mut conn, &bad, &lead).unwrap_err();
    assert!(
        matches!(err, db::DbError::RefusedField("inspector_ids", _)),
        "{err}"
    );
    assert_eq!(
        db::inspections::list_for(&mut conn, &lead).unwrap().len(),
        2,
        "no inspection row left behind"
    );
    assert_eq!(
        db::audit::count_action(&mut conn, "membership.added").unwrap(),
        before
    );
    assert_eq!(
        db::audit::count_action(&mut conn, "inspection.created").unwrap(),
        2
    );

    // The demo opened Harrowdale's surveys: one stage change so far.
    assert_eq!(
        db::audit::count_action(&mut conn, "inspection.status_changed").unwrap(),
        1
    );
    let err = db::inspections::change_status(&mut conn, 1, Status::Final, &lead, &[]).unwrap_err();
    assert!(matches!(err, db::DbError::Refused(_)));
    assert_eq!(
        db::audit::count_action(&mut conn, "inspection.status_changed").unwrap(),
        1
    );
    assert!(matches!(
        db::inspections::change_status(&mut conn, 999, Status::SurveysOpen, &lead, &[]),
        Err(db::DbError::NotFound)
    ));
    drop(conn);
    drop(pool);
    cleanup();
}

#[test]
fn sqlite_connections_enforce_foreign_keys() {
    if common::backend_is_postgres() {
        return; // PostgreSQL always does.
    }
    let (url, cleanup) = common::fresh_database();
    let pool = db::open_pool(&url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    db::run_migrations(&mut conn).unwrap();
    use diesel::connection::SimpleConnection;
    let orphan = conn.batch_execute(
        "INSERT INTO icbs (partnership_id, name, code) VALUES (12345, 'x', 'E54000000')",
    );
    assert!(orphan.is_err(), "foreign keys are on");
    drop(conn);
    drop(pool);
    cleanup();
}

#[test]
fn expired_sessions_and_stale_failures_are_purged() {
    let (url, cleanup) = common::fresh_database();
    let pool = db::open_pool(&url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    db::run_migrations(&mut conn).unwrap();
    let now = db::now();
    db::sessions::insert(&mut conn, "old", "{}", now - chrono::Duration::minutes(1)).unwrap();
    db::sessions::insert(&mut conn, "live", "{}", now + chrono::Duration::hours(1)).unwrap();
    assert_eq!(
        db::sessions::load(&mut conn, "old").unwrap(),
        None,
        "an expired session is never loaded"
    );
    assert_eq!(db::sessions::purge_expired(&mut conn).unwrap(), 1);
    assert_eq!(
        db::sessions::load(&mut conn, "live").unwrap().as_deref(),
        Some("{}")
    );

    let stale = area_send::domain::throttle::ThrottleState {
        failures: 2,
        window_started_at: now - chrono::Duration::days(2),
        locked_until: None,
    };
    let locked = area_send::domain::throttle::ThrottleState {
        failures: 0,
        window_started_at: now,
        locked_until: Some(now + chrono::Duration::minutes(10)),
    };
    db::throttle::put(&mut conn, "stale@example.org", &stale).unwrap();
    db::throttle::put(&mut conn, "locked@example.org", &locked).unwrap();
    assert_eq!(db::throttle::purge_stale(&mut conn).unwrap(), 1);
    assert_eq!(
        db::throttle::get(&mut conn, "locked@example.org").unwrap(),
        Some(locked)
    );
    drop(conn);
    drop(pool);
    cleanup();
}
