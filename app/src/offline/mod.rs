//! Learning offline, in a plain browser: a learner saves a course on their
//! phone, reads it without a connection, and what they do meanwhile
//! (lessons completed, quizzes submitted) waits in an outbox on the phone
//! until it can be sent. Here is the server's part:
//!
//! - [`manifest`]: what saving a course downloads (each file's address,
//!   size and hash), per course, language and kind of reader;
//! - [`events`]: the outbox's batches, read and checked whole;
//! - [`sync`]: each event recorded exactly once, as the same action online
//!   would be; quizzes graded here, against the course version the
//!   learner had (`learning::quiz_versions`), certificates issued here;
//! - [`script`]: the offline script (the files of `public/offline/`,
//!   joined) and its content-hashed address, the two-line service worker
//!   `/sw.js` that imports it, and the script's messages in each language.
//!
//! The phone's part is `public/offline/` (`records.js`, what both roles
//! share; `worker.js`, the service worker; `page.js`, the page script;
//! served as one script); the server's routes are in
//! `server/src/offline/mod.rs`, and the saved copies of pages it serves in
//! `server/src/offline/copies.rs`.

pub mod events;
pub mod manifest;
pub mod script;
pub mod sync;

pub use events::{Batch, BatchError, read_batch};
pub use sync::{SyncAnswer, receive};
