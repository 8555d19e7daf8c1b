//! Storage on the backend under test: migrations up, down and up again, and
//! transactions that leave nothing half-written.

use area_send::app::{self, AppError};
use area_send::db;
use area_send::domain::access::Actor;
use area_send::domain::account::UserKind;
use area_send::domain::inspection::Status;
use area_send::domain::refusal::Refusal;
use area_send::domain::team::{Slot, TeamError};

use crate::common;

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
    assert_eq!(db::run_migrations(&mut conn).unwrap().len(), 9);
    assert!(
        db::run_migrations(&mut conn).unwrap().is_empty(),
        "a second run applies nothing"
    );
    db::revert_all_migrations(&mut conn).unwrap();
    assert_eq!(db::run_migrations(&mut conn).unwrap().len(), 9);
    drop(conn);
    area_send::demo::seed(&pool, &common::shipped_catalogue()).unwrap();
    drop(pool);
    cleanup();
}

#[test]
fn a_refused_change_writes_nothing_not_even_an_audit_entry() {
    let (url, cleanup) = common::fresh_database();
    let pool = db::open_pool(&url, 2).unwrap();
    db::run_migrations(&mut pool.get().unwrap()).unwrap();
    let catalogue = common::shipped_catalogue();
    area_send::demo::seed(&pool, &catalogue).unwrap();
    let mut conn = pool.get().unwrap();
    let lead = Actor {
        user_id: 1,
        kind: UserKind::Inspector,
        is_admin: false,
    };

    let before = db::audit::count_action(&mut conn, "membership.added").unwrap();
    // The creation fails on its second inspector (a reviewer) after the inspection row is written.
    let bad = area_send::domain::inspection::NewInspection {
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
    let err = app::inspections::create(&mut conn, &bad, &lead).unwrap_err();
    assert!(
        matches!(
            &err,
            AppError::Refused(Refusal::Team(TeamError::NotAnInspector {
                slot: Slot::Inspectors,
                ..
            }))
        ),
        "{err}"
    );
    assert_eq!(
        db::inspections::list_for(&mut conn, &lead).unwrap().len(),
        3,
        "no inspection row left behind"
    );
    assert_eq!(
        db::audit::count_action(&mut conn, "membership.added").unwrap(),
        before
    );
    assert_eq!(
        db::audit::count_action(&mut conn, "inspection.created").unwrap(),
        3
    );

    // The demo opened Harrowdale's surveys: one stage change so far.
    assert_eq!(
        db::audit::count_action(&mut conn, "inspection.status_changed").unwrap(),
        1
    );
    let err =
        app::inspections::change_stage(&mut conn, 1, Status::Final, &lead, &catalogue).unwrap_err();
    assert!(matches!(err, AppError::Refused(Refusal::Transition(_))));
    assert_eq!(
        db::audit::count_action(&mut conn, "inspection.status_changed").unwrap(),
        1
    );
    assert!(matches!(
        app::inspections::change_stage(&mut conn, 999, Status::SurveysOpen, &lead, &catalogue),
        Err(AppError::NotFound)
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

/// One column as the database describes it, in diesel's words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct ColumnShape {
    name: String,
    kind: String,
    nullable: bool,
}

type Schema = std::collections::BTreeMap<String, Vec<ColumnShape>>;

/// A database column type as the diesel type `schema.rs` names it.
fn diesel_type(sql: &str) -> String {
    match sql.to_ascii_lowercase().as_str() {
        "integer" | "int4" => "Integer",
        "bigint" | "int8" => "BigInt",
        "text" => "Text",
        "boolean" | "bool" => "Bool",
        "timestamp" | "timestamp without time zone" => "Timestamp",
        "date" => "Date",
        "blob" | "bytea" => "Binary",
        "real" | "double" | "double precision" => "Double",
        other => panic!("no diesel type for the column type {other:?}"),
    }
    .to_string()
}

/// The tables and columns the migrations made, read from the database itself.
fn schema_of(conn: &mut db::DbConnection) -> Schema {
    use diesel::prelude::*;
    use diesel::sql_types::{Integer, Text};
    let mut schema = Schema::new();
    match conn {
        db::DbConnection::Sqlite(c) => {
            #[derive(QueryableByName)]
            struct Table {
                #[diesel(sql_type = Text)]
                name: String,
            }
            #[derive(QueryableByName)]
            struct Col {
                #[diesel(sql_type = Text)]
                name: String,
                #[diesel(sql_type = Text)]
                #[diesel(column_name = "type")]
                kind: String,
                #[diesel(sql_type = Integer)]
                notnull: i32,
                #[diesel(sql_type = Integer)]
                pk: i32,
            }
            let tables: Vec<Table> = diesel::sql_query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name != '__diesel_schema_migrations' ORDER BY name",
            )
            .load(c)
            .unwrap();
            for table in tables {
                let cols: Vec<Col> = diesel::sql_query(format!(
                    "SELECT name, type, \"notnull\", pk FROM pragma_table_info('{}')",
                    table.name
                ))
                .load(c)
                .unwrap();
                schema.insert(
                    table.name,
                    cols.into_iter()
                        .map(|col| ColumnShape {
                            name: col.name,
                            kind: diesel_type(&col.kind),
                            nullable: col.notnull == 0 && col.pk == 0,
                        })
                        .collect(),
                );
            }
        }
        db::DbConnection::Pg(c) => {
            #[derive(QueryableByName)]
            struct Col {
                #[diesel(sql_type = Text)]
                table_name: String,
                #[diesel(sql_type = Text)]
                column_name: String,
                #[diesel(sql_type = Text)]
                data_type: String,
                #[diesel(sql_type = Text)]
                is_nullable: String,
            }
            let cols: Vec<Col> = diesel::sql_query(
                "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text \
                 FROM information_schema.columns WHERE table_schema = 'public' \
                 AND table_name != '__diesel_schema_migrations' \
                 ORDER BY table_name, ordinal_position",
            )
            .load(c)
            .unwrap();
            for col in cols {
                schema.entry(col.table_name).or_default().push(ColumnShape {
                    name: col.column_name,
                    kind: diesel_type(&col.data_type),
                    nullable: col.is_nullable == "YES",
                });
            }
        }
    }
    schema
}

/// The tables and columns `src/db/schema.rs` declares.
fn declared_schema() -> Schema {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db/schema.rs"),
    )
    .unwrap();
    let mut schema = Schema::new();
    let mut lines = text.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if line != "diesel::table! {" {
            continue;
        }
        let header = lines.next().unwrap();
        let name = header.split_whitespace().next().unwrap().to_string();
        let mut columns = vec![];
        for line in lines.by_ref() {
            if line == "}" {
                break;
            }
            let (col, kind) = line.trim_end_matches(',').split_once(" -> ").unwrap();
            let (kind, nullable) = match kind.strip_prefix("Nullable<") {
                Some(inner) => (inner.trim_end_matches('>'), true),
                None => (kind, false),
            };
            columns.push(ColumnShape {
                name: col.to_string(),
                kind: kind.to_string(),
                nullable,
            });
        }
        schema.insert(name, columns);
    }
    schema
}

#[test]
fn the_migrations_make_what_schema_rs_says_and_come_back_the_same() {
    let (url, cleanup) = common::fresh_database();
    let pool = db::open_pool(&url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    db::run_migrations(&mut conn).unwrap();
    let first = schema_of(&mut conn);
    let declared = declared_schema();
    assert!(declared.len() >= 11, "{declared:?}");
    // Table by table, column by column (order included: schema.rs follows the tables).
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        declared.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    for (table, columns) in &declared {
        assert_eq!(&first[table], columns, "table {table}");
    }
    db::revert_all_migrations(&mut conn).unwrap();
    assert!(schema_of(&mut conn).is_empty(), "down removes every table");
    db::run_migrations(&mut conn).unwrap();
    assert_eq!(schema_of(&mut conn), first, "up, down and up again");
    drop(conn);
    drop(pool);
    cleanup();
}
