//! `mentora`: the operator's command line (serve, migrate, seed).
use anyhow::{bail, Context};
use app::db::{Db, DEFAULT_DATABASE_URL};
use app::state::AppState;
use clap::{Args, Parser, Subcommand};
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
    Serve(ServeArgs),
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
    /// Directory holding the built browser assets (pkg/ inside it)
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    site_root: String,
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
                match app::seed::seed_demo(&db).await? {
                    app::seed::DemoReport::Created { members, programs } => {
                        println!("Demo data created: {members} members in {programs} programs.")
                    }
                    app::seed::DemoReport::AlreadyPresent => {
                        println!("Demo data already present; nothing changed.")
                    }
                }
                print_demo_logins();
            } else if let Some(n) = args.members {
                let started = std::time::Instant::now();
                let report = app::seed::seed_members(&db, n, |done| {
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
        Command::Serve(args) => serve(db, args).await?,
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
    let base_url = args
        .base_url
        .as_ref()
        .map(|u| u.as_str().trim_end_matches('/').to_string())
        .unwrap_or_else(|| format!("http://{}", args.bind));
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("cannot listen on {}", args.bind))?;
    let demo_present = app::seed::demo_present(&db).await.unwrap_or(false);
    let state = AppState {
        db: db.clone(),
        secure_cookies,
    };
    let router = server::router(state, server::leptos_options(&args.site_root));
    let sweeper = server::workers::spawn_session_sweeper(db.clone());

    println!(
        "Mentora is running at {base_url}  (database: {})",
        db.engine()
    );
    if demo_present {
        print_demo_logins();
    }
    tracing::info!(bind = %args.bind, "listening");
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("server error")?;
    sweeper.abort();
    db.close().await;
    Ok(())
}

fn print_demo_logins() {
    println!(
        "Demo log-ins (password \"{}\"): {} (program admin), {} (mentor), {} (mentee)",
        app::seed::DEMO_PASSWORD,
        app::seed::DEMO_ADMIN,
        app::seed::DEMO_MENTOR,
        app::seed::DEMO_MENTEE
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
