# Текст интерфейса на русском языке.

site-name = Цифровые навыки
skip-to-content = Перейти к содержанию
nav-site = Сайт
nav-courses = Курсы
nav-language = Язык
footer-text = Бесплатные курсы цифровых навыков.

catalogue-title = Курсы
catalogue-lead = Учитесь в своём темпе, на своём телефоне. Все курсы бесплатные.

level-beginner = Начальный
level-intermediate = Средний
level-advanced = Продвинутый
lesson-count = { $count ->
    [one] { $count } урок
    [few] { $count } урока
   *[many] { $count } уроков
}
duration-minutes = { $minutes } мин
duration-hours = { $hours } ч
duration-hours-minutes = { $hours } ч { $minutes } мин

course-start = Начать курс
lesson-kind-quiz = Тест

breadcrumbs = Навигационная цепочка
lesson-contents = В этом уроке
lesson-pager = Уроки
lesson-previous = Предыдущий
lesson-next = Следующий
lesson-fallback-note = Этот урок пока недоступен на языке «{ $language }», поэтому он показан на языке «{ $shown }».

quiz-title = Тест
quiz-summary = { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
   *[many] { $count } вопросов
} · проходной балл { $pass_mark }%
quiz-choose-one = Выберите один ответ.
quiz-choose-many = Выберите все правильные ответы.

error-not-found-title = Страница не найдена
error-not-found-text = Мы не нашли эту страницу. Возможно, она перемещена или в адресе опечатка.
error-bad-request-title = Запрос не понят
error-bad-request-text = Этот запрос не удалось понять. Пожалуйста, вернитесь назад и попробуйте снова.
error-internal-title = Что-то пошло не так
error-internal-text = На нашей стороне произошла ошибка. Пожалуйста, попробуйте ещё раз через минуту.
error-see-courses = Все курсы

username-length = Имя пользователя должно содержать от 3 до 32 символов.
username-characters = В имени пользователя можно использовать только латинские буквы a–z, цифры и . _ -, и начинаться оно должно с буквы или цифры.
username-taken = Это имя пользователя уже занято. Пожалуйста, выберите другое.
username-unknown = Нет учётной записи с таким именем пользователя.
display-name-empty = Пожалуйста, напишите своё имя.
display-name-too-long = Имя может содержать не более 100 символов.
display-name-characters = В вашем имени есть символы, которые нельзя показать. Пожалуйста, введите его ещё раз.
password-too-short = Пароль должен содержать не менее 10 символов. Несколько слов подряд легко запомнить.
password-too-long = Пароль может содержать не более 200 символов.
password-characters = Пароль не может содержать управляющие символы или текст, дошедший с искажениями. Пожалуйста, введите его заново.
password-repetitive = В пароле должно быть не менее 5 разных символов.
password-common = Этот пароль любой попробует угадать первым. Пожалуйста, выберите другой.
password-contains-username = Пароль не должен содержать ваше имя пользователя.

error-forbidden-text = Этот запрос пришёл с другого сайта, поэтому он отклонён. Пожалуйста, воспользуйтесь формой на этом сайте.

nav-login = Войти
nav-register = Зарегистрироваться
nav-logout = Выйти
signed-in-as = Вы вошли как { $name }
login-title = Вход
login-submit = Войти
login-failed = Такие имя пользователя и пароль не подходят ни к одной учётной записи. Проверьте их и попробуйте ещё раз.
login-no-account = Ещё нет учётной записи? Зарегистрируйтесь
register-title = Регистрация
register-lead = Учётная запись сохраняет ваши успехи и позволяет получать сертификаты. Это бесплатно.
register-submit = Создать учётную запись
register-have-account = Уже зарегистрированы? Войдите
field-username = Имя пользователя
field-username-hint = От 3 до 32 символов: латинские буквы a–z, цифры и . _ -, например dilnoza.k или ваш номер телефона.
field-display-name = Ваше имя
field-display-name-hint = Так, как оно должно быть написано в сертификатах, на любом языке.
field-password = Пароль
field-password-hint = Не менее 10 символов. Несколько слов подряд легко запомнить и трудно угадать.
field-language = Язык

login-throttled = Слишком много неверных попыток. Подождите 15 минут и попробуйте снова или попросите преподавателя сбросить пароль.

account-title = Ваша учётная запись
account-role = Роль
role-learner = Учащийся
role-instructor = Преподаватель
role-manager = Менеджер программы
role-admin = Администратор
password-change-title = Смена пароля
field-current-password = Текущий пароль
field-new-password = Новый пароль
password-change-submit = Сменить пароль
password-changed = Пароль изменён. На всех остальных устройствах вы вышли из учётной записи.
password-wrong-current = Это не ваш текущий пароль.

