//! Evidence against the real server: DfE statistics imported from the published
//! samples in tests/fixtures (every expected figure below was read from those files
//! by hand), malformed files refused whole, the command line, documents, case notes,
//! duties, survey results with suppression, the free-text queue, and who may see any
//! of it.

use area_send::db;
use diesel::prelude::*;
use reqwest::StatusCode;

use crate::common::survey::*;
use crate::common::*;

const DERBY: &str = "E06000015";
const BRISTOL: &str = "E06000023";
const EAST_MIDLANDS: &str = "E12000004";
const ENGLAND: &str = "E92000001";

const LA: &str = "local_authority";
const REGION: &str = "regional";
const NATIONAL: &str = "national";

const CHILDREN: &str = "children-and-young-people";

const TIMELINESS: &str = "dfe-ehc-plans-2025/timeliness_20_week.sample.csv";
const ANNUAL_REVIEWS: &str = "dfe-ehc-plans-2025/annual_reviews.sample.csv";
const OFFICERS: &str = "dfe-ehc-plans-2025/sen2_dmo_dco.sample.csv";
const SEN2_MI: &str = "dfe-ehc-plans-2022/sen2_mi.sample.csv";

// ---------------------------------------------------------------- fixtures

fn fixture_path(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap()
}

fn fixture_text(name: &str) -> String {
    String::from_utf8(fixture(name)).unwrap()
}

/// The name a fixture was published under, without its folder.
fn file_name(name: &str) -> String {
    name.rsplit('/').next().unwrap().to_string()
}

/// A fixture with `from` replaced by `to`, which must occur exactly once.
fn edited(name: &str, from: &str, to: &str) -> Vec<u8> {
    let text = fixture_text(name);
    assert_eq!(text.matches(from).count(), 1, "{from:?} once in {name}");
    text.replace(from, to).into_bytes()
}

/// The 20-week timeliness file's own header (with its byte-order mark), for files
/// made to look like it.
fn timeliness_header() -> String {
    fixture_text(TIMELINESS).lines().next().unwrap().to_string()
}

/// The smallest PNG: a 1 by 1 transparent pixel.
const PNG: [u8; 70] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f,
    0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// A tiny but real PDF.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/MediaBox[0 0 3 3]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

// ---------------------------------------------------------------- the command line

fn add_partnership(app: &TestApp, name: &str, code: &str, icb: &str) -> i32 {
    let o = cli(
        app,
        &[
            "partnership",
            "add",
            "--council-name",
            name,
            "--council-code",
            code,
            "--icb",
            icb,
        ],
    );
    assert!(o.status.success(), "partnership add: {}", stderr(&o));
    stdout(&o)
        .trim()
        .parse()
        .expect("partnership add prints the id")
}

fn add_inspection(app: &TestApp, code: &str) -> i32 {
    let o = cli(
        app,
        &[
            "inspection",
            "add",
            "--council-code",
            code,
            "--notified",
            "2026-01-05",
            "--on-site-start",
            "2026-01-19",
            "--on-site-end",
            "2026-01-23",
            "--lead",
            LEAD.0,
        ],
    );
    assert!(o.status.success(), "inspection add: {}", stderr(&o));
    stdout(&o)
        .trim()
        .parse()
        .expect("inspection add prints the id")
}

/// A partnership for Derby (a council in the samples, by its real ONS code) and an
/// inspection of it led by the demo's lead inspector.
fn derby_inspection(app: &TestApp) -> i32 {
    add_partnership(
        app,
        "Derby",
        DERBY,
        "E54000058=NHS Derby and Derbyshire Integrated Care Board",
    );
    add_inspection(app, DERBY)
}

// ---------------------------------------------------------------- pages and forms

fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The cells of every table row whose heading cell reads `first`.
fn rows_headed(html: &str, first: &str) -> Vec<Vec<String>> {
    let doc = scraper::Html::parse_document(html);
    let tr = scraper::Selector::parse("tr").unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    doc.select(&tr)
        .map(|row| {
            row.select(&cell)
                .map(|c| c.text().collect::<String>().trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|cells| cells.first().map(String::as_str) == Some(first))
        .collect()
}

/// Import files (name, bytes) on the statistics page; the status and the summary page.
async fn import(b: &Browser, id: i32, files: Vec<(String, Vec<u8>)>) -> (StatusCode, String) {
    let files = files
        .into_iter()
        .map(|(name, bytes)| ("files", name, bytes))
        .collect();
    let res = send_with_files(
        b,
        &format!("/inspections/{id}/indicators"),
        &format!("/inspections/{id}/indicators/import"),
        &[],
        files,
    )
    .await;
    let status = res.status();
    (status, res.text().await.unwrap())
}

async fn import_fixtures(b: &Browser, id: i32, names: &[&str]) -> (StatusCode, String) {
    let files = names.iter().map(|n| (file_name(n), fixture(n))).collect();
    import(b, id, files).await
}

// ---------------------------------------------------------------- the statistics export

/// One line of the statistics export.
#[derive(Debug, Clone)]
struct Stat {
    indicator_id: String,
    area_code: String,
    area_name: String,
    level: String,
    period: String,
    value: String,
}

const EXPORT_HEADER: &str =
    "indicator_id,area_code,area_name,geographic_level,time_period,value,note";

fn parse_stats(body: &str) -> Vec<Stat> {
    assert_eq!(body.lines().next(), Some(EXPORT_HEADER));
    csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(|r| {
            let r = r.unwrap();
            Stat {
                indicator_id: r[0].to_string(),
                area_code: r[1].to_string(),
                area_name: r[2].to_string(),
                level: r[3].to_string(),
                period: r[4].to_string(),
                value: r[5].to_string(),
            }
        })
        .collect()
}

async fn exported_stats(b: &Browser, id: i32) -> (String, Vec<Stat>) {
    let res = b
        .get(&format!("/inspections/{id}/export/indicators.csv"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    let stats = parse_stats(&body);
    (body, stats)
}

/// (area code, area name, value) of one exported figure.
fn figure<'a>(
    stats: &'a [Stat],
    indicator: &str,
    level: &str,
    period: &str,
) -> (&'a str, &'a str, &'a str) {
    let found: Vec<&Stat> = stats
        .iter()
        .filter(|s| s.indicator_id == indicator && s.level == level && s.period == period)
        .collect();
    match found.as_slice() {
        [one] => (&one.area_code, &one.area_name, &one.value),
        _ => panic!("{} value(s) of {indicator} {level} {period}", found.len()),
    }
}

fn has_figure(stats: &[Stat], indicator: &str, level: &str, period: &str) -> bool {
    stats
        .iter()
        .any(|s| s.indicator_id == indicator && s.level == level && s.period == period)
}

// ---------------------------------------------------------------- what is stored

/// Imports and indicator values stored, across every inspection.
fn stored_statistics(app: &TestApp) -> (i64, i64) {
    use db::schema::{imports, indicator_values};
    let mut conn = app.conn();
    (
        imports::table.count().get_result(&mut conn).unwrap(),
        indicator_values::table
            .count()
            .get_result(&mut conn)
            .unwrap(),
    )
}

fn values_of(app: &TestApp, id: i32) -> i64 {
    use db::schema::indicator_values;
    indicator_values::table
        .filter(indicator_values::inspection_id.eq(id))
        .count()
        .get_result(&mut app.conn())
        .unwrap()
}

/// Rows of the evidence tables a refused or forbidden change must leave alone.
fn stored_evidence(app: &TestApp) -> Vec<i64> {
    use db::schema::{
        case_notes, documents, duty_checks, free_text_reviews, imports, indicator_values,
        population_counts,
    };
    let mut c = app.conn();
    vec![
        imports::table.count().get_result(&mut c).unwrap(),
        indicator_values::table.count().get_result(&mut c).unwrap(),
        duty_checks::table.count().get_result(&mut c).unwrap(),
        documents::table.count().get_result(&mut c).unwrap(),
        case_notes::table.count().get_result(&mut c).unwrap(),
        population_counts::table.count().get_result(&mut c).unwrap(),
        free_text_reviews::table
            .filter(free_text_reviews::status.ne("to_review"))
            .count()
            .get_result(&mut c)
            .unwrap(),
    ]
}

// ---------------------------------------------------------------- surveys

fn survey_id(app: &TestApp, form_id: &str) -> i32 {
    db::surveys::for_inspection(&mut app.conn(), HARROWDALE)
        .unwrap()
        .into_iter()
        .find(|s| s.form.id == form_id)
        .unwrap()
        .id
}

fn survey_title(app: &TestApp, form_id: &str) -> String {
    app.catalogue()
        .latest(form_id)
        .unwrap()
        .form
        .title
        .get("en")
        .to_string()
}

/// Send one response to the demo's children's survey, every question answered with
/// its first answer and the free-text question with `free_text`.
async fn send_child_response(app: &TestApp, free_text: &str) {
    let (link, _) = links(app, CHILDREN);
    let child = app.client();
    let page = begin(&child, &link, &[("lang", "en")]).await;
    answer_everything_with(&child, page, free_text).await;
    let res = child
        .submit(&format!("{link}/check"), &format!("{link}/submit"), &[])
        .await;
    assert_eq!(location(&res), format!("{link}/done"));
}

/// The id of the free-text answer reading `text` in the queue.
fn review_id(queue_html: &str, text: &str) -> i32 {
    let doc = scraper::Html::parse_document(queue_html);
    let section = scraper::Selector::parse("section[id^=answer-]").unwrap();
    let quote = scraper::Selector::parse("blockquote").unwrap();
    doc.select(&section)
        .find(|s| {
            s.select(&quote)
                .next()
                .is_some_and(|q| q.text().collect::<String>().trim() == text)
        })
        .and_then(|s| s.value().id())
        .and_then(|id| id.strip_prefix("answer-"))
        .unwrap_or_else(|| panic!("{text:?} is not in the queue"))
        .parse()
        .unwrap()
}

/// The flags shown on the free-text answer reading `text`.
fn flags_on(queue_html: &str, text: &str) -> Vec<String> {
    let id = review_id(queue_html, text);
    texts(queue_html, &format!("section#answer-{id} .tag"))
}

fn csv_records(body: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

fn csv_header(body: &str) -> csv::StringRecord {
    csv::Reader::from_reader(body.as_bytes())
        .headers()
        .unwrap()
        .clone()
}

// ================================================================ DfE statistics

#[actix_web::test]
async fn the_published_samples_give_derby_its_own_region_and_england_year_by_year() {
    let app = TestApp::spawn().await;
    let id = derby_inspection(&app);
    let lead = app.signed_in(LEAD).await;
    let (status, html) =
        import_fixtures(&lead, id, &[TIMELINESS, ANNUAL_REVIEWS, OFFICERS, SEN2_MI]).await;
    let text = page_text(&html);
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(text.contains("4 file(s) imported, 0 refused."), "{text}");
    // annual_reviews.csv names review_meeting_prior_24 twice (its 18th and 19th columns).
    assert!(
        text.contains(
            "Line 1, review_meeting_prior_24: the header names \"review_meeting_prior_24\" twice (columns 18 and 19); neither is used"
        ),
        "{text}"
    );

    let (_, s) = exported_stats(&lead, id).await;
    // 2025 layout, PC_plans_issued_20_weeks_ex: Derby, East Midlands and England.
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2023"),
        (DERBY, "Derby", "26.8")
    );
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2024"),
        (DERBY, "Derby", "16.4")
    );
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", REGION, "2024"),
        (EAST_MIDLANDS, "East Midlands", "39")
    );
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", NATIONAL, "2024"),
        (ENGLAND, "England", "46.4")
    );
    assert_eq!(
        figure(&s, "ehcp_20_weeks_inc", LA, "2024"),
        (DERBY, "Derby", "14")
    );
    // x (not available) before 2023 for plans issued after a year.
    assert_eq!(
        figure(&s, "ehcp_over_52_weeks_ex", LA, "2019"),
        (DERBY, "Derby", "x")
    );
    assert_eq!(
        figure(&s, "ehcp_over_52_weeks_ex", NATIONAL, "2022"),
        (ENGLAND, "England", "x")
    );
    assert_eq!(
        figure(&s, "ehcp_over_52_weeks_ex", LA, "2024"),
        (DERBY, "Derby", "16.4")
    );
    // 2022 layout (sen2_mi), NoExc20weekRate written as 75.000000000000; z in 2014.
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2014"),
        (DERBY, "Derby", "z")
    );
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2015"),
        (DERBY, "Derby", "1.4")
    );
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2017"),
        (DERBY, "Derby", "75")
    );
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", REGION, "2016"),
        (EAST_MIDLANDS, "East Midlands", "72.8")
    );
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", NATIONAL, "2016"),
        (ENGLAND, "England", "58.6")
    );
    assert_eq!(
        figure(&s, "requests_received", LA, "2019"),
        (DERBY, "Derby", "505")
    );
    assert_eq!(
        figure(&s, "requests_received", LA, "2015"),
        (DERBY, "Derby", "z")
    );
    // Annual reviews, 2024.
    assert_eq!(
        figure(&s, "annual_review_decision_4_weeks_pc", LA, "2024"),
        (DERBY, "Derby", "65.6")
    );
    assert_eq!(
        figure(&s, "annual_review_decision_4_weeks_pc", REGION, "2024"),
        (EAST_MIDLANDS, "East Midlands", "54.9")
    );
    assert_eq!(
        figure(&s, "annual_review_decision_4_weeks_pc", NATIONAL, "2024"),
        (ENGLAND, "England", "44.4")
    );
    assert_eq!(
        figure(&s, "annual_review_no_meeting", LA, "2024"),
        (DERBY, "Derby", "1755")
    );
    assert_eq!(
        figure(&s, "annual_review_no_meeting", NATIONAL, "2024"),
        (ENGLAND, "England", "70893")
    );
    // Designated officers: Derby never had a DMO in post; always a DCO.
    assert_eq!(
        figure(&s, "dmo_in_post", LA, "2019"),
        (DERBY, "Derby", "No")
    );
    assert_eq!(
        figure(&s, "dmo_in_post", LA, "2025"),
        (DERBY, "Derby", "No")
    );
    assert_eq!(
        figure(&s, "dco_in_post", LA, "2025"),
        (DERBY, "Derby", "Yes")
    );

    // Nothing for Nottingham, Bristol or the East of England.
    let foreign: Vec<&Stat> = s
        .iter()
        .filter(|v| ![DERBY, EAST_MIDLANDS, ENGLAND].contains(&v.area_code.as_str()))
        .collect();
    assert!(foreign.is_empty(), "{foreign:?}");
    // By hand: timeliness 3 indicators x 6 years x 3 levels (54), annual reviews 2 x 3
    // (6), officers 2 x 7 years for Derby alone (14), sen2_mi 9 indicators x 8 years x 3
    // levels (216), less the 2 x 3 years x 3 levels both releases give (18).
    assert_eq!(values_of(&app, id), 54 + 6 + 14 + 216 - 18);

    // The council's old code and region are learned from its own rows.
    {
        use db::schema::partnerships;
        let known: (Option<String>, Option<String>, Option<String>) = partnerships::table
            .filter(partnerships::council_code.eq(DERBY))
            .select((
                partnerships::council_old_code,
                partnerships::region_code,
                partnerships::region_name,
            ))
            .first(&mut app.conn())
            .unwrap();
        assert_eq!(
            known,
            (
                Some("831".into()),
                Some(EAST_MIDLANDS.into()),
                Some("East Midlands".into())
            )
        );
    }

    // The indicator's page: a column for each area, a row for each year.
    let (status, html) = lead
        .page(&format!("/inspections/{id}/indicators/ehcp_20_weeks_ex"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        rows_headed(&html, "Period"),
        vec![vec!["Period", "Derby", "East Midlands", "England"]]
    );
    assert_eq!(
        rows_headed(&html, "2024"),
        vec![vec!["2024", "16.4%", "39%", "46.4%"]]
    );
    assert_eq!(
        rows_headed(&html, "2014"),
        vec![vec!["2014", "z – not applicable", "71.4%", "64.3%"]]
    );
    let (_, html) = lead
        .page(&format!("/inspections/{id}/indicators/dmo_in_post"))
        .await;
    assert_eq!(rows_headed(&html, "2025"), vec![vec!["2025", "No"]]);
}

