//! SQL for the e-mail log: filtered, newest first, keyset-paginated so that the 1,000th
//! page costs what the first does (see `bench` for the figures at 1,000,000 rows).
use crate::db::Db;
use crate::messaging::model::EmailStatus;
use crate::with_db;
use chrono::{DateTime, Utc};
use std::fmt::Write;

/// A value bound to a placeholder.
enum Bind {
    I64(i64),
    Text(String),
    Time(DateTime<Utc>),
}

/// SQL text with numbered placeholders and the values they stand for.
#[derive(Default)]
struct Sql {
    text: String,
    binds: Vec<Bind>,
}

impl Sql {
    fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    fn bind(&mut self, value: Bind) -> &mut Self {
        self.binds.push(value);
        let _ = write!(self.text, "${}", self.binds.len());
        self
    }
}

macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut query = $query;
        for bind in $binds {
            query = match bind {
                Bind::I64(v) => query.bind(*v),
                Bind::Text(v) => query.bind(v.clone()),
                Bind::Time(v) => query.bind(*v),
            };
        }
        query
    }};
}

/// The log's filters, resolved: member e-mails to ids, dates to instants.
#[derive(Clone, Debug, Default)]
pub struct LogFilter {
    pub program_id: i64,
    /// `Some(ids)`: only these recipients (`Some(vec![])` matches nothing).
    pub user_ids: Option<Vec<i64>>,
    pub statuses: Vec<String>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

/// Where a page starts: strictly older or strictly newer than (created_at, id).
#[derive(Clone, Copy, Debug)]
pub enum Cursor {
    Before(DateTime<Utc>, i64),
    After(DateTime<Utc>, i64),
}

fn where_clause(sql: &mut Sql, filter: &LogFilter) {
    sql.push(" WHERE program_id = ")
        .bind(Bind::I64(filter.program_id));
    if let Some(ids) = &filter.user_ids {
        if ids.is_empty() {
            sql.push(" AND 1 = 0");
        } else {
            sql.push(" AND user_id IN (");
            for (i, id) in ids.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                sql.bind(Bind::I64(*id));
            }
            sql.push(")");
        }
    }
    if !filter.statuses.is_empty() {
        sql.push(" AND status IN (");
        for (i, status) in filter.statuses.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.bind(Bind::Text(status.clone()));
        }
        sql.push(")");
    }
    if let Some(from) = filter.from {
        sql.push(" AND created_at >= ").bind(Bind::Time(from));
    }
    if let Some(until) = filter.until {
        sql.push(" AND created_at < ").bind(Bind::Time(until));
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LogRecord {
    pub id: i64,
    pub subject: String,
    pub to_name: String,
    pub to_address: String,
    pub created_at: DateTime<Utc>,
    pub status: EmailStatus,
    pub status_at: DateTime<Utc>,
    pub open_automatic: bool,
}

const LOG_COLUMNS: &str =
    "SELECT id, subject, to_name, to_address, created_at, status, status_at, open_automatic FROM emails";

/// Up to `limit` rows from `cursor`, newest first.
pub async fn page(
    db: &Db,
    filter: &LogFilter,
    cursor: Option<Cursor>,
    limit: i64,
) -> sqlx::Result<Vec<LogRecord>> {
    let mut sql = Sql::default();
    sql.push(LOG_COLUMNS);
    where_clause(&mut sql, filter);
    let ascending = matches!(cursor, Some(Cursor::After(..)));
    match cursor {
        // Row values: both engines walk the (created_at, id) index from the cursor.
        Some(Cursor::Before(at, id)) => {
            sql.push(" AND (created_at, id) < (").bind(Bind::Time(at));
            sql.push(", ").bind(Bind::I64(id)).push(")");
        }
        Some(Cursor::After(at, id)) => {
            sql.push(" AND (created_at, id) > (").bind(Bind::Time(at));
            sql.push(", ").bind(Bind::I64(id)).push(")");
        }
        None => {}
    }
    sql.push(if ascending {
        " ORDER BY created_at ASC, id ASC LIMIT "
    } else {
        " ORDER BY created_at DESC, id DESC LIMIT "
    })
    .bind(Bind::I64(limit));
    let mut rows = with_db!(db, pool => {
        let query = sqlx::query_as::<_, LogRecord>(sqlx::AssertSqlSafe(sql.text.clone()));
        bind_all!(query, &sql.binds).fetch_all(pool).await
    })?;
    if ascending {
        rows.reverse();
    }
    Ok(rows)
}

/// How many rows match, counting no further than `cap + 1`.
pub async fn count_capped(db: &Db, filter: &LogFilter, cap: i64) -> sqlx::Result<i64> {
    let mut sql = Sql::default();
    sql.push("SELECT COUNT(*) FROM (SELECT 1 FROM emails");
    where_clause(&mut sql, filter);
    sql.push(" LIMIT ")
        .bind(Bind::I64(cap + 1))
        .push(") AS capped");
    with_db!(db, pool => {
        let query = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.text.clone()));
        bind_all!(query, &sql.binds).fetch_one(pool).await
    })
}

