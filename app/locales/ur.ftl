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

username-length = یوزر نیم میں 3 سے 32 حروف ہونے چاہئیں۔
username-characters = یوزر نیم میں صرف a–z حروف، ہندسے اور . _ - استعمال کریں، اور اسے کسی حرف یا ہندسے سے شروع کریں۔
username-taken = یہ یوزر نیم پہلے سے لیا جا چکا ہے۔ براہِ کرم کوئی اور چنیں۔
username-unknown = اس یوزر نیم کا کوئی اکاؤنٹ نہیں۔
display-name-empty = براہِ کرم اپنا نام لکھیں۔
display-name-too-long = نام میں زیادہ سے زیادہ 100 حروف ہو سکتے ہیں۔
display-name-characters = آپ کے نام میں ایسے حروف ہیں جو دکھائے نہیں جا سکتے۔ براہِ کرم دوبارہ لکھیں۔
password-too-short = پاس ورڈ میں کم از کم 10 حروف ہونے چاہئیں۔ چند الفاظ ملا کر لکھیں تو یاد رکھنا آسان ہوتا ہے۔
password-too-long = پاس ورڈ میں زیادہ سے زیادہ 200 حروف ہو سکتے ہیں۔
password-repetitive = پاس ورڈ میں کم از کم 5 مختلف حروف ہونے چاہئیں۔
password-common = یہ پاس ورڈ وہ ہے جو ہر کوئی سب سے پہلے آزماتا ہے۔ براہِ کرم کوئی اور چنیں۔
password-contains-username = پاس ورڈ میں آپ کا یوزر نیم نہیں ہونا چاہیے۔

error-forbidden-text = یہ درخواست کسی دوسری ویب سائٹ سے آئی تھی، اس لیے قبول نہیں کی گئی۔ براہِ کرم اسی سائٹ کا فارم استعمال کریں۔

nav-login = لاگ اِن
nav-register = رجسٹر کریں
nav-logout = لاگ آؤٹ
signed-in-as = { $name } کے نام سے لاگ اِن
login-title = لاگ اِن
login-submit = لاگ اِن کریں
login-failed = یہ یوزر نیم اور پاس ورڈ کسی اکاؤنٹ سے نہیں ملتے۔ براہِ کرم دیکھ کر دوبارہ کوشش کریں۔
login-no-account = ابھی اکاؤنٹ نہیں؟ رجسٹر کریں
register-title = رجسٹر کریں
register-lead = اکاؤنٹ آپ کی پیش رفت محفوظ رکھتا ہے اور آپ کو سرٹیفکیٹ دلاتا ہے۔ یہ مفت ہے۔
register-submit = میرا اکاؤنٹ بنائیں
register-have-account = پہلے سے رجسٹرڈ ہیں؟ لاگ اِن کریں
field-username = یوزر نیم
field-username-hint = a–z حروف، ہندسوں اور . _ - میں سے 3 سے 32، مثلاً amina.k یا آپ کا فون نمبر۔
field-display-name = آپ کا نام
field-display-name-hint = جیسے آپ کے سرٹیفکیٹ پر لکھا جانا چاہیے، کسی بھی زبان میں۔
field-password = پاس ورڈ
field-password-hint = کم از کم 10 حروف۔ چند الفاظ ملا کر لکھیں تو یاد رکھنا آسان اور اندازہ لگانا مشکل ہوتا ہے۔
field-language = زبان

login-throttled = بہت زیادہ غلط کوششیں ہو گئیں۔ براہِ کرم 15 منٹ انتظار کر کے دوبارہ کوشش کریں، یا اپنے ٹرینر سے پاس ورڈ ری سیٹ کروائیں۔

account-title = آپ کا اکاؤنٹ
account-role = کردار
role-learner = سیکھنے والا
role-instructor = استاد
role-manager = پروگرام مینیجر
role-admin = منتظم
password-change-title = اپنا پاس ورڈ بدلیں
field-current-password = موجودہ پاس ورڈ
field-new-password = نیا پاس ورڈ
password-change-submit = پاس ورڈ بدلیں
password-changed = آپ کا پاس ورڈ بدل گیا ہے۔ باقی تمام جگہوں سے آپ لاگ آؤٹ ہو گئے ہیں۔
password-wrong-current = یہ آپ کا موجودہ پاس ورڈ نہیں ہے۔

account-data-title = آپ کا ڈیٹا
account-data-text = ہمارے پاس آپ کے بارے میں جو کچھ محفوظ ہے، وہ سب ڈاؤن لوڈ کریں: آپ کا اکاؤنٹ اور اس کی تاریخ۔
account-data-download = میرا ڈیٹا ڈاؤن لوڈ کریں (JSON)
account-delete-title = اپنا اکاؤنٹ ختم کریں
account-delete-warning = اس سے آپ کا نام، یوزر نیم اور پاس ورڈ ہمیشہ کے لیے مٹ جائیں گے اور آپ ہر جگہ سے لاگ آؤٹ ہو جائیں گے۔ مکمل کیے گئے کورسز آپ کے نام کے بغیر پروگرام کی کل تعداد میں شامل رہیں گے۔ یہ عمل واپس نہیں ہو سکتا۔
account-delete-submit = میرا اکاؤنٹ ختم کریں
field-confirm-password = تصدیق کے لیے اپنا پاس ورڈ

audit-title = آڈٹ لاگ
audit-caption = اکاؤنٹس میں آخری 200 تبدیلیاں، تازہ ترین پہلے (وقت UTC میں)
audit-when = کب
audit-action = کیا
audit-actor = کس نے
audit-subject = اکاؤنٹ
audit-address = کس پتے سے
error-not-allowed-title = اجازت نہیں
error-not-allowed-text = یہ صفحہ صرف ان لوگوں کے لیے ہے جو ایسے اکاؤنٹ سے لاگ اِن ہوں جسے اسے دیکھنے کی اجازت ہو۔ براہِ کرم لاگ اِن کریں، یا اپنے پروگرام کے منتظم سے پوچھیں۔
