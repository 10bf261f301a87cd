//! Password hashing: argon2id at OWASP's minimum cost (19 MiB, 2 passes,
//! 1 lane), on a small pool of its own threads.
//!
//! Why a pool of its own: each hash needs 19 MiB. Hashed on tokio's
//! blocking threads, those blocks were freed into glibc's per-thread
//! arenas and never returned (1.5 GB after 10,000 hashes). Here a hasher
//! thread hashes into one 19 MiB block of its own, reused for every hash
//! (`hash_password_into_with_memory`): memory stays flat whatever the
//! number of sign-ins. The first hasher keeps its block for good; the
//! others give theirs back after two seconds with nothing to do, so an idle
//! server holds one block.
//!
//! A classroom signing in at once must be answered quickly: there is one
//! hasher per core, so that a burst of sign-ins gets the whole machine
//! (pages are a few microseconds each and still get their turn from the
//! scheduler). Sign-ins wait in one queue, first come first served, a
//! bounded one; a sign-in that would wait too long is told to try again in
//! a moment instead of hanging.

use std::fmt;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash as Phc, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::oneshot;

use crate::error::AppError;

/// A stored password hash (a PHC string). Deliberately neither `Serialize`
/// nor printable, so it cannot reach a browser or a log.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    pub fn from_stored(phc: String) -> PasswordHash {
        PasswordHash(phc)
    }

    pub fn into_stored(self) -> String {
        self.0
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(…)")
    }
}

/// 19 MiB, 2 passes, 1 lane: OWASP's minimum for argon2id.
fn params() -> Params {
    Params::new(19 * 1024, 2, 1, None).expect("OWASP's parameters are valid")
}

fn argon2(params: Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Sign-ins waiting for a hasher, at most; beyond, "try again in a moment".
const QUEUE: usize = 256;
/// The longest a sign-in waits for a hasher before being told to try again.
const MAX_WAIT: Duration = Duration::from_secs(8);

enum Work {
    Hash(String),
    /// A password and the stored hash (`None`: no account, or no password
    /// yet: a hash is computed all the same).
    Verify(String, Option<String>),
}

enum Done {
    Hashed(String),
    Verified(bool),
    Failed(String),
}

struct Job {
    work: Work,
    queued_at: Instant,
    done: oneshot::Sender<Done>,
}

/// The pool: one queue, and hashers each owning one block of memory.
static HASHERS: LazyLock<flume::Sender<Job>> = LazyLock::new(|| {
    let (sender, receiver) = flume::bounded::<Job>(QUEUE);
    for number in 0..hashers() {
        let receiver = receiver.clone();
        let keeps_memory = number == 0;
        let spawned =
            std::thread::Builder::new().name(format!("hasher-{number}")).spawn(move || hasher(&receiver, keeps_memory));
        if let Err(error) = spawned {
            tracing::error!(%error, "cannot start a password hasher");
        }
    }
    sender
});

/// How many hashers there are: one per core (for docs/performance.md and
/// the benchmark).
pub fn hashers() -> usize {
    std::thread::available_parallelism().map(usize::from).unwrap_or(2).max(1)
}

/// How long a hasher other than the first keeps its memory with nothing to do.
const GIVE_BACK_AFTER: Duration = Duration::from_secs(2);

fn hasher(queue: &flume::Receiver<Job>, keeps_memory: bool) {
    // This thread's block of memory, reused for every hash while it has one.
    let mut memory: Option<Memory> = None;
    loop {
        let job = match queue.recv_timeout(GIVE_BACK_AFTER) {
            Ok(job) => job,
            Err(flume::RecvTimeoutError::Timeout) => {
                if !keeps_memory {
                    memory = None;
                }
                continue;
            }
            Err(flume::RecvTimeoutError::Disconnected) => return,
        };
        let memory = match &mut memory {
            Some(memory) => memory,
            None => match Memory::new(params().block_count()) {
                Some(made) => memory.insert(made),
                None => {
                    let _ = job.done.send(Done::Failed("no memory for a password hash".into()));
                    continue;
                }
            },
        };
        let memory = memory.blocks();
        if job.queued_at.elapsed() > MAX_WAIT {
            let _ = job.done.send(Done::Failed("waited too long".into()));
            continue;
        }
        let outcome = match job.work {
            Work::Hash(password) => match hash_with(memory, &password) {
                Ok(phc) => Done::Hashed(phc),
                Err(error) => Done::Failed(error),
            },
            Work::Verify(password, stored) => Done::Verified(verify_with(memory, &password, stored.as_deref())),
        };
        let _ = job.done.send(outcome);
    }
}

/// One hasher's 19 MiB, mapped from the system directly, so that giving it
/// back returns it to the system at once, whatever the allocator would
/// rather keep, and in huge pages where the system allows.
struct Memory {
    start: std::ptr::NonNull<Block>,
    count: usize,
}

impl Memory {
    fn new(count: usize) -> Option<Memory> {
        let bytes = count.checked_mul(std::mem::size_of::<Block>())?;
        // SAFETY: a new private anonymous mapping, asked for no particular
        // place; the result is checked before use.
        let start = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                bytes,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if start == libc::MAP_FAILED {
            return None;
        }
        // Huge pages where the system has them to give: argon2 reads its
        // blocks all over the 19 MiB, and with 4 KiB pages most of those
        // reads first miss the TLB (a hash 5 to 10% slower, measured in
        // docs/performance.md). Advice only: a system without transparent
        // huge pages refuses it and the hash is the same.
        // SAFETY: advice on the mapping just made, of this size.
        unsafe { libc::madvise(start, bytes, libc::MADV_HUGEPAGE) };
        // Pages are aligned beyond a block's 64 bytes.
        Some(Memory { start: std::ptr::NonNull::new(start.cast::<Block>())?, count })
    }

    fn blocks(&mut self) -> &mut [Block] {
        // SAFETY: the mapping holds `count` blocks, zeroed by the system (a
        // block is plain integers, for which zero is a value), and is
        // borrowed only through this `&mut self`.
        unsafe { std::slice::from_raw_parts_mut(self.start.as_ptr(), self.count) }
    }
}

impl Drop for Memory {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `new`, of this size, unmapped once.
        unsafe { libc::munmap(self.start.as_ptr().cast(), self.count * std::mem::size_of::<Block>()) };
    }
}

