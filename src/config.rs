//! One configuration, read from command-line flags and `AREA_SEND_*` environment variables.

use std::path::PathBuf;

use clap::Args;

/// Where the database lives, chosen from the URL's scheme (never guessed by diesel).
/// Its `Debug` hides any password the URL holds.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            DatabaseUrl::Postgres(url) => f
                .debug_tuple("Postgres")
                .field(&redact_password(url))
                .finish(),
        }
    }
}

/// A URL with any password in it (`user:password@`, or `password=` in the query)
/// replaced by `***`, for logs and `Debug`.
pub fn redact_password(url: &str) -> String {
    let (scheme, rest) = match url.split_once("://") {
        Some(parts) => parts,
        None => return url.to_string(),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => format!("{userinfo}@{host}"),
        },
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => pair.to_string(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

/// A secret that `Debug` never prints.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// The secret itself, for the one place that uses it.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> std::fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Where outgoing mail goes; `Debug` hides the password of an SMTP URL.
#[derive(Clone, PartialEq, Eq)]
pub struct MailUrl(String);

impl MailUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A mail URL as given (tests point the sender at their own SMTP server).
    pub fn parse(url: &str) -> Self {
        MailUrl(url.to_string())
    }
}

impl std::fmt::Debug for MailUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("MailUrl")
            .field(&redact_password(&self.0))
            .finish()
    }
}

impl DatabaseUrl {
    /// `postgres://` or `postgresql://` select PostgreSQL; `sqlite://PATH` or a
    /// plain path select SQLite.
    pub fn parse(url: &str) -> Self {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            DatabaseUrl::Postgres(url.to_string())
        } else {
            let path = url.strip_prefix("sqlite://").unwrap_or(url);
            DatabaseUrl::Sqlite(PathBuf::from(path))
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            DatabaseUrl::Sqlite(_) => "SQLite",
            DatabaseUrl::Postgres(_) => "PostgreSQL",
        }
    }
}

pub const DEFAULT_DATA_DIR: &str = "./var";
pub const DEFAULT_DB_POOL_SIZE: u32 = 8;
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const DEFAULT_SIGN_IN_MAX_FAILURES: i32 = 5;
pub const DEFAULT_RESUME_ATTEMPTS_PER_MINUTE: u32 = 20;
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024;
pub const DEFAULT_MAX_UPLOAD_BYTES: usize = 32 * 1024 * 1024;
pub const DEFAULT_SEND_EVERY_SECONDS: u64 = 15;
pub const DEFAULT_MOST_REMINDERS: u32 = 2;
pub const DEFAULT_REMINDER_EVERY_HOURS: u32 = 72;
pub const DEFAULT_ERASE_INVITEES_AFTER_DAYS: u32 = 28;
pub const DEFAULT_INVITATION_ATTEMPTS_PER_MINUTE: u32 = 30;
pub const DEFAULT_STARTS_PER_MINUTE: u32 = 120;
pub const DEFAULT_LINK_STARTS_PER_MINUTE: u32 = 600;

/// Settings shared by every subcommand. `Debug` hides any password in the database URL.
#[derive(Clone, Args)]
pub struct Settings {
    /// Folder for the SQLite database and demo mail.
    #[arg(
        long,
        env = "AREA_SEND_DATA_DIR",
        default_value = DEFAULT_DATA_DIR,
        global = true
    )]
    pub data_dir: PathBuf,

    /// Database URL: postgres://... for PostgreSQL, otherwise a SQLite file path.
    /// Defaults to DATA_DIR/area-send.sqlite3.
    #[arg(long, env = "AREA_SEND_DATABASE_URL", global = true)]
    pub database_url: Option<String>,

    /// A folder of survey forms to use instead of the ones built into the binary.
    #[arg(long, env = "AREA_SEND_FORMS_DIR", global = true)]
    pub forms_dir: Option<PathBuf>,

    /// A framework file to use instead of the one built into the binary.
    #[arg(long, env = "AREA_SEND_FRAMEWORK_FILE", global = true)]
    pub framework_file: Option<PathBuf>,

    /// Most database connections held open at once.
    #[arg(
        long,
        env = "AREA_SEND_DB_POOL_SIZE",
        default_value_t = DEFAULT_DB_POOL_SIZE,
        global = true
    )]
    pub db_pool_size: u32,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("data_dir", &self.data_dir)
            .field(
                "database_url",
                &self.database_url.as_deref().map(redact_password),
            )
            .field("forms_dir", &self.forms_dir)
            .field("framework_file", &self.framework_file)
            .field("db_pool_size", &self.db_pool_size)
            .finish()
    }
}