#[actix_web::test]
async fn a_council_whose_name_holds_a_comma_keeps_it_and_its_officers_year_by_year() {
    let app = TestApp::spawn().await;
    // Set up on the administration page this time.
    let admin = app.signed_in(ADMIN).await;
    let res = admin
        .submit(
            "/admin",
            "/admin/partnerships",
            &[
                ("council_name", "Bristol, City of"),
                ("council_code", BRISTOL),
                (
                    "icb_name_1",
                    "NHS Bristol, North Somerset and South Gloucestershire ICB",
                ),
                ("icb_code_1", "E54000039"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = add_inspection(&app, BRISTOL);
    let lead = app.signed_in(LEAD).await;
    let (status, html) = import_fixtures(&lead, id, &[TIMELINESS, OFFICERS]).await;
    assert_eq!(status, StatusCode::OK, "{}", page_text(&html));

    let (body, s) = exported_stats(&lead, id).await;
    assert!(body.contains(",\"Bristol, City of\","), "{body}");
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2019"),
        (BRISTOL, "Bristol, City of", "0.8")
    );
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2024"),
        (BRISTOL, "Bristol, City of", "17.4")
    );
    // A DMO in 2020, none in 2021, one again from 2022.
    for (year, dmo) in [
        ("2019", "No"),
        ("2020", "Yes"),
        ("2021", "No"),
        ("2022", "Yes"),
        ("2025", "Yes"),
    ] {
        assert_eq!(
            figure(&s, "dmo_in_post", LA, year),
            (BRISTOL, "Bristol, City of", dmo),
            "{year}"
        );
    }
    // The samples have no South West rows: the other regions are not taken for it.
    assert!(s.iter().all(|v| v.level != REGION), "{body}");
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", NATIONAL, "2019"),
        (ENGLAND, "England", "60.4")
    );
    let (_, html) = lead
        .page(&format!("/inspections/{id}/indicators/ehcp_20_weeks_ex"))
        .await;
    assert_eq!(
        rows_headed(&html, "Period"),
        vec![vec!["Period", "Bristol, City of", "England"]]
    );
}

#[actix_web::test]
async fn symbols_are_kept_as_not_available_and_odd_values_are_reported_not_used() {
    let app = TestApp::spawn().await;
    let id = derby_inspection(&app);
    let lead = app.signed_in(LEAD).await;
    // The samples have x and z but not c, low or u: a 2025 line for Derby with them, in
    // the published layout.
    let symbols = format!(
        "{}\r\n2025,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E06000015,831,Derby,All EHC plans issued,All EHC plans issued,c,c,c,c,low,c,u,u,u,u,u,u,u,u\r\n",
        timeliness_header()
    );
    // Derby's annual reviews with a negative count where the catalogue reads one (the
    // sample's own negative, review_decision_outstanding -30, is in a column no
    // indicator reads).
    let negative = edited(ANNUAL_REVIEWS, ",1458,1755,23,", ",1458,-1755,23,");
    let (status, html) = import(
        &lead,
        id,
        vec![
            ("timeliness_20_week.csv".into(), symbols.into_bytes()),
            ("annual_reviews.csv".into(), negative),
        ],
    )
    .await;
    let text = page_text(&html);
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(
        text.contains("Line 5, no_review_meeting: EHC plans with no annual review meeting recorded: a negative figure (-1755), which cannot be right for this indicator; the value is not used"),
        "{text}"
    );

    let (_, s) = exported_stats(&lead, id).await;
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2025"),
        (DERBY, "Derby", "c")
    );
    assert_eq!(
        figure(&s, "ehcp_20_weeks_inc", LA, "2025"),
        (DERBY, "Derby", "low")
    );
    assert_eq!(
        figure(&s, "ehcp_over_52_weeks_ex", LA, "2025"),
        (DERBY, "Derby", "u")
    );
    assert!(!has_figure(&s, "annual_review_no_meeting", LA, "2024"));
    assert_eq!(
        figure(&s, "annual_review_no_meeting", REGION, "2024"),
        (EAST_MIDLANDS, "East Midlands", "4173")
    );
    assert_eq!(
        figure(&s, "annual_review_decision_4_weeks_pc", LA, "2024"),
        (DERBY, "Derby", "65.6")
    );

    // Shown with their meaning, never as a number.
    let (_, html) = lead
        .page(&format!("/inspections/{id}/indicators/ehcp_20_weeks_ex"))
        .await;
    assert_eq!(
        rows_headed(&html, "2025"),
        vec![vec!["2025", "c – confidential (suppressed by the DfE)"]]
    );
    let (_, html) = lead
        .page(&format!("/inspections/{id}/indicators/ehcp_20_weeks_inc"))
        .await;
    assert_eq!(
        rows_headed(&html, "2025"),
        vec![vec!["2025", "low – rounds to zero"]]
    );
    let (_, html) = lead
        .page(&format!(
            "/inspections/{id}/indicators/ehcp_over_52_weeks_ex"
        ))
        .await;
    assert_eq!(
        rows_headed(&html, "2025"),
        vec![vec!["2025", "u – low reliability"]]
    );
}

