# اردو میں انٹرفیس کا متن۔
# اردو جملوں کے اندر لاطینی حروف یا ہندسوں کے ٹکڑے LRI (U+2066) اور PDI (U+2069) کے درمیان لکھے گئے ہیں۔

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
duration-hours = { $hours ->
    [one] { $hours } گھنٹہ
   *[other] { $hours } گھنٹے
}
duration-hours-minutes = { $hours ->
    [one] { $hours } گھنٹہ
   *[other] { $hours } گھنٹے
} { $minutes } منٹ

course-start = کورس شروع کریں
lesson-kind-quiz = کوئز

breadcrumbs = صفحے کا راستہ
lesson-contents = اس سبق میں
lesson-pager = اسباق
lesson-previous = پچھلا
lesson-next = اگلا
lesson-fallback-note = یہ سبق ابھی { $wanted ->
        [ur] اردو
        [uz] ازبک
        [ru] روسی
       *[en] انگریزی
    } میں دستیاب نہیں، اس لیے { $shown ->
        [ur] اردو
        [uz] ازبک
        [ru] روسی
       *[en] انگریزی
    } میں دکھایا جا رہا ہے۔

quiz-title = کوئز
quiz-summary = { $count ->
    [one] { $count } سوال
   *[other] { $count } سوالات
} · پاس ہونے کے لیے { $pass_mark }
quiz-choose-one = ایک جواب چنیں۔
quiz-choose-many = تمام درست جوابات چنیں۔

error-not-found-title = صفحہ نہیں ملا
error-not-found-text = ہمیں یہ صفحہ نہیں ملا۔ ہو سکتا ہے یہ کہیں اور منتقل ہو گیا ہو، یا پتے میں ٹائپ کی غلطی ہو۔
error-bad-request-title = درخواست سمجھ نہیں آئی
error-bad-request-text = یہ درخواست سمجھ نہیں آئی۔ براہِ کرم واپس جا کر دوبارہ کوشش کریں۔
error-internal-title = کچھ غلط ہو گیا
error-internal-text = ہماری طرف کوئی خرابی ہو گئی۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔
error-storage-full-title = کچھ محفوظ نہیں ہوا
error-storage-full-text = اس وقت سرور پر جگہ نہیں ہے، اس لیے کچھ محفوظ نہیں ہوا۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔
error-busy-title = ایک لمحے کے لیے مصروف
error-busy-text = اس وقت بہت سے لوگ لاگ اِن کر رہے ہیں۔ براہِ کرم ایک لمحہ انتظار کر کے دوبارہ کوشش کریں: کچھ ضائع نہیں ہوا۔
error-see-courses = تمام کورسز دیکھیں

username-length = صارف نام میں 3 سے 32 حروف ہونے چاہییں۔
username-characters = صارف نام میں صرف ⁦a–z⁩ کے حروف، ہندسے اور ⁦. _ -⁩ استعمال کریں، اور اسے کسی حرف یا ہندسے سے شروع کریں۔
username-taken = یہ صارف نام پہلے سے لیا جا چکا ہے۔ براہِ کرم کوئی اور چنیں۔
username-unknown = اس صارف نام کا کوئی اکاؤنٹ نہیں۔
display-name-empty = براہِ کرم اپنا نام لکھیں۔
display-name-too-long = نام میں زیادہ سے زیادہ 100 حروف ہو سکتے ہیں۔
display-name-characters = آپ کے نام میں ایسے حروف ہیں جو دکھائے نہیں جا سکتے۔ براہِ کرم دوبارہ لکھیں۔
password-too-short = پاس ورڈ میں کم از کم 10 حروف ہونے چاہییں۔ چند الفاظ ملا کر لکھیں تو یاد رکھنا آسان ہوتا ہے۔
password-too-long = پاس ورڈ میں زیادہ سے زیادہ 200 حروف ہو سکتے ہیں۔
password-characters = پاس ورڈ میں کنٹرول حروف یا خراب ہو کر پہنچنے والا متن نہیں ہو سکتا۔ براہِ کرم اسے دوبارہ لکھیں۔
password-repetitive = پاس ورڈ میں کم از کم 5 مختلف حروف ہونے چاہییں۔
password-common = یہ پاس ورڈ وہ ہے جو ہر کوئی سب سے پہلے آزماتا ہے۔ براہِ کرم کوئی اور چنیں۔
password-contains-username = پاس ورڈ میں آپ کا صارف نام نہیں ہونا چاہیے۔

error-forbidden-text = یہ درخواست کسی دوسری ویب سائٹ سے آئی تھی، اس لیے قبول نہیں کی گئی۔ براہِ کرم اسی سائٹ کا فارم استعمال کریں۔

nav-login = لاگ اِن
nav-register = رجسٹر کریں
nav-logout = لاگ آؤٹ
signed-in-as = { $name } کے نام سے لاگ اِن
login-title = لاگ اِن
login-submit = لاگ اِن کریں
login-failed = یہ صارف نام اور پاس ورڈ کسی اکاؤنٹ سے نہیں ملتے۔ براہِ کرم دیکھ کر دوبارہ کوشش کریں۔
login-no-account = ابھی اکاؤنٹ نہیں؟ رجسٹر کریں
register-title = رجسٹر کریں
register-lead = اکاؤنٹ میں آپ کی پیش رفت محفوظ رہتی ہے اور اسی سے آپ کو سرٹیفکیٹ ملتے ہیں۔ یہ مفت ہے۔
register-submit = میرا اکاؤنٹ بنائیں
register-have-account = پہلے سے رجسٹرڈ ہیں؟ لاگ اِن کریں
field-username = صارف نام
field-username-hint = ⁦a–z⁩ کے حروف، ہندسے اور ⁦. _ -⁩، کل 3 سے 32، مثلاً ⁦amina.k⁩ یا آپ کا فون نمبر۔
field-display-name = آپ کا نام
field-display-name-hint = جیسے آپ کے سرٹیفکیٹ پر لکھا جانا چاہیے، کسی بھی زبان میں۔
field-password = پاس ورڈ
field-password-hint = کم از کم 10 حروف۔ چند الفاظ ملا کر لکھیں تو یاد رکھنا آسان اور اندازہ لگانا مشکل ہوتا ہے۔
field-language = زبان

form-check-fields = براہِ کرم یہ خانے دوبارہ دیکھ لیں:
form-too-large = آپ نے جو بھیجا وہ یہاں کے کسی بھی فارم کی حد سے بہت لمبا ہے، اس لیے کچھ محفوظ نہیں ہوا۔ براہِ کرم واپس جا کر اسے مختصر کریں اور دوبارہ کوشش کریں۔
login-throttled = یہاں سے بہت زیادہ غلط کوششیں ہو گئیں۔ براہِ کرم چند منٹ انتظار کر کے دوبارہ کوشش کریں، یا اپنے ٹرینر سے پاس ورڈ ری سیٹ کروائیں۔
code-throttled = یہاں سے بہت زیادہ غلط کوڈ درج ہوئے۔ براہِ کرم ایک منٹ انتظار کر کے دوبارہ کوشش کریں۔
register-throttled = ابھی یہاں سے بہت سے اکاؤنٹ بنائے گئے ہیں۔ براہِ کرم ایک منٹ انتظار کر کے دوبارہ کوشش کریں۔
password-throttled = بہت زیادہ غلط کوششیں ہو گئیں۔ براہِ کرم چند منٹ انتظار کر کے دوبارہ کوشش کریں۔

account-title = آپ کا اکاؤنٹ
account-role = کردار
account-failed-sign-ins = { $count ->
    [one] آپ کے پچھلی بار سائن اِن کے بعد کسی نے آپ کے اکاؤنٹ کے لیے ایک بار غلط پاس ورڈ لکھا۔
   *[other] آپ کے پچھلی بار سائن اِن کے بعد کسی نے آپ کے اکاؤنٹ کے لیے { $count } بار غلط پاس ورڈ لکھا۔
} اگر یہ آپ نہیں تھے تو نیچے نیا پاس ورڈ چنیں: لمبا، اور کہیں اور استعمال نہ ہونے والا۔
role-learner = سیکھنے والا
role-instructor = استاد
role-manager = پروگرام مینیجر
role-admin = منتظم
password-change-title = اپنا پاس ورڈ بدلیں
field-current-password = موجودہ پاس ورڈ
field-new-password = نیا پاس ورڈ
password-change-submit = پاس ورڈ بدلیں
password-changed = آپ کا پاس ورڈ بدل گیا ہے۔ باقی تمام جگہوں پر آپ کا اکاؤنٹ لاگ آؤٹ کر دیا گیا ہے۔
password-wrong-current = یہ آپ کا موجودہ پاس ورڈ نہیں ہے۔

account-data-title = آپ کا ڈیٹا
account-data-text = ہمارے پاس آپ کے بارے میں جو کچھ محفوظ ہے، وہ سب ڈاؤن لوڈ کریں: آپ کا اکاؤنٹ، آپ کے پروفائل کے جوابات اور اکاؤنٹ کا تاریخچہ۔
account-data-download = میرا ڈیٹا ڈاؤن لوڈ کریں (⁦JSON⁩)
account-delete-title = اپنا اکاؤنٹ ختم کریں
account-delete-warning = اس سے آپ کا نام، صارف نام اور پاس ورڈ ہمیشہ کے لیے مٹ جائیں گے اور ہر جگہ سے لاگ آؤٹ کر دیا جائے گا۔ مکمل کیے گئے کورسز آپ کے نام کے بغیر پروگرام کی کل تعداد میں شامل رہیں گے۔ یہ عمل واپس نہیں ہو سکتا۔
account-delete-submit = میرا اکاؤنٹ ختم کریں
field-confirm-password = تصدیق کے لیے اپنا پاس ورڈ

