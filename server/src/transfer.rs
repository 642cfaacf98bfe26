//! Moving a store from one database to another (`folio-server export` / `import`): every comment row as stored
//! (held ones, placeholders and token digests included, with their insertion numbers, so ids, order and pending
//! edits survive), every idempotency key, the last number handed out, so the next post gets the id it would have
//! got on the old database, and the live articles' entries and corrected bodies (issue 14). The format is one JSON
//! document ([`Dump`]); an import goes only into a database without comments, so it can never mix two sites. A dump
//! of an older server, without the live parts, imports as it did.

use std::path::Path;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::db::{pg, Sqlite};

/// The version of the export format.
pub const FORMAT: u32 = 1;

/// A whole store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dump {
    /// [`FORMAT`].
    pub folio_export: u32,
    /// The highest insertion number handed out (posts, seeds and decoys).
    pub last_seq: i64,
    /// Every comment row, by insertion number.
    pub comments: Vec<Row>,
    /// Every idempotency key.
    pub keys: Vec<Key>,
    /// Every live entry an editor published or edited, by insertion number.
    #[serde(default)]
    pub entries: Vec<EntryRow>,
    /// Every live article's corrected body.
    #[serde(default)]
    pub bodies: Vec<BodyRow>,
}

/// One stored live entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)] // The columns of the `live_entries` table, named as there.
pub struct EntryRow {
    pub seq: i64,
    pub article_id: String,
    pub id: String,
    pub author_name: String,
    pub title: Option<String>,
    pub body: String,
    pub format: String,
    pub published_at: i64,
    pub updated_at: Option<i64>,
}

/// One live article's corrected body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)] // The columns of the `live_bodies` table.
pub struct BodyRow {
    pub article_id: String,
    pub body: String,
    pub format: String,
    pub updated_at: i64,
}

/// One stored comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)] // The columns of the `comments` table, named as there.
pub struct Row {
    pub seq: i64,
    pub article_id: String,
    pub id: String,
    pub parent_id: Option<String>,
    pub author_name: String,
    pub author_email: Option<String>,
    pub author_url: Option<String>,
    pub author_avatar: Option<String>,
    pub body: String,
    pub format: String,
    pub created_at: Option<i64>,
    pub score: Option<i64>,
    pub deleted: bool,
    pub article_author: bool,
    pub held: bool,
    pub edit_hash: Option<String>,
}

/// One idempotency key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)] // The columns of the `idempotency` table.
pub struct Key {
    pub article_id: String,
    pub key: String,
    pub comment_seq: i64,
    pub stored_at: i64,
    pub fingerprint: Option<String>,
}

const ROW_COLUMNS: &str = "seq, article_id, id, parent_id, author_name, author_email, author_url, author_avatar, \
                           body, format, created_at, score, deleted, article_author, held, edit_hash";
const KEY_COLUMNS: &str = "article_id, key, comment_seq, stored_at, fingerprint";
const ENTRY_COLUMNS: &str =
    "seq, article_id, id, author_name, title, body, format, published_at, updated_at";
const BODY_COLUMNS: &str = "article_id, body, format, updated_at";

