//! The pages of a launch that are not the course itself: the deep-linking
//! picker (an instructor of a partner's platform chooses a course or a
//! lesson to place), the signed answer that goes back to the platform,
//! and the sentence shown when a launch did not work. Plain pages in the
//! reader's language; every name on them is escaped.

use std::sync::Arc;

use app::i18n::{translate, translate_with};
use app::language::{Direction, Language};
use app::msg;
use app::state::AppState;
use axum::Extension;
use axum::extract::{Form, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use time::OffsetDateTime;

use super::LtiTool;
use super::config::PlatformConfig;

/// What went wrong with a launch, as the person is told.
pub enum Problem {
    /// The token proved nothing.
    Failed,
    /// The platform's keys or this server's database did not answer.
    Unavailable,
    /// The state was spent, too old or not this browser's.
    Expired,
}

/// The page saying a launch did not work.
pub fn problem(language: Language, problem: Problem) -> Response {
    let (status, id) = match problem {
        Problem::Failed => (StatusCode::FORBIDDEN, msg::LTI_PROBLEM_FAILED),
        Problem::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, msg::LTI_PROBLEM_UNAVAILABLE),
        Problem::Expired => (StatusCode::BAD_REQUEST, msg::LTI_PROBLEM_EXPIRED),
    };
    let title = translate(language, msg::LTI_PROBLEM_TITLE, None);
    let body = format!("<h1>{}</h1><p role=\"alert\">{}</p>", escape(&title), escape(&translate(language, id, None)));
    (status, page(language, &title, &body, None)).into_response()
}

/// The picker, in answer to a deep-linking launch: every course of the
/// catalogue (which anyone may read) and its lessons.
pub async fn offer(
    state: &AppState,
    platform: &PlatformConfig,
    deployment_id: String,
    return_url: String,
    data: Option<String>,
    language: Language,
) -> Result<(&'static str, Response), app::error::AppError> {
    let token = super::keep_deep_link(state, platform, deployment_id, return_url, data).await?;
    let catalog = state.catalog.current();
    let mut choices = String::new();
    for (index, course) in catalog.courses().iter().enumerate() {
        let card = course.card(language);
        choices.push_str(&format!(
            "<fieldset><legend>{}</legend><label><input type=\"radio\" name=\"place\" value=\"{}\"{}> {}</label>",
            escape(&card.title),
            escape(&course.id),
            if index == 0 { " required" } else { "" },
            escape(&translate(language, msg::LTI_PICK_WHOLE_COURSE, None)),
        ));
        for (_, lesson) in course.lessons() {
            let title = lesson.translations.get(&language).map_or(&lesson.content.title, |content| &content.title);
            choices.push_str(&format!(
                "<label class=\"lesson\"><input type=\"radio\" name=\"place\" value=\"{}/{}\"> {}</label>",
                escape(&course.id),
                escape(&lesson.id),
                escape(title),
            ));
        }
        choices.push_str("</fieldset>");
    }
    let name = platform.name(language);
    let title = translate(language, msg::LTI_PICK_TITLE, None);
    let body = format!(
        "<h1>{}</h1><p>{}</p><form method=\"post\" action=\"/lti/deep-link\" class=\"lti-pick\">\
         <input type=\"hidden\" name=\"request\" value=\"{}\">{choices}<button type=\"submit\">{}</button></form>",
        escape(&title),
        escape(&translate_with(language, msg::LTI_PICK_INTRO, &[("provider", name)])),
        escape(&token),
        escape(&translate(language, msg::LTI_PICK_SUBMIT, None)),
    );
    Ok(("deep_linking", (StatusCode::OK, page(language, &title, &body, Some(platform))).into_response()))
}

/// The picker's form.
#[derive(Deserialize)]
pub struct Pick {
    request: Option<String>,
    place: Option<String>,
}

