//! Tables as sea-orm entities. The schema itself is in the `migrations` crate.

pub mod session;