impl Default for Settings {
    /// The settings when no flag or variable is given.
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from(DEFAULT_DATA_DIR),
            database_url: None,
            forms_dir: None,
            framework_file: None,
            db_pool_size: DEFAULT_DB_POOL_SIZE,
        }
    }
}

impl Settings {
    pub fn database(&self) -> DatabaseUrl {
        match &self.database_url {
            Some(url) if !url.trim().is_empty() => DatabaseUrl::parse(url.trim()),
            _ => DatabaseUrl::Sqlite(self.data_dir.join("area-send.sqlite3")),
        }
    }
}

/// Settings for the web server. `Debug` hides the secret key and any mail password.
#[derive(Clone, Args)]
pub struct ServeSettings {
    /// Address and port to listen on.
    #[arg(long, env = "AREA_SEND_BIND", default_value = DEFAULT_BIND)]
    pub bind: String,

    /// The address people use to reach the service, e.g. https://area-send.example.org.
    /// Decides whether cookies are marked Secure and HSTS is sent. Defaults to http://BIND.
    #[arg(long, env = "AREA_SEND_BASE_URL")]
    pub base_url: Option<String>,

    /// At least 64 characters of secret, used to sign session cookies. Required when the
    /// base URL is https; a random key is made for each run otherwise.
    #[arg(long, env = "AREA_SEND_SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<String>,

    /// Outgoing mail: an smtp:// or smtps:// URL in production, or file:// a folder
    /// where .eml files are written. Defaults to DATA_DIR/outbox.
    #[arg(long, env = "AREA_SEND_MAIL_URL", hide_env_values = true)]
    pub mail_url: Option<String>,

    /// Failed sign-ins allowed for one account within 15 minutes before it is locked for 15 minutes.
    #[arg(long, env = "AREA_SEND_SIGN_IN_MAX_FAILURES", default_value_t = DEFAULT_SIGN_IN_MAX_FAILURES)]
    pub sign_in_max_failures: i32,

