use leptos::prelude::*;

/// The frame of every page: a skip link, the site header, the page's main
/// content and the footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="site-name" href="/">"Digital Skills"</a>
            <nav aria-label="Site">
                <a href="/">"Courses"</a>
            </nav>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>"Free courses in digital skills."</p>
        </footer>
    }
}
