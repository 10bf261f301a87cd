//! Integration tests: the real server on port 0, against a temporary SQLite
//! file and a fresh schema in the local PostgreSQL.

mod helpers;

mod accounts;
mod backup;
mod bad_input;
mod certificates;
mod connections;
mod courses_check;
mod courses_reload;
mod database;
mod deploy;
mod downloads;
mod faults;
mod identity;
mod learner_pages;
mod learning;
mod learning_records;
mod lockouts;
mod logs;
mod lti;
mod matrix;
mod memory;
mod metrics;
mod offline;
mod pages;
mod profile;
mod recovery;
mod scale;
mod sessions;
mod sign_in;
mod statistics;
mod studio;
mod studio_editor;
mod trust;
mod writes;
