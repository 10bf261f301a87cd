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
lesson-fallback-note = Этот урок пока недоступен на { $wanted ->
        [ur] урду
        [uz] узбекском
        [ru] русском
       *[en] английском
    }, поэтому он показан на { $shown ->
        [ur] урду
        [uz] узбекском
        [ru] русском
       *[en] английском
    }.

quiz-title = Тест
quiz-summary = { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
   *[many] { $count } вопросов
} · проходной балл { $pass_mark }
quiz-choose-one = Выберите один ответ.
quiz-choose-many = Выберите все правильные ответы.

error-not-found-title = Страница не найдена
error-not-found-text = Не удалось найти эту страницу. Возможно, она перемещена или в адресе опечатка.
error-bad-request-title = Запрос не понят
error-bad-request-text = Этот запрос не удалось понять. Пожалуйста, вернитесь назад и попробуйте снова.
error-internal-title = Что-то пошло не так
error-internal-text = На нашей стороне произошла ошибка. Пожалуйста, попробуйте ещё раз через минуту.
error-storage-full-title = Ничего не сохранено
error-storage-full-text = Сейчас на сервере нет места, поэтому ничего не сохранено. Пожалуйста, попробуйте ещё раз чуть позже.
error-busy-title = Сайт ненадолго перегружен
error-busy-text = Сейчас в систему входит очень много людей. Подождите немного и попробуйте снова: ничего не потеряно.
error-see-courses = Все курсы

username-length = Имя пользователя должно содержать от 3 до 32 символов.
username-characters = В имени пользователя можно использовать только латинские буквы a–z, цифры и знаки . _ -; начинаться оно должно с буквы или цифры.
username-taken = Это имя пользователя уже занято. Пожалуйста, выберите другое.
username-unknown = Нет учётной записи с таким именем пользователя.
display-name-empty = Пожалуйста, напишите своё имя.
display-name-too-long = Имя может содержать не более 100 символов.
display-name-characters = В вашем имени есть символы, которые нельзя показать. Пожалуйста, введите его ещё раз.
password-too-short = Пароль должен содержать не менее 10 символов. Несколько слов подряд легко запомнить.
password-too-long = Пароль может содержать не более 200 символов.
password-characters = Пароль не может содержать управляющие символы или текст, дошедший с искажениями. Пожалуйста, введите его заново.
password-repetitive = В пароле должно быть не менее 5 разных символов.
password-common = Такой пароль подбирают в первую очередь. Пожалуйста, выберите другой.
password-contains-username = Пароль не должен содержать ваше имя пользователя.

error-forbidden-text = Этот запрос пришёл с другого сайта, поэтому он отклонён. Пожалуйста, воспользуйтесь формой на этом сайте.

nav-login = Войти
nav-register = Зарегистрироваться
nav-logout = Выйти
signed-in-as = Вы вошли как { $name }
login-title = Вход
login-submit = Войти
login-failed = Нет учётной записи с таким именем пользователя и паролем. Проверьте их и попробуйте ещё раз.
login-no-account = Ещё нет учётной записи? Зарегистрируйтесь
register-title = Регистрация
register-lead = Учётная запись хранит ваш прогресс и позволяет получать сертификаты. Это бесплатно.
register-submit = Создать учётную запись
register-have-account = Уже зарегистрированы? Войдите
field-username = Имя пользователя
field-username-hint = От 3 до 32 символов: латинские буквы a–z, цифры и знаки . _ -, например dilnoza.k или ваш номер телефона.
field-display-name = Ваше имя
field-display-name-hint = Так, как оно должно быть написано в сертификатах, на любом языке.
field-password = Пароль
field-password-hint = Не менее 10 символов. Несколько слов подряд легко запомнить и трудно угадать.
field-language = Язык

form-check-fields = Пожалуйста, проверьте эти поля:
form-too-large = Отправленные данные намного больше, чем принимает любая форма на этом сайте, поэтому ничего не сохранено. Вернитесь, сократите текст и попробуйте снова.
login-throttled = С этого адреса было слишком много неверных попыток. Подождите несколько минут и попробуйте снова или попросите преподавателя сбросить пароль.
code-throttled = С этого адреса введено слишком много неверных кодов. Подождите минуту и попробуйте снова.
register-throttled = С этого адреса только что создано много учётных записей. Подождите минуту и попробуйте снова.
password-throttled = Слишком много неверных попыток. Подождите несколько минут и попробуйте снова.

account-title = Ваша учётная запись
account-role = Роль
account-failed-sign-ins = { $count ->
    [one] С вашего последнего входа кто-то { $count } раз ввёл неверный пароль от вашей учётной записи.
    [few] С вашего последнего входа кто-то { $count } раза ввёл неверный пароль от вашей учётной записи.
   *[many] С вашего последнего входа кто-то { $count } раз ввёл неверный пароль от вашей учётной записи.
} Если это были не вы, выберите ниже новый пароль: длинный и нигде больше не используемый.
role-learner = Учащийся
role-instructor = Преподаватель
role-manager = Менеджер программы
role-admin = Администратор
password-change-title = Смена пароля
field-current-password = Текущий пароль
field-new-password = Новый пароль
password-change-submit = Сменить пароль
password-changed = Пароль изменён. На всех других устройствах выполнен выход из учётной записи.
password-wrong-current = Это не ваш текущий пароль.

account-data-title = Ваши данные
account-data-text = Скачайте всё, что мы храним о вас: учётную запись, ответы анкеты и историю учётной записи.
account-data-download = Скачать мои данные (JSON)
account-delete-title = Удаление учётной записи
account-delete-warning = Ваше имя, имя пользователя и пароль будут стёрты навсегда, и на всех устройствах будет выполнен выход. Пройденные курсы останутся в общих итогах программы, но без вашего имени. Это действие нельзя отменить.
account-delete-submit = Удалить мою учётную запись
field-confirm-password = Ваш пароль для подтверждения