    /// Attempts to continue a survey with a resume code allowed per minute from one
    /// address (a school's shared connection counts as one, so this is generous).
    #[arg(
        long,
        env = "AREA_SEND_RESUME_ATTEMPTS_PER_MINUTE",
        default_value_t = DEFAULT_RESUME_ATTEMPTS_PER_MINUTE
    )]
    pub resume_attempts_per_minute: u32,

    /// Reverse proxies whose X-Forwarded-For header is believed, comma-separated IP
    /// addresses. Without one, rate limits key on the connecting address.
    #[arg(long, env = "AREA_SEND_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// Largest request body accepted, in bytes.
    #[arg(long, env = "AREA_SEND_MAX_BODY_BYTES", default_value_t = DEFAULT_MAX_BODY_BYTES)]
    pub max_body_bytes: usize,

    /// Largest file accepted in an upload (a document, a statistics file), in bytes.
    #[arg(long, env = "AREA_SEND_MAX_UPLOAD_BYTES", default_value_t = DEFAULT_MAX_UPLOAD_BYTES)]
    pub max_upload_bytes: usize,

    /// Worker threads; defaults to the number of cores.
    #[arg(long, env = "AREA_SEND_WORKERS")]
    pub workers: Option<usize>,

    /// The sender of every email, e.g. "Area SEND inspection <surveys@example.org>".
    /// Defaults to area-send at the base URL's host.
    #[arg(long, env = "AREA_SEND_MAIL_FROM")]
    pub mail_from: Option<String>,

    /// Seconds between rounds of the background sender (emails, reminders, closing
    /// surveys at their time, erasing invitee emails).
    #[arg(long, env = "AREA_SEND_SEND_EVERY_SECONDS", default_value_t = DEFAULT_SEND_EVERY_SECONDS)]
    pub send_every_seconds: u64,

    /// The most reminders one invitee is sent.
    #[arg(long, env = "AREA_SEND_MOST_REMINDERS", default_value_t = DEFAULT_MOST_REMINDERS)]
    pub most_reminders: u32,

    /// Hours between an invitation and its first reminder, and between reminders.
    #[arg(long, env = "AREA_SEND_REMINDER_EVERY_HOURS", default_value_t = DEFAULT_REMINDER_EVERY_HOURS)]
    pub reminder_every_hours: u32,

    /// Days after a survey closes that its invitees' emails are erased (the counts stay).
    #[arg(long, env = "AREA_SEND_ERASE_INVITEES_AFTER_DAYS", default_value_t = DEFAULT_ERASE_INVITEES_AFTER_DAYS)]
    pub erase_invitees_after_days: u32,

    /// Visits to personal invitation links (and opt-outs) allowed per minute from one address.
    #[arg(long, env = "AREA_SEND_INVITATION_ATTEMPTS_PER_MINUTE", default_value_t = DEFAULT_INVITATION_ATTEMPTS_PER_MINUTE)]
    pub invitation_attempts_per_minute: u32,

    /// New responses allowed per minute from one address (a school's tablets share one).
    #[arg(long, env = "AREA_SEND_STARTS_PER_MINUTE", default_value_t = DEFAULT_STARTS_PER_MINUTE)]
    pub starts_per_minute: u32,

    /// Years after a report is final that its inspection's personal and response-level
    /// data is kept; the service then removes it (see `area-send purge`).
    #[arg(long, env = "AREA_SEND_RETENTION_YEARS", default_value_t = crate::domain::retention::DEFAULT_YEARS)]
    pub retention_years: u32,

    /// New responses (and, separately, resume-code attempts) allowed per minute through
    /// any one survey link.
    #[arg(long, env = "AREA_SEND_LINK_STARTS_PER_MINUTE", default_value_t = DEFAULT_LINK_STARTS_PER_MINUTE)]
    pub link_starts_per_minute: u32,
}

impl std::fmt::Debug for ServeSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServeSettings")
            .field("bind", &self.bind)
            .field("base_url", &self.base_url)
            .field(
                "secret_key",
                &self.secret_key.as_ref().map(|_| "[redacted]"),
            )
            .field("mail_url", &self.mail_url.as_deref().map(redact_password))
            .field("sign_in_max_failures", &self.sign_in_max_failures)
            .field(
                "resume_attempts_per_minute",
                &self.resume_attempts_per_minute,
            )
            .field("trusted_proxies", &self.trusted_proxies)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_upload_bytes", &self.max_upload_bytes)
            .field("workers", &self.workers)
            .field("mail_from", &self.mail_from)
            .field("send_every_seconds", &self.send_every_seconds)
            .field("most_reminders", &self.most_reminders)
            .field("reminder_every_hours", &self.reminder_every_hours)
            .field("erase_invitees_after_days", &self.erase_invitees_after_days)
            .field(
                "invitation_attempts_per_minute",
                &self.invitation_attempts_per_minute,
            )
            .field("starts_per_minute", &self.starts_per_minute)
            .field("link_starts_per_minute", &self.link_starts_per_minute)
            .field("retention_years", &self.retention_years)
            .finish()
    }
}

