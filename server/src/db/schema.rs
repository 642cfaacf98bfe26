//! The tables, and bringing a database written by an older server up to date in place.

use rusqlite::Connection;

use crate::token::digest;

/// Version 1: the comments themselves.
pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS comments (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id     TEXT    NOT NULL,
    id             TEXT    NOT NULL,
    parent_id      TEXT,
    author_name    TEXT    NOT NULL,
    author_email   TEXT,
    author_url     TEXT,
    author_avatar  TEXT,
    body           TEXT    NOT NULL,
    format         TEXT    NOT NULL,
    created_at     INTEGER,            -- Unix milliseconds, UTC; NULL for an undated seed
    score          INTEGER,
    deleted        INTEGER NOT NULL DEFAULT 0,
    article_author INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, id)
);
CREATE INDEX IF NOT EXISTS comments_by_article ON comments (article_id, created_at, seq);
PRAGMA user_version = 1;
";

/// Version 2: moderation, edit tokens and idempotency keys. Added to a version-1 database in place.
const SCHEMA_V2: &str = "
ALTER TABLE comments ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN edit_token TEXT;
";

/// Keys of posts already stored: a retried post with the same key gets the same comment back.
const SCHEMA_KEYS: &str = "
CREATE TABLE IF NOT EXISTS idempotency (
    article_id  TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    comment_seq INTEGER NOT NULL,
    stored_at   INTEGER NOT NULL,
    PRIMARY KEY (article_id, key)
);
";

/// Version 3 (issue 12): edit tokens as SHA-256 digests (`edit_hash`; the plain `edit_token` column stays, always
/// empty), and the digest of the request each idempotency key stored (`fingerprint`).
const SCHEMA_V3: &str = "
ALTER TABLE comments ADD COLUMN edit_hash TEXT;
ALTER TABLE idempotency ADD COLUMN fingerprint TEXT;
";

/// Version 4 (issue 16): whether a comment was ever listed, so approving an edit held for review is told to the event
/// streams as a change, not as a new comment. Comments held at the upgrade count as never listed.
const SCHEMA_V4: &str = "
ALTER TABLE comments ADD COLUMN listed_once INTEGER NOT NULL DEFAULT 1;
UPDATE comments SET listed_once = 0 WHERE held = 1;
";

/// Version 5 (issue 14): a live article's entries, and its body as corrected by an editor.
const SCHEMA_LIVE: &str = "
CREATE TABLE IF NOT EXISTS live_entries (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id   TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    author_name  TEXT    NOT NULL,
    title        TEXT,
    body         TEXT    NOT NULL,
    format       TEXT    NOT NULL,
    published_at INTEGER NOT NULL,     -- Unix milliseconds, UTC
    updated_at   INTEGER,
    UNIQUE (article_id, id)
);
CREATE TABLE IF NOT EXISTS live_bodies (
    article_id TEXT    PRIMARY KEY,
    body       TEXT    NOT NULL,
    format     TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);
";

/// Creates the schema, or brings an older database up to date.
pub(super) fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(SCHEMA)?;
    // The columns themselves say whether the upgrade ran (the version-1 schema text resets user_version).
    if conn
        .prepare("SELECT held, edit_token FROM comments LIMIT 0")
        .is_err()
    {
        conn.execute_batch(SCHEMA_V2)?;
    }
    conn.execute_batch(SCHEMA_KEYS)?;
    if conn
        .prepare("SELECT edit_hash FROM comments LIMIT 0")
        .is_err()
    {
        conn.execute_batch(SCHEMA_V3)?;
    }
    if conn
        .prepare("SELECT listed_once FROM comments LIMIT 0")
        .is_err()
    {
        conn.execute_batch(SCHEMA_V4)?;
    }
    conn.execute_batch(SCHEMA_LIVE)?;
    hash_plain_tokens(conn)?;
    conn.pragma_update(None, "user_version", 5)
}

/// Tokens an older server stored in plain text are replaced by their digests, so they keep working and stop being
/// readable. Keys stored before fingerprints existed match no request (see `idempotency`), which is safe.
fn hash_plain_tokens(conn: &Connection) -> rusqlite::Result<()> {
    let plain: Vec<(i64, String)> = conn
        .prepare("SELECT seq, edit_token FROM comments WHERE edit_token IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update =
        conn.prepare("UPDATE comments SET edit_hash = ?2, edit_token = NULL WHERE seq = ?1")?;
    for (seq, token) in plain {
        let hash = (!token.is_empty()).then(|| digest(&token));
        update.execute(rusqlite::params![seq, hash])?;
    }
    Ok(())
}
