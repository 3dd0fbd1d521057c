//! The administrator's side of relationships on both engines: Match members (load and
//! capacity, the confirmation to go past a maximum, every refusal writing nothing), the
//! Relationships page (tabs and their counts, search, sort), the relationship admin, and
//! "End all relationships" (batches, each pair told once, a resumed run repeating nothing).
mod support;

use backend::db::Db;
use backend::matching::admin_match::{match_candidates, match_page, match_pair};
use backend::members::index::MemberIndexes;
use backend::relationships::admin::{RelationshipsQuery, END_ALL_PATH};
use backend::relationships::admin_service::set_relationship_admin;
use backend::relationships::end_all::{latest_end_all, run_batch, start_end_all, work_end_all};
use backend::relationships::model::RelationshipStatus;
use backend::with_db;
use chrono::Utc;
use shared::auth::model::Role;
use shared::error::{AppError, Refusal, ValidationCode};
use support::BASE;

async fn written(db: &Db) -> (i64, i64, i64) {
    (
        support::count(db, "SELECT COUNT(*) FROM invitations").await,
        support::count(db, "SELECT COUNT(*) FROM relationships").await,
        support::count(db, "SELECT COUNT(*) FROM emails").await,
    )
}

async fn set_max(db: &Db, program: i64, user: i64, max: i64) {
    with_db!(db, pool => sqlx::query(
        "INSERT INTO profiles (program_id, user_id, max_partners, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, program_id) DO UPDATE SET max_partners = excluded.max_partners",
    )
    .bind(program)
    .bind(user)
    .bind(max as i32)
    .bind(Utc::now())
    .execute(pool)
    .await
    .map(|_| ())
    .unwrap());
}

async fn relationships_in(db: &Db, program: i64, status: &str) -> i64 {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM relationships WHERE program_id = $1 AND status = $2",
    )
    .bind(program)
    .bind(status)
    .fetch_one(pool)
    .await
    .unwrap())
}

fn template_mail(mail: &[support::Outbox], key: &str, to: &str) -> usize {
    mail.iter()
        .filter(|m| m.template_key.as_deref() == Some(key) && m.to_address == to)
        .count()
}

#[tokio::test]
async fn an_admin_matches_a_pair_and_needs_to_confirm_going_past_a_maximum() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let admin = support::admin_scope(&db).await;
        let program = admin.program_id;
        let indexes = MemberIndexes::default();
        let mentor = support::add_member(&db, program, "mara@match.test", "fr", Role::Mentor).await;
        let mentee = support::add_member(&db, program, "noe@match.test", "en", Role::Mentee).await;
        let second = support::add_member(&db, program, "lou@match.test", "en", Role::Mentee).await;

        // The type-ahead finds active members of one role, with their load.
        let found = match_candidates(&db, &indexes, program, Role::Mentor, "MARA")
            .await
            .unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].user_id, found[0].partners, found[0].max_partners),
            (mentor, 0, 1)
        );
        assert!(found[0].has_room);
        assert!(
            match_candidates(&db, &indexes, program, Role::Mentee, "mara")
                .await
                .unwrap()
                .is_empty()
        );

        // Wrong roles name the field and write nothing.
        let before = written(&db).await;
        for (a, b, field) in [(mentee, mentor, "mentor"), (mentor, mentor, "mentee")] {
            let err = match_pair(&db, BASE, &admin, a, b, false, Utc::now())
                .await
                .unwrap_err();
            assert_eq!(
                err,
                AppError::validation(field, ValidationCode::InvalidChoice)
            );
        }
        assert_eq!(written(&db).await, before);

        let page = match_page(
            &db,
            &indexes,
            program,
            ("", ""),
            (Some(mentor), Some(mentee)),
        )
        .await
        .unwrap();
        let preview = page.preview.expect("both chosen");
        assert!(!preview.over_capacity() && !preview.already_partners);
        assert_eq!(page.mentors[0].user_id, mentor);

        let id = match_pair(&db, BASE, &admin, mentor, mentee, false, Utc::now())
            .await
            .unwrap();
        let mail = support::outbox(&db).await;
        assert_eq!(template_mail(&mail, "admin-matched", "mara@match.test"), 1);
        assert_eq!(template_mail(&mail, "admin-matched", "noe@match.test"), 1);
        let to_mara = mail
            .iter()
            .find(|m| m.to_address == "mara@match.test")
            .unwrap();
        assert_eq!(to_mara.lang, "fr");
        assert!(
            to_mara.body_text.contains(&format!("/relationships/{id}")),
            "{}",
            to_mara.body_text
        );
        assert!(to_mara.body_text.contains("noe"), "{}", to_mara.body_text);

        // Matched again: refused. The mentor is now full (one mentee by the program's
        // default): a second mentee needs the confirmation.
        let before = written(&db).await;
        let again = match_pair(&db, BASE, &admin, mentor, mentee, true, Utc::now()).await;
        assert_eq!(
            again.unwrap_err(),
            AppError::Refused(Refusal::AlreadyPartners)
        );
        let over = match_pair(&db, BASE, &admin, mentor, second, false, Utc::now()).await;
        assert_eq!(over.unwrap_err(), AppError::Refused(Refusal::OverCapacity));
        assert_eq!(written(&db).await, before);
        let preview = match_page(
            &db,
            &indexes,
            program,
            ("", ""),
            (Some(mentor), Some(second)),
        )
        .await
        .unwrap()
        .preview
        .unwrap();
        assert!(preview.over_capacity());
        assert_eq!(
            (preview.mentor.partners, preview.mentor.max_partners),
            (1, 1)
        );
        match_pair(&db, BASE, &admin, mentor, second, true, Utc::now())
            .await
            .unwrap();
        // A raised maximum is room again.
        set_max(&db, program, mentor, 5).await;
        let found = match_candidates(&db, &indexes, program, Role::Mentor, "mara")
            .await
            .unwrap();
        assert_eq!(
            (found[0].partners, found[0].max_partners, found[0].has_room),
            (2, 5, true)
        );
    }
}