#[actix_web::test]
async fn importing_the_same_file_again_replaces_its_values_without_duplicates() {
    let app = TestApp::spawn().await;
    let id = derby_inspection(&app);
    let lead = app.signed_in(LEAD).await;
    assert_eq!(stored_statistics(&app), (0, 0));
    let (status, _) = import_fixtures(&lead, id, &[TIMELINESS]).await;
    assert_eq!(status, StatusCode::OK);
    // 3 indicators x 6 years x (Derby, East Midlands, England).
    assert_eq!(stored_statistics(&app), (1, 54));
    let (status, _) = import_fixtures(&lead, id, &[TIMELINESS]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        stored_statistics(&app),
        (2, 54),
        "a second import is recorded, its values replace the first's"
    );
    {
        use db::schema::indicator_values as v;
        let keys: Vec<(String, String, String)> = v::table
            .filter(v::inspection_id.eq(id))
            .select((v::indicator_id, v::level, v::period))
            .load(&mut app.conn())
            .unwrap();
        let unique: std::collections::BTreeSet<_> = keys.iter().collect();
        assert_eq!(
            unique.len(),
            keys.len(),
            "no indicator, level and period twice"
        );
    }
    let (_, s) = exported_stats(&lead, id).await;
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2024"),
        (DERBY, "Derby", "16.4")
    );
}

#[actix_web::test]
async fn malformed_files_are_refused_whole_with_a_clear_reason() {
    let app = TestApp::spawn().await;
    let id = derby_inspection(&app);
    let lead = app.signed_in(LEAD).await;
    let header = timeliness_header();
    let derby_2024 = "2024,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E06000015,831,Derby,All EHC plans issued,All EHC plans issued,442,377,62,62,14,16.4,298,253,67.4,67.1,82,62,18.6,16.4";
    let mut windows_1252 = format!("{header}\n{derby_2024}\n").into_bytes();
    // "£" as Windows-1252 writes it, in a name on the third line.
    windows_1252.extend_from_slice(b"2024,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E06000018,892,Nottingham \xa3,All EHC plans issued,All EHC plans issued,294,294,88,88,29.9,29.9,206,206,70.1,70.1,0,0,0,0\n");
    let census = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,phase_type_grouping,headcount_of_pupils,fte_pupils\n202425,Academic year,National,E92000001,England,,,,,,Total,9032426,8735110.5\n";
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "ehc_plans.csv",
            b"area,plans\nDerby,2412\n".to_vec(),
            "The file is not in the explore-education-statistics layout: it has no time_period column.",
        ),
        (
            "spc_pupils.csv",
            census.as_bytes().to_vec(),
            "The file's columns are not those of any statistics file the indicator catalogue describes (time_period, time_identifier, geographic_level,",
        ),
        (
            "chart.csv",
            PNG.to_vec(),
            "The file is not text (it holds binary data), so it is not a CSV file.",
        ),
        (
            "page.csv",
            b"<!DOCTYPE html>\n<html><body><p>Education, health and care plans</p></body></html>\n"
                .to_vec(),
            "The file is not in the explore-education-statistics layout: it has no time_period column.",
        ),
        (
            "timeliness_20_week.csv",
            format!("{header}\n{derby_2024}\0\n").into_bytes(),
            "The file is not text (it holds binary data), so it is not a CSV file.",
        ),
        ("timeliness_20_week.csv", vec![], "The file is empty."),
        (
            "timeliness_20_week.csv",
            windows_1252,
            "Line 3 is not UTF-8 text. Save the file as \"CSV UTF-8\"",
        ),
        (
            "timeliness_20_week.csv",
            format!("{header}\n2024,Calendar year,National\n").into_bytes(),
            "Line 2 has 3 fields, but the header has 26.",
        ),
    ];
    for (name, bytes, reason) in cases {
        let before = stored_statistics(&app);
        let (status, html) = import(&lead, id, vec![(name.into(), bytes)]).await;
        let text = page_text(&html);
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reason}: {text}");
        assert!(text.contains("0 file(s) imported, 1 refused."), "{text}");
        assert!(text.contains(reason), "{reason}: {text}");
        assert_eq!(stored_statistics(&app), before, "{reason}: nothing stored");
    }
    assert_eq!(stored_statistics(&app), (0, 0));

    // A good file and a bad one: the good one is imported, the bad one refused.
    let (status, html) = import(
        &lead,
        id,
        vec![
            (file_name(TIMELINESS), fixture(TIMELINESS)),
            ("chart.csv".into(), PNG.to_vec()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_text(&html).contains("1 file(s) imported, 1 refused."));
    assert_eq!(stored_statistics(&app), (1, 54));

    // The 2022 release as a spreadsheet saves it, with a byte-order mark and CRLF
    // line endings: read the same.
    let mut bom_crlf = "\u{feff}".as_bytes().to_vec();
    bom_crlf.extend_from_slice(fixture_text(SEN2_MI).replace('\n', "\r\n").as_bytes());
    let (status, html) = import(&lead, id, vec![("sen2_mi.csv".into(), bom_crlf)]).await;
    assert_eq!(status, StatusCode::OK, "{}", page_text(&html));
    let (_, s) = exported_stats(&lead, id).await;
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2018"),
        (DERBY, "Derby", "11.7")
    );
    assert_eq!(
        figure(&s, "personal_budgets", NATIONAL, "2021"),
        (ENGLAND, "England", "25259")
    );
}

