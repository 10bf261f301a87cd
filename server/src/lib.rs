//! The web server: configuration, start-up, the router and its layers, and
//! the command-line interface.

pub mod allocations;
pub mod backup;
pub mod cli;
pub mod client_addr;
pub mod config;
pub mod connections;
pub mod course_watch;
mod credentials;
mod exports;
mod form_posts;
pub mod guard;
pub mod identity;
mod imports;
pub mod language;
pub mod lti;
pub mod metrics;
pub mod offline;
mod origin_check;
mod outbox;
mod own_data;
mod page_cache;
mod pages;
pub mod publication;
mod reader_pages;
pub mod router;
pub mod session_store;
pub mod startup;
mod static_files;
mod stitched;
mod studio_export;
mod studio_files;
pub mod users;
pub mod xapi;