audit-title = آڈٹ لاگ
audit-caption = اکاؤنٹس میں آخری 200 تبدیلیاں، تازہ ترین پہلے (وقت ⁦UTC⁩ میں)
audit-when = کب
audit-action = کیا
audit-actor = کس نے
audit-subject = اکاؤنٹ
audit-address = کس پتے سے
error-not-allowed-title = اجازت نہیں
error-not-allowed-text = یہ صفحہ صرف ان لوگوں کے لیے ہے جو ایسے اکاؤنٹ سے لاگ اِن ہوں جسے اسے دیکھنے کی اجازت ہو۔ براہِ کرم لاگ اِن کریں، یا اپنے پروگرام کے منتظم سے پوچھیں۔

profile-title = آپ کے بارے میں (اختیاری)
profile-explanation = یہ جوابات پروگرام کو نام کے بغیر یہ بتانے میں مدد دیتے ہیں کہ وہ کن لوگوں تک پہنچ رہا ہے۔ سیکھنے کے لیے ان میں سے کوئی ضروری نہیں۔ ہر جواب صرف اسی صورت میں رکھا جاتا ہے جب آپ اس کا خانہ نشان زد کریں، اور اپنے اکاؤنٹ کے صفحے پر کسی بھی وقت اجازت واپس لی جا سکتی ہے۔
profile-prefer-not = نہ بتانا پسند ہے
profile-gender = صنف
profile-gender-female = خاتون
profile-gender-male = مرد
profile-gender-other = کوئی اور صنف
profile-gender-consent = مجھے منظور ہے کہ میری صنف میرے نام کے بغیر پروگرام کے اعداد و شمار میں استعمال ہو۔
profile-age-band = عمر
profile-age-band-under-18 = 18 سال سے کم
profile-age-band-18-24 = 18 سے 24
profile-age-band-25-34 = 25 سے 34
profile-age-band-35-44 = 35 سے 44
profile-age-band-45-plus = 45 سال یا زیادہ
profile-age-band-consent = مجھے منظور ہے کہ میری عمر کا گروپ میرے نام کے بغیر پروگرام کے اعداد و شمار میں استعمال ہو۔
profile-region = ملک
profile-region-pk = پاکستان
profile-region-uz = ازبکستان
profile-region-kz = قازقستان
profile-region-kg = کرغیزستان
profile-region-tj = تاجکستان
profile-region-af = افغانستان
profile-region-other = کوئی اور ملک
profile-region-consent = مجھے منظور ہے کہ میرا ملک میرے نام کے بغیر پروگرام کے اعداد و شمار میں استعمال ہو۔
profile-choice-unknown = براہِ کرم فہرست میں سے کوئی ایک جواب چنیں۔
profile-consent-needed = یہ جواب رکھنے کے لیے اجازت کا خانہ نشان زد کریں، یا "نہ بتانا پسند ہے" چنیں۔
profile-save = میرے جوابات محفوظ کریں
profile-saved = آپ کے جوابات محفوظ ہو گئے ہیں۔
profile-withdrawn = آپ کی اجازت واپس لے لی گئی ہے اور آپ کے جوابات مٹا دیے گئے ہیں۔
profile-withdraw-text = ہر اجازت واپس لیں: ان سوالوں کے آپ کے جوابات فوراً مٹا دیے جائیں گے۔
profile-withdraw = اجازت واپس لیں اور میرے جوابات مٹائیں

login-forgot = پاس ورڈ یاد نہیں؟ اپنے ٹرینر سے ری سیٹ کوڈ لیں
reset-title = نیا پاس ورڈ بنائیں
reset-lead = ایک بار استعمال ہونے والا ری سیٹ کوڈ آپ کو اپنے ٹرینر، پروگرام مینیجر یا منتظم سے مل سکتا ہے۔ اسے یہاں نئے پاس ورڈ کے ساتھ لکھیں۔ باقی تمام جگہوں پر آپ کا اکاؤنٹ لاگ آؤٹ ہو جائے گا۔
field-reset-code = ری سیٹ کوڈ
field-reset-code-hint = 12 حروف اور ہندسے، مثلاً ⁦ABCD-EFGH-JKMN⁩۔ بڑے چھوٹے حروف، خالی جگہ اور ڈیش سے فرق نہیں پڑتا۔
reset-submit = میرا نیا پاس ورڈ بنائیں
reset-code-invalid = یہ کوڈ کام نہیں کرتا۔ ہو سکتا ہے غلط لکھا گیا ہو، پہلے استعمال ہو چکا ہو یا اس کی مدت ختم ہو گئی ہو۔ براہِ کرم نیا کوڈ مانگیں۔

nav-users = اکاؤنٹس
users-title = اکاؤنٹس
users-search = صارف نام یا نام کا شروع کا حصہ
users-search-submit = تلاش کریں
users-caption = ملنے والے اکاؤنٹس (زیادہ سے زیادہ 50)
users-name = نام
users-actions = اقدامات
users-none = کوئی اکاؤنٹ نہیں ملا۔
users-issue-code = ری سیٹ کوڈ جاری کریں
users-issue-code-for = { $username } کے لیے ری سیٹ کوڈ جاری کریں
users-role-for = { $username } کا کردار
users-change-role = کردار بدلیں
users-role-changed = { $username } کا کردار بدل گیا ہے۔ ہر جگہ ان کا اکاؤنٹ لاگ آؤٹ کر دیا گیا ہے۔
users-code-issued = { $username } کے لیے ری سیٹ کوڈ
users-code-expires = یہ کوڈ انہیں آمنے سامنے دیں۔ یہ صرف ایک بار، { $time } تک کام کرے گا۔ اس سے پہلے جاری ہونے والا کوئی بھی کوڈ اب کام نہیں کرے گا۔
users-code-link = یا یہ لنک بھیجیں:

nav-my-courses = میرے کورسز
nav-cohorts = گروپس
progress-lessons = { $total } میں سے { $done ->
    [one] { $done } سبق
   *[other] { $done } اسباق
} مکمل ({ $percent })
course-your-progress = آپ کی پیش رفت
course-sign-in-to-track = اپنی پیش رفت محفوظ رکھنے اور سرٹیفکیٹ حاصل کرنے کے لیے لاگ اِن کریں یا رجسٹر کریں۔
course-enrol = اس کورس میں داخلہ لیں
course-enrol-hint = مفت۔ آپ کی پیش رفت ساتھ ساتھ محفوظ ہوتی رہتی ہے۔
course-have-code = کیا آپ کے پاس گروپ کوڈ ہے؟
course-code-only = یہ کورس گروپس کے لیے ہے: اپنے ٹرینر کا دیا ہوا کوڈ لکھ کر شامل ہوں۔
course-completed-on = آپ نے یہ کورس { $date } کو مکمل کیا۔
course-continue = جاری رکھیں
course-unenrol = یہ کورس چھوڑیں (آپ کی پیش رفت محفوظ رہے گی)
lesson-done = مکمل
lesson-completed = آپ نے یہ سبق مکمل کر لیا ہے۔
lesson-mark-complete = مکمل کا نشان لگائیں اور آگے بڑھیں
lesson-enrol-to-track = مکمل کیے گئے اسباق کا ریکارڈ رکھنے کے لیے کورس میں داخلہ لیں۔
lesson-locked = یہ سبق کورس میں داخلہ لینے والوں کے لیے ہے۔
lesson-locked-enrol = آگے پڑھنے کے لیے داخلہ لیں
learning-not-enrolled = براہِ کرم پہلے کورس میں داخلہ لیں: پیش رفت صرف داخلہ لینے والوں کی محفوظ ہوتی ہے۔
learning-code-only = اس کورس میں صرف گروپ کوڈ سے شامل ہوا جا سکتا ہے۔
learning-quiz-lesson = یہ سبق اس کا کوئز پاس کرنے سے مکمل ہوتا ہے۔
quiz-submit = میرے جوابات جانچیں
quiz-enrol-to-submit = اپنے جوابات جمع کرانے اور ان پر رائے لینے کے لیے کورس میں داخلہ لیں۔
quiz-best = اب تک آپ کا بہترین اسکور: { $score }۔
quiz-best-passed = آپ نے یہ کوئز پاس کر لیا ہے۔ بہترین اسکور: { $score }۔
quiz-result-title = آپ کا نتیجہ
quiz-passed = شاباش: { $score }۔ آپ نے کوئز پاس کر لیا۔
quiz-failed = { $score }۔ پاس ہونے کے لیے { $pass_mark } اسکور ضروری ہے۔ وضاحتیں پڑھیں اور دوبارہ کوشش کریں۔
quiz-question-right = درست
quiz-question-wrong = درست نہیں
quiz-question-missing = مکمل نہیں: کوئی درست جواب چننے سے رہ گیا ہے
quiz-chosen-right = آپ کا جواب (درست):
quiz-chosen-wrong = آپ کا جواب (غلط):
quiz-right-answer = درست جواب:
quiz-try-again = کوئز دوبارہ حل کریں
quiz-unanswered = جانچنے سے پہلے براہِ کرم ہر سوال کا جواب دیں۔
quiz-tampered = یہ جوابات اس کوئز سے میل نہیں کھاتے۔ براہِ کرم صفحہ دوبارہ کھولیں اور پھر سے جواب دیں۔
my-title = میرے کورسز
my-empty = آپ نے ابھی کسی کورس میں داخلہ نہیں لیا۔
my-next-lesson = اگلا سبق:
join-title = گروپ میں شامل ہوں
join-lead = گروپ کوڈ آپ کو اپنے ٹرینر سے ملتا ہے۔ گروپ اور اس کے کورس میں شامل ہونے کے لیے اسے یہاں لکھیں۔
join-submit = شامل ہوں
join-done = آپ کو گروپ میں شامل کر لیا گیا ہے۔
join-sign-in-first = پہلے لاگ اِن کریں یا رجسٹر کریں، پھر گروپ میں شامل ہوا جا سکتا ہے۔
join-code-unknown = اس کوڈ کا کوئی گروپ نہیں۔ براہِ کرم اپنے ٹرینر سے کوڈ دوبارہ معلوم کر لیں۔
join-cohort-ended = یہ گروپ ختم ہو چکا ہے، اس لیے اب اس میں شامل نہیں ہوا جا سکتا۔
join-cohort-full = یہ گروپ بھر چکا ہے۔ براہِ کرم اپنے ٹرینر سے پوچھیں۔
field-cohort-code = گروپ کوڈ
field-cohort-code-hint = 8 حروف اور ہندسے، مثلاً ⁦K7QM-2XPA⁩۔
field-optional = (اختیاری)
cohorts-title = گروپس
cohorts-none = ابھی کوئی گروپ نہیں۔
cohorts-caption = گروپس، تازہ ترین پہلے
cohort-name = گروپ کا نام
cohort-name-hint = مثلاً: لاہور، بہار 2027، شام کا گروپ۔
cohort-course = کورس
cohort-dates = تاریخیں
cohort-members = سیکھنے والے
cohort-new-title = نیا گروپ
cohort-time-zone = ٹائم زون
cohort-starts-on = شروع ہونے کی تاریخ
cohort-ends-on = ختم ہونے کی تاریخ (اس دن کے بعد شمولیت بند)
cohort-capacity = نشستیں
cohort-create = گروپ بنائیں
cohort-members-caption = اس گروپ کے سیکھنے والے
cohort-joined = شمولیت کی تاریخ
cohort-progress = پیش رفت
cohort-left-on = { $date } کو گروپ چھوڑ دیا
cohort-member-completed = مکمل
cohort-date-invalid = براہِ کرم تاریخ ⁦YYYY-MM-DD⁩ کی شکل میں لکھیں، یا خالی چھوڑ دیں۔
cohort-dates-reversed = ختم ہونے کی تاریخ شروع ہونے کی تاریخ سے پہلے نہیں ہو سکتی۔
cohort-capacity-invalid = نشستوں کی تعداد 1 سے 100000 تک کا پورا عدد ہو، یا کوئی حد نہ ہو تو خانہ خالی چھوڑ دیں۔
cohort-course-unknown = براہِ کرم فہرست میں سے کورس چنیں۔
cohort-name-invalid = گروپ کا نام 1 سے 100 حروف کا ہونا چاہیے۔
cohort-time-zone-unknown = براہِ کرم فہرست میں سے ٹائم زون چنیں۔

