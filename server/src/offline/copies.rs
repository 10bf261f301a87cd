//! The copies of a course's pages that a phone saves: rendered by the same
//! pages as everyone reads, as nobody in particular (no name, no progress:
//! `app::model::SavedCopy`), so that they are the same bytes for every
//! learner of their kind, on every instance, until the course changes.
//! Made on the first request for a course, language and kind, and kept
//! (with their hashes and the pictures' sizes) until the catalog changes.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use app::catalog::Course;
use app::language::Language;
use app::model::SavedCopy;
use app::offline::manifest::{ManifestFile, pictures_in};
use app::state::AppState;
use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode};

/// A rendered page is at most this large (lessons are far smaller).
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

/// Which copy: the catalog it was made from, the course, the language and
/// whether its reader is enrolled (who can send completions from it).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    generation: u64,
    course: String,
    language: Language,
    enrolled: bool,
}

/// A course as saved on a phone.
pub struct CourseCopy {
    pub version: String,
    /// By the name they are downloaded under (`course.html`, `offline.html`,
    /// `<lesson>.lesson.html`): each page's bytes.
    pub pages: BTreeMap<String, Bytes>,
    /// Everything the phone keeps, pages first.
    pub files: Vec<ManifestFile>,
}

#[derive(Default)]
pub struct Copies {
    made: Mutex<HashMap<Key, Arc<CourseCopy>>>,
    /// One course copied at a time: a classroom pressing "Save" together
    /// waits for one rendering, not thirty.
    making: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for Copies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Copies")
    }
}

impl Copies {
    /// The copy of `course` (of the catalog `generation`) in `language`
    /// for a reader `enrolled` or not, made now if it is not kept yet.
    pub async fn of(
        &self,
        state: &AppState,
        generation: u64,
        course: &Arc<Course>,
        language: Language,
        enrolled: bool,
    ) -> Result<Arc<CourseCopy>, String> {
        let key = Key { generation, course: course.id.clone(), language, enrolled };
        if let Some(kept) = self.kept(&key) {
            return Ok(kept);
        }
        let _turn = self.making.lock().await;
        if let Some(kept) = self.kept(&key) {
            return Ok(kept);
        }
        let copy = Arc::new(make(state, course, language, enrolled).await?);
        // Rendered while the courses were being reloaded: another version
        // than asked for, not to be kept under this one's name.
        if copy.version != course.content_version || state.catalog.current().generation() != generation {
            return Err("the courses changed while the copy was made; try again".into());
        }
        let mut made = self.made.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Copies of an older catalog are never asked for again.
        made.retain(|kept, _| kept.generation == generation);
        made.insert(key, copy.clone());
        Ok(copy)
    }

    fn kept(&self, key: &Key) -> Option<Arc<CourseCopy>> {
        self.made.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).get(key).cloned()
    }
}

/// The address a page of the copy is downloaded from.
pub fn source(course: &Course, language: Language, name: &str) -> String {
    format!("/offline/{}/{}/{name}?v={}", course.id, language.code(), course.content_version)
}

async fn make(
    state: &AppState,
    course: &Arc<Course>,
    language: Language,
    enrolled: bool,
) -> Result<CourseCopy, String> {
    // Any version a phone holds can be graded later, whatever changes since.
    app::learning::quiz_versions::remember(&state.db, course).await.map_err(|error| error.to_string())?;
    let saved = SavedCopy { enrolled };
    let mut pages = BTreeMap::new();
    let mut files = Vec::new();
    let mut addresses = vec![("course.html".to_string(), format!("/courses/{}", course.id))];
    for (_, lesson) in course.lessons() {
        addresses.push((format!("{}.lesson.html", lesson.id), format!("/courses/{}/{}", course.id, lesson.id)));
    }
    addresses.push(("offline.html".to_string(), "/offline".to_string()));
    for (name, url) in addresses {
        let body = render(state, &url, language, saved).await?;
        files.push(ManifestFile::of(url, Some(source(course, language, &name)), &body));
        pages.insert(name, body);
    }
    files.push(ManifestFile::of(
        app::stylesheet::STYLESHEET.href().to_string(),
        None,
        app::stylesheet::STYLESHEET.css.as_bytes(),
    ));
    let script = &app::offline::script::OFFLINE_SCRIPT;
    files.push(ManifestFile::of(script.href().to_string(), None, script.source.as_bytes()));
    let html: String = pages.values().map(|page| String::from_utf8_lossy(page)).collect();
    let pictures = pictures_in(course, &html);
    let reading = course.clone();
    let read = tokio::task::spawn_blocking(move || {
        pictures
            .into_iter()
            .map(|picture| {
                let relative = picture.relative.to_string_lossy().into_owned();
                // Read whole once, for its hash, when the copy is made (and kept).
                let read = reading.open_file(&relative, picture.copy).map(|opened| {
                    use std::io::Read;
                    let mut opened = opened?;
                    let mut bytes = Vec::with_capacity(usize::try_from(opened.bytes).unwrap_or(0));
                    opened.file.by_ref().take(opened.bytes).read_to_end(&mut bytes).map(|_| bytes)
                });
                match read {
                    Some(Ok(bytes)) => Ok(ManifestFile::of(picture.url, None, &bytes)),
                    Some(Err(error)) => Err(format!("{relative}: {error}")),
                    None => Err(format!("{relative}: not a file of the course")),
                }
            })
            .collect::<Result<Vec<_>, String>>()
    })
    .await
    .map_err(|error| error.to_string())??;
    files.extend(read);
    Ok(CourseCopy { version: course.content_version.clone(), pages, files })
}

/// One page, rendered as the saved copy.
async fn render(state: &AppState, url: &str, language: Language, saved: SavedCopy) -> Result<Bytes, String> {
    let mut request = Request::builder().uri(url).body(Body::empty()).map_err(|error| error.to_string())?;
    request.extensions_mut().insert(language);
    request.extensions_mut().insert(saved);
    let response = crate::pages::render(state.clone(), request).await;
    if response.status() != StatusCode::OK {
        return Err(format!("{url} answered {}", response.status()));
    }
    axum::body::to_bytes(response.into_body(), MAX_PAGE_BYTES).await.map_err(|error| error.to_string())
}