#[tokio::test]
async fn matching_answers_a_pending_invitation_between_the_pair() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let admin = support::admin_scope(&db).await;
        let program = admin.program_id;
        let mentor = support::add_member(&db, program, "ivo@match.test", "en", Role::Mentor).await;
        let mentee = support::add_member(&db, program, "ada@match.test", "en", Role::Mentee).await;
        let now = Utc::now();
        let invitation: i64 = with_db!(&db, pool => sqlx::query_scalar(
            "INSERT INTO invitations (program_id, sender_id, recipient_id, mentor_id, mentee_id,
                 status, message, created_at, remind_at, expires_at)
             VALUES ($1, $2, $3, $3, $2, 'pending', 'Hi', $4, $4, $4) RETURNING id",
        )
        .bind(program)
        .bind(mentee)
        .bind(mentor)
        .bind(now + chrono::Duration::days(3))
        .fetch_one(pool)
        .await
        .unwrap());
        let id = match_pair(&db, BASE, &admin, mentor, mentee, false, now)
            .await
            .unwrap();
        let (status, linked): (String, Option<i64>) = with_db!(&db, pool => sqlx::query_as(
            "SELECT i.status, r.invitation_id FROM invitations i, relationships r
             WHERE i.id = $1 AND r.id = $2",
        )
        .bind(invitation)
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap());
        assert_eq!((status.as_str(), linked), ("accepted", Some(invitation)));
    }
}

/// The Relationships page as the administrator reads it now.
async fn relationships_page(
    db: &backend::db::Db,
    admin: &backend::auth::authz::MemberScope,
    query: &RelationshipsQuery,
) -> shared::error::AppResult<shared::relationships::admin::RelationshipsPage> {
    backend::scheduling::admin_meetings::relationships_page(db, admin, query, chrono::Utc::now())
        .await
}

