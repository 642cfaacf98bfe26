//! Reading, seeding, editing, deleting and moderating comments on PostgreSQL (the SQLite side: `db::comments`,
//! `db::moderation`).

use tokio_postgres::{GenericClient, Row};

use super::{fail, Pg};
use crate::db::{DbError, NewRow, Ownership};
use crate::live::Kind;
use crate::model::{Author, Comment};
use crate::timefmt::format_rfc3339;

/// The columns [`comment`] reads, in its order.
pub(super) const COLUMNS: &str =
    "id, parent_id, author_name, author_url, author_avatar, body, format, created_at, score, \
                       deleted, article_author";

impl Pg {
    /// See [`crate::db::Db::list`].
    pub async fn list(&self, article: &str) -> Result<Vec<Comment>, DbError> {
        let client = self.client().await?;
        list(&**client, article).await.map_err(fail)
    }

    /// See [`crate::db::Db::ownership`].
    pub async fn ownership(&self, article: &str, id: &str) -> Result<Option<Ownership>, DbError> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT edit_hash, created_at, deleted FROM comments WHERE article_id = $1 AND id = $2",
                &[&article, &id],
            )
            .await
            .map_err(fail)?;
        row.map(|r| {
            Ok(Ownership {
                edit_hash: r.try_get(0)?,
                created_at: r.try_get(1)?,
                deleted: r.try_get(2)?,
            })
        })
        .transpose()
        .map_err(|err: tokio_postgres::Error| fail(err))
    }

    /// See [`crate::db::Db::update_body`]. A listed comment that stays listed gets a change number and is announced in
    /// the same transaction.
    pub async fn update_body(
        &self,
        article: &str,
        id: &str,
        edit: &(String, String),
        hold: bool,
    ) -> Result<Option<(Comment, bool)>, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let row = tx
            .query_opt(
                &format!(
                    "UPDATE comments SET body = $3, format = $4, held = (held OR $5), \
                     changed = CASE WHEN held OR $5 THEN changed ELSE nextval('publications') END, \
                     changed_by = CASE WHEN held OR $5 THEN changed_by ELSE $6 END \
                     WHERE article_id = $1 AND id = $2 AND deleted = FALSE RETURNING {COLUMNS}, held, changed"
                ),
                &[&article, &id, &edit.0, &edit.1, &hold, &&*self.instance],
            )
            .await
            .map_err(fail)?;
        match row {
            Some(r) => {
                let stored = comment(&r).map_err(fail)?;
                let held: bool = r.try_get(11).map_err(fail)?;
                if !held {
                    let number: i64 = r.try_get(12).map_err(fail)?;
                    self.announce(&*tx, (article, &stored.id), number, Kind::Changed)
                        .await
                        .map_err(fail)?;
                }
                tx.commit().await.map_err(fail)?;
                Ok(Some((stored, held)))
            }
            // Deleted (or missing): answer the comment as it is, as the SQLite store does.
            None => {
                let found = comment_by_id(&*tx, article, id).await.map_err(fail)?;
                Ok(found.map(|c| (c, false)))
            }
        }
    }

    /// See [`crate::db::Db::mark_deleted`]; a listed comment's placeholder is announced like an edit.
    pub async fn mark_deleted(&self, article: &str, id: &str) -> Result<Option<Comment>, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let row = tx
            .query_opt(
                &format!(
                    "UPDATE comments SET deleted = TRUE, body = '', author_email = NULL, author_url = NULL, \
                     author_avatar = NULL, edit_hash = NULL, \
                     changed = CASE WHEN held THEN changed ELSE nextval('publications') END, \
                     changed_by = CASE WHEN held THEN changed_by ELSE $3 END \
                     WHERE article_id = $1 AND id = $2 RETURNING {COLUMNS}, held, changed"
                ),
                &[&article, &id, &&*self.instance],
            )
            .await
            .map_err(fail)?;
        let Some(r) = row else {
            return Ok(None);
        };
        let placeholder = comment(&r).map_err(fail)?;
        let held: bool = r.try_get(11).map_err(fail)?;
        if !held {
            let number: i64 = r.try_get(12).map_err(fail)?;
            self.announce(&*tx, (article, &placeholder.id), number, Kind::Changed)
                .await
                .map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        Ok((!held).then_some(placeholder))
    }

    /// See [`crate::db::Db::held`].
    pub async fn held(&self) -> Result<Vec<(String, Comment)>, DbError> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!(
                    "SELECT {COLUMNS}, article_id FROM comments WHERE held = TRUE \
                     ORDER BY created_at NULLS FIRST, seq"
                ),
                &[],
            )
            .await
            .map_err(fail)?;
        rows.iter()
            .map(|r| Ok((r.try_get(11)?, comment(r)?)))
            .collect::<Result<_, tokio_postgres::Error>>()
            .map_err(fail)
    }

    /// See [`crate::db::Db::approve`]: published and announced in one transaction. A comment listed before (an edit held
    /// for review) keeps its publication number and gets a change number: it is announced as changed.
    pub async fn approve(
        &self,
        article: &str,
        id: &str,
    ) -> Result<Option<(Comment, bool)>, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let before = tx
            .query_opt(
                "SELECT published FROM comments WHERE article_id = $1 AND id = $2 AND held = TRUE FOR UPDATE",
                &[&article, &id],
            )
            .await
            .map_err(fail)?;
        let Some(before) = before else {
            return Ok(None);
        };
        // Seeds and imported rows carry number 0: a held one was never announced.
        let listed_before = before
            .try_get::<_, Option<i64>>(0)
            .map_err(fail)?
            .is_some_and(|n| n > 0);
        let (set, kind) = if listed_before {
            (
                "changed = nextval('publications'), changed_by = $3",
                Kind::Changed,
            )
        } else {
            (
                "published = nextval('publications'), published_by = $3",
                Kind::New,
            )
        };
        let column = if listed_before {
            "changed"
        } else {
            "published"
        };
        let row = tx
            .query_one(
                &format!(
                    "UPDATE comments SET held = FALSE, {set} \
                     WHERE article_id = $1 AND id = $2 RETURNING {COLUMNS}, {column}"
                ),
                &[&article, &id, &&*self.instance],
            )
            .await
            .map_err(fail)?;
        let stored = comment(&row).map_err(fail)?;
        let number: i64 = row.try_get(11).map_err(fail)?;
        self.announce(&*tx, (article, &stored.id), number, kind)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(Some((stored, listed_before)))
    }

    /// See [`crate::db::Db::reject`].
    pub async fn reject(&self, article: &str, id: &str) -> Result<bool, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        tx.execute(
            "DELETE FROM idempotency WHERE comment_seq IN \
             (SELECT seq FROM comments WHERE article_id = $1 AND id = $2 AND held = TRUE)",
            &[&article, &id],
        )
        .await
        .map_err(fail)?;
        let n = tx
            .execute(
                "DELETE FROM comments WHERE article_id = $1 AND id = $2 AND held = TRUE",
                &[&article, &id],
            )
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(n > 0)
    }
}

