use crate::api::certificates::RevokeCertificate;
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use super::param;
use crate::api::certificates::{my_certificate, verify_certificate};
use crate::components::{Field, Layout, form_errors};
use crate::i18n::{duration, t, t_with};
use crate::model::{CertificateView, Verification, VerifiedCertificate};

/// `/my/certificates/{course}`: the learner's own certificate, printable on
/// one A4 page, with a QR code of its public verification address.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let course = param("course");
    loaded(my_certificate(course), move |certificate| view! { <Certificate certificate/> })
}

#[component]
fn Certificate(certificate: CertificateView) -> impl IntoView {
    let CertificateView {
        learner_name,
        course_id,
        course_title,
        issued_on,
        minutes,
        programme,
        logo,
        verify_code,
        verify_url,
        qr_svg,
        revoked_on,
    } = certificate;
    let verify_href = verify_url.clone();
    // The address may break after its last slash, never inside the code.
    let (verify_base, verify_tail) = match verify_url.rfind('/') {
        Some(at) => (verify_url[..=at].to_string(), verify_url[at + 1..].to_string()),
        None => (String::new(), verify_url),
    };
    view! {
        <PageTitle text=t(msg::CERTIFICATE_TITLE)/>
        <Layout>
            <p class="no-print"><a href=format!("/courses/{}", course_id.clone())>{t(msg::CERTIFICATE_BACK)}</a></p>
            {revoked_on.map(|date| view! { <p class="form-error" role="alert">{t_with(msg::CERTIFICATE_REVOKED_ON, [("date", crate::format::date(&date).into())])}</p> })}
            <article class="certificate" aria-labelledby="certificate-heading">
                {logo.then(|| view! { <img class="logo" src="/programme-logo" alt="" width="160" height="60"/> })}
                <p class="issuer">{programme.clone()}</p>
                <h1 id="certificate-heading">{t(msg::CERTIFICATE_HEADING)}</h1>
                <p>{t(msg::CERTIFICATE_CERTIFIES)}</p>
                <p class="learner"><bdi>{learner_name}</bdi></p>
                <p>{t(msg::CERTIFICATE_COMPLETED)}</p>
                <p class="course"><bdi>{course_title}</bdi></p>
                <dl class="facts">
                    <dt>{t(msg::CERTIFICATE_DATE)}</dt>
                    <dd>{crate::format::date(&issued_on)}</dd>
                    <dt>{t(msg::CERTIFICATE_HOURS)}</dt>
                    <dd>{duration(minutes)}</dd>
                    <dt>{t(msg::CERTIFICATE_ISSUER)}</dt>
                    <dd><bdi>{programme}</bdi></dd>
                </dl>
                <div class="verify">
                    <div class="qr" role="img" aria-label=t(msg::CERTIFICATE_QR) inner_html=qr_svg></div>
                    <p>
                        {t(msg::CERTIFICATE_VERIFY_AT)}
                        <br/>
                        <a href=verify_href dir="ltr">{verify_base}<wbr/><span class="nowrap">{verify_tail}</span></a>
                        <br/>
                        {t(msg::CERTIFICATE_CODE)} " " <code dir="ltr" class="nowrap">{verify_code}</code>
                    </p>
                </div>
            </article>
            <p class="no-print">
                <a href=format!("/my/certificates/{course_id}/certificate.pdf") download="certificate.pdf">
                    {t(msg::CERTIFICATE_PDF)}
                </a>
            </p>
            <p class="no-print">
                <a href=format!("/my/certificates/{course_id}/credential.jwt") download="certificate.jwt">
                    {t(msg::CERTIFICATE_CREDENTIAL)}
                </a>
                " "
                <span class="hint">{t(msg::CERTIFICATE_CREDENTIAL_HINT)}</span>
            </p>
        </Layout>
    }
}

/// `/verify/{code}`: public. Valid, revoked (with its date) or unknown
/// (status 404), showing only name, course, date and issuer.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let code = param("code");
    loaded(verify_certificate(code), move |verification| view! { <Verified verification/> })
}

#[component]
fn Verified(verification: Verification) -> impl IntoView {
    let (status_class, headline, details, revoked) = match verification {
        Verification::Unknown => {
            #[cfg(feature = "ssr")]
            crate::error::AppError::NotFound.set_response_status();
            ("unknown", t(msg::VERIFY_UNKNOWN), None, false)
        }
        Verification::Valid(found) => ("valid", t(msg::VERIFY_VALID), Some(found), false),
        Verification::Revoked(found, date) => {
            ("revoked", t_with(msg::VERIFY_REVOKED, [("date", crate::format::date(&date).into())]), Some(found), true)
        }
    };
    let may_revoke = details.as_ref().is_some_and(|found| found.may_revoke) && !revoked;
    view! {
        <PageTitle text=t(msg::VERIFY_TITLE)/>
        <Layout>
            <h1>{t(msg::VERIFY_TITLE)}</h1>
            <p class=format!("verdict {status_class}") role="status">{headline}</p>
            {details.map(|found| view! { <Details found may_revoke/> })}
        </Layout>
    }
}

#[component]
fn Details(found: VerifiedCertificate, may_revoke: bool) -> impl IntoView {
    let errors = form_errors::<RevokeCertificate>();
    let code = found.verify_code.clone();
    view! {
        <dl class="profile">
            <dt>{t(msg::VERIFY_NAME)}</dt>
            <dd>{match found.learner_name {
                Some(name) => view! { <bdi>{name}</bdi> }.into_any(),
                None => view! { <span>{t(msg::VERIFY_HOLDER_DELETED)}</span> }.into_any(),
            }}</dd>
            <dt>{t(msg::COHORT_COURSE)}</dt>
            <dd><bdi>{found.course_title}</bdi></dd>
            <dt>{t(msg::CERTIFICATE_DATE)}</dt>
            <dd>{crate::format::date(&found.issued_on)}</dd>
            <dt>{t(msg::CERTIFICATE_ISSUER)}</dt>
            <dd><bdi>{found.programme}</bdi></dd>
        </dl>
        {may_revoke.then(|| view! {
            <h2>{t(msg::REVOKE_TITLE)}</h2>
            <form class="account-form" method="post" action={action_of::<RevokeCertificate>()}>
                <input type="hidden" name="code" value=code/>
                <Field name="reason" label=t(msg::REVOKE_REASON) autocomplete="off" error=errors.field("reason").map(str::to_string)/>
                <button type="submit" class="danger">{t(msg::REVOKE_SUBMIT)}</button>
            </form>
        })}
    }
}
