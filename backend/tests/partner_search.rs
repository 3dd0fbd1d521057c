//! The partner search on both engines: who is shown and in what order, the scores, the
//! program's search setting, saved searches, and a copy that follows profile changes.
mod support;

use backend::auth::authz::{check, Access};
use backend::db::Db;
use backend::matching::compatibility::{compatibility, Candidate, Criteria};
use backend::matching::model::{PartnerPage, SearchAllowed, SearchSetup};
use backend::matching::service::{partner_page, save_search, search_setup, Searcher};
use backend::members::index::MemberIndexes;
use backend::seed::{DEMO_ADMIN, DEMO_MENTEE, DEMO_MENTOR};
use backend::with_db;
use shared::auth::model::Role;
use support::session_of;

async fn searcher(db: &Db, email: &str) -> Searcher {
    let scope = check(Access::Member, Some(session_of(db, email).await))
        .unwrap()
        .unwrap();
    Searcher {
        program_id: scope.program_id,
        user_id: scope.session.viewer.user_id,
        role: scope.role,
    }
}

fn sought(who: Searcher) -> Role {
    match who.role {
        Role::Mentor => Role::Mentee,
        _ => Role::Mentor,
    }
}

async fn page(db: &Db, indexes: &MemberIndexes, who: Searcher, query: &str) -> PartnerPage {
    partner_page(db, indexes, who, sought(who), query)
        .await
        .unwrap()
}

async fn setup(db: &Db, who: Searcher, query: &str) -> SearchSetup {
    search_setup(db, who, sought(who), query).await.unwrap()
}

/// The admin dashboard's Searches figure.
async fn searches(db: &Db, program_id: i64) -> i64 {
    backend::admin::repo::program_stats(db, program_id)
        .await
        .unwrap()
        .searches
}

async fn execute(db: &Db, sql: &str, a: i64, b: i64) {
    with_db!(db, pool => sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .bind(a)
        .bind(b)
        .execute(pool)
        .await
        .map(|_| ())
        .unwrap());
}

async fn ids(db: &Db, sql: &str, a: i64) -> Vec<i64> {
    with_db!(db, pool => sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.to_string()))
        .bind(a)
        .fetch_all(pool)
        .await
        .unwrap())
}

#[tokio::test]
async fn a_mentor_pages_through_every_mentee_but_their_current_ones() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let indexes = MemberIndexes::default();
        let mentor = searcher(&db, DEMO_MENTOR).await;
        let current = ids(
            &db,
            "SELECT mentee_id FROM relationships WHERE mentor_id = $1 AND status = 'active'",
            mentor.user_id,
        )
        .await;
        assert!(!current.is_empty(), "the demo mentor has a current mentee");
        let mentees = ids(
            &db,
            "SELECT user_id FROM memberships WHERE program_id = $1 AND role = 'mentee'",
            mentor.program_id,
        )
        .await;
        let first = page(&db, &indexes, mentor, "search=1").await;
        assert_eq!(first.allowed, SearchAllowed::Yes);
        assert_eq!(
            first.total,
            mentees.len() - current.len(),
            "{}",
            db.engine()
        );
        assert_eq!(first.cards.len(), 20);
        let second = page(&db, &indexes, mentor, "search=1&page=2").await;
        let mut seen: Vec<i64> = first
            .cards
            .iter()
            .chain(&second.cards)
            .map(|c| c.user_id)
            .collect();
        assert_eq!(seen.len(), first.total);
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), first.total, "no one on two pages");
        assert!(seen
            .iter()
            .all(|id| mentees.contains(id) && !current.contains(id)));
        // Without criteria there is no score, and cards show initials only.
        assert!(first.cards.iter().all(|c| c.compatibility.score.is_none()));
        assert!(first.cards.iter().all(|c| c.last_initial.ends_with('.')));
    }
}

#[tokio::test]
async fn results_are_ordered_by_the_compatibility_function_and_show_what_was_met() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let indexes = MemberIndexes::default();
        let mentee = searcher(&db, DEMO_MENTEE).await;
        let open = setup(&db, mentee, "search=1").await;
        let (tag_a, tag_b) = (open.choices.tags[0].id, open.choices.tags[1].id);
        let query = format!("tag={tag_a}&tag={tag_b}&lang=fr");
        let result = page(&db, &indexes, mentee, &query).await;
        let scores: Vec<u8> = result
            .cards
            .iter()
            .map(|c| c.compatibility.score.expect("criteria give a score"))
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        assert!(scores[0] > 0, "someone fits: {scores:?}");
        // The same score from the candidate's stored profile, through the one function.
        let criteria = Criteria {
            tags: vec![tag_a, tag_b],
            languages: vec!["fr".into()],
            ..Criteria::default()
        };
        for card in &result.cards {
            let skills = ids(
                &db,
                "SELECT c.item_id FROM profile_list_choices c JOIN program_list_items i ON i.id = c.item_id
                 WHERE c.user_id = $1 AND i.list = 'skill'",
                card.user_id,
            )
            .await;
            let spoken: String = with_db!(&db, pool => sqlx::query_scalar(
                "SELECT spoken_languages FROM users WHERE id = $1")
                .bind(card.user_id).fetch_one(pool).await.unwrap());
            let languages: Vec<String> = spoken
                .split(',')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let expected = compatibility(
                &criteria,
                &Candidate {
                    tags: &skills,
                    languages: &languages,
                    ..Candidate::default()
                },
            );
            assert_eq!(card.compatibility, expected, "member {}", card.user_id);
        }
        assert_eq!(
            result.search.to_query(true),
            format!("tag={}&tag={}&lang=fr", tag_a.min(tag_b), tag_a.max(tag_b))
        );
    }
}

