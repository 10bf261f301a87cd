use crate::msg;
use leptos::prelude::*;

use super::Layout;
use super::PageTitle;
use crate::error::AppError;
use crate::i18n::t;

/// The heading and text of an error page, as message ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Problem {
    pub heading: &'static str,
    pub text: &'static str,
}

const NOT_FOUND: Problem = Problem { heading: msg::ERROR_NOT_FOUND_TITLE, text: msg::ERROR_NOT_FOUND_TEXT };
const BAD_REQUEST: Problem = Problem { heading: msg::ERROR_BAD_REQUEST_TITLE, text: msg::ERROR_BAD_REQUEST_TEXT };
const INTERNAL: Problem = Problem { heading: msg::ERROR_INTERNAL_TITLE, text: msg::ERROR_INTERNAL_TEXT };
const NOT_ALLOWED: Problem = Problem { heading: msg::ERROR_NOT_ALLOWED_TITLE, text: msg::ERROR_NOT_ALLOWED_TEXT };
const BUSY: Problem = Problem { heading: msg::ERROR_BUSY_TITLE, text: msg::ERROR_BUSY_TEXT };
const STORAGE_FULL: Problem = Problem { heading: msg::ERROR_STORAGE_FULL_TITLE, text: msg::ERROR_STORAGE_FULL_TEXT };

/// Every error page's messages (each must exist in every language).
#[cfg(test)]
pub const PROBLEMS: [Problem; 6] = [NOT_FOUND, BAD_REQUEST, INTERNAL, NOT_ALLOWED, BUSY, STORAGE_FULL];

/// What the page of `error` says.
pub fn problem_of(error: &AppError) -> Problem {
    match error {
        AppError::NotFound => NOT_FOUND,
        AppError::BadRequest | AppError::Form(_) => BAD_REQUEST,
        AppError::Internal => INTERNAL,
        AppError::Unauthorized | AppError::Forbidden => NOT_ALLOWED,
        AppError::Busy => BUSY,
        AppError::StorageFull => STORAGE_FULL,
    }
}

/// A page that explains what went wrong, answered with the error's status.
#[component]
pub fn ProblemPage(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    error.set_response_status();
    let Problem { heading, text } = problem_of(&error);
    let heading = t(heading);
    view! {
        <PageTitle text=heading.clone()/>
        <Layout>
            <div class="problem">
                <h1>{heading}</h1>
                <p>{t(text)}</p>
                <p>
                    <a href="/">{t(msg::ERROR_SEE_COURSES)}</a>
                </p>
            </div>
        </Layout>
    }
}

/// A page whose data a server function brings: shown once the data has
/// arrived (pages are rendered whole before the first byte), or the page
/// of the problem that kept it.
pub fn loaded<T, V>(
    data: impl Future<Output = Result<T, AppError>> + Send + 'static,
    page: impl FnOnce(T) -> V + Send + 'static,
) -> impl IntoView
where
    T: Send + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense>
            {Suspend::new(async move {
                match data.await {
                    Ok(data) => page(data).into_any(),
                    Err(error) => view! { <ProblemPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_not_allowed_and_each_error_has_its_own_page() {
        assert_eq!(problem_of(&AppError::Unauthorized), NOT_ALLOWED);
        assert_eq!(problem_of(&AppError::Forbidden), NOT_ALLOWED);
        assert_eq!(problem_of(&AppError::NotFound), NOT_FOUND);
        assert_eq!(problem_of(&AppError::Busy), BUSY);
        assert_eq!(problem_of(&AppError::Internal), INTERNAL);
        assert_eq!(problem_of(&AppError::BadRequest), BAD_REQUEST);
    }
}
