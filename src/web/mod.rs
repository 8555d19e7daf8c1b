//! The web layer: routes, shared state, middleware and page rendering. Handlers
//! are thin: they parse the request into domain types, call the domain and the
//! database, and render a template with a plain view.

pub mod admin;
pub mod auth;
pub mod chart;
pub mod error;
pub mod form;
pub mod inspect;
pub mod page;
pub mod rate_limit;
pub mod respond;
pub mod session;
pub mod templates;
pub mod upload;

use std::net::TcpListener;
use std::sync::Arc;

use actix_governor::governor::middleware::NoOpMiddleware;
use actix_governor::Governor;
use actix_session::config::{BrowserSession, CookieContentSecurity};
use actix_session::SessionMiddleware;
use actix_web::cookie::time::Duration;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Server;
use actix_web::http::header;
use actix_web::middleware::{DefaultHeaders, ErrorHandlers};
use actix_web::{web, App, HttpResponse, HttpServer};
use handlebars::Handlebars;
use sha2::{Digest, Sha512};
use tracing::Instrument;

use crate::config::Config;
use crate::db::{self, Pool};
use crate::domain::throttle::ThrottlePolicy;
use error::WebError;
use respond::state::SurveyCache;

/// Shared by every request.
pub struct AppState {
    pub pool: Pool,
    /// The framework and survey forms, checked at start-up.
    pub catalogue: Arc<crate::catalogue::Catalogue>,
    pub templates: Handlebars<'static>,
    pub config: Arc<Config>,
    pub throttle: ThrottlePolicy,
    /// Surveys by link token, for the survey pages.
    pub surveys: SurveyCache,
    /// Flags personal data and possible safeguarding disclosures in free text (built once).
    pub triage: Arc<crate::domain::triage::Detector>,
    /// The emails' templates, and the key personal links are made with.
    pub emails: Arc<crate::mail::templates::EmailTemplates>,
    pub link_key: Arc<Vec<u8>>,
}

impl AppState {
    /// What queueing survey emails needs.
    pub fn mailing(&self) -> crate::app::distribution::Mailing<'_> {
        crate::app::distribution::Mailing {
            templates: &self.emails,
            link_key: &self.link_key,
            base_url: &self.config.base_url,
        }
    }
}

/// The rate limits on the public survey pages.
pub struct Limits {
    /// Resume codes tried, per client.
    pub resume: Governor<rate_limit::ClientAddress, NoOpMiddleware>,
    /// Invitation links and opt-outs, per client.
    pub invitation: Governor<rate_limit::ClientAddress, NoOpMiddleware>,
    /// Responses started, per client.
    pub starts: Governor<rate_limit::ClientAddress, NoOpMiddleware>,
    /// Responses started, per link.
    pub link_starts: Governor<rate_limit::LinkToken, NoOpMiddleware>,
    /// Resume codes tried, per link.
    pub link_resume: Governor<rate_limit::LinkToken, NoOpMiddleware>,
}

/// How long a survey stays in memory before it is read again. A survey another
/// instance closes can show a page for this long, but never takes an answer.
const SURVEY_CACHE_SECONDS: u64 = 2;

