//! A comment is acknowledged only once it is durable: SIGKILL the server right after each 201, restart it on the
//! same database, and the comment is there.

mod common;

use common::{list_bodies, post, Site};

// Ten rounds of post → 201 → SIGKILL at once → restart: every acknowledged comment survives, exactly once.
#[test]
fn acknowledged_comment_survives_sigkill() {
    let site = Site::new("durability");
    let mut acknowledged = Vec::new();
    for round in 0..10 {
        let server = site.start();
        let body = format!("durable comment {round}");
        let id = post(server.port, &body);
        // Killed with no pause: a comment still in a buffer or an uncommitted transaction would be lost here.
        server.kill();
        assert!(id.is_some(), "round {round}: the post was not acknowledged");
        acknowledged.push(body);
        let server = site.start();
        let stored = list_bodies(server.port);
        for b in &acknowledged {
            let n = stored.iter().filter(|s| s.contains(b.as_str())).count();
            assert_eq!(
                n, 1,
                "round {round}: {b:?} stored {n} times after SIGKILL: {stored:?}"
            );
        }
        server.kill();
    }
}