audit-title = Журнал аудита
audit-caption = Последние 200 изменений учётных записей, сначала новые (время в UTC)
audit-when = Когда
audit-action = Что
audit-actor = Кто
audit-subject = Учётная запись
audit-address = С какого адреса
error-not-allowed-title = Нет доступа
error-not-allowed-text = Эта страница доступна только тем, кто вошёл с учётной записью, которой разрешено её видеть. Пожалуйста, войдите или обратитесь к администратору программы.

profile-title = О вас (необязательно)
profile-explanation = Эти ответы помогают программе без имён отчитываться о том, кого она охватывает. Для учёбы ни один из них не нужен. Каждый ответ сохраняется, только если вы отметите флажок рядом с ним, и вы можете отозвать согласие в любой момент на странице учётной записи.
profile-prefer-not = Предпочитаю не отвечать
profile-gender = Пол
profile-gender-female = Женский
profile-gender-male = Мужской
profile-gender-other = Другой
profile-gender-consent = Разрешаю учитывать мой пол в статистике программы без указания моего имени.
profile-age-band = Возраст
profile-age-band-under-18 = До 18 лет
profile-age-band-18-24 = 18–24
profile-age-band-25-34 = 25–34
profile-age-band-35-44 = 35–44
profile-age-band-45-plus = 45 и старше
profile-age-band-consent = Разрешаю учитывать мою возрастную группу в статистике программы без указания моего имени.
profile-region = Страна
profile-region-pk = Пакистан
profile-region-uz = Узбекистан
profile-region-kz = Казахстан
profile-region-kg = Кыргызстан
profile-region-tj = Таджикистан
profile-region-af = Афганистан
profile-region-other = Другая страна
profile-region-consent = Разрешаю учитывать мою страну в статистике программы без указания моего имени.
profile-choice-unknown = Пожалуйста, выберите один из ответов в списке.
profile-consent-needed = Чтобы сохранить этот ответ, отметьте флажок согласия. Или выберите «Предпочитаю не отвечать».
profile-save = Сохранить ответы
profile-saved = Ваши ответы сохранены.
profile-withdrawn = Ваше согласие отозвано, ответы удалены.
profile-withdraw-text = Отозвать все согласия: ваши ответы на эти вопросы будут сразу удалены.
profile-withdraw = Отозвать согласие и удалить мои ответы

login-forgot = Забыли пароль? Попросите у преподавателя код сброса
reset-title = Новый пароль
reset-lead = Преподаватель, менеджер программы или администратор может выдать вам одноразовый код сброса. Введите его здесь вместе с новым паролем. На всех других устройствах будет выполнен выход из учётной записи.
field-reset-code = Код сброса
field-reset-code-hint = 12 букв и цифр, например ABCD-EFGH-JKMN. Регистр, пробелы и дефисы не важны.
reset-submit = Установить новый пароль
reset-code-invalid = Этот код не работает. Возможно, он введён с ошибкой, уже использован или истёк. Попросите новый.

nav-users = Учётные записи
users-title = Учётные записи
users-search = Начало имени пользователя или имени
users-search-submit = Найти
users-caption = Найденные учётные записи (не более 50)
users-name = Имя
users-actions = Действия
users-none = Подходящих учётных записей нет.
users-issue-code = Выдать код сброса
users-issue-code-for = Выдать код сброса для { $username }
users-role-for = Роль пользователя { $username }
users-change-role = Изменить роль
users-role-changed = Роль пользователя { $username } изменена. Все сеансы этой учётной записи завершены.
users-code-issued = Код сброса для { $username }
users-code-expires = Передайте код лично. Он действует один раз, до { $time }. Прежние коды больше не работают.
users-code-link = Или отправьте ссылку:

nav-my-courses = Мои курсы
nav-cohorts = Группы
progress-lessons = Пройдено уроков: { $done } из { $total } ({ $percent })
course-your-progress = Ваш прогресс
course-sign-in-to-track = Чтобы сохранять прогресс и получить сертификат, войдите или зарегистрируйтесь.
course-enrol = Записаться на курс
course-enrol-hint = Бесплатно. Прогресс сохраняется по ходу учёбы.
course-have-code = Есть код группы?
course-code-only = Этот курс для групп: присоединяйтесь по коду, который дал преподаватель.
course-completed-on = Вы завершили этот курс { $date }.
course-continue = Продолжить
course-unenrol = Покинуть курс (прогресс сохранится)
lesson-done = пройден
lesson-completed = Вы прошли этот урок.
lesson-mark-complete = Отметить как пройденный и продолжить
lesson-enrol-to-track = Запишитесь на курс, чтобы отмечать пройденные уроки.
lesson-locked = Этот урок доступен только тем, кто записан на курс.
lesson-locked-enrol = Записаться и читать дальше
learning-not-enrolled = Сначала запишитесь на курс: прогресс сохраняется только для записанных на курс.
learning-code-only = На этот курс можно попасть только по коду группы.
learning-quiz-lesson = Этот урок засчитывается после сдачи теста.
quiz-submit = Проверить ответы
quiz-enrol-to-submit = Запишитесь на курс, чтобы отправить ответы и получить разбор.
quiz-best = Ваш лучший результат на данный момент: { $score }.
quiz-best-passed = Вы сдали этот тест. Ваш лучший результат: { $score }.
quiz-result-title = Ваш результат
quiz-passed = Отлично: { $score }. Тест сдан.
quiz-failed = { $score }. Для сдачи нужно { $pass_mark }. Прочитайте пояснения и попробуйте снова.
quiz-question-right = Верно
quiz-question-wrong = Неверно
quiz-question-missing = Не полностью: отмечены не все верные ответы
quiz-chosen-right = Ваш ответ (верный):
quiz-chosen-wrong = Ваш ответ (неверный):
quiz-right-answer = Верный ответ:
quiz-try-again = Пройти тест ещё раз
quiz-unanswered = Пожалуйста, ответьте на все вопросы перед проверкой.
quiz-tampered = Эти ответы не соответствуют этому тесту. Обновите страницу и ответьте ещё раз.
my-title = Мои курсы
my-empty = Вы пока не записаны ни на один курс.
my-next-lesson = Следующий урок:
join-title = Вступить в группу
join-lead = Код группы вам даёт преподаватель. Введите его здесь, чтобы вступить в группу и записаться на её курс.
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
cohort-starts-on = Дата начала
cohort-ends-on = Дата окончания (после этого дня вступить нельзя)
cohort-capacity = Число мест
cohort-create = Создать группу
cohort-members-caption = Учащиеся этой группы
cohort-joined = Дата вступления
cohort-progress = Прогресс
cohort-left-on = покинул(а) группу { $date }
cohort-member-completed = завершил(а)
cohort-date-invalid = Укажите дату в виде ГГГГ-ММ-ДД или оставьте поле пустым.
cohort-dates-reversed = Дата окончания не может быть раньше даты начала.
cohort-capacity-invalid = Число мест должно быть целым числом от 1 до 100000; если ограничения нет, оставьте поле пустым.
cohort-course-unknown = Выберите курс из списка.
cohort-name-invalid = Название группы должно содержать от 1 до 100 символов.
cohort-time-zone-unknown = Выберите часовой пояс из списка.