/// Every route, so the URL space reads in one place. The public survey pages under
/// `/s` have their own session cookie, scoped to that path, so a respondent's answers
/// never share a session with a signed-in user in the same browser.
pub fn routes(
    cfg: &mut web::ServiceConfig,
    respondent_sessions: Sessions,
    staff_sessions: Sessions,
    limits: Limits,
) {
    cfg.service(
        web::scope("/s")
            // Inside the sessions, so an error page can find the respondent's language.
            .wrap(ErrorHandlers::new().default_handler(respond::error::render))
            .wrap(respondent_sessions)
            // Before the link scope, which would otherwise take "invite" for a link.
            .service(
                web::scope("/invite/{token}")
                    .wrap(limits.invitation)
                    .route("", web::get().to(respond::invitation))
                    .route("", web::post().to(respond::follow_invitation))
                    .route("/opt-out", web::get().to(respond::opt_out_page))
                    .route("/opt-out", web::post().to(respond::opt_out)),
            )
            // One scope per link, so the link is matched once and each page by name.
            .service(
                web::scope("/{token}")
                    .route("", web::get().to(respond::start_page))
                    .service(
                        web::resource("/start")
                            .wrap(limits.link_starts)
                            .wrap(limits.starts)
                            .route(web::post().to(respond::start)),
                    )
                    .route("/how", web::get().to(respond::how_page))
                    .route("/how", web::post().to(respond::how))
                    .route("/q/{page}", web::get().to(respond::page))
                    .route("/q/{page}", web::post().to(respond::answer))
                    .route("/check", web::get().to(respond::check_page))
                    .route("/submit", web::post().to(respond::submit))
                    .route("/done", web::get().to(respond::done))
                    .service(
                        web::resource("/resume")
                            .wrap(limits.link_resume)
                            .wrap(limits.resume)
                            .route(web::get().to(respond::resume_page))
                            .route(web::post().to(respond::resume)),
                    ),
            ),
    )
    .service(
        web::scope("")
            .wrap(staff_sessions)
            .route("/", web::get().to(auth::home))
            .route("/healthz", web::get().to(healthz))
            .route("/static/{file:.*}", web::get().to(templates::static_file))
            .route("/media/bsl/{file}", web::get().to(templates::bsl_file))
            .route("/sign-in", web::get().to(auth::sign_in_page))
            .route("/sign-in", web::post().to(auth::sign_in))
            .route("/sign-out", web::post().to(auth::sign_out))
            .route(
                "/account/set-password/{token}",
                web::get().to(auth::set_password_page),
            )
            .route(
                "/account/set-password/{token}",
                web::post().to(auth::set_password),
            )
            .route("/inspections", web::get().to(inspect::list))
            .route("/inspections", web::post().to(inspect::create))
            .route("/inspections/new", web::get().to(inspect::new_page))
            .route("/inspections/{id}", web::get().to(inspect::overview))
            .route(
                "/inspections/{id}/status",
                web::post().to(inspect::change_status),
            )
            .route(
                "/inspections/{id}/team",
                web::post().to(inspect::add_member),
            )
            .route(
                "/inspections/{id}/team/{membership_id}/remove",
                web::post().to(inspect::remove_member),
            )
            .route(
                "/inspections/{id}/surveys",
                web::get().to(inspect::surveys::surveys),
            )
            .route(
                "/inspections/{id}/distribution",
                web::get().to(inspect::distribution::hub),
            )
            .route(
                "/inspections/{id}/distribution/settings",
                web::post().to(inspect::distribution::add_setting),
            )
            .route(
                "/inspections/{id}/distribution/surveys/{survey}/times",
                web::get().to(inspect::distribution::times),
            )
            .route(
                "/inspections/{id}/distribution/surveys/{survey}/times",
                web::post().to(inspect::distribution::save_times),
            )
            .route(
                "/inspections/{id}/distribution/surveys/{survey}/poster",
                web::get().to(inspect::distribution::survey_poster),
            )
            .route(
                "/inspections/{id}/distribution/links/{link}/poster",
                web::get().to(inspect::distribution::link_poster),
            )
            .route(
                "/inspections/{id}/distribution/invitees",
                web::get().to(inspect::distribution::invitees),
            )
            .route(
                "/inspections/{id}/distribution/invitees",
                web::post().to(inspect::distribution::import_invitees),
            )
            .route(
                "/inspections/{id}/distribution/tracking",
                web::get().to(inspect::distribution::tracking),
            )
            .route(
                "/inspections/{id}/distribution/emails",
                web::get().to(inspect::distribution::emails),
            )
            .route(
                "/inspections/{id}/distribution/emails/retry",
                web::post().to(inspect::distribution::retry_emails),
            )
            .route(
                "/inspections/{id}/evidence",
                web::get().to(inspect::evidence::hub),
            )
            .route(
                "/inspections/{id}/indicators",
                web::get().to(inspect::evidence::indicators),
            )
            .route(
                "/inspections/{id}/indicators/import",
                web::post().to(inspect::evidence::import_dfe),
            )
            .route(
                "/inspections/{id}/indicators/{indicator}",
                web::get().to(inspect::evidence::indicator),
            )
            .route(
                "/inspections/{id}/local-data",
                web::get().to(inspect::evidence::local_data),
            )
            .route(
                "/inspections/{id}/local-data",
                web::post().to(inspect::evidence::import_local),
            )
            .route(
                "/inspections/{id}/local-data/template.csv",
                web::get().to(inspect::evidence::local_template),
            )
            .route(
                "/inspections/{id}/duties",
                web::get().to(inspect::evidence::duties),
            )
            .route(
                "/inspections/{id}/duties",
                web::post().to(inspect::evidence::record_duty),
            )
            .route(
                "/inspections/{id}/documents",
                web::get().to(inspect::evidence::documents),
            )
            .route(
                "/inspections/{id}/documents",
                web::post().to(inspect::evidence::add_document),
            )
            .route(
                "/inspections/{id}/documents/{document}",
                web::get().to(inspect::evidence::download_document),
            )
            .route(
                "/inspections/{id}/cases",
                web::get().to(inspect::evidence::cases),
            )
            .route(
                "/inspections/{id}/cases",
                web::post().to(inspect::evidence::add_case),
            )
            .route(
                "/inspections/{id}/results",
                web::get().to(inspect::results::results),
            )
            .route(
                "/inspections/{id}/results/{survey}",
                web::get().to(inspect::results::survey_results),
            )
            .route(
                "/inspections/{id}/representativeness",
                web::get().to(inspect::results::representativeness),
            )
            .route(
                "/inspections/{id}/representativeness",
                web::post().to(inspect::results::set_population),
            )
            .route(
                "/inspections/{id}/free-text",
                web::get().to(inspect::free_text::queue),
            )
            .route(
                "/inspections/{id}/free-text/{review}",
                web::post().to(inspect::free_text::review),
            )
            .route(
                "/inspections/{id}/matrix",
                web::get().to(inspect::matrix::matrix_page),
            )
            .route(
                "/inspections/{id}/matrix/{criterion}/{kind}",
                web::get().to(inspect::matrix::cell),
            )
            .route(
                "/inspections/{id}/export/results.csv",
                web::get().to(inspect::export::results),
            )
            .route(
                "/inspections/{id}/export/indicators.csv",
                web::get().to(inspect::export::indicators),
            )
            .route(
                "/inspections/{id}/export/responses/{survey}.csv",
                web::get().to(inspect::export::responses),
            )
            .route(
                "/inspections/{id}/findings",
                web::get().to(inspect::judging::findings),
            )
            .route(
                "/inspections/{id}/findings",
                web::post().to(inspect::judging::add_finding),
            )
            .route(
                "/inspections/{id}/findings/new",
                web::get().to(inspect::judging::new_finding),
            )
            .route(
                "/inspections/{id}/findings/{finding}",
                web::get().to(inspect::judging::edit_finding),
            )
            .route(
                "/inspections/{id}/findings/{finding}",
                web::post().to(inspect::judging::change_finding),
            )
            .route(
                "/inspections/{id}/findings/{finding}/delete",
                web::get().to(inspect::judging::confirm_remove),
            )
            .route(
                "/inspections/{id}/findings/{finding}/delete",
                web::post().to(inspect::judging::remove_finding),
            )
            .route(
                "/inspections/{id}/findings/{finding}/move",
                web::post().to(inspect::judging::move_finding),
            )
            .route(
                "/inspections/{id}/outcome",
                web::get().to(inspect::judging::outcome),
            )
            .route(
                "/inspections/{id}/outcome",
                web::post().to(inspect::judging::decide),
            )
            .route(
                "/inspections/{id}/progress",
                web::get().to(inspect::monitoring::page),
            )
            .route(
                "/inspections/{id}/progress/{action}",
                web::post().to(inspect::monitoring::save),
            )
            .route(
                "/inspections/{id}/report",
                web::get().to(inspect::report::hub),
            )
            .route(
                "/inspections/{id}/report/drafts",
                web::post().to(inspect::report::make_draft),
            )
            .route(
                "/inspections/{id}/report/preview",
                web::get().to(inspect::report::preview),
            )
            .route(
                "/inspections/{id}/report/sections/{section}",
                web::get().to(inspect::report::section),
            )
            .route(
                "/inspections/{id}/report/sections/{section}",
                web::post().to(inspect::report::save_section),
            )
            .route(
                "/inspections/{id}/report/particulars",
                web::get().to(inspect::report::particulars),
            )
            .route(
                "/inspections/{id}/report/particulars",
                web::post().to(inspect::report::save_particulars),
            )
            .route(
                "/inspections/{id}/report/easy-read",
                web::get().to(inspect::report::easy_read),
            )
            .route(
                "/inspections/{id}/report/easy-read",
                web::post().to(inspect::report::save_easy_read),
            )
            .route(
                "/inspections/{id}/report/compare",
                web::get().to(inspect::report::compare),
            )
            .route(
                "/inspections/{id}/report/versions/{version}",
                web::get().to(inspect::report::version),
            )
            .route(
                "/inspections/{id}/report/versions/{version}/easy-read",
                web::get().to(inspect::report::easy_read_version),
            )
            .route(
                "/inspections/{id}/report/versions/{version}/{file}",
                web::get().to(inspect::report::download),
            )
            .route(
                "/inspections/{id}/review",
                web::get().to(inspect::review::page),
            )
            .route(
                "/inspections/{id}/review/send",
                web::post().to(inspect::review::send),
            )
            .route(
                "/inspections/{id}/review/extend",
                web::post().to(inspect::review::extend),
            )
            .route(
                "/inspections/{id}/review/comments",
                web::post().to(inspect::review::add_comment),
            )
            .route(
                "/inspections/{id}/review/comments.csv",
                web::get().to(inspect::review::log_csv),
            )
            .route(
                "/inspections/{id}/review/comments.docx",
                web::get().to(inspect::review::log_docx),
            )
            .route(
                "/inspections/{id}/review/reviewers",
                web::post().to(inspect::review::invite_reviewer),
            )
            .route(
                "/inspections/{id}/review/comments/{comment}/document",
                web::get().to(inspect::review::comment_document),
            )
            .route(
                "/inspections/{id}/review/comments/{comment}/delete",
                web::post().to(inspect::review::delete_comment),
            )
            .route(
                "/inspections/{id}/review/comments/{comment}/answer",
                web::post().to(inspect::review::answer),
            )
            .route(
                "/inspections/{id}/review/submit",
                web::post().to(inspect::review::submit),
            )
            .route(
                "/inspections/{id}/review/publish",
                web::post().to(inspect::review::publish),
            )
            .route(
                "/inspections/{id}/review/finalise",
                web::post().to(inspect::review::finalise),
            )
            .route("/admin", web::get().to(admin::index))
            .route("/admin/users", web::post().to(admin::add_user))
            .route(
                "/admin/partnerships",
                web::post().to(admin::add_partnership),
            ),
    );
}