certificate-open = آپ کا سرٹیفکیٹ
certificate-title = تکمیل کا سرٹیفکیٹ
certificate-back = کورس پر واپس
certificate-revoked-on = یہ سرٹیفکیٹ { $date } کو منسوخ کر دیا گیا تھا اور اب مؤثر نہیں۔
certificate-heading = تکمیل کا سرٹیفکیٹ
certificate-certifies = تصدیق کی جاتی ہے کہ
certificate-completed = نے یہ کورس مکمل کیا ہے
certificate-date = تاریخ
certificate-hours = مطالعے کا وقت
certificate-issuer = جاری کنندہ
certificate-qr = اس پتے کا ⁦QR⁩ کوڈ جہاں یہ سرٹیفکیٹ جانچا جا سکتا ہے
certificate-verify-at = کوئی بھی یہ سرٹیفکیٹ یہاں جانچ سکتا ہے:
certificate-code = کوڈ:
verify-title = سرٹیفکیٹ جانچیں
verify-unknown = اس کوڈ کا کوئی سرٹیفکیٹ نہیں۔ دیکھ لیں کہ کوڈ بالکل ویسا ہی لکھا گیا ہے جیسا چھپا ہے۔
verify-valid = مؤثر: یہ سرٹیفکیٹ پروگرام نے جاری کیا ہے اور منسوخ نہیں ہوا۔
verify-revoked = { $date } کو منسوخ: یہ سرٹیفکیٹ اب مؤثر نہیں۔
verify-name = نام
verify-holder-deleted = محفوظ نہیں: سرٹیفکیٹ کے حامل نے اپنا اکاؤنٹ ختم کر دیا ہے۔
revoke-title = یہ سرٹیفکیٹ منسوخ کریں
revoke-reason = وجہ (آڈٹ لاگ میں محفوظ رہے گی)
revoke-submit = سرٹیفکیٹ منسوخ کریں
revoke-reason-needed = براہِ کرم 1 سے 500 حروف میں وجہ لکھیں۔
certificate-credential = ڈیجیٹل سند ڈاؤن لوڈ کریں (⁦Open Badge⁩)
certificate-credential-hint = ⁦Open Badges 3.0⁩ کی دستخط شدہ فائل، جسے آجروں کے سسٹم اور ڈیجیٹل والیٹ جانچ سکتے ہیں۔
certificate-pdf = ⁦PDF⁩ کے طور پر ڈاؤن لوڈ کریں

