//! One schema on two engines: the SQLite and PostgreSQL migrations are kept in two
//! folders, so this test migrates a fresh database on each and compares what they built
//! (tables, columns with normalised types, nullability and defaults, primary keys,
//! indexes, unique and foreign keys), then checks that the triggers have the same effects
//! on the same writes. Anything that exists on one engine only must be listed below with
//! its reason.
mod support;

use backend::db::{Db, Pool};
use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};

/// Objects that exist on one engine only, and why.
const SQLITE_ONLY_VIEWS: &[&str] = &[
    // SQLite's triggers note member changes by inserting here; PostgreSQL calls a
    // function (note_members_changed) instead.
    "member_change_notes",
];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Column {
    name: String,
    kind: &'static str,
    not_null: bool,
    default: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Index {
    table: String,
    /// Named indexes are compared by name; a unique constraint's index has none (each
    /// engine names those its own way).
    name: Option<String>,
    columns: Vec<String>,
    unique: bool,
    partial: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct ForeignKey {
    table: String,
    columns: Vec<String>,
    references: String,
    referenced: Vec<String>,
    on_delete: String,
}

#[derive(Debug, Default, PartialEq)]
struct Schema {
    columns: BTreeMap<String, Vec<Column>>,
    primary_keys: BTreeMap<String, Vec<String>>,
    indexes: BTreeSet<Index>,
    foreign_keys: BTreeSet<ForeignKey>,
    views: BTreeSet<String>,
}

/// Instants are stored as TEXT on SQLite and TIMESTAMPTZ on PostgreSQL; their names say
/// which columns they are.
fn is_instant(column: &str) -> bool {
    column == "at" || column.ends_with("_at") || column.ends_with("_until")
}

fn sqlite_kind(declared: &str, column: &str) -> &'static str {
    match declared.to_ascii_uppercase().as_str() {
        "INTEGER" => "integer",
        "TEXT" if is_instant(column) => "instant",
        "TEXT" => "text",
        "BOOLEAN" => "boolean",
        "BLOB" => "bytes",
        "REAL" => "real",
        other => panic!("sqlite column {column}: unexpected type {other}"),
    }
}

fn postgres_kind(data_type: &str, column: &str) -> &'static str {
    match data_type {
        "bigint" | "integer" | "smallint" => "integer",
        "text" | "character varying" => "text",
        "timestamp with time zone" => "instant",
        "boolean" => "boolean",
        "bytea" => "bytes",
        "double precision" | "real" => "real",
        other => panic!("postgres column {column}: unexpected type {other}"),
    }
}

/// One spelling for a default on both engines: no casts, lower-case keywords.
fn normalise_default(default: &str, kind: &str) -> String {
    let mut text = default.trim().to_string();
    // PostgreSQL writes `'en'::text`, `(0)::bigint`.
    while let Some(at) = text.rfind("::") {
        let tail = &text[at + 2..];
        if tail.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') {
            text.truncate(at);
        } else {
            break;
        }
    }
    let text = text.trim_matches(|c| c == '(' || c == ')').to_string();
    match (kind, text.to_ascii_lowercase().as_str()) {
        ("boolean", "1" | "true") => "true".into(),
        ("boolean", "0" | "false") => "false".into(),
        (_, "now()" | "current_timestamp") => "now".into(),
        _ if text.starts_with('\'') => text,
        _ => text.to_ascii_lowercase(),
    }
}

