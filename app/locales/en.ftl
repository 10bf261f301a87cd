# Interface text in English. Every message here must exist in ur.ftl,
# uz.ftl and ru.ftl too (a unit test checks).

site-name = Digital Skills
skip-to-content = Skip to content
nav-site = Site
nav-courses = Courses
nav-language = Language
footer-text = Free courses in digital skills.

catalogue-title = Courses
catalogue-lead = Learn at your own pace, on your phone. Every course is free.

level-beginner = Beginner
level-intermediate = Intermediate
level-advanced = Advanced
lesson-count = { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
}
duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min

course-start = Start the course
lesson-kind-quiz = Quiz

breadcrumbs = Breadcrumbs
lesson-contents = In this lesson
lesson-pager = Lessons
lesson-previous = Previous
lesson-next = Next
lesson-fallback-note = This lesson is not yet available in { $language }, so it is shown in { $shown }.

quiz-title = Quiz
quiz-summary = { $count ->
    [one] { $count } question
   *[other] { $count } questions
} · pass mark { $pass_mark }%
quiz-choose-one = Choose one.
quiz-choose-many = Choose all that apply.

error-not-found-title = Page not found
error-not-found-text = We could not find that page. It may have moved, or the address may have a typing mistake.
error-bad-request-title = Request not understood
error-bad-request-text = That request was not understood. Please go back and try again.
error-internal-title = Something went wrong
error-internal-text = Something went wrong on our side. Please try again in a moment.
error-see-courses = See all courses
