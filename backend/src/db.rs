//! The database handle: SQLite (embedded default) or PostgreSQL, chosen by URL.
//!
//! Repository code runs the same SQL on either engine through `with_db!`; the SQL is kept
//! to the dialect both share (`$n` parameters, `RETURNING`, `ON CONFLICT`).
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;
use std::time::Duration;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/mentora.db";

/// The handle on the database: a pool of whichever engine the URL names.
#[derive(Clone, Debug)]
pub struct Db {
    pool: Pool,
}

#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the concrete pool of whichever engine is in use.
#[macro_export]
macro_rules! with_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db.pool() {
            $crate::db::Pool::Sqlite($pool) => $body,
            $crate::db::Pool::Postgres($pool) => $body,
        }
    };
}

/// A transaction on either engine: a write transaction (`Db::begin`) or a read-only one
/// (`Db::read`). Repositories take either; the service that opened it decides which.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Runs `$body` with `$conn` bound to the transaction's connection (`&mut Connection`).
#[macro_export]
macro_rules! with_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(tx) => {
                let $conn = &mut **tx;
                $body
            }
            $crate::db::Tx::Postgres(tx) => {
                let $conn = &mut **tx;
                $body
            }
        }
    };
}

/// `$first, $first+1, …` for `count` values bound after the statement's first
/// `first - 1` parameters: the inside of an `IN (…)` list.
pub fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The rows of `sql` for `ids` (its `{ids}` becomes their placeholders), 250 ids a
/// statement: well under both engines' parameter limits, and short enough that binding
/// stays cheap (sqlx looks each SQLite parameter up by name, so a statement's binding
/// costs the square of its parameters).
pub async fn by_ids<T>(tx: &mut Tx, sql: &str, ids: &[i64]) -> sqlx::Result<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    let mut all = Vec::new();
    for chunk in ids.chunks(250) {
        let sql = sql.replace("{ids}", &placeholders(1, chunk.len()));
        let rows: Vec<T> = with_tx!(tx, conn => {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
            for id in chunk {
                q = q.bind(*id);
            }
            q.fetch_all(&mut *conn).await
        })?;
        all.extend(rows);
    }
    Ok(all)
}

impl Tx {
    pub async fn commit(self) -> sqlx::Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Tx::Postgres(_))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("unsupported database URL (expected sqlite:// or postgres://): {0}")]
    UnsupportedScheme(String),
    // Causes are attached as sources (not repeated in the text): callers print the chain.
    #[error("cannot create the database directory {0}")]
    Directory(String, #[source] std::io::Error),
    #[error("cannot connect to the database")]
    Connect(#[from] sqlx::Error),
    #[error("cannot migrate the database")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Db {
    fn new(pool: Pool) -> Db {
        Db { pool }
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    pub async fn connect(url: &str) -> Result<Db, ConnectError> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            let path = options.get_filename();
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| ConnectError::Directory(dir.display().to_string(), e))?;
            }
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::new(Pool::Sqlite(pool)))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::new(Pool::Postgres(pool)))
        } else {
            Err(ConnectError::UnsupportedScheme(
                url.split(':').next().unwrap_or_default().to_string(),
            ))
        }
    }

    /// Connects and brings the schema up to date.
    pub async fn connect_and_migrate(url: &str) -> Result<Db, ConnectError> {
        let db = Db::connect(url).await?;
        db.migrate().await?;
        Ok(db)
    }

    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::migrate!("../migrations/sqlite").run(pool).await,
            Pool::Postgres(pool) => sqlx::migrate!("../migrations/postgres").run(pool).await,
        }
    }

    /// Starts a write transaction; dropping it without `commit` rolls back. SQLite's starts
    /// `IMMEDIATE` so two writers queue on the busy timeout instead of failing when a read
    /// lock cannot be upgraded.
    pub async fn begin(&self) -> sqlx::Result<Tx> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Starts a read-only transaction: several reads see one state of the data, and no
    /// write lock is taken (SQLite's deferred `BEGIN` takes none until a write; PostgreSQL
    /// refuses writes in it, so a write slipped into a read path fails its tests).
    pub async fn read(&self) -> sqlx::Result<Tx> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN DEFERRED").await?),
            Pool::Postgres(pool) => Tx::Postgres(pool.begin_with("BEGIN READ ONLY").await?),
        })
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.pool, Pool::Postgres(_))
    }

    pub fn engine(&self) -> &'static str {
        match self.pool {
            Pool::Sqlite(_) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        with_db!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
    }

    pub async fn close(&self) {
        with_db!(self, pool => pool.close().await)
    }
}