/// All published comments of an article, by date (undated seeds first, as SQLite sorts NULL) then insertion order.
pub async fn list(
    client: &impl GenericClient,
    article: &str,
) -> Result<Vec<Comment>, tokio_postgres::Error> {
    let rows = client
        .query(
            &format!(
                "SELECT {COLUMNS} FROM comments WHERE article_id = $1 AND held = FALSE \
                 ORDER BY created_at NULLS FIRST, seq"
            ),
            &[&article],
        )
        .await?;
    rows.iter().map(comment).collect()
}

/// Comment `id` of `article` as the list shows it, if it is stored.
pub async fn comment_by_id(
    client: &impl GenericClient,
    article: &str,
    id: &str,
) -> Result<Option<Comment>, tokio_postgres::Error> {
    let row = client
        .query_opt(
            &format!("SELECT {COLUMNS} FROM comments WHERE article_id = $1 AND id = $2"),
            &[&article, &id],
        )
        .await?;
    row.as_ref().map(comment).transpose()
}

/// Stores seed comments, keeping any already stored with the same id; returns how many were new. `INSERT … SELECT
/// … WHERE NOT EXISTS` rather than `ON CONFLICT`, which would spend a number of the sequence on every seed already
/// there and so change the ids of later posts.
pub async fn insert_seeds(
    client: &mut tokio_postgres::Client,
    article: &str,
    rows: &[NewRow],
) -> Result<usize, tokio_postgres::Error> {
    let tx = client.transaction().await?;
    let mut added = 0;
    for row in rows {
        added += tx
            .execute(
                "INSERT INTO comments (article_id, id, parent_id, author_name, author_email, author_url, \
                 author_avatar, body, format, created_at, score, deleted, article_author, published) \
                 SELECT $1::TEXT, $2::TEXT, $3::TEXT, $4::TEXT, $5::TEXT, $6::TEXT, $7::TEXT, $8::TEXT, \
                 $9::TEXT, $10::BIGINT, $11::BIGINT, $12::BOOLEAN, $13::BOOLEAN, 0 \
                 WHERE NOT EXISTS (SELECT 1 FROM comments WHERE article_id = $1 AND id = $2)",
                &[
                    &article,
                    &row.id,
                    &row.parent,
                    &row.author_name,
                    &row.author_email,
                    &row.author_url,
                    &row.author_avatar,
                    &row.body,
                    &row.format,
                    &row.created_at,
                    &row.score,
                    &row.deleted,
                    &row.article_author,
                ],
            )
            .await?;
    }
    tx.commit().await?;
    Ok(usize::try_from(added).unwrap_or(usize::MAX))
}

/// Reads the `COLUMNS` of a row.
pub fn comment(row: &Row) -> Result<Comment, tokio_postgres::Error> {
    Ok(Comment {
        id: row.try_get(0)?,
        parent: row.try_get(1)?,
        author: Author {
            name: row.try_get(2)?,
            url: row.try_get(3)?,
            avatar: row.try_get(4)?,
        },
        body: row.try_get(5)?,
        format: row.try_get(6)?,
        date: row.try_get::<_, Option<i64>>(7)?.map(format_rfc3339),
        score: row.try_get(8)?,
        deleted: row.try_get(9)?,
        article_author: row.try_get(10)?,
    })
}
