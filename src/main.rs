//! The `area-send` command: serve, demo, migrate and user management.

use std::io::BufRead;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use area_send::config::{Config, DatabaseUrl, ServeSettings, Settings};

// Pages allocate many small strings on every request; mimalloc serves them faster than
// the system allocator across worker threads, and returns freed memory (argon2's 19 MiB
// per password check) to the system rather than keeping it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use area_send::db;
use area_send::domain::account::{check_new_password, NewAccount};

#[derive(Parser)]
#[command(
    name = "area-send",
    version,
    about = "Evidence toolkit for area SEND inspections (Ofsted and CQC)"
)]
struct Cli {
    #[command(flatten)]
    settings: Settings,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web service (migrating the database first).
    Serve {
        #[command(flatten)]
        serve: ServeSettings,
    },
    /// Create a fresh demo database (DATA_DIR/demo.sqlite3, or an empty PostgreSQL database given
    /// by --database-url) with invented data, print the sign-ins, and serve it.
    Demo {
        #[command(flatten)]
        serve: ServeSettings,
    },
    /// Apply any database migrations not yet applied, then exit.
    Migrate,
    /// Check the survey forms and the framework.
    Forms {
        #[command(subcommand)]
        command: FormsCommand,
    },
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Subcommand)]
enum FormsCommand {
    /// Check every survey form in DIR and the framework file against their JSON Schemas
    /// and the rules beyond them. Prints file, JSON pointer and reason for each problem
    /// and exits non-zero if there is any.
    Check {
        /// Folder of survey forms (every *.json except the schema).
        #[arg(default_value = "survey-forms")]
        dir: PathBuf,
        /// The framework file whose criteria the forms refer to.
        #[arg(long, default_value = "framework/framework.json")]
        framework: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user. The password is read from standard input (one line), or generated and printed.
    Add {
        /// Email address used to sign in.
        #[arg(long)]
        email: String,
        /// Full name.
        #[arg(long)]
        name: String,
        /// Organisation, e.g. Ofsted, CQC, or the council or ICB.
        #[arg(long)]
        organisation: String,
        /// inspector (Ofsted or CQC) or partnership (council or ICB reviewer).
        #[arg(long, value_parser = ["inspector", "partnership"])]
        kind: String,
        /// Make the user an administrator.
        #[arg(long)]
        admin: bool,
        /// Read the password from the first line of standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("AREA_SEND_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_target(false)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("area-send: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn open_and_migrate(url: &DatabaseUrl, size: u32) -> anyhow::Result<db::Pool> {
    let pool = db::open_pool(url, size)?;
    let mut conn = pool.get()?;
    let applied = db::run_migrations(&mut conn)?;
    for version in applied {
        tracing::info!(%version, "applied migration");
    }
    Ok(pool)
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { serve } => {
            let config = Config::resolve(&cli.settings, &serve)?;
            let pool = open_and_migrate(&config.database, config.db_pool_size)?;
            serve_forever(config, pool)
        }
        Command::Demo { serve } => {
            let mut settings = cli.settings.clone();
            // PostgreSQL when asked for explicitly (it must be empty); otherwise a fresh SQLite file.
            let place = match settings.database() {
                DatabaseUrl::Postgres(url) if settings.database_url.is_some() => url,
                _ => {
                    let path = settings.data_dir.join("demo.sqlite3");
                    for suffix in ["", "-wal", "-shm"] {
                        let file = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
                        if file.exists() {
                            std::fs::remove_file(&file)?;
                        }
                    }
                    settings.database_url = Some(path.display().to_string());
                    path.display().to_string()
                }
            };
            let config = Config::resolve(&settings, &serve)?;
            let pool = open_and_migrate(&config.database, config.db_pool_size)?;
            if !db::users::list(&mut *pool.get()?)?.is_empty() {
                anyhow::bail!(
                    "the demo needs an empty database, and this {} database already has users",
                    config.database.backend_name()
                );
            }
            let catalogue = area_send::load_catalogue(&config)?;
            let inspection = area_send::demo::seed(&pool, &catalogue)?;
            let surveys = db::surveys::for_inspection(&mut *pool.get()?, inspection)?;
            let shown = if place.starts_with("postgres") {
                "the PostgreSQL database"
            } else {
                place.as_str()
            };
            println!("\narea-send demo: a fresh database at {shown} with invented data.");
            println!("Open {}/sign-in and sign in as:", config.base_url);
            for a in area_send::demo::ACCOUNTS {
                println!("  {:<32} {:<40} password: {}", a.role, a.email, a.password);
            }
            println!(
                "The demo inspection is at {}/inspections/{inspection}, with its surveys open:",
                config.base_url
            );
            for survey in &surveys {
                // Say who each survey is for: a school is handed the children's links.
                let (title, audience) = catalogue
                    .form(&survey.form)
                    .map(|f| (f.form.title.get("en"), f.form.audience.label()))
                    .unwrap_or(("", ""));
                println!("  {title} (for {}):", audience.to_lowercase());
                println!(
                    "    open link:  {}/s/{}",
                    config.base_url, survey.open_link_token
                );
                println!(
                    "    kiosk link: {}/s/{}",
                    config.base_url, survey.kiosk_token
                );
            }
            println!();
            serve_forever(config, pool)
        }
        Command::Migrate => {
            let url = cli.settings.database();
            let pool = db::open_pool(&url, 1)?;
            let mut conn = pool.get()?;
            let applied = db::run_migrations(&mut conn)?;
            println!(
                "{}: {} migration(s) applied.",
                url.backend_name(),
                applied.len()
            );
            Ok(())
        }
        Command::Forms {
            command: FormsCommand::Check { dir, framework },
        } => {
            let words = area_send::catalogue::shipped_words()?;
            let assets = area_send::assets_for(Some(&dir), &words);
            match area_send::catalogue::from_files(&framework, &dir, words, &assets) {
                Ok(catalogue) => {
                    let forms: Vec<_> = catalogue.all_versions().collect();
                    println!(
                        "{} survey form(s), {} version(s) in all, and the framework ({} criteria) are valid:",
                        catalogue.current().len(),
                        forms.len(),
                        catalogue.framework.criterion_ids().len()
                    );
                    for compiled in forms {
                        let form = &compiled.form;
                        println!(
                            "  {} (version {}): {} questions",
                            form.id,
                            form.version,
                            form.questions().count()
                        );
                    }
                    Ok(())
                }
                Err(problems) => {
                    for p in &problems.0 {
                        println!("{p}");
                    }
                    anyhow::bail!("{} problem(s) found", problems.0.len())
                }
            }
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    name,
                    organisation,
                    kind,
                    admin,
                    password_stdin,
                },
        } => {
            let account = NewAccount::parse(&email, &name, &organisation, &kind, admin)?;
            let (password, generated) = if password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                (line.trim_end_matches(['\r', '\n']).to_string(), false)
            } else {
                use rand::distributions::{Alphanumeric, DistString};
                (Alphanumeric.sample_string(&mut rand::rngs::OsRng, 20), true)
            };
            check_new_password(&password)?;
            // Hash before taking a connection: argon2 is slow on purpose.
            let hash = area_send::password::hash(&password)
                .map_err(|e| anyhow::anyhow!("hashing: {e}"))?;
            let url = cli.settings.database();
            let pool = open_and_migrate(&url, 1)?;
            let user =
                area_send::app::accounts::add_user(&mut *pool.get()?, &account, &hash, None)?;
            println!(
                "Added {} <{}> (user {}).",
                user.display_name, user.email, user.id
            );
            if generated {
                println!("Password: {password}");
            }
            Ok(())
        }
    }
}

fn serve_forever(config: Config, pool: db::Pool) -> anyhow::Result<()> {
    let listener = TcpListener::bind(&config.bind)?;
    tracing::info!(bind = %config.bind, database = config.database.backend_name(), "area-send listening");
    actix_web::rt::System::new().block_on(async move {
        area_send::web::start(config, pool, listener)?
            .await
            .map_err(anyhow::Error::from)
    })
}
