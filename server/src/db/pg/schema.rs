//! The PostgreSQL schema, as numbered migrations applied in order at start (and by `folio-server migrate`), each in
//! its own transaction together with the new version number in `folio_schema`. Two instances starting at once do not
//! race: the whole run holds an advisory lock.
//!
//! Version 1 is the SQLite schema as of its version 3 (comments with moderation and token digests, idempotency keys
//! with fingerprints), with PostgreSQL's types: booleans for flags, `BIGINT` for Unix milliseconds. Version 2 adds
//! what only several instances need: the shared rate-limit entries and the publication numbers that let an instance
//! catch up on the comments published while it was cut off from the database. Version 3 gives changes (an edit, a
//! delete, an approved edit) numbers from the same sequence, so a listener catches up on those too. Version 4 adds a
//! live article's entries and its corrected body (issue 14).

use tokio_postgres::Client;

/// The advisory lock held while migrating and seeding (an arbitrary constant, "folio" in ASCII).
const STARTUP_LOCK: i64 = 0x0066_6f6c_696f;

/// The migrations, version by version; never edit a released one, add the next.
pub const MIGRATIONS: &[(i32, &str)] = &[
    (
        1,
        "CREATE TABLE comments (
            seq            BIGSERIAL PRIMARY KEY,
            article_id     TEXT    NOT NULL,
            id             TEXT    NOT NULL,
            parent_id      TEXT,
            author_name    TEXT    NOT NULL,
            author_email   TEXT,
            author_url     TEXT,
            author_avatar  TEXT,
            body           TEXT    NOT NULL,
            format         TEXT    NOT NULL,
            created_at     BIGINT,
            score          BIGINT,
            deleted        BOOLEAN NOT NULL DEFAULT FALSE,
            article_author BOOLEAN NOT NULL DEFAULT FALSE,
            held           BOOLEAN NOT NULL DEFAULT FALSE,
            edit_hash      TEXT,
            UNIQUE (article_id, id)
        );
        CREATE INDEX comments_by_article ON comments (article_id, created_at, seq);
        CREATE TABLE idempotency (
            article_id  TEXT   NOT NULL,
            key         TEXT   NOT NULL,
            comment_seq BIGINT NOT NULL,
            stored_at   BIGINT NOT NULL,
            fingerprint TEXT,
            PRIMARY KEY (article_id, key)
        );",
    ),
    (
        2,
        "CREATE TABLE rate_hits (
            bucket TEXT   NOT NULL,
            client TEXT   NOT NULL,
            at     BIGINT NOT NULL
        );
        CREATE INDEX rate_hits_by_client ON rate_hits (bucket, client, at);
        CREATE SEQUENCE publications;
        ALTER TABLE comments ADD COLUMN published BIGINT;
        ALTER TABLE comments ADD COLUMN published_by TEXT;
        CREATE INDEX comments_by_publication ON comments (published);",
    ),
    (
        3,
        "ALTER TABLE comments ADD COLUMN changed BIGINT;
        ALTER TABLE comments ADD COLUMN changed_by TEXT;
        CREATE INDEX comments_by_change ON comments (changed);",
    ),
    (
        4,
        "CREATE TABLE live_entries (
            seq          BIGSERIAL PRIMARY KEY,
            article_id   TEXT   NOT NULL,
            id           TEXT   NOT NULL,
            author_name  TEXT   NOT NULL,
            title        TEXT,
            body         TEXT   NOT NULL,
            format       TEXT   NOT NULL,
            published_at BIGINT NOT NULL,
            updated_at   BIGINT,
            UNIQUE (article_id, id)
        );
        CREATE TABLE live_bodies (
            article_id TEXT   PRIMARY KEY,
            body       TEXT   NOT NULL,
            format     TEXT   NOT NULL,
            updated_at BIGINT NOT NULL
        );",
    ),
];

/// The newest version this server knows.
pub fn latest() -> i32 {
    MIGRATIONS.last().map_or(0, |(v, _)| *v)
}

/// Brings the database up to `target` (normally [`latest`]); returns the versions applied. A database newer than this
/// server is refused rather than used half-understood.
pub async fn migrate_to(client: &mut Client, target: i32) -> Result<Vec<i32>, String> {
    let fail = |err: tokio_postgres::Error| format!("migration failed: {err}");
    client
        .batch_execute("CREATE TABLE IF NOT EXISTS folio_schema (version INTEGER NOT NULL)")
        .await
        .map_err(fail)?;
    let current = version(client).await?;
    if current > latest() {
        return Err(format!(
            "the database has schema version {current}, newer than this server's {}",
            latest()
        ));
    }
    let mut applied = Vec::new();
    for (v, sql) in MIGRATIONS
        .iter()
        .filter(|(v, _)| *v > current && *v <= target)
    {
        let tx = client.transaction().await.map_err(fail)?;
        tx.batch_execute(sql).await.map_err(fail)?;
        tx.execute("DELETE FROM folio_schema", &[])
            .await
            .map_err(fail)?;
        tx.execute("INSERT INTO folio_schema (version) VALUES ($1)", &[v])
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        applied.push(*v);
    }
    Ok(applied)
}

/// The schema version of the database; 0 when empty.
pub async fn version(client: &Client) -> Result<i32, String> {
    let row = client
        .query_opt("SELECT max(version) FROM folio_schema", &[])
        .await
        .map_err(|err| format!("cannot read the schema version: {err}"))?;
    Ok(row
        .and_then(|r| r.try_get::<_, Option<i32>>(0).ok().flatten())
        .unwrap_or(0))
}

/// Takes the startup lock for this session: migrations and seeding of several instances happen one at a time.
pub async fn lock(client: &Client) -> Result<(), String> {
    client
        .execute("SELECT pg_advisory_lock($1)", &[&STARTUP_LOCK])
        .await
        .map(drop)
        .map_err(|err| format!("cannot take the startup lock: {err}"))
}
