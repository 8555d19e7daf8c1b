//! Signing in and out, sessions, CSRF and throttling, against the real server.

use crate::common::*;
use reqwest::StatusCode;

#[actix_web::test]
async fn health_check_answers_when_the_database_does() {
    let app = TestApp::spawn().await;
    let (status, body) = app.client().page("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "ok");
}

#[actix_web::test]
async fn sign_in_then_sign_out_and_the_old_cookie_is_dead() {
    let app = TestApp::spawn().await;
    let b = app.client();
    assert_eq!(location(&b.get("/inspections").await), "/sign-in");

    let res = b
        .sign_in("Lead.Inspector@demo.area-send.test ", LEAD.1)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/inspections");
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("area_send_session="))
        .expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "no Secure flag over plain http: {cookie}"
    );

    let (status, html) = b.page("/inspections").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Harrowdale Council"));
    assert!(html.contains("Signed in as Robin Ashdown (demo)"));

    let res = b.submit("/inspections", "/sign-out", &[]).await;
    assert_eq!(location(&res), "/sign-in?signed_out=1");
    let (_, html) = b.page("/sign-in?signed_out=1").await;
    assert!(html.contains("You have signed out."));
    assert_eq!(location(&b.get("/inspections").await), "/sign-in");

    // Replaying the cookie from before sign-out gets nowhere: the session row is gone.
    let raw = cookie.split(';').next().unwrap().to_string();
    let replay = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = replay
        .get(b.url("/inspections"))
        .header("cookie", raw)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/sign-in");
}

#[actix_web::test]
async fn wrong_passwords_and_unknown_emails_get_the_same_message() {
    let app = TestApp::spawn().await;
    let b = app.client();
    for (email, password) in [
        (LEAD.0, "not the password"),
        ("nobody@demo.area-send.test", "whatever it is"),
        ("not-an-email", "x"),
    ] {
        let res = b.sign_in(email, password).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains("There is a problem"), "{html}");
        assert!(html.contains("Enter a correct email address and password"));
        assert!(html.contains("<title>Error: Sign in"));
    }
    let res = b.sign_in("", "").await;
    let html = res.text().await.unwrap();
    assert!(html.contains("Enter your email address") && html.contains("Enter your password"));
    assert_eq!(location(&b.get("/inspections").await), "/sign-in");
}

#[actix_web::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    let app = TestApp::spawn().await;
    let b = app.client();
    for _ in 0..5 {
        assert_eq!(
            b.sign_in(CQC.0, "wrong password!").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    // Even the right password is refused while locked, with a clear wait.
    let res = b.sign_in(CQC.0, CQC.1).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.text().await.unwrap().contains("Wait 15 minutes"));
    // Other accounts are unaffected.
    assert_eq!(
        b.sign_in(LEAD.0, LEAD.1).await.status(),
        StatusCode::SEE_OTHER
    );
}