#[tokio::test]
async fn the_program_decides_who_searches_and_an_admin_or_the_wrong_page_gets_none() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let indexes = MemberIndexes::default();
        let mentee = searcher(&db, DEMO_MENTEE).await;
        let mentor = searcher(&db, DEMO_MENTOR).await;
        execute(
            &db,
            "UPDATE programs SET search_access = 'mentors' WHERE id = $1 AND $2 = $2",
            mentee.program_id,
            0,
        )
        .await;
        let closed = page(&db, &indexes, mentee, "").await;
        assert_eq!(closed.allowed, SearchAllowed::AdminMatches);
        assert!(closed.cards.is_empty());
        let closed_setup = setup(&db, mentee, "").await;
        assert_eq!(closed_setup.allowed, SearchAllowed::AdminMatches);
        assert!(closed_setup.choices.tags.is_empty());
        assert_eq!(
            page(&db, &indexes, mentor, "").await.allowed,
            SearchAllowed::Yes
        );
        let wrong = partner_page(&db, &indexes, mentor, Role::Mentor, "")
            .await
            .unwrap();
        assert_eq!(wrong.allowed, SearchAllowed::NotForYou);
        let admin = searcher(&db, DEMO_ADMIN).await;
        let admin_page = partner_page(&db, &indexes, admin, Role::Mentor, "")
            .await
            .unwrap();
        assert_eq!(admin_page.allowed, SearchAllowed::NotForYou);
        assert_eq!(
            save_search(&db, mentee, "tag=1", chrono::Utc::now()).await,
            Err(shared::error::AppError::Forbidden)
        );
    }
}

#[tokio::test]
async fn a_saved_search_is_counted_and_reopens_and_bad_criteria_name_their_field() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let indexes = MemberIndexes::default();
        let mentee = searcher(&db, DEMO_MENTEE).await;
        let first = setup(&db, mentee, "").await;
        let city = first.choices.cities[1].id;
        let before = searches(&db, mentee.program_id).await;
        let target = save_search(
            &db,
            mentee,
            &format!("city={city}&lang=en&page=3"),
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        assert_eq!(
            target,
            format!("/mentors?search=1&city={city}&lang=en&saved=1")
        );
        assert_eq!(searches(&db, mentee.program_id).await, before + 1);
        let reopened = page(&db, &indexes, mentee, "").await;
        assert_eq!(reopened.search.criteria.cities, vec![city]);
        assert_eq!(reopened.search.criteria.languages, vec!["en".to_string()]);
        match partner_page(&db, &indexes, mentee, Role::Mentor, "city=abc").await {
            Err(shared::error::AppError::Validation { field, .. }) => {
                assert_eq!(field, "meeting_cities")
            }
            other => panic!("{other:?}"),
        }
        match save_search(&db, mentee, "lang=xx", chrono::Utc::now()).await {
            Err(shared::error::AppError::Validation { field, .. }) => {
                assert_eq!(field, "languages")
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            searches(&db, mentee.program_id).await,
            before + 1,
            "a refused search is not saved"
        );
    }
}

#[tokio::test]
async fn the_copy_follows_skills_languages_capacity_and_deactivation() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let indexes = MemberIndexes::default();
        let mentee = searcher(&db, DEMO_MENTEE).await;
        let open = setup(&db, mentee, "search=1").await;
        let tag = open.choices.tags.last().unwrap().id;
        let query = format!("tag={tag}&lang=tl");
        let before = page(&db, &indexes, mentee, &query).await;
        // Someone near the end of the list takes the skill and the language.
        let chosen = before.cards.last().unwrap().user_id;
        execute(
            &db,
            "DELETE FROM profile_list_choices WHERE user_id = $1 AND item_id = $2",
            chosen,
            tag,
        )
        .await;
        execute(
            &db,
            "INSERT INTO profile_list_choices (user_id, program_id, item_id)
             SELECT $1, program_id, id FROM program_list_items WHERE id = $2",
            chosen,
            tag,
        )
        .await;
        execute(
            &db,
            "UPDATE users SET spoken_languages = 'tl' WHERE id = $1 AND $2 = $2",
            chosen,
            0,
        )
        .await;
        let after = page(&db, &indexes, mentee, &query).await;
        let top = &after.cards[0];
        assert_eq!(top.user_id, chosen, "{}", db.engine());
        assert_eq!(top.compatibility.score, Some(100));
        assert_eq!(top.compatibility.met.languages, vec!["tl".to_string()]);
        // Room follows their maximum: 5, then 0.
        execute(
            &db,
            "INSERT INTO profiles (user_id, program_id, updated_at)
             SELECT $1, $2, '2026-01-01T00:00:00Z' WHERE NOT EXISTS
                (SELECT 1 FROM profiles WHERE user_id = $1 AND program_id = $2)",
            chosen,
            mentee.program_id,
        )
        .await;
        execute(
            &db,
            "UPDATE profiles SET max_partners = 5 WHERE user_id = $1 AND $2 = $2",
            chosen,
            0,
        )
        .await;
        assert!(page(&db, &indexes, mentee, &query).await.cards[0].has_room);
        execute(
            &db,
            "UPDATE profiles SET max_partners = 0 WHERE user_id = $1 AND $2 = $2",
            chosen,
            0,
        )
        .await;
        let full = page(&db, &indexes, mentee, &query).await;
        assert!(!full.cards[0].has_room, "{}", db.engine());
        // Deactivated: gone.
        let admin = support::admin_scope(&db).await;
        backend::members::service::set_active(&db, "http://mentora.test", &admin, chosen, false)
            .await
            .unwrap();
        let gone = page(&db, &indexes, mentee, &query).await;
        assert!(gone.cards.iter().all(|c| c.user_id != chosen));
        assert_eq!(gone.total, before.total - 1);
    }
}
