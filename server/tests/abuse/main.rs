//! The load test of issue 12, run by `scripts/load-test.sh` (a plain `cargo test` skips it): for a bounded time
//! (`FOLIO_LOAD_SECONDS`, 15 by default, at most 120), on loopback only, normal readers, writers and event-stream
//! subscribers use the real server while abusive clients flood it with event streams, idle connections and slow
//! headers. It prints requests/s, p50/p99 latency, errors, what became of each abuse and acknowledged-vs-stored
//! comments, and fails if an acknowledged comment is lost or a normal request goes unanswered.
//!
//! With `FOLIO_LOAD_INSTANCES=2` (issue 16; needs a shared database, `FOLIO_TEST_DATABASE_URL`) two servers run on
//! one PostgreSQL database as behind a balancer: readers, writers and subscribers alternate between them, the floods
//! hit the first, and the comments acknowledged by either are counted in the second's list.

mod clients;
#[path = "../common/mod.rs"]
mod common;
mod floods;
mod stats;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use clients::{connect_from, status_after, stream_head};
use common::{list_bodies, Site};
use stats::Stats;

const READERS: usize = 4;
const WRITERS: usize = 4;
const SUBSCRIBERS: usize = 8;
/// The server's `--max-streams-per-address` default, which the stream flood meets.
const STREAM_CAP: usize = 16;

/// How many instances share the load: 1, or 2 on a shared database.
fn instances() -> usize {
    match std::env::var("FOLIO_LOAD_INSTANCES").ok().as_deref() {
        Some("2") => 2,
        _ => 1,
    }
}

fn seconds() -> u64 {
    let asked = std::env::var("FOLIO_LOAD_SECONDS").ok();
    asked
        .and_then(|s| s.parse().ok())
        .unwrap_or(15)
        .clamp(1, 120)
}

#[test]
#[ignore = "a load test: scripts/load-test.sh runs it"]
fn server_holds_under_abuse() {
    let site = Site::new("abuse");
    let count = instances();
    assert!(
        count == 1 || site.store.url().is_some(),
        "two instances need a shared database: run through scripts/postgres.sh"
    );
    // Default limits, but a short header timeout so slow clients are seen to go within the run.
    let servers: Vec<_> = (0..count)
        .map(|_| site.start_with(&["--header-timeout", "2"]))
        .collect();
    let ports: Vec<u16> = servers.iter().map(|s| s.port).collect();
    let port = ports[0];
    println!(
        "{count} instance(s) on {}",
        if site.store.url().is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_io()
        .build()
        .expect("a runtime");
    let h = rt.handle();
    let (stats, stop) = (Arc::new(Stats::default()), Arc::new(AtomicBool::new(false)));

    // The abuse starts first, so the normal load runs while it holds.
    let (mut held, mut threads) = floods::start(h, port, &stats, &stop);
    for i in 0..SUBSCRIBERS {
        if let Some(mut s) = connect_from(h, [127, 0, 0, 2], ports[i % count]) {
            if status_after(&mut s, &stream_head()) == 200 {
                stats.subscribed.fetch_add(1, Ordering::Relaxed);
                held.push(s);
            }
        }
    }
    for r in 0..READERS + WRITERS {
        let (stats, stop) = (stats.clone(), stop.clone());
        let port = ports[r % count];
        threads.push(thread::spawn(move || match r < READERS {
            true => clients::reader(port, &stats, &stop),
            false => clients::writer(port, r, &stats, &stop),
        }));
    }
    let started = Instant::now();
    thread::sleep(Duration::from_secs(seconds()));
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().expect("a client thread panicked");
    }
    let elapsed = started.elapsed().as_secs_f64();

    let acked = stats
        .acked
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    // Listed by the last instance: on two, what the other acknowledged must be there too.
    let stored = list_bodies(ports[count - 1]);
    let lost = acked
        .iter()
        .filter(|b| stored.iter().filter(|s| s == b).count() != 1)
        .count();
    stats.report(elapsed, (acked.len(), stored.len(), lost));
    drop(held);

    assert_eq!(lost, 0, "acknowledged comments lost or duplicated");
    let n = Stats::n;
    assert_eq!(n(&stats.errors), 0, "normal requests went unanswered");
    assert!(
        acked.len() > 20,
        "too few posts to mean anything: {}",
        acked.len()
    );
    assert_eq!(
        n(&stats.subscribed),
        SUBSCRIBERS,
        "a normal subscriber was refused"
    );
    assert_eq!(n(&stats.flood_open), STREAM_CAP, "the stream cap");
    assert_eq!(
        n(&stats.slow_closed),
        floods::SLOW,
        "slow clients outlived the header timeout"
    );
    drop(servers);
}
