//! Test harness: the real server on a random port, over a fresh database (SQLite by
//! default, PostgreSQL when AREA_SEND_TEST_POSTGRES_URL is set), seeded with the demo,
//! and a real HTTP client with a cookie jar; plus helpers for each endpoint a test
//! drives (signing in, moving an inspection, starting and answering a survey).

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

pub mod smtp;
pub mod survey;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use area_send::catalogue::Catalogue;
use area_send::config::{Config, DatabaseUrl, ServeSettings, Settings};
use area_send::db;
use diesel::prelude::*;
use rand::Rng;
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};

pub const LEAD: (&str, &str) = ("lead.inspector@demo.area-send.test", "demo-lead-inspector");
pub const CQC: (&str, &str) = ("inspector@demo.area-send.test", "demo-cqc-inspector");
pub const COUNCIL: (&str, &str) = (
    "council.reviewer@demo.area-send.test",
    "demo-council-reviewer",
);
pub const ICB: (&str, &str) = ("icb.reviewer@demo.area-send.test", "demo-icb-reviewer");
pub const ADMIN: (&str, &str) = ("admin@demo.area-send.test", "demo-administrator");
/// The demo's Harrowdale inspection (the reviewers' own); Fenmoor's finished full
/// inspection with outcome 3; and Fenmoor's monitoring inspection, in preparation
/// (neither is the reviewers').
pub const HARROWDALE: i32 = 1;
pub const FENMOOR_FINISHED: i32 = 2;
pub const FENMOOR: i32 = 3;

enum Cleanup {
    Sqlite(PathBuf),
    Postgres { admin_url: String, name: String },
}

pub struct TestApp {
    pub base: String,
    pub pool: db::Pool,
    pub config: Config,
    cleanup: Cleanup,
}

fn random_name(prefix: &str) -> String {
    let n: u64 = rand::thread_rng().gen();
    format!("{prefix}{n:016x}")
}

/// A fresh, migrated, empty database on the backend under test.
pub fn fresh_database() -> (DatabaseUrl, impl FnOnce()) {
    let (url, cleanup) = new_database();
    (url, move || drop_database(cleanup))
}

fn new_database() -> (DatabaseUrl, Cleanup) {
    match std::env::var("AREA_SEND_TEST_POSTGRES_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let name = random_name("area_send_test_");
            let mut admin = diesel::PgConnection::establish(&admin_url)
                .expect("connect to the PostgreSQL test server");
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .unwrap();
            let (prefix, _) = admin_url
                .rsplit_once('/')
                .expect("a database name in AREA_SEND_TEST_POSTGRES_URL");
            let url = format!("{prefix}/{name}");
            (
                DatabaseUrl::Postgres(url),
                Cleanup::Postgres { admin_url, name },
            )
        }
        _ => {
            let dir = std::env::temp_dir().join(random_name("area-send-test-"));
            std::fs::create_dir_all(&dir).unwrap();
            (
                DatabaseUrl::Sqlite(dir.join("test.sqlite3")),
                Cleanup::Sqlite(dir),
            )
        }
    }
}

fn drop_database(cleanup: Cleanup) {
    match cleanup {
        Cleanup::Sqlite(dir) => {
            let _ = std::fs::remove_dir_all(dir);
        }
        Cleanup::Postgres { admin_url, name } => {
            if let Ok(mut admin) = diesel::PgConnection::establish(&admin_url) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut admin);
            }
        }
    }
}

pub fn backend_is_postgres() -> bool {
    std::env::var("AREA_SEND_TEST_POSTGRES_URL").is_ok_and(|u| !u.is_empty())
}

impl TestApp {
    /// Start the real server with the demo data.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// Start the real server with the demo data and `adjust`ed settings.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        // The server's warnings and errors, shown with a failing test's output.
        let _ = tracing_subscriber::fmt()
            .with_test_writer()
            .with_env_filter("area_send=warn")
            .try_init();
        let (database, cleanup) = new_database();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut config = test_config(database, &listener);
        adjust(&mut config);
        let pool = db::open_pool(&config.database, config.db_pool_size).unwrap();
        db::run_migrations(&mut pool.get().unwrap()).unwrap();
        let catalogue = area_send::load_catalogue(&config).unwrap();
        area_send::demo::seed(&pool, &catalogue).unwrap();
        let server = area_send::web::start(config.clone(), pool.clone(), listener).unwrap();
        actix_web::rt::spawn(server);
        TestApp {
            base: config.base_url.clone(),
            pool,
            config,
            cleanup,
        }
    }

    /// Start a second server on this app's database (another instance, or the same
    /// service restarted with new settings), without seeding anything.
    pub async fn another_instance(
        &self,
        adjust: impl FnOnce(&mut Config),
    ) -> anyhow::Result<Instance> {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut config = test_config(self.config.database.clone(), &listener);
        adjust(&mut config);
        let pool = db::open_pool(&config.database, config.db_pool_size).unwrap();
        let server = area_send::web::start(config.clone(), pool, listener)?;
        actix_web::rt::spawn(server);
        Ok(Instance {
            base: config.base_url,
        })
    }

    /// The catalogue this app was started with.
    pub fn catalogue(&self) -> Catalogue {
        area_send::load_catalogue(&self.config).unwrap()
    }

    /// A new browser-like client with its own cookie jar, not following redirects.
    pub fn client(&self) -> Browser {
        Browser::new(&self.base)
    }

    /// A client already signed in as `who`.
    pub async fn signed_in(&self, who: (&str, &str)) -> Browser {
        let b = self.client();
        let res = b.sign_in(who.0, who.1).await;
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "signing in as {}",
            who.0
        );
        b
    }

    pub fn conn(&self) -> diesel::r2d2::PooledConnection<db::Manager> {
        self.pool.get().unwrap()
    }
}

