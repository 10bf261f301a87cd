//! The learning platform's pages, components and server functions.
//!
//! Built twice: with `ssr` into the server (pages rendered to HTML, server
//! functions run here) and with `hydrate` into wasm for the few islands.
//! Server-only code (the catalog, the database) sits behind `ssr` and never
//! reaches the browser.

// Deeply nested views make deep types; the browser build needs the headroom.
#![recursion_limit = "256"]

pub mod app;
mod components;
pub mod error;
pub mod format;
pub mod i18n;
pub mod language;
pub mod lesson_text;
pub mod model;
/// Every interface message id as a constant: naming a message that does
/// not exist is a compile error.
pub mod msg {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}
pub mod api;
mod pages;

#[cfg(feature = "ssr")]
pub mod accounts;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod catalog;
#[cfg(feature = "ssr")]
pub mod certificate_pdf;
#[cfg(feature = "ssr")]
pub mod codes;
#[cfg(feature = "ssr")]
pub mod credentials;
#[cfg(feature = "ssr")]
pub mod dates;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod entities;
#[cfg(feature = "ssr")]
pub mod kept_sessions;
#[cfg(feature = "ssr")]
pub mod learning;
#[cfg(feature = "ssr")]
pub mod offline;
#[cfg(feature = "ssr")]
pub mod organisations;
#[cfg(feature = "ssr")]
pub mod personal_data;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod progress_cache;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod statistics;
#[cfg(feature = "ssr")]
pub mod studio;
#[cfg(feature = "ssr")]
pub mod stylesheet;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
