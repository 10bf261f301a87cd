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
password-characters = پاس ورڈ میں کنٹرول حروف یا خراب ہو کر پہنچنے والا متن نہیں ہو سکتا۔ براہِ کرم اسے دوبارہ لکھیں۔
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
account-data-text = ہمارے پاس آپ کے بارے میں جو کچھ محفوظ ہے، وہ سب ڈاؤن لوڈ کریں: آپ کا اکاؤنٹ، آپ کے پروفائل کے جوابات اور اکاؤنٹ کی تاریخ۔
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

profile-title = آپ کے بارے میں (اختیاری)
profile-explanation = یہ جوابات پروگرام کو نام کے بغیر یہ بتانے میں مدد دیتے ہیں کہ وہ کن لوگوں تک پہنچ رہا ہے۔ سیکھنے کے لیے ان میں سے کوئی ضروری نہیں۔ ہر جواب صرف اسی صورت میں رکھا جاتا ہے جب آپ اس کا خانہ نشان زد کریں، اور آپ اپنے اکاؤنٹ کے صفحے پر کسی بھی وقت اجازت واپس لے سکتی ہیں۔
profile-prefer-not = بتانا نہیں چاہتی/چاہتا
profile-gender = صنف
profile-gender-female = خاتون
profile-gender-male = مرد
profile-gender-other = کوئی اور صنف
profile-gender-consent = میں اجازت دیتی/دیتا ہوں کہ میری صنف میرے نام کے بغیر پروگرام کے اعداد و شمار میں استعمال ہو۔
profile-age-band = عمر
profile-age-band-under-18 = 18 سال سے کم
profile-age-band-18-24 = 18 سے 24
profile-age-band-25-34 = 25 سے 34
profile-age-band-35-44 = 35 سے 44
profile-age-band-45-plus = 45 یا زیادہ
profile-age-band-consent = میں اجازت دیتی/دیتا ہوں کہ میری عمر کا گروپ میرے نام کے بغیر پروگرام کے اعداد و شمار میں استعمال ہو۔
profile-region = ملک
profile-region-pk = پاکستان
profile-region-uz = ازبکستان
profile-region-kz = قازقستان
profile-region-kg = کرغیزستان
profile-region-tj = تاجکستان
profile-region-af = افغانستان
profile-region-other = کوئی اور ملک
profile-region-consent = میں اجازت دیتی/دیتا ہوں کہ میرا ملک میرے نام کے بغیر پروگرام کے اعداد و شمار میں استعمال ہو۔
profile-choice-unknown = براہِ کرم فہرست میں سے کوئی ایک جواب چنیں۔
profile-consent-needed = یہ جواب رکھنے کے لیے اجازت کا خانہ نشان زد کریں، یا "بتانا نہیں چاہتی/چاہتا" چنیں۔
profile-save = میرے جوابات محفوظ کریں
profile-saved = آپ کے جوابات محفوظ ہو گئے ہیں۔
profile-withdrawn = آپ کی اجازت واپس لے لی گئی ہے اور آپ کے جوابات مٹا دیے گئے ہیں۔
profile-withdraw-text = ہر اجازت واپس لیں: ان سوالوں کے آپ کے جوابات فوراً مٹا دیے جائیں گے۔
profile-withdraw = اجازت واپس لیں اور میرے جوابات مٹائیں

login-forgot = پاس ورڈ بھول گئیں/گئے؟ اپنے ٹرینر سے ری سیٹ کوڈ لیں
reset-title = نیا پاس ورڈ بنائیں
reset-lead = آپ کا ٹرینر، پروگرام مینیجر یا منتظم آپ کو ایک بار استعمال ہونے والا ری سیٹ کوڈ دے سکتا ہے۔ اسے یہاں نئے پاس ورڈ کے ساتھ لکھیں۔ باقی تمام جگہوں سے آپ لاگ آؤٹ ہو جائیں گی/گے۔
field-reset-code = ری سیٹ کوڈ
field-reset-code-hint = 12 حروف اور ہندسے، مثلاً ABCD-EFGH-JKMN۔ بڑے چھوٹے حروف، خالی جگہ اور ڈیش سے فرق نہیں پڑتا۔
reset-submit = میرا نیا پاس ورڈ بنائیں
reset-code-invalid = یہ کوڈ کام نہیں کرتا۔ ہو سکتا ہے غلط لکھا گیا ہو، پہلے استعمال ہو چکا ہو یا اس کی مدت ختم ہو گئی ہو (کوڈ ایک دن چلتے ہیں)۔ براہِ کرم نیا کوڈ مانگیں۔

nav-users = اکاؤنٹس
users-title = اکاؤنٹس
users-search = یوزر نیم یا نام جس سے شروع ہو
users-search-submit = تلاش کریں
users-caption = ملنے والے اکاؤنٹس (زیادہ سے زیادہ 50)
users-name = نام
users-actions = اقدامات
users-none = کوئی اکاؤنٹ نہیں ملا۔
users-issue-code = ری سیٹ کوڈ جاری کریں
users-issue-code-for = { $username } کے لیے ری سیٹ کوڈ جاری کریں
users-role-for = { $username } کا کردار
users-change-role = کردار بدلیں
users-role-changed = { $username } کا کردار بدل گیا ہے۔ وہ ہر جگہ سے لاگ آؤٹ ہو گئے ہیں۔
users-code-issued = { $username } کے لیے ری سیٹ کوڈ
users-code-expires = یہ کوڈ خود جا کر دیں۔ یہ ایک بار، { $time } تک کام کرے گا۔ اس سے پہلے کا کوئی بھی کوڈ اب کام نہیں کرے گا۔
users-code-link = یا یہ لنک بھیجیں:

