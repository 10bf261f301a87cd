//! The server process's memory in transparent huge pages: the password
//! hashers' 19 MiB are (each hash is faster for it), nothing else is (a
//! 2 MiB page for every few kilobytes in use would make a small server
//! large).

use crate::downloads::Server;
use crate::helpers::sample_courses;

/// A mapping of the process: its size and how much of it is in huge pages,
/// in kB (`/proc/PID/smaps`).
struct Mapping {
    size: u64,
    huge: u64,
}

fn mappings(pid: u32) -> Vec<Mapping> {
    let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).expect("Linux's /proc");
    let mut mappings: Vec<Mapping> = Vec::new();
    // A mapping's line of addresses, then its "Key: value kB" lines.
    for line in smaps.lines() {
        let mut words = line.split_whitespace();
        match (words.next(), words.next().and_then(|kb| kb.parse().ok()), mappings.last_mut()) {
            (Some("Size:"), Some(kb), Some(last)) => last.size = kb,
            (Some("AnonHugePages:"), Some(kb), Some(last)) => last.huge = kb,
            (Some(first), _, _) if !first.ends_with(':') => mappings.push(Mapping { size: 0, huge: 0 }),
            _ => {}
        }
    }
    mappings
}

/// One hasher's block of 19 MiB (argon2id at OWASP's minimum, 19,456
/// blocks of 1 KiB), or two side by side, which the system counts as one.
fn is_hashers(mapping: &Mapping) -> bool {
    mapping.size > 0 && mapping.size.is_multiple_of(19_456)
}

/// Whether this system gives huge pages on request to a process that
/// refuses them otherwise (Linux 6.18, `PR_THP_DISABLE_EXCEPT_ADVISED`).
fn huge_pages_on_request_only() -> bool {
    let offered = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled").unwrap_or_default();
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let mut version = release.split(['.', '-']).map(|part| part.parse::<u32>().unwrap_or(0));
    let (major, minor) = (version.next().unwrap_or(0), version.next().unwrap_or(0));
    !offered.is_empty() && !offered.contains("[never]") && (major, minor) >= (6, 18)
}

#[tokio::test]
async fn only_the_password_hashers_memory_is_in_huge_pages() {
    if !huge_pages_on_request_only() {
        eprintln!("skipped: this system cannot give huge pages to one mapping only");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &sample_courses());
    let site = server.url("");
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    // A hasher but the first gives its memory back after 2 s with nothing
    // to do, so a slow moment between the hash and the look is tried again.
    let mut hashers = Vec::new();
    for _ in 0..3 {
        // A refused sign-in is hashed all the same.
        let refused = client
            .post(server.url("/api/login"))
            .header("accept", "text/html")
            .header("origin", site.as_str())
            .header("referer", format!("{site}/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("username=nobody&password=wrong+horse+battery")
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 303);
        hashers = mappings(server.child.id())
            .iter()
            .filter(|mapping| is_hashers(mapping))
            .map(|mapping| mapping.huge)
            .collect();
        if hashers.iter().any(|&huge| huge >= 16 * 1024) {
            break;
        }
    }
    assert!(hashers.iter().any(|&huge| huge >= 16 * 1024), "the hashers' memory, kB in huge pages: {hashers:?}");
    let mappings = mappings(server.child.id());
    let elsewhere: u64 = mappings.iter().filter(|mapping| !is_hashers(mapping)).map(|mapping| mapping.huge).sum();
    assert_eq!(elsewhere, 0, "kB in huge pages outside the hashers");
}