#[actix_web::test]
async fn a_file_over_the_upload_limit_is_refused_before_anything_is_stored() {
    let app = TestApp::spawn_with(|c| c.max_upload_bytes = 1024 * 1024).await;
    let id = derby_inspection(&app);
    let lead = app.signed_in(LEAD).await;
    // A real file's lines, repeated to 2 MB.
    let mut big = fixture_text(TIMELINESS);
    let line = big.lines().nth(19).unwrap().to_string();
    while big.len() < 2 * 1024 * 1024 {
        big.push_str(&line);
        big.push_str("\r\n");
    }
    let (status, html) = import(&lead, id, vec![(file_name(TIMELINESS), big.into_bytes())]).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        page_text(&html).contains("A file was larger than the 1 MB the service accepts."),
        "{}",
        page_text(&html)
    );
    assert_eq!(stored_statistics(&app), (0, 0));
    // The page says the limit before anyone tries.
    let (_, html) = lead.page(&format!("/inspections/{id}/indicators")).await;
    assert!(page_text(&html).contains("each up to 1 MB"));
}

// ================================================================ the command line

#[actix_web::test]
async fn the_command_line_sets_up_imports_file_by_file_and_exports() {
    let app = TestApp::spawn().await;
    // A bad ONS code: the same words as the administration page.
    let o = cli(
        &app,
        &[
            "partnership",
            "add",
            "--council-name",
            "Derby",
            "--council-code",
            "E07000032",
            "--icb",
            "E54000058=NHS Derby and Derbyshire Integrated Care Board",
        ],
    );
    assert!(!o.status.success());
    let words =
        "Enter the council's ONS code, like E06000015: E06, E08, E09 or E10 followed by six digits.";
    assert!(stderr(&o).contains(words), "{}", stderr(&o));
    let admin = app.signed_in(ADMIN).await;
    let res = admin
        .submit(
            "/admin",
            "/admin/partnerships",
            &[
                ("council_name", "Derby"),
                ("council_code", "E07000032"),
                (
                    "icb_name_1",
                    "NHS Derby and Derbyshire Integrated Care Board",
                ),
                ("icb_code_1", "E54000058"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page_text(&res.text().await.unwrap()).contains(words));

    // Each prints the id it made.
    let partnership = add_partnership(
        &app,
        "Derby",
        DERBY,
        "E54000058=NHS Derby and Derbyshire Integrated Care Board",
    );
    {
        use db::schema::partnerships;
        let stored: i32 = partnerships::table
            .filter(partnerships::council_code.eq(DERBY))
            .select(partnerships::id)
            .first(&mut app.conn())
            .unwrap();
        assert_eq!(stored, partnership);
    }
    let id = add_inspection(&app, DERBY);
    {
        use db::schema::inspections;
        let of: i32 = inspections::table
            .find(id)
            .select(inspections::partnership_id)
            .first(&mut app.conn())
            .unwrap();
        assert_eq!(of, partnership);
    }

    // A line per file, in order; a file refused makes the exit non-zero, and the
    // others are still imported.
    let dir = std::env::temp_dir().join(format!("area-send-evidence-{id}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("chart.csv");
    std::fs::write(&bad, PNG).unwrap();
    let (timeliness, reviews) = (fixture_path(TIMELINESS), fixture_path(ANNUAL_REVIEWS));
    let id_text = id.to_string();
    let o = cli(
        &app,
        &[
            "import",
            "dfe",
            &id_text,
            &timeliness,
            bad.to_str().unwrap(),
            &reviews,
        ],
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!o.status.success(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("1 of 3 file(s) imported nothing"),
        "{}",
        stderr(&o)
    );
    let out = stdout(&o);
    // A line per file; a file's problems follow it, indented.
    let lines: Vec<&str> = out.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("  line 1") && l.contains("review_meeting_prior_24")),
        "{out}"
    );
    assert!(
        lines[0].starts_with(&format!("{timeliness}: EHC plans issued within 20 weeks (timeliness_20_week.csv) (36 rows): took 54 value(s) of 3 indicator(s)")),
        "{out}"
    );
    assert_eq!(
        lines[1],
        format!(
            "{}: nothing imported: The file is not text (it holds binary data), so it is not a CSV file.",
            bad.display()
        )
    );
    assert!(
        lines[2].starts_with(&format!("{reviews}: Annual reviews of EHC plans (annual_reviews.csv) (6 rows): took 6 value(s) of 2 indicator(s)")),
        "{out}"
    );
    assert_eq!(values_of(&app, id), 54 + 6);

    // Every file imported: success.
    let o = cli(&app, &["import", "dfe", &id_text, &fixture_path(OFFICERS)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    assert_eq!(values_of(&app, id), 54 + 6 + 14);

    // The export: the header, and the same lines as the page's download.
    let o = cli(&app, &["export", "indicators", &id_text]);
    assert!(o.status.success(), "{}", stderr(&o));
    let exported = stdout(&o);
    assert_eq!(exported.lines().next(), Some(EXPORT_HEADER));
    let s = parse_stats(&exported);
    assert_eq!(s.len(), 54 + 6 + 14);
    assert_eq!(
        figure(&s, "ehcp_20_weeks_ex", LA, "2023"),
        (DERBY, "Derby", "26.8")
    );
    assert_eq!(
        figure(&s, "dco_in_post", LA, "2021"),
        (DERBY, "Derby", "Yes")
    );
    let lead = app.signed_in(LEAD).await;
    let (web, _) = exported_stats(&lead, id).await;
    assert_eq!(exported, web);

    let o = cli(&app, &["export", "indicators", "999"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("there is no such inspection"));
}

#[actix_web::test]
async fn a_file_with_nothing_for_the_area_makes_the_command_line_fail() {
    let app = TestApp::spawn().await;
    // Harrowdale is invented: the officers file has only councils' own rows, none its.
    let o = cli(
        &app,
        &[
            "import",
            "dfe",
            &HARROWDALE.to_string(),
            &fixture_path(OFFICERS),
        ],
    );
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
    assert!(!o.status.success(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("1 of 1 file(s) imported nothing"),
        "{}",
        stderr(&o)
    );
}

// ================================================================ documents, notes, duties

#[actix_web::test]
async fn a_document_is_kept_as_its_content_shows_and_a_disguised_page_is_refused() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let page = format!("/inspections/{HARROWDALE}/documents");
    let send = |name: &str, bytes: &[u8]| {
        let (lead, page, name, bytes) = (&lead, page.clone(), name.to_string(), bytes.to_vec());
        async move {
            send_with_files(
                lead,
                &page,
                &page,
                &[
                    ("title", "Self-evaluation, autumn 2026"),
                    ("kind", "self_evaluation"),
                    ("criteria", "A1"),
                    ("criteria", "B2"),
                ],
                vec![("file", name, bytes)],
            )
            .await
        }
    };
    let res = send("sef.pdf", PDF).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), page);
    let doc: i32 = {
        use db::schema::documents;
        documents::table
            .filter(documents::inspection_id.eq(HARROWDALE))
            .select(documents::id)
            .first(&mut app.conn())
            .unwrap()
    };
    let (_, html) = lead.page(&page).await;
    let text = page_text(&html);
    assert!(text.contains("Self-evaluation, autumn 2026"), "{text}");
    assert!(text.contains("sef.pdf"), "{text}");
    assert!(text.contains("A1, B2"), "{text}");

    let res = lead.get(&format!("{page}/{doc}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert_eq!(header("content-type"), "application/pdf");
    assert!(
        header("content-disposition").starts_with("attachment; filename=\"sef.pdf\""),
        "{}",
        header("content-disposition")
    );
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(res.bytes().await.unwrap().as_ref(), PDF);

    // A page named .pdf: refused, nothing kept.
    let before = stored_evidence(&app);
    let page_as_pdf =
        b"<!DOCTYPE html>\n<html><body><script>document.location='https://evil.example/'</script></body></html>\n";
    let res = send("minutes.pdf", page_as_pdf).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = page_text(&res.text().await.unwrap());
    assert!(text.contains("The file's content is"), "{text}");
    assert_eq!(stored_evidence(&app), before);
    // Nor plain text calling itself a PDF.
    let res = send("notes.pdf", b"Just some notes, not a PDF.").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page_text(&res.text().await.unwrap())
        .contains("The file's content is plain text, but its name ends in .pdf."));
    assert_eq!(stored_evidence(&app), before);
}

#[actix_web::test]
async fn case_notes_are_kept_only_without_names() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let page = format!("/inspections/{HARROWDALE}/cases");
    let note = |findings: &'static str| {
        vec![
            ("case_ref", "C7"),
            ("age_band", "11 to 15"),
            ("need", "autism"),
            ("setting", "mainstream secondary"),
            ("support", "ehc_plan"),
            ("findings", findings),
            ("bearing", "challenges"),
            ("criteria", "A3"),
        ]
    };
    let named = "Mrs Patel said her son waited a year for his plan.";
    let res = lead.submit(&page, &page, &note(named)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = page_text(&res.text().await.unwrap());
    assert!(text.contains("The note seems to name a person"), "{text}");
    assert!(
        text.contains("Case notes must not hold names: use the case reference and roles"),
        "{text}"
    );
    assert_eq!(stored_evidence(&app)[4], 0, "no case note kept");

    let pseudonymous = "Mum said the child waited a year for the plan; the SENCO chased it twice.";
    let res = lead.submit(&page, &page, &note(pseudonymous)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), page);
    assert_eq!(stored_evidence(&app)[4], 1);
    let (_, html) = lead.page(&page).await;
    assert!(page_text(&html).contains(pseudonymous));
    assert!(!page_text(&html).contains("Patel"));
}

#[actix_web::test]
async fn a_duty_recorded_as_met_shows_with_its_evidence_and_needs_some() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let page = format!("/inspections/{HARROWDALE}/duties");
    let evidence = "SEN2 return 2024: the local offer was published and reviewed.";
    let res = lead
        .submit(
            &page,
            &page,
            &[
                ("duty", "D1"),
                ("status", "met"),
                ("evidence", evidence),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("{page}#D1"));
    let (_, html) = lead.page(&page).await;
    let d1 = texts(&html, "section#D1").join(" ");
    assert!(d1.contains("Now: Met"), "{d1}");
    assert!(d1.contains(evidence), "{d1}");

    let before = stored_evidence(&app);
    let res = lead
        .submit(
            &page,
            &page,
            &[("duty", "D2"), ("status", "met"), ("evidence", "  ")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    let d2 = texts(&html, "section#D2").join(" ");
    assert!(
        d2.contains("Say what shows the duty is met, partly met or not met."),
        "{d2}"
    );
    assert_eq!(stored_evidence(&app), before);
    let (_, html) = lead.page(&page).await;
    assert!(texts(&html, "section#D2")
        .join(" ")
        .contains("Now: Not known yet"));
}

// ================================================================ survey results

#[actix_web::test]
async fn survey_results_hide_small_numbers_on_pages_and_in_exports() {
    let app = TestApp::spawn().await;
    let survey = survey_id(&app, CHILDREN);
    let title = survey_title(&app, CHILDREN);
    let formula = "=HYPERLINK(\"https://evil.example/\",\"more help\")";
    send_child_response(&app, formula).await;
    for _ in 0..2 {
        send_child_response(&app, "More help at school please").await;
    }
    let lead = app.signed_in(LEAD).await;
    let results = format!("/inspections/{HARROWDALE}/results");

    // Three responses: every figure is hidden.
    let (status, html) = lead.page(&results).await;
    assert_eq!(status, StatusCode::OK);
    let row = rows_headed(&html, &title);
    assert_eq!(row.len(), 1, "{html}");
    assert_eq!(row[0].last().unwrap(), "hidden");
    let (status, html) = lead.page(&format!("{results}/{survey}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page_text(&html).contains("hidden response(s) sent."));
    // Zero is shown (hiding it would hide nothing small); every other figure is hidden.
    let cells = texts(&html, "table.chart-table tbody td");
    assert!(cells.iter().any(|c| c == "hidden (too few to show)"));
    for cell in &cells {
        assert!(cell == "hidden (too few to show)" || cell == "0", "{cell}");
    }
    assert!(texts(&html, "p.hint")
        .iter()
        .filter(|h| h.starts_with("Criteria"))
        .all(|h| h.contains("Answered by hidden.")));
    let res = lead
        .get(&format!("/inspections/{HARROWDALE}/export/results.csv"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    let header = csv_header(&body);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mine: Vec<csv::StringRecord> = csv_records(&body)
        .into_iter()
        .filter(|r| &r[col("survey")] == CHILDREN)
        .collect();
    assert!(!mine.is_empty());
    assert!(mine.iter().any(|r| &r[col("number")] == "c"));
    for r in &mine {
        assert!(["c", "0"].contains(&&r[col("number")]), "{r:?}");
        assert_eq!(&r[col("answered")], "c", "{r:?}");
        assert!(["c", "z"].contains(&&r[col("percent")]), "{r:?}");
    }

    // Six: the counts are shown.
    for _ in 0..3 {
        send_child_response(&app, "More help at school please").await;
    }
    let (_, html) = lead.page(&results).await;
    assert_eq!(rows_headed(&html, &title)[0].last().unwrap(), "6");
    let (_, html) = lead.page(&format!("{results}/{survey}")).await;
    assert!(page_text(&html).contains("6 response(s) sent."));
    let res = lead
        .get(&format!("/inspections/{HARROWDALE}/export/results.csv"))
        .await;
    let body = res.text().await.unwrap();
    let listened: Vec<csv::StringRecord> = csv_records(&body)
        .into_iter()
        .filter(|r| {
            &r[col("survey")] == CHILDREN
                && &r[col("question_id")] == "listened_to"
                && &r[col("breakdown_topic")] == "Total"
        })
        .collect();
    assert!(!listened.is_empty());
    assert!(listened.iter().all(|r| &r[col("answered")] == "6"));

    // A formula typed as an answer, cleared for quoting as it is, is neutralised.
    let queue = format!("/inspections/{HARROWDALE}/free-text");
    let (_, html) = lead.page(&queue).await;
    let review = review_id(&html, formula);
    let res = lead
        .submit(
            &queue,
            &format!("{queue}/{review}"),
            &[("status", "usable"), ("redacted", formula)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = lead
        .get(&format!(
            "/inspections/{HARROWDALE}/export/responses/{survey}.csv"
        ))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    let records = csv_records(&body);
    assert_eq!(records.len(), 6);
    let fields: Vec<&str> = records.iter().flat_map(|r| r.iter()).collect();
    assert!(fields.contains(&format!("'{formula}").as_str()), "{body}");
    assert!(
        fields.iter().all(|f| !f.starts_with(['=', '+', '-', '@'])),
        "{body}"
    );
}

#[actix_web::test]
async fn free_text_is_flagged_and_quoted_only_without_personal_data() {
    let app = TestApp::spawn().await;
    let disclosure = "my dad hits me when he is angry";
    let email = "The SENCO is kind. Email me at jo.bloggs@example.org";
    send_child_response(&app, "More clubs after school").await;
    send_child_response(&app, email).await;
    send_child_response(&app, disclosure).await;
    let lead = app.signed_in(LEAD).await;
    let queue = format!("/inspections/{HARROWDALE}/free-text");
    let (status, html) = lead.page(&queue).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        flags_on(&html, disclosure).contains(&"Possible safeguarding disclosure".to_string()),
        "{:?}",
        flags_on(&html, disclosure)
    );
    assert!(
        flags_on(&html, email).contains(&"Possible personal data".to_string()),
        "{:?}",
        flags_on(&html, email)
    );
    assert!(flags_on(&html, "More clubs after school").is_empty());
    // A disclosure comes first.
    let quotes = texts(&html, "section[id^=answer-] blockquote");
    assert_eq!(
        quotes.first().map(String::as_str),
        Some(disclosure),
        "{quotes:?}"
    );

    let review = review_id(&html, email);
    let decide = |redacted: &'static str| {
        let (lead, queue) = (&lead, queue.clone());
        async move {
            lead.submit(
                &queue,
                &format!("{queue}/{review}"),
                &[("status", "usable"), ("redacted", redacted)],
            )
            .await
        }
    };
    let res = decide("The SENCO is kind. Email me at jo.bloggs@example.org").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = page_text(&res.text().await.unwrap());
    assert!(
        text.contains("The text to quote still seems to hold personal data"),
        "{text}"
    );
    let stored = || {
        use db::schema::free_text_reviews as r;
        r::table
            .find(review)
            .select((r::status, r::redacted))
            .first::<(String, Option<String>)>(&mut app.conn())
            .unwrap()
    };
    assert_eq!(stored(), ("to_review".to_string(), None));

    let res = decide("The SENCO is kind. Email me at [email]").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        stored(),
        (
            "usable".to_string(),
            Some("The SENCO is kind. Email me at [email]".to_string())
        )
    );
}

// ================================================================ who may see it

/// Every evidence page and export of inspection `id`.
fn evidence_pages(id: i32, survey: i32, document: i32) -> Vec<String> {
    [
        "evidence".to_string(),
        "indicators".into(),
        "indicators/ehcp_20_weeks_ex".into(),
        "local-data".into(),
        "local-data/template.csv".into(),
        "duties".into(),
        "documents".into(),
        format!("documents/{document}"),
        "cases".into(),
        "results".into(),
        format!("results/{survey}"),
        format!("results/{survey}?by=q:age_band"),
        "representativeness".into(),
        "free-text".into(),
        "matrix".into(),
        "matrix/A1/survey_items".into(),
        "export/results.csv".into(),
        "export/indicators.csv".into(),
        format!("export/responses/{survey}.csv"),
    ]
    .into_iter()
    .map(|p| format!("/inspections/{id}/{p}"))
    .collect()
}

/// Try every way of changing inspection `id`'s evidence, with a valid CSRF token;
/// returns each action and its status.
async fn try_every_change(b: &Browser, id: i32) -> Vec<(String, StatusCode)> {
    let token_page = "/inspections";
    let at = |p: &str| format!("/inspections/{id}/{p}");
    let mut out = vec![];
    for (action, field, name, bytes) in [
        (
            "indicators/import",
            "files",
            file_name(TIMELINESS),
            fixture(TIMELINESS),
        ),
        (
            "local-data",
            "file",
            "local.csv".to_string(),
            b"indicator_id,time_period,value,note\n".to_vec(),
        ),
        ("documents", "file", "sef.pdf".to_string(), PDF.to_vec()),
    ] {
        let res = send_with_files(
            b,
            token_page,
            &at(action),
            &[("title", "SEF"), ("kind", "self_evaluation")],
            vec![(field, name, bytes)],
        )
        .await;
        out.push((action.to_string(), res.status()));
    }
    let forms: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "duties",
            vec![("duty", "D1"), ("status", "met"), ("evidence", "SEN2")],
        ),
        (
            "cases",
            vec![
                ("case_ref", "C1"),
                ("age_band", "5 to 10"),
                ("need", "autism"),
                ("setting", "mainstream"),
                ("support", "ehc_plan"),
                ("findings", "Plan late."),
                ("bearing", "challenges"),
            ],
        ),
        (
            "representativeness",
            vec![
                ("form_id", CHILDREN),
                ("question_id", "age_band"),
                ("count-age_5_to_10", "100"),
            ],
        ),
        (
            "free-text/1",
            vec![("status", "usable"), ("redacted", "More clubs")],
        ),
    ];
    for (action, fields) in forms {
        let res = b.submit(token_page, &at(action), &fields).await;
        out.push((action.to_string(), res.status()));
    }
    out
}

/// Some evidence on the demo inspection, so every page has something to show.
async fn gather_some_evidence(app: &TestApp, lead: &Browser) -> i32 {
    send_child_response(app, "More clubs after school").await;
    let (status, _) = import_fixtures(lead, HARROWDALE, &[TIMELINESS, SEN2_MI]).await;
    assert_eq!(status, StatusCode::OK);
    let duties = format!("/inspections/{HARROWDALE}/duties");
    let res = lead
        .submit(
            &duties,
            &duties,
            &[("duty", "D1"), ("status", "partly"), ("evidence", "SEN2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let documents = format!("/inspections/{HARROWDALE}/documents");
    let res = send_with_files(
        lead,
        &documents,
        &documents,
        &[
            ("title", "SEF"),
            ("kind", "self_evaluation"),
            ("criteria", "A1"),
        ],
        vec![("file", "sef.pdf".into(), PDF.to_vec())],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let cases = format!("/inspections/{HARROWDALE}/cases");
    let res = lead
        .submit(
            &cases,
            &cases,
            &[
                ("case_ref", "C1"),
                ("age_band", "5 to 10"),
                ("need", "autism"),
                ("setting", "mainstream primary"),
                ("support", "ehc_plan"),
                ("findings", "The plan was late; the school adapted anyway."),
                ("bearing", "challenges"),
                ("criteria", "A1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    use db::schema::documents as d;
    d::table
        .filter(d::inspection_id.eq(HARROWDALE))
        .select(d::id)
        .first(&mut app.conn())
        .unwrap()
}

#[actix_web::test]
async fn reviewers_and_other_inspectors_see_none_of_the_evidence() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let document = gather_some_evidence(&app, &lead).await;
    let survey = survey_id(&app, CHILDREN);
    let before = stored_evidence(&app);

    // The partnership's own reviewers: members of the inspection, but not of its team.
    for who in [COUNCIL, ICB] {
        let b = app.signed_in(who).await;
        for page in evidence_pages(HARROWDALE, survey, document) {
            let res = b.get(&page).await;
            let status = res.status();
            assert!(
                status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
                "{} GET {page}: {status}",
                who.0
            );
            let body = res.text().await.unwrap();
            assert!(!body.contains("indicator_id,"), "{page}");
            assert!(!body.starts_with("%PDF"), "{page}");
        }
        for (action, status) in try_every_change(&b, HARROWDALE).await {
            assert!(
                status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
                "{} POST {action}: {status}",
                who.0
            );
        }
    }
    // An inspector of another inspection: not even told it exists.
    let cqc = app.signed_in(CQC).await;
    for page in evidence_pages(FENMOOR, survey, document) {
        assert_eq!(
            cqc.get(&page).await.status(),
            StatusCode::NOT_FOUND,
            "GET {page}"
        );
    }
    for (action, status) in try_every_change(&cqc, FENMOOR).await {
        assert_eq!(status, StatusCode::NOT_FOUND, "POST {action}");
    }
    assert_eq!(stored_evidence(&app), before, "nothing changed");
}

#[actix_web::test]
async fn every_evidence_page_renders_for_the_lead_inspector() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let document = gather_some_evidence(&app, &lead).await;
    let survey = survey_id(&app, CHILDREN);
    let title = survey_title(&app, CHILDREN);
    let at = |p: &str| format!("/inspections/{HARROWDALE}/{p}");
    let pages = [
        (at("evidence"), "Evidence".to_string()),
        (at("indicators"), "Statistics".into()),
        (
            at("indicators/ehcp_20_weeks_ex"),
            "New EHC plans issued within 20 weeks, exceptions excluded".into(),
        ),
        (at("local-data"), "Local data".into()),
        (at("duties"), "Statutory duties".into()),
        (at("documents"), "Documents".into()),
        (at("cases"), "Case tracking and sampling".into()),
        (at("results"), "Survey results".into()),
        (at(&format!("results/{survey}")), title.clone()),
        (
            at(&format!("results/{survey}?by=q:age_band")),
            title.clone(),
        ),
        (at("representativeness"), "Who answered".into()),
        (at("free-text"), "Free-text answers".into()),
        (at("matrix"), "Evidence matrix".into()),
    ];
    for (page, h1) in pages {
        let (status, html) = lead.page(&page).await;
        assert_eq!(status, StatusCode::OK, "{page}: {}", page_text(&html));
        assert_eq!(texts(&html, "h1"), vec![h1], "{page}");
        assert!(!html.contains("{{"), "{page}");
    }
    // With a breakdown, its table.
    let (_, html) = lead
        .page(&at(&format!("results/{survey}?by=q:age_band")))
        .await;
    assert!(!texts(&html, "caption.table-caption").is_empty(), "{html}");
    // A cell of the matrix: the criterion as its heading.
    let (status, html) = lead.page(&at("matrix/A1/survey_items")).await;
    assert_eq!(status, StatusCode::OK);
    let h1 = texts(&html, "h1");
    assert!(h1.len() == 1 && h1[0].starts_with("A1 "), "{h1:?}");
    // The downloads.
    for (page, kind) in [
        (at("local-data/template.csv"), "text/csv; charset=utf-8"),
        (at(&format!("documents/{document}")), "application/pdf"),
        (at("export/results.csv"), "text/csv; charset=utf-8"),
        (at("export/indicators.csv"), "text/csv; charset=utf-8"),
        (
            at(&format!("export/responses/{survey}.csv")),
            "text/csv; charset=utf-8",
        ),
    ] {
        let res = lead.get(&page).await;
        assert_eq!(res.status(), StatusCode::OK, "{page}");
        assert_eq!(res.headers()["content-type"], kind, "{page}");
        assert!(res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"));
    }
}

/// Many children sending at once: each response is stored once, and the running
/// tallies count every one of them (none lost to a concurrent update, none failed).
#[actix_web::test]
async fn concurrent_submissions_are_all_counted_in_the_tallies() {
    use db::schema::{answer_tallies as t, responses as r, surveys as s};
    let app = TestApp::spawn().await;
    let sends: Vec<_> = (0..8)
        .map(|i| {
            let app = &app;
            async move { send_child_response(app, &format!("answer number {i}")).await }
        })
        .collect();
    futures_util::future::join_all(sends).await;
    let mut conn = app.conn();
    let survey_id: i32 = s::table
        .filter(s::inspection_id.eq(HARROWDALE))
        .filter(s::form_id.eq(CHILDREN))
        .select(s::id)
        .first(&mut *conn)
        .unwrap();
    let sent: i64 = r::table
        .filter(r::survey_id.eq(survey_id))
        .filter(r::status.eq("submitted"))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(sent, 8);
    let everyone: i32 = t::table
        .filter(t::survey_id.eq(survey_id))
        .filter(t::dimension.eq("all"))
        .select(t::responses)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(everyone, 8, "every response counted once in the tallies");
}
