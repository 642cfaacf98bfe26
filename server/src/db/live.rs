//! A live article's entries and its body correction, on SQLite (the tables of schema version 5). Entries are
//! listed newest first; an entry published here gets the id `e<seq>`.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::input::live::EntryEdit;
use crate::model::{Author, Correction, Entry, NewEntry};
use crate::timefmt::format_rfc3339;

/// The columns [`entry_from_row`] reads, in order.
pub(super) const ENTRY_COLUMNS: &str =
    "id, author_name, title, body, format, published_at, updated_at";

/// An entry from a row of [`ENTRY_COLUMNS`].
fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: row.get(0)?,
        author: Author {
            name: row.get(1)?,
            url: None,
            avatar: None,
        },
        title: row.get(2)?,
        body: row.get(3)?,
        body_format: row.get(4)?,
        published: format_rfc3339(row.get(5)?),
        updated: row.get::<_, Option<i64>>(6)?.map(format_rfc3339),
    })
}

/// The entries stored for `article`, newest first.
pub fn entries(conn: &Connection, article: &str) -> rusqlite::Result<Vec<Entry>> {
    conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM live_entries WHERE article_id = ?1 \
         ORDER BY published_at DESC, seq DESC"
    ))?
    .query_map([article], entry_from_row)?
    .collect()
}

fn entry_by_id(conn: &Connection, article: &str, id: &str) -> rusqlite::Result<Option<Entry>> {
    conn.query_row(
        &format!("SELECT {ENTRY_COLUMNS} FROM live_entries WHERE article_id = ?1 AND id = ?2"),
        [article, id],
        entry_from_row,
    )
    .optional()
}

/// Stores a new entry (under its own id, or `e<n>` with the next number); `None` when an entry with its id exists
/// already. One connection under a lock: picking the number and inserting cannot interleave with another post.
pub fn add_entry(
    conn: &Connection,
    article: &str,
    new: &NewEntry,
) -> rusqlite::Result<Option<Entry>> {
    let id = match &new.id {
        Some(id) => id.clone(),
        None => {
            let next: i64 = conn.query_row(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM live_entries",
                [],
                |r| r.get(0),
            )?;
            format!("e{next}")
        }
    };
    let inserted = conn.execute(
        "INSERT OR IGNORE INTO live_entries (article_id, id, author_name, title, body, format, published_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![article, id, new.author, new.title, new.body, new.format, new.published_at],
    )?;
    if inserted == 0 {
        return Ok(None);
    }
    entry_by_id(conn, article, &id)
}

/// Replaces an entry's text (and title, when the edit names one), stamping `updated` with `now`; `None` when the
/// article has no entry `id` stored.
pub fn edit_entry(
    conn: &Connection,
    article: &str,
    id: &str,
    (body, format, title): &EntryEdit,
    now: i64,
) -> rusqlite::Result<Option<Entry>> {
    let changed = match title {
        Some(title) => conn.execute(
            "UPDATE live_entries SET body = ?3, format = ?4, title = ?5, updated_at = ?6 \
             WHERE article_id = ?1 AND id = ?2",
            params![article, id, body, format, title, now],
        )?,
        None => conn.execute(
            "UPDATE live_entries SET body = ?3, format = ?4, updated_at = ?5 \
             WHERE article_id = ?1 AND id = ?2",
            params![article, id, body, format, now],
        )?,
    };
    if changed == 0 {
        return Ok(None);
    }
    entry_by_id(conn, article, id)
}

/// Stores `body` as the article's corrected body, replacing an earlier correction.
pub fn correct_body(
    conn: &Connection,
    article: &str,
    (body, format): &(String, String),
    now: i64,
) -> rusqlite::Result<Correction> {
    conn.execute(
        "INSERT INTO live_bodies (article_id, body, format, updated_at) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (article_id) DO UPDATE SET body = ?2, format = ?3, updated_at = ?4",
        params![article, body, format, now],
    )?;
    Ok(Correction {
        body: body.clone(),
        body_format: format.clone(),
        updated: format_rfc3339(now),
    })
}

/// The article's corrected body, if it was corrected.
pub fn correction(conn: &Connection, article: &str) -> rusqlite::Result<Option<Correction>> {
    conn.query_row(
        "SELECT body, format, updated_at FROM live_bodies WHERE article_id = ?1",
        [article],
        |r| {
            Ok(Correction {
                body: r.get(0)?,
                body_format: r.get(1)?,
                updated: format_rfc3339(r.get(2)?),
            })
        },
    )
    .optional()
}
