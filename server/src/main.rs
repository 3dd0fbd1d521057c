//! `mentora`: the operator's command line (serve, migrate, seed).
use anyhow::{bail, Context};
use backend::db::{Db, DEFAULT_DATABASE_URL};
use backend::state::AppState;
use clap::{Args, Parser, Subcommand};
use server::mailer::{MailWorker, SmtpSettings, TlsMode, WorkerOptions};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "mentora",
    version,
    about = "Mentora: self-hosted mentoring programs"
)]
struct Cli {
    /// Database URL: sqlite://path/to/file.db (created if missing) or postgres://user:pass@host/db
    #[arg(long, global = true, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database_url: String,
    /// Log format: "text" for people, "json" for log collectors
    #[arg(long, global = true, env = "LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    log_format: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database, then serve the web application
    Serve(Box<ServeArgs>),
    /// Bring the database schema up to date and exit
    Migrate,
    /// Add demo or synthetic data
    Seed(SeedArgs),
}

#[derive(Args)]
struct ServeArgs {
    /// Address and port to listen on
    #[arg(long, env = "BIND", default_value = "127.0.0.1:3000")]
    bind: std::net::SocketAddr,
    /// The public URL people use (e.g. https://mentoring.example.org); https makes cookies Secure
    #[arg(long, env = "BASE_URL")]
    base_url: Option<url::Url>,
    /// Behind a reverse proxy: read the client address from X-Forwarded-For (for rate limits)
    #[arg(long, env = "TRUST_PROXY")]
    trust_proxy: bool,
    /// Directory holding the built browser assets (pkg/ inside it)
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    site_root: String,
    /// Milliseconds a bulk job ("End all relationships") waits between its batches, so
    /// other writers get their turn
    #[arg(long, env = "BULK_BATCH_PAUSE_MS", default_value_t = 10)]
    bulk_batch_pause_ms: u64,
    /// Minutes between two reads of each member's own calendar (busy time)
    #[arg(long, env = "CALENDAR_READ_MINUTES", default_value_t = shared::scheduling::busy_calendar::BUSY_READ_MINUTES)]
    calendar_read_minutes: i64,
    /// Let members' calendar addresses reach private and loopback addresses (an intranet
    /// calendar server); off by default, so an address cannot reach this machine's network
    #[arg(long, env = "CALENDAR_ALLOW_PRIVATE")]
    calendar_allow_private: bool,
    /// Hours before an accepted meeting its participants are reminded of it (0: never)
    #[arg(long, env = "MEETING_REMINDER_HOURS", default_value_t = 24)]
    meeting_reminder_hours: u32,
    #[command(flatten)]
    mail: MailArgs,
}

#[derive(Args)]
struct MailArgs {
    /// SMTP relay host. Without it, e-mails are only recorded (readable in the admin e-mail log)
    #[arg(long, env = "SMTP_HOST")]
    smtp_host: Option<String>,
    /// SMTP port [default: 587 with starttls, 465 with tls, 25 with none]
    #[arg(long, env = "SMTP_PORT")]
    smtp_port: Option<u16>,
    /// Connection security towards the relay
    #[arg(long, env = "SMTP_TLS", value_enum, default_value = "starttls")]
    smtp_tls: TlsMode,
    #[arg(long, env = "SMTP_USERNAME")]
    smtp_username: Option<String>,
    #[arg(long, env = "SMTP_PASSWORD", hide_env_values = true)]
    smtp_password: Option<String>,
    /// Sender of every e-mail, e.g. "Mentoring Program <mentoring@example.org>"
    #[arg(
        long,
        env = "MAIL_FROM",
        default_value = "Mentora <no-reply@localhost>"
    )]
    mail_from: String,
    /// Shared secret for POST /webhooks/email (HMAC-SHA256); the webhook is off without it
    #[arg(long, env = "EMAIL_WEBHOOK_SECRET", hide_env_values = true)]
    email_webhook_secret: Option<String>,
    /// Seconds a worker reserves the messages it is sending
    #[arg(long, env = "MAIL_LEASE_SECONDS", default_value_t = 120)]
    mail_lease_seconds: i64,
    /// First retry delay in seconds after a temporary failure (doubles each time)
    #[arg(long, env = "MAIL_RETRY_SECONDS", default_value_t = 30)]
    mail_retry_seconds: i64,
}