/// A second server on a test app's database.
pub struct Instance {
    pub base: String,
}

impl Instance {
    pub fn client(&self) -> Browser {
        Browser::new(&self.base)
    }
}

/// The one test configuration: the service's own defaults (as with no flags or
/// variables), on this database and listener, with the few changes every test needs.
/// A new setting gets its default here without any test changing.
pub fn test_config(database: DatabaseUrl, listener: &TcpListener) -> Config {
    let port = listener.local_addr().unwrap().port();
    let settings = Settings {
        data_dir: std::env::temp_dir(),
        db_pool_size: 4,
        ..Settings::default()
    };
    let serve = ServeSettings {
        bind: format!("127.0.0.1:{port}"),
        secret_key: Some("k".repeat(64)),
        mail_url: Some("file:///tmp/area-send-test-mail".into()),
        // Tests make many attempts from one address.
        resume_attempts_per_minute: 1000,
        workers: Some(1),
        ..ServeSettings::default()
    };
    let mut config = Config::resolve(&settings, &serve).unwrap();
    config.database = database;
    // Tests that send email start the sender themselves (see `with_sender`).
    config.run_sender = false;
    config
}

/// Run the background sender every 200 ms, sending to the SMTP server on `port`.
pub fn with_sender(config: &mut Config, port: u16) {
    config.run_sender = true;
    config.mail_url = area_send::config::MailUrl::parse(&format!("smtp://127.0.0.1:{port}"));
    config.send_every = std::time::Duration::from_millis(200);
}

/// The framework, forms and words built into the binary.
pub fn shipped_catalogue() -> Catalogue {
    let words = area_send::catalogue::shipped_words().unwrap();
    let assets = area_send::assets_for(None, &words);
    area_send::catalogue::shipped(words, &assets).unwrap()
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // The server's pool still holds connections; PostgreSQL's DROP ... WITH (FORCE) ends them.
        let cleanup = std::mem::replace(
            &mut self.cleanup,
            Cleanup::Sqlite(PathBuf::from("/nonexistent")),
        );
        drop_database(cleanup);
    }
}

pub struct Browser {
    pub base: String,
    pub http: Client,
}

impl Browser {
    pub fn new(base: &str) -> Self {
        Browser {
            base: base.to_string(),
            http: Client::builder()
                .cookie_store(true)
                .redirect(Policy::none())
                // Drop idle connections well before the server's keep-alive (5 s) ends
                // them: a request sent on one just as the server closes it fails.
                .pool_idle_timeout(std::time::Duration::from_secs(2))
                .build()
                .unwrap(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.http.get(self.url(path)).send().await.unwrap()
    }

    /// GET a page and return its status and body.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let res = self.get(path).await;
        let status = res.status();
        (status, res.text().await.unwrap())
    }

    /// POST raw urlencoded fields exactly as given.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.http
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// POST a form with the CSRF token taken from `form_page`, as a browser would.
    pub async fn submit(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let (_, html) = self.page(form_page).await;
        let token = csrf_token(&html);
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Response {
        self.submit(
            "/sign-in",
            "/sign-in",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// Ask to move inspection `id` to the stage `to`, from its overview page.
    pub async fn move_inspection(&self, id: i32, to: &str) -> Response {
        self.submit(
            &format!("/inspections/{id}"),
            &format!("/inspections/{id}/status"),
            &[("to", to)],
        )
        .await
    }
}

/// POST a multipart form as a browser would, with the CSRF token from `token_page`.
pub async fn send_with_files(
    b: &Browser,
    token_page: &str,
    action: &str,
    fields: &[(&str, &str)],
    files: Vec<(&str, String, Vec<u8>)>,
) -> Response {
    let (_, html) = b.page(token_page).await;
    let mut form = reqwest::multipart::Form::new().text("csrf_token", csrf_token(&html));
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    for (field, name, bytes) in files {
        form = form.part(
            field.to_string(),
            reqwest::multipart::Part::bytes(bytes).file_name(name),
        );
    }
    b.http
        .post(b.url(action))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The first CSRF token in a page.
pub fn csrf_token(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("input[name=csrf_token]").unwrap();
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr("value"))
        .unwrap_or_else(|| panic!("no CSRF token in page: {html}"))
        .to_string()
}

/// The text of the first element matching `selector`, whitespace folded.
pub fn text_of(html: &str, selector: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel).next().map(|e| {
        e.text()
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    })
}

pub fn location(res: &Response) -> String {
    res.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

// ---------------------------------------------------------------- shared by modules

pub fn database_text(app: &TestApp) -> String {
    match &app.config.database {
        DatabaseUrl::Sqlite(path) => path.display().to_string(),
        DatabaseUrl::Postgres(url) => url.clone(),
    }
}

/// `area-send --database-url <the app's database> args...`, with no AREA_SEND_
/// variables from the environment.
pub fn cli(app: &TestApp, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_area-send"));
    cmd.arg("--database-url")
        .arg(database_text(app))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars() {
        if key.starts_with("AREA_SEND_") {
            cmd.env_remove(key);
        }
    }
    cmd.output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// The text a person reads on a page, entities decoded and whitespace folded.
pub fn page_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    doc.root_element()
        .text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
