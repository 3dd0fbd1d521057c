//! SQL behind profile completeness: the rules in force, what members have filled, and
//! the stored figures.
use super::profile::ProfileRow;
use crate::auth::model::Role;
use crate::db::{Db, Pool, Tx};
use crate::profiles::fields::{BuiltinField, FieldRef, FieldRule};
use crate::profiles::model::{FieldAudience, ListKind};
use crate::{with_db, with_tx};
use std::collections::{HashMap, HashSet};

/// The program's own rules for built-in fields (the rest keep the product default).
pub async fn builtin_rule_overrides(tx: &mut Tx, program_id: i64) -> sqlx::Result<Vec<FieldRule>> {
    let rows: Vec<(BuiltinField, bool, bool, bool, bool)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT field_key, for_mentors, for_mentees, required, base_field
         FROM profile_field_rules WHERE program_id = $1",
    )
    .bind(program_id)
    .fetch_all(&mut *conn)
    .await)?;
    Ok(rows
        .into_iter()
        .map(
            |(field, for_mentors, for_mentees, required, base_field)| FieldRule {
                field: FieldRef::Builtin(field),
                for_mentors,
                for_mentees,
                required,
                base_field,
            },
        )
        .collect())
}

/// The custom fields members fill, as completeness rules.
pub async fn custom_field_rules(tx: &mut Tx, program_id: i64) -> sqlx::Result<Vec<FieldRule>> {
    let rows: Vec<(i64, FieldAudience, bool, bool)> = with_tx!(tx, conn => sqlx::query_as(
        // Admin-only fields are never shown to members, so they cannot count against them.
        "SELECT id, role, required, base_field FROM custom_fields WHERE program_id = $1 AND NOT admin_only",
    )
    .bind(program_id)
    .fetch_all(&mut *conn)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, audience, required, base_field)| FieldRule {
            field: FieldRef::Custom(id),
            for_mentors: audience.includes(Role::Mentor),
            for_mentees: audience.includes(Role::Mentee),
            required,
            base_field,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct FactsRow {
    user_id: i64,
    role: Role,
    completeness: i64,
    #[sqlx(flatten)]
    person: ProfileRow,
    has_title: Option<i64>,
    has_company: Option<i64>,
    has_industry: Option<i64>,
    has_function: Option<i64>,
}

/// What one member has filled, with the completeness stored for them now.
pub struct MemberFacts {
    pub user_id: i64,
    pub role: Role,
    pub stored: u8,
    pub filled: HashSet<FieldRef>,
}

/// The facts of the program's members (mentors and mentees) with `after < user_id <= upto`,
/// in three set queries whatever the range holds, so a whole program is read in chunks.
pub async fn facts_in_range(
    tx: &mut Tx,
    program_id: i64,
    after: i64,
    upto: i64,
) -> sqlx::Result<Vec<MemberFacts>> {
    let rows: Vec<FactsRow> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT m.user_id, m.role, m.completeness, u.photo_key,
                u.first_name, u.last_name, u.country, u.province, u.city, u.time_zone,
                u.spoken_languages, u.gender,
                p.years_experience, p.summary, p.three_words, p.linkedin, p.twitter, p.skype,
                p.meeting_formats, p.max_partners, p.goals,
                j.has_title, j.has_company, j.has_industry, j.has_function
         FROM memberships m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN profiles p ON p.user_id = m.user_id AND p.program_id = m.program_id
         LEFT JOIN (
             SELECT user_id,
                    CAST(MAX(CASE WHEN job_title <> '' THEN 1 ELSE 0 END) AS BIGINT) AS has_title,
                    CAST(MAX(CASE WHEN company <> '' THEN 1 ELSE 0 END) AS BIGINT) AS has_company,
                    CAST(MAX(CASE WHEN industry_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS has_industry,
                    CAST(MAX(CASE WHEN job_function_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS has_function
             FROM positions
             WHERE program_id = $1 AND user_id > $2 AND user_id <= $3
             GROUP BY user_id
         ) j ON j.user_id = m.user_id
         WHERE m.program_id = $1 AND m.user_id > $2 AND m.user_id <= $3 AND m.role <> $4
         ORDER BY m.user_id",
    )
    .bind(program_id)
    .bind(after)
    .bind(upto)
    .bind(Role::Admin)
    .fetch_all(&mut *conn)
    .await)?;
    let chosen: Vec<(i64, ListKind)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT DISTINCT c.user_id, i.list FROM profile_list_choices c
         JOIN program_list_items i ON i.id = c.item_id
         WHERE c.program_id = $1 AND c.user_id > $2 AND c.user_id <= $3",
    )
    .bind(program_id)
    .bind(after)
    .bind(upto)
    .fetch_all(&mut *conn)
    .await)?;
    let answered: Vec<(i64, i64)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT DISTINCT user_id, field_id FROM custom_field_values
         WHERE program_id = $1 AND user_id > $2 AND user_id <= $3
           AND (option_id IS NOT NULL OR text_value <> '')",
    )
    .bind(program_id)
    .bind(after)
    .bind(upto)
    .fetch_all(&mut *conn)
    .await)?;

    let mut extra: HashMap<i64, Vec<FieldRef>> = HashMap::new();
    for (user_id, list) in chosen {
        let Some(field) = list.chosen_field() else {
            continue;
        };
        extra
            .entry(user_id)
            .or_default()
            .push(FieldRef::Builtin(field));
    }
    for (user_id, field_id) in answered {
        extra
            .entry(user_id)
            .or_default()
            .push(FieldRef::Custom(field_id));
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut filled = filled_builtins(&r);
            filled.extend(extra.remove(&r.user_id).unwrap_or_default());
            MemberFacts {
                user_id: r.user_id,
                role: r.role,
                stored: u8::try_from(r.completeness).unwrap_or(0),
                filled,
            }
        })
        .collect())
}

