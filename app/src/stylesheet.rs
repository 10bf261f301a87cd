//! The site's one stylesheet (`style/main.css`, then `style/features.css`),
//! compiled into the binary and served under a name that carries its hash,
//! so browsers cache it for good.

use std::sync::LazyLock;

use sha2::{Digest, Sha256};

pub struct Stylesheet {
    href: String,
    pub css: &'static str,
}

impl Stylesheet {
    pub fn href(&self) -> &str {
        &self.href
    }
}

pub static STYLESHEET: LazyLock<Stylesheet> = LazyLock::new(|| {
    // Two files to read, one to serve: the frame and the text, then the features.
    let css = concat!(include_str!("../../style/main.css"), "\n", include_str!("../../style/features.css"));
    let hash: String = Sha256::digest(css.as_bytes())[..6].iter().map(|b| format!("{b:02x}")).collect();
    Stylesheet { href: format!("/assets/main.{hash}.css"), css }
});
