//! The offline script: one script that is both the page script (saving
//! courses, the outbox, sending it) and the service worker (answering from
//! what was saved), so that both share the code that sends the outbox. Its
//! source is three files in `public/offline/`, joined here in this order:
//! `records.js` (what both roles share: the phone's records and sending the
//! outbox), `worker.js` (the service worker) and `page.js` (the page
//! script); each of the last two does nothing in the other's role. Pages
//! load it from a hashed address, kept for good; the service worker is
//! `/sw.js`, two lines that import it: a worker must live at the root to
//! look after every page, and a new version of the script makes a new
//! `/sw.js`, which the browser notices.

use std::collections::HashMap;
use std::sync::LazyLock;

use sha2::{Digest, Sha256};

use crate::language::Language;
use crate::msg;

pub struct OfflineScript {
    href: String,
    pub source: &'static str,
    /// The service worker's own script.
    pub worker: String,
}

impl OfflineScript {
    pub fn href(&self) -> &str {
        &self.href
    }
}

pub static OFFLINE_SCRIPT: LazyLock<OfflineScript> = LazyLock::new(|| {
    let source = concat!(
        include_str!("../../../public/offline/records.js"),
        "\n",
        include_str!("../../../public/offline/worker.js"),
        "\n",
        include_str!("../../../public/offline/page.js"),
    );
    let hash: String = Sha256::digest(source.as_bytes())[..6].iter().map(|b| format!("{b:02x}")).collect();
    let href = format!("/assets/offline.{hash}.js");
    let worker =
        format!("// The service worker: the offline script, in its worker part.\nimportScripts(\"{href}\");\n");
    OfflineScript { href, source, worker }
});

/// The messages the script shows, by the name it uses; `{name}` marks
/// where it puts a figure (already formatted in the reader's language).
const MESSAGES: [(&str, &str); 25] = [
    ("size", msg::OFFLINE_JS_SIZE),
    ("space", msg::OFFLINE_JS_SPACE),
    ("noSpace", msg::OFFLINE_JS_NO_SPACE),
    ("download", msg::OFFLINE_JS_DOWNLOAD),
    ("cancel", msg::OFFLINE_JS_CANCEL),
    ("progress", msg::OFFLINE_JS_PROGRESS),
    ("paused", msg::OFFLINE_JS_PAUSED),
    ("saved", msg::OFFLINE_JS_SAVED),
    ("update", msg::OFFLINE_JS_UPDATE),
    ("updateButton", msg::OFFLINE_JS_UPDATE_BUTTON),
    ("removed", msg::OFFLINE_JS_REMOVED),
    ("failed", msg::OFFLINE_JS_FAILED),
    ("pending", msg::OFFLINE_JS_PENDING),
    ("sendNow", msg::OFFLINE_JS_SEND_NOW),
    ("sent", msg::OFFLINE_JS_SENT),
    ("queued", msg::OFFLINE_JS_QUEUED),
    ("quizQueued", msg::OFFLINE_JS_QUIZ_QUEUED),
    ("signIn", msg::OFFLINE_JS_SIGN_IN),
    ("logoutWarning", msg::OFFLINE_JS_LOGOUT_WARNING),
    ("done", msg::OFFLINE_JS_DONE),
    ("answerAll", msg::OFFLINE_JS_ANSWER_ALL),
    ("megabytes", msg::OFFLINE_JS_MEGABYTES),
    ("completed", msg::LESSON_COMPLETED),
    ("doneServer", msg::LESSON_DONE),
    ("see", msg::OFFLINE_JS_SEE_RESULT),
];

/// The figures the messages take, each left as `{name}` for the script.
const PLACEHOLDERS: [&str; 6] = ["size", "free", "done", "total", "count", "amount"];

static MESSAGES_JSON: LazyLock<HashMap<Language, String>> = LazyLock::new(|| {
    let args = fluent_bundle::FluentArgs::from_iter(PLACEHOLDERS.map(|name| (name, format!("{{{name}}}"))));
    Language::ALL
        .into_iter()
        .map(|language| {
            let texts: serde_json::Map<String, serde_json::Value> = MESSAGES
                .iter()
                .map(|(name, id)| (name.to_string(), crate::i18n::translate(language, id, Some(&args)).into()))
                .collect();
            // Inside <script>: no `<` may end it early.
            let json = serde_json::Value::Object(texts).to_string().replace('<', "\\u003c");
            (language, json)
        })
        .collect()
});

/// The script's messages in `language`, as JSON for the page.
pub fn messages(language: Language) -> &'static str {
    MESSAGES_JSON.get(&language).map(String::as_str).unwrap_or("{}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_with_its_placeholders() {
        for language in Language::ALL {
            let texts: serde_json::Value = serde_json::from_str(messages(language)).unwrap();
            assert_eq!(texts.as_object().unwrap().len(), MESSAGES.len(), "{language:?}");
            let size = texts["size"].as_str().unwrap();
            assert!(size.contains("{size}"), "{language:?}: {size}");
            assert!(texts["progress"].as_str().unwrap().contains("{done}"), "{language:?}");
            assert!(!texts.to_string().contains('<'));
        }
    }

    #[test]
    fn the_worker_imports_the_script_at_its_hashed_address() {
        assert!(OFFLINE_SCRIPT.href().starts_with("/assets/offline."));
        assert!(OFFLINE_SCRIPT.worker.contains(OFFLINE_SCRIPT.href()));
    }
}