certificate-open = Ваш сертификат
certificate-title = Сертификат об окончании
certificate-back = Вернуться к курсу
certificate-revoked-on = Этот сертификат отозван { $date } и больше не действителен.
certificate-heading = Сертификат об окончании курса
certificate-certifies = Настоящим подтверждается, что
certificate-completed = окончил(а) курс
certificate-date = Дата
certificate-hours = Время обучения
certificate-issuer = Кем выдан
certificate-qr = QR-код адреса, по которому можно проверить этот сертификат
certificate-verify-at = Любой может проверить этот сертификат по адресу:
certificate-code = Код:
verify-title = Проверка сертификата
verify-unknown = Сертификата с таким кодом нет. Проверьте, что код введён точно так, как напечатан.
verify-valid = Действителен: сертификат выдан программой и не отозван.
verify-revoked = Отозван { $date }: сертификат больше не действителен.
verify-name = Имя
verify-holder-deleted = Не хранится: владелец сертификата удалил(а) свою учётную запись.
revoke-title = Отозвать сертификат
revoke-reason = Причина (сохраняется в журнале аудита)
revoke-submit = Отозвать сертификат
revoke-reason-needed = Укажите причину длиной от 1 до 500 символов.
certificate-credential = Скачать цифровой сертификат (Open Badge)
certificate-credential-hint = Подписанный файл Open Badges 3.0, который могут проверить системы работодателей и цифровые кошельки.
certificate-pdf = Скачать в PDF

