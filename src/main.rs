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
    /// Set up local area partnerships from a script.
    Partnership {
        #[command(subcommand)]
        command: PartnershipCommand,
    },
    /// Set up inspections from a script.
    Inspection {
        #[command(subcommand)]
        command: InspectionCommand,
    },
    /// Import evidence files.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Export evidence as CSV on standard output.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Render a saved report version.
    Report {
        #[command(subcommand)]
        command: ReportCommand,
    },
    /// Remove the survey responses, free text, invitations, case notes and emails of
    /// every inspection whose report has been final for the retention period, keeping
    /// the suppressed tallies, the statistics, the findings, the report and the audit
    /// trail. Each inspection's purge is audited. The running service does the same
    /// on its own every ten minutes.
    Purge {
        /// List what would be removed, removing nothing.
        #[arg(long)]
        dry_run: bool,
        /// Years after the report is final that the data is kept.
        #[arg(long, env = "AREA_SEND_RETENTION_YEARS", default_value_t = area_send::domain::retention::DEFAULT_YEARS)]
        years: u32,
    },
}

#[derive(Subcommand)]
enum ReportCommand {
    /// Write a saved draft version of the report (or its easy-read summary) as HTML,
    /// PDF or DOCX, to a file or standard output.
    Render {
        /// The inspection's id.
        inspection: i32,
        /// html, pdf or docx for the report; easy-read-html or easy-read-pdf for the
        /// easy-read summary.
        #[arg(long, value_parser = ["html", "pdf", "docx", "easy-read-html", "easy-read-pdf"])]
        format: String,
        /// The version's number; the latest when left out.
        #[arg(long)]
        version: Option<i32>,
        /// Where to write it; standard output when left out.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum PartnershipCommand {
    /// Add a partnership: the council and its ICB(s). Prints the id it made.
    Add {
        /// The council's name, e.g. "Bristol, City of".
        #[arg(long)]
        council_name: String,
        /// The council's ONS code, e.g. E06000023.
        #[arg(long)]
        council_code: String,
        /// An ICB as CODE=NAME (its ONS code, e.g. E54000039=NHS Bristol ICB); repeat for more.
        #[arg(long = "icb", required = true)]
        icbs: Vec<String>,
    },
}

#[derive(Subcommand)]
enum InspectionCommand {
    /// Add an inspection in the preparing stage. Prints the id it made.
    Add {
        /// The partnership, by its council's ONS code.
        #[arg(long)]
        council_code: String,
        /// full or monitoring.
        #[arg(long, default_value = "full")]
        kind: String,
        /// The day the partnership was notified (YYYY-MM-DD).
        #[arg(long)]
        notified: String,
        /// The first day on site (YYYY-MM-DD).
        #[arg(long)]
        on_site_start: String,
        /// The last day on site (YYYY-MM-DD).
        #[arg(long)]
        on_site_end: String,
        /// The date of the previous inspection, if any (YYYY-MM-DD).
        #[arg(long)]
        previous: Option<String>,
        /// The lead inspector's email (an inspector account).
        #[arg(long)]
        lead: String,
        /// Another inspector's email; repeat for more.
        #[arg(long = "inspector")]
        inspectors: Vec<String>,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import DfE statistics files (explore-education-statistics layout) into an
    /// inspection: one transaction per file, a line per file as it goes.
    Dfe {
        /// The inspection's id.
        inspection: i32,
        /// The CSV files, as published.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Import an invitee list (email, audience, optional setting) and queue an
    /// invitation for each person; the running service sends them. Every line is
    /// checked; nothing is imported while any line has a problem, unless
    /// --valid-only. Give the service's --base-url and --secret-key (or their
    /// AREA_SEND_ variables) so the links in the emails are the service's own.
    Invitees {
        /// The inspection's id.
        inspection: i32,
        /// The CSV file.
        file: PathBuf,
        /// Import the valid lines even when some lines have problems.
        #[arg(long)]
        valid_only: bool,
        #[command(flatten)]
        serve: Box<ServeSettings>,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// The collated survey results, suppressed, in the DfE's tidy layout.
    Results {
        /// The inspection's id.
        inspection: i32,
    },
    /// The imported statistics and local data.
    Indicators {
        /// The inspection's id.
        inspection: i32,
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
            let inspection = area_send::demo::seed_with_evidence(&pool, &catalogue)?;
            let templates = area_send::mail::templates::EmailTemplates::load()?;
            let link_key = config.link_key()?;
            let invited = area_send::demo::distribute(
                &pool,
                &catalogue,
                &area_send::app::distribution::Mailing {
                    templates: &templates,
                    link_key: &link_key,
                    base_url: &config.base_url,
                },
                inspection,
            )?;
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
            println!(
                "{invited} people are invited by email, with one round of reminders; the emails are written to {} as the service starts.",
                config.mail_url.as_str().trim_start_matches("file://")
            );
            let lead = db::users::find_by_email(
                &mut *pool.get()?,
                &area_send::domain::account::Email::parse(area_send::demo::ACCOUNTS[0].email)?,
            )?
            .ok_or_else(|| anyhow::anyhow!("the demo's lead inspector is missing"))?;
            for other in db::inspections::list_for(&mut *pool.get()?, &lead.actor())? {
                if other.id != inspection {
                    println!(
                        "{} ({}, {}): {}/inspections/{}",
                        other.council_name,
                        other.kind.label(),
                        other.status.label().to_lowercase(),
                        config.base_url,
                        other.id
                    );
                }
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
                    let indicators = &catalogue.indicators;
                    println!(
                        "The indicator catalogue (version {}) is valid: {} indicators ({} from the local data template), {} kinds of DfE file.",
                        indicators.version,
                        indicators.indicators.len(),
                        indicators.local().count(),
                        indicators.file_kinds.len()
                    );
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
        Command::Partnership { command } => {
            run_setup(&cli.settings, SetupCommand::Partnership(command))
        }
        Command::Inspection { command } => {
            run_setup(&cli.settings, SetupCommand::Inspection(command))
        }
        Command::Import {
            command: ImportCommand::Dfe { inspection, files },
        } => run_import(&cli.settings, inspection, &files),
        Command::Import {
            command:
                ImportCommand::Invitees {
                    inspection,
                    file,
                    valid_only,
                    serve,
                },
        } => run_import_invitees(&cli.settings, &serve, inspection, &file, valid_only),
        Command::Export { command } => run_export(&cli.settings, command),
        Command::Purge { dry_run, years } => run_purge(&cli.settings, dry_run, years),
        Command::Report {
            command:
                ReportCommand::Render {
                    inspection,
                    format,
                    version,
                    output,
                },
        } => run_report_render(&cli.settings, inspection, &format, version, output),
    }
}

/// A date typed as YYYY-MM-DD, or a message naming the option.
fn cli_date(option: &str, text: &str) -> anyhow::Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        anyhow::anyhow!("--{option} must be a real date written YYYY-MM-DD, not {text:?}")
    })
}

/// The catalogue the service would load with these settings.
fn cli_catalogue(settings: &Settings) -> anyhow::Result<area_send::catalogue::Catalogue> {
    let config = Config::resolve(settings, &ServeSettings::default())?;
    Ok(area_send::load_catalogue(&config)?)
}

fn run_setup(settings: &Settings, command: SetupCommand) -> anyhow::Result<()> {
    use area_send::domain::account::Email;
    use area_send::domain::inspection::{InspectionDates, InspectionKind, NewInspection};
    use area_send::domain::partnership::NewPartnership;
    let pool = open_and_migrate(&settings.database(), 1)?;
    let mut conn = pool.get()?;
    match command {
        SetupCommand::Partnership(PartnershipCommand::Add {
            council_name,
            council_code,
            icbs,
        }) => {
            let rows: Vec<(String, String)> = icbs
                .iter()
                .map(|icb| match icb.split_once('=') {
                    Some((code, name)) => (name.to_string(), code.to_string()),
                    None => (String::new(), icb.clone()),
                })
                .collect();
            let refs: Vec<(&str, &str)> =
                rows.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
            let new = NewPartnership::parse(&council_name, &council_code, &refs)
                .map_err(|p| anyhow::anyhow!("{} ({})", p.error, p.field.replace('_', " ")))?;
            let made = area_send::app::accounts::add_partnership(&mut conn, &new, None)?;
            println!("{}", made.id);
            Ok(())
        }
        SetupCommand::Inspection(InspectionCommand::Add {
            council_code,
            kind,
            notified,
            on_site_start,
            on_site_end,
            previous,
            lead,
            inspectors,
        }) => {
            let kind = InspectionKind::parse(kind.trim()).ok_or_else(|| {
                anyhow::anyhow!("--kind must be full or monitoring, not {kind:?}")
            })?;
            let dates = InspectionDates::new(
                cli_date("notified", &notified)?,
                cli_date("on-site-start", &on_site_start)?,
                cli_date("on-site-end", &on_site_end)?,
            )?;
            let previous = previous.map(|p| cli_date("previous", &p)).transpose()?;
            let previous = dates.check_previous(previous)?;
            let code = council_code.trim().to_uppercase();
            let partnership = db::partnerships::list(&mut conn)?
                .into_iter()
                .find(|p| p.council_code == code)
                .ok_or_else(|| anyhow::anyhow!("there is no partnership for the council {code}; add it with `area-send partnership add`"))?;
            let person =
                |conn: &mut db::DbConnection, email: &str| -> anyhow::Result<db::users::User> {
                    let parsed = Email::parse(email)?;
                    db::users::find_by_email(conn, &parsed)?
                        .ok_or_else(|| anyhow::anyhow!("there is no user with the email {email}"))
                };
            let lead = person(&mut conn, &lead)?;
            let mut inspector_ids = vec![];
            for email in &inspectors {
                inspector_ids.push(person(&mut conn, email)?.id);
            }
            let new = NewInspection {
                partnership_id: partnership.id,
                kind,
                dates,
                previous_inspection_on: previous,
                lead_inspector_id: lead.id,
                inspector_ids,
            };
            // The lead sets it up, as they would on the page.
            let id = area_send::app::inspections::create(&mut conn, &new, &lead.actor())?;
            println!("{id}");
            Ok(())
        }
    }
}

enum SetupCommand {
    Partnership(PartnershipCommand),
    Inspection(InspectionCommand),
}

fn run_import(settings: &Settings, inspection: i32, files: &[PathBuf]) -> anyhow::Result<()> {
    let catalogue = cli_catalogue(settings)?;
    let pool = open_and_migrate(&settings.database(), 1)?;
    let mut conn = pool.get()?;
    let area = area_send::app::evidence::area_of(&mut conn, inspection).map_err(|e| match e {
        area_send::app::AppError::NotFound => anyhow::anyhow!("there is no such inspection"),
        e => e.into(),
    })?;
    let mut refused = 0;
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.display().to_string());
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                println!("{}: not read: {e}", path.display());
                refused += 1;
                continue;
            }
        };
        let limit = area_send::config::DEFAULT_MAX_UPLOAD_BYTES;
        match area_send::import::dfe::read(&catalogue.indicators, &name, &bytes, &area, limit) {
            Err(refusal) => {
                println!("{}: nothing imported: {refusal}", path.display());
                refused += 1;
            }
            Ok(reading) => {
                if reading.values.is_empty() {
                    println!(
                        "{}: nothing imported: {}",
                        path.display(),
                        reading.report.summary()
                    );
                    refused += 1;
                } else {
                    let sha = area_send::app::evidence::sha256_hex(&bytes);
                    area_send::app::evidence::store_dfe(
                        &mut conn, inspection, &sha, &reading, None,
                    )?;
                    println!("{}: {}", path.display(), reading.report.summary());
                }
                for p in &reading.report.problems {
                    let column = p
                        .column
                        .as_deref()
                        .map(|c| format!(", column {c}"))
                        .unwrap_or_default();
                    println!("  line {}{column}: {}", p.line, p.message);
                }
            }
        }
    }
    if refused > 0 {
        anyhow::bail!("{refused} of {} file(s) imported nothing", files.len());
    }
    Ok(())
}