async fn sqlite_schema(pool: &sqlx::SqlitePool) -> Schema {
    let mut schema = Schema::default();
    let objects = sqlx::query(
        "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'view')
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for object in objects {
        let (kind, table): (String, String) = (object.get(0), object.get(1));
        if kind == "view" {
            schema.views.insert(table);
            continue;
        }
        let rows = sqlx::query(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($1) ORDER BY cid",
        )
        .bind(&table)
        .fetch_all(pool)
        .await
        .unwrap();
        let mut key: Vec<(i64, String)> = Vec::new();
        let mut columns = Vec::new();
        for row in &rows {
            let name: String = row.get(0);
            let kind = sqlite_kind(&row.get::<String, _>(1), &name);
            let pk: i64 = row.get(4);
            if pk > 0 {
                key.push((pk, name.clone()));
            }
            // A lone INTEGER PRIMARY KEY is the row id, numbered by the engine when left
            // out; the schema relies on that for keys named `id` only (PostgreSQL's
            // identity columns).
            let auto = pk > 0 && kind == "integer" && name == "id";
            let default: Option<String> = row.get(3);
            columns.push(Column {
                not_null: row.get::<bool, _>(2) || pk > 0,
                default: if auto {
                    Some("auto".into())
                } else {
                    default.map(|d| normalise_default(&d, kind))
                },
                name,
                kind,
            });
        }
        key.sort();
        if !key.is_empty() {
            schema
                .primary_keys
                .insert(table.clone(), key.into_iter().map(|(_, c)| c).collect());
        }
        schema.columns.insert(table.clone(), columns);

        let indexes =
            sqlx::query("SELECT name, \"unique\", origin, partial FROM pragma_index_list($1)")
                .bind(&table)
                .fetch_all(pool)
                .await
                .unwrap();
        for index in indexes {
            let (name, origin): (String, String) = (index.get(0), index.get(2));
            if origin == "pk" {
                continue;
            }
            let columns: Vec<String> = sqlx::query_scalar(
                "SELECT coalesce(name, '<expression>') FROM pragma_index_info($1) ORDER BY seqno",
            )
            .bind(&name)
            .fetch_all(pool)
            .await
            .unwrap();
            schema.indexes.insert(Index {
                table: table.clone(),
                name: (origin == "c").then_some(name),
                columns,
                unique: index.get(1),
                partial: index.get(3),
            });
        }

        let keys = sqlx::query(
            "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list($1) ORDER BY id, seq",
        )
        .bind(&table)
        .fetch_all(pool)
        .await
        .unwrap();
        let mut by_id: BTreeMap<i64, ForeignKey> = BTreeMap::new();
        for key in keys {
            let entry = by_id.entry(key.get(0)).or_insert_with(|| ForeignKey {
                table: table.clone(),
                columns: Vec::new(),
                references: key.get(1),
                referenced: Vec::new(),
                on_delete: key.get(4),
            });
            entry.columns.push(key.get(2));
            // No column named: the referenced table's primary key.
            entry.referenced.push(
                key.get::<Option<String>, _>(3)
                    .unwrap_or_else(|| "id".into()),
            );
        }
        schema.foreign_keys.extend(by_id.into_values());
    }
    schema
}

async fn postgres_schema(pool: &sqlx::PgPool) -> Schema {
    let mut schema = Schema::default();
    let columns = sqlx::query(
        "SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable::text,
                c.column_default::text, c.is_identity::text
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
           AND c.table_name <> '_sqlx_migrations'
         ORDER BY c.table_name, c.ordinal_position",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for row in columns {
        let (table, name): (String, String) = (row.get(0), row.get(1));
        let kind = postgres_kind(&row.get::<String, _>(2), &name);
        let default: Option<String> = row.get(4);
        let identity = row.get::<String, _>(5) == "YES";
        schema.columns.entry(table).or_default().push(Column {
            not_null: row.get::<String, _>(3) == "NO",
            default: if identity {
                Some("auto".into())
            } else {
                default.map(|d| normalise_default(&d, kind))
            },
            name,
            kind,
        });
    }
    schema.views = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.views WHERE table_schema = current_schema()",
    )
    .fetch_all(pool)
    .await
    .unwrap()
    .into_iter()
    .collect();

    let indexes = sqlx::query(
        "SELECT t.relname::text, i.relname::text, ix.indisunique, ix.indpred IS NOT NULL, ix.indisprimary,
                EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid),
                ARRAY(SELECT coalesce(a.attname::text, '<expression>')
                      FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                      LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                      ORDER BY k.n)
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace
         WHERE s.nspname = current_schema() AND t.relname <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for row in indexes {
        let table: String = row.get(0);
        let columns: Vec<String> = row.get(6);
        if row.get::<bool, _>(4) {
            schema.primary_keys.insert(table, columns);
            continue;
        }
        let constraint: bool = row.get(5);
        schema.indexes.insert(Index {
            table,
            name: (!constraint).then(|| row.get(1)),
            columns,
            unique: row.get(2),
            partial: row.get(3),
        });
    }

    let keys = sqlx::query(
        "SELECT t.relname::text, r.relname::text, c.confdeltype::text,
                ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n),
                ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n)
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class r ON r.oid = c.confrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace
         WHERE c.contype = 'f' AND s.nspname = current_schema()",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for row in keys {
        let on_delete = match row.get::<String, _>(2).as_str() {
            "a" => "NO ACTION",
            "r" => "RESTRICT",
            "c" => "CASCADE",
            "n" => "SET NULL",
            "d" => "SET DEFAULT",
            other => panic!("unknown on-delete action {other}"),
        };
        schema.foreign_keys.insert(ForeignKey {
            table: row.get(0),
            columns: row.get(3),
            references: row.get(1),
            referenced: row.get(4),
            on_delete: on_delete.into(),
        });
    }
    schema
}