nav-teach = Преподавание
nav-statistics = Статистика
manage-title = Статистика программы
manage-organisation = Организация:
manage-tools = Управление
stat-filters = Фильтры статистики
stat-all = Все
stat-cohort = Группа
stat-enrolled-from = Дата записи с
stat-enrolled-to = Дата записи по
stat-apply-filters = Показать
stat-filter-date-invalid = Дата не распознана и не учтена: укажите её в виде ГГГГ-ММ-ДД.
stat-learners-csv = Скачать прогресс каждого учащегося (CSV)
stat-days = { $days } дн.
stat-download-csv = Скачать эту таблицу (CSV)
stat-funnel-title = От записи до сертификата
stat-funnel-description = Из { $enrolled ->
    [one] { $enrolled } записи
   *[many] { $enrolled } записей
}: начато — { $started }, завершено — { $completed }, с сертификатом — { $certified }.
stat-funnel-caption = Записи на каждом шаге
stat-step = Шаг
stat-count = Записи
stat-of-enrolled = От числа записей
stat-enrolled = Записались
stat-started = Начали
stat-completed = Завершили
stat-certified = Получили сертификат
stat-learners = Учащиеся
stat-median-days = Медианное время до завершения
stat-active-7 = Активны за последние 7 дней
stat-active-30 = Активны за последние 30 дней
stat-by-course = По курсам
stat-by-course-caption = Воронка каждого курса
stat-completion-rate-title = Доля завершивших по курсам
stat-completion-rate-description = Какая доля записавшихся на каждый курс его завершила.
stat-by-cohort = По группам
stat-by-cohort-caption = Воронка каждой группы
stat-no-cohort = Без группы
stat-breakdowns = По полу, возрасту и стране
stat-breakdowns-note = Учитываются только ответы, данные с согласия. Группа, в которой на какой-либо ответ приходится меньше { $threshold } человек, в эти таблицы не входит совсем, а каждая цифра складывается из показанных групп. Поэтому ни одну подгруппу меньше { $threshold } человек нельзя вычислить — ни по этой странице, ни сравнивая страницы.
stat-left-out = Не учтено: { $enrolments ->
    [one] { $enrolments } запись
    [few] { $enrolments } записи
   *[many] { $enrolments } записей
} в { $cohorts ->
    [one] { $cohorts } группе
   *[many] { $cohorts } группах
}, где есть подгруппа меньше порога.
stat-breakdowns-dated = Разбивка по полу, возрасту и стране не показывается для диапазона дат: сравнение двух диапазонов позволило бы вычислить отдельных людей. Очистите даты, чтобы её увидеть.
stat-not-shown = не показано
stat-at-least = не менее { $count }
stat-groups-left-out = Не учтённые группы
stat-breakdown-caption = Записи по ответам: { $question }
stat-not-stated = Не указано
stat-scope = Охват
stat-total = Всего
csv-username = Имя пользователя
csv-name = Имя
csv-cohort = Группа
csv-enrolled-on = Дата записи
csv-left-on = Дата выхода
csv-started-on = Дата начала
csv-last-active = Последняя активность
csv-lessons-done = Пройдено уроков
csv-lessons-total = Уроков в курсе
csv-completed-on = Дата завершения
csv-certificate = Код сертификата
csv-certificate-status = Статус сертификата
csv-certificate-valid = действителен
csv-certificate-revoked = отозван
teach-title = Преподавание
teach-none = Пока ни в одном курсе вы не указаны как преподаватель.
teach-stops-title = Где учащиеся останавливаются
teach-most-stop = Больше всего учащихся остановились после урока «{ $lesson }».
teach-no-stops = Пока никто не остановился на полпути.
teach-reach-caption = Сколько учащихся прошли каждый урок и сколько из них не прошли следующий
teach-lesson = Урок
teach-completed-lesson = Прошли
teach-stopped-after = Не прошли следующий
teach-questions-title = Вопросы тестов
teach-questions-note = По первой попытке каждого учащегося, до повторов.
teach-questions-caption = Как ответили на каждый вопрос
teach-question = Вопрос
teach-answered = Ответили
teach-correct = Верно
teach-common-wrong = Самый частый неверный ответ
teach-learners-title = Учащиеся
teach-learners-caption = Прогресс каждого учащегося
teach-last-active = Последняя активность
teach-more-learners = Ещё { $count ->
    [one] { $count } учащийся
   *[many] { $count } учащихся
} — в файле CSV.
organisations-title = Организации
organisation = Организация
organisation-none = Нет (сама программа)
organisations-intro = Партнёры, через которых работает программа: учебные центры, бизнес-инкубаторы, НКО. Группа может принадлежать одной из них, а менеджер, привязанный к организации, видит только её группы и учащихся.
organisations-none = Организаций пока нет.
organisations-caption = Организации, их группы и менеджеры
organisation-name = Название
organisation-managers = Менеджеры
organisation-new = Новая организация
organisation-create = Создать организацию
organisation-name-invalid = Название организации должно содержать от 1 до 100 символов.
organisation-name-taken = Организация с таким названием уже есть.
organisation-assign-title = Привязать менеджера к организации
organisation-assign-hint = Менеджер, привязанный к организации, видит и создаёт только её группы, а в статистике видит только её учащихся.
organisation-assign = Сохранить
organisation-programme-wide = Вся программа (все организации)
organisation-unknown = Выберите организацию из списка.
organisation-not-a-manager = Менеджера с таким именем пользователя нет.
import-title = Запись учащихся из файла
import-intro = Загрузите файл CSV: по одному учащемуся в строке. Ничего не изменится, пока вы не увидите, что сделает файл, и не решите его применить.
import-columns-caption = Столбцы файла (их названия — в первой строке)
import-column = Столбец
import-column-meaning = Что в нём
import-column-name = Полное имя учащегося, как оно будет написано в сертификате. Обязательно.
import-column-username = Имя пользователя для входа: от 3 до 32 символов — латинские буквы a–z, цифры, точки, дефисы или подчёркивания. Если учётная запись с таким именем уже есть, она записывается на курс, а не создаётся заново. Обязательно.
import-column-cohort = Код группы, в которую записать учащегося, — как на странице группы. Обязательно.
import-column-profile = Необязательные ответы, хранятся только с согласия: пол (female, male, other), возрастная группа (under-18, 18-24, 25-34, 35-44, 45-plus), страна (pk, uz, kz, kg, tj, af, other).
import-column-consent = «yes», если есть согласие учащегося на хранение его ответов для статистики программы. Нужно для любого ответа.
import-template = Скачать файл-образец
import-file = Файл CSV (UTF-8)
import-file-hint = Не больше { $megabytes } МБ. В Excel сохраните файл как «CSV UTF-8».
import-check = Проверить файл
import-recent = Ваши недавние файлы
import-applied-short = применён
import-report-title = Файл записи
import-applied = Применён { $date }.
import-dry-run = Что сделает этот файл
import-check-again = Файл проверен заново (уже применённые строки ничего не меняют)
import-will-create = Новая учётная запись, записан(а)
import-will-enrol = Существующая учётная запись, записан(а)
import-nothing-to-do = Уже записан(а): ничего делать не нужно
import-refused = Отклонено
import-apply-note = Все неотклонённые строки применяются вместе — или ни одна. Отклонённые строки пропускаются: исправьте их и загрузите файл снова.
import-apply = Применить { $count ->
    [one] { $count } допустимую строку
    [few] { $count } допустимые строки
   *[many] { $count } допустимых строк
}
import-already-applied = Этот файл уже применён.
import-rows-caption = Каждая строка и что с ней будет
import-line = Строка
import-outcome = Результат
import-error-prefix = Отклонено:
import-rows-left-out = { $count ->
    [one] Ещё { $count } строка не показана; она учтена в итогах выше.
    [few] Ещё { $count } строки не показаны; они учтены в итогах выше.
   *[many] Ещё { $count } строк не показано; они учтены в итогах выше.
}
import-codes-title = Коды для создания пароля новых учётных записей
import-codes-note = Выдайте каждому учащемуся его код. Учащийся открывает на этом сайте страницу «Забыли пароль?» (/reset), вводит код и выбирает пароль. Коды действуют один раз, до { $date }.
import-codes-print = Распечатайте этот список командой «Печать» в браузере, затем удалите коды с этой страницы.
import-codes-elsewhere = Эти коды хранятся в закрытом виде: их показывает только тот браузер, в котором применили этот файл, в течение 14 дней. Если список потерян, выдайте каждому учащемуся новый код сброса на странице «Учётные записи».
import-codes-caption = Новые учётные записи и их коды
import-code = Код
import-codes-forget = Я распечатал(а) их: удалить эти коды
import-error-no-file = Выберите файл CSV для загрузки.
import-error-too-large = Файл больше разрешённых { $megabytes } МБ. Разделите его на файлы поменьше.
import-error-empty = Файл пуст.
import-error-encoding = Файл не в кодировке UTF-8. В Excel сохраните его как «CSV UTF-8 (разделитель — запятая)»; в LibreOffice выберите кодировку «Юникод (UTF-8)».
import-error-missing-column = В первой строке должен быть столбец «{ $detail }».
import-error-unknown-column = В первой строке есть столбец, неизвестный этой странице: «{ $detail }».
import-error-repeated-column = В первой строке столбец «{ $detail }» указан дважды.
import-error-unreadable = Файл не читается как CSV начиная со строки { $detail }: не осталась ли открытой кавычка?
import-error-fields = В этой строке другое число полей, чем в первой.
import-error-duplicate = Это имя пользователя уже есть в одной из строк выше.
import-error-cohort-unknown = Группы с таким кодом нет.
import-error-cohort-full = В группе не осталось мест для этой строки.
import-error-staff-account = Это имя пользователя принадлежит сотруднику: через файл записываются только учащиеся.
import-error-not-yours = Это имя пользователя принадлежит учащемуся, которого ведёт не ваша организация. Вступить в группу по её коду этот учащийся может самостоятельно.
import-error-other-cohort = Этот учащийся уже в другой группе этого курса, которую ведёте не вы.
import-error-profile-answer = Ответ анкеты не входит в число предложенных.
import-error-consent-value = В столбце согласия должно быть «yes», «no» или пусто.
import-error-consent-needed = Ответы анкеты хранятся только с согласия: в столбце согласия должно быть «yes».
teach-common-wrong-count = Сколько раз выбран