nav-teach = تدریس
nav-statistics = اعداد و شمار
manage-title = پروگرام کے اعداد و شمار
manage-organisation = ادارہ:
manage-tools = انتظام
stat-filters = اعداد و شمار فلٹر کریں
stat-all = سب
stat-cohort = گروپ
stat-enrolled-from = داخلہ اس تاریخ سے
stat-enrolled-to = داخلہ اس تاریخ تک
stat-apply-filters = دکھائیں
stat-filter-date-invalid = ایک تاریخ سمجھ نہیں آئی اور شامل نہیں کی گئی: براہِ کرم تاریخ ⁦YYYY-MM-DD⁩ کی شکل میں لکھیں۔
stat-learners-csv = ہر سیکھنے والے کی پیش رفت ڈاؤن لوڈ کریں (⁦CSV⁩)
stat-days = { $days } دن
stat-download-csv = یہ جدول ڈاؤن لوڈ کریں (⁦CSV⁩)
stat-funnel-title = داخلے سے سرٹیفکیٹ تک
stat-funnel-description = { $enrolled ->
    [one] { $enrolled } داخلے
   *[other] { $enrolled } داخلوں
} میں سے { $started } میں کورس شروع ہوا، { $completed } میں مکمل ہوا اور { $certified } میں سرٹیفکیٹ ملا۔
stat-funnel-caption = ہر مرحلے پر داخلے
stat-step = مرحلہ
stat-count = داخلے
stat-of-enrolled = کل داخلوں میں سے
stat-enrolled = داخلہ لیا
stat-started = شروع کیا
stat-completed = مکمل کیا
stat-certified = سرٹیفکیٹ ملا
stat-learners = سیکھنے والے
stat-median-days = مکمل کرنے کا درمیانی وقت
stat-active-7 = پچھلے 7 دنوں میں سرگرم
stat-active-30 = پچھلے 30 دنوں میں سرگرم
stat-by-course = کورس کے لحاظ سے
stat-by-course-caption = ہر کورس کے مراحل
stat-completion-rate-title = کورس کے لحاظ سے تکمیل کی شرح
stat-completion-rate-description = ہر کورس کے داخلوں میں سے مکمل کرنے والوں کا حصہ۔
stat-by-cohort = گروپ کے لحاظ سے
stat-by-cohort-caption = ہر گروپ کے مراحل
stat-no-cohort = گروپ کے بغیر
stat-breakdowns = صنف، عمر اور ملک کے لحاظ سے
stat-breakdowns-note = صرف رضامندی سے دیے گئے جوابات شمار ہوتے ہیں۔ جس گروپ میں کسی جواب کے { $threshold } سے کم افراد ہوں وہ ان جدولوں میں بالکل شامل نہیں ہوتا، اور ہر عدد دکھائے گئے گروپوں کا مجموعہ ہے، تاکہ { $threshold } سے چھوٹے کسی حصے کا حساب نہ اس صفحے سے لگایا جا سکے نہ صفحات کا موازنہ کر کے۔
stat-left-out = شامل نہیں: { $cohorts ->
    [one] { $cohorts } گروپ
   *[other] { $cohorts } گروپوں
} کے { $enrolments ->
    [one] { $enrolments } داخلہ
   *[other] { $enrolments } داخلے
}، کیونکہ وہاں کوئی حصہ حد سے چھوٹا ہے۔
stat-breakdowns-dated = تاریخوں کی حد کے لیے صنف، عمر اور ملک کے لحاظ سے تقسیم نہیں دکھائی جاتی: دو حدوں کا موازنہ کسی کی نشاندہی کر سکتا ہے۔ دیکھنے کے لیے تاریخیں ہٹا دیں۔
stat-not-shown = نہیں دکھایا گیا
stat-at-least = کم از کم { $count }
stat-groups-left-out = شامل نہ کیے گئے گروپ
stat-breakdown-caption = جواب کے لحاظ سے داخلے: { $question }
stat-not-stated = نہیں بتایا
stat-scope = دائرہ
stat-total = کل
csv-username = صارف نام
csv-name = نام
csv-cohort = گروپ
csv-enrolled-on = داخلے کی تاریخ
csv-left-on = چھوڑنے کی تاریخ
csv-started-on = شروع کرنے کی تاریخ
csv-last-active = آخری سرگرمی
csv-lessons-done = مکمل اسباق
csv-lessons-total = کورس کے اسباق
csv-completed-on = تکمیل کی تاریخ
csv-certificate = سرٹیفکیٹ کوڈ
csv-certificate-status = سرٹیفکیٹ کی حالت
csv-certificate-valid = مؤثر
csv-certificate-revoked = منسوخ
teach-title = تدریس
teach-none = ابھی کسی کورس میں آپ کا نام بطور استاد درج نہیں۔
teach-stops-title = سیکھنے والے کہاں رک جاتے ہیں
teach-most-stop = جنہوں نے سیکھنا چھوڑا، ان میں سے زیادہ تر نے "{ $lesson }" کے بعد چھوڑا۔
teach-no-stops = ابھی تک کسی نے درمیان میں سیکھنا نہیں چھوڑا۔
teach-reach-caption = ہر سبق مکمل کرنے والے، اور ان میں سے کتنوں نے اگلا سبق مکمل نہیں کیا
teach-lesson = سبق
teach-completed-lesson = مکمل کیا
teach-stopped-after = اگلا مکمل نہیں کیا
teach-questions-title = کوئز کے سوالات
teach-questions-note = ہر سیکھنے والے کی پہلی کوشش سے، دوبارہ کوشش سے پہلے۔
teach-questions-caption = ہر سوال کا جواب کیسے دیا گیا
teach-question = سوال
teach-answered = جواب دیا
teach-correct = درست
teach-common-wrong = سب سے زیادہ چنا گیا غلط جواب
teach-learners-title = سیکھنے والے
teach-learners-caption = ہر سیکھنے والے کی پیش رفت
teach-last-active = آخری سرگرمی
teach-more-learners = { $count ->
    [one] مزید { $count } سیکھنے والے کی تفصیل
   *[other] مزید { $count } سیکھنے والوں کی تفصیل
} ⁦CSV⁩ فائل میں ہے۔
organisations-title = ادارے
organisation = ادارہ
organisation-none = کوئی نہیں (خود پروگرام)
organisations-intro = وہ شراکت دار جن کے ذریعے پروگرام چلتا ہے: تربیتی مراکز، انکیوبیشن مراکز، غیر سرکاری تنظیمیں۔ گروپ کسی ایک ادارے کا ہو سکتا ہے، اور کسی ادارے تک محدود مینیجر کو صرف اسی کے گروپ اور سیکھنے والے نظر آتے ہیں۔
organisations-none = ابھی کوئی ادارہ نہیں۔
organisations-caption = ادارے، ان کے گروپ اور مینیجر
organisation-name = نام
organisation-managers = مینیجر
organisation-new = نیا ادارہ
organisation-create = ادارہ بنائیں
organisation-name-invalid = ادارے کا نام 1 سے 100 حروف کا ہونا چاہیے۔
organisation-name-taken = اس نام کا ادارہ پہلے سے موجود ہے۔
organisation-assign-title = مینیجر کو کسی ادارے تک محدود کریں
organisation-assign-hint = کسی ایک ادارے تک محدود مینیجر صرف اسی ادارے کے گروپ دیکھ اور بنا سکتا ہے، اور اعداد و شمار میں اسے صرف اسی ادارے کے سیکھنے والے نظر آتے ہیں۔
organisation-assign = محفوظ کریں
organisation-programme-wide = پورا پروگرام (تمام ادارے)
organisation-unknown = براہِ کرم فہرست میں سے ادارہ چنیں۔
organisation-not-a-manager = اس صارف نام کا کوئی مینیجر نہیں۔
import-title = فائل سے سیکھنے والوں کا داخلہ
import-intro = ⁦CSV⁩ فائل اپ لوڈ کریں جس کی ہر قطار میں ایک سیکھنے والا ہو۔ جب تک آپ یہ دیکھ کر کہ فائل سے کیا ہوگا، اسے لاگو کرنے کا فیصلہ نہ کریں، کچھ نہیں بدلے گا۔
import-columns-caption = فائل کے کالم (پہلی قطار میں ان کے نام)
import-column = کالم
import-column-meaning = اس میں کیا ہے
import-column-name = سیکھنے والے کا پورا نام، جیسا سرٹیفکیٹ پر آئے گا۔ ضروری۔
import-column-username = لاگ اِن کے لیے صارف نام: ⁦a–z⁩ کے حروف، ہندسے، نقطے، ڈیش یا انڈر اسکور، کل 3 سے 32۔ اس صارف نام کا اکاؤنٹ پہلے سے ہو تو دوبارہ نہیں بنتا، صرف اس کا داخلہ ہوتا ہے۔ ضروری۔
import-column-cohort = اس گروپ کا کوڈ جس میں داخلہ کرنا ہے، جیسا گروپ کے صفحے پر لکھا ہے۔ ضروری۔
import-column-profile = اختیاری جوابات، صرف رضامندی سے محفوظ: صنف (⁦female, male, other⁩)، عمر کا گروپ (⁦under-18, 18-24, 25-34, 35-44, 45-plus⁩)، ملک (⁦pk, uz, kz, kg, tj, af, other⁩)۔
import-column-consent = "⁦yes⁩" اگر سیکھنے والا پروگرام کے اعداد و شمار کے لیے اپنے جوابات رکھنے پر راضی ہو۔ کسی بھی جواب کے لیے ضروری۔
import-template = نمونہ فائل ڈاؤن لوڈ کریں
import-file = ⁦CSV⁩ فائل (⁦UTF-8⁩)
import-file-hint = زیادہ سے زیادہ ⁦{ $megabytes } MB⁩۔ ⁦Excel⁩ میں "⁦CSV UTF-8⁩" کے طور پر محفوظ کریں۔
import-check = فائل جانچیں
import-recent = آپ کی حالیہ فائلیں
import-applied-short = لاگو شدہ
import-report-title = داخلے کی فائل
import-applied = { $date } کو لاگو ہوئی۔
import-dry-run = یہ فائل لاگو کرنے سے کیا ہوگا
import-check-again = فائل ابھی دوبارہ جانچی گئی (لاگو شدہ قطاریں کچھ نہیں بدلتیں)
import-will-create = نیا اکاؤنٹ اور داخلہ
import-will-enrol = موجودہ اکاؤنٹ کا داخلہ
import-nothing-to-do = پہلے سے داخلہ ہے: کچھ کرنے کی ضرورت نہیں
import-refused = مسترد
import-apply-note = تمام غیر مسترد قطاریں ایک ساتھ لاگو ہوتی ہیں، یا کوئی بھی نہیں۔ مسترد قطاریں چھوڑ دی جاتی ہیں: انہیں درست کر کے فائل دوبارہ اپ لوڈ کریں۔
import-apply = { $count ->
    [one] { $count } درست قطار لاگو کریں
   *[other] { $count } درست قطاریں لاگو کریں
}
import-already-applied = یہ فائل پہلے ہی لاگو ہو چکی ہے۔
import-rows-caption = ہر قطار اور اس کا نتیجہ
import-line = قطار
import-outcome = نتیجہ
import-error-prefix = مسترد:
import-rows-left-out = { $count ->
    [one] مزید { $count } قطار یہاں درج نہیں؛ اوپر کی گنتی میں یہ بھی شامل ہے۔
   *[other] مزید { $count } قطاریں یہاں درج نہیں؛ اوپر کی گنتی میں یہ بھی شامل ہیں۔
}
import-codes-title = نئے اکاؤنٹس کے پاس ورڈ بنانے کے کوڈ
import-codes-note = ہر سیکھنے والے کو اس کا کوڈ دیں۔ وہ اس سائٹ کا "پاس ورڈ یاد نہیں؟" صفحہ (⁦/reset⁩) کھولے، کوڈ لکھے اور پاس ورڈ چنے۔ کوڈ ایک بار، { $date } تک کام کرتے ہیں۔
import-codes-print = براؤزر کے "پرنٹ" سے یہ فہرست پرنٹ کریں، پھر یہاں سے یہ کوڈ مٹا دیں۔
import-codes-elsewhere = یہ کوڈ بند حالت میں رکھے جاتے ہیں: انہیں صرف وہی براؤزر 14 دن تک دکھاتا ہے جس میں یہ فائل لاگو کی گئی۔ اگر فہرست گم ہو جائے تو اکاؤنٹس کے صفحے پر ہر سیکھنے والے کے لیے نیا ری سیٹ کوڈ جاری کریں۔
import-codes-caption = نئے اکاؤنٹس اور ان کے کوڈ
import-code = کوڈ
import-codes-forget = میں نے پرنٹ کر لیے: یہ کوڈ مٹا دیں
import-error-no-file = براہِ کرم اپ لوڈ کے لیے ⁦CSV⁩ فائل چنیں۔
import-error-too-large = یہ فائل اجازت شدہ ⁦{ $megabytes } MB⁩ سے بڑی ہے۔ اسے چھوٹی فائلوں میں تقسیم کریں۔
import-error-empty = یہ فائل خالی ہے۔
import-error-encoding = یہ فائل ⁦UTF-8⁩ متن نہیں۔ ⁦Excel⁩ میں اسے "⁦CSV UTF-8 (comma delimited)⁩" کے طور پر محفوظ کریں؛ ⁦LibreOffice⁩ میں کیریکٹر سیٹ "⁦Unicode (UTF-8)⁩" چنیں۔
import-error-missing-column = پہلی قطار میں "{ $detail }" کالم ہونا چاہیے۔
import-error-unknown-column = پہلی قطار میں ایک ایسا کالم ہے جسے یہ صفحہ نہیں جانتا: "{ $detail }"۔
import-error-repeated-column = پہلی قطار میں "{ $detail }" کالم دو بار ہے۔
import-error-unreadable = فائل قطار { $detail } سے آگے ⁦CSV⁩ کے طور پر نہیں پڑھی جا سکتی: کیا کہیں واوین کھلے رہ گئے ہیں؟
import-error-fields = اس قطار میں خانوں کی تعداد پہلی قطار سے مختلف ہے۔
import-error-duplicate = یہ صارف نام فائل کی کسی پچھلی قطار میں موجود ہے۔
import-error-cohort-unknown = اس کوڈ کا کوئی گروپ نہیں۔
import-error-cohort-full = گروپ میں اس قطار کے لیے جگہ باقی نہیں۔
import-error-staff-account = یہ صارف نام عملے کے اکاؤنٹ کا ہے: فائل سے صرف سیکھنے والوں کا داخلہ ہوتا ہے۔
import-error-not-yours = یہ صارف نام ایسے سیکھنے والے کا ہے جس کی دیکھ بھال آپ کا ادارہ نہیں کرتا۔ گروپ کے کوڈ سے اس گروپ میں خود شامل ہوا جا سکتا ہے۔
import-error-other-cohort = یہ سیکھنے والا اس کورس کے ایک اور گروپ میں ہے، جسے آپ نہیں چلاتے۔
import-error-profile-answer = پروفائل کا جواب پیش کردہ جوابات میں سے نہیں۔
import-error-consent-value = رضامندی کے کالم میں "⁦yes⁩"، "⁦no⁩" یا خالی ہونا چاہیے۔
import-error-consent-needed = پروفائل کے جوابات صرف رضامندی سے رکھے جاتے ہیں: رضامندی کے کالم میں "⁦yes⁩" ہونا چاہیے۔
teach-common-wrong-count = کتنی بار چنا گیا