/// `POST /lti/deep-link`: the instructor's pick, answered with a form
/// that carries the signed deep-linking response back to the platform.
pub async fn pick(
    State(state): State<AppState>,
    Extension(tool): Extension<Arc<LtiTool>>,
    language: Option<Extension<Language>>,
    Form(pick): Form<Pick>,
) -> Response {
    let language = language.map(|Extension(language)| language).unwrap_or_default();
    let (Some(request), Some(place)) = (pick.request, pick.place) else {
        return problem(language, Problem::Expired);
    };
    if request.len() > 100 || place.len() > 400 {
        return problem(language, Problem::Expired);
    }
    let catalog = state.catalog.current();
    let (course_id, lesson_id) = match place.split_once('/') {
        Some((course, lesson)) => (course, Some(lesson)),
        None => (place.as_str(), None),
    };
    let Some(course) = catalog.course(course_id) else { return problem(language, Problem::Expired) };
    let lesson = match lesson_id {
        Some(id) => match course.lesson(id) {
            Some(lesson) => Some(lesson),
            None => return problem(language, Problem::Expired),
        },
        None => None,
    };
    let kept = match super::spend_deep_link(&state, &request).await {
        Ok(Some(kept)) => kept,
        Ok(None) => return problem(language, Problem::Expired),
        Err(error) => return super::unavailable(error),
    };
    let Some(platform) = tool.find(&kept.platform) else { return problem(language, Problem::Expired) };
    let card = course.card(language);
    let title = match lesson {
        Some(lesson) => {
            let lesson_title =
                lesson.translations.get(&language).map_or(&lesson.content.title, |content| &content.title);
            format!("{}: {lesson_title}", card.title)
        }
        None => card.title.clone(),
    };
    let mut custom = json!({ "course": course.id });
    if let Some(lesson) = lesson {
        custom["lesson"] = json!(lesson.id);
    }
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let mut claims = json!({
        "iss": platform.config.client_id,
        "aud": platform.config.issuer,
        "iat": now,
        "exp": now + 300,
        "nonce": app::codes::generate(24),
        "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiDeepLinkingResponse",
        "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
        "https://purl.imsglobal.org/spec/lti/claim/deployment_id": kept.deployment_id,
        "https://purl.imsglobal.org/spec/lti-dl/claim/content_items": [{
            "type": "ltiResourceLink",
            "title": title,
            "url": format!("{}/lti/launch", state.public_url),
            "custom": custom,
            "lineItem": { "scoreMaximum": app::learning::grades::SCORE_MAXIMUM, "label": title },
        }],
    });
    if let Some(data) = &kept.data {
        claims["https://purl.imsglobal.org/spec/lti-dl/claim/data"] = json!(data);
    }
    let signed = tool.key.as_ref().ok_or_else(|| "no tool key".to_string()).and_then(|key| key.sign(&claims));
    let jwt = match signed {
        Ok(jwt) => jwt,
        Err(error) => {
            tracing::error!(%error, "cannot sign a deep-linking response");
            return problem(language, Problem::Unavailable);
        }
    };
    metrics::counter!("learn_lti_deep_links_total", "platform" => platform.config.id.clone()).increment(1);
    let name = platform.config.name(language);
    let heading = translate_with(language, msg::LTI_RETURN_TITLE, &[("title", &title)]);
    let body = format!(
        "<h1>{}</h1><form method=\"post\" action=\"{}\"><input type=\"hidden\" name=\"JWT\" value=\"{}\">\
         <button type=\"submit\">{}</button></form>",
        escape(&heading),
        escape(&kept.return_url),
        escape(&jwt),
        escape(&translate_with(language, msg::LTI_RETURN_SUBMIT, &[("provider", name)])),
    );
    (StatusCode::OK, page(language, &heading, &body, Some(&platform.config))).into_response()
}

/// A whole page. Shown inside the platform's frame when `platform` is
/// given: its origin may frame it and receive its form.
fn page(language: Language, title: &str, body: &str, platform: Option<&PlatformConfig>) -> Response {
    let direction = match language.direction() {
        Direction::RightToLeft => "rtl",
        Direction::LeftToRight => "ltr",
    };
    let html = format!(
        "<!DOCTYPE html><html lang=\"{}\" dir=\"{direction}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title>\
         <link rel=\"stylesheet\" href=\"{}\"></head><body><main class=\"lti-page\">{body}</main></body></html>",
        language.code(),
        escape(title),
        app::stylesheet::STYLESHEET.href(),
    );
    // The LMS's origins may frame it (Moodle opens the picker in a
    // dialog) and take its form; a page saying what went wrong has no
    // form and may be shown in any frame.
    let origins = platform.map(|platform| platform.origins.join(" "));
    let policy = format!(
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; \
         base-uri 'none'; form-action 'self' {}; frame-ancestors {}",
        origins.as_deref().unwrap_or(""),
        origins.as_deref().unwrap_or("*"),
    );
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// Text made safe in an element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_leaves_an_attribute_or_an_element() {
        assert_eq!(escape("\"><script>x</script>'"), "&quot;&gt;&lt;script&gt;x&lt;/script&gt;&#39;");
    }
}
