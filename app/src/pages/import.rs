//! `/manage/import`: upload a CSV of learners; `/manage/import/{id}`: its
//! dry run, applying it, and the set-password codes to print.

use crate::api::imports::{ApplyImport, ForgetImportCodes};
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};
use leptos_router::hooks::use_query_map;

use super::param;
use crate::api::imports::{check_import, list_imports};
use crate::components::{Layout, form_errors, number};
use crate::i18n::{t, t_with};
use crate::model::{ImportReport, ImportsPage};

#[component]
pub fn ImportPage() -> impl IntoView {
    // The upload handler sends back the reason a file was refused.
    // From the address, so anyone's to write: only our own messages, and a
    // detail (a column name, a line number) no longer than a column name.
    let refused = use_query_map()
        .with_untracked(|query| query.get("refused"))
        .filter(|id| id.starts_with("import-error-") && crate::i18n::is_message(id));
    let detail: String =
        use_query_map().with_untracked(|query| query.get("detail")).unwrap_or_default().chars().take(40).collect();
    loaded(list_imports(), move |page| view! { <Imports page refused=refused.clone() detail=detail.clone()/> })
}

#[component]
fn Imports(page: ImportsPage, refused: Option<String>, detail: String) -> impl IntoView {
    let error =
        refused.map(|id| t_with(&id, [("detail", detail.clone().into()), ("megabytes", page.max_megabytes.into())]));
    let described_by = error.as_ref().map(|_| "file-error");
    view! {
        <PageTitle text=t(msg::IMPORT_TITLE)/>
        <Layout>
            <p><a href="/manage">{t(msg::MANAGE_TITLE)}</a></p>
            <h1>{t(msg::IMPORT_TITLE)}</h1>
            <p>{t(msg::IMPORT_INTRO)}</p>
            <div class="table-wrap">
                <table>
                    <caption>{t(msg::IMPORT_COLUMNS_CAPTION)}</caption>
                    <thead><tr><th scope="col">{t(msg::IMPORT_COLUMN)}</th><th scope="col">{t(msg::IMPORT_COLUMN_MEANING)}</th></tr></thead>
                    <tbody>
                        <tr><th scope="row" dir="ltr"><code>"name"</code></th><td>{t(msg::IMPORT_COLUMN_NAME)}</td></tr>
                        <tr><th scope="row" dir="ltr"><code>"username"</code></th><td>{t(msg::IMPORT_COLUMN_USERNAME)}</td></tr>
                        <tr><th scope="row" dir="ltr"><code>"cohort"</code></th><td>{t(msg::IMPORT_COLUMN_COHORT)}</td></tr>
                        <tr><th scope="row" dir="ltr"><code>"gender"</code>", "<code>"age_band"</code>", "<code>"region"</code></th><td>{t(msg::IMPORT_COLUMN_PROFILE)}</td></tr>
                        <tr><th scope="row" dir="ltr"><code>"consent"</code></th><td>{t(msg::IMPORT_COLUMN_CONSENT)}</td></tr>
                    </tbody>
                </table>
            </div>
            <p><a href="/manage/import/template.csv" download="">{t(msg::IMPORT_TEMPLATE)}</a></p>
            <form class="account-form" method="post" action="/manage/import" enctype="multipart/form-data">
                <div class="field">
                    <label for="file">{t(msg::IMPORT_FILE)}</label>
                    <p class="hint" id="file-hint">{t_with(msg::IMPORT_FILE_HINT, [("megabytes", page.max_megabytes.into())])}</p>
                    {error.map(|error| view! { <p class="field-error" id="file-error" role="alert">{error}</p> })}
                    <input type="file" id="file" name="file" accept=".csv,text/csv" required
                        aria-describedby=described_by.map_or("file-hint".to_string(), |id| format!("file-hint {id}"))
                        aria-invalid=described_by.map(|_| "true")/>
                </div>
                <button type="submit">{t(msg::IMPORT_CHECK)}</button>
            </form>
            {(!page.recent.is_empty()).then(|| view! {
                <h2>{t(msg::IMPORT_RECENT)}</h2>
                <ul>
                    {page.recent.into_iter().map(|file| view! {
                        <li>
                            <a href=format!("/manage/import/{}", file.id)><bdi>{file.file_name}</bdi></a>
                            " · " {crate::format::date_time(&file.uploaded_at)}
                            {file.applied.then(|| view! { " · " {t(msg::IMPORT_APPLIED_SHORT)} })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </Layout>
    }
}

#[component]
pub fn ImportReportPage() -> impl IntoView {
    let id = param("id").parse::<i64>().unwrap_or(-1);
    loaded(check_import(id), move |report| view! { <Report report/> })
}

#[component]
fn Report(report: ImportReport) -> impl IntoView {
    let errors = form_errors::<ApplyImport>();
    let applying_failed = errors.form.clone();
    let valid = report.will_create + report.will_enrol;
    let applied = report.applied_at.is_some();
    let problem = report.problem.clone().map(|(id, detail)| t_with(&id, [("detail", detail.into())]));
    let id = report.id;
    view! {
        <PageTitle text=t(msg::IMPORT_REPORT_TITLE)/>
        <Layout>
            <p class="no-print"><a href="/manage/import">{t(msg::IMPORT_TITLE)}</a></p>
            <h1>{t(msg::IMPORT_REPORT_TITLE)}</h1>
            <p><bdi>{report.file_name.clone()}</bdi> " · " {crate::format::date_time(&report.uploaded_at)}</p>
            {report.applied_at.clone().map(|when| view! {
                <p class="notice" role="status">{t_with(msg::IMPORT_APPLIED, [("date", crate::format::date_time(&when).into())])}</p>
            })}
            {applying_failed.map(|message| view! { <p class="field-error" role="alert">{t(&message)}</p> })}
            {problem.map(|problem| view! { <p class="field-error" role="alert">{problem}</p> })}
            <Codes report=report.clone()/>
            <section class="import-report no-print" aria-labelledby="check-heading">
                <h2 id="check-heading">{if applied { t(msg::IMPORT_CHECK_AGAIN) } else { t(msg::IMPORT_DRY_RUN) }}</h2>
                <dl class="figures">
                    <div><dt>{t(msg::IMPORT_WILL_CREATE)}</dt><dd>{number(report.will_create)}</dd></div>
                    <div><dt>{t(msg::IMPORT_WILL_ENROL)}</dt><dd>{number(report.will_enrol)}</dd></div>
                    <div><dt>{t(msg::IMPORT_NOTHING_TO_DO)}</dt><dd>{number(report.nothing_to_do)}</dd></div>
                    <div><dt>{t(msg::IMPORT_REFUSED)}</dt><dd>{number(report.refused)}</dd></div>
                </dl>
                {(!applied && valid > 0).then(|| view! {
                    <form method="post" action={action_of::<ApplyImport>()}>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <p class="hint">{t(msg::IMPORT_APPLY_NOTE)}</p>
                        <button type="submit">{t_with(msg::IMPORT_APPLY, [("count", valid.into())])}</button>
                    </form>
                })}
                {(!report.rows.is_empty()).then(|| view! {
                    <div class="table-wrap">
                        <table class="cards" id="import-rows">
                            <caption>{t(msg::IMPORT_ROWS_CAPTION)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col" class="number">{t(msg::IMPORT_LINE)}</th>
                                    <th scope="col">{t(msg::FIELD_USERNAME)}</th>
                                    <th scope="col">{t(msg::USERS_NAME)}</th>
                                    <th scope="col">{t(msg::STAT_COHORT)}</th>
                                    <th scope="col">{t(msg::IMPORT_OUTCOME)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {report.rows.into_iter().map(|row| view! {
                                    <tr class:error=row.refused>
                                        <td data-label=t(msg::IMPORT_LINE) class="number">{row.line}</td>
                                        <td data-label=t(msg::FIELD_USERNAME) dir="ltr">{row.username}</td>
                                        <td data-label=t(msg::USERS_NAME)><bdi>{row.name}</bdi></td>
                                        <td data-label=t(msg::STAT_COHORT) dir="ltr">{row.cohort}</td>
                                        <td data-label=t(msg::IMPORT_OUTCOME)>{if row.refused { format!("{} {}", t(msg::IMPORT_ERROR_PREFIX), t(&row.outcome)) } else { t(&row.outcome) }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                })}
                {(report.rows_left_out > 0).then(|| view! {
                    <p class="hint">{t_with(msg::IMPORT_ROWS_LEFT_OUT, [("count", report.rows_left_out.into())])}</p>
                })}
            </section>
        </Layout>
    }
}

/// The set-password codes of the accounts the import created: printed
/// and handed out, then forgotten.
#[component]
fn Codes(report: ImportReport) -> impl IntoView {
    if report.codes.is_empty() {
        return report.codes_sealed.then(|| {
            view! {
                <section class="codes-list" id="codes" aria-labelledby="codes-heading">
                    <h2 id="codes-heading">{t(msg::IMPORT_CODES_TITLE)}</h2>
                    <p>{t(msg::IMPORT_CODES_ELSEWHERE)}</p>
                </section>
            }
            .into_any()
        });
    }
    let expires = report.codes_expire_on.unwrap_or_default();
    Some(
        view! {
            <section class="codes-list" id="codes" aria-labelledby="codes-heading">
                <h2 id="codes-heading">{t(msg::IMPORT_CODES_TITLE)}</h2>
                <p>{t_with(msg::IMPORT_CODES_NOTE, [("date", crate::format::date(&expires).into())])}</p>
                <p class="hint no-print">{t(msg::IMPORT_CODES_PRINT)}</p>
                <div class="table-wrap">
                    <table class="cards" id="import-codes">
                        <caption>{t(msg::IMPORT_CODES_CAPTION)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(msg::USERS_NAME)}</th>
                                <th scope="col">{t(msg::FIELD_USERNAME)}</th>
                                <th scope="col">{t(msg::STAT_COHORT)}</th>
                                <th scope="col">{t(msg::IMPORT_CODE)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {report.codes.into_iter().map(|code| view! {
                                <tr>
                                    <td data-label=t(msg::USERS_NAME)><bdi>{code.name}</bdi></td>
                                    <td data-label=t(msg::FIELD_USERNAME) dir="ltr">{code.username}</td>
                                    <td data-label=t(msg::STAT_COHORT)><bdi>{code.cohort}</bdi></td>
                                    <td data-label=t(msg::IMPORT_CODE) dir="ltr"><code>{code.code}</code></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <form class="no-print" method="post" action={action_of::<ForgetImportCodes>()}>
                    <input type="hidden" name="id" value=report.id.to_string()/>
                    <button type="submit">{t(msg::IMPORT_CODES_FORGET)}</button>
                </form>
            </section>
        }
        .into_any(),
    )
}