#[tokio::test]
async fn the_relationships_page_counts_tabs_for_the_search_and_sorts_by_name() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let admin = support::admin_scope(&db).await;
        let page = relationships_page(&db, &admin, &RelationshipsQuery::default())
            .await
            .unwrap();
        let (active, completed) = (
            relationships_in(&db, admin.program_id, "active").await,
            relationships_in(&db, admin.program_id, "completed").await,
        );
        assert!(active > 0 && completed > 0);
        assert_eq!(
            (page.counts.all, page.counts.matched, page.counts.completed),
            (active + completed, active, completed)
        );
        let completed_tab = relationships_page(
            &db,
            &admin,
            &RelationshipsQuery::parse("tab=completed").unwrap(),
        )
        .await
        .unwrap();
        assert_eq!(completed_tab.rows.len() as i64, completed);
        assert!(completed_tab
            .rows
            .iter()
            .all(|r| r.status == RelationshipStatus::Completed && r.ended.is_some()));

        // Search by either member's name: every row found has the word in one of them.
        let first = &page.rows[0];
        let word = first.mentee_name.split(' ').next().unwrap().to_string();
        let searched = relationships_page(
            &db,
            &admin,
            &RelationshipsQuery::parse(&format!("q={word}")).unwrap(),
        )
        .await
        .unwrap();
        assert!(searched.counts.all >= 1 && searched.counts.all <= page.counts.all);
        assert!(searched
            .rows
            .iter()
            .all(|r| r.mentee_name.contains(&word) || r.mentor_name.contains(&word)));
        let none = relationships_page(
            &db,
            &admin,
            &RelationshipsQuery::parse("q=zzzznobody").unwrap(),
        )
        .await
        .unwrap();
        assert_eq!(
            (none.counts.all, none.rows.len(), none.page_count),
            (0, 0, 1)
        );

        let by_mentor = relationships_page(
            &db,
            &admin,
            &RelationshipsQuery::parse("sort=mentor&dir=asc").unwrap(),
        )
        .await
        .unwrap();
        let keys: Vec<String> = by_mentor
            .rows
            .iter()
            .map(|r| {
                let (first, last) = r.mentor_name.split_once(' ').unwrap();
                shared::fold::person_sort_key(first, last)
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);

        // The relationship admin: one of the program's administrators, or nobody.
        let admin_id = admin.session.viewer.user_id;
        set_relationship_admin(&db, &admin, first.id, Some(admin_id))
            .await
            .unwrap();
        let again = relationships_page(&db, &admin, &RelationshipsQuery::default())
            .await
            .unwrap();
        assert_eq!(
            again
                .rows
                .iter()
                .find(|r| r.id == first.id)
                .unwrap()
                .admin_id,
            Some(admin_id)
        );
        assert!(again.admins.iter().any(|(id, _)| *id == admin_id));
        let mentor_as_admin =
            set_relationship_admin(&db, &admin, first.id, Some(first.mentor_id)).await;
        assert_eq!(
            mentor_as_admin.unwrap_err(),
            AppError::validation("relationship_admin", ValidationCode::InvalidChoice)
        );
        assert_eq!(
            set_relationship_admin(&db, &admin, i64::MAX, None)
                .await
                .unwrap_err(),
            AppError::NotFound
        );
        set_relationship_admin(&db, &admin, first.id, None)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn end_all_ends_every_current_relationship_once_and_a_resumed_run_repeats_nothing() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let admin = support::admin_scope(&db).await;
        let active = relationships_in(&db, admin.program_id, "active").await;
        let elsewhere = support::count(
            &db,
            "SELECT COUNT(*) FROM relationships WHERE status = 'active'",
        )
        .await
            - active;
        let ended_mail = "SELECT COUNT(*) FROM emails WHERE template_key = 'relationship-ended'";
        let before = support::count(&db, ended_mail).await;

        let run = start_end_all(&db, &admin, "The cycle is over. Thank you!", Utc::now())
            .await
            .unwrap();
        assert_eq!(
            start_end_all(&db, &admin, "", Utc::now())
                .await
                .unwrap_err(),
            AppError::Refused(Refusal::EndAllRunning)
        );
        // One batch, as a worker would commit it before being killed.
        let first = run_batch(&db, BASE, run, Utc::now())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            first,
            active.min(backend::relationships::end_all::END_ALL_BATCH)
        );
        let progress = latest_end_all(&db, &admin).await.unwrap().unwrap();
        assert_eq!((progress.processed, progress.total), (first, active));
        // Another worker (a restart) carries on; a third finds nothing left to do.
        work_end_all(&db, BASE, std::time::Duration::ZERO)
            .await
            .unwrap();
        assert_eq!(
            work_end_all(&db, BASE, std::time::Duration::ZERO)
                .await
                .unwrap(),
            0
        );
        let done = latest_end_all(&db, &admin).await.unwrap().unwrap();
        assert_eq!(
            done.status,
            shared::relationships::admin::EndAllStatus::Done
        );
        assert_eq!((done.processed, done.percent()), (active, 100));
        assert_eq!(relationships_in(&db, admin.program_id, "active").await, 0);
        // Other programs' relationships are not touched.
        assert_eq!(
            support::count(
                &db,
                "SELECT COUNT(*) FROM relationships WHERE status = 'active'"
            )
            .await,
            elsewhere
        );
        // Each member of each pair told exactly once, with the reason.
        assert_eq!(support::count(&db, ended_mail).await - before, 2 * active);
        let per_pair: i64 = support::count(
            &db,
            "SELECT COUNT(*) FROM (SELECT to_address, body_text FROM emails
               WHERE template_key = 'relationship-ended' GROUP BY to_address, body_text
               HAVING COUNT(*) > 1) AS repeated",
        )
        .await;
        assert_eq!(per_pair, 0);
        let mail = support::outbox(&db).await;
        assert!(mail
            .iter()
            .filter(|m| m.template_key.as_deref() == Some("relationship-ended"))
            .all(
                |m| m.body_text.contains("The cycle is over.") || m.body_text.contains("Thank you")
            ));
        assert_eq!(
            start_end_all(&db, &admin, "", Utc::now())
                .await
                .unwrap_err(),
            AppError::Refused(Refusal::NothingToEnd)
        );
        assert!(END_ALL_PATH.starts_with("/admin/relationships"));
    }
}

#[tokio::test]
async fn a_relationship_started_after_end_all_was_asked_for_stays() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let admin = support::admin_scope(&db).await;
        let program = admin.program_id;
        let asked = Utc::now() - chrono::Duration::minutes(5);
        let run = start_end_all(&db, &admin, "", asked).await.unwrap();
        let mentor = support::add_member(&db, program, "late@match.test", "en", Role::Mentor).await;
        let mentee =
            support::add_member(&db, program, "later@match.test", "en", Role::Mentee).await;
        let kept = match_pair(&db, BASE, &admin, mentor, mentee, false, Utc::now())
            .await
            .unwrap();
        while run_batch(&db, BASE, run, Utc::now())
            .await
            .unwrap()
            .is_some()
        {}
        let status: RelationshipStatus = with_db!(&db, pool => sqlx::query_scalar(
            "SELECT status FROM relationships WHERE id = $1",
        )
        .bind(kept)
        .fetch_one(pool)
        .await
        .unwrap());
        assert_eq!(status, RelationshipStatus::Active);
    }
}
