use leptos::prelude::*;
use leptos_meta::Title;

use super::Layout;
use crate::error::AppError;

/// A page that explains what went wrong, answered with the error's status.
#[component]
pub fn ProblemPage(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    error.set_response_status();
    let heading = match error {
        AppError::NotFound => "Page not found",
        AppError::BadRequest => "Request not understood",
        AppError::Internal => "Something went wrong",
    };
    view! {
        <Title text=heading/>
        <Layout>
            <div class="problem">
                <h1>{heading}</h1>
                <p>{error.to_string()}</p>
                <p><a href="/">"See all courses"</a></p>
            </div>
        </Layout>
    }
}
