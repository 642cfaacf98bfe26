//! Storing a posted comment on PostgreSQL in one transaction under the article's advisory lock, announcing what
//! becomes visible, and the decoy's id (the SQLite side: `db::posting`, `db::decoy`).

use tokio_postgres::GenericClient;

use super::{comment, fail, Pg, CHANNEL, COLUMNS};
use crate::db::idempotency::fingerprint;
use crate::db::{DbError, Post, PostOutcome};
use crate::live::Kind;
use crate::timefmt::now_millis;

/// The advisory lock namespace of posts (the first key of the two-key form; the second is the article's hash).
const POST_LOCK: i32 = 1;

impl Pg {
    /// See [`crate::db::Db::insert_post`]. The article's advisory lock makes the key lookup, the parent check, the id
    /// and the insert one step for every instance; the commit (synchronous on PostgreSQL's default settings) comes
    /// before the answer.
    pub async fn insert_post(&self, article: &str, post: Post) -> Result<PostOutcome, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let outcome = self.post_in(&tx, article, post).await.map_err(fail)?;
        if matches!(outcome, PostOutcome::Stored(..)) {
            tx.commit().await.map_err(fail)?;
        }
        // Anything else wrote nothing; dropping the transaction rolls it back.
        Ok(outcome)
    }

    async fn post_in(
        &self,
        tx: &tokio_postgres::Transaction<'_>,
        article: &str,
        post: Post,
    ) -> Result<PostOutcome, tokio_postgres::Error> {
        tx.execute(
            "SELECT pg_advisory_xact_lock($1, hashtext($2))",
            &[&POST_LOCK, &article],
        )
        .await?;
        let Post {
            mut row,
            key,
            key_window_ms,
            held,
            edit_hash,
        } = post;
        // Stamped under the lock, so posting order and date order agree (on one clock).
        let now = now_millis();
        row.created_at = Some(now);
        let print = fingerprint(article, &row);
        if let Some(key) = &key {
            let earlier = tx
                .query_opt(
                    &format!(
                        "SELECT {COLUMNS}, held, fingerprint FROM comments \
                         JOIN idempotency ON comment_seq = seq \
                         WHERE idempotency.article_id = $1 AND key = $2 AND stored_at >= $3"
                    ),
                    &[&article, key, &now.saturating_sub(key_window_ms)],
                )
                .await?;
            if let Some(r) = earlier {
                let stored: Option<String> = r.try_get(12)?;
                return Ok(if stored.as_deref() == Some(print.as_str()) {
                    PostOutcome::Replayed(Box::new(comment(&r)?), r.try_get(11)?)
                } else {
                    PostOutcome::KeyReused
                });
            }
            // Expired, or its comment rejected: the key is free again.
            tx.execute(
                "DELETE FROM idempotency WHERE article_id = $1 AND key = $2",
                &[&article, key],
            )
            .await?;
        }
        if let Some(parent) = &row.parent {
            let found = tx
                .query_opt(
                    "SELECT 1 FROM comments WHERE article_id = $1 AND id = $2 AND held = FALSE",
                    &[&article, parent],
                )
                .await?;
            if found.is_none() {
                return Ok(PostOutcome::UnknownParent);
            }
        }
        let (seq, id) = next_post_id(tx, article).await?;
        let stored = tx
            .query_one(
                &format!(
                    "INSERT INTO comments (seq, article_id, id, parent_id, author_name, author_email, author_url, \
                     author_avatar, body, format, created_at, score, deleted, article_author, held, edit_hash, \
                     published, published_by) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
                     CASE WHEN $15 THEN NULL ELSE nextval('publications') END, $17) \
                     RETURNING {COLUMNS}, published"
                ),
                &[
                    &seq,
                    &article,
                    &id,
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
                    &held,
                    &edit_hash,
                    &&*self.instance,
                ],
            )
            .await?;
        if let Some(key) = &key {
            tx.execute(
                "INSERT INTO idempotency (article_id, key, comment_seq, stored_at, fingerprint) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[&article, key, &seq, &now, &print],
            )
            .await?;
        }
        let published: Option<i64> = stored.try_get(11)?;
        if let Some(published) = published {
            self.announce(tx, (article, &id), published, Kind::New)
                .await?;
        }
        Ok(PostOutcome::Stored(Box::new(comment(&stored)?)))
    }

    /// Tells the other instances (in the caller's transaction, so only once committed) that comment `id` of
    /// `article` is published (`Kind::New`) or changed (`Kind::Changed`, field `k`) under `number` (a publication or
    /// change number, both from one sequence).
    pub(super) async fn announce(
        &self,
        client: &impl GenericClient,
        (article, id): (&str, &str),
        number: i64,
        kind: Kind,
    ) -> Result<(), tokio_postgres::Error> {
        let mut payload = serde_json::json!({
            "i": &*self.instance,
            "a": article,
            "c": id,
            "v": number,
        });
        if kind == Kind::Changed {
            payload["k"] = "changed".into();
        }
        let payload = payload.to_string();
        client
            .execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &payload])
            .await
            .map(drop)
    }

    /// See [`crate::db::Db::decoy_id`]: the next number of the sequence, gone for real posts too.
    pub async fn decoy_id(
        &self,
        article: &str,
        parent: Option<&str>,
    ) -> Result<Option<(String, i64)>, DbError> {
        let client = self.client().await?;
        if let Some(parent) = parent {
            let found = client
                .query_opt(
                    "SELECT 1 FROM comments WHERE article_id = $1 AND id = $2 AND held = FALSE",
                    &[&article, &parent],
                )
                .await
                .map_err(fail)?;
            if found.is_none() {
                return Ok(None);
            }
        }
        let (_, id) = next_post_id(&**client, article).await.map_err(fail)?;
        Ok(Some((id, now_millis())))
    }
}

/// The number and id of the next post: the next value of the comments' sequence, stepping over a seed that
/// happens to use the same `p<n>` id.
async fn next_post_id(
    client: &impl GenericClient,
    article: &str,
) -> Result<(i64, String), tokio_postgres::Error> {
    loop {
        let number: i64 = client
            .query_one(
                "SELECT nextval(pg_get_serial_sequence('comments', 'seq'))",
                &[],
            )
            .await?
            .try_get(0)?;
        let id = format!("p{number}");
        let taken = client
            .query_opt(
                "SELECT 1 FROM comments WHERE article_id = $1 AND id = $2",
                &[&article, &id],
            )
            .await?;
        if taken.is_none() {
            return Ok((number, id));
        }
    }
}
