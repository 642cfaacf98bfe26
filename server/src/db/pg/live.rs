//! A live article's entries and body correction on PostgreSQL (the SQLite side: `db::live`). Each change is
//! announced on [`CHANNEL`] in its own transaction (kinds `entry`, `entry-changed`, `body`, numbered from the
//! `publications` sequence like comments), so the other instances' article streams hear of it once committed.

use tokio_postgres::{GenericClient, Row};

use super::{fail, Pg, CHANNEL};
use crate::db::DbError;
use crate::input::live::EntryEdit;
use crate::model::{Author, Correction, Entry, NewEntry};
use crate::timefmt::format_rfc3339;

/// The columns [`entry`] reads, in order.
pub const ENTRY_COLUMNS: &str = "id, author_name, title, body, format, published_at, updated_at";

/// An entry from a row of [`ENTRY_COLUMNS`].
pub fn entry(row: &Row) -> Result<Entry, tokio_postgres::Error> {
    Ok(Entry {
        id: row.try_get(0)?,
        author: Author {
            name: row.try_get(1)?,
            url: None,
            avatar: None,
        },
        title: row.try_get(2)?,
        body: row.try_get(3)?,
        body_format: row.try_get(4)?,
        published: format_rfc3339(row.try_get(5)?),
        updated: row.try_get::<_, Option<i64>>(6)?.map(format_rfc3339),
    })
}

/// Entry `id` of `article`, if stored.
pub async fn entry_by_id(
    client: &impl GenericClient,
    article: &str,
    id: &str,
) -> Result<Option<Entry>, tokio_postgres::Error> {
    let row = client
        .query_opt(
            &format!("SELECT {ENTRY_COLUMNS} FROM live_entries WHERE article_id = $1 AND id = $2"),
            &[&article, &id],
        )
        .await?;
    row.as_ref().map(entry).transpose()
}

/// The corrected body of `article`, if it was corrected.
pub async fn correction_of(
    client: &impl GenericClient,
    article: &str,
) -> Result<Option<Correction>, tokio_postgres::Error> {
    let row = client
        .query_opt(
            "SELECT body, format, updated_at FROM live_bodies WHERE article_id = $1",
            &[&article],
        )
        .await?;
    row.map(|r| {
        Ok(Correction {
            body: r.try_get(0)?,
            body_format: r.try_get(1)?,
            updated: format_rfc3339(r.try_get(2)?),
        })
    })
    .transpose()
}

impl Pg {
    /// See [`crate::db::Db::entries`].
    pub async fn entries(&self, article: &str) -> Result<Vec<Entry>, DbError> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!(
                    "SELECT {ENTRY_COLUMNS} FROM live_entries WHERE article_id = $1 \
                     ORDER BY published_at DESC, seq DESC"
                ),
                &[&article],
            )
            .await
            .map_err(fail)?;
        rows.iter()
            .map(entry)
            .collect::<Result<_, _>>()
            .map_err(fail)
    }

    /// See [`crate::db::Db::correction`].
    pub async fn correction(&self, article: &str) -> Result<Option<Correction>, DbError> {
        let client = self.client().await?;
        correction_of(&**client, article).await.map_err(fail)
    }

    /// See [`crate::db::Db::add_entry`]: ids `e<n>` from the entries' own sequence, so two instances never clash.
    pub async fn add_entry(&self, article: &str, new: &NewEntry) -> Result<Option<Entry>, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let seq: i64 = tx
            .query_one(
                "SELECT nextval(pg_get_serial_sequence('live_entries', 'seq'))",
                &[],
            )
            .await
            .and_then(|r| r.try_get(0))
            .map_err(fail)?;
        let id = new.id.clone().unwrap_or_else(|| format!("e{seq}"));
        let row = tx
            .query_opt(
                &format!(
                    "INSERT INTO live_entries \
                     (seq, article_id, id, author_name, title, body, format, published_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                     ON CONFLICT (article_id, id) DO NOTHING RETURNING {ENTRY_COLUMNS}"
                ),
                &[
                    &seq,
                    &article,
                    &id,
                    &new.author,
                    &new.title,
                    &new.body,
                    &new.format,
                    &new.published_at,
                ],
            )
            .await
            .map_err(fail)?;
        let Some(row) = row else { return Ok(None) };
        let stored = entry(&row).map_err(fail)?;
        self.announce_live(&*tx, article, &stored.id, "entry")
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(Some(stored))
    }

    /// See [`crate::db::Db::edit_entry`].
    pub async fn edit_entry(
        &self,
        article: &str,
        id: &str,
        (body, format, title): &EntryEdit,
        now: i64,
    ) -> Result<Option<Entry>, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let (set_title, title) = match title {
            Some(t) => (true, t.clone()),
            None => (false, None),
        };
        let row = tx
            .query_opt(
                &format!(
                    "UPDATE live_entries SET body = $3, format = $4, updated_at = $5, \
                     title = CASE WHEN $6 THEN $7 ELSE title END \
                     WHERE article_id = $1 AND id = $2 RETURNING {ENTRY_COLUMNS}"
                ),
                &[&article, &id, body, format, &now, &set_title, &title],
            )
            .await
            .map_err(fail)?;
        let Some(row) = row else { return Ok(None) };
        let stored = entry(&row).map_err(fail)?;
        self.announce_live(&*tx, article, id, "entry-changed")
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(Some(stored))
    }

    /// See [`crate::db::Db::correct_body`].
    pub async fn correct_body(
        &self,
        article: &str,
        (body, format): &(String, String),
        now: i64,
    ) -> Result<Correction, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        tx.execute(
            "INSERT INTO live_bodies (article_id, body, format, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (article_id) DO UPDATE SET body = $2, format = $3, updated_at = $4",
            &[&article, body, format, &now],
        )
        .await
        .map_err(fail)?;
        self.announce_live(&*tx, article, "", "body")
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(Correction {
            body: body.clone(),
            body_format: format.clone(),
            updated: format_rfc3339(now),
        })
    }

    /// Tells the other instances, in the caller's transaction, what happened to live `article` (`kind`: `entry`,
    /// `entry-changed` or `body`; `id` the entry's), under a number of the publications sequence.
    async fn announce_live(
        &self,
        client: &impl GenericClient,
        article: &str,
        id: &str,
        kind: &str,
    ) -> Result<(), tokio_postgres::Error> {
        let payload = serde_json::json!({
            "i": &*self.instance, "a": article, "c": id, "k": kind,
        })
        .to_string();
        client
            .execute(
                "SELECT pg_notify($1, jsonb_set($2::text::jsonb, '{v}', to_jsonb(nextval('publications')))::text)",
                &[&CHANNEL, &payload],
            )
            .await
            .map(drop)
    }
}
