//! The studio editor's script, `public/studio.js`: the text not saved yet
//! kept in the browser, and the preview following the text as it is
//! written. Only the editor page loads it, from a hashed address kept for
//! good; the editor works the same without it.

use std::sync::LazyLock;

use sha2::{Digest, Sha256};

pub struct StudioScript {
    href: String,
    pub source: &'static str,
}

impl StudioScript {
    pub fn href(&self) -> &str {
        &self.href
    }
}

pub static STUDIO_SCRIPT: LazyLock<StudioScript> = LazyLock::new(|| {
    let source = include_str!("../../../public/studio.js");
    let hash: String = Sha256::digest(source.as_bytes())[..6].iter().map(|b| format!("{b:02x}")).collect();
    StudioScript { href: format!("/assets/studio.{hash}.js"), source }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_has_a_hashed_address_of_its_own() {
        assert!(STUDIO_SCRIPT.href().starts_with("/assets/studio."));
        assert!(STUDIO_SCRIPT.href().ends_with(".js"));
        assert_ne!(STUDIO_SCRIPT.href(), crate::offline::script::OFFLINE_SCRIPT.href());
    }
}
