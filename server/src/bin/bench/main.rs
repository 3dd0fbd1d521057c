//! Benchmarks that print figures (speed targets are measured here, never in timed tests).
//!
//!   cargo run --release -p server --bin bench -- [--postgres-url URL] [--log-rows N] [--import-rows N]
//!
//! Each run uses fresh databases: a temporary SQLite file and, with --postgres-url, a new
//! PostgreSQL database created (and dropped) on that server.
use backend::auth::authz::MemberScope;
use backend::auth::session::RequestSession;
use backend::db::{Db, Pool};
use backend::members::index::MemberIndexes;
use backend::messaging::log::{self, csv_chunk, resolve};
use backend::messaging::repo::{insert_emails, NewEmail};
use chrono::{Duration, Utc};
use clap::Parser;
use shared::auth::model::{ProgramMembership, Role, Viewer};
use shared::i18n::Lang;
use shared::messaging::model::{EmailLogQuery, EmailStatus};
use std::time::Instant;

mod calendar_feed;
mod import;
mod partner_search;
mod reminders;
mod scheduling;

#[derive(Parser)]
pub(crate) struct Args {
    /// A PostgreSQL server to benchmark too (a fresh database is created on it)
    #[arg(long, env = "MENTORA_BENCH_POSTGRES_URL")]
    postgres_url: Option<String>,
    /// Rows in the e-mail log
    #[arg(long, default_value_t = 1_000_000)]
    log_rows: usize,
    /// Rows in the imported CSV
    #[arg(long, default_value_t = 10_000)]
    import_rows: usize,
    /// Timed repetitions of each log query
    #[arg(long, default_value_t = 30)]
    runs: usize,
    /// Members in the program for the profile benchmarks
    #[arg(long, default_value_t = 100_000)]
    members: usize,
    /// Which parts to run: comma-separated of import, log, profiles, members, search,
    /// scheduling, feed, reminders
    #[arg(
        long,
        default_value = "import,log,profiles,members,search,scheduling,feed,reminders"
    )]
    only: String,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(std::env::var("MENTORA_BENCH_LOG").unwrap_or_else(|_| "warn".into()))
        .init();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run(args))
}