type Sessions = SessionMiddleware<session::DbSessionStore>;

/// A session middleware over a database store: `cookie` names it, `path` bounds it.
fn sessions(
    store: session::DbSessionStore,
    key: &Key,
    secure: bool,
    cookie: &str,
    path: &str,
    ttl: actix_web::cookie::time::Duration,
) -> Sessions {
    SessionMiddleware::builder(store, key.clone())
        .cookie_name(cookie.to_string())
        .cookie_path(path.to_string())
        .cookie_secure(secure)
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_content_security(CookieContentSecurity::Private)
        .session_lifecycle(BrowserSession::default().state_ttl(ttl))
        .build()
}

/// Strict headers on every response: no inline script or style, no framing.
fn security_headers(secure: bool) -> DefaultHeaders {
    let mut headers = DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             media-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; \
             frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((header::REFERRER_POLICY, "same-origin"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        ))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add(("Cross-Origin-Resource-Policy", "same-origin"));
    if secure {
        headers = headers.add((
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        ));
    }
    headers
}

/// Every survey's form version must be loaded, and unchanged since the survey was
/// opened: answers belong to the questions that were asked. Surveys opened before
/// digests were kept get theirs now.
pub fn check_survey_forms(
    pool: &Pool,
    catalogue: &crate::catalogue::Catalogue,
) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    let mut problems = vec![];
    for (survey, digest) in db::surveys::all_with_digests(&mut conn)? {
        match catalogue.form(&survey.form) {
            None => problems.push(format!(
                "survey {} (inspection {}) was opened with {}, which is not among the forms: put that version back (earlier versions go in the forms folder's previous/ folder)",
                survey.id, survey.inspection_id, survey.form
            )),
            Some(form) if digest.is_empty() => db::surveys::set_digest(&mut conn, survey.id, &form.digest)?,
            Some(form) if form.digest != digest => problems.push(format!(
                "survey {} (inspection {}) was opened with {}, and that form file has changed since: give the changed form a new version number and keep the old file",
                survey.id, survey.inspection_id, survey.form
            )),
            Some(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        anyhow::bail!(
            "the survey forms do not match the surveys in the database:\n  {}",
            problems.join("\n  ")
        )
    }
}

/// Start serving on `listener` (the database is already migrated).
pub fn start(config: Config, pool: Pool, listener: TcpListener) -> anyhow::Result<Server> {
    // A bad form or framework stops start-up with every problem listed.
    let catalogue = Arc::new(crate::load_catalogue(&config)?);
    let templates = templates::registry(&catalogue.words)?;
    check_survey_forms(&pool, &catalogue)?;
    let key = Key::from(&Sha512::digest(config.secret_key.expose())[..]);
    let secure = config.secure_cookies;
    let max_body = config.max_body_bytes;
    let workers = config.workers;
    let pool_size = config.db_pool_size;
    let throttle = ThrottlePolicy {
        max_failures: config.sign_in_max_failures,
        ..ThrottlePolicy::default()
    };
    let link_key = config.link_key()?;
    let state = web::Data::new(AppState {
        pool: pool.clone(),
        catalogue,
        templates,
        config: Arc::new(config),
        throttle,
        surveys: SurveyCache::new(std::time::Duration::from_secs(SURVEY_CACHE_SECONDS)),
        triage: Arc::new(crate::domain::triage::Detector::new()),
        emails: Arc::new(crate::mail::templates::EmailTemplates::load()?),
        link_key: Arc::new(link_key),
    });
    let purge_pool = pool.clone();
    let resume_limit = rate_limit::posts_per_minute(
        state.config.resume_attempts_per_minute,
        state.config.trusted_proxies.clone(),
    )
    .ok_or_else(|| anyhow::anyhow!("the resume rate limit could not be set up"))?;
    let proxies = state.config.trusted_proxies.clone();
    let too_many = || anyhow::anyhow!("a rate limit could not be set up");
    let invitation_limit = rate_limit::requests_per_minute(
        state.config.invitation_attempts_per_minute,
        proxies.clone(),
        vec![actix_web::http::Method::GET, actix_web::http::Method::POST],
    )
    .ok_or_else(too_many)?;
    let starts_limit = rate_limit::posts_per_minute(state.config.starts_per_minute, proxies)
        .ok_or_else(too_many)?;
    let link_starts_limit =
        rate_limit::posts_per_link_per_minute(state.config.link_starts_per_minute)
            .ok_or_else(too_many)?;
    // Guesses at resume codes spread over many addresses still meet a limit per link.
    let link_resume_limit =
        rate_limit::posts_per_link_per_minute(state.config.link_starts_per_minute)
            .ok_or_else(too_many)?;
    let limiters: Vec<Arc<dyn Fn() + Send + Sync>> = vec![
        {
            let l = resume_limit.limiter().clone();
            Arc::new(move || l.retain_recent())
        },
        {
            let l = invitation_limit.limiter().clone();
            Arc::new(move || l.retain_recent())
        },
        {
            let l = starts_limit.limiter().clone();
            Arc::new(move || l.retain_recent())
        },
        {
            let l = link_starts_limit.limiter().clone();
            Arc::new(move || l.retain_recent())
        },
        {
            let l = link_resume_limit.limiter().clone();
            Arc::new(move || l.retain_recent())
        },
    ];
    let sender_state = state.clone();
    let retention_years = state.config.retention_years;
    let mut server = HttpServer::new(move || {
        // Staff sign-ins last a working day; a respondent's link to their answers lasts
        // a week (the answers themselves are kept, and the resume code outlives both).
        let staff = sessions(
            session::DbSessionStore::new(pool.clone()),
            &key,
            secure,
            "area_send_session",
            "/",
            Duration::hours(12),
        );
        let respondent = sessions(
            session::DbSessionStore::for_respondents(pool.clone()),
            &key,
            secure,
            "area_send_survey",
            "/s",
            Duration::days(7),
        );
        let limits = Limits {
            resume: Governor::new(&resume_limit),
            invitation: Governor::new(&invitation_limit),
            starts: Governor::new(&starts_limit),
            link_starts: Governor::new(&link_starts_limit),
            link_resume: Governor::new(&link_resume_limit),
        };
        App::new()
            .app_data(state.clone())
            .app_data(web::PayloadConfig::new(max_body))
            .wrap(ErrorHandlers::new().default_handler(error::render_error_page))
            .wrap(security_headers(secure))
            // The path only (a query string can carry a secret, a resume code), and
            // never an invitation's token.
            .wrap(
                actix_web::middleware::Logger::new("%{request}xi %s %Dms")
                    .custom_request_replace("request", |req| {
                        format!("{} {}", req.method(), loggable_path(req.path()))
                    }),
            )
            .wrap_fn(|req, srv| {
                use actix_web::dev::Service;
                let path = loggable_path(req.path());
                let span = tracing::info_span!("request", method = %req.method(), path = %path);
                srv.call(req).instrument(span)
            })
            .configure(|cfg| routes(cfg, respondent, staff, limits))
            .default_service(web::to(not_found))
    })
    .listen(listener)?;
    let workers = workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    // Database work waits for a pooled connection anyway; more threads than
    // connections only add memory and latency under load.
    let blocking = (pool_size as usize).div_ceil(workers).max(2);
    server = server
        .workers(workers)
        .worker_max_blocking_threads(blocking);
    actix_web::rt::spawn(purge_expired_periodically(
        purge_pool,
        limiters,
        retention_years,
    ));
    if sender_state.config.run_sender {
        let mailer = crate::mail::Mailer::from_url(sender_state.config.mail_url.as_str())?;
        actix_web::rt::spawn(crate::mail::sender::run(sender_state.into_inner(), mailer));
    }
    Ok(server.run())
}

/// A request's path as logs may keep it: a personal invitation link's token is a
/// key to someone's answers, so it is replaced.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for prefix in ["/s/invite/", "/account/set-password/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let after = rest.find('/').map_or("", |i| rest.get(i..).unwrap_or(""));
            return std::borrow::Cow::Owned(format!("{prefix}[token]{after}"));
        }
    }
    std::borrow::Cow::Borrowed(path)
}