fn hash_with(memory: &mut [Block], password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|error| error.to_string())?;
    let params = params();
    let mut out = [0u8; 32];
    argon2(params.clone())
        .hash_password_into_with_memory(password.as_bytes(), &salt, &mut out, &mut *memory)
        .map_err(|error| error.to_string())?;
    let phc = Phc {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|error| error.to_string())?,
        salt: Some(Salt::new(&salt).map_err(|error| error.to_string())?),
        hash: Some(Output::new(&out).map_err(|error| error.to_string())?),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches `stored`; with no stored hash, or one that is
/// not a hash, a hash is computed all the same (the same time either way).
fn verify_with(memory: &mut [Block], password: &str, stored: Option<&str>) -> bool {
    let parsed = stored.and_then(|stored| Phc::new(stored).ok());
    let checked = parsed.as_ref().and_then(|phc| Some((Params::try_from(phc).ok()?, phc.salt?, phc.hash?)));
    let Some((params, salt, expected)) = checked else {
        let _ = hash_with(memory, password);
        return false;
    };
    let mut out = vec![0u8; expected.len()];
    let result = if params.block_count() <= memory.len() {
        argon2(params.clone()).hash_password_into_with_memory(
            password.as_bytes(),
            salt.as_ref(),
            &mut out,
            &mut memory[..params.block_count()],
        )
    } else {
        // A hash made with more memory than ours (none is, today).
        argon2(params.clone()).hash_password_into(password.as_bytes(), salt.as_ref(), &mut out)
    };
    // Output compares in constant time.
    result.is_ok() && Output::new(&out).is_ok_and(|computed| computed == expected)
}

/// Why a password could not be hashed or checked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HashError {
    /// Every hasher is taken and the queue is long: try again in a moment.
    #[error("too many passwords are being checked at once")]
    Busy,
    #[error("hashing failed: {0}")]
    Failed(String),
}

impl From<HashError> for AppError {
    fn from(error: HashError) -> AppError {
        match error {
            HashError::Busy => AppError::Busy,
            failed => AppError::internal(failed),
        }
    }
}

/// Hands `work` to the hashers and waits for it.
async fn run(work: Work) -> Result<Done, HashError> {
    let (done, outcome) = oneshot::channel();
    let job = Job { work, queued_at: Instant::now(), done };
    HASHERS.try_send(job).map_err(|_| HashError::Busy)?;
    match outcome.await {
        Ok(Done::Failed(reason)) if reason == "waited too long" => Err(HashError::Busy),
        Ok(Done::Failed(reason)) => Err(HashError::Failed(reason)),
        Ok(done) => Ok(done),
        Err(_) => Err(HashError::Failed("a password hasher stopped".into())),
    }
}