#[actix_web::test]
async fn guesses_sent_in_parallel_are_all_counted() {
    let app = TestApp::spawn().await;
    // Twenty browsers, each with its own session and token, guess at once.
    let mut ready = vec![];
    for _ in 0..20 {
        let b = app.client();
        let (_, html) = b.page("/sign-in").await;
        let token = csrf_token(&html);
        ready.push((b, token));
    }
    let mut guesses = vec![];
    for (b, token) in ready {
        guesses.push(actix_web::rt::spawn(async move {
            b.post(
                "/sign-in",
                &[
                    ("csrf_token", token.as_str()),
                    ("email", CQC.0),
                    ("password", "a wrong guess"),
                ],
            )
            .await
            .status()
        }));
    }
    let mut checked = 0;
    for g in guesses {
        let status = g.await.unwrap();
        assert!(
            status == StatusCode::UNPROCESSABLE_ENTITY || status == StatusCode::TOO_MANY_REQUESTS,
            "{status}"
        );
        if status == StatusCode::UNPROCESSABLE_ENTITY {
            checked += 1;
        }
    }
    assert!(
        checked <= 5,
        "{checked} guesses were checked; at most 5 may be"
    );
    assert_eq!(
        app.client().sign_in(CQC.0, CQC.1).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[actix_web::test]
async fn posts_without_the_right_csrf_token_are_refused() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let _ = anon.page("/sign-in").await;
    for fields in [
        vec![("email", LEAD.0), ("password", LEAD.1)],
        vec![
            ("csrf_token", "forged"),
            ("email", LEAD.0),
            ("password", LEAD.1),
        ],
        vec![("csrf_token", ""), ("email", LEAD.0), ("password", LEAD.1)],
    ] {
        let res = anon.post("/sign-in", &fields).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let html = res.text().await.unwrap();
        assert!(html.contains("did not come from this service"), "{html}");
    }
    assert_eq!(location(&anon.get("/inspections").await), "/sign-in");

    // Signed in, every POST route refuses a missing or wrong token and changes nothing.
    let lead = app.signed_in(LEAD).await;
    let admin = app.signed_in(ADMIN).await;
    type Fields<'a> = Vec<(&'a str, &'a str)>;
    let routes: Vec<(&Browser, String, Fields)> = vec![
        (
            &lead,
            format!("/inspections/{HARROWDALE}/status"),
            vec![("to", "surveys_open")],
        ),
        (
            &lead,
            format!("/inspections/{HARROWDALE}/team"),
            vec![("user_id", "5"), ("role", "inspector")],
        ),
        (
            &lead,
            format!("/inspections/{HARROWDALE}/team/2/remove"),
            vec![],
        ),
        (&lead, "/inspections".into(), vec![("partnership_id", "1")]),
        (
            &admin,
            "/admin/users".into(),
            vec![("email", "x@example.org")],
        ),
        (
            &admin,
            "/admin/partnerships".into(),
            vec![("council_name", "X")],
        ),
        (&lead, "/sign-out".into(), vec![]),
    ];
    for (who, path, fields) in &routes {
        let res = who.post(path, fields).await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "{path} without a token"
        );
        let mut with_wrong = fields.clone();
        with_wrong.push(("csrf_token", "0000000000000000000000000000000000000000000"));
        assert_eq!(
            who.post(path, &with_wrong).await.status(),
            StatusCode::FORBIDDEN,
            "{path} with a wrong token"
        );
    }
    let (_, html) = lead.page(&format!("/inspections/{HARROWDALE}")).await;
    assert!(html.contains("Stage: Surveys open"), "nothing changed");
    assert!(html.contains("Kit Marlowe-Field"), "nobody was removed");
}

#[actix_web::test]
async fn a_cross_site_post_is_refused_even_with_a_token() {
    let app = TestApp::spawn().await;
    let lead = app.signed_in(LEAD).await;
    let (_, html) = lead.page(&format!("/inspections/{HARROWDALE}")).await;
    let token = csrf_token(&html);
    let body = format!("csrf_token={token}&to=evidence");
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let res = lead
            .http
            .post(lead.url(&format!("/inspections/{HARROWDALE}/status")))
            .header("content-type", "application/x-www-form-urlencoded")
            .header(name, value)
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{name}: {value}");
    }
    // A forged Host cannot help a browser-borne attack (the browser sends the real one),
    // but the Origin must still match either the base URL or the Host.
    let res = lead
        .http
        .post(lead.url(&format!("/inspections/{HARROWDALE}/status")))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", "http://localhost:1")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // The same request from our own origin works.
    let res = lead
        .http
        .post(lead.url(&format!("/inspections/{HARROWDALE}/status")))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", app.base.clone())
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // So does one sent to the same server under another name (localhost for 127.0.0.1),
    // where Origin and Host agree.
    let port = app.base.rsplit(':').next().unwrap();
    let (_, html) = lead.page(&format!("/inspections/{HARROWDALE}")).await;
    let token = csrf_token(&html);
    let res = lead
        .http
        .post(lead.url(&format!("/inspections/{HARROWDALE}/status")))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("host", format!("localhost:{port}"))
        .header("origin", format!("http://LOCALHOST:{port}"))
        .body(format!("csrf_token={token}&to=judging"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn every_page_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let b = app.client();
    for path in ["/sign-in", "/healthz", "/no-such-page", "/static/app.css"] {
        let res = b.get(path).await;
        let h = res.headers();
        let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
        assert_eq!(h.get("referrer-policy").unwrap(), "same-origin");
        assert!(
            h.get("strict-transport-security").is_none(),
            "no HSTS over plain http"
        );
    }
}

#[actix_web::test]
async fn secure_cookies_and_hsts_behind_https() {
    let app = TestApp::spawn_with(|c| {
        c.secure_cookies = true;
    })
    .await;
    let res = app.client().get("/sign-in").await;
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(res.headers().get("strict-transport-security").is_some());
}
