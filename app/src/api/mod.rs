//! Server functions: each checks who is asking, calls plain Rust, and maps
//! the result. They run on the server; the browser build gets HTTP stubs.

pub mod accounts;
pub mod admin;
pub mod catalog;
pub mod certificates;
pub mod identities;
pub mod imports;
pub mod learning;
pub mod organisations;
pub mod rules;
pub mod statistics;
pub mod studio;