pub async fn hash_password(password: &str) -> Result<PasswordHash, HashError> {
    match run(Work::Hash(password.to_string())).await? {
        Done::Hashed(phc) => Ok(PasswordHash(phc)),
        _ => Err(HashError::Failed("a hash came back as something else".into())),
    }
}

/// True when `password` matches `hash`. With no hash (an unknown user), or
/// one that is not a hash (an account made by bulk enrolment, waiting for
/// its set-password code; a deleted one), a hash is still computed, so that
/// the answer takes as long either way and does not tell who has an account.
pub async fn verify_password(password: &str, hash: Option<&PasswordHash>) -> Result<bool, HashError> {
    match run(Work::Verify(password.to_string(), hash.map(|hash| hash.0.clone()))).await? {
        Done::Verified(matches) => Ok(matches),
        _ => Err(HashError::Failed("a check came back as something else".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hash = hash_password("river mango lantern").await.unwrap();
        assert!(hash.0.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{}", hash.0);
        assert!(verify_password("river mango lantern", Some(&hash)).await.unwrap());
        assert!(!verify_password("river mango lanterns", Some(&hash)).await.unwrap());
        assert!(!verify_password("anything", None).await.unwrap());
        assert!(!verify_password("x", Some(&PasswordHash("not a hash".into()))).await.unwrap());
        // As long as a real check: an account without a password is not told apart.
        let started = std::time::Instant::now();
        assert!(!verify_password("x", Some(&PasswordHash("!set-password-code".into()))).await.unwrap());
        let no_password = started.elapsed();
        let started = std::time::Instant::now();
        assert!(!verify_password("x", Some(&hash)).await.unwrap());
        assert!(no_password * 3 > started.elapsed(), "{no_password:?} against {:?}", started.elapsed());
        assert_eq!(format!("{hash:?}"), "PasswordHash(…)");
    }

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn there_is_a_hasher_per_core() {
        hash_password("river mango lantern").await.unwrap();
        let names: Vec<String> = std::fs::read_dir("/proc/self/task")
            .unwrap()
            .flatten()
            .filter_map(|task| std::fs::read_to_string(task.path().join("comm")).ok())
            .filter(|name| name.starts_with("hasher-"))
            .collect();
        assert_eq!(names.len(), hashers(), "{names:?}");
    }

    /// Where the system gives huge pages on request (transparent huge
    /// pages `madvise` or `always`), a hasher's 19 MiB are mostly in them.
    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn a_hashers_memory_is_in_huge_pages_where_the_system_has_them() {
        let offered = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled").unwrap_or_default();
        if offered.is_empty() || offered.contains("[never]") {
            return;
        }
        hash_password("river mango lantern").await.unwrap();
        let size = (params().block_count() * std::mem::size_of::<Block>() / 1024) as u64;
        // Each mapping: a line with its addresses, then "Key: value kB" lines.
        let mut mappings: Vec<(u64, u64)> = Vec::new(); // (size, of which in huge pages), kB
        for line in std::fs::read_to_string("/proc/self/smaps").unwrap().lines() {
            let mut words = line.split_whitespace();
            match (words.next(), words.next().and_then(|kb| kb.parse().ok()), mappings.last_mut()) {
                (Some("Size:"), Some(kb), Some(last)) => last.0 = kb,
                (Some("AnonHugePages:"), Some(kb), Some(last)) => last.1 = kb,
                (Some(first), _, _) if !first.ends_with(':') => mappings.push((0, 0)),
                _ => {}
            }
        }
        // Two hashers' blocks side by side are one mapping to the system.
        let huge_in_hashers: Vec<u64> =
            mappings.iter().filter(|(kb, _)| *kb > 0 && kb.is_multiple_of(size)).map(|(_, huge)| *huge).collect();
        assert!(huge_in_hashers.iter().any(|&kb| kb >= 16 * 1024), "{huge_in_hashers:?}");
    }

    #[tokio::test]
    async fn hashes_made_by_the_argon2_crate_itself_still_verify() {
        use argon2::password_hash::PasswordHasher;
        let made = argon2(params()).hash_password(b"seven blue camels").unwrap().to_string();
        let stored = PasswordHash::from_stored(made);
        assert!(verify_password("seven blue camels", Some(&stored)).await.unwrap());
        assert!(!verify_password("seven blue camel", Some(&stored)).await.unwrap());
    }
}
