//! The Mentors search in a large program: a mentee's first page of 20 with scores and
//! criteria met, for criteria pairs a member would tick.
use crate::{ensure_members, percentile, Args};
use backend::db::Db;
use backend::matching::service::{partner_page, search_setup, Searcher};
use backend::members::index::MemberIndexes;
use shared::auth::model::Role;
use std::time::Instant;

pub(crate) async fn bench_partner_search(db: &Db, program: i64, args: &Args) -> anyhow::Result<()> {
    ensure_members(db, program, args).await?;
    let mentee: i64 = backend::with_db!(db, pool => sqlx::query_scalar(
        "SELECT user_id FROM memberships WHERE program_id = $1 AND role = 'mentee' ORDER BY user_id LIMIT 1",
    )
    .bind(program)
    .fetch_one(pool)
    .await)?;
    let searcher = Searcher {
        program_id: program,
        user_id: mentee,
        role: Role::Mentee,
    };
    let setup = search_setup(db, searcher, Role::Mentor, "search=1").await?;
    let c = &setup.choices;
    let (skill, other_skill) = (c.tags[0].id, c.tags[c.tags.len() / 2].id);
    let (city, industry) = (c.cities[0].id, c.industries[0].id);
    let combos: Vec<(&str, String)> = vec![
        ("two skills", format!("tag={skill}&tag={other_skill}")),
        ("skill + language", format!("tag={skill}&lang=fr")),
        ("skill + meeting city", format!("tag={skill}&city={city}")),
        (
            "sector + meeting city",
            format!("industry={industry}&city={city}"),
        ),
        (
            "two skills, page 40",
            format!("tag={skill}&tag={other_skill}&page=40"),
        ),
        ("no criteria", "search=1".into()),
    ];
    // This instance's copy of the members, as in the server's state; the first search
    // loads it.
    let index = MemberIndexes::default();
    let started = Instant::now();
    partner_page(db, &index, searcher, Role::Mentor, "search=1").await?;
    println!(
        "partner search: first after a start (loads the program): {:.2} s, {:.0} MB",
        started.elapsed().as_secs_f64(),
        crate::resident_kb() as f64 / 1024.0
    );
    let mut all = Vec::new();
    for (label, query) in &combos {
        let mut times = Vec::with_capacity(args.runs);
        let mut total = 0;
        for run in 0..args.runs + 2 {
            let started = Instant::now();
            let page = partner_page(db, &index, searcher, Role::Mentor, query).await?;
            let took = started.elapsed().as_secs_f64() * 1000.0;
            anyhow::ensure!(
                page.cards.len() == 20
                    && page
                        .cards
                        .iter()
                        .all(|c| c.compatibility.score.is_some() || query == "search=1"),
                "{label}: expected a full page of scored cards, got {}",
                page.cards.len()
            );
            total = page.total;
            // Two warm-up runs.
            if run >= 2 {
                times.push(took);
            }
        }
        all.extend_from_slice(&times);
        times.sort_by(f64::total_cmp);
        println!(
            "partner search, {label} ({total} mentors, first page of 20): p50 {:.2} ms, p95 {:.2} ms",
            percentile(&times, 0.50),
            percentile(&times, 0.95)
        );
    }
    all.sort_by(f64::total_cmp);
    println!(
        "partner search, all combinations ({} members): p50 {:.2} ms, p95 {:.2} ms",
        args.members,
        percentile(&all, 0.50),
        percentile(&all, 0.95)
    );
    Ok(())
}