lesson-video-opens = ویڈیو، { $site } پر کھلے گی
lesson-animation-play = اینیمیشن چلائیں
lesson-box-solution = حل دیکھیں
lesson-box-hint = اشارہ دیکھیں
lesson-box-instructor = اساتذہ کے لیے نوٹ
lesson-box-objectives = مقاصد
lesson-box-questions = سوالات
lesson-box-keypoints = اہم نکات
lesson-box-prereq = شروع کرنے سے پہلے
lesson-box-challenge = خود کر کے دیکھیں
lesson-box-discussion = گفتگو کریں
lesson-box-caution = احتیاط
lesson-box-checklist = چیک لسٹ
lesson-file-size-kb = { $kind }، { $size } KB
lesson-file-size-mb = { $kind }، { $size } MB
lesson-withheld-title = ابھی دستیاب نہیں
lesson-withheld = اس سبق کو درست کیا جا رہا ہے، اس لیے یہ ابھی دستیاب نہیں۔ کورس کے باقی اسباق دستیاب ہیں۔
lesson-withheld-staff = سیکھنے والے یہ سبق نہیں دیکھتے: اس میں غلطیاں ہیں، جو نیچے لکھی ہیں۔ انہیں اس کی جگہ ایک مختصر نوٹ نظر آتا ہے۔ غلطیاں ٹھیک کریں، تو اگلی بار کورس دوبارہ لوڈ ہونے پر سبق دکھایا جائے گا۔
lesson-problems-heading = اس سبق کے مسائل (یہ صرف اسٹاف کو نظر آتے ہیں)
lesson-not-available = ابھی دستیاب نہیں
course-problems-heading = اس کورس کے مسائل (یہ صرف اسٹاف کو نظر آتے ہیں)
course-files-problems-heading = کورس کی فائلوں کے مسائل (یہ صرف اسٹاف کو نظر آتے ہیں)
lesson-folder-files = { $files ->
    [one] ایک فائل
   *[other] { $files } فائلیں
}

offline-heading = اس فون پر
offline-intro = یہ کورس اس فون پر محفوظ کریں تاکہ انٹرنیٹ کے بغیر پڑھا اور سیکھا جا سکے۔ مکمل کیے گئے اسباق انٹرنیٹ ملنے پر بھیج دیے جائیں گے۔
offline-save = آف لائن کے لیے محفوظ کریں
offline-remove = اس فون سے ہٹائیں
offline-copy-note = یہ اس فون پر محفوظ کی گئی کاپی ہے۔
offline-copy-live = تازہ ترین ورژن کھولیں
offline-page-title = انٹرنیٹ کنکشن نہیں ہے
offline-page-text = یہ صفحہ اس فون پر محفوظ نہیں ہے۔ انٹرنیٹ ملنے پر یہ کھل جائے گا۔
offline-page-saved = اس فون پر محفوظ کورسز:
offline-page-retry = دوبارہ کوشش کریں
offline-refused-removed = درج نہیں ہوا: یہ سبق اب کورس میں نہیں ہے۔
offline-refused-quiz-changed = درج نہیں ہوا: کورس فون پر محفوظ ہونے کے بعد یہ کوئز بدل گیا ہے۔ براہ کرم اسے دوبارہ حل کریں۔
offline-graded-passed = آپ کا کوئز جانچ لیا گیا: { $score }۔ آپ نے یہ کوئز پاس کر لیا۔
offline-graded-failed = آپ کا کوئز جانچ لیا گیا: { $score }۔ ابھی پاس نہیں ہوا: وضاحتیں پڑھیں اور دوبارہ کوشش کریں۔
offline-sync-malformed = آپ کے فون کا بھیجا ہوا ڈیٹا پڑھا نہیں جا سکا، اس لیے اس میں سے کچھ بھی درج نہیں ہوا۔
offline-sync-too-large = آپ کے فون نے ایک ساتھ بہت زیادہ بھیج دیا۔ باقی حصہ باری باری بھیجا جائے گا۔
offline-sync-not-yours = آپ کے فون کا بھیجا ہوا ڈیٹا کسی اور اکاؤنٹ کا ہے۔ کچھ بھی درج نہیں ہوا۔
offline-sync-sign-in = اس فون پر محفوظ چیزیں بھیجنے کے لیے براہ کرم لاگ اِن کریں۔
offline-js-size = اس کورس کے لیے فون پر { $size } جگہ چاہیے۔
offline-js-space = آپ کا براؤزر اس سائٹ کو مزید { $free } محفوظ کرنے دیتا ہے۔
offline-js-no-space = اس فون پر اس کورس کے لیے کافی جگہ نہیں ہے۔ کچھ جگہ خالی کریں اور دوبارہ کوشش کریں۔
offline-js-download = ڈاؤن لوڈ کریں: { $size }
offline-js-cancel = رہنے دیں
offline-js-progress = ڈاؤن لوڈ ہو رہا ہے: { $total } میں سے { $done }
offline-js-paused = ڈاؤن لوڈ رک گیا ہے۔ انٹرنیٹ ملنے پر یہ جاری رہے گا۔
offline-js-saved = اس فون پر محفوظ ہے: { $size }۔
offline-js-update = اس کورس کا نیا ورژن دستیاب ہے: ڈاؤن لوڈ کے لیے { $size }۔
offline-js-update-button = اپ ڈیٹ کریں
offline-js-removed = اس فون سے ہٹا دیا گیا۔
offline-js-failed = ڈاؤن لوڈ نہیں ہو سکا۔ براہ کرم دوبارہ کوشش کریں۔
offline-js-pending = بھیجے جانے کے منتظر: { $count }
offline-js-send-now = ابھی بھیجیں
offline-js-sent = اس فون پر کیا گیا سب کچھ بھیج دیا گیا ہے۔
offline-js-queued = اس فون پر محفوظ ہو گیا۔ انٹرنیٹ ملنے پر بھیج دیا جائے گا۔
offline-js-quiz-queued = آپ کے جوابات اس فون پر محفوظ ہیں۔ انٹرنیٹ ملنے پر انہیں جانچا جائے گا۔
offline-js-sign-in = اس فون پر منتظر چیزیں بھیجنے کے لیے لاگ اِن کریں۔
offline-js-logout-warning = آپ کا کچھ کام ابھی نہیں بھیجا گیا ({ $count })۔ اگر ابھی لاگ آؤٹ کیا گیا تو یہ ضائع ہو جائے گا۔ پھر بھی لاگ آؤٹ کریں؟
offline-js-done = اس فون پر مکمل
offline-js-see-result = نتیجہ دیکھیں
offline-js-answer-all = جانچنے سے پہلے براہ کرم ہر سوال کا جواب دیں۔
offline-js-megabytes = { $amount } ⁦MB⁩