/// Members of the program with these e-mail addresses: (id, first, last, email).
pub async fn members_by_email(
    db: &Db,
    program_id: i64,
    emails: &[String],
) -> sqlx::Result<Vec<(i64, String, String, String)>> {
    if emails.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::default();
    sql.push("SELECT u.id, u.first_name, u.last_name, u.email FROM users u WHERE u.email IN (");
    for (i, email) in emails.iter().take(50).enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.bind(Bind::Text(email.clone()));
    }
    sql.push(") AND EXISTS (SELECT 1 FROM emails e WHERE e.user_id = u.id AND e.program_id = ")
        .bind(Bind::I64(program_id))
        .push(") ORDER BY u.last_name, u.first_name");
    with_db!(db, pool => {
        let query = sqlx::query_as::<_, (i64, String, String, String)>(sqlx::AssertSqlSafe(sql.text.clone()));
        bind_all!(query, &sql.binds).fetch_all(pool).await
    })
}

/// Type-ahead: the program's members whose name or e-mail starts with `prefix`.
pub async fn suggest_members(
    db: &Db,
    program_id: i64,
    prefix: &str,
) -> sqlx::Result<Vec<(String, String, String)>> {
    let pattern = format!("{}%", prefix.to_lowercase().replace(['%', '_'], ""));
    with_db!(db, pool => sqlx::query_as::<_, (String, String, String)>(
        "SELECT u.first_name, u.last_name, u.email FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND (LOWER(u.first_name) LIKE $2 OR LOWER(u.last_name) LIKE $2 OR u.email LIKE $2)
         ORDER BY u.last_name, u.first_name LIMIT 10",
    )
    .bind(program_id)
    .bind(&pattern)
    .fetch_all(pool)
    .await)
}

#[derive(Debug, sqlx::FromRow)]
pub struct DetailRecord {
    pub body_text: String,
    pub template_key: Option<String>,
    pub attempts: i32,
    pub last_error: Option<String>,
}

pub async fn detail(
    db: &Db,
    program_id: i64,
    id: i64,
) -> sqlx::Result<Option<(LogRecord, DetailRecord)>> {
    let record = with_db!(db, pool => sqlx::query_as::<_, LogRecord>(sqlx::AssertSqlSafe(format!(
        "{LOG_COLUMNS} WHERE program_id = $1 AND id = $2"
    )))
    .bind(program_id)
    .bind(id)
    .fetch_optional(pool)
    .await)?;
    let Some(record) = record else {
        return Ok(None);
    };
    let detail = with_db!(db, pool => sqlx::query_as::<_, DetailRecord>(
        "SELECT body_text, template_key, attempts, last_error FROM emails WHERE id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await)?;
    Ok(Some((record, detail)))
}

pub async fn events(db: &Db, email_id: i64) -> sqlx::Result<Vec<(String, DateTime<Utc>, String)>> {
    with_db!(db, pool => sqlx::query_as(
        "SELECT kind, at, detail FROM email_events WHERE email_id = $1 ORDER BY at, id",
    )
    .bind(email_id)
    .fetch_all(pool)
    .await)
}

/// The HTML part of one e-mail of the program.
pub async fn body_html(db: &Db, program_id: i64, id: i64) -> sqlx::Result<Option<String>> {
    with_db!(db, pool => sqlx::query_scalar("SELECT body_html FROM emails WHERE program_id = $1 AND id = $2")
        .bind(program_id)
        .bind(id)
        .fetch_optional(pool)
        .await)
}
