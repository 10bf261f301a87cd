use leptos::prelude::*;

use super::PageTitle;

use super::Layout;
use crate::error::AppError;
use crate::i18n::t;

/// The heading and text of each error page, as message ids.
pub const PROBLEM_MESSAGES: [(&str, &str); 5] = [
    ("error-not-found-title", "error-not-found-text"),
    ("error-bad-request-title", "error-bad-request-text"),
    ("error-internal-title", "error-internal-text"),
    ("error-not-allowed-title", "error-not-allowed-text"),
    ("error-busy-title", "error-busy-text"),
];

/// A page that explains what went wrong, answered with the error's status.
#[component]
pub fn ProblemPage(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    error.set_response_status();
    let (heading, text) = match error {
        AppError::NotFound => PROBLEM_MESSAGES[0],
        AppError::BadRequest | AppError::Form(_) => PROBLEM_MESSAGES[1],
        AppError::Internal => PROBLEM_MESSAGES[2],
        AppError::Unauthorized | AppError::Forbidden => PROBLEM_MESSAGES[3],
        AppError::Busy => PROBLEM_MESSAGES[4],
    };
    let heading = t(heading);
    view! {
        <PageTitle text=heading.clone()/>
        <Layout>
            <div class="problem">
                <h1>{heading}</h1>
                <p>{t(text)}</p>
                <p>
                    <a href="/">{t("error-see-courses")}</a>
                </p>
            </div>
        </Layout>
    }
}