# The studio: errors of its forms
studio-error-course-id = کورس آئی ڈی میں صرف ⁦a–z⁩ کے چھوٹے حروف، ہندسے اور اکیلے ہائفن ہوں، زیادہ سے زیادہ 64، مثلاً ⁦online-safety⁩۔
studio-error-course-taken = یہ آئی ڈی پہلے سے کسی کورس کی ہے۔ براہِ کرم کوئی اور چنیں۔
studio-error-title = براہِ کرم زیادہ سے زیادہ 120 حروف کا عنوان دیں۔
studio-error-too-long = یہ متن محفوظ کرنے کے لیے بہت لمبا ہے۔ براہِ کرم اسے دو اسباق میں بانٹ دیں۔
studio-error-message = براہِ کرم چند الفاظ میں بتائیں کہ کیا بدلا (زیادہ سے زیادہ 500 حروف)۔
studio-error-has-errors = مسودے میں غلطیاں ہیں (کورس کے صفحے پر درج)۔ براہِ کرم شائع کرنے سے پہلے انہیں درست کریں۔
studio-error-nothing-changed = مسودہ شائع شدہ ورژن جیسا ہی ہے: شائع کرنے کو کچھ نہیں۔
studio-error-draft-changed = آپ کے دیکھنے کے بعد مسودہ بدل گیا۔ براہِ کرم اسے دوبارہ دیکھیں، پھر شائع کریں۔
studio-error-comment = براہِ کرم بتائیں کہ کیا بدلنا چاہیے (زیادہ سے زیادہ 2,000 حروف)۔
studio-error-instructors = اساتذہ کو ان کے صارف ناموں سے لکھیں (زیادہ سے زیادہ 20)، ہر ایک استاد یا منتظم کا اکاؤنٹ ہو۔
studio-published = شائع ہو گیا۔ سیکھنے والے چند سیکنڈ میں نیا ورژن دیکھیں گے۔

# The studio: pages
nav-studio = اسٹوڈیو
studio-title = اسٹوڈیو
studio-intro = یہاں کورس لکھیں اور بدلیں، پھر انہیں سیکھنے والوں کے لیے شائع کریں۔
studio-your-courses = آپ کے کورسز
studio-no-courses = اسٹوڈیو میں ابھی آپ کا کوئی کورس نہیں۔
studio-published-version = شائع شدہ: ورژن { $number }
studio-never-published = کبھی شائع نہیں ہوا
studio-waiting-for-review = جائزے کا منتظر
studio-folder-courses = فائلوں کی صورت میں رکھے گئے کورسز
studio-folder-note = یہ کورس سرور پر فائلوں کی صورت میں بدلے جاتے ہیں، اس لیے یہاں انہیں صرف دیکھا جا سکتا ہے۔
studio-take-hint = کسی کورس کو اسٹوڈیو میں لانے سے اس کی فائلیں پہلا ورژن بن جاتی ہیں۔ اس کے بعد وہ یہیں لکھا جاتا ہے۔
studio-take = اسٹوڈیو میں لائیں
studio-take-label = اسٹوڈیو میں لائیں: { $title }
studio-create-title = نیا کورس بنائیں
studio-create = کورس بنائیں
studio-course-id = کورس آئی ڈی
studio-course-id-hint = ⁦a–z⁩ کے چھوٹے حروف، ہندسے اور ہائفن، مثلاً ⁦online-safety⁩۔ یہ کورس کے پتے کا حصہ ہے اور بعد میں بدلا نہیں جا سکتا۔
studio-course-title = عنوان
studio-course-language = زبان
studio-course-level = سطح
studio-history = ورژن
studio-see-published = شائع شدہ کورس دیکھیں
studio-restored = ورژن { $number } پھر سے مسودہ بن گیا ہے۔ تیار ہونے پر اسے شائع کریں۔
studio-outline = ماڈیول اور اسباق
studio-edit-settings = کورس کی ترتیبات بدلیں (⁦course.toml⁩)
studio-edit-module = ماڈیول کی ترتیبات بدلیں (⁦module.toml⁩)
studio-no-modules = کورس میں ابھی کوئی ماڈیول نہیں۔
studio-no-lessons = اس ماڈیول میں ابھی کوئی سبق نہیں۔
studio-translations = ترجمے:
studio-move-up = اوپر لے جائیں
studio-move-up-label = اوپر لے جائیں: { $title }
studio-move-down = نیچے لے جائیں
studio-move-down-label = نیچے لے جائیں: { $title }
studio-remove = ہٹائیں
studio-remove-label = ہٹائیں: { $title }
studio-new-lesson-title = نئے سبق کا عنوان
studio-add-lesson = سبق شامل کریں
studio-add-lesson-label = سبق شامل کریں: { $title }
studio-new-module-title = نئے ماڈیول کا عنوان
studio-add-module = ماڈیول شامل کریں
studio-remove-title = یہ سبق ہٹا دیں؟
studio-remove-confirm = { $count ->
    [one] { $count } سیکھنے والے نے یہ سبق مکمل کیا ہے۔ اس کا ریکارڈ محفوظ رہے گا۔ کیا اسے مسودے سے ہٹا دیں؟
   *[other] { $count } سیکھنے والوں نے یہ سبق مکمل کیا ہے۔ ان کا ریکارڈ محفوظ رہے گا۔ کیا اسے مسودے سے ہٹا دیں؟
}
studio-remove-confirmed = مسودے سے ہٹا دیں
studio-keep = سبق رہنے دیں
studio-files = تصاویر اور ڈاؤن لوڈ
studio-no-files = ابھی کوئی تصویر یا ڈاؤن لوڈ نہیں۔
studio-file-size = ⁦{ $kilobytes } KB⁩
studio-uploaded = اپ لوڈ ہو گئی:
studio-upload-title = فائل اپ لوڈ کریں
studio-upload-file = فائل
studio-upload-hint = تصویر (⁦PNG, JPEG, GIF, WebP, SVG⁩)، ⁦PDF⁩، متن یا ⁦CSV⁩ فائل، ہر فائل زیادہ سے زیادہ ⁦10 MB⁩۔ تصاویر فون کے لیے چھوٹی کر دی جاتی ہیں۔
studio-upload-alt-hint = سبق میں ہر تصویر کے بارے میں لکھیں کہ اس میں کیا ہے، ان لوگوں کے لیے جو اسے دیکھ نہیں سکتے:
studio-alt-example = اس میں کیا دکھایا گیا ہے
studio-upload-folder = فولڈر
studio-upload = اپ لوڈ کریں
studio-upload-failed = فائل اپ لوڈ نہیں ہو سکی۔ براہِ کرم دوبارہ کوشش کریں۔
studio-upload-refused-kind = اس قسم کی فائل اپ لوڈ نہیں ہو سکتی۔ براہِ کرم تصویر، ⁦PDF⁩، متن یا ⁦CSV⁩ فائل چنیں۔
studio-upload-refused-content = فائل کا مواد اس کے نام سے میل نہیں کھاتا۔ براہِ کرم اسے دوبارہ محفوظ کر کے اپ لوڈ کریں۔
studio-upload-refused-size = فائل ⁦10 MB⁩ سے بڑی ہے۔ براہِ کرم اسے چھوٹا کریں۔
studio-upload-refused-course-full = کورس میں مزید فائلوں کی جگہ نہیں۔ براہِ کرم پہلے کچھ فائلیں ہٹائیں۔
studio-upload-refused-none = براہِ کرم اپ لوڈ کرنے کے لیے فائل چنیں۔
studio-problems = مسائل
studio-no-problems = کوئی مسئلہ نہیں ملا۔
studio-problems-count = غلطیاں: { $errors }۔ انتباہات: { $warnings }۔ غلطیوں والا مسودہ شائع نہیں ہو سکتا۔
studio-error = غلطی
studio-warning = انتباہ
studio-publish-title = شائع کرنا
studio-unpublished-changes = مسودے میں ایسی تبدیلیاں ہیں جو سیکھنے والے ابھی نہیں دیکھتے۔
studio-no-changes = سیکھنے والے مسودہ ویسا ہی دیکھتے ہیں جیسا یہ ہے۔
studio-publish-blocked = { $count ->
    [one] مسودے میں { $count } غلطی ہے۔ براہِ کرم شائع کرنے سے پہلے اسے درست کریں۔
   *[other] مسودے میں { $count } غلطیاں ہیں۔ براہِ کرم شائع کرنے سے پہلے انہیں درست کریں۔
}
studio-what-changed = کیا بدلا
studio-what-changed-hint = ورژنوں کی فہرست کے لیے چند الفاظ، مثلاً: سبق 3 کا کوئز درست کیا۔
studio-publish = شائع کریں
studio-propose-hint = اس کورس کی تبدیلیوں کا جائزہ سیکھنے والوں کے دیکھنے سے پہلے لیا جاتا ہے۔ مسودہ پیش کریں، پھر کوئی دوسرا استاد یا منتظم اس کا جائزہ لے گا۔
studio-propose = جائزے کے لیے پیش کریں
studio-review-title = جائزہ
studio-sent-back = پچھلی تجویز واپس بھیج دی گئی:
studio-no-proposal = کوئی مسودہ جائزے کا منتظر نہیں۔
studio-proposed-by = پیش کرنے والا
studio-waiting-for-reviewer = کسی دوسرے استاد یا منتظم کے جائزے کا انتظار ہے۔
studio-approve = منظور کر کے شائع کریں
studio-comment = کیا بدلنا چاہیے
studio-send-back = واپس بھیجیں
studio-manage-title = اساتذہ اور جائزہ
studio-instructors = اساتذہ
studio-instructors-hint = اساتذہ یا منتظمین کے صارف نام، ہر سطر میں ایک۔ منتظمین ہمیشہ ہر کورس لکھ سکتے ہیں۔
studio-review-required = تبدیلیوں کا شائع ہونے سے پہلے جائزہ لیا جائے
studio-save-manage = محفوظ کریں
studio-saved = محفوظ ہو گیا۔
studio-not-saved-yet = یہ متن ابھی محفوظ نہیں ہوا: "محفوظ کریں" دبانے سے یہ محفوظ ہو جائے گا۔
studio-text = فائل کا متن
studio-save = محفوظ کریں
studio-preview = پیش منظر
studio-preview-hint = پیش منظر سبق ویسا دکھاتا ہے جیسا سیکھنے والے دیکھیں گے، کچھ محفوظ کیے بغیر۔
studio-preview-title = پیش منظر
studio-preview-saved = محفوظ شدہ متن، فون پر۔
studio-preview-unsaved = وہ متن جو آپ لکھ رہے ہیں (ابھی محفوظ نہیں)، فون پر۔
studio-preview-frame = سبق جیسا سیکھنے والے اسے فون پر دیکھیں گے
studio-preview-open = پیش منظر الگ صفحے پر کھولیں
studio-conflict-title = آپ کے کھولنے کے بعد کسی نے یہ فائل محفوظ کی
studio-conflict-hint = آپ کا متن محفوظ نہیں ہوا۔ ایڈیٹر میں اب ان کا متن ہے۔ اپنے متن میں سے جو چاہیے ایڈیٹر میں نقل کریں، پھر "محفوظ کریں" دبائیں: آپ کا متن ان کے متن کی جگہ لے لے گا۔
studio-their-text = ان کا متن
studio-their-text-by = ان کا متن (⁦{ $name }⁩)
studio-your-text = آپ کا متن (محفوظ نہیں ہوا)
studio-file-problems = اس فائل کے مسائل
studio-line = سطر { $line }
studio-lines = متن، سطر بہ سطر
studio-quiz-help-title = کوئز کیسے لکھیں
studio-quiz-help-intro = جس سبق میں کم از کم ایک سوال ہو وہ کوئز ہے۔ ہر سوال اس طرح کا ایک حصہ ہوتا ہے:
studio-quiz-help-kind = پہلی سطر میں سوال کی آئی ڈی لکھیں، پھر ⁦single⁩ (ایک درست جواب) یا ⁦multiple⁩ (ایک یا زیادہ)۔ حصہ تین کولن والی سطر پر ختم ہوتا ہے۔
studio-quiz-help-options = ہر آپشن ایک سطر ہے: درست جواب کے لیے ⁦- [x]⁩ اور غلط کے لیے ⁦- [ ]⁩، پھر اس کا متن اور خمدار قوسین میں اس کی اپنی آئی ڈی۔
studio-quiz-help-explanation = کسی آپشن کے نیچے دو خالی جگہیں چھوڑ کر لکھی گئی سطریں اس کی وضاحت کرتی ہیں۔ سیکھنے والے جواب دینے کے بعد انہیں دیکھتے ہیں۔
studio-quiz-help-rules = ہر سوال میں کم از کم دو آپشن ہوں۔ کسی آپشن میں لنک نہیں ہو سکتا۔
studio-no-versions = ابھی کوئی ورژن شائع نہیں ہوا۔
studio-restore-hint = کسی ورژن کو بحال کرنے سے وہ پھر سے مسودہ بن جاتا ہے۔ شائع ہونے تک سیکھنے والوں کو کچھ نیا نظر نہیں آتا۔
studio-versions-caption = شائع شدہ ورژن، تازہ ترین پہلے
studio-version-number = ورژن
studio-published-by = شائع کرنے والا
studio-approved-by = منظور کرنے والا
studio-published-at = کب
studio-changes-in-version = اس ورژن کی تبدیلیاں
studio-compare-with-draft = مسودے سے موازنہ کریں
studio-restore = بحال کریں
studio-restore-label = بحال کریں: ورژن { $number } مسودہ بن جائے گا
studio-compare-title = دو ورژنوں کا موازنہ
studio-compare-from = پہلے
studio-compare-to = بعد میں
studio-compare = موازنہ کریں
studio-the-draft = مسودہ
studio-version = ورژن { $number }
studio-diff-title = { $from } سے { $to } تک کی تبدیلیاں
studio-diff-none = کوئی فرق نہیں۔
studio-diff-binary = بدل گئی (تصویر یا ڈاؤن لوڈ: سطر بہ سطر موازنہ نہیں ہوتا)۔
studio-diff-removed = ہٹایا گیا:
studio-diff-added = شامل کیا گیا:
studio-js-restored = آپ کا جو متن محفوظ نہیں ہوا تھا وہ اس براؤزر میں رکھا گیا تھا اور اب ایڈیٹر میں واپس آ گیا ہے۔ "محفوظ کریں" دبانے سے یہ محفوظ ہو جائے گا۔
studio-js-restored-older = آپ کے غیر محفوظ متن کے بعد کسی نے یہ فائل محفوظ کی ہے۔ ایڈیٹر میں محفوظ شدہ متن ہے؛ آپ کا متن اس براؤزر میں رکھا ہوا ہے۔
studio-js-put-back = میرا متن ایڈیٹر میں واپس لائیں
studio-js-offline = انٹرنیٹ کنکشن نہیں ہے: پیش منظر انتظار کر رہا ہے۔ آپ کا متن اس براؤزر میں رکھا ہوا ہے۔
studio-lesson-title = سبق کا عنوان
studio-lesson-minutes = پڑھنے کے منٹ (اختیاری)
studio-lesson-minutes-hint = خالی چھوڑ دیں تو متن کی لمبائی سے اندازہ لگایا جائے گا۔
studio-lesson-pass-mark = پاس ہونے کے نمبر، فیصد میں (اختیاری)
studio-lesson-pass-mark-hint = کوئز والے سبق کے لیے: پاس ہونے کے لیے کتنے فیصد جواب درست ہوں۔ خالی: 70۔
studio-lesson-id = سبق کی شناخت (اختیاری)
studio-lesson-id-hint = سیکھنے والوں کی پیش رفت سبق کی شناخت کے تحت محفوظ ہوتی ہے۔ خالی: فائل کے نام سے لی جاتی ہے۔ اسے صرف سبق کے پہلی بار شائع ہونے سے پہلے بدلیں۔
studio-lesson-body = سبق کا متن
studio-front-matter-as-text = اس سبق کے اوپر کی ترتیبات (+++ کی لکیروں کے درمیان) متن کے طور پر دکھائی گئی ہیں، کیونکہ ان میں ایسی چیز ہے جو خانے نہیں دکھا سکتے، جیسے کوئی تبصرہ۔
studio-add-question = سوال شامل کریں
studio-add-question-hint = ترمیم کے لیے کوئز کا ایک سوال شامل کرتا ہے: جہاں کرسر ہے وہاں، یا متن کے آخر میں۔
studio-new-question = سوال یہاں لکھیں؟
studio-new-question-wrong = ایک غلط جواب
studio-new-question-right = درست جواب
studio-new-question-why = بتائیں کہ یہ جواب درست یا غلط کیوں ہے۔
studio-drop-hint = یا اوپر والے فولڈر میں اپ لوڈ کرنے کے لیے فائل اس فارم پر چھوڑ دیں۔
lesson-original-newer = یہ ترجمہ سبق کے پچھلے ورژن سے کیا گیا تھا؛ اصل سبق اس کے بعد بدل چکا ہے۔
studio-up-to-date = یہ ترجمہ موجودہ اصل سبق کے مطابق ہے (اسے اسی سے بنا ہوا درج کیا جائے گا)
studio-original-title = اصل سبق
studio-original-changed = یہ ترجمہ بننے کے بعد اصل سبق بدل گیا: ترجمے کو تازہ کریں، پھر متن کے نیچے والا خانہ چنیں اور محفوظ کریں۔
studio-original-changes = اصل سبق میں کیا بدلا
studio-original-text = اصل سبق کا متن

