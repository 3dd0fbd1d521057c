use super::table::Members;
use super::*;
use crate::auth::model::Role;
use crate::members::filter::parse_query;

fn member(user_id: i64, name: &str, role: &str) -> IndexedMember {
    let sort_name = name.to_lowercase();
    IndexedMember {
        user_id,
        role: Role::parse(role).unwrap(),
        is_active: true,
        person_active: true,
        completeness: 50,
        joined_at: 1_000,
        deactivated_at: None,
        last_sign_in_at: None,
        name_key: crate::fold::fold(&sort_name),
        email: format!("{}@example.test", sort_name.replace(' ', ".")),
        search_text: crate::fold::fold(&sort_name),
        sort_name,
        answers: Vec::new(),
        positions: Vec::new(),
        relationships: 0,
        matches: 0,
        skills: Vec::new(),
        development_areas: Vec::new(),
        meeting_cities: Vec::new(),
        languages: Vec::new(),
        max_partners: None,
        industries: Vec::new(),
        job_functions: Vec::new(),
        meetings: Vec::new(),
        logged_minutes: 0,
    }
}

fn ids(members: &Members, query: &str, offset: i64, limit: i64) -> (Vec<i64>, i64) {
    let filter = parse_query(query).unwrap();
    members.search(&MemberSearch {
        filter: &filter,
        joined_since: None,
        signed_in_since: None,
        now: chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        limit,
        offset,
    })
}

#[test]
fn names_sort_with_accents_folded_and_ids_break_ties() {
    let members = Members::new(vec![
        member(1, "Zola Ann", "mentor"),
        member(2, "Émond Lea", "mentee"),
        member(3, "Eddy Bo", "mentee"),
        member(4, "Eddy Bo", "mentor"),
        member(5, "Fabre Max", "mentee"),
    ]);
    assert_eq!(ids(&members, "", 0, 10), (vec![3, 4, 2, 5, 1], 5));
    assert_eq!(ids(&members, "dir=desc", 0, 10), (vec![1, 5, 2, 4, 3], 5));
}

#[test]
fn pages_are_slices_of_one_order_whatever_the_page_size() {
    // Early pages are picked in one pass, deep ones (past TOP_K_UP_TO) by partition.
    let members = Members::new(
        (0..1500)
            .map(|i| member(i, &format!("N{:04} X", (i * 37) % 700), "mentee"))
            .collect(),
    );
    let (all, total) = ids(&members, "", 0, 1500);
    assert_eq!(total, 1500);
    let mut expected = members.hot.clone();
    expected.sort_by_key(|h| ((h.user_id * 37) % 700, h.user_id));
    assert_eq!(all, expected.iter().map(|h| h.user_id).collect::<Vec<_>>());
    let mut paged = Vec::new();
    for page in 0..6 {
        let (ids, total) = ids(&members, "", page * 300, 300);
        assert_eq!(total, 1500);
        paged.extend(ids);
    }
    assert_eq!(paged, all);
    assert_eq!(ids(&members, "", 4000, 30), (vec![], 1500));
}

#[test]
fn missing_values_sort_last_in_both_directions() {
    let mut a = member(1, "A A", "mentee");
    a.last_sign_in_at = Some(10);
    let b = member(2, "B B", "mentee");
    let mut c = member(3, "C C", "mentee");
    c.last_sign_in_at = Some(20);
    let members = Members::new(vec![a, b, c]);
    assert_eq!(ids(&members, "sort=last_sign_in", 0, 5).0, vec![1, 3, 2]);
    assert_eq!(
        ids(&members, "sort=last_sign_in&dir=desc", 0, 5).0,
        vec![3, 1, 2]
    );
}

