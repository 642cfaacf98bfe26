//! Live updates across instances: one connection per instance `LISTEN`s on [`CHANNEL`], where every instance
//! announces the comments it publishes and the listed comments it changes (edits, deletes, approved edits; field
//! `k` is `"changed"`), in the same transaction, so only committed ones. An announcement from another instance is
//! read back from the database (a notification's payload is too small for a 5000-character comment) and handed to
//! the local hub as what it is: a new comment or a change.
//!
//! When the connection drops (the database restarted, the network failed), the listener reconnects with a growing
//! pause and then catches up: every comment another instance published above the last publication number it saw
//! (less a margin, since numbers are taken before commits, which may land out of order) is relayed in order, so
//! nothing announced during the gap is lost (a comment changed during the gap is relayed once, as it is now: new if
//! its publication was missed too, else changed). No comment is relayed twice: the listener remembers the publication
//! and change numbers (one sequence) it relayed recently, and skips its own instance's (already published locally
//! by the handler). A live article's updates (entries, body corrections) are announced and relayed the same way.

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use futures_util::stream::{poll_fn, StreamExt};
use serde::Deserialize;
use tokio::sync::mpsc;
use tokio_postgres::AsyncMessage;

use super::live::{correction_of, entry_by_id};
use super::{comment, Pg, CHANNEL, COLUMNS};
use crate::live::{ArticleEvent, Kind};
use crate::model::Comment;

/// The highest publication or change number in the database.
pub const HIGHEST: &str =
    "SELECT GREATEST(COALESCE(max(published), 0), COALESCE(max(changed), 0)) FROM comments";

/// The pause before the first reconnection attempt.
const FIRST_PAUSE: Duration = Duration::from_millis(200);
/// The longest pause between two connection attempts.
const MAX_PAUSE: Duration = Duration::from_secs(5);

/// How far below the last publication number seen a catch-up looks, for commits that landed out of order.
const LOOKBACK: i64 = 1000;
/// How many relayed publication numbers are remembered (more than a catch-up can return).
const REMEMBERED: usize = 4 * LOOKBACK as usize;

/// The publication numbers relayed recently, and the highest seen.
#[derive(Default)]
struct Seen {
    order: VecDeque<i64>,
    set: HashSet<i64>,
    highest: Option<i64>,
}

impl Seen {
    /// Records `v`; false when it was already recorded (a duplicate).
    fn first_time(&mut self, v: i64) -> bool {
        self.highest = Some(self.highest.map_or(v, |h| h.max(v)));
        if !self.set.insert(v) {
            return false;
        }
        self.order.push_back(v);
        if self.order.len() > REMEMBERED {
            if let Some(old) = self.order.pop_front() {
                self.set.remove(&old);
            }
        }
        true
    }
}

/// One announcement, as [`Pg::announce`] writes it.
#[derive(Deserialize)]
struct Announcement {
    /// The announcing instance.
    i: String,
    /// The article.
    a: String,
    /// The comment id.
    c: String,
    /// The publication or change number.
    v: i64,
    /// `"changed"` for a change; absent for a new comment.
    #[serde(default)]
    k: Option<String>,
}

/// What the listener hands on: a comment published or changed (article, kind, comment), or a live article's
/// update (its entries and body, kinds `entry`, `entry-changed` and `body`; relayed as they come, not caught up
/// on after a reconnection: a reader's next poll or reload shows them).
pub enum Relayed {
    /// A comment.
    Comment(String, Kind, Comment),
    /// A live article's update.
    Article(String, ArticleEvent),
}

