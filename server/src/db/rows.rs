//! The row written for a new comment, and reading stored rows back as the API's [`Comment`].

use rusqlite::{params, CachedStatement, Connection, OptionalExtension, Row};

use crate::model::{Author, Comment};
use crate::timefmt::format_rfc3339;

/// The columns [`comment_from_row`] reads, in its order; queries may select more after them.
pub(super) const COLUMNS: &str =
    "id, parent_id, author_name, author_url, author_avatar, body, format, \
                                  created_at, score, deleted, article_author";

/// Inserts one comment row (see [`insert_with`]); seeds add `OR IGNORE` in front of `INTO`.
pub(super) const INSERT_INTO: &str =
    "INTO comments (article_id, id, parent_id, author_name, author_email, \
     author_url, author_avatar, body, format, created_at, score, deleted, article_author) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

/// A comment about to be stored, from a seed file or a POST.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewRow {
    /// The comment id; for posts it is chosen by [`insert_post`](super::insert_post) and this is ignored.
    pub id: String,
    /// The answered comment, if any.
    pub parent: Option<String>,
    /// Display name.
    pub author_name: String,
    /// Kept, never shown.
    pub author_email: Option<String>,
    /// Author link.
    pub author_url: Option<String>,
    /// Author picture.
    pub author_avatar: Option<String>,
    /// Comment text.
    pub body: String,
    /// `markdown`, `html` or `text`.
    pub format: String,
    /// Unix milliseconds.
    pub created_at: Option<i64>,
    /// Votes.
    pub score: Option<i64>,
    /// Placeholder for a removed comment.
    pub deleted: bool,
    /// Written by the article's author.
    pub article_author: bool,
}

/// Runs an [`INSERT_INTO`] statement for `row` under `id`; returns the number of rows written (0 or 1).
pub(super) fn insert_with(
    stmt: &mut CachedStatement<'_>,
    article: &str,
    id: &str,
    row: &NewRow,
) -> rusqlite::Result<usize> {
    stmt.execute(params![
        article,
        id,
        row.parent,
        row.author_name,
        row.author_email,
        row.author_url,
        row.author_avatar,
        row.body,
        row.format,
        row.created_at,
        row.score,
        row.deleted,
        row.article_author,
    ])
}

/// Whether comment `id` is stored for `article` (held, deleted or not).
pub(super) fn exists(conn: &Connection, article: &str, id: &str) -> rusqlite::Result<bool> {
    any_row(
        conn,
        "SELECT 1 FROM comments WHERE article_id = ?1 AND id = ?2",
        params![article, id],
    )
}

/// Whether comment `id` of `article` is published (listed): only those can be answered, so a reply cannot reveal
/// or attach itself to a comment a moderator has not approved.
pub(super) fn published(conn: &Connection, article: &str, id: &str) -> rusqlite::Result<bool> {
    any_row(
        conn,
        "SELECT 1 FROM comments WHERE article_id = ?1 AND id = ?2 AND held = 0",
        params![article, id],
    )
}

/// Whether `sql` finds a row.
pub(super) fn any_row(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<bool> {
    conn.query_row(sql, params, |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

/// Comment `id` of `article` as the list shows it, if it is stored.
pub(super) fn comment_by_id(
    conn: &Connection,
    article: &str,
    id: &str,
) -> rusqlite::Result<Option<Comment>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM comments WHERE article_id = ?1 AND id = ?2"),
        params![article, id],
        comment_from_row,
    )
    .optional()
}

/// Reads the [`COLUMNS`] of a row.
pub(super) fn comment_from_row(row: &Row<'_>) -> rusqlite::Result<Comment> {
    Ok(Comment {
        id: row.get(0)?,
        parent: row.get(1)?,
        author: Author {
            name: row.get(2)?,
            url: row.get(3)?,
            avatar: row.get(4)?,
        },
        body: row.get(5)?,
        format: row.get(6)?,
        date: row.get::<_, Option<i64>>(7)?.map(format_rfc3339),
        score: row.get(8)?,
        deleted: row.get(9)?,
        article_author: row.get(10)?,
    })
}