async fn schema_of(db: &Db) -> Schema {
    match db.pool() {
        Pool::Sqlite(pool) => sqlite_schema(pool).await,
        Pool::Postgres(pool) => postgres_schema(pool).await,
    }
}

/// Lines present on one side only, for a readable failure.
fn differences<T: Ord + std::fmt::Debug>(
    what: &str,
    sqlite: impl IntoIterator<Item = T>,
    postgres: impl IntoIterator<Item = T>,
) -> Vec<String> {
    let (s, p): (BTreeSet<T>, BTreeSet<T>) =
        (sqlite.into_iter().collect(), postgres.into_iter().collect());
    let only = |a: &BTreeSet<T>, b: &BTreeSet<T>, engine: &str| {
        a.difference(b)
            .map(|x| format!("{what} only on {engine}: {x:?}"))
            .collect::<Vec<_>>()
    };
    let mut out = only(&s, &p, "SQLite");
    out.extend(only(&p, &s, "PostgreSQL"));
    out
}

/// Every difference between the two schemas, one line each.
fn compare(sqlite: &Schema, postgres: &Schema) -> Vec<String> {
    let columns = |s: &Schema| {
        s.columns
            .iter()
            .flat_map(|(t, cs)| cs.iter().map(move |c| (t.clone(), c.clone())))
            .collect::<Vec<_>>()
    };
    let mut out = differences("table", sqlite.columns.keys(), postgres.columns.keys());
    out.extend(differences("column", columns(sqlite), columns(postgres)));
    out.extend(differences(
        "primary key",
        &sqlite.primary_keys,
        &postgres.primary_keys,
    ));
    out.extend(differences("index", &sqlite.indexes, &postgres.indexes));
    out.extend(differences(
        "foreign key",
        &sqlite.foreign_keys,
        &postgres.foreign_keys,
    ));
    let views = sqlite
        .views
        .iter()
        .filter(|v| !SQLITE_ONLY_VIEWS.contains(&v.as_str()));
    out.extend(differences("view", views, &postgres.views));
    out
}

