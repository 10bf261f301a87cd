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
