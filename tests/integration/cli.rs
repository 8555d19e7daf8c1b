//! The `area-send` binary itself: help, refusing unsafe configuration, migrate, user add.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use area_send::config::DatabaseUrl;

use crate::common;

fn area_send(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_area-send"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars() {
        if key.starts_with("AREA_SEND_") {
            cmd.env_remove(key);
        }
    }
    let mut child = cmd.spawn().unwrap();
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

fn url_text(url: &DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Sqlite(path) => path.display().to_string(),
        DatabaseUrl::Postgres(url) => url.clone(),
    }
}

#[test]
fn every_subcommand_has_help() {
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["demo", "--help"],
        vec!["migrate", "--help"],
        vec!["user", "add", "--help"],
    ] {
        let out = area_send(&args, None);
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Usage:"), "{args:?}: {text}");
    }
    let text = String::from_utf8(area_send(&["serve", "--help"], None).stdout).unwrap();
    for option in [
        "--bind",
        "--base-url",
        "--secret-key",
        "--database-url",
        "--data-dir",
        "--mail-url",
    ] {
        assert!(text.contains(option), "serve --help names {option}");
    }
}

#[test]
fn serve_refuses_https_without_a_secret_key() {
    let out = area_send(
        &[
            "serve",
            "--base-url",
            "https://area-send.example.org",
            "--bind",
            "127.0.0.1:0",
        ],
        None,
    );
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("AREA_SEND_SECRET_KEY must be set"), "{err}");
}

#[test]
fn migrate_then_add_a_user_who_can_sign_in() {
    let (url, cleanup) = common::fresh_database();
    let db = url_text(&url);
    let out = area_send(&["--database-url", &db, "migrate"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("9 migration(s) applied"));
    let again = area_send(&["--database-url", &db, "migrate"], None);
    assert!(String::from_utf8(again.stdout)
        .unwrap()
        .contains("0 migration(s) applied"));

    let add = |email: &str, stdin: Option<&str>| {
        let mut args = vec![
            "--database-url",
            db.as_str(),
            "user",
            "add",
            "--email",
            email,
            "--name",
            "Ada Admin",
            "--organisation",
            "Ofsted",
            "--kind",
            "inspector",
            "--admin",
        ];
        if stdin.is_some() {
            args.push("--password-stdin");
        }
        area_send(&args, stdin)
    };
    let out = add("ada@example.org", Some("a long enough password\n"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = add("ada@example.org", Some("a long enough password\n"));
    assert!(
        !out.status.success(),
        "a second account for the same email is refused"
    );
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("already an account"));
    let out = add("bob@example.org", Some("short\n"));
    assert!(!out.status.success());
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("at least 12 characters"));
    let out = add("generated@example.org", None);
    let text = String::from_utf8(out.stdout).unwrap();
    let generated = text
        .lines()
        .find_map(|l| l.strip_prefix("Password: "))
        .expect("a generated password")
        .to_string();

    let pool = area_send::db::open_pool(&url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    for (email, password) in [
        ("ada@example.org", "a long enough password"),
        ("generated@example.org", generated.as_str()),
    ] {
        let email = area_send::domain::account::Email::parse(email).unwrap();
        let (user, hash) = area_send::db::users::find_for_sign_in(&mut conn, &email)
            .unwrap()
            .unwrap();
        assert!(user.is_admin);
        assert!(area_send::password::verify(password, &hash));
    }
    assert!(area_send::db::users::find_for_sign_in(
        &mut conn,
        &area_send::domain::account::Email::parse("bob@example.org").unwrap()
    )
    .unwrap()
    .is_none());
    drop(conn);
    drop(pool);
    cleanup();
}

#[test]
fn a_bad_survey_form_stops_start_up_with_every_problem_listed() {
    let dir = std::env::temp_dir().join(format!("area-send-bad-forms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let mut form: serde_json::Value = serde_json::from_slice(
        &std::fs::read(format!("{root}/survey-forms/practitioners.json")).unwrap(),
    )
    .unwrap();
    form["sections"][0]["questions"][0]["criteria"] = serde_json::json!(["Q7"]);
    form["sections"][0]["questions"][0]
        .as_object_mut()
        .unwrap()
        .remove("grouping");
    std::fs::write(
        dir.join("practitioners.json"),
        serde_json::to_vec(&form).unwrap(),
    )
    .unwrap();
    let data =
        std::env::temp_dir().join(format!("area-send-bad-forms-data-{}", std::process::id()));
    let out = area_send(
        &[
            "--data-dir",
            data.to_str().unwrap(),
            "--forms-dir",
            dir.to_str().unwrap(),
            "--framework-file",
            &format!("{root}/framework/framework.json"),
            "serve",
            "--bind",
            "127.0.0.1:0",
        ],
        None,
    );
    assert!(!out.status.success(), "serve must not start");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("practitioners.json: /sections/0/questions/0/criteria/0"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).unwrap();
    let _ = std::fs::remove_dir_all(data);
}

/// A free port on loopback.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Send one HTTP/1.0 GET and return the status line.
fn get(port: u16, path: &str) -> Option<String> {
    use std::io::Read;
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response.lines().next().map(String::from)
}

#[test]
fn the_access_log_never_holds_a_resume_code() {
    let data = std::env::temp_dir().join(format!("area-send-log-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let port = free_port();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_area-send"));
    for (key, _) in std::env::vars() {
        if key.starts_with("AREA_SEND_") {
            cmd.env_remove(key);
        }
    }
    let mut server = cmd
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "demo",
            "--bind",
            &format!("127.0.0.1:{port}"),
        ])
        .env("AREA_SEND_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut up = false;
    for _ in 0..200 {
        if get(port, "/healthz").is_some_and(|s| s.contains("200")) {
            up = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(up, "the demo started");
    // The demo database holds the open link of each survey.
    let pool =
        area_send::db::open_pool(&DatabaseUrl::Sqlite(data.join("demo.sqlite3")), 1).unwrap();
    let survey = area_send::db::surveys::for_inspection(&mut pool.get().unwrap(), 1)
        .unwrap()
        .remove(0);
    let status = get(
        port,
        &format!(
            "/s/{}/resume?code=SECRETCODE9&lang=en",
            survey.open_link_token
        ),
    )
    .unwrap();
    assert!(status.contains("303"), "{status}");
    std::thread::sleep(std::time::Duration::from_millis(300));
    server.kill().unwrap();
    let out = server.wait_with_output().unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        log.contains(&format!("GET /s/{}/resume 303", survey.open_link_token)),
        "the request is logged, by its path: {log}"
    );
    assert!(!log.contains("SECRETCODE9"), "{log}");
    let _ = std::fs::remove_dir_all(&data);
}