impl Default for ServeSettings {
    /// The settings when no flag or variable is given.
    fn default() -> Self {
        Self {
            bind: DEFAULT_BIND.to_string(),
            base_url: None,
            secret_key: None,
            mail_url: None,
            sign_in_max_failures: DEFAULT_SIGN_IN_MAX_FAILURES,
            resume_attempts_per_minute: DEFAULT_RESUME_ATTEMPTS_PER_MINUTE,
            trusted_proxies: vec![],
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            workers: None,
            mail_from: None,
            send_every_seconds: DEFAULT_SEND_EVERY_SECONDS,
            most_reminders: DEFAULT_MOST_REMINDERS,
            reminder_every_hours: DEFAULT_REMINDER_EVERY_HOURS,
            erase_invitees_after_days: DEFAULT_ERASE_INVITEES_AFTER_DAYS,
            invitation_attempts_per_minute: DEFAULT_INVITATION_ATTEMPTS_PER_MINUTE,
            starts_per_minute: DEFAULT_STARTS_PER_MINUTE,
            link_starts_per_minute: DEFAULT_LINK_STARTS_PER_MINUTE,
            retention_years: crate::domain::retention::DEFAULT_YEARS,
        }
    }
}

/// Everything the running service needs, resolved and checked.
#[derive(Debug, Clone)]
pub struct Config {
    pub database: DatabaseUrl,
    pub forms_dir: Option<PathBuf>,
    pub framework_file: Option<PathBuf>,
    pub db_pool_size: u32,
    pub data_dir: PathBuf,
    pub bind: String,
    pub base_url: String,
    /// The base URL's origin (`scheme://host[:port]`), which POSTs must come from.
    pub origin: String,
    pub secure_cookies: bool,
    pub secret_key: Secret<Vec<u8>>,
    pub mail_url: MailUrl,
    pub sign_in_max_failures: i32,
    pub resume_attempts_per_minute: u32,
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub max_body_bytes: usize,
    pub max_upload_bytes: usize,
    pub workers: Option<usize>,
    /// Whether the secret key was given (rather than made for this run).
    pub secret_key_given: bool,
    pub mail_from: String,
    pub send_every: std::time::Duration,
    pub reminders: crate::domain::outbox::Reminders,
    pub erase_invitees_after: chrono::Duration,
    pub invitation_attempts_per_minute: u32,
    pub starts_per_minute: u32,
    pub link_starts_per_minute: u32,
    /// Whether this instance runs the background sender (always, except in tests that
    /// drive delivery themselves).
    pub run_sender: bool,
    /// How failed emails are retried.
    pub backoff: crate::domain::outbox::Backoff,
    pub retention_years: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("AREA_SEND_BASE_URL is https, so AREA_SEND_SECRET_KEY must be set (at least 64 characters) to keep sessions valid across restarts and instances.")]
    SecretKeyRequired,
    #[error("AREA_SEND_SECRET_KEY must be at least 64 characters long.")]
    SecretKeyTooShort,
    #[error("AREA_SEND_BASE_URL must start with http:// or https://, not {0:?}.")]
    BaseUrl(String),
    #[error("AREA_SEND_MAIL_URL must start with smtp://, smtps:// or file://, not {0:?}.")]
    MailUrl(String),
    #[error("AREA_SEND_BASE_URL is https, so this is production, and AREA_SEND_MAIL_URL must name an SMTP server with credentials and TLS: smtps://user:password@host:465 or smtp://user:password@host:587?tls=required. Emails written to files would never reach anyone.")]
    ProductionMail,
    #[error("AREA_SEND_MAIL_FROM must be an email address, optionally with a name: \"Area SEND inspection <surveys@example.org>\", not {0:?}.")]
    MailFrom(String),
}