impl MailArgs {
    fn settings(&self, base_url: &url::Url) -> anyhow::Result<Option<SmtpSettings>> {
        let Some(host) = self.smtp_host.clone() else {
            return Ok(None);
        };
        let from: lettre::message::Mailbox = self
            .mail_from
            .parse()
            .with_context(|| format!("MAIL_FROM is not a valid sender: {}", self.mail_from))?;
        let port = self.smtp_port.unwrap_or(match self.smtp_tls {
            TlsMode::Starttls => 587,
            TlsMode::Tls => 465,
            TlsMode::None => 25,
        });
        Ok(Some(SmtpSettings {
            host,
            port,
            tls: self.smtp_tls,
            username: self.smtp_username.clone(),
            password: self.smtp_password.clone(),
            message_id_domain: base_url.host_str().unwrap_or("localhost").to_string(),
            from,
        }))
    }
}

#[derive(Args)]
#[group(required = true, multiple = false)]
struct SeedArgs {
    /// Create the demo program with its fixed log-ins (does nothing if it exists)
    #[arg(long)]
    demo: bool,
    /// Generate N synthetic members in the "benchmark" program
    #[arg(long, value_name = "N")]
    members: Option<usize>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(&cli.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let db = Db::connect_and_migrate(&cli.database_url)
        .await
        .with_context(|| format!("database {}", redact(&cli.database_url)))?;
    match cli.command {
        Command::Migrate => {
            println!("Database is up to date ({}).", db.engine());
        }
        Command::Seed(args) => {
            if args.demo {
                match backend::seed::seed_demo(&db).await? {
                    backend::seed::DemoReport::Created { members, programs } => {
                        println!("Demo data created: {members} members in {programs} programs.")
                    }
                    backend::seed::DemoReport::AlreadyPresent => {
                        println!("Demo data already present; nothing changed.")
                    }
                }
                print_demo_logins();
            } else if let Some(n) = args.members {
                let started = std::time::Instant::now();
                let report = backend::seed::seed_members(&db, n, |done| {
                    if done % 10_000 == 0 || done == n {
                        eprintln!("  {done}/{n} members");
                    }
                })
                .await?;
                println!(
                    "Created {} synthetic members in program {} in {:.1} s.",
                    report.created,
                    report.program_id,
                    started.elapsed().as_secs_f64()
                );
            }
        }
        Command::Serve(args) => serve(db, *args).await?,
    }
    Ok(())
}

async fn serve(db: Db, args: ServeArgs) -> anyhow::Result<()> {
    let pkg = std::path::Path::new(&args.site_root).join("pkg");
    if !pkg.join(format!("{}.js", app::OUTPUT_NAME)).exists() {
        bail!(
            "no browser assets in {} (build them with scripts/build-site.sh, or pass --site-root)",
            pkg.display()
        );
    }
    let secure_cookies = args
        .base_url
        .as_ref()
        .is_some_and(|u| u.scheme() == "https");
    let public_url = match &args.base_url {
        Some(url) => url.clone(),
        None => url::Url::parse(&format!("http://{}", args.bind))?,
    };
    let base_url = public_url.as_str().trim_end_matches('/').to_string();
    let smtp = args.mail.settings(&public_url)?;
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("cannot listen on {}", args.bind))?;
    let demo_present = backend::seed::demo_present(&db).await.unwrap_or(false);
    let state = AppState {
        db: db.clone(),
        member_index: Default::default(),
        secure_cookies,
        base_url: base_url.clone(),
        trust_proxy: args.trust_proxy,
        email_webhook_secret: args.mail.email_webhook_secret.clone(),
        workers: backend::state::WorkerHealth::default(),
        calendar_fetch: backend::remote_fetch::RemoteFetch::new(
            backend::remote_fetch::FetchPolicy {
                allow_private: args.calendar_allow_private,
                ..Default::default()
            },
        ),
        calendar_read_every: chrono::Duration::minutes(args.calendar_read_minutes.max(1)),
    };
    let workers = state.workers.clone();
    let member_index = state.member_index.clone();
    let state_for_workers = state.clone();
    let router = server::router(state, server::leptos_options(&args.site_root));
    let sweeper = server::workers::spawn_sweeper(db.clone());
    let warmer = server::workers::spawn_member_index_warmer(db.clone(), member_index);
    let invitation_clock = {
        let (db, base_url) = (db.clone(), base_url.clone());
        server::workers::supervise(
            "invitations",
            workers.clone(),
            std::time::Duration::from_secs(1),
            move || {
                server::workers::run_invitation_clock(
                    db.clone(),
                    base_url.clone(),
                    std::time::Duration::from_secs(60),
                )
            },
        )
    };
    let end_all = {
        let (db, base_url) = (db.clone(), base_url.clone());
        let pause = std::time::Duration::from_millis(args.bulk_batch_pause_ms);
        server::workers::supervise(
            "end-all",
            workers.clone(),
            std::time::Duration::from_secs(1),
            move || {
                server::workers::run_end_all(
                    db.clone(),
                    base_url.clone(),
                    std::time::Duration::from_secs(2),
                    pause,
                )
            },
        )
    };
    let meeting_reminders = {
        let (db, base_url, hours) = (db.clone(), base_url.clone(), args.meeting_reminder_hours);
        server::workers::supervise(
            "meeting reminders",
            workers.clone(),
            std::time::Duration::from_secs(1),
            move || {
                server::workers::run_meeting_reminders(
                    db.clone(),
                    base_url.clone(),
                    hours,
                    std::time::Duration::from_secs(60),
                )
            },
        )
    };
    let calendar_reader = {
        let state = state_for_workers.clone();
        server::workers::supervise(
            "calendars",
            workers.clone(),
            std::time::Duration::from_secs(1),
            move || {
                server::workers::run_calendar_reader(
                    state.clone(),
                    std::time::Duration::from_secs(60),
                )
            },
        )
    };
    let mailer = match smtp {
        Some(settings) => {
            let options = WorkerOptions {
                lease: chrono::Duration::seconds(args.mail.mail_lease_seconds.max(1)),
                backoff: chrono::Duration::seconds(args.mail.mail_retry_seconds.max(1)),
                ..WorkerOptions::default()
            };
            tracing::info!(host = %settings.host, port = settings.port, "sending e-mail through SMTP");
            let worker = MailWorker::new(db.clone(), settings, options)?;
            Some(server::workers::supervise(
                "mail",
                workers,
                std::time::Duration::from_secs(1),
                move || worker.clone().run(),
            ))
        }
        None => {
            tracing::warn!("no SMTP_HOST: e-mails are recorded in the e-mail log but not sent");
            None
        }
    };

    println!(
        "Mentora is running at {base_url}  (database: {})",
        db.engine()
    );
    if demo_present {
        print_demo_logins();
    }
    tracing::info!(bind = %args.bind, "listening");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("server error")?;
    sweeper.abort();
    warmer.abort();
    invitation_clock.abort();
    end_all.abort();
    calendar_reader.abort();
    meeting_reminders.abort();
    if let Some(mailer) = mailer {
        mailer.abort();
    }
    db.close().await;
    Ok(())
}

fn print_demo_logins() {
    println!(
        "Demo log-ins (password \"{}\"): {} (program admin), {} (mentor), {} (mentee)",
        backend::seed::DEMO_PASSWORD,
        backend::seed::DEMO_ADMIN,
        backend::seed::DEMO_MENTOR,
        backend::seed::DEMO_MENTEE
    );
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

/// Hides the password in a database URL before it is printed.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("****"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}