/// Reads the whole store `db` names (a SQLite file is brought up to date first, as the server would).
pub fn export(db: &str) -> Result<Dump, String> {
    if pg::is_url(db) {
        let config = pg::parse_url(db)?;
        return pg::block_on(|| export_pg(config))?;
    }
    let sqlite = open_sqlite(db)?;
    sqlite
        .with_conn(|conn| -> rusqlite::Result<Dump> {
            let comments = conn
                .prepare(&format!("SELECT {ROW_COLUMNS} FROM comments ORDER BY seq"))?
                .query_map([], |r| {
                    Ok(Row {
                        seq: r.get(0)?,
                        article_id: r.get(1)?,
                        id: r.get(2)?,
                        parent_id: r.get(3)?,
                        author_name: r.get(4)?,
                        author_email: r.get(5)?,
                        author_url: r.get(6)?,
                        author_avatar: r.get(7)?,
                        body: r.get(8)?,
                        format: r.get(9)?,
                        created_at: r.get(10)?,
                        score: r.get(11)?,
                        deleted: r.get(12)?,
                        article_author: r.get(13)?,
                        held: r.get(14)?,
                        edit_hash: r.get(15)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let keys = conn
                .prepare(&format!("SELECT {KEY_COLUMNS} FROM idempotency ORDER BY comment_seq"))?
                .query_map([], |r| {
                    Ok(Key {
                        article_id: r.get(0)?,
                        key: r.get(1)?,
                        comment_seq: r.get(2)?,
                        stored_at: r.get(3)?,
                        fingerprint: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let last_seq = conn.query_row(
                "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'comments'), 0), \
                 COALESCE((SELECT MAX(seq) FROM comments), 0))",
                [],
                |r| r.get(0),
            )?;
            let entries = conn
                .prepare(&format!("SELECT {ENTRY_COLUMNS} FROM live_entries ORDER BY seq"))?
                .query_map([], |r| {
                    Ok(EntryRow {
                        seq: r.get(0)?,
                        article_id: r.get(1)?,
                        id: r.get(2)?,
                        author_name: r.get(3)?,
                        title: r.get(4)?,
                        body: r.get(5)?,
                        format: r.get(6)?,
                        published_at: r.get(7)?,
                        updated_at: r.get(8)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let bodies = conn
                .prepare(&format!("SELECT {BODY_COLUMNS} FROM live_bodies ORDER BY article_id"))?
                .query_map([], |r| {
                    Ok(BodyRow {
                        article_id: r.get(0)?,
                        body: r.get(1)?,
                        format: r.get(2)?,
                        updated_at: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Dump {
                folio_export: FORMAT,
                last_seq,
                comments,
                keys,
                entries,
                bodies,
            })
        })
        .map_err(|err| format!("cannot read {db}: {err}"))
}

/// Writes `dump` into the store `db` names, which must hold no comments; returns how many comments and keys.
pub fn import(db: &str, dump: &Dump) -> Result<(usize, usize), String> {
    if dump.folio_export != FORMAT {
        return Err(format!(
            "export format {} is not {FORMAT}",
            dump.folio_export
        ));
    }
    if pg::is_url(db) {
        let config = pg::parse_url(db)?;
        return pg::block_on(|| import_pg(config, dump))?;
    }
    let sqlite = open_sqlite(db)?;
    sqlite
        .with_conn(|conn| -> Result<(), String> {
            let tx = conn.transaction().map_err(|err| err.to_string())?;
            let existing: i64 = tx
                .query_row("SELECT COUNT(*) FROM comments", [], |r| r.get(0))
                .map_err(|err| err.to_string())?;
            if existing > 0 {
                return Err(format!("{db} already holds {existing} comments"));
            }
            let write = || -> rusqlite::Result<()> {
                for r in &dump.comments {
                    tx.execute(
                        &format!(
                            "INSERT INTO comments ({ROW_COLUMNS}) VALUES \
                             (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
                        ),
                        params![
                            r.seq,
                            r.article_id,
                            r.id,
                            r.parent_id,
                            r.author_name,
                            r.author_email,
                            r.author_url,
                            r.author_avatar,
                            r.body,
                            r.format,
                            r.created_at,
                            r.score,
                            r.deleted,
                            r.article_author,
                            r.held,
                            r.edit_hash
                        ],
                    )?;
                }
                // Held comments count as never listed, as on PostgreSQL (number 0): approving one announces it new.
                tx.execute("UPDATE comments SET listed_once = 0 WHERE held = 1", [])?;
                for k in &dump.keys {
                    tx.execute(
                        &format!("INSERT INTO idempotency ({KEY_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)"),
                        params![k.article_id, k.key, k.comment_seq, k.stored_at, k.fingerprint],
                    )?;
                }
                // AUTOINCREMENT continues above the highest number the old database handed out.
                tx.execute(
                    "UPDATE sqlite_sequence SET seq = MAX(seq, ?1) WHERE name = 'comments'",
                    params![dump.last_seq],
                )?;
                // An explicit `seq` moves `live_entries`' AUTOINCREMENT on by itself.
                for e in &dump.entries {
                    tx.execute(
                        &format!(
                            "INSERT INTO live_entries ({ENTRY_COLUMNS}) VALUES \
                             (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                        ),
                        params![
                            e.seq,
                            e.article_id,
                            e.id,
                            e.author_name,
                            e.title,
                            e.body,
                            e.format,
                            e.published_at,
                            e.updated_at
                        ],
                    )?;
                }
                for b in &dump.bodies {
                    tx.execute(
                        &format!("INSERT INTO live_bodies ({BODY_COLUMNS}) VALUES (?1, ?2, ?3, ?4)"),
                        params![b.article_id, b.body, b.format, b.updated_at],
                    )?;
                }
                Ok(())
            };
            write().map_err(|err| err.to_string())?;
            tx.commit().map_err(|err| err.to_string())
        })
        .map_err(|err| format!("cannot import into {db}: {err}"))?;
    Ok((dump.comments.len(), dump.keys.len()))
}

fn open_sqlite(db: &str) -> Result<Sqlite, String> {
    Sqlite::open(Path::new(db)).map_err(|err| format!("cannot open the database {db}: {err}"))
}

/// Every row `sql` selects (it takes no parameters), each read by `read`.
async fn select_all<T>(
    client: &tokio_postgres::Client,
    sql: &str,
    read: impl Fn(&tokio_postgres::Row) -> Result<T, tokio_postgres::Error>,
) -> Result<Vec<T>, String> {
    let rows = client
        .query(sql, &[])
        .await
        .map_err(|err| err.to_string())?;
    rows.iter()
        .map(read)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| err.to_string())
}

async fn export_pg(config: tokio_postgres::Config) -> Result<Dump, String> {
    let client = pg::connect(&config).await?;
    let sql = format!("SELECT {ROW_COLUMNS} FROM comments ORDER BY seq");
    let comments = select_all(&client, &sql, |r| {
        Ok(Row {
            seq: r.try_get(0)?,
            article_id: r.try_get(1)?,
            id: r.try_get(2)?,
            parent_id: r.try_get(3)?,
            author_name: r.try_get(4)?,
            author_email: r.try_get(5)?,
            author_url: r.try_get(6)?,
            author_avatar: r.try_get(7)?,
            body: r.try_get(8)?,
            format: r.try_get(9)?,
            created_at: r.try_get(10)?,
            score: r.try_get(11)?,
            deleted: r.try_get(12)?,
            article_author: r.try_get(13)?,
            held: r.try_get(14)?,
            edit_hash: r.try_get(15)?,
        })
    })
    .await?;
    let sql = format!("SELECT {KEY_COLUMNS} FROM idempotency ORDER BY comment_seq");
    let keys = select_all(&client, &sql, |r| {
        Ok(Key {
            article_id: r.try_get(0)?,
            key: r.try_get(1)?,
            comment_seq: r.try_get(2)?,
            stored_at: r.try_get(3)?,
            fingerprint: r.try_get(4)?,
        })
    })
    .await?;
    // `last_value` is the last number handed out once `is_called`; before any, nothing was.
    let last_seq: i64 = client
        .query_one(
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM comments_seq_seq",
            &[],
        )
        .await
        .and_then(|r| r.try_get(0))
        .map_err(|err| err.to_string())?;
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM live_entries ORDER BY seq");
    let entries = select_all(&client, &sql, |r| {
        Ok(EntryRow {
            seq: r.try_get(0)?,
            article_id: r.try_get(1)?,
            id: r.try_get(2)?,
            author_name: r.try_get(3)?,
            title: r.try_get(4)?,
            body: r.try_get(5)?,
            format: r.try_get(6)?,
            published_at: r.try_get(7)?,
            updated_at: r.try_get(8)?,
        })
    })
    .await?;
    let sql = format!("SELECT {BODY_COLUMNS} FROM live_bodies ORDER BY article_id");
    let bodies = select_all(&client, &sql, |r| {
        Ok(BodyRow {
            article_id: r.try_get(0)?,
            body: r.try_get(1)?,
            format: r.try_get(2)?,
            updated_at: r.try_get(3)?,
        })
    })
    .await?;
    Ok(Dump {
        folio_export: FORMAT,
        last_seq,
        comments,
        keys,
        entries,
        bodies,
    })
}

async fn import_pg(config: tokio_postgres::Config, dump: &Dump) -> Result<(usize, usize), String> {
    let fail = |err: tokio_postgres::Error| err.to_string();
    let mut client = pg::connect(&config).await?;
    pg::schema::lock(&client).await?;
    pg::schema::migrate_to(&mut client, pg::schema::latest()).await?;
    let tx = client.transaction().await.map_err(fail)?;
    let existing: i64 = tx
        .query_one("SELECT count(*) FROM comments", &[])
        .await
        .and_then(|r| r.try_get(0))
        .map_err(fail)?;
    if existing > 0 {
        return Err(format!("the database already holds {existing} comments"));
    }
    let insert = tx
        .prepare(&format!(
            "INSERT INTO comments ({ROW_COLUMNS}, published) VALUES \
             ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 0)"
        ))
        .await
        .map_err(fail)?;
    for r in &dump.comments {
        tx.execute(
            &insert,
            &[
                &r.seq,
                &r.article_id,
                &r.id,
                &r.parent_id,
                &r.author_name,
                &r.author_email,
                &r.author_url,
                &r.author_avatar,
                &r.body,
                &r.format,
                &r.created_at,
                &r.score,
                &r.deleted,
                &r.article_author,
                &r.held,
                &r.edit_hash,
            ],
        )
        .await
        .map_err(fail)?;
    }
    for k in &dump.keys {
        tx.execute(
            &format!("INSERT INTO idempotency ({KEY_COLUMNS}) VALUES ($1, $2, $3, $4, $5)"),
            &[
                &k.article_id,
                &k.key,
                &k.comment_seq,
                &k.stored_at,
                &k.fingerprint,
            ],
        )
        .await
        .map_err(fail)?;
    }
    let top = dump
        .comments
        .iter()
        .map(|r| r.seq)
        .max()
        .unwrap_or(0)
        .max(dump.last_seq);
    if top > 0 {
        // The next post continues the old numbering.
        tx.execute(
            "SELECT setval(pg_get_serial_sequence('comments', 'seq'), $1)",
            &[&top],
        )
        .await
        .map_err(fail)?;
    }
    for e in &dump.entries {
        tx.execute(
            &format!(
                "INSERT INTO live_entries ({ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            ),
            &[
                &e.seq,
                &e.article_id,
                &e.id,
                &e.author_name,
                &e.title,
                &e.body,
                &e.format,
                &e.published_at,
                &e.updated_at,
            ],
        )
        .await
        .map_err(fail)?;
    }
    if let Some(top) = dump.entries.iter().map(|e| e.seq).max() {
        // The next entry continues the old numbering.
        tx.execute(
            "SELECT setval(pg_get_serial_sequence('live_entries', 'seq'), $1)",
            &[&top],
        )
        .await
        .map_err(fail)?;
    }
    for b in &dump.bodies {
        tx.execute(
            &format!("INSERT INTO live_bodies ({BODY_COLUMNS}) VALUES ($1, $2, $3, $4)"),
            &[&b.article_id, &b.body, &b.format, &b.updated_at],
        )
        .await
        .map_err(fail)?;
    }
    tx.commit().await.map_err(fail)?;
    Ok((dump.comments.len(), dump.keys.len()))
}