fn run_import_invitees(
    settings: &Settings,
    serve: &ServeSettings,
    inspection: i32,
    file: &std::path::Path,
    valid_only: bool,
) -> anyhow::Result<()> {
    let config = Config::resolve(settings, serve)?;
    let catalogue = area_send::load_catalogue(&config)?;
    let pool = open_and_migrate(&config.database, 1)?;
    let mut conn = pool.get()?;
    let bytes = std::fs::read(file)
        .map_err(|e| anyhow::anyhow!("{} could not be read: {e}", file.display()))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| file.display().to_string());
    let templates = area_send::mail::templates::EmailTemplates::load()?;
    let link_key = config.link_key()?;
    let mailing = area_send::app::distribution::Mailing {
        templates: &templates,
        link_key: &link_key,
        base_url: &config.base_url,
    };
    let outcome = area_send::app::distribution::import_invitees(
        &mut conn,
        None,
        &catalogue,
        &mailing,
        inspection,
        &name,
        &bytes,
        config.max_upload_bytes,
        valid_only,
    )
    .map_err(|e| match e {
        area_send::app::AppError::NotFound => anyhow::anyhow!("there is no such inspection"),
        area_send::app::AppError::Refused(r) => anyhow::anyhow!("{r}"),
        e => e.into(),
    })?;
    let import =
        outcome.map_err(|refusal| anyhow::anyhow!("{name}: nothing imported: {refusal}"))?;
    for (line, problem) in &import.report.problems {
        println!("  line {line}, {}: {problem}", problem.column());
    }
    if import.stored() {
        println!(
            "{name}: {} invited{}",
            import.invited,
            if import.report.problems.is_empty() {
                String::new()
            } else {
                format!("; {} line(s) left out", import.report.problems.len())
            }
        );
        Ok(())
    } else if import.report.problems.is_empty() {
        anyhow::bail!("{name}: nothing imported: the file names nobody")
    } else {
        anyhow::bail!(
            "{name}: nothing imported: {} line(s) have problems ({} valid); correct them, or import the valid lines with --valid-only",
            import.report.problems.len(),
            import.report.invitees.len()
        )
    }
}

