//! The demo program: one admin, 30 mentors, 30 mentees across Canada, relationships and
//! invitations, plus a second program so "Switch program" has somewhere to go.
use super::repo::{self, NewUser};
use super::{Lcg, FIRST_NAMES, JOBS, LANGUAGE_SETS, LAST_NAMES, PLACES};
use crate::auth::model::Role;
use crate::auth::password::hash_password;
use crate::db::Db;
use crate::relationships::model::{InvitationStatus, RelationshipStatus};
use chrono::{Duration, Utc};

pub const DEMO_ADMIN: &str = "admin@demo.test";
pub const DEMO_MENTOR: &str = "mentor@demo.test";
pub const DEMO_MENTEE: &str = "mentee@demo.test";
/// Demo data only.
pub const DEMO_PASSWORD: &str = "demo-password";
const DEMO_SLUG: &str = "demo";
const CIRCLE_SLUG: &str = "leadership-circle";
/// The demo program's invitation link is `/join/demo-invitation` (demo data only).
pub const DEMO_INVITE_TOKEN: &str = "demo-invitation";
/// The second program's link, `/join/circle-invitation` (the browser tests register there
/// so the demo program's counts stay as documented).
pub const CIRCLE_INVITE_TOKEN: &str = "circle-invitation";
/// What the demo's invitations say (demo data, in the language members write in).
const DEMO_INVITATION_MESSAGE: &str =
    "Hello! Your experience matches what I would like to work on. Would you be my mentoring partner?";
const MENTORS: usize = 30;
const MENTEES: usize = 30;

#[derive(Debug, PartialEq, Eq)]
pub enum DemoReport {
    Created { members: usize, programs: usize },
    AlreadyPresent,
}