/// Expired sessions and stale sign-in failures are removed every ten minutes, so
/// anonymous visits to the sign-in page do not pile up.
async fn purge_expired_periodically(
    pool: Pool,
    limiters: Vec<Arc<dyn Fn() + Send + Sync>>,
    retention_years: u32,
) {
    let mut every = actix_web::rt::time::interval(std::time::Duration::from_secs(600));
    loop {
        every.tick().await;
        // Forget addresses and links whose rate limit has refilled.
        for forget in &limiters {
            forget();
        }
        let purged = db::run(&pool, |c| {
            Ok::<_, db::DbError>((
                db::sessions::purge_expired(c)?,
                db::throttle::purge_stale(c)?,
            ))
        })
        .await;
        match purged {
            Ok((sessions, failures)) => tracing::debug!(sessions, failures, "purged expired rows"),
            Err(e) => tracing::warn!(error = %e, "could not purge expired sessions"),
        }
        // Data kept past its retention period goes, each inspection audited.
        let retention = db::run(&pool, move |c| {
            crate::app::retention::purge(c, retention_years, chrono::Utc::now().date_naive(), false)
        })
        .await;
        match retention {
            Ok(purged) if !purged.is_empty() => {
                tracing::info!(
                    inspections = purged.len(),
                    "purged data past its retention period"
                )
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not purge data past its retention period"),
        }
    }
}

async fn not_found() -> Result<HttpResponse, WebError> {
    Err(WebError::NotFound)
}

/// 200 when the database answers, 503 when it does not.
async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let ok = db::run(&state.pool, |c| {
        use diesel::connection::SimpleConnection;
        c.batch_execute("SELECT 1").map_err(db::DbError::from)
    })
    .await;
    match ok {
        Ok(()) => HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body("ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain; charset=utf-8")
                .body("database unavailable")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn invitation_tokens_never_reach_the_logs() {
        assert_eq!(
            loggable_path("/s/invite/AbCdEfGhIjKlMnOpQrStUvWxYz"),
            "/s/invite/[token]"
        );
        assert_eq!(
            loggable_path("/s/invite/AbCdEfGhIjKlMnOpQrStUvWxYz/opt-out"),
            "/s/invite/[token]/opt-out"
        );
        assert_eq!(loggable_path("/s/abc/how"), "/s/abc/how");
    }
}
