use leptos::prelude::*;

use crate::components::ProblemPage;
use crate::error::AppError;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <ProblemPage error=AppError::NotFound/> }
}
