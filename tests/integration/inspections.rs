//! Inspections, lifecycle, teams, authorisation and the admin page, end to end.

use crate::common::*;
use reqwest::StatusCode;

fn overview(id: i32) -> String {
    format!("/inspections/{id}")
}

#[actix_web::test]
async fn a_reviewer_of_one_inspection_gets_nothing_of_another() {
    let app = TestApp::spawn().await;
    for who in [COUNCIL, ICB] {
        let b = app.signed_in(who).await;
        let (_, list) = b.page("/inspections").await;
        assert!(list.contains("Harrowdale Council"));
        assert!(
            !list.contains("Fenmoor"),
            "{} must not see Fenmoor in the list",
            who.0
        );

        let (status, html) = b.page(&overview(FENMOOR)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!html.contains("Fenmoor"), "the 404 page reveals nothing");
        // Changes to another inspection are refused the same way, and change nothing.
        let (_, own) = b.page(&overview(HARROWDALE)).await;
        let token = csrf_token(&own);
        for (path, fields) in [
            (
                format!("/inspections/{FENMOOR}/status"),
                vec![("csrf_token", token.as_str()), ("to", "surveys_open")],
            ),
            (
                format!("/inspections/{FENMOOR}/team"),
                vec![
                    ("csrf_token", token.as_str()),
                    ("user_id", "3"),
                    ("role", "council_reviewer"),
                ],
            ),
        ] {
            assert_eq!(
                b.post(&path, &fields).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        // Their own inspection: visible, but no evidence, audit or lifecycle controls.
        assert!(own.contains("Stage: Surveys open"));
        assert!(!own.contains("Recent changes"));
        assert!(!own.contains("/status\""), "no lifecycle buttons");
        assert!(!own.contains("/surveys\""), "no link to survey results");
        assert_eq!(
            b.get(&format!("/inspections/{HARROWDALE}/surveys"))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let res = b
            .post(
                &format!("/inspections/{HARROWDALE}/status"),
                &[("csrf_token", &token), ("to", "surveys_open")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert_eq!(b.get("/admin").await.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            b.get("/inspections/new").await.status(),
            StatusCode::FORBIDDEN
        );
    }
    let lead = app.signed_in(LEAD).await;
    let (_, html) = lead.page(&overview(FENMOOR)).await;
    assert!(html.contains("Stage: Preparing"), "Fenmoor is untouched");
}

#[actix_web::test]
async fn an_illegal_lifecycle_transition_is_refused_with_a_message() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let res = lead
        .submit(
            &overview(FENMOOR),
            &format!("/inspections/{FENMOOR}/status"),
            &[("to", "judging")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = res.text().await.unwrap();
    let summary = text_of(&html, ".error-summary").unwrap();
    assert!(
        summary.contains("cannot move from \"Preparing\" to \"Judging\""),
        "{summary}"
    );
    assert!(
        summary.contains("The next step is \"Surveys open\""),
        "{summary}"
    );
    assert!(html.contains("Stage: Preparing"));

    // Nonsense is a 400, not a 500.
    let res = lead
        .submit(
            &overview(FENMOOR),
            &format!("/inspections/{FENMOOR}/status"),
            &[("to", "published")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Choose one of the next steps"));

    // The lifecycle, forward, with an audit entry for each step, as far as the
    // draft; the check and the final report go through the review page.
    for (to, label) in [
        ("surveys_open", "Surveys open"),
        ("evidence", "Gathering evidence"),
        ("judging", "Judging"),
        ("draft", "Drafting the report"),
    ] {
        let res = lead
            .submit(
                &overview(FENMOOR),
                &format!("/inspections/{FENMOOR}/status"),
                &[("to", to)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "to {to}");
        let (_, html) = lead.page(&overview(FENMOOR)).await;
        assert!(html.contains(&format!("Stage: {label}")), "{label}");
    }
    let (_, html) = lead.page(&overview(FENMOOR)).await;
    assert_eq!(html.matches("Stage changed").count(), 4);
    assert!(
        html.contains(&format!("href=\"/inspections/{FENMOOR}/review\"")),
        "the next step is the review page"
    );
    let res = lead
        .submit(
            &overview(FENMOOR),
            &format!("/inspections/{FENMOOR}/status"),
            &[("to", "factual_accuracy_check")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("review page"));
}

#[actix_web::test]
async fn only_the_lead_inspector_moves_the_inspection() {
    let app = TestApp::spawn().await;
    let cqc = app.signed_in(CQC).await;
    let (status, html) = cqc.page(&overview(HARROWDALE)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Recent changes"),
        "inspectors see the audit trail"
    );
    let res = cqc
        .submit(
            &overview(HARROWDALE),
            &format!("/inspections/{HARROWDALE}/status"),
            &[("to", "surveys_open")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Admins manage teams but do not judge or move inspections they are not on.
    let admin = app.signed_in(ADMIN).await;
    let res = admin
        .submit(
            &overview(HARROWDALE),
            &format!("/inspections/{HARROWDALE}/status"),
            &[("to", "surveys_open")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn an_inspector_sets_up_an_inspection_and_mistakes_are_explained() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let (status, html) = lead.page("/inspections/new").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Fenmoor County Council (E10000990)"));

    // Missing and impossible values: one message per field, nothing stored.
    let res = lead
        .submit(
            "/inspections/new",
            "/inspections",
            &[
                ("kind", "full"),
                ("previous_inspection_on_day", "8"),
                ("notified_on_day", "30"),
                ("notified_on_month", "02"),
                ("notified_on_year", "2026"),
                ("on_site_start_day", ""),
                ("on_site_start_month", ""),
                ("on_site_start_year", ""),
                ("on_site_end_day", "20"),
                ("on_site_end_month", "03"),
                ("on_site_end_year", "2026"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    let summary = text_of(&html, ".error-summary").unwrap();
    for expected in [
        "Choose the local area partnership",
        "The date the partnership was notified must be a real date",
        "Enter the first on-site day",
        "Choose the lead inspector",
    ] {
        assert!(summary.contains(expected), "{expected} in {summary}");
    }
    assert!(
        html.contains("name=\"notified_on_day\" type=\"text\" inputmode=\"numeric\" value=\"30\""),
        "what was typed is kept"
    );
    assert!(
        summary.contains("The date of the previous inspection must include a month"),
        "{summary}"
    );

    // Dates in the wrong order.
    let res = lead
        .submit(
            "/inspections/new",
            "/inspections",
            &[
                ("partnership_id", "2"),
                ("kind", "full"),
                ("notified_on_day", "01"),
                ("notified_on_month", "03"),
                ("notified_on_year", "2027"),
                ("on_site_start_day", "15"),
                ("on_site_start_month", "02"),
                ("on_site_start_year", "2027"),
                ("on_site_end_day", "19"),
                ("on_site_end_month", "02"),
                ("on_site_end_year", "2027"),
                ("lead_inspector_id", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("must start after the notification date"));

    // A partnership or lead that does not exist, or a lead who is a reviewer.
    for (partnership, lead_id, message) in [
        ("999", "1", "Choose a local area partnership"),
        ("2", "3", "is not an inspector"),
        ("2", "999", "Choose a person"),
    ] {
        let res = lead
            .submit(
                "/inspections/new",
                "/inspections",
                &[
                    ("partnership_id", partnership),
                    ("kind", "full"),
                    ("notified_on_day", "01"),
                    ("notified_on_month", "03"),
                    ("notified_on_year", "2027"),
                    ("on_site_start_day", "15"),
                    ("on_site_start_month", "03"),
                    ("on_site_start_year", "2027"),
                    ("on_site_end_day", "19"),
                    ("on_site_end_month", "03"),
                    ("on_site_end_year", "2027"),
                    ("lead_inspector_id", lead_id),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.text().await.unwrap().contains(message), "{message}");
    }
    let (_, list) = lead.page("/inspections").await;
    assert_eq!(
        list.matches("<td><a href=\"/inspections/").count(),
        3,
        "nothing half-written"
    );

    // And a good one.
    let res = lead
        .submit(
            "/inspections/new",
            "/inspections",
            &[
                ("partnership_id", "2"),
                ("kind", "full"),
                ("notified_on_day", "01"),
                ("notified_on_month", "03"),
                ("notified_on_year", "2027"),
                ("on_site_start_day", "15"),
                ("on_site_start_month", "03"),
                ("on_site_start_year", "2027"),
                ("on_site_end_day", "19"),
                ("on_site_end_month", "03"),
                ("on_site_end_year", "2027"),
                ("lead_inspector_id", "1"),
                ("inspector_ids", "2"),
                ("inspector_ids", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let path = location(&res);
    let (status, html) = lead.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Fenmoor County Council local area partnership"));
    assert!(html.contains("10 working days after notification"));
    assert!(html.contains("Kit Marlowe-Field"));
    assert_eq!(html.matches("<td>Lead inspector</td>").count(), 1);
}

#[actix_web::test]
async fn teams_are_managed_by_the_lead_inspector_and_admins() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let team = format!("/inspections/{FENMOOR}/team");
    // The ICB reviewer must name one of this partnership's ICBs.
    let res = lead
        .submit(
            &overview(FENMOOR),
            &team,
            &[("user_id", "4"), ("role", "icb_reviewer")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("Choose which ICB"));
    // An inspector cannot be a partnership reviewer.
    let res = lead
        .submit(
            &overview(FENMOOR),
            &team,
            &[("user_id", "2"), ("role", "council_reviewer")],
        )
        .await;
    assert!(res.text().await.unwrap().contains("Only partnership users"));
    // Tampered ids.
    let res = lead
        .submit(
            &overview(FENMOOR),
            &team,
            &[("user_id", "abc"), ("role", "boss")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // ICB 1 belongs to Harrowdale, not to Fenmoor.
    let res = lead
        .submit(
            &overview(FENMOOR),
            &team,
            &[("user_id", "4"), ("role", "icb_reviewer"), ("icb_id", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Choose one of this partnership"));
    let res = lead
        .submit(
            &overview(FENMOOR),
            &team,
            &[("user_id", "4"), ("role", "icb_reviewer"), ("icb_id", "2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = lead.page(&overview(FENMOOR)).await;
    assert!(html.contains("Sam Treloar (demo)"));

    // The ICB reviewer can now see Fenmoor, and nothing more.
    let icb = app.signed_in(ICB).await;
    assert_eq!(icb.get(&overview(FENMOOR)).await.status(), StatusCode::OK);

    // Adding twice is refused; the lead cannot be removed; others can.
    let res = lead
        .submit(
            &overview(FENMOOR),
            &team,
            &[("user_id", "4"), ("role", "icb_reviewer"), ("icb_id", "2")],
        )
        .await;
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("already on this inspection"));
    let (_, html) = lead.page(&overview(FENMOOR)).await;
    let doc = html.clone();
    let remove_action = doc
        .split("action=\"")
        .filter_map(|s| s.split('"').next())
        .find(|a| a.ends_with("/remove"))
        .expect("a remove button")
        .to_string();
    let res = lead.submit(&overview(FENMOOR), &remove_action, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        icb.get(&overview(FENMOOR)).await.status(),
        StatusCode::NOT_FOUND
    );
    let res = lead
        .submit(
            &overview(FENMOOR),
            &format!("/inspections/{FENMOOR}/team/99999/remove"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn admins_add_users_and_partnerships() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(ADMIN).await;
    let (status, html) = admin.page("/admin").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Harrowdale Council"));

    let user = [
        ("email", "New.Inspector@Example.org"),
        ("display_name", "Nat Newcombe"),
        ("organisation", "Ofsted"),
        ("kind", "inspector"),
        ("password", "a long enough password"),
    ];
    let res = admin.submit("/admin", "/admin/users", &user).await;
    assert_eq!(location(&res), "/admin?added=user");
    let res = admin.submit("/admin", "/admin/users", &user).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("There is already an account for new.inspector@example.org"));
    let res = admin
        .submit(
            "/admin",
            "/admin/users",
            &[
                ("email", "x@example.org"),
                ("display_name", "X"),
                ("organisation", "CQC"),
                ("kind", "inspector"),
                ("password", "short"),
            ],
        )
        .await;
    assert!(res.text().await.unwrap().contains("at least 12 characters"));

    let newcomer = app.client();
    assert_eq!(
        newcomer
            .sign_in("new.inspector@example.org", "a long enough password")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let (_, html) = newcomer.page("/inspections").await;
    assert!(html.contains("You are not on the team of any inspection yet"));

    let res = admin
        .submit(
            "/admin",
            "/admin/partnerships",
            &[
                ("council_name", "Westmere Council"),
                ("council_code", "E07000001"),
                ("icb_name_1", "Westmere ICB"),
                ("icb_code_1", "E54000980"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("E06, E08, E09 or E10"));
    assert!(
        html.contains("value=\"Westmere ICB\""),
        "typed values are kept"
    );
    // A mistake in the second ICB row is shown on that row, and the summary links to it.
    let res = admin
        .submit(
            "/admin",
            "/admin/partnerships",
            &[
                ("council_name", "Westmere Council"),
                ("council_code", "E09000980"),
                ("icb_name_1", "Westmere ICB"),
                ("icb_code_1", "E54000980"),
                ("icb_name_2", "Second ICB"),
                ("icb_code_2", "QHM"),
            ],
        )
        .await;
    let html = res.text().await.unwrap();
    assert!(html.contains("href=\"#icb_code_2\""), "{html}");
    assert!(html.contains("id=\"icb_code_2-error\""));
    assert!(html.contains("aria-describedby=\"icb_code_2-hint icb_code_2-error\""));
    let res = admin
        .submit(
            "/admin",
            "/admin/partnerships",
            &[
                ("council_name", "Westmere Council"),
                ("council_code", "E09000980"),
                ("icb_name_1", "Westmere ICB"),
                ("icb_code_1", "E54000980"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/admin?added=partnership");
    let res = admin
        .submit(
            "/admin",
            "/admin/partnerships",
            &[
                ("council_name", "Again"),
                ("council_code", "e09000980"),
                ("icb_name_1", "Westmere ICB"),
                ("icb_code_1", "E54000980"),
            ],
        )
        .await;
    assert!(res.text().await.unwrap().contains("already a partnership"));
}

#[actix_web::test]
async fn bad_input_gets_a_clear_4xx_page_never_a_500() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    for (path, status) in [
        ("/inspections/999999", StatusCode::NOT_FOUND),
        ("/inspections/abc", StatusCode::NOT_FOUND),
        ("/inspections/99999999999999999999", StatusCode::NOT_FOUND),
        ("/nothing/here", StatusCode::NOT_FOUND),
        ("/static/../Cargo.toml", StatusCode::NOT_FOUND),
    ] {
        let res = lead.get(path).await;
        assert_eq!(res.status(), status, "{path}");
        assert!(res
            .headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        let html = res.text().await.unwrap();
        assert!(
            html.contains("<h1 class=\"heading-l\">Page not found</h1>"),
            "{path}: {html}"
        );
    }

    let (_, page) = lead.page(&overview(HARROWDALE)).await;
    let token = csrf_token(&page);
    let status_path = format!("/inspections/{HARROWDALE}/status");

    // Oversized body.
    let big = format!("csrf_token={token}&to={}", "x".repeat(200_000));
    let res = lead
        .http
        .post(lead.url(&status_path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("What you sent is too large"));

    // Bytes that are not UTF-8, raw and percent-encoded.
    for body in [
        format!("csrf_token={token}&to=\u{0}").into_bytes(),
        {
            let mut b = format!("csrf_token={token}&to=").into_bytes();
            b.extend_from_slice(&[0xff, 0xfe]);
            b
        },
        format!("csrf_token={token}&to=%FF%FE").into_bytes(),
    ] {
        let res = lead
            .http
            .post(lead.url(&status_path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_client_error(), "{}", res.status());
    }

    // Not a web form at all.
    let res = lead
        .http
        .post(lead.url(&status_path))
        .header("content-type", "application/json")
        .body("{\"to\":\"final\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    // A wrong method.
    let res = lead
        .http
        .delete(lead.url(&status_path))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error());

    let (_, html) = lead.page(&overview(HARROWDALE)).await;
    assert!(html.contains("Stage: Surveys open"), "nothing changed");
}