account-data-title = Ваши данные
account-data-text = Скачайте всё, что мы храним о вас: учётную запись, ответы о себе и историю учётной записи.
account-data-download = Скачать мои данные (JSON)
account-delete-title = Удаление учётной записи
account-delete-warning = Ваше имя, имя пользователя и пароль будут стёрты навсегда, а вы выйдете на всех устройствах. Пройденные курсы останутся в общих итогах программы, но без вашего имени. Это действие нельзя отменить.
account-delete-submit = Удалить мою учётную запись
field-confirm-password = Ваш пароль для подтверждения

audit-title = Журнал аудита
audit-caption = Последние 200 изменений учётных записей, сначала новые (время в UTC)
audit-when = Когда
audit-action = Что
audit-actor = Кто
audit-subject = Учётная запись
audit-address = С адреса
error-not-allowed-title = Нет доступа
error-not-allowed-text = Эта страница доступна только тем, кто вошёл с учётной записью, которой разрешено её видеть. Пожалуйста, войдите или обратитесь к администратору программы.

profile-title = О вас (необязательно)
profile-explanation = Эти ответы помогают программе сообщать, без имён, кого она охватывает. Для учёбы ни один из них не нужен. Каждый ответ сохраняется, только если вы отметите его флажок, и вы можете отозвать согласие в любой момент на странице учётной записи.
profile-prefer-not = Предпочитаю не отвечать
profile-gender = Пол
profile-gender-female = Женский
profile-gender-male = Мужской
profile-gender-other = Другой
profile-gender-consent = Я согласна(-ен), чтобы мой пол учитывался в статистике программы без моего имени.
profile-age-band = Возраст
profile-age-band-under-18 = До 18 лет
profile-age-band-18-24 = 18–24
profile-age-band-25-34 = 25–34
profile-age-band-35-44 = 35–44
profile-age-band-45-plus = 45 и старше
profile-age-band-consent = Я согласна(-ен), чтобы моя возрастная группа учитывалась в статистике программы без моего имени.
profile-region = Страна
profile-region-pk = Пакистан
profile-region-uz = Узбекистан
profile-region-kz = Казахстан
profile-region-kg = Кыргызстан
profile-region-tj = Таджикистан
profile-region-af = Афганистан
profile-region-other = Другая страна
profile-region-consent = Я согласна(-ен), чтобы моя страна учитывалась в статистике программы без моего имени.
profile-choice-unknown = Пожалуйста, выберите один из ответов в списке.
profile-consent-needed = Чтобы сохранить этот ответ, отметьте флажок согласия. Или выберите «Предпочитаю не отвечать».
profile-save = Сохранить ответы
profile-saved = Ваши ответы сохранены.
profile-withdrawn = Ваше согласие отозвано, ответы удалены.
profile-withdraw-text = Отозвать все согласия: ваши ответы на эти вопросы будут сразу удалены.
profile-withdraw = Отозвать согласие и удалить ответы

login-forgot = Забыли пароль? Попросите у преподавателя код сброса
reset-title = Новый пароль
reset-lead = Преподаватель, менеджер программы или администратор может выдать вам одноразовый код сброса. Введите его здесь вместе с новым паролем. На всех других устройствах вы выйдете из системы.
field-reset-code = Код сброса
field-reset-code-hint = 12 букв и цифр, например ABCD-EFGH-JKMN. Регистр, пробелы и дефисы не важны.
reset-submit = Установить новый пароль
reset-code-invalid = Этот код не работает. Возможно, он введён с ошибкой, уже использован или истёк (код действует сутки). Попросите новый.

nav-users = Учётные записи
users-title = Учётные записи
users-search = Имя пользователя или имя начинается с
users-search-submit = Найти
users-caption = Найденные учётные записи (не более 50)
users-name = Имя
users-actions = Действия
users-none = Ничего не найдено.
users-issue-code = Выдать код сброса
users-issue-code-for = Выдать код сброса для { $username }
users-role-for = Роль { $username }
users-change-role = Изменить роль
users-role-changed = Роль { $username } изменена. Все сеансы этой учётной записи завершены.
users-code-issued = Код сброса для { $username }
users-code-expires = Передайте его лично. Он действует один раз, до { $time }. Прежние коды больше не работают.
users-code-link = Или отправьте ссылку:

