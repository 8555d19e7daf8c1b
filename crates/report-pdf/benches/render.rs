//! Render time for a full-size report: the outcome-3 fixture extended to 60
//! numbered paragraphs, two charts and an eight-row priority action table.
//!
//! `cargo bench -p area-send-pdf` (release); prints the mean and the slowest
//! render in milliseconds. Target: under 200 ms per render.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, Instant};

use serde_json::{json, Value};

fn big_report() -> String {
    let root = std::fs::canonicalize(
        // Read when run, not when built: a build cache shared between checkouts may
        // hold a binary built in a folder that has since gone.
        std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into()),
    )
    .unwrap();
    let path = root.join("../../tests/fixtures/report/outcome3.json");
    let mut report: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let sections = report["sections"].as_array_mut().unwrap();

    // The experience section: 40 paragraphs around two charts.
    let chart = sections[2]["blocks"][1].clone();
    let mut second_chart = chart.clone();
    second_chart["id"] = json!("chart-2");
    second_chart["title"] = json!("Children and young people: I get help when I need it");
    let mut blocks = vec![];
    for i in 0..40 {
        blocks.push(json!({
            "type": "paragraph", "id": format!("exp-{i}"), "number": 0,
            "text": format!("Paragraph {i}. Too many children and young people wait too long for \
                their needs to be identified and assessed, and families describe having to \
                fight for help. Leaders know this and have started to act, but it is too \
                early to see the difference for most children."),
            "citations": [{"reference": {"kind": "indicator", "indicator_id": "x"}, "label": "x"}]
        }));
        if i == 10 {
            blocks.push(chart.clone());
        }
        if i == 25 {
            blocks.push(second_chart.clone());
        }
    }
    sections[2]["blocks"] = json!(blocks);

    // The effective section: 16 more paragraphs as bullets.
    let items: Vec<Value> = (0..16)
        .map(|i| {
            json!({"id": format!("eff-{i}"), "number": 0,
                   "text": format!("Strength {i}: practitioners work well together and share information quickly.")})
        })
        .collect();
    sections[3]["blocks"] = json!([{ "type": "bullets", "items": items }]);

    // Eight priority actions.
    let rows: Vec<Value> = (0..8)
        .map(|i| {
            json!({"id": format!("f-{i}"), "number": 0,
                   "cells": ["Northby Council and Northby and Southby ICB",
                             format!("Priority action {i}: leaders should make sure that assessments \
                                      are completed within 20 weeks and plans are reviewed.")]})
        })
        .collect();
    sections[5]["blocks"][0]["rows"] = json!(rows);

    // Number everything in reading order.
    let mut number = 0;
    let mut renumber = |v: &mut Value| {
        number += 1;
        v["number"] = json!(number);
    };
    let mut paragraphs = 0;
    for section in sections.iter_mut() {
        for block in section["blocks"].as_array_mut().unwrap() {
            match block["type"].as_str().unwrap() {
                "paragraph" => {
                    paragraphs += 1;
                    renumber(block);
                }
                "chart" => renumber(block),
                "bullets" => {
                    for item in block["items"].as_array_mut().unwrap() {
                        paragraphs += 1;
                        renumber(item);
                    }
                }
                "table" => {
                    for row in block["rows"].as_array_mut().unwrap() {
                        renumber(row);
                    }
                }
                _ => {}
            }
        }
    }
    assert!(paragraphs >= 60, "only {paragraphs} paragraphs");
    report.to_string()
}

fn main() {
    let input = big_report();
    // The first render builds the engine and font book.
    let start = Instant::now();
    let pdf = area_send_pdf::render_report(&input).unwrap();
    println!(
        "first render (builds the engine): {:.1} ms, {} bytes",
        start.elapsed().as_secs_f64() * 1000.0,
        pdf.len()
    );

    let runs = 20;
    let mut total = Duration::ZERO;
    let mut worst = Duration::ZERO;
    for _ in 0..runs {
        let start = Instant::now();
        let pdf = area_send_pdf::render_report(&input).unwrap();
        let took = start.elapsed();
        std::hint::black_box(pdf);
        total += took;
        worst = worst.max(took);
    }
    println!(
        "render_report, 60+ paragraphs, 2 charts, 8-row table: mean {:.1} ms, slowest {:.1} ms over {runs} runs",
        total.as_secs_f64() * 1000.0 / f64::from(runs),
        worst.as_secs_f64() * 1000.0
    );
}