lesson-video-opens = Видео, откроется в { $site }
lesson-animation-play = Показать анимацию
lesson-box-solution = Показать решение
lesson-box-hint = Показать подсказку
lesson-box-instructor = Заметка для преподавателей
lesson-box-objectives = Цели
lesson-box-questions = Вопросы
lesson-box-keypoints = Главное
lesson-box-prereq = Перед началом
lesson-box-challenge = Попробуйте
lesson-box-discussion = Обсудите
lesson-box-caution = Осторожно
lesson-box-checklist = Контрольный список
lesson-file-size-kb = { $kind }, { $size } КБ
lesson-file-size-mb = { $kind }, { $size } МБ
lesson-withheld-title = Пока недоступен
lesson-withheld = Этот урок исправляют, и он пока недоступен. Остальные уроки курса доступны.
lesson-withheld-staff = Учащиеся не видят этот урок: в нём есть ошибки, они перечислены ниже. Вместо урока учащиеся видят короткую заметку. Исправьте ошибки, и урок появится при следующей загрузке курсов.
lesson-problems-heading = Проблемы в этом уроке (видят только сотрудники)
lesson-not-available = пока недоступен
course-problems-heading = Проблемы в этом курсе (видят только сотрудники)
course-files-problems-heading = Проблемы в файлах курсов (видят только сотрудники)
lesson-folder-files = { $files ->
    [one] { $files } файл
    [few] { $files } файла
   *[other] { $files } файлов
}

offline-heading = На этом телефоне
offline-intro = Сохраните курс на этом телефоне, чтобы читать и учиться без интернета. Пройденные уроки будут отправлены, когда Вы снова будете в сети.
offline-save = Сохранить для работы без сети
offline-remove = Удалить с этого телефона
offline-copy-note = Это копия, сохранённая на этом телефоне.
offline-copy-live = Открыть последнюю версию
offline-page-title = Нет соединения
offline-page-text = Эта страница не сохранена на этом телефоне. Она откроется, когда Вы снова будете в сети.
offline-page-saved = Курсы, сохранённые на этом телефоне:
offline-page-retry = Попробовать снова
offline-refused-removed = Не записано: этого урока больше нет в курсе.
offline-refused-quiz-changed = Не записано: тест изменился после того, как курс был сохранён на телефоне. Пройдите его, пожалуйста, ещё раз.
offline-graded-passed = Тест проверен: { $score }. Вы сдали тест.
offline-graded-failed = Тест проверен: { $score }. Тест пока не сдан: прочитайте пояснения и попробуйте снова.
offline-sync-malformed = Не удалось прочитать то, что отправил телефон, поэтому ничего не записано.
offline-sync-too-large = Телефон отправил слишком много сразу. Остальное он отправит по частям.
offline-sync-not-yours = То, что отправил телефон, относится к другой учётной записи. Ничего не записано.
offline-sync-sign-in = Войдите, чтобы отправить то, что сохранено на этом телефоне.
offline-js-size = Для этого курса нужно { $size } на телефоне.
offline-js-space = Браузер разрешает этому сайту занять ещё { $free }.
offline-js-no-space = На телефоне не хватает места для этого курса. Освободите место и попробуйте снова.
offline-js-download = Скачать { $size }
offline-js-cancel = Отмена
offline-js-progress = Скачивание: { $done } из { $total }
offline-js-paused = Скачивание приостановлено. Оно продолжится, когда Вы будете в сети.
offline-js-saved = Сохранено на этом телефоне: { $size }.
offline-js-update = Доступна новая версия курса: { $size } для скачивания.
offline-js-update-button = Обновить
offline-js-removed = Удалено с этого телефона.
offline-js-failed = Скачать не удалось. Попробуйте, пожалуйста, снова.
offline-js-pending = Ждёт отправки: { $count }
offline-js-send-now = Отправить сейчас
offline-js-sent = Всё, что сделано на этом телефоне, отправлено.
offline-js-queued = Сохранено на этом телефоне. Будет отправлено, когда Вы будете в сети.
offline-js-quiz-queued = Ваши ответы сохранены на этом телефоне. Они будут проверены, когда Вы будете в сети.
offline-js-sign-in = Войдите, чтобы отправить то, что ждёт на этом телефоне.
offline-js-logout-warning = Часть сделанного ещё не отправлена ({ $count }). Если выйти сейчас, это будет потеряно. Всё равно выйти?
offline-js-done = Пройдено на этом телефоне
offline-js-see-result = Посмотреть результат
offline-js-answer-all = Ответьте, пожалуйста, на все вопросы, прежде чем проверять.
offline-js-megabytes = { $amount } МБ

# The studio: errors of its forms
studio-error-course-id = Идентификатор курса — строчные латинские буквы a–z, цифры и одиночные дефисы, не более 64, например online-safety.
studio-error-course-taken = Курс с таким идентификатором уже есть. Пожалуйста, выберите другой.
studio-error-title = Пожалуйста, укажите название не длиннее 120 символов.
studio-error-too-long = Этот текст слишком длинный. Пожалуйста, разделите его на два урока.
studio-error-message = Пожалуйста, опишите в нескольких словах, что изменилось (не более 500 символов).
studio-error-has-errors = В черновике есть ошибки (они перечислены на странице курса). Исправьте их перед публикацией.
studio-error-nothing-changed = Черновик совпадает с опубликованной версией: публиковать нечего.
studio-error-draft-changed = Черновик изменился после того, как вы его открыли. Посмотрите его ещё раз, затем опубликуйте.
studio-error-comment = Пожалуйста, напишите, что нужно изменить (не более 2 000 символов).
studio-error-instructors = Укажите преподавателей по их логинам (не более 20); каждый — преподаватель или администратор.
studio-published = Опубликовано. Учащиеся увидят новую версию через несколько секунд.

