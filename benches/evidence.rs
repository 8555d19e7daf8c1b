//! Evidence on this machine: importing a 12,000-row DfE file (read, and read and
//! stored), and the survey results page and evidence matrix with 1,000, 100,000 and
//! 1,000,000 responses counted. Run with `cargo bench --bench evidence`.
//!
//! The results page and the matrix read a survey's running tallies (kept in each
//! submission's transaction), never the responses themselves, so the bench sends a
//! few real responses through the survey pages and then scales the stored tallies to
//! the number of responses being measured.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../tests/integration/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use area_send::db;
use area_send::domain::tally::{decode, encode};
use common::{TestApp, HARROWDALE, LEAD};
use diesel::prelude::*;

const SAMPLE: &str =
    include_str!("../tests/fixtures/dfe-ehc-plans-2025/timeliness_20_week.sample.csv");

/// A file in the published layout with `rows` lines: the sample's lines repeated for
/// made-up councils and breakdowns, as the full release files have.
fn big_file(rows: usize) -> Vec<u8> {
    let mut lines = SAMPLE.lines();
    let header = lines.next().unwrap();
    let all: Vec<&str> = lines.collect();
    let body: Vec<&str> = all
        .iter()
        .copied()
        .filter(|l| l.contains("Local authority"))
        .collect();
    let mut out = String::with_capacity(rows * 200);
    out.push_str(header);
    out.push('\n');
    // The sample as published first (the partnership's own rows, its region, England),
    // then made-up councils up to `rows`.
    for line in &all {
        out.push_str(line);
        out.push('\n');
    }
    for i in all.len()..rows {
        let line = body[i % body.len()];
        // Another council each time round, so the partnership's own rows stay few.
        let fields: Vec<String> = line
            .split(',')
            .map(|f| {
                if f.starts_with("E0") && f.len() == 9 {
                    format!("E09{:06}", i / body.len())
                } else {
                    f.to_string()
                }
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out.into_bytes()
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        std::hint::black_box(f());
        best = best.min(start.elapsed());
    }
    best
}

/// Scale every tally of the inspection's surveys so each counts `target` responses.
fn scale_tallies(app: &TestApp, target: u64) {
    use area_send::db::schema::answer_tallies as t;
    let mut conn = app.conn();
    let conn = &mut *conn;
    let rows: Vec<(i32, i32, String)> = t::table
        .select((t::id, t::responses, t::counts))
        .load(conn)
        .unwrap();
    let everyone: i32 = rows.iter().map(|(_, r, _)| *r).max().unwrap_or(1).max(1);
    for (id, responses, counts) in rows {
        let len = counts.split(',').count();
        let factor = target as f64 / f64::from(everyone);
        let scaled: Vec<u64> = decode(&counts, len)
            .unwrap()
            .into_iter()
            .map(|c| (c as f64 * factor).round() as u64)
            .collect();
        diesel::update(t::table.filter(t::id.eq(id)))
            .set((
                t::counts.eq(encode(&scaled)),
                t::responses.eq((f64::from(responses) * factor).round() as i32),
            ))
            .execute(conn)
            .unwrap();
    }
}

fn main() {
    // Import.
    let catalogue = common::shipped_catalogue();
    let file = big_file(12_000);
    let area = area_send::import::dfe::Area {
        council_code: "E06000015".into(),
        old_code: None,
        region_code: None,
    };
    let read = time(10, || {
        area_send::import::dfe::read(
            &catalogue.indicators,
            "timeliness_20_week.csv",
            &file,
            &area,
            usize::MAX,
        )
        .unwrap()
    });
    println!(
        "| import, read and checked | 12,000-row DfE file | {:.1} ms |",
        read.as_secs_f64() * 1000.0
    );

    actix_web::rt::System::new().block_on(async {
        let app = TestApp::spawn_with(|c| c.workers = Some(2)).await;
        let backend = if common::backend_is_postgres() {
            "PostgreSQL"
        } else {
            "SQLite"
        };
        let stored = {
            let mut conn = app.conn();
            let area = area_send::app::evidence::area_of(&mut conn, HARROWDALE).unwrap();
            time(5, || {
                let reading = area_send::import::dfe::read(
                    &catalogue.indicators,
                    "timeliness_20_week.csv",
                    &file,
                    &area,
                    usize::MAX,
                )
                .unwrap();
                area_send::app::evidence::store_dfe(&mut conn, HARROWDALE, "bench", &reading, None)
                    .unwrap()
            })
        };
        println!(
            "| import, read, checked and stored ({backend}) | 12,000-row DfE file | {:.1} ms |",
            stored.as_secs_f64() * 1000.0
        );

        // A few real responses to each survey, so every tally row exists.
        let links: Vec<String> = [
            "children-and-young-people",
            "parents-and-carers",
            "practitioners",
        ]
        .iter()
        .map(|f| common::survey::links(&app, f).0)
        .collect();
        for link in &links {
            for _ in 0..12 {
                let b = app.client();
                let page = common::survey::begin(&b, link, &[]).await;
                common::survey::answer_everything(&b, page).await;
                b.submit(&format!("{link}/check"), &format!("{link}/submit"), &[])
                    .await;
            }
        }
        let lead = app.signed_in(LEAD).await;
        let survey_id = {
            let mut conn = app.conn();
            db::surveys::for_inspection(&mut conn, HARROWDALE).unwrap()[0].id
        };
        for target in [1_000u64, 100_000, 1_000_000] {
            scale_tallies(&app, target);
            for (what, path) in [
                (
                    "survey results page, broken down",
                    format!("/inspections/{HARROWDALE}/results/{survey_id}?by=channel"),
                ),
                (
                    "evidence matrix",
                    format!("/inspections/{HARROWDALE}/matrix"),
                ),
            ] {
                let (status, _) = lead.page(&path).await;
                assert_eq!(status, 200, "{path}");
                let mut best = Duration::MAX;
                for _ in 0..20 {
                    let start = Instant::now();
                    let (status, _) = lead.page(&path).await;
                    assert_eq!(status, 200);
                    best = best.min(start.elapsed());
                }
                println!(
                    "| {what} ({backend}) | {target} responses | {:.2} ms |",
                    best.as_secs_f64() * 1000.0
                );
            }
        }
    });
}