fn filled_builtins(f: &FactsRow) -> HashSet<FieldRef> {
    let r = &f.person;
    use BuiltinField as F;
    let text = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    let flag = |v: Option<i64>| v.unwrap_or(0) > 0;
    let mut filled = HashSet::new();
    let mut mark = |field: F, is_filled: bool| {
        if is_filled {
            filled.insert(FieldRef::Builtin(field));
        }
    };
    mark(F::Photo, r.photo_key.is_some());
    mark(F::FirstName, !r.first_name.trim().is_empty());
    mark(F::LastName, !r.last_name.trim().is_empty());
    mark(F::Country, !r.country.is_empty());
    mark(F::Province, !r.province.trim().is_empty());
    mark(F::City, !r.city.trim().is_empty());
    // Every account has a zone (the column is required and decodes as one).
    mark(F::TimeZone, true);
    mark(F::Languages, !r.spoken_languages.is_empty());
    mark(F::Gender, !r.gender.is_empty());
    mark(F::JobTitle, flag(f.has_title));
    mark(F::Company, flag(f.has_company));
    mark(F::Industry, flag(f.has_industry));
    mark(F::JobFunction, flag(f.has_function));
    mark(F::YearsExperience, r.years_experience.is_some());
    mark(F::Summary, text(&r.summary));
    mark(F::ThreeWords, text(&r.three_words));
    mark(F::Linkedin, text(&r.linkedin));
    mark(F::Twitter, text(&r.twitter));
    mark(F::Skype, text(&r.skype));
    mark(F::MeetingFormats, text(&r.meeting_formats));
    mark(F::MaxPartners, r.max_partners.is_some());
    mark(F::Goals, text(&r.goals));
    filled
}

/// A member's recomputed completeness and the value it was computed against.
#[derive(Clone, Copy, Debug)]
pub struct CompletenessChange {
    pub user_id: i64,
    pub was: u8,
    pub now: u8,
}

/// Stores recomputed completeness figures. A row whose stored value is
/// no longer `was` was refreshed meanwhile (the member saved) and is left as it is.
/// Changes are grouped by (was, now): a rule change moves every member between a handful
/// of values, so a whole program takes a few statements, each one index range scan.
pub async fn store_completeness(
    tx: &mut Tx,
    program_id: i64,
    changes: &[CompletenessChange],
) -> sqlx::Result<()> {
    let mut groups: HashMap<(u8, u8), Vec<i64>> = HashMap::new();
    for c in changes {
        groups.entry((c.was, c.now)).or_default().push(c.user_id);
    }
    for ((was, now), ids) in groups {
        match tx {
            Tx::Sqlite(conn) => {
                let list = format!(
                    "[{}]",
                    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
                );
                sqlx::query(
                    "UPDATE memberships SET completeness = $3
                     WHERE program_id = $1 AND completeness = $2
                       AND user_id IN (SELECT value FROM json_each($4))",
                )
                .bind(program_id)
                .bind(i64::from(was))
                .bind(i64::from(now))
                .bind(list)
                .execute(&mut **conn)
                .await?;
            }
            Tx::Postgres(conn) => {
                sqlx::query(
                    "UPDATE memberships SET completeness = $3
                     WHERE program_id = $1 AND completeness = $2 AND user_id = ANY($4)",
                )
                .bind(program_id)
                .bind(i64::from(was))
                .bind(i64::from(now))
                .bind(&ids)
                .execute(&mut **conn)
                .await?;
            }
        }
    }
    Ok(())
}

/// Refreshes the query planner's statistics after a bulk insert (PostgreSQL plans the
/// completeness reads badly on tables it has never analysed).
pub async fn analyse_member_tables(db: &Db) -> sqlx::Result<()> {
    if let Pool::Postgres(pool) = db.pool() {
        // VACUUM too: after a bulk load it marks pages all-visible, so counts can be
        // answered from indexes alone.
        sqlx::query("VACUUM (ANALYZE) users, memberships, profiles, positions, profile_list_choices, custom_field_values, relationships")
            .execute(pool)
            .await?;
    }
    Ok(())
}

pub async fn completeness_of(db: &Db, program_id: i64, user_id: i64) -> sqlx::Result<Option<i64>> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT completeness FROM memberships WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_optional(pool)
    .await)
}

/// Every member (mentor or mentee) of the program.
pub async fn profile_members(tx: &mut Tx, program_id: i64) -> sqlx::Result<Vec<i64>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT user_id FROM memberships WHERE program_id = $1 AND role <> $2 ORDER BY user_id",
    )
    .bind(program_id)
    .bind(Role::Admin)
    .fetch_all(&mut *conn)
    .await)
}

/// The programs in which the person has a profile (mentor or mentee).
pub async fn profile_programs(tx: &mut Tx, user_id: i64) -> sqlx::Result<Vec<i64>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT program_id FROM memberships WHERE user_id = $1 AND role <> $2 ORDER BY program_id",
    )
    .bind(user_id)
    .bind(Role::Admin)
    .fetch_all(&mut *conn)
    .await)
}