nav-my-courses = میرے کورسز
nav-cohorts = گروپس
progress-lessons = { $total } میں سے { $done } اسباق مکمل ({ $percent }%)
course-your-progress = آپ کی پیش رفت
course-sign-in-to-track = اپنی پیش رفت محفوظ رکھنے اور سرٹیفکیٹ حاصل کرنے کے لیے لاگ اِن کریں یا رجسٹر کریں۔
course-enrol = اس کورس میں داخلہ لیں
course-enrol-hint = مفت۔ آپ کی پیش رفت ساتھ ساتھ محفوظ ہوتی ہے۔
course-have-code = کیا آپ کے پاس گروپ کوڈ ہے؟
course-code-only = یہ کورس گروپس کے لیے ہے: اپنے ٹرینر کا دیا ہوا کوڈ لکھ کر شامل ہوں۔
course-completed-on = آپ نے یہ کورس { $date } کو مکمل کیا۔
course-continue = جاری رکھیں
course-unenrol = یہ کورس چھوڑیں (آپ کی پیش رفت محفوظ رہے گی)
lesson-done = مکمل
lesson-completed = آپ نے یہ سبق مکمل کر لیا ہے۔
lesson-mark-complete = مکمل کریں اور آگے بڑھیں
lesson-enrol-to-track = مکمل کیے گئے اسباق کا ریکارڈ رکھنے کے لیے کورس میں داخلہ لیں۔
lesson-locked = یہ سبق کورس میں داخل سیکھنے والوں کے لیے ہے۔
lesson-locked-enrol = آگے پڑھنے کے لیے داخلہ لیں
learning-not-enrolled = براہِ کرم پہلے کورس میں داخلہ لیں: پیش رفت داخل سیکھنے والوں کی محفوظ ہوتی ہے۔
learning-code-only = اس کورس میں صرف گروپ کوڈ سے شامل ہوا جا سکتا ہے۔
learning-quiz-lesson = یہ سبق اپنا کوئز پاس کرنے سے مکمل ہوتا ہے۔
quiz-submit = میرے جوابات جانچیں
quiz-enrol-to-submit = اپنے جوابات جمع کرانے اور رائے لینے کے لیے کورس میں داخلہ لیں۔
quiz-best = اب تک آپ کا بہترین اسکور: { $score }%۔
quiz-best-passed = آپ یہ کوئز پاس کر چکی/چکے ہیں۔ بہترین اسکور: { $score }%۔
quiz-result-title = آپ کا نتیجہ
quiz-passed = شاباش: { $score }%۔ آپ پاس ہو گئیں/گئے۔
quiz-failed = { $score }%۔ پاس ہونے کے لیے { $pass_mark }% چاہییں۔ وضاحتیں پڑھیں اور دوبارہ کوشش کریں۔
quiz-question-right = درست
quiz-question-wrong = درست نہیں
quiz-chosen-right = آپ کا جواب، درست:
quiz-chosen-wrong = آپ کا جواب، درست نہیں:
quiz-right-answer = درست جواب:
quiz-try-again = کوئز دوبارہ حل کریں
quiz-unanswered = جانچنے سے پہلے براہِ کرم ہر سوال کا جواب دیں۔
quiz-tampered = یہ جوابات اس کوئز سے میل نہیں کھاتے۔ براہِ کرم صفحہ دوبارہ کھولیں اور پھر سے جواب دیں۔
my-title = میرے کورسز
my-empty = آپ نے ابھی کسی کورس میں داخلہ نہیں لیا۔
join-title = گروپ میں شامل ہوں
join-lead = آپ کا ٹرینر آپ کو گروپ کوڈ دیتا ہے۔ گروپ اور اس کے کورس میں شامل ہونے کے لیے اسے یہاں لکھیں۔
join-submit = شامل ہوں
join-done = آپ گروپ میں شامل ہو گئی/گئے ہیں۔
join-sign-in-first = پہلے لاگ اِن کریں یا رجسٹر کریں، پھر آپ شامل ہو سکتی/سکتے ہیں۔
join-code-unknown = اس کوڈ کا کوئی گروپ نہیں۔ براہِ کرم اپنے ٹرینر سے کوڈ دوبارہ دیکھ لیں۔
join-cohort-ended = یہ گروپ ختم ہو چکا ہے، اس لیے اب اس میں شامل نہیں ہوا جا سکتا۔
join-cohort-full = یہ گروپ بھر چکا ہے۔ براہِ کرم اپنے ٹرینر سے پوچھیں۔
field-cohort-code = گروپ کوڈ
field-cohort-code-hint = 8 حروف اور ہندسے، مثلاً K7QM-2XPA۔
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
cohort-joined = شمولیت
cohort-progress = پیش رفت
cohort-left-on = { $date } کو چھوڑ دیا
cohort-member-completed = مکمل
cohort-date-invalid = براہِ کرم تاریخ YYYY-MM-DD کی شکل میں لکھیں، یا خالی چھوڑ دیں۔
cohort-dates-reversed = ختم ہونے کی تاریخ شروع کی تاریخ سے پہلے نہیں ہو سکتی۔
cohort-capacity-invalid = نشستیں 1 سے 100000 تک کا پورا عدد ہوں، یا کوئی حد نہ ہو تو خالی چھوڑیں۔
cohort-course-unknown = براہِ کرم فہرست میں سے کورس چنیں۔
cohort-name-invalid = گروپ کا نام 1 سے 100 حروف کا ہونا چاہیے۔
cohort-time-zone-unknown = براہِ کرم فہرست میں سے ٹائم زون چنیں۔