# The studio: pages
nav-studio = Студия
studio-title = Студия
studio-intro = Здесь вы пишете и меняете курсы, а затем публикуете их для учащихся.
studio-your-courses = Ваши курсы
studio-no-courses = В студии пока нет ваших курсов.
studio-published-version = Опубликована версия { $number }
studio-never-published = Ещё не опубликован
studio-waiting-for-review = Ждёт проверки
studio-folder-courses = Курсы в виде файлов
studio-folder-note = Эти курсы редактируются как файлы на сервере, поэтому здесь их можно только смотреть.
studio-take-hint = Когда курс переносят в студию, его файлы становятся первой версией. После этого курс пишут здесь.
studio-take = Перенести в студию
studio-take-label = Перенести в студию: { $title }
studio-create-title = Создать курс
studio-create = Создать курс
studio-course-id = Идентификатор курса
studio-course-id-hint = Строчные латинские буквы, цифры и дефисы, например online-safety. Он входит в адрес курса, и позже его не изменить.
studio-course-title = Название
studio-course-language = Язык
studio-course-level = Уровень
studio-history = Версии
studio-see-published = Открыть опубликованный курс
studio-restored = Версия { $number } снова стала черновиком. Опубликуйте её, когда всё будет готово.
studio-outline = Модули и уроки
studio-edit-settings = Изменить настройки курса (course.toml)
studio-edit-module = Изменить настройки модуля (module.toml)
studio-no-modules = В курсе пока нет модулей.
studio-no-lessons = В этом модуле пока нет уроков.
studio-translations = Переводы:
studio-move-up = Выше
studio-move-up-label = Выше: { $title }
studio-move-down = Ниже
studio-move-down-label = Ниже: { $title }
studio-remove = Удалить
studio-remove-label = Удалить: { $title }
studio-new-lesson-title = Название нового урока
studio-add-lesson = Добавить урок
studio-add-lesson-label = Добавить урок в модуль «{ $title }»
studio-new-module-title = Название нового модуля
studio-add-module = Добавить модуль
studio-remove-title = Удалить этот урок?
studio-remove-confirm = { $count ->
    [one] Этот урок прошёл { $count } учащийся. Его записи сохранятся. Удалить урок из черновика?
    [few] Этот урок прошли { $count } учащихся. Их записи сохранятся. Удалить урок из черновика?
   *[many] Этот урок прошли { $count } учащихся. Их записи сохранятся. Удалить урок из черновика?
}
studio-remove-confirmed = Удалить из черновика
studio-keep = Оставить урок
studio-files = Картинки и файлы для скачивания
studio-no-files = Картинок и файлов пока нет.
studio-file-size = { $kilobytes } КБ
studio-uploaded = Загружено:
studio-upload-title = Загрузить файл
studio-upload-file = Файл
studio-upload-hint = Картинка (PNG, JPEG, GIF, WebP, SVG), PDF, текст или CSV, не больше 10 МБ каждый. Картинки уменьшаются для телефонов.
studio-upload-alt-hint = В уроке опишите, что на каждой картинке, для тех, кто её не видит:
studio-alt-example = что на картинке
studio-upload-folder = Папка
studio-upload = Загрузить
studio-upload-failed = Не удалось загрузить файл. Попробуйте ещё раз.
studio-upload-refused-kind = Такой файл загрузить нельзя. Выберите картинку, PDF, текст или CSV.
studio-upload-refused-content = Содержимое файла не соответствует его имени. Сохраните его заново и загрузите.
studio-upload-refused-size = Файл больше 10 МБ. Пожалуйста, уменьшите его.
studio-upload-refused-course-full = В курсе нет места для новых файлов. Сначала удалите какие-нибудь.
studio-upload-refused-none = Выберите файл для загрузки.
studio-problems = Проблемы
studio-no-problems = Проблем не найдено.
studio-problems-count = Ошибок: { $errors }. Предупреждений: { $warnings }. Черновик с ошибками опубликовать нельзя.
studio-error = Ошибка
studio-warning = Предупреждение
studio-publish-title = Публикация
studio-unpublished-changes = В черновике есть изменения, которых учащиеся ещё не видят.
studio-no-changes = Учащиеся видят черновик таким, какой он есть.
studio-publish-blocked = { $count ->
    [one] В черновике { $count } ошибка. Исправьте её перед публикацией.
    [few] В черновике { $count } ошибки. Исправьте их перед публикацией.
   *[many] В черновике { $count } ошибок. Исправьте их перед публикацией.
}
studio-what-changed = Что изменилось
studio-what-changed-hint = Несколько слов для списка версий, например: Исправлен тест в уроке 3.
studio-publish = Опубликовать
studio-propose-hint = Изменения в этом курсе проверяют, прежде чем их увидят учащиеся. Предложите черновик, и его проверит другой преподаватель или администратор.
studio-propose = Отправить на проверку
studio-review-title = Проверка
studio-sent-back = Последнее предложение вернули на доработку:
studio-no-proposal = Нет черновиков, ожидающих проверки.
studio-proposed-by = Предложил(а)
studio-waiting-for-reviewer = Ждёт проверки другим преподавателем или администратором.
studio-approve = Одобрить и опубликовать
studio-comment = Что нужно изменить
studio-send-back = Вернуть на доработку
studio-manage-title = Преподаватели и проверка
studio-instructors = Преподаватели
studio-instructors-hint = Логины преподавателей или администраторов, по одному в строке. Администраторы всегда могут писать любой курс.
studio-review-required = Изменения проверяются перед публикацией
studio-save-manage = Сохранить
studio-saved = Сохранено.
studio-not-saved-yet = Этот текст ещё не сохранён: нажмите «Сохранить», чтобы сохранить его.
studio-text = Текст файла
studio-save = Сохранить
studio-preview = Предпросмотр
studio-preview-hint = Предпросмотр показывает урок так, как его увидят учащиеся, ничего не сохраняя.
studio-preview-title = Предпросмотр
studio-preview-saved = Сохранённый текст на телефоне.
studio-preview-unsaved = Текст, который вы пишете (ещё не сохранён), на телефоне.
studio-preview-frame = Урок так, как его увидят учащиеся на телефоне
studio-preview-open = Открыть предпросмотр на отдельной странице
studio-conflict-title = Кто-то сохранил этот файл после того, как вы его открыли
studio-conflict-hint = Ваш текст не сохранён. В редакторе теперь их текст. Скопируйте в редактор то, что нужно из вашего текста, и нажмите «Сохранить»: ваше сохранение заменит их текст.
studio-their-text = Их текст
studio-their-text-by = Их текст ({ $name })
studio-your-text = Ваш текст (не сохранён)
studio-file-problems = Проблемы в этом файле
studio-line = Строка { $line }
studio-lines = Текст по строкам
studio-quiz-help-title = Как написать тест
studio-quiz-help-intro = Урок, в котором есть хотя бы один вопрос, — это тест. Каждый вопрос — это блок, как этот:
studio-quiz-help-kind = Первая строка даёт вопросу идентификатор, затем single (один правильный ответ) или multiple (один или несколько). Блок заканчивается строкой из трёх двоеточий.
studio-quiz-help-options = Каждый вариант — одна строка: - [x] для правильного ответа или - [ ] для неправильного, затем его текст и его идентификатор в фигурных скобках.
studio-quiz-help-explanation = Строки с отступом в два пробела под вариантом объясняют его. Учащиеся видят их после ответа.
studio-quiz-help-rules = В вопросе должно быть не меньше двух вариантов. Вариант не может содержать ссылку.
studio-no-versions = Ещё ни одна версия не опубликована.
studio-restore-hint = Восстановленная версия снова становится черновиком. Учащиеся ничего нового не увидят, пока её не опубликуют.
studio-versions-caption = Опубликованные версии, сначала новые
studio-version-number = Версия
studio-published-by = Опубликовал(а)
studio-approved-by = Одобрил(а)
studio-published-at = Когда
studio-changes-in-version = Изменения в этой версии
studio-compare-with-draft = Сравнить с черновиком
studio-restore = Восстановить
studio-restore-label = Восстановить версию { $number } как черновик
studio-compare-title = Сравнить две версии
studio-compare-from = Было
studio-compare-to = Стало
studio-compare = Сравнить
studio-the-draft = Черновик
studio-version = Версия { $number }
studio-diff-title = Изменения: { $from } → { $to }
studio-diff-none = Различий нет.
studio-diff-binary = Изменён (картинка или файл: построчно не сравнивается).
studio-diff-removed = Удалено:
studio-diff-added = Добавлено:
studio-js-restored = Текст, который вы не сохранили, остался в этом браузере и снова в редакторе. Нажмите «Сохранить», чтобы сохранить его.
studio-js-restored-older = Кто-то сохранил этот файл после того, как вы написали текст, который не сохранили. В редакторе сохранённый текст; ваш остался в этом браузере.
studio-js-put-back = Вернуть мой текст в редактор
studio-js-offline = Нет соединения: предпросмотр подождёт. Ваш текст остался в этом браузере.
studio-lesson-title = Название урока
studio-lesson-minutes = Минут на чтение (необязательно)
studio-lesson-minutes-hint = Оставьте пустым, чтобы оценить по длине текста.
studio-lesson-pass-mark = Проходной балл, в процентах (необязательно)
studio-lesson-pass-mark-hint = Для урока с тестом: доля верных ответов, нужная, чтобы пройти. Пусто: 70.
studio-lesson-id = Идентификатор урока (необязательно)
studio-lesson-id-hint = Прогресс учащихся хранится под идентификатором урока. Пусто: берётся из имени файла. Меняйте его только до первой публикации урока.
studio-lesson-body = Текст урока
studio-front-matter-as-text = Настройки в начале урока (между строками +++) показаны как текст: в них есть то, чего не могут показать поля, например комментарий.
studio-add-question = Добавить вопрос
studio-add-question-hint = Добавляет вопрос теста для правки: там, где курсор, или в конце текста.
studio-new-question = Напишите вопрос здесь?
studio-new-question-wrong = Неверный ответ
studio-new-question-right = Верный ответ
studio-new-question-why = Объясните, почему этот ответ верный или неверный.
studio-drop-hint = Или перетащите файл на эту форму, чтобы загрузить его в папку выше.
lesson-original-newer = Этот перевод сделан с прежней версии урока; оригинал с тех пор обновлён.
studio-up-to-date = Этот перевод соответствует текущему оригиналу (он будет отмечен как сделанный с него)
studio-original-title = Оригинал урока
studio-original-changed = Оригинал изменился после того, как был сделан этот перевод: обновите перевод, затем отметьте флажок под текстом и сохраните.
studio-original-changes = Что изменилось в оригинале
studio-original-text = Текст оригинала