fn run_purge(settings: &Settings, dry_run: bool, years: u32) -> anyhow::Result<()> {
    let pool = open_and_migrate(&settings.database(), 1)?;
    let mut conn = pool.get()?;
    let today = chrono::Utc::now().date_naive();
    let purged = area_send::app::retention::purge(&mut conn, years, today, dry_run)?;
    if purged.is_empty() {
        println!(
            "Nothing is due: no report has been final for {years} year(s) with data still held."
        );
        return Ok(());
    }
    for p in &purged {
        let h = &p.held;
        println!(
            "inspection {} ({}, final on {}): {} {} survey responses, {} free-text answers, {} invitations, {} case notes, {} emails, {} supporting documents",
            p.inspection_id,
            p.council,
            p.final_on,
            if dry_run { "would remove" } else { "removed" },
            h.responses,
            h.free_text,
            h.invitations,
            h.case_notes,
            h.emails,
            h.supporting_documents
        );
    }
    println!("Kept: {}.", area_send::domain::retention::KEPT);
    Ok(())
}

fn run_export(settings: &Settings, command: ExportCommand) -> anyhow::Result<()> {
    use std::io::Write;
    let catalogue = cli_catalogue(settings)?;
    let pool = open_and_migrate(&settings.database(), 1)?;
    let mut conn = pool.get()?;
    let body = match command {
        ExportCommand::Results { inspection } => {
            let threshold = u64::from(catalogue.framework.settings.suppression_threshold);
            area_send::app::results::results_export(&mut conn, &catalogue, inspection, threshold)
        }
        ExportCommand::Indicators { inspection } => {
            area_send::app::results::indicators_export(&mut conn, inspection)
        }
    }
    .map_err(|e| match e {
        area_send::app::AppError::NotFound => anyhow::anyhow!("there is no such inspection"),
        e => e.into(),
    })?;
    std::io::stdout().lock().write_all(&body)?;
    Ok(())
}