impl Config {
    pub fn resolve(settings: &Settings, serve: &ServeSettings) -> Result<Self, ConfigError> {
        let base_url = serve
            .base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", serve.bind))
            .trim_end_matches('/')
            .to_string();
        let secure_cookies = if base_url.starts_with("https://") {
            true
        } else if base_url.starts_with("http://") {
            false
        } else {
            return Err(ConfigError::BaseUrl(base_url));
        };
        let secret_key = match &serve.secret_key {
            Some(k) if k.len() >= 64 => k.as_bytes().to_vec(),
            Some(_) => return Err(ConfigError::SecretKeyTooShort),
            None if secure_cookies => return Err(ConfigError::SecretKeyRequired),
            None => {
                use rand::RngCore;
                let mut key = vec![0u8; 64];
                rand::rngs::OsRng.fill_bytes(&mut key);
                key
            }
        };
        let mail_url = serve
            .mail_url
            .clone()
            .unwrap_or_else(|| format!("file://{}", settings.data_dir.join("outbox").display()));
        if !["smtp://", "smtps://", "file://"]
            .iter()
            .any(|p| mail_url.starts_with(p))
        {
            // The message is shown and logged: never with the password.
            return Err(ConfigError::MailUrl(redact_password(&mail_url)));
        }
        if secure_cookies && !production_mail(serve.mail_url.as_deref()) {
            return Err(ConfigError::ProductionMail);
        }
        let host = origin_of(&base_url)
            .and_then(|o| o.split_once("://").map(|(_, h)| h.to_string()))
            .map(|h| h.split(':').next().unwrap_or("localhost").to_string())
            .unwrap_or_else(|| "localhost".into());
        let mail_from = serve
            .mail_from
            .clone()
            .unwrap_or_else(|| format!("area-send <area-send@{host}>"));
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError::MailFrom(mail_from));
        }
        Ok(Self {
            database: settings.database(),
            forms_dir: settings.forms_dir.clone(),
            framework_file: settings.framework_file.clone(),
            db_pool_size: settings.db_pool_size.max(1),
            data_dir: settings.data_dir.clone(),
            bind: serve.bind.clone(),
            origin: origin_of(&base_url).ok_or_else(|| ConfigError::BaseUrl(base_url.clone()))?,
            base_url,
            secure_cookies,
            secret_key: Secret::new(secret_key),
            mail_url: MailUrl(mail_url),
            sign_in_max_failures: serve.sign_in_max_failures.max(1),
            resume_attempts_per_minute: serve.resume_attempts_per_minute.max(1),
            trusted_proxies: serve.trusted_proxies.clone(),
            max_body_bytes: serve.max_body_bytes.max(1024),
            max_upload_bytes: serve.max_upload_bytes.max(1024),
            workers: serve.workers,
            secret_key_given: serve.secret_key.is_some(),
            mail_from,
            send_every: std::time::Duration::from_secs(serve.send_every_seconds.max(1)),
            reminders: crate::domain::outbox::Reminders {
                most: serve.most_reminders,
                interval: chrono::Duration::hours(i64::from(serve.reminder_every_hours)),
            },
            erase_invitees_after: chrono::Duration::days(i64::from(
                serve.erase_invitees_after_days,
            )),
            invitation_attempts_per_minute: serve.invitation_attempts_per_minute.max(1),
            starts_per_minute: serve.starts_per_minute.max(1),
            link_starts_per_minute: serve.link_starts_per_minute.max(1),
            run_sender: true,
            backoff: crate::domain::outbox::Backoff::default(),
            retention_years: serve.retention_years,
        })
    }
}

/// Whether a mail URL is fit for production: SMTP with credentials, over TLS from
/// the start (smtps) or upgraded with STARTTLS required.
fn production_mail(url: Option<&str>) -> bool {
    let Some(url) = url else {
        return false;
    };
    let has_credentials = |rest: &str| {
        rest.split(['/', '?'])
            .next()
            .is_some_and(|authority| authority.contains('@'))
    };
    if let Some(rest) = url.strip_prefix("smtps://") {
        return has_credentials(rest);
    }
    if let Some(rest) = url.strip_prefix("smtp://") {
        return has_credentials(rest) && rest.contains("tls=required");
    }
    false
}