async fn run(args: Args) -> anyhow::Result<()> {
    let dir = tempdir();
    let sqlite = Db::connect_and_migrate(&format!("sqlite://{}/bench.db", dir.display())).await?;
    bench_engine("SQLite", &sqlite, &args).await?;
    if let Some(url) = &args.postgres_url {
        let (db, drop) = fresh_postgres(url).await?;
        bench_engine("PostgreSQL", &db, &args).await?;
        db.close().await;
        drop.await?;
    }
    let _ = std::fs::remove_dir_all(dir);
    Ok(())
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mentora-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

async fn fresh_postgres(
    url: &str,
) -> anyhow::Result<(Db, impl std::future::Future<Output = anyhow::Result<()>>)> {
    let name = format!("mentora_bench_{}", std::process::id());
    let admin = Db::connect(url).await?;
    if let Pool::Postgres(pool) = admin.pool() {
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(pool)
            .await?;
    }
    let mut db_url = url::Url::parse(url)?;
    db_url.set_path(&name);
    let db = Db::connect_and_migrate(db_url.as_str()).await?;
    let drop = async move {
        if let Pool::Postgres(pool) = admin.pool() {
            sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE {name}")))
                .execute(pool)
                .await?;
        }
        admin.close().await;
        Ok(())
    };
    Ok((db, drop))
}

pub(crate) fn admin_scope(program_id: i64, user_id: i64) -> MemberScope {
    member_scope(program_id, user_id, Role::Admin)
}

pub(crate) fn member_scope(program_id: i64, user_id: i64, role: Role) -> MemberScope {
    MemberScope {
        session: RequestSession {
            token_hash: String::new(),
            viewer: Viewer {
                user_id,
                email: "member@bench.test".into(),
                first_name: "Bench".into(),
                last_name: "Admin".into(),
                language: Lang::En,
                time_zone: shared::zone::Zone::DEFAULT,
                photo_url: None,
                membership: Some(ProgramMembership {
                    program_id,
                    name_en: "Benchmark Program".into(),
                    name_fr: "Programme d'essai".into(),
                    role,
                }),
                program_count: 1,
                unread_notifications: 0,
            },
        },
        program_id,
        role,
    }
}

async fn bench_engine(engine: &str, db: &Db, args: &Args) -> anyhow::Result<()> {
    println!("== {engine}");
    let members = backend::seed::seed_members(db, 10_000, |_| {}).await?;
    let program = members.program_id;
    let wanted = |part: &str| args.only.split(',').any(|p| p.trim() == part);
    if wanted("import") {
        import::bench_import(db, program, args.import_rows).await?;
        import::bench_import_file_checks(db, program).await?;
    }
    if wanted("log") {
        bench_log(db, program, args).await?;
    }
    if wanted("profiles") {
        bench_profiles(db, program, args).await?;
    }
    if wanted("members") {
        bench_members_table(db, program, args).await?;
    }
    if wanted("search") {
        partner_search::bench_partner_search(db, program, args).await?;
    }
    if wanted("scheduling") {
        scheduling::bench_scheduling(db, program, args).await?;
    }
    if wanted("feed") {
        calendar_feed::bench_feed(db, program, args).await?;
    }
    if wanted("reminders") {
        reminders::bench_reminders(db, program, args).await?;
    }
    Ok(())
}

/// Profile completeness at scale: the admin's "Recalculate", and adding or removing a
/// required custom field (every member's stored figure changes before the call returns).
async fn bench_profiles(db: &Db, program: i64, args: &Args) -> anyhow::Result<()> {
    use backend::profiles::service;
    ensure_members(db, program, args).await?;
    let started = Instant::now();
    let done = service::refresh_program_completeness(db, program).await?;
    println!(
        "recalculate completeness: {} members, {} changed, in {:.2} s",
        done.members,
        done.changed,
        started.elapsed().as_secs_f64()
    );
    let form = service::CustomFieldForm {
        name_en: "Pronouns".into(),
        name_fr: "Pronom".into(),
        options_en: "He/Him, She/Her, They/Them".into(),
        options_fr: "Il/Lui, Elle/Elle, Iel".into(),
        role: "both".into(),
        required: true,
        ..Default::default()
    };
    let started = Instant::now();
    let field = service::create_custom_field(db, program, &form).await?;
    println!(
        "add a required custom field (every member's figure rewritten): {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    service::delete_custom_field(db, program, field).await?;
    println!(
        "delete it again (every figure restored): {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Tops the benchmark program up to `--members` members.
pub(crate) async fn ensure_members(db: &Db, program: i64, args: &Args) -> anyhow::Result<()> {
    let have = user_ids(db, program).await?.len();
    if have < args.members {
        let started = Instant::now();
        backend::seed::seed_members(db, args.members - have, |_| {}).await?;
        println!(
            "seed: {} more members (with completeness, sign-ins, relationships, answers) in {:.1} s",
            args.members - have,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// The admin members table: the first page (and its "Displaying N members" count) for
/// filters alone and combined, at `--members` members. Target: p95 under 25 ms.
async fn bench_members_table(db: &Db, program: i64, args: &Args) -> anyhow::Result<()> {
    use backend::members::service;
    use shared::members::filter::parse_query;
    ensure_members(db, program, args).await?;
    let scope = admin_scope(program, 1);
    let setup = service::table_setup(db, &scope).await?;
    let sport = setup
        .custom_fields
        .first()
        .ok_or_else(|| anyhow::anyhow!("the benchmark program has no custom field"))?;
    let (field, option) = (sport.field.id, sport.options[1].id);
    let industry = |i: usize| setup.industries[i % setup.industries.len()].id;
    let function = setup.job_functions[0].id;
    let month_ago = (Utc::now() - Duration::days(30)).format("%Y-%m-%d");
    let combos: Vec<(&str, String)> = vec![
        ("everyone, by name", String::new()),
        ("search: one word", "q=tremblay".into()),
        ("search: two words", "q=ana+tremblay".into()),
        ("search: e-mail", "q=member4242%40".into()),
        ("search: no match", "q=zzzz".into()),
        ("role", "role=mentor".into()),
        ("custom field + option", format!("field={field}&option={option}")),
        ("role + option + completeness < 80", format!("role=mentee&field={field}&option={option}&below=80")),
        ("two sectors", format!("industry={}&industry={}", industry(0), industry(1))),
        ("sector + job function + current only", format!("industry={}&function={function}&current=1", industry(2))),
        ("completeness < 50", "below=50".into()),
        ("created after", format!("after={month_ago}")),
        ("account active = no", "active=no".into()),
        ("signed in within 7 days", "activity=7".into()),
        ("never signed in", "activity=never".into()),
        ("active relationship", "relationship=active".into()),
        ("no relationship + mentee", "relationship=none&role=mentee".into()),
        (
            "everything combined",
            format!("role=mentor&field={field}&option={option}&industry={}&below=90&active=yes&activity=90&relationship=none", industry(0)),
        ),
        ("search + role, by e-mail", "q=ana&role=mentee&sort=email".into()),
        ("by last sign-in, newest first", "sort=last_sign_in&dir=desc".into()),
        ("by completeness, page 100", "sort=completeness&page=100".into()),
        ("by matches, most first", "sort=matches&dir=desc".into()),
    ];
    // This instance's copy of the members table, as in the server's state.
    let index = MemberIndexes::default();
    bench_member_index(db, &index, program, &scope).await?;
    println!(
        "members table, first page of 50 + count, {} members, {} runs each:",
        args.members, args.runs
    );
    let mut all = Vec::new();
    for (label, query) in &combos {
        let filter = parse_query(query)?;
        let mut times = Vec::with_capacity(args.runs);
        let mut total = 0;
        for run in 0..args.runs + 2 {
            let started = Instant::now();
            let page = service::members_page(db, &index, &scope, &filter).await?;
            let took = started.elapsed().as_secs_f64() * 1000.0;
            total = page.total;
            // Two warm-up runs.
            if run >= 2 {
                times.push(took);
            }
        }
        all.extend_from_slice(&times);
        times.sort_by(f64::total_cmp);
        println!(
            "  {label:<40} {total:>7} matches   p50 {:>6.2} ms   p95 {:>6.2} ms",
            percentile(&times, 0.50),
            percentile(&times, 0.95)
        );
    }
    all.sort_by(f64::total_cmp);
    println!(
        "  all combinations: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        percentile(&all, 0.50),
        percentile(&all, 0.95),
        all.last().copied().unwrap_or_default()
    );
    Ok(())
}

/// The members index of one app instance: loading a program (first search after a start,
/// and the memory it takes), and catching up after another instance changes a member.
async fn bench_member_index(
    db: &Db,
    index: &MemberIndexes,
    program: i64,
    scope: &MemberScope,
) -> anyhow::Result<()> {
    use backend::members::service;
    use shared::members::filter::parse_query;
    let everyone = parse_query("")?;
    let mut loads = Vec::new();
    let mut memory = 0;
    for _ in 0..3 {
        let fresh_instance = MemberIndexes::default();
        let before = resident_kb();
        let started = Instant::now();
        service::members_page(db, &fresh_instance, scope, &everyone).await?;
        loads.push(started.elapsed().as_secs_f64() * 1000.0);
        memory = resident_kb().saturating_sub(before).max(memory);
    }
    loads.sort_by(f64::total_cmp);
    println!(
        "members index: first search after a start (loads the program) {:.0} ms (median of 3), memory about {:.0} MB",
        loads[1],
        memory as f64 / 1024.0
    );
    let ids = user_ids(db, program).await?;
    let mut catch_up = Vec::new();
    for (i, user) in ids.iter().step_by(997).take(20).enumerate() {
        backend::with_db!(db, pool => sqlx::query("UPDATE memberships SET completeness = $1 WHERE program_id = $2 AND user_id = $3")
            .bind((i * 7 % 100) as i64)
            .bind(program)
            .bind(*user)
            .execute(pool)
            .await
            .map(|_| ()))?;
        let started = Instant::now();
        service::members_page(db, index, scope, &everyone).await?;
        catch_up.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    catch_up.sort_by(f64::total_cmp);
    println!(
        "members index: search right after another instance changed a member: p50 {:.2} ms, p95 {:.2} ms",
        percentile(&catch_up, 0.50),
        percentile(&catch_up, 0.95)
    );
    Ok(())
}

/// This process's resident memory (Linux), in KB; 0 where unknown.
pub(crate) fn resident_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse().ok())
        })
        .unwrap_or(0)
}

pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((sorted.len() as f64) * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The e-mail log at scale.
async fn bench_log(db: &Db, program: i64, args: &Args) -> anyhow::Result<()> {
    let user_ids: Vec<i64> = user_ids(db, program).await?;
    let started = Instant::now();
    let statuses = [
        "delivered",
        "delivered",
        "delivered",
        "opened",
        "opened",
        "sent",
        "bounced",
        "deferred",
        "spam",
        "failed",
    ];
    let now = Utc::now();
    let subjects = [
        "Reset your password",
        "Welcome to the program",
        "Your account is ready",
        "Meeting reminder",
    ];
    let mut done = 0;
    while done < args.log_rows {
        let n = 5_000.min(args.log_rows - done);
        let tokens: Vec<String> = (done..done + n).map(|i| format!("bench-{i}")).collect();
        let rows: Vec<NewEmail> = (0..n)
            .map(|k| {
                let i = done + k;
                NewEmail {
                    program_id: Some(program),
                    user_id: Some(user_ids[i % user_ids.len()]),
                    template_key: Some("password-reset"),
                    to_address: "member@bench.test",
                    to_name: "Bench Member",
                    lang: "en",
                    subject: subjects[i % subjects.len()],
                    body_text: "Hello, this is a benchmark message body.",
                    body_html: "<p>Hello, this is a benchmark message body.</p>",
                    tracking_token: &tokens[k],
                    calendar: None,
                    // A year of mail, oldest first.
                    now: now - Duration::seconds(((args.log_rows - i) as i64) * 31),
                }
            })
            .collect();
        let mut tx = db.begin().await?;
        insert_emails(&mut tx, &rows).await?;
        tx.commit().await?;
        done += n;
    }
    set_statuses(db, &statuses).await?;
    println!(
        "e-mail log: {} rows written in {:.1} s",
        args.log_rows,
        started.elapsed().as_secs_f64()
    );

    let zone = &shared::zone::Zone::DEFAULT;
    let someone = email_of(db, user_ids[user_ids.len() / 2]).await?;
    let month_end = now.date_naive() - Duration::days(60);
    let month_start = month_end - Duration::days(30);
    let deep = {
        // A cursor half-way through the log.
        let (filter, _) = resolve(db, program, zone, &EmailLogQuery::default()).await?;
        let mut cursor = None;
        for _ in 0..10 {
            let chunk = csv_chunk(db, &filter, cursor).await?;
            cursor = chunk.last().map(|r| (r.created_at, r.id));
        }
        cursor.map(|(at, id)| log::encode_cursor(at, id))
    };
    let cases: Vec<(&str, EmailLogQuery)> = vec![
        ("first page, no filter", EmailLogQuery::default()),
        (
            "page 20,000 rows deep (cursor)",
            EmailLogQuery {
                before: deep,
                ..Default::default()
            },
        ),
        (
            "one member",
            EmailLogQuery {
                members: vec![someone.clone()],
                ..Default::default()
            },
        ),
        (
            "status bounced",
            EmailLogQuery {
                statuses: vec![EmailStatus::Bounced],
                ..Default::default()
            },
        ),
        (
            "one month",
            EmailLogQuery {
                from: Some(month_start.to_string()),
                to: Some(month_end.to_string()),
                ..Default::default()
            },
        ),
        (
            "member + opened/delivered + month",
            EmailLogQuery {
                members: vec![someone.clone()],
                statuses: vec![EmailStatus::Opened, EmailStatus::Delivered],
                from: Some(month_start.to_string()),
                to: Some(month_end.to_string()),
                ..Default::default()
            },
        ),
    ];
    for (name, query) in cases {
        let mut times = Vec::with_capacity(args.runs);
        let mut rows = 0;
        for _ in 0..args.runs {
            let t = Instant::now();
            let page = log::page(db, program, zone, &query).await?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            rows = page.total;
        }
        times.sort_by(f64::total_cmp);
        let p = |q: f64| percentile(&times, q);
        println!(
            "e-mail log page ({name}): p50 {:.1} ms, p95 {:.1} ms, {} matching{}",
            p(0.5),
            p(0.95),
            rows.min(10_000),
            if rows > 10_000 { "+" } else { "" }
        );
    }
    let month = EmailLogQuery {
        from: Some(month_start.to_string()),
        to: Some(month_end.to_string()),
        ..Default::default()
    };
    let t = Instant::now();
    let (filter, _) = resolve(db, program, zone, &month).await?;
    let mut cursor = None;
    let mut exported = 0;
    let mut bytes = 0;
    loop {
        let chunk = csv_chunk(db, &filter, cursor).await?;
        if chunk.is_empty() {
            break;
        }
        bytes += chunk
            .iter()
            .map(|r| log::csv_line(r, Lang::En, zone).len())
            .sum::<usize>();
        exported += chunk.len();
        cursor = chunk.last().map(|r| (r.created_at, r.id));
    }
    println!(
        "e-mail log CSV of one month: {exported} rows ({} KB) in {:.0} ms",
        bytes / 1024,
        t.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}

pub(crate) async fn user_ids(db: &Db, program: i64) -> anyhow::Result<Vec<i64>> {
    Ok(
        backend::with_db!(db, pool => sqlx::query_scalar("SELECT user_id FROM memberships WHERE program_id = $1 ORDER BY user_id")
        .bind(program)
        .fetch_all(pool)
        .await)?,
    )
}

async fn email_of(db: &Db, user_id: i64) -> anyhow::Result<String> {
    Ok(
        backend::with_db!(db, pool => sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(pool)
        .await)?,
    )
}

/// Spreads statuses over the rows (by id), as a year of real delivery reports would.
async fn set_statuses(db: &Db, statuses: &[&str]) -> anyhow::Result<()> {
    for (i, status) in statuses.iter().enumerate() {
        backend::with_db!(db, pool => sqlx::query("UPDATE emails SET status = $1, status_at = created_at WHERE id % $2 = $3")
            .bind(*status)
            .bind(statuses.len() as i64)
            .bind(i as i64)
            .execute(pool)
            .await
            .map(|_| ()))?;
    }
    if let backend::db::Pool::Postgres(pool) = db.pool() {
        sqlx::query("ANALYZE emails").execute(pool).await?;
    } else if let backend::db::Pool::Sqlite(pool) = db.pool() {
        sqlx::query("ANALYZE").execute(pool).await?;
    }
    Ok(())
}