# The studio: settings
studio-settings-title = Настройки курса
studio-settings-saved = Настройки сохранены в черновике. Учащиеся увидят их после публикации.
studio-settings-not-saved = Настройки курса не сохранены: посмотрите почему
studio-settings-unreadable = Настройки нельзя показать в виде формы: в course.toml есть ошибка (см. проблемы ниже). Сначала исправьте его как текст.
studio-settings-form-hint = При сохранении этой формы остаются только показанные здесь настройки: всё остальное в course.toml, например page_budget_kb, удаляется. Чтобы изменить такие настройки, правьте course.toml как текст.
studio-settings-summary = Краткое описание
studio-settings-summary-hint = Одно-два предложения для списка курсов, не более 500 символов.
studio-settings-language-hint = Язык, на котором написаны уроки.
studio-settings-hours = Часы занятий
studio-settings-hours-hint = Необязательно: число от 0,1 до 200. Если оставить пустым, оно складывается из уроков.
studio-settings-access = Кто может читать уроки
studio-access-open = Все: каждый урок открыт
studio-access-enrolled = Записанные учащиеся: остальные видят только обзор и первый урок
studio-settings-enrolment = Как записываются учащиеся
studio-enrolment-open = Любой, кто вошёл на сайт, одной кнопкой
studio-enrolment-code = Только вступив в группу по её коду
studio-settings-certificate = Прошедшие курс получают сертификат
studio-settings-min-score = Средний результат тестов, нужный для сертификата (в процентах)
studio-settings-min-score-hint = Необязательно: целое число от 0 до 100 — среднее лучших результатов учащегося по каждому тесту. Все уроки в любом случае должны быть пройдены.
studio-settings-translations = Название на других языках
studio-settings-translations-hint = Необязательно. Название и описание на языке сохраняются, только если указано название. Их видят те, кто пользуется сайтом на этом языке.
studio-settings-save = Сохранить настройки
studio-error-settings-summary = Пожалуйста, сократите описание до 500 символов.
studio-error-settings-hours = Пожалуйста, укажите часы занятий числом от 0,1 до 200, например 3 или 1,5, или оставьте поле пустым.
studio-error-settings-min-score = Пожалуйста, укажите средний результат целым числом от 0 до 100 или оставьте поле пустым.
studio-error-settings-translation-title = Пожалуйста, укажите и название на этом языке или оставьте его описание пустым.
studio-error-settings-changed = Кто-то изменил настройки после того, как вы их открыли, поэтому ваши изменения не сохранены. В форме по-прежнему то, что вы ввели: сохраните ещё раз, чтобы заменить их изменения, или откройте курс заново из студии, чтобы увидеть их.
studio-download-zip = Скачать опубликованную версию (ZIP)
studio-error-course-full = В курсе уже столько файлов, сколько можно (1 000 или 100 МБ всего): сначала удалите часть.