#[test]
fn every_condition_must_hold() {
    let mut a = member(1, "Roy Ana", "mentor");
    a.answers = vec![(7, Some(70))];
    a.positions = vec![IndexedPosition {
        industry: Some(3),
        job_function: None,
        current: false,
    }];
    a.relationships = 1;
    let mut b = member(2, "Roy Bea", "mentor");
    b.answers = vec![(7, Some(71))];
    b.positions = vec![IndexedPosition {
        industry: Some(3),
        job_function: Some(9),
        current: true,
    }];
    b.completeness = 90;
    let c = member(3, "Lee Ana", "mentee");
    let members = Members::new(vec![a, b, c]);
    assert_eq!(ids(&members, "q=ana", 0, 5).0, vec![3, 1]);
    assert_eq!(ids(&members, "q=roy%20ana", 0, 5).0, vec![1]);
    assert_eq!(ids(&members, "role=mentor&field=7", 0, 5).0, vec![1, 2]);
    assert_eq!(ids(&members, "field=7&option=71", 0, 5).0, vec![2]);
    assert_eq!(ids(&members, "industry=3", 0, 5).0, vec![1, 2]);
    assert_eq!(ids(&members, "industry=3&current=1", 0, 5).0, vec![2]);
    assert_eq!(ids(&members, "current=1", 0, 5).0, vec![2]);
    assert_eq!(ids(&members, "below=60", 0, 5).0, vec![3, 1]);
    assert_eq!(ids(&members, "relationship=active", 0, 5).0, vec![1]);
    assert_eq!(
        ids(&members, "relationship=none&role=mentor", 0, 5).0,
        vec![2]
    );
}

#[test]
fn changes_replace_add_and_remove_members() {
    let mut members = Members::new(vec![
        member(1, "A A", "mentee"),
        member(2, "B B", "mentee"),
        member(3, "C C", "mentee"),
    ]);
    members.apply(
        &[1, 4, 9],
        vec![member(4, "D D", "mentor"), member(9, "AA Z", "mentee")],
    );
    assert_eq!(ids(&members, "", 0, 10), (vec![9, 2, 3, 4], 4));
    // The member moved into the removed one's place is still found by id.
    members.apply(&[4], vec![member(4, "0 First", "mentor")]);
    assert_eq!(ids(&members, "role=mentor", 0, 10), (vec![4], 1));
    assert_eq!(members.len(), 4);
    // Renamed many times: the search reads the latest name only, and the text block
    // is rewritten instead of growing.
    for n in 0..500 {
        members.apply(&[2], vec![member(2, &format!("Renamed{n} B"), "mentee")]);
    }
    assert_eq!(ids(&members, "q=renamed499", 0, 10), (vec![2], 1));
    assert_eq!(ids(&members, "q=renamed498", 0, 10), (vec![], 0));
    assert!(members.text.len() < 4096 + 2 * 100);
}

#[test]
fn mentoring_hours_count_meetings_over_at_the_search_time_and_filter_and_sort() {
    // The test's "now" is 1_800_000_000 s; an hour either side of it.
    let at = |seconds: i64| (1_800_000_000 + seconds) * 1_000_000;
    let mut ana = member(1, "Ana Held", "mentor");
    ana.meetings = vec![(at(-3_600), 60), (at(-7_200), 30), (at(3_600), 90)];
    let mut bo = member(2, "Bo Logged", "mentee");
    bo.logged_minutes = 120;
    let cy = member(3, "Cy None", "mentee");
    let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    assert_eq!(
        ana.mentoring_minutes(now),
        90,
        "the meeting to come does not count"
    );
    let later = now + chrono::Duration::hours(2);
    assert_eq!(
        ana.mentoring_minutes(later),
        180,
        "once it is over, it does"
    );
    let members = Members::new(vec![ana, bo, cy]);
    assert_eq!(ids(&members, "hours_min=1", 0, 10).0, vec![1, 2]);
    assert_eq!(ids(&members, "hours_min=2", 0, 10).0, vec![2]);
    assert_eq!(ids(&members, "hours_max=0", 0, 10).0, vec![3]);
    assert!(ids(&members, "hours_min=1&hours_max=1", 0, 10).0.is_empty());
    assert_eq!(ids(&members, "sort=hours&dir=desc", 0, 10).0, vec![2, 1, 3]);
    assert_eq!(ids(&members, "sort=hours", 0, 10).0, vec![3, 1, 2]);
}
