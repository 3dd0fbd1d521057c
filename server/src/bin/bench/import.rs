//! Member import: applying a file, and reading and checking large files.
use super::{admin_scope, resident_kb, user_ids};
use backend::db::Db;
use shared::members::model::{ImportKind, ImportStatus};
use std::time::Instant;

/// A CSV of `rows` new members; `row` may replace any line (a bad row, say).
fn member_csv(header: &str, rows: usize, row: impl Fn(usize) -> Option<String>) -> String {
    let mut csv = format!("{header}\n");
    for i in 0..rows {
        match row(i) {
            Some(line) => csv.push_str(&line),
            None => {
                let role = if i % 2 == 0 { "mentor" } else { "mentee" };
                let lang = if i % 3 == 0 { "fr" } else { "en" };
                csv.push_str(&format!(
                    "First{i},Last{i},imported{i}@bench.test,{role},{lang}"
                ));
            }
        }
        csv.push('\n');
    }
    csv
}

const HEADER: &str = "first_name,last_name,email,role,language";

pub async fn bench_import(db: &Db, program: i64, rows: usize) -> anyhow::Result<()> {
    // Member import: a CSV of new members, validated, applied and e-mailed.
    let csv = member_csv(HEADER, rows, |_| None);
    let started = Instant::now();
    let user_ids: Vec<i64> = user_ids(db, program).await?;
    let scope = admin_scope(program, user_ids[0]);
    let run = backend::members::import::start(
        db,
        "http://bench",
        &scope,
        ImportKind::Members,
        "bench.csv",
        csv.as_bytes(),
    )
    .await?;
    loop {
        let state = backend::members::import::run(db, program, run).await?;
        match state.status {
            ImportStatus::Running => tokio::time::sleep(std::time::Duration::from_millis(10)).await,
            ImportStatus::Done => break,
            other => anyhow::bail!("import ended {other:?}: {:?}", state.issues),
        }
    }
    let took = started.elapsed();
    println!(
        "import: {} rows (users, memberships, set-password links and e-mails) in {:.2} s ({:.0} rows/s)",
        rows,
        took.as_secs_f64(),
        rows as f64 / took.as_secs_f64()
    );

    Ok(())
}

/// Uploads of 100,000 rows, from the upload to the run's first answer (the problems, or
/// the file accepted and its import started): refused for a missing column, refused for
/// bad rows (quoted multi-line names, bad addresses), and accepted.
pub async fn bench_import_file_checks(db: &Db, program: i64) -> anyhow::Result<()> {
    const ROWS: usize = 100_000;
    let user_ids: Vec<i64> = user_ids(db, program).await?;
    let scope = admin_scope(program, user_ids[0]);
    let files = [
        (
            "import file 100k rows, refused (missing column)",
            member_csv("first_name,last_name,email,language", ROWS, |i| {
                Some(format!("First{i},Last{i},missing{i}@bench.test,en"))
            }),
            ImportStatus::Invalid,
        ),
        (
            "import file 100k rows, refused (every 10th row bad)",
            member_csv(HEADER, ROWS, |i| {
                (i % 10 == 0)
                    .then(|| format!("\"Multi\nLine{i}\",Last{i},not-an-address-{i},boss,de"))
            }),
            ImportStatus::Invalid,
        ),
        (
            "import file 100k rows, accepted (checked, import started)",
            member_csv(HEADER, ROWS, |i| {
                Some(format!("First{i},Last{i},checked{i}@bench.test,mentee,en"))
            }),
            ImportStatus::Running,
        ),
    ];
    for (name, csv, expected) in files {
        let before = resident_kb();
        let started = Instant::now();
        let run = backend::members::import::start(
            db,
            "http://bench",
            &scope,
            ImportKind::Members,
            "bench.csv",
            csv.as_bytes(),
        )
        .await?;
        let took = started.elapsed();
        let state = backend::members::import::run(db, program, run).await?;
        let grown = resident_kb().saturating_sub(before);
        if state.status != expected && state.status != ImportStatus::Done {
            anyhow::bail!("{name}: {:?}, expected {expected:?}", state.status);
        }
        println!(
            "{name}: {:.2} s, {:.0} MB",
            took.as_secs_f64(),
            grown as f64 / 1024.0
        );
        // Let an accepted import finish before the next figure.
        while backend::members::import::run(db, program, run)
            .await?
            .status
            == ImportStatus::Running
        {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
    Ok(())
}
