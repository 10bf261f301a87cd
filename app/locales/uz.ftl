# Interfeys matni oʻzbek tilida (lotin yozuvi).

site-name = Raqamli koʻnikmalar
skip-to-content = Asosiy mazmunga oʻtish
nav-site = Sayt
nav-courses = Kurslar
nav-language = Til
footer-text = Raqamli koʻnikmalar boʻyicha bepul kurslar.

catalogue-title = Kurslar
catalogue-lead = Oʻz sur’atingizda, telefoningizda oʻrganing. Barcha kurslar bepul.

level-beginner = Boshlangʻich
level-intermediate = Oʻrta
level-advanced = Yuqori
lesson-count = { $count } ta dars
duration-minutes = { $minutes } daqiqa
duration-hours = { $hours } soat
duration-hours-minutes = { $hours } soat { $minutes } daqiqa

course-start = Kursni boshlash
lesson-kind-quiz = Test

breadcrumbs = Yoʻl
lesson-contents = Ushbu darsda
lesson-pager = Darslar
lesson-previous = Oldingi
lesson-next = Keyingi
lesson-fallback-note = Bu dars hali { $language } tilida mavjud emas, shuning uchun { $shown } tilida koʻrsatilmoqda.

quiz-title = Test
quiz-summary = { $count } ta savol · oʻtish bali { $pass_mark }%
quiz-choose-one = Bittasini tanlang.
quiz-choose-many = Barcha toʻgʻri javoblarni tanlang.

error-not-found-title = Sahifa topilmadi
error-not-found-text = Bu sahifani topa olmadik. U boshqa joyga koʻchirilgan yoki manzilda xato boʻlishi mumkin.
error-bad-request-title = Soʻrov tushunilmadi
error-bad-request-text = Bu soʻrov tushunilmadi. Iltimos, orqaga qaytib, qayta urinib koʻring.
error-internal-title = Nimadir notoʻgʻri ketdi
error-internal-text = Bizning tomonimizda xatolik yuz berdi. Iltimos, birozdan soʻng qayta urinib koʻring.
error-see-courses = Barcha kurslar

username-length = Foydalanuvchi nomi 3 dan 32 tagacha belgidan iborat boʻladi.
username-characters = Foydalanuvchi nomida faqat a–z harflari, raqamlar va . _ - belgilaridan foydalaning; nom harf yoki raqam bilan boshlansin.
username-taken = Bu foydalanuvchi nomi band. Iltimos, boshqasini tanlang.
username-unknown = Bu foydalanuvchi nomi bilan hisob yoʻq.
display-name-empty = Iltimos, ismingizni yozing.
display-name-too-long = Ism koʻpi bilan 100 ta belgidan iborat boʻlishi mumkin.
display-name-characters = Ismingizda koʻrsatib boʻlmaydigan belgilar bor. Iltimos, qayta yozing.
password-too-short = Parol kamida 10 ta belgidan iborat boʻlishi kerak. Bir necha soʻzni birga yozsangiz, eslab qolish oson.
password-too-long = Parol koʻpi bilan 200 ta belgidan iborat boʻlishi mumkin.
password-characters = Parolda boshqaruv belgilari yoki buzilib kelgan matn boʻlishi mumkin emas. Iltimos, uni qaytadan kiriting.
password-repetitive = Parolda kamida 5 ta turli belgi boʻlishi kerak.
password-common = Bu parolni har kim birinchi boʻlib sinab koʻradi. Iltimos, boshqasini tanlang.
password-contains-username = Parolda foydalanuvchi nomingiz boʻlmasligi kerak.

error-forbidden-text = Bu soʻrov boshqa saytdan kelgani uchun rad etildi. Iltimos, shu saytdagi shakldan foydalaning.

nav-login = Kirish
nav-register = Roʻyxatdan oʻtish
nav-logout = Chiqish
signed-in-as = { $name } sifatida kirgansiz
login-title = Kirish
login-submit = Kirish
login-failed = Bu foydalanuvchi nomi va parol hech bir hisobga mos kelmaydi. Iltimos, tekshirib, qayta urinib koʻring.
login-no-account = Hisobingiz yoʻqmi? Roʻyxatdan oʻting
register-title = Roʻyxatdan oʻtish
register-lead = Hisob sizning yutuqlaringizni saqlaydi va sertifikat olishga yordam beradi. U bepul.
register-submit = Hisobimni yaratish
register-have-account = Roʻyxatdan oʻtganmisiz? Kiring
field-username = Foydalanuvchi nomi
field-username-hint = a–z harflari, raqamlar va . _ - belgilaridan 3 tadan 32 tagacha, masalan, dilnoza.k yoki telefon raqamingiz.
field-display-name = Ismingiz
field-display-name-hint = Sertifikatlaringizda qanday yozilishi kerak boʻlsa, shunday, istalgan tilda.
field-password = Parol
field-password-hint = Kamida 10 ta belgi. Bir necha soʻzni birga yozsangiz, eslab qolish oson, topish esa qiyin.
field-language = Til

login-throttled = Notoʻgʻri urinishlar juda koʻp. Iltimos, 15 daqiqa kutib, qayta urinib koʻring yoki parolingizni tiklash uchun oʻqituvchingizga murojaat qiling.

account-title = Hisobingiz
account-role = Rol
role-learner = Oʻquvchi
role-instructor = Oʻqituvchi
role-manager = Dastur menejeri
role-admin = Administrator
password-change-title = Parolni oʻzgartirish
field-current-password = Joriy parol
field-new-password = Yangi parol
password-change-submit = Parolni oʻzgartirish
password-changed = Parolingiz oʻzgartirildi. Boshqa barcha qurilmalardan chiqarildingiz.
password-wrong-current = Bu joriy parolingiz emas.