fn run_report_render(
    settings: &Settings,
    inspection: i32,
    format: &str,
    version: Option<i32>,
    output: Option<std::path::PathBuf>,
) -> anyhow::Result<()> {
    use std::io::Write;
    let catalogue = cli_catalogue(settings)?;
    let templates = area_send::web::templates::registry(&catalogue.words)?;
    let pool = open_and_migrate(&settings.database(), 1)?;
    let mut conn = pool.get()?;
    if db::inspections::find(&mut conn, inspection)?.is_none() {
        anyhow::bail!("there is no inspection {inspection}");
    }
    let v =
        area_send::app::report::version(&mut conn, inspection, version).map_err(|e| match e {
            area_send::app::AppError::Refused(_) => match version {
                Some(n) => anyhow::anyhow!("inspection {inspection} has no report version {n}"),
                None => anyhow::anyhow!(
                    "inspection {inspection} has no report version yet: make a draft first"
                ),
            },
            e => e.into(),
        })?;
    let file = match format {
        "easy-read-html" => "easy-read.html".to_string(),
        "easy-read-pdf" => "easy-read.pdf".to_string(),
        f => format!("report.{f}"),
    };
    let rendered =
        area_send::web::inspect::report::render_file(&templates, &v.report, &v.easy_read, &file)
            .map_err(|e| anyhow::anyhow!("could not render the report: {e:?}"))?
            .ok_or_else(|| anyhow::anyhow!("unknown format {format}"))?;
    match output {
        Some(path) => {
            std::fs::write(&path, &rendered.bytes)?;
            eprintln!(
                "wrote version {} of inspection {inspection}'s report as {format} to {} ({} bytes)",
                v.summary.number,
                path.display(),
                rendered.bytes.len()
            );
        }
        None => std::io::stdout().lock().write_all(&rendered.bytes)?,
    }
    Ok(())
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