#[tokio::test]
async fn both_engines_build_the_same_schema() {
    let Some(postgres) = support::postgres().await else {
        return;
    };
    let sqlite = support::sqlite().await;
    let (s, p) = (schema_of(&sqlite).await, schema_of(&postgres).await);
    assert!(
        s.columns.len() > 20,
        "suspiciously few tables: {:?}",
        s.columns.keys()
    );
    assert!(!s.indexes.is_empty() && !s.foreign_keys.is_empty());
    let problems = compare(&s, &p);
    assert!(
        problems.is_empty(),
        "the schemas differ:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_comparison_sees_each_kind_of_drift() {
    let column = |name: &str, kind, not_null, default: Option<&str>| Column {
        name: name.into(),
        kind,
        not_null,
        default: default.map(String::from),
    };
    let base = || {
        let mut s = Schema::default();
        s.columns.insert(
            "notes".into(),
            vec![
                column("id", "integer", true, Some("auto")),
                column("body", "text", true, Some("''")),
            ],
        );
        s.primary_keys.insert("notes".into(), vec!["id".into()]);
        s.indexes.insert(Index {
            table: "notes".into(),
            name: Some("notes_by_body".into()),
            columns: vec!["body".into()],
            unique: false,
            partial: false,
        });
        s
    };
    assert!(compare(&base(), &base()).is_empty());
    let mut nullable = base();
    nullable.columns.get_mut("notes").unwrap()[1].not_null = false;
    let mut defaulted = base();
    defaulted.columns.get_mut("notes").unwrap()[1].default = None;
    let mut unique = base();
    unique.indexes = unique
        .indexes
        .into_iter()
        .map(|i| Index { unique: true, ..i })
        .collect();
    let mut keyed = base();
    keyed.foreign_keys.insert(ForeignKey {
        table: "notes".into(),
        columns: vec!["body".into()],
        references: "users".into(),
        referenced: vec!["id".into()],
        on_delete: "CASCADE".into(),
    });
    for changed in [nullable, defaulted, unique, keyed] {
        assert!(!compare(&base(), &changed).is_empty(), "{changed:?}");
    }
    assert_eq!(normalise_default("'en'::text", "text"), "'en'");
    assert_eq!(normalise_default("TRUE", "boolean"), "true");
    assert_eq!(normalise_default("0", "boolean"), "false");
    assert_eq!(normalise_default("(0)::bigint", "integer"), "0");
}

/// What one write did through the triggers: which (program, member) pairs the members
/// index was told about, and the membership copies of each person's account state.
#[derive(Debug, PartialEq)]
struct Effect {
    write: &'static str,
    noted: BTreeSet<(&'static str, &'static str)>,
    copies: Vec<(bool, bool)>,
}

async fn version(db: &Db, program: i64) -> i64 {
    backend::members::repo::member_index_version(db, program)
        .await
        .unwrap()
}

/// The same writes on one engine, and what each one caused.
async fn trigger_effects(db: Db) -> Vec<Effect> {
    use shared::auth::model::Role;
    let db = support::demo(db).await;
    let demo = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
    let circle = backend::seed::circle_program_id(&db)
        .await
        .unwrap()
        .unwrap();
    let programs = [("demo", demo), ("circle", circle)];
    let a = support::add_member(&db, demo, "a@parity.test", "en", Role::Mentor).await;
    let b = support::add_member(&db, demo, "b@parity.test", "en", Role::Mentee).await;
    let people = [("a", a), ("b", b)];
    let at = chrono::Utc::now();
    let writes: [(&'static str, &'static str); 14] = [
        ("a joins the circle", "INSERT INTO memberships (user_id, program_id, role, joined_at) VALUES ($1, $3, 'mentee', $4)"),
        ("a's admin column choice", "UPDATE memberships SET members_columns = 'name' WHERE user_id = $1"),
        ("a's completeness, unchanged", "UPDATE memberships SET completeness = completeness WHERE user_id = $1"),
        ("a's completeness in the demo", "UPDATE memberships SET completeness = completeness + 10 WHERE user_id = $1 AND program_id = $2"),
        ("a renamed", "UPDATE users SET first_name = 'Zoë' WHERE id = $1"),
        ("a's language", "UPDATE users SET language = 'fr' WHERE id = $1"),
        ("a's account closed", "UPDATE users SET is_active = FALSE WHERE id = $1"),
        ("b signs in", "UPDATE users SET last_sign_in_at = $4 WHERE id = $5"),
        ("a mentors b", "INSERT INTO relationships (program_id, mentor_id, mentee_id, status, started_at) VALUES ($2, $1, $5, 'active', $4)"),
        ("a's meeting series", "INSERT INTO meeting_series (program_id, relationship_id, organiser_id, zone, first_local, duration_minutes, frequency, meeting_type, location, agenda, created_at, updated_at) SELECT program_id, id, $1, 'America/Toronto', '2026-01-06T10:00', 30, 'once', 'video', '', '', $4, $4 FROM relationships WHERE mentor_id = $1"),
        ("a and b meet", "INSERT INTO meetings (series_id, program_id, relationship_id, original_start_at, starts_at, ends_at) SELECT id, program_id, relationship_id, $4, $4, $4 FROM meeting_series WHERE organiser_id = $1"),
        ("their meeting cancelled", "UPDATE meetings SET state = 'cancelled' WHERE relationship_id IN (SELECT id FROM relationships WHERE mentor_id = $1)"),
        ("a logs an hour with b", "INSERT INTO logged_meetings (program_id, relationship_id, held_on_day, duration_minutes, meeting_type, note, created_at) SELECT program_id, id, '2026-01-06', 60, 'phone', '', $4 FROM relationships WHERE mentor_id = $1"),
        ("b leaves the demo", "DELETE FROM memberships WHERE user_id = $5 AND program_id = $2"),
    ];
    let mut effects = Vec::new();
    for (write, sql) in writes {
        let mut before = Vec::new();
        for (_, program) in programs {
            before.push(version(&db, program).await);
        }
        backend::with_db!(&db, pool => sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(a)
            .bind(demo)
            .bind(circle)
            .bind(at)
            .bind(b)
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap());
        let mut noted = BTreeSet::new();
        for ((program_name, program), since) in programs.iter().zip(before) {
            let changed = backend::members::repo::changed_members(&db, *program, since, 100)
                .await
                .unwrap();
            for (person, id) in people {
                if changed.contains(&id) {
                    noted.insert((*program_name, person));
                }
            }
        }
        let copies: Vec<(bool, bool)> = backend::with_db!(&db, pool => sqlx::query_as(
            "SELECT person_active, last_sign_in_at IS NOT NULL FROM memberships
             WHERE user_id IN ($1, $2) ORDER BY user_id, program_id",
        )
        .bind(a)
        .bind(b)
        .fetch_all(pool)
        .await)
        .unwrap();
        effects.push(Effect {
            write,
            noted,
            copies,
        });
    }
    effects
}

#[tokio::test]
async fn the_triggers_do_the_same_on_both_engines() {
    let Some(postgres) = support::postgres().await else {
        return;
    };
    let sqlite = trigger_effects(support::sqlite().await).await;
    // The rules themselves, so that two engines that agree on a wrong answer still fail.
    let noted = |write: &str| {
        sqlite
            .iter()
            .find(|e| e.write == write)
            .map(|e| {
                e.noted
                    .iter()
                    .map(|(p, m)| format!("{p}:{m}"))
                    .collect::<Vec<_>>()
            })
            .unwrap()
    };
    assert_eq!(noted("a joins the circle"), ["circle:a"]);
    assert!(noted("a's admin column choice").is_empty());
    assert!(noted("a's completeness, unchanged").is_empty());
    assert_eq!(noted("a's completeness in the demo"), ["demo:a"]);
    assert_eq!(noted("a renamed"), ["circle:a", "demo:a"]);
    assert!(noted("a's language").is_empty());
    assert_eq!(noted("a's account closed"), ["circle:a", "demo:a"]);
    assert_eq!(noted("b signs in"), ["demo:b"]);
    assert_eq!(noted("a mentors b"), ["demo:a", "demo:b"]);
    assert!(noted("a's meeting series").is_empty());
    assert_eq!(noted("a and b meet"), ["demo:a", "demo:b"]);
    assert_eq!(noted("their meeting cancelled"), ["demo:a", "demo:b"]);
    assert_eq!(noted("a logs an hour with b"), ["demo:a", "demo:b"]);
    assert_eq!(noted("b leaves the demo"), ["demo:b"]);
    let closed = sqlite
        .iter()
        .find(|e| e.write == "a's account closed")
        .unwrap();
    assert_eq!(
        closed.copies,
        [(false, false), (false, false), (true, false)]
    );
    let signed_in = sqlite.iter().find(|e| e.write == "b signs in").unwrap();
    assert_eq!(signed_in.copies[2], (true, true));

    assert_eq!(sqlite, trigger_effects(postgres).await);
}
