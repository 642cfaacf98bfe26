//! A bounded load test on loopback: several writers post and several readers list concurrently for about ten
//! seconds; afterwards every acknowledged (201) comment is stored exactly once, and nothing unacknowledged
//! appears twice. The figures are printed (`cargo test -p folio-server --test load -- --nocapture`).

mod common;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use common::{list_bodies, post, request, Site, ARTICLE};

const WRITERS: usize = 6;
const READERS: usize = 4;
const DURATION: Duration = Duration::from_secs(10);

// Concurrent posts and reads for ~10 s: zero acknowledged comments lost, none duplicated, reads never fail.
#[test]
fn concurrent_posts_and_reads_lose_nothing() {
    let site = Site::new("load");
    let server = site.start();
    let port = server.port;
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(Mutex::new(Vec::new()));
    let (posts, reads, failed_reads, refused) = (
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicUsize::new(0)),
    );
    let mut handles = Vec::new();
    for w in 0..WRITERS {
        let (stop, acked, posts, refused) =
            (stop.clone(), acked.clone(), posts.clone(), refused.clone());
        handles.push(thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let body = format!("load w{w} n{n} end");
                n += 1;
                posts.fetch_add(1, Ordering::Relaxed);
                match post(port, &body) {
                    Some(_) => acked.lock().expect("lock").push(body),
                    None => {
                        refused.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        }));
    }
    for _ in 0..READERS {
        let (stop, reads, failed_reads) = (stop.clone(), reads.clone(), failed_reads.clone());
        handles.push(thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                reads.fetch_add(1, Ordering::Relaxed);
                let ok = matches!(
                    request(port, "GET", &format!("/api/articles/{ARTICLE}/comments"), None),
                    Some((200, v)) if v["comments"].is_array()
                );
                if !ok {
                    failed_reads.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    let started = Instant::now();
    thread::sleep(DURATION); // The load runs for a fixed time; the verdict below does not depend on timing.
    stop.store(true, Ordering::Relaxed);
    for h in handles {
        h.join().expect("a load thread panicked");
    }
    let elapsed = started.elapsed();

    let acked = acked.lock().expect("lock").clone();
    let stored = list_bodies(port);
    let mut lost = 0;
    for b in &acked {
        let n = stored.iter().filter(|s| s.as_str() == b).count();
        if n != 1 {
            lost += 1;
            eprintln!("{b:?} stored {n} times");
        }
    }
    let mut sorted = stored.clone();
    sorted.sort();
    sorted.dedup();
    let (posts, reads) = (posts.load(Ordering::Relaxed), reads.load(Ordering::Relaxed));
    eprintln!(
        "load: {posts} posts ({} acknowledged, {} refused), {reads} reads ({} failed) in {:.1} s; \
         {} stored, {lost} acknowledged comments lost or duplicated",
        acked.len(),
        refused.load(Ordering::Relaxed),
        failed_reads.load(Ordering::Relaxed),
        elapsed.as_secs_f64(),
        stored.len()
    );
    assert!(
        acked.len() > 50,
        "too few posts acknowledged to mean anything: {}",
        acked.len()
    );
    assert_eq!(lost, 0, "acknowledged comments lost or duplicated");
    assert_eq!(sorted.len(), stored.len(), "a comment is stored twice");
    assert_eq!(
        failed_reads.load(Ordering::Relaxed),
        0,
        "reads failed under load"
    );
    drop(server);
}