nav-my-courses = Мои курсы
nav-cohorts = Группы
progress-lessons = Пройдено уроков: { $done } из { $total } ({ $percent }%)
course-your-progress = Ваш прогресс
course-sign-in-to-track = Чтобы сохранять прогресс и получить сертификат, войдите или зарегистрируйтесь.
course-enrol = Записаться на курс
course-enrol-hint = Бесплатно. Прогресс сохраняется по ходу учёбы.
course-have-code = Есть код группы?
course-code-only = Этот курс для групп: присоединяйтесь по коду от преподавателя.
course-completed-on = Вы завершили этот курс { $date }.
course-continue = Продолжить
course-unenrol = Покинуть курс (прогресс сохранится)
lesson-done = пройден
lesson-completed = Вы прошли этот урок.
lesson-mark-complete = Отметить пройденным и дальше
lesson-enrol-to-track = Запишитесь на курс, чтобы отмечать пройденные уроки.
lesson-locked = Этот урок доступен записавшимся на курс.
lesson-locked-enrol = Записаться и читать дальше
learning-not-enrolled = Сначала запишитесь на курс: прогресс сохраняется для записавшихся.
learning-code-only = На этот курс можно попасть только по коду группы.
learning-quiz-lesson = Этот урок засчитывается после сдачи теста.
quiz-submit = Проверить ответы
quiz-enrol-to-submit = Запишитесь на курс, чтобы отправить ответы и получить разбор.
quiz-best = Ваш лучший результат: { $score }%.
quiz-best-passed = Тест сдан. Лучший результат: { $score }%.
quiz-result-title = Ваш результат
quiz-passed = Отлично: { $score }%. Тест сдан.
quiz-failed = { $score }%. Для сдачи нужно { $pass_mark }%. Прочитайте пояснения и попробуйте снова.
quiz-question-right = Верно
quiz-question-wrong = Не совсем
quiz-chosen-right = Ваш ответ, верный:
quiz-chosen-wrong = Ваш ответ, неверный:
quiz-right-answer = Верный ответ:
quiz-try-again = Пройти тест ещё раз
quiz-unanswered = Пожалуйста, ответьте на все вопросы перед проверкой.
quiz-tampered = Эти ответы не подходят к этому тесту. Обновите страницу и ответьте снова.
my-title = Мои курсы
my-empty = Вы пока не записаны ни на один курс.
join-title = Вступить в группу
join-lead = Преподаватель даёт вам код группы. Введите его здесь, чтобы вступить в группу и её курс.
join-submit = Вступить
join-done = Вы вступили в группу.
join-sign-in-first = Сначала войдите или зарегистрируйтесь, затем вы сможете вступить.
join-code-unknown = Группы с таким кодом нет. Уточните код у преподавателя.
join-cohort-ended = Эта группа завершилась, вступить в неё уже нельзя.
join-cohort-full = В этой группе нет мест. Обратитесь к преподавателю.
field-cohort-code = Код группы
field-cohort-code-hint = 8 букв и цифр, например K7QM-2XPA.
field-optional = (необязательно)
cohorts-title = Группы
cohorts-none = Групп пока нет.
cohorts-caption = Группы, сначала новые
cohort-name = Название группы
cohort-name-hint = Например: Ташкент, весна 2027, вечерняя группа.
cohort-course = Курс
cohort-dates = Даты
cohort-members = Учащиеся
cohort-new-title = Новая группа
cohort-time-zone = Часовой пояс
cohort-starts-on = Начало
cohort-ends-on = Окончание (после этого дня вступить нельзя)
cohort-capacity = Мест
cohort-create = Создать группу
cohort-members-caption = Учащиеся этой группы
cohort-joined = Вступил(а)
cohort-progress = Прогресс
cohort-left-on = покинул(а) { $date }
cohort-member-completed = завершил(а)
cohort-date-invalid = Укажите дату в виде ГГГГ-ММ-ДД или оставьте поле пустым.
cohort-dates-reversed = Дата окончания не может быть раньше даты начала.
cohort-capacity-invalid = Число мест — целое от 1 до 100000, или пусто, если без ограничения.
cohort-course-unknown = Выберите курс из списка.
cohort-name-invalid = Название группы — от 1 до 100 символов.
cohort-time-zone-unknown = Выберите часовой пояс из списка.

certificate-open = Ваш сертификат
certificate-title = Сертификат об окончании
certificate-back = Вернуться к курсу
certificate-revoked-on = Этот сертификат отозван { $date } и больше не действителен.
certificate-heading = Сертификат об окончании курса
certificate-certifies = Настоящим подтверждается, что
certificate-completed = успешно окончил(а) курс
certificate-date = Дата
certificate-hours = Время обучения
certificate-issuer = Выдан
certificate-qr = QR-код адреса, по которому можно проверить этот сертификат
certificate-verify-at = Любой может проверить этот сертификат по адресу:
certificate-code = Код:
certificate-print-hint = Чтобы распечатать или сохранить в PDF, используйте печать в браузере: сертификат помещается на одну страницу A4.
verify-title = Проверка сертификата
verify-unknown = Сертификата с таким кодом нет. Проверьте, что код введён точно как напечатан.
verify-valid = Действителен: сертификат выдан программой и не отозван.
verify-revoked = Отозван { $date }: сертификат больше не действителен.
verify-name = Имя
revoke-title = Отозвать сертификат
revoke-reason = Причина (сохраняется в журнале аудита)
revoke-submit = Отозвать сертификат
revoke-reason-needed = Укажите причину длиной от 1 до 500 символов.
certificate-credential = Скачать цифровой сертификат (Open Badge)
certificate-credential-hint = Подписанный файл Open Badges 3.0, который могут проверить системы работодателей и цифровые кошельки.
certificate-pdf = Скачать в PDF