account-data-title = Maʼlumotlaringiz
account-data-text = Siz haqingizda saqlanayotgan hamma narsani yuklab oling: hisobingiz, oʻzingiz haqingizdagi javoblar va hisob tarixi.
account-data-download = Maʼlumotlarimni yuklab olish (JSON)
account-delete-title = Hisobni oʻchirish
account-delete-warning = Bu ismingiz, foydalanuvchi nomingiz va parolingizni butunlay oʻchiradi va sizni barcha qurilmalardan chiqaradi. Tugatilgan kurslar dastur hisobotlarida ismingizsiz hisoblanishda davom etadi. Buni ortga qaytarib boʻlmaydi.
account-delete-submit = Hisobimni oʻchirish
field-confirm-password = Tasdiqlash uchun parolingiz

audit-title = Audit jurnali
audit-caption = Hisoblardagi soʻnggi 200 ta oʻzgarish, eng yangisi birinchi (vaqt UTC boʻyicha)
audit-when = Qachon
audit-action = Nima
audit-actor = Kim tomonidan
audit-subject = Hisob
audit-address = Manzil
error-not-allowed-title = Ruxsat yoʻq
error-not-allowed-text = Bu sahifa faqat uni koʻrishga ruxsati bor hisob bilan kirganlar uchun. Iltimos, tizimga kiring yoki dasturingiz administratoriga murojaat qiling.

profile-title = Siz haqingizda (ixtiyoriy)
profile-explanation = Bu javoblar dasturga kimlarga yetib borayotganini ismlarsiz hisobot qilishga yordam beradi. Oʻqish uchun ularning hech biri shart emas. Har bir javob faqat uning katagiga belgi qoʻysangiz saqlanadi va roziligingizni istalgan vaqtda hisob sahifangizda qaytarib olishingiz mumkin.
profile-prefer-not = Aytmaslikni afzal koʻraman
profile-gender = Jins
profile-gender-female = Ayol
profile-gender-male = Erkak
profile-gender-other = Boshqa
profile-gender-consent = Jinsim dastur statistikasida ismimsiz ishlatilishiga roziman.
profile-age-band = Yosh
profile-age-band-under-18 = 18 yoshgacha
profile-age-band-18-24 = 18–24
profile-age-band-25-34 = 25–34
profile-age-band-35-44 = 35–44
profile-age-band-45-plus = 45 va undan katta
profile-age-band-consent = Yosh guruhim dastur statistikasida ismimsiz ishlatilishiga roziman.
profile-region = Mamlakat
profile-region-pk = Pokiston
profile-region-uz = Oʻzbekiston
profile-region-kz = Qozogʻiston
profile-region-kg = Qirgʻiziston
profile-region-tj = Tojikiston
profile-region-af = Afgʻoniston
profile-region-other = Boshqa mamlakat
profile-region-consent = Mamlakatim dastur statistikasida ismimsiz ishlatilishiga roziman.
profile-choice-unknown = Iltimos, roʻyxatdagi javoblardan birini tanlang.
profile-consent-needed = Bu javobni saqlash uchun rozilik katagiga belgi qoʻying. Yoki «Aytmaslikni afzal koʻraman»ni tanlang.
profile-save = Javoblarimni saqlash
profile-saved = Javoblaringiz saqlandi.
profile-withdrawn = Roziligingiz qaytarib olindi va javoblaringiz oʻchirildi.
profile-withdraw-text = Barcha roziliklarni qaytarib olish: bu savollarga javoblaringiz darhol oʻchiriladi.
profile-withdraw = Rozilikni qaytarib olish va javoblarni oʻchirish

login-forgot = Parolni unutdingizmi? Oʻqituvchingizdan tiklash kodini soʻrang
reset-title = Yangi parol oʻrnatish
reset-lead = Oʻqituvchingiz, dastur menejeri yoki administrator sizga bir martalik tiklash kodini berishi mumkin. Uni shu yerga yangi parol bilan kiriting. Boshqa barcha qurilmalarda hisobingizdan chiqasiz.
field-reset-code = Tiklash kodi
field-reset-code-hint = 12 ta harf va raqam, masalan ABCD-EFGH-JKMN. Katta-kichik harf, boʻsh joy va chiziqcha ahamiyatsiz.
reset-submit = Yangi parolni oʻrnatish
reset-code-invalid = Bu kod ishlamaydi. U notoʻgʻri yozilgan, allaqachon ishlatilgan yoki muddati tugagan boʻlishi mumkin (kodlar bir kun amal qiladi). Iltimos, yangisini soʻrang.

nav-users = Hisoblar
users-title = Hisoblar
users-search = Foydalanuvchi nomi yoki ism shu bilan boshlanadi
users-search-submit = Topish
users-caption = Topilgan hisoblar (koʻpi bilan 50 ta)
users-name = Ism
users-actions = Amallar
users-none = Hech qanday hisob topilmadi.
users-issue-code = Tiklash kodini berish
users-issue-code-for = { $username } uchun tiklash kodini berish
users-role-for = { $username } roli
users-change-role = Rolni oʻzgartirish
users-role-changed = { $username } roli oʻzgartirildi. Barcha seanslari yakunlandi.
users-code-issued = { $username } uchun tiklash kodi
users-code-expires = Uni shaxsan bering. U bir marta, { $time } gacha ishlaydi. Oldingi kodlar endi ishlamaydi.
users-code-link = Yoki ushbu havolani yuboring:
