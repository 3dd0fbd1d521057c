//! Synthetic members for benchmarks: `seed --members N`.
use super::repo::{self, NewUser};
use super::{Lcg, FIRST_NAMES, JOBS, LANGUAGE_SETS, LAST_NAMES, PLACES};
use crate::auth::model::Role;
use crate::auth::password::hash_password;
use crate::db::Db;
use crate::relationships::model::RelationshipStatus;
use chrono::{Duration, Utc};

const BENCH_SLUG: &str = "benchmark";
const BENCH_DOMAIN: &str = "bench.test";
/// Rows per INSERT: 15 columns x 1,000 stays under both engines' parameter limits.
const BATCH: usize = 1000;

#[derive(Debug)]
pub struct SyntheticReport {
    pub created: usize,
    pub program_id: i64,
}

/// Adds `count` members (alternating mentor/mentee) to the "benchmark" program,
/// creating it if needed. All share one password hash: hashing 100,000 passwords
/// would measure argon2, not the database.
pub async fn seed_members(
    db: &Db,
    count: usize,
    mut progress: impl FnMut(usize),
) -> sqlx::Result<SyntheticReport> {
    let now = Utc::now();
    let program_id = match repo::program_id_by_slug(db, BENCH_SLUG).await? {
        Some(id) => id,
        None => {
            let org = repo::insert_organisation(db, "Benchmark Organisation", now).await?;
            let program = repo::insert_program(
                db,
                org,
                BENCH_SLUG,
                ("Benchmark Program", "Programme d'essai de charge"),
                "admin@bench.test",
                now,
            )
            .await?;
            // The demo's lists, so positions carry sectors and job functions to filter on.
            super::seed_program_lists(db, program, now).await?;
            program
        }
    };
    let (sports_field, sports) = super::sports_question(db, program_id).await?;
    let start = repo::count_users_with_domain(db, BENCH_DOMAIN).await? as usize;
    let hash = hash_password("bench-password");
    let mut rng = Lcg::new(start as u64 + 7);
    let mut done = 0;
    while done < count {
        let n = BATCH.min(count - done);
        let emails: Vec<String> = (0..n)
            .map(|i| format!("member{}@{BENCH_DOMAIN}", start + done + i))
            .collect();
        let picks: Vec<_> = (0..n)
            .map(|_| {
                (
                    *rng.pick(&PLACES),
                    *rng.pick(&JOBS),
                    *rng.pick(&LANGUAGE_SETS),
                    rng.next(),
                )
            })
            .collect();
        let rows: Vec<NewUser> = emails
            .iter()
            .zip(&picks)
            .enumerate()
            .map(|(i, (email, (place, _, spoken, r)))| NewUser {
                email,
                password_hash: Some(&hash),
                first_name: FIRST_NAMES[(start + done + i) % FIRST_NAMES.len()],
                last_name: LAST_NAMES[(*r as usize) % LAST_NAMES.len()],
                language: if r % 3 == 0 { "fr" } else { "en" },
                time_zone: place.2,
                province: place.1,
                city: place.0,
                spoken_languages: spoken,
                created_at: now - Duration::minutes((r % 500_000) as i64),
                // A quarter never signed in; the rest within the last 120 days.
                last_sign_in_at: (r % 4 != 0)
                    .then(|| now - Duration::minutes(((r >> 8) % 172_800) as i64)),
            })
            .collect();
        let ids = repo::insert_users(db, &rows).await?;
        let members: Vec<(i64, Role)> = ids
            .iter()
            .map(|id| {
                (
                    *id,
                    if id % 2 == 0 {
                        Role::Mentor
                    } else {
                        Role::Mentee
                    },
                )
            })
            .collect();
        repo::insert_memberships(db, program_id, &members, now).await?;
        let jobs: Vec<(i64, super::Job)> =
            ids.iter().zip(&picks).map(|(id, p)| (*id, p.1)).collect();
        super::seed_positions(db, program_id, &jobs).await?;
        // Every third mentor/mentee pair is matched (two in three of those still active),
        // and most members answer the sports question.
        let pairs: Vec<(i64, i64, RelationshipStatus)> = ids
            .chunks(2)
            .filter(|pair| pair.len() == 2 && pair[0] % 3 == 0)
            .map(|pair| {
                let (mentor, mentee) = if pair[0] % 2 == 0 {
                    (pair[0], pair[1])
                } else {
                    (pair[1], pair[0])
                };
                (
                    mentor,
                    mentee,
                    if pair[0] % 9 == 0 {
                        RelationshipStatus::Completed
                    } else {
                        RelationshipStatus::Active
                    },
                )
            })
            .collect();
        repo::insert_relationships(db, program_id, &pairs, now).await?;
        let answers: Vec<(i64, i64)> = ids
            .iter()
            .zip(&picks)
            .filter_map(|(id, p)| sports.get((p.3 % 6) as usize).map(|option| (*id, *option)))
            .collect();
        repo::insert_option_answers(db, program_id, sports_field, &answers).await?;
        super::seed_list_choices(db, program_id, &members, &mut rng).await?;
        done += n;
        progress(done);
    }
    crate::profiles::repo::analyse_member_tables(db).await?;
    crate::profiles::service::refresh_program_completeness(db, program_id)
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("completeness: {e}")))?;
    // Every membership row was rewritten with its figure: tidy up after it.
    crate::profiles::repo::analyse_member_tables(db).await?;
    Ok(SyntheticReport {
        created: count,
        program_id,
    })
}