## Signing in with a partner's identity provider (OpenID Connect)
login-or = Или войдите с учётной записью вашей организации:
login-with-partners = Вход через партнёра
login-with-provider = Войти через { $provider }
login-provider-unavailable = Сейчас войти через { $provider } нельзя: сервис не отвечает. Войдите с паролем или попробуйте позже.
login-provider-failed = Войти через { $provider } не получилось. Попробуйте ещё раз.
login-provider-expired = Вход занял слишком много времени или уже был использован. Начните заново.
welcome-title = Добро пожаловать
welcome-lead = { $provider } подтвердил, кто вы. Вы входите сюда впервые, поэтому выберите:
welcome-new-title = Я здесь впервые
welcome-new-text = Создайте мне учётную запись. Я буду каждый раз входить через { $provider }, без пароля.
welcome-new-submit = Создать учётную запись
welcome-link-title = У меня уже есть учётная запись
welcome-link-text = Введите имя пользователя и пароль один раз. После этого вход через { $provider } будет открывать вашу учётную запись.
welcome-link-submit = Связать учётную запись
welcome-expired = Здесь нет ожидающего входа: он занял слишком много времени или уже завершён. Войдите снова.
account-sign-in-with-title = Вход через партнёров
account-sign-in-with-none = Ваша учётная запись не связана ни с одним партнёром. Чтобы связать её, выберите «Войти через …» на странице входа и введите там пароль.
account-linked = Учётная запись связана. Теперь вы можете входить через партнёра.
account-unlinked = Связь удалена.
account-unlink = Удалить связь с { $provider }
account-no-password = У вашей учётной записи нет пароля: вы входите с учётной записью вашей организации. Если нужен и пароль, попросите у преподавателя код сброса.
identity-already-linked = Этот вход уже связан с учётной записью.
identity-not-linked = Ваша учётная запись не связана с этим партнёром.
identity-last-way-in = Это единственный способ войти в вашу учётную запись: у неё нет пароля. Сначала попросите у преподавателя код сброса, чтобы задать пароль.
field-confirm-username = Введите имя пользователя для подтверждения
identity-staff-not-linked = Учётные записи сотрудников нельзя открывать через вход партнёра. Войдите с паролем.
account-delete-sign-in-again = Для вашей безопасности войдите ещё раз с учётной записью вашей организации, затем удалите учётную запись в течение десяти минут.
lti-problem-title = Не удалось открыть
lti-problem-failed = Не удалось открыть это из вашей учебной платформы. Пожалуйста, откройте снова оттуда.
lti-problem-unavailable = Сейчас это нельзя открыть. Попробуйте через несколько минут.
lti-problem-expired = Это заняло слишком много времени, или браузер не сохранил нужные данные. Откройте снова со страницы курса. Если это повторится, попросите, чтобы ссылка открывалась в новом окне.
lti-pick-title = Выберите, что разместить
lti-pick-intro = { $provider } покажет ссылку на выбранное. Учащиеся, открывшие её, войдут здесь, а их оценка за курс вернётся в { $provider }.
lti-pick-whole-course = Весь курс
lti-pick-submit = Разместить
lti-return-title = Готово к размещению: { $title }
lti-return-submit = Вернуться в { $provider }
partners-title = Партнёры
partners-lead = Что нужно ИТ-службе партнёра, чтобы подключиться к этому сайту. Партнёры добавляются в файлах конфигурации оператора (см. docs/operators.md).
partners-providers = Поставщики удостоверений (OpenID Connect)
partners-none = Ничего не настроено.
partners-name = Название
partners-redirect = Адрес возврата для регистрации у поставщика
partners-platforms = Учебные платформы (LTI 1.3)
partners-tool-lead = Передайте эти адреса администратору платформы, когда он будет регистрировать этот инструмент:
partners-tool-launch = URL инструмента, URI перенаправления и URL Deep Linking
partners-tool-login = URL начала входа
partners-tool-keys = URL набора открытых ключей (JWKS)
partners-registered = Зарегистрированные платформы