/// Listens for as long as the server runs, handing every comment published or changed, and every live article
/// update, by another instance to `publish`. Never returns; failures are logged and retried.
pub async fn run(pg: Pg, publish: impl Fn(Relayed) + Send + 'static) {
    let mut seen = Seen {
        highest: pg.start_mark(),
        ..Seen::default()
    };
    // The first catch-up starts exactly at the startup mark: looking further back would replay to new streams
    // comments that were already in the lists when this instance started.
    let mut lookback = 0;
    let mut pause = FIRST_PAUSE;
    loop {
        let mut listened = false;
        match listen_once(&pg, &publish, &mut seen, (lookback, &mut listened)).await {
            Ok(()) => {
                tracing::warn!("the PostgreSQL listener's connection closed; reconnecting")
            }
            Err(err) => tracing::warn!("PostgreSQL listener: {err}; reconnecting"),
        }
        // A connection that worked starts the pauses afresh; repeated failures wait longer each time.
        if listened {
            pause = FIRST_PAUSE;
            lookback = LOOKBACK;
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(MAX_PAUSE);
    }
}

/// One connection's life: `LISTEN`, catch up on what other instances published since the last number seen (on the
/// first connection: since this instance's startup, less `lookback` after a reconnection), then relay notifications
/// until the connection ends.
async fn listen_once(
    pg: &Pg,
    publish: &impl Fn(Relayed),
    seen: &mut Seen,
    (lookback, listened): (i64, &mut bool),
) -> Result<(), String> {
    let (client, mut connection) = pg
        .config()
        .connect(tokio_postgres::NoTls)
        .await
        .map_err(|err| format!("cannot connect: {err}"))?;
    // The connection object must be polled for notifications; a task forwards them.
    let (tx, mut rx) = mpsc::unbounded_channel();
    let driver = tokio::spawn(async move {
        let mut messages = poll_fn(move |cx| connection.poll_message(cx));
        while let Some(message) = messages.next().await {
            match message {
                Ok(AsyncMessage::Notification(n)) => {
                    if tx.send(n.payload().to_owned()).is_err() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    tracing::warn!("PostgreSQL listener connection: {err}");
                    break;
                }
            }
        }
    });
    let result = async {
        client
            .batch_execute(&format!("LISTEN {CHANNEL}"))
            .await
            .map_err(|err| format!("LISTEN failed: {err}"))?;
        *listened = true;
        match seen.highest {
            None => {
                // No startup mark (not started through `app::build`): start from now.
                let row = client
                    .query_one(HIGHEST, &[])
                    .await
                    .map_err(|err| err.to_string())?;
                seen.highest = Some(row.try_get(0).map_err(|err| err.to_string())?);
            }
            Some(since) => {
                // Seeds and imported rows carry number 0 and no publisher: never relayed.
                let from = (since - lookback).max(0);
                let rows = client
                    .query(
                        &format!(
                            "SELECT {COLUMNS}, article_id, published, published_by, changed, changed_by \
                             FROM comments WHERE held = FALSE \
                             AND ((published > $1 AND published_by <> $2) OR (changed > $1 AND changed_by <> $2)) \
                             ORDER BY GREATEST(published, changed)"
                        ),
                        &[&from, &pg.instance()],
                    )
                    .await
                    .map_err(|err| err.to_string())?;
                for row in &rows {
                    if let Some((article, kind, c)) = caught_up(row, (from, pg.instance()), seen) {
                        publish(Relayed::Comment(article, kind, c));
                    }
                }
            }
        }
        while let Some(payload) = rx.recv().await {
            let Ok(note) = serde_json::from_str::<Announcement>(&payload) else {
                tracing::warn!("ignoring a malformed notification on {CHANNEL}");
                continue;
            };
            // This instance's own comments were published by the handler; a number already relayed is a duplicate.
            if !seen.first_time(note.v) || note.i == pg.instance() {
                continue;
            }
            if let Some(event) = live_update(&client, &note).await? {
                publish(Relayed::Article(note.a, event));
                continue;
            }
            let found = client
                .query_opt(
                    &format!(
                        "SELECT {COLUMNS} FROM comments WHERE article_id = $1 AND id = $2 AND held = FALSE"
                    ),
                    &[&note.a, &note.c],
                )
                .await
                .map_err(|err| err.to_string())?;
            let kind = match note.k.as_deref() {
                Some("changed") => Kind::Changed,
                _ => Kind::New,
            };
            // Gone again (held after an edit, rejected) between the notification and now: nothing to show.
            if let Some(c) = found.as_ref().and_then(|row| comment(row).ok()) {
                publish(Relayed::Comment(note.a, kind, c));
            }
        }
        Ok(())
    }
    .await;
    driver.abort();
    result
}

/// A live article's update announced by `note` (kinds `entry`, `entry-changed`, `body`), read back from the
/// database; `None` for a comment's announcement (or an entry gone since).
async fn live_update(
    client: &tokio_postgres::Client,
    note: &Announcement,
) -> Result<Option<ArticleEvent>, String> {
    let fail = |err: tokio_postgres::Error| err.to_string();
    Ok(match note.k.as_deref() {
        Some("entry") => entry_by_id(client, &note.a, &note.c)
            .await
            .map_err(fail)?
            .map(ArticleEvent::Entry),
        Some("entry-changed") => entry_by_id(client, &note.a, &note.c)
            .await
            .map_err(fail)?
            .map(ArticleEvent::EntryChanged),
        Some("body") => correction_of(client, &note.a)
            .await
            .map_err(fail)?
            .map(ArticleEvent::Body),
        _ => None,
    })
}

/// What a catch-up row is to relay, if anything (see [`relayed_as`]).
fn caught_up(
    row: &tokio_postgres::Row,
    (from, me): (i64, &str),
    seen: &mut Seen,
) -> Option<(String, Kind, Comment)> {
    let c = comment(row).ok()?;
    let article: String = row.try_get(11).ok()?;
    let number = |at: usize| row.try_get::<_, Option<i64>>(at).ok().flatten();
    let by = |at: usize| row.try_get::<_, Option<String>>(at).ok().flatten();
    let published = number(12).map(|n| (n, by(13)));
    let changed = number(14).map(|n| (n, by(15)));
    let kind = relayed_as((published, changed), (from, me), seen)?;
    Some((article, kind, c))
}

/// A publication or change number, with the instance that took it (`None` for seeds and imported rows).
type Numbered = Option<(i64, Option<String>)>;

/// How a comment found by a catch-up is relayed, from its publication and change numbers with their instances: a
/// comment another instance published above `from` is new (its change number, if any, is then seen too: the comment
/// is relayed as it is now); else one another instance changed above `from` is a change; each only if its number
/// was not relayed yet.
fn relayed_as(
    (published, changed): (Numbered, Numbered),
    (from, me): (i64, &str),
    seen: &mut Seen,
) -> Option<Kind> {
    let others = |e: &Numbered| {
        e.as_ref()
            .filter(|(n, by)| *n > from && by.as_deref() != Some(me))
            .map(|(n, _)| *n)
    };
    let change = others(&changed);
    if let Some(p) = others(&published) {
        let change_new = change.map(|n| seen.first_time(n));
        if seen.first_time(p) {
            return Some(Kind::New);
        }
        // The publication was relayed before: only the change may be news.
        return (change_new == Some(true)).then_some(Kind::Changed);
    }
    let n = change?;
    seen.first_time(n).then_some(Kind::Changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A catch-up relays each publication and each change once: a comment both published and changed during the gap
    // once, as new; a change of a comment relayed before, as a change; this instance's own, and anything at or
    // below the mark, never.
    #[test]
    fn catch_up_relays_each_number_once() {
        let other = |n: i64| Some((n, Some("B".to_owned())));
        let mine = |n: i64| Some((n, Some("A".to_owned())));
        let mut seen = Seen::default();
        let at = (10, "A");
        assert_eq!(
            relayed_as((other(11), other(12)), at, &mut seen),
            Some(Kind::New)
        );
        assert_eq!(relayed_as((other(11), other(12)), at, &mut seen), None);
        assert_eq!(
            relayed_as((other(5), other(13)), at, &mut seen),
            Some(Kind::Changed)
        );
        assert_eq!(relayed_as((other(5), other(13)), at, &mut seen), None);
        assert_eq!(
            relayed_as((other(11), other(14)), at, &mut seen),
            Some(Kind::Changed)
        );
        assert_eq!(relayed_as((mine(15), None), at, &mut seen), None);
        assert_eq!(relayed_as((other(5), mine(16)), at, &mut seen), None);
        assert_eq!(relayed_as((other(3), other(4)), at, &mut seen), None);
        assert_eq!(relayed_as((Some((0, None)), None), at, &mut seen), None);
        assert_eq!(seen.highest, Some(14), "the highest number relayed");
    }
}
