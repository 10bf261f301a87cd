# اردو میں انٹرفیس کا متن۔

site-name = ڈیجیٹل مہارتیں
skip-to-content = مواد پر جائیں
nav-site = سائٹ
nav-courses = کورسز
nav-language = زبان
footer-text = ڈیجیٹل مہارتوں کے مفت کورسز۔

catalogue-title = کورسز
catalogue-lead = اپنی رفتار سے، اپنے فون پر سیکھیں۔ ہر کورس مفت ہے۔

level-beginner = ابتدائی
level-intermediate = درمیانہ
level-advanced = اعلیٰ
lesson-count = { $count ->
    [one] { $count } سبق
   *[other] { $count } اسباق
}
duration-minutes = { $minutes } منٹ
duration-hours = { $hours } گھنٹے
duration-hours-minutes = { $hours } گھنٹے { $minutes } منٹ

course-start = کورس شروع کریں
lesson-kind-quiz = کوئز

breadcrumbs = راستہ
lesson-contents = اس سبق میں
lesson-pager = اسباق
lesson-previous = پچھلا
lesson-next = اگلا
lesson-fallback-note = یہ سبق ابھی { $language } میں دستیاب نہیں، اس لیے { $shown } میں دکھایا جا رہا ہے۔

quiz-title = کوئز
quiz-summary = { $count ->
    [one] { $count } سوال
   *[other] { $count } سوالات
} · کامیابی کے لیے { $pass_mark }٪
quiz-choose-one = ایک جواب چنیں۔
quiz-choose-many = تمام درست جوابات چنیں۔

error-not-found-title = صفحہ نہیں ملا
error-not-found-text = ہمیں یہ صفحہ نہیں ملا۔ ہو سکتا ہے یہ کہیں اور منتقل ہو گیا ہو، یا پتے میں ٹائپ کی غلطی ہو۔
error-bad-request-title = درخواست سمجھ نہیں آئی
error-bad-request-text = یہ درخواست سمجھ نہیں آئی۔ براہِ کرم واپس جا کر دوبارہ کوشش کریں۔
error-internal-title = کچھ غلط ہو گیا
error-internal-text = ہماری طرف کچھ خرابی ہو گئی۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔
error-see-courses = تمام کورسز دیکھیں