# The studio: settings
studio-settings-title = کورس کی ترتیبات
studio-settings-saved = ترتیبات مسودے میں محفوظ ہو گئیں۔ مسودہ شائع ہونے پر سیکھنے والے انہیں دیکھیں گے۔
studio-settings-not-saved = کورس کی ترتیبات محفوظ نہیں ہوئیں: وجہ دیکھیں
studio-settings-unreadable = ترتیبات فارم کی صورت میں نہیں دکھائی جا سکتیں کیونکہ ⁦course.toml⁩ میں غلطی ہے (نیچے مسائل دیکھیں)۔ براہِ کرم پہلے اسے متن کے طور پر درست کریں۔
studio-settings-form-hint = یہ فارم محفوظ کرنے پر صرف یہاں دکھائی گئی ترتیبات باقی رہتی ہیں: ⁦course.toml⁩ میں باقی سب کچھ، جیسے ⁦page_budget_kb⁩، ہٹ جاتا ہے۔ انہیں بدلنے کے لیے ⁦course.toml⁩ کو متن کے طور پر بدلیں۔
studio-settings-summary = خلاصہ
studio-settings-summary-hint = کورسز کی فہرست کے لیے ایک یا دو جملے، زیادہ سے زیادہ 500 حروف۔
studio-settings-language-hint = وہ زبان جس میں اسباق لکھے گئے ہیں۔
studio-settings-hours = مطالعے کے گھنٹے
studio-settings-hours-hint = اختیاری: ⁦0.1⁩ سے 200 تک کوئی عدد۔ خالی چھوڑیں تو اسباق سے جوڑ کر نکالا جاتا ہے۔
studio-settings-access = اسباق کون پڑھ سکتا ہے
studio-access-open = کوئی بھی: ہر سبق کھلا ہے
studio-access-enrolled = داخلہ لینے والے: دوسروں کو صرف تعارف اور پہلا سبق نظر آتا ہے
studio-settings-enrolment = سیکھنے والے داخلہ کیسے لیتے ہیں
studio-enrolment-open = لاگ اِن کیا ہوا کوئی بھی شخص، ایک بٹن سے
studio-enrolment-code = صرف کوڈ کے ذریعے کسی گروپ میں شامل ہو کر
studio-settings-certificate = کورس مکمل کرنے والوں کو سرٹیفکیٹ ملتا ہے
studio-settings-min-score = سرٹیفکیٹ کے لیے کوئز کا درکار اوسط اسکور (فیصد)
studio-settings-min-score-hint = اختیاری: 0 سے 100 تک پورا عدد، ہر کوئز میں سیکھنے والے کے بہترین اسکور کا اوسط۔ ہر سبق کا مکمل ہونا ہر حال میں ضروری ہے۔
studio-settings-translations = دوسری زبانوں میں عنوان
studio-settings-translations-hint = اختیاری۔ کسی زبان کا عنوان اور خلاصہ تب ہی رکھا جاتا ہے جب اس کا عنوان لکھا ہو۔ سائٹ کو اس زبان میں استعمال کرنے والے انہیں دیکھتے ہیں۔
studio-settings-save = ترتیبات محفوظ کریں
studio-error-settings-summary = براہِ کرم خلاصہ زیادہ سے زیادہ 500 حروف کا رکھیں۔
studio-error-settings-hours = براہِ کرم مطالعے کے گھنٹے ⁦0.1⁩ سے 200 تک کے عدد میں لکھیں، جیسے 3 یا ⁦1.5⁩، یا خانہ خالی چھوڑ دیں۔
studio-error-settings-min-score = براہِ کرم اوسط اسکور 0 سے 100 تک کے پورے عدد میں لکھیں، یا خانہ خالی چھوڑ دیں۔
studio-error-settings-translation-title = براہِ کرم اس زبان میں عنوان بھی لکھیں، یا اس کا خلاصہ خالی چھوڑ دیں۔
studio-error-settings-changed = آپ کے کھولنے کے بعد کسی نے ترتیبات بدل دیں، اس لیے آپ کی ترتیبات محفوظ نہیں ہوئیں۔ فارم میں اب بھی وہی ہے جو آپ نے لکھا تھا: ان کی تبدیلیوں کی جگہ اپنی رکھنے کے لیے دوبارہ محفوظ کریں، یا ان کی تبدیلیاں دیکھنے کے لیے اسٹوڈیو سے کورس دوبارہ کھولیں۔
studio-download-zip = شائع شدہ ورژن ڈاؤن لوڈ کریں (ZIP)
studio-error-course-full = اس کورس میں جتنی فائلیں ہو سکتی ہیں اتنی ہیں (1,000، یا کل 100 MB): پہلے کچھ ہٹائیں۔