struct Person {
    email: String,
    first: &'static str,
    last: &'static str,
    lang: &'static str,
    place: (&'static str, &'static str, &'static str),
    spoken: &'static str,
    job: super::Job,
}

fn people(rng: &mut Lcg, count: usize, prefix: &str, offset: usize) -> Vec<Person> {
    (0..count)
        .map(|i| {
            let n = i + offset;
            let first = FIRST_NAMES[n % FIRST_NAMES.len()];
            let last = LAST_NAMES[(n * 7 + 3) % LAST_NAMES.len()];
            let place = *rng.pick(&PLACES);
            let lang = if place.1 == "Québec" || rng.next().is_multiple_of(4) {
                "fr"
            } else {
                "en"
            };
            Person {
                email: format!("{prefix}{:02}@demo.test", i + 1),
                first,
                last,
                lang,
                place,
                spoken: rng.pick::<&str>(&LANGUAGE_SETS),
                job: *rng.pick(&JOBS),
            }
        })
        .collect()
}

/// Whether the demo program exists (the server then prints the demo log-ins).
pub async fn demo_present(db: &Db) -> sqlx::Result<bool> {
    Ok(demo_program_id(db).await?.is_some())
}

pub async fn demo_program_id(db: &Db) -> sqlx::Result<Option<i64>> {
    repo::program_id_by_slug(db, DEMO_SLUG).await
}

/// The second demo program ("Leadership Circle").
pub async fn circle_program_id(db: &Db) -> sqlx::Result<Option<i64>> {
    repo::program_id_by_slug(db, CIRCLE_SLUG).await
}

/// Creates the demo data once; a second run changes nothing.
/// The relationships (by their place in the loop below) with four held meetings.
const HELD_MEETINGS_FOR: [usize; 2] = [4, 5];

pub async fn seed_demo(db: &Db) -> sqlx::Result<DemoReport> {
    if repo::program_id_by_slug(db, DEMO_SLUG).await?.is_some() {
        return Ok(DemoReport::AlreadyPresent);
    }
    let now = Utc::now();
    let mut rng = Lcg::new(2026);
    let demo_hash = hash_password(DEMO_PASSWORD);

    let mut mentors = people(&mut rng, MENTORS, "mentor", 0);
    let mut mentees = people(&mut rng, MENTEES, "mentee", 17);
    // The fixed log-ins: the first mentor and mentee, plus the admin.
    mentors[0].email = DEMO_MENTOR.to_string();
    mentees[0].email = DEMO_MENTEE.to_string();
    mentors[0].lang = "en";
    mentees[0].lang = "fr";
    let admin = Person {
        email: DEMO_ADMIN.to_string(),
        first: "Claire",
        last: "Dubois",
        lang: "en",
        place: ("Ottawa", "Ontario", "America/Toronto"),
        spoken: "en,fr",
        job: (
            "Program Manager",
            "Mentora Demo",
            "Non-profit",
            "Program Management",
        ),
    };

    let everyone: Vec<&Person> = std::iter::once(&admin)
        .chain(mentors.iter())
        .chain(mentees.iter())
        .collect();
    let rows: Vec<NewUser> = everyone
        .iter()
        .enumerate()
        .map(|(i, p)| NewUser {
            email: &p.email,
            password_hash: Some(&demo_hash),
            first_name: p.first,
            last_name: p.last,
            language: p.lang,
            time_zone: p.place.2,
            province: p.place.1,
            city: p.place.0,
            spoken_languages: p.spoken,
            created_at: now - Duration::days(200 - i as i64),
            last_sign_in_at: None,
        })
        .collect();
    let ids = repo::insert_users(db, &rows).await?;
    let admin_id = ids[0];
    let mentor_ids = &ids[1..=MENTORS];
    let mentee_ids = &ids[MENTORS + 1..];

    let organisation = repo::insert_organisation(db, "Mentora Demo", now).await?;
    let program = repo::insert_program(
        db,
        organisation,
        DEMO_SLUG,
        ("Demo Mentoring Program", "Programme de mentorat démo"),
        DEMO_ADMIN,
        now,
    )
    .await?;
    repo::set_invite_token(db, program, DEMO_INVITE_TOKEN).await?;
    super::seed_program_lists(db, program, now).await?;
    let mut members: Vec<(i64, Role)> = vec![(admin_id, Role::Admin)];
    members.extend(mentor_ids.iter().map(|id| (*id, Role::Mentor)));
    members.extend(mentee_ids.iter().map(|id| (*id, Role::Mentee)));
    repo::insert_memberships(db, program, &members, now).await?;
    let jobs: Vec<(i64, super::Job)> = ids[1..]
        .iter()
        .zip(&everyone[1..])
        .map(|(id, p)| (*id, p.job))
        .collect();
    super::seed_positions(db, program, &jobs).await?;
    // The administrator guide's example question; five in six members answer it (the demo mentor: Baseball).
    let (sports_field, sports) = super::sports_question(db, program).await?;
    let answers: Vec<(i64, i64)> = ids[1..]
        .iter()
        .enumerate()
        .filter_map(|(i, id)| sports.get(i % 6).map(|option| (*id, *option)))
        .collect();
    repo::insert_option_answers(db, program, sports_field, &answers).await?;
    // Everyone but the two fixed log-ins (whose profiles the guides walk through) has
    // skills or development areas and a meeting city.
    super::seed_list_choices(db, program, &members[2..MENTORS + 1], &mut rng).await?;
    super::seed_list_choices(db, program, &members[MENTORS + 2..], &mut rng).await?;
    crate::profiles::service::refresh_program_completeness(db, program)
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("completeness: {e}")))?;

    // 14 active and 4 completed relationships; the demo mentor has two, one with the demo
    // mentee. Two pairs (mentor05 and mentee05, mentor06 and mentee06) have met four times.
    for i in 0..18usize {
        let mentor = mentor_ids[i % 12];
        let mentee = mentee_ids[i];
        let started = now - Duration::days(20 + 9 * i as i64);
        let (status, ended) = if i >= 14 {
            (
                RelationshipStatus::Completed,
                Some(started + Duration::days(120)),
            )
        } else {
            (RelationshipStatus::Active, None)
        };
        let relationship =
            repo::insert_relationship(db, program, mentor, mentee, status, started, ended).await?;
        if HELD_MEETINGS_FOR.contains(&i) {
            super::meetings::held_weekly(db, (program, relationship), (mentor, mentee), now)
                .await?;
        }
        repo::insert_invitation(
            db,
            program,
            mentee,
            mentor,
            false,
            InvitationStatus::Accepted,
            DEMO_INVITATION_MESSAGE,
            started - Duration::days(3),
        )
        .await?;
    }
    // Open and declined invitations, in both directions.
    for i in 18..MENTEES {
        let mentor = mentor_ids[12 + (i % 18)];
        let status = if i % 4 == 0 {
            InvitationStatus::Declined
        } else {
            InvitationStatus::Pending
        };
        let (sender, recipient) = if i % 3 == 0 {
            (mentor, mentee_ids[i])
        } else {
            (mentee_ids[i], mentor)
        };
        repo::insert_invitation(
            db,
            program,
            sender,
            recipient,
            sender == mentor,
            status,
            DEMO_INVITATION_MESSAGE,
            // Within the last ten days: none past its deadline yet.
            now - Duration::days((i as i64 - 18) % 10) - Duration::hours(2),
        )
        .await?;
    }
    repo::insert_invitation(
        db,
        program,
        mentee_ids[1],
        mentor_ids[0],
        false,
        InvitationStatus::Pending,
        DEMO_INVITATION_MESSAGE,
        now - Duration::days(1),
    )
    .await?;

    // A second, smaller program where the demo admin is admin and the demo mentor a mentee.
    let circle = repo::insert_program(
        db,
        organisation,
        CIRCLE_SLUG,
        ("Leadership Circle", "Cercle de leadership"),
        DEMO_ADMIN,
        now,
    )
    .await?;
    let mut circle_members: Vec<(i64, Role)> =
        vec![(admin_id, Role::Admin), (mentor_ids[0], Role::Mentee)];
    circle_members.extend(mentor_ids[20..25].iter().map(|id| (*id, Role::Mentor)));
    circle_members.extend(mentee_ids[20..25].iter().map(|id| (*id, Role::Mentee)));
    repo::insert_memberships(db, circle, &circle_members, now).await?;
    repo::set_invite_token(db, circle, CIRCLE_INVITE_TOKEN).await?;
    crate::profiles::service::refresh_program_completeness(db, circle)
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("completeness: {e}")))?;
    repo::insert_relationship(
        db,
        circle,
        mentor_ids[20],
        mentor_ids[0],
        RelationshipStatus::Active,
        now - Duration::days(12),
        None,
    )
    .await?;

    Ok(DemoReport::Created {
        members: ids.len(),
        programs: 2,
    })
}