impl Config {
    /// The key personal invitation links are made with: from the secret key when
    /// one is given (so every instance and the command line agree); otherwise from a
    /// key kept in DATA_DIR/link.key, made on first use, so a demo's links survive
    /// a restart.
    pub fn link_key(&self) -> anyhow::Result<Vec<u8>> {
        if self.secret_key_given {
            return Ok(crate::domain::invitation::link_key(
                self.secret_key.expose(),
            ));
        }
        let path = self.data_dir.join("link.key");
        let key = match std::fs::read_to_string(&path) {
            Ok(text) if text.trim().len() >= 64 => text.trim().to_string(),
            _ => {
                use rand::distributions::{Alphanumeric, DistString};
                std::fs::create_dir_all(&self.data_dir)?;
                let key = Alphanumeric.sample_string(&mut rand::rngs::OsRng, 64);
                std::fs::write(&path, &key)?;
                key
            }
        };
        Ok(crate::domain::invitation::link_key(key.as_bytes()))
    }
}

/// The origin of a URL: `scheme://host[:port]`, lower-cased, without the default
/// port or any path. None if it is not an http or https URL with a host.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => ":80",
        "https" => ":443",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let host = authority.strip_suffix(default_port).unwrap_or(&authority);
    if host.is_empty() || host.contains('@') {
        return None;
    }
    Some(format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        settings: Settings,
        #[command(flatten)]
        serve: ServeSettings,
    }

    fn resolve(args: &[&str]) -> Result<Config, ConfigError> {
        let cli =
            Cli::try_parse_from(std::iter::once("area-send").chain(args.iter().copied())).unwrap();
        Config::resolve(&cli.settings, &cli.serve)
    }

    #[test]
    fn production_needs_smtp_with_credentials_and_tls() {
        let key = "k".repeat(64);
        let base = [
            "--base-url",
            "https://send.example.org",
            "--secret-key",
            &key,
        ];
        let with = |mail: &str| {
            let mut args = base.to_vec();
            args.extend(["--mail-url", mail]);
            resolve(&args).map(|_| ())
        };
        assert!(matches!(resolve(&base), Err(ConfigError::ProductionMail)));
        for refused in [
            "file:///var/mail",
            "smtp://relay.example.org:587",
            "smtp://u:p@relay.example.org:587",
            "smtps://relay.example.org:465",
        ] {
            assert!(
                matches!(with(refused), Err(ConfigError::ProductionMail)),
                "{refused}"
            );
        }
        assert!(with("smtps://u:p@relay.example.org:465").is_ok());
        assert!(with("smtp://u:p@relay.example.org:587?tls=required").is_ok());
        // Over plain http (a demo or a test) files are fine.
        assert!(resolve(&["--mail-url", "file:///tmp/x"]).is_ok());
        assert!(matches!(
            resolve(&["--mail-from", "not an address"]),
            Err(ConfigError::MailFrom(_))
        ));
    }

    #[test]
    fn database_urls_pick_the_backend_by_scheme() {
        assert_eq!(
            DatabaseUrl::parse("postgres://u@h/db"),
            DatabaseUrl::Postgres("postgres://u@h/db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("postgresql://u@h/db").backend_name(),
            "PostgreSQL"
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite://var/x.db"),
            DatabaseUrl::Sqlite("var/x.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("var/x.db"),
            DatabaseUrl::Sqlite("var/x.db".into())
        );
    }

    #[test]
    fn https_without_a_secret_key_is_refused() {
        assert!(matches!(
            resolve(&["--base-url", "https://area-send.example.org"]),
            Err(ConfigError::SecretKeyRequired)
        ));
        let key = "k".repeat(64);
        let config = resolve(&[
            "--base-url",
            "https://area-send.example.org/",
            "--secret-key",
            &key,
            "--mail-url",
            "smtps://user:pass@relay.example.org:465",
        ])
        .unwrap();
        assert!(config.secure_cookies);
        assert_eq!(config.base_url, "https://area-send.example.org");
    }

    #[test]
    fn origins_are_normalised() {
        assert_eq!(
            origin_of("https://Area-Send.Example.org:443/area-send/").as_deref(),
            Some("https://area-send.example.org")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            origin_of("http://localhost:80").as_deref(),
            Some("http://localhost")
        );
        assert_eq!(origin_of("null"), None);
        assert_eq!(origin_of("ftp://x"), None);
        assert_eq!(origin_of("https://user@x"), None);
    }

    #[test]
    fn defaults_suit_a_laptop() {
        let config = resolve(&["--data-dir", "/tmp/x"]).unwrap();
        assert_eq!(config.bind, "127.0.0.1:8080");
        assert_eq!(config.base_url, "http://127.0.0.1:8080");
        assert!(!config.secure_cookies);
        assert_eq!(
            config.database,
            DatabaseUrl::Sqlite("/tmp/x/area-send.sqlite3".into())
        );
        assert_eq!(config.mail_url.as_str(), "file:///tmp/x/outbox");
    }

    #[test]
    fn defaults_match_the_command_line() {
        let cli = Cli::try_parse_from(["area-send"]).unwrap();
        let from_flags = Config::resolve(&cli.settings, &cli.serve).unwrap();
        let from_defaults =
            Config::resolve(&Settings::default(), &ServeSettings::default()).unwrap();
        assert_eq!(
            format!("{from_flags:?}").split("secret_key").next(),
            format!("{from_defaults:?}").split("secret_key").next()
        );
    }

    #[test]
    fn debug_never_prints_a_secret() {
        let key = "k".repeat(64);
        let cli = Cli::try_parse_from([
            "area-send",
            "--database-url",
            "postgres://app:hunter2secret@db.internal/area_send?sslmode=require&password=alsosecret",
            "--mail-url",
            "smtps://mailer:mailsecret@smtp.example.org:465",
            "--secret-key",
            &key,
        ])
        .unwrap();
        let config = Config::resolve(&cli.settings, &cli.serve).unwrap();
        let shown = format!("{config:?}");
        for secret in ["hunter2secret", "alsosecret", "mailsecret", key.as_str()] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(
            shown.contains("postgres://app:***@db.internal/area_send?sslmode=require&password=***"),
            "{shown}"
        );
        assert!(shown.contains("smtps://mailer:***@smtp.example.org:465"));
        assert!(shown.contains("[redacted]"));
        assert_eq!(config.secret_key.expose().len(), 64);
        assert_eq!(redact_password("sqlite://var/x.db"), "sqlite://var/x.db");
        assert_eq!(redact_password("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact_password("not a url"), "not a url");
    }

    #[test]
    fn short_keys_and_odd_urls_are_refused() {
        assert!(matches!(
            resolve(&["--secret-key", "short"]),
            Err(ConfigError::SecretKeyTooShort)
        ));
        assert!(matches!(
            resolve(&["--base-url", "ftp://x"]),
            Err(ConfigError::BaseUrl(_))
        ));
        assert!(matches!(
            resolve(&["--mail-url", "http://x"]),
            Err(ConfigError::MailUrl(_))
        ));
        let wrong = resolve(&["--mail-url", "http://mailer:topsecret@smtp.example.org"]);
        let shown = wrong.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(!shown.contains("topsecret"), "{shown}");
    }

    #[test]
    fn settings_never_print_their_secrets() {
        let settings = Settings {
            database_url: Some("postgres://app:dbsecret@db/area_send".into()),
            ..Settings::default()
        };
        let serve = ServeSettings {
            secret_key: Some("k".repeat(64)),
            mail_url: Some("smtps://mailer:mailsecret@smtp.example.org".into()),
            ..ServeSettings::default()
        };
        let shown = format!("{settings:?} {serve:?}");
        for secret in ["dbsecret", "mailsecret", &"k".repeat(64)] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }
}