## Signing in with a partner's identity provider (OpenID Connect)
login-or = یا اپنے ادارے کے اکاؤنٹ سے لاگ اِن کریں:
login-with-partners = شراکت دار کے ذریعے لاگ اِن
login-with-provider = { $provider } کے ذریعے لاگ اِن کریں
login-provider-unavailable = اس وقت { $provider } کے ذریعے لاگ اِن ممکن نہیں: اس کی طرف سے جواب نہیں آیا۔ براہِ کرم اپنے پاس ورڈ سے لاگ اِن کریں، یا کچھ دیر بعد دوبارہ کوشش کریں۔
login-provider-failed = { $provider } کے ذریعے لاگ اِن نہیں ہو سکا۔ براہِ کرم دوبارہ کوشش کریں۔
login-provider-expired = اس لاگ اِن میں بہت دیر ہو گئی یا یہ پہلے ہی استعمال ہو چکا۔ براہِ کرم دوبارہ شروع کریں۔
welcome-title = خوش آمدید
welcome-lead = { $provider } نے آپ کی شناخت کی تصدیق کر دی ہے۔ یہاں یہ آپ کا پہلا لاگ اِن ہے، اس لیے براہِ کرم انتخاب کریں:
welcome-new-title = میں یہاں نئی/نیا ہوں
welcome-new-text = میرے لیے اکاؤنٹ بنا دیں۔ میں ہر بار { $provider } کے ذریعے، پاس ورڈ کے بغیر، لاگ اِن کروں گی/گا۔
welcome-new-submit = میرا اکاؤنٹ بنائیں
welcome-link-title = میرا اکاؤنٹ پہلے سے ہے
welcome-link-text = ایک بار اپنا صارف نام اور پاس ورڈ دیں۔ اس کے بعد { $provider } کے ذریعے لاگ اِن کرنے سے آپ کا اکاؤنٹ کھلے گا۔
welcome-link-submit = میرا اکاؤنٹ جوڑیں
welcome-expired = یہاں کوئی لاگ اِن منتظر نہیں: اس میں بہت دیر ہو گئی، یا یہ مکمل ہو چکا۔ براہِ کرم دوبارہ لاگ اِن کریں۔
account-sign-in-with-title = شراکت داروں کے ذریعے لاگ اِن
account-sign-in-with-none = آپ کا اکاؤنٹ کسی شراکت دار کے لاگ اِن سے جڑا ہوا نہیں۔ جوڑنے کے لیے لاگ اِن کے صفحے پر "… کے ذریعے لاگ اِن کریں" چنیں اور وہاں اپنا پاس ورڈ دیں۔
account-linked = آپ کا اکاؤنٹ جڑ گیا۔ اب آپ شراکت دار کے ذریعے لاگ اِن کر سکتی/سکتے ہیں۔
account-unlinked = ربط ختم کر دیا گیا۔
account-unlink = { $provider } سے ربط ختم کریں
account-no-password = آپ کے اکاؤنٹ کا کوئی پاس ورڈ نہیں: آپ اپنے ادارے کے اکاؤنٹ سے لاگ اِن کرتی/کرتے ہیں۔ پاس ورڈ بھی چاہیے تو اپنے ٹرینر سے ری سیٹ کوڈ لیں۔
identity-already-linked = یہ لاگ اِن پہلے ہی کسی اکاؤنٹ سے جڑا ہوا ہے۔
identity-not-linked = آپ کا اکاؤنٹ اس شراکت دار سے جڑا ہوا نہیں۔
identity-last-way-in = آپ کے اکاؤنٹ میں داخلے کا یہی واحد راستہ ہے کیونکہ اس کا کوئی پاس ورڈ نہیں۔ پہلے پاس ورڈ بنانے کے لیے اپنے ٹرینر سے ری سیٹ کوڈ لیں۔
field-confirm-username = تصدیق کے لیے اپنا صارف نام لکھیں
identity-staff-not-linked = عملے کے اکاؤنٹ شراکت دار کے لاگ اِن سے نہیں کھولے جا سکتے۔ براہِ کرم اپنے پاس ورڈ سے لاگ اِن کریں۔
account-delete-sign-in-again = آپ کی حفاظت کے لیے، اپنے ادارے کے اکاؤنٹ سے دوبارہ لاگ اِن کریں، پھر دس منٹ کے اندر اکاؤنٹ ختم کریں۔
lti-problem-title = یہ نہیں کھل سکا
lti-problem-failed = آپ کے لرننگ پلیٹ فارم سے اسے کھولنا ممکن نہیں ہوا۔ براہِ کرم وہیں سے دوبارہ کھولیں۔
lti-problem-unavailable = اس وقت یہ نہیں کھل سکتا۔ براہِ کرم چند منٹ بعد دوبارہ کوشش کریں۔
lti-problem-expired = اس میں بہت دیر ہو گئی، یا اس براؤزر نے ضروری معلومات محفوظ نہیں رکھیں۔ براہِ کرم اپنے کورس کے صفحے سے دوبارہ کھولیں۔ اگر پھر ایسا ہو تو کہیں کہ لنک نئی ونڈو میں کھلے۔
lti-pick-title = منتخب کریں کہ کیا رکھنا ہے
lti-pick-intro = { $provider } آپ کے انتخاب کا لنک دکھائے گا۔ جو سیکھنے والے اسے کھولیں گے وہ یہاں لاگ اِن ہو جائیں گے، اور ان کے کورس کا اسکور { $provider } کو واپس جائے گا۔
lti-pick-whole-course = پورا کورس
lti-pick-submit = یہ رکھیں
lti-return-title = رکھنے کے لیے تیار: { $title }
lti-return-submit = { $provider } پر واپس جائیں
partners-title = شراکت دار
partners-lead = کسی شراکت دار کی آئی ٹی ٹیم کو اس سائٹ سے جڑنے کے لیے جو چاہیے۔ شراکت دار آپریٹر کی کنفیگریشن فائلوں میں شامل کیے جاتے ہیں (docs/operators.md دیکھیں)۔
partners-providers = شناختی فراہم کنندگان (OpenID Connect)
partners-none = کوئی ترتیب نہیں دیا گیا۔
partners-name = نام
partners-redirect = فراہم کنندہ کے پاس درج کرانے کا واپسی پتہ
partners-platforms = لرننگ پلیٹ فارم (LTI 1.3)
partners-tool-lead = جب پلیٹ فارم کا منتظم یہ ٹول درج کرے تو اسے یہ پتے دیں:
partners-tool-launch = ٹول URL، واپسی URI اور ڈیپ لنکنگ URL
partners-tool-login = لاگ اِن شروع کرنے کا URL
partners-tool-keys = عوامی کلیدوں کا URL (JWKS)
partners-registered = درج شدہ پلیٹ فارم
