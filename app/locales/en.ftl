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
lesson-fallback-note = This lesson is not yet available in { $wanted ->
        [ur] Urdu
        [uz] Uzbek
        [ru] Russian
       *[en] English
    }, so it is shown in { $shown ->
        [ur] Urdu
        [uz] Uzbek
        [ru] Russian
       *[en] English
    }.

quiz-title = Quiz
quiz-summary = { $count ->
    [one] { $count } question
   *[other] { $count } questions
} · pass mark { $pass_mark }
quiz-choose-one = Choose one.
quiz-choose-many = Choose all that apply.

error-not-found-title = Page not found
error-not-found-text = We could not find that page. It may have moved, or the address may have a typing mistake.
error-bad-request-title = Request not understood
error-bad-request-text = That request was not understood. Please go back and try again.
error-internal-title = Something went wrong
error-internal-text = Something went wrong on our side. Please try again in a moment.
error-storage-full-title = Nothing was saved
error-storage-full-text = The server has no room to save right now, so nothing was saved. Please try again shortly.
error-busy-title = Busy for a moment
error-busy-text = Many people are signing in right now. Please wait a moment and try again: nothing was lost.
error-see-courses = See all courses

username-length = A username has 3 to 32 characters.
username-characters = Use only the letters a–z, digits, and . _ - in a username, and start with a letter or digit.
username-taken = That username is already taken. Please choose another.
username-unknown = No account has that username.
display-name-empty = Please write your name.
display-name-too-long = A name can have at most 100 characters.
display-name-characters = Your name contains characters that cannot be shown. Please type it again.
password-too-short = A password needs at least 10 characters. A few words together are easy to remember.
password-too-long = A password can have at most 200 characters.
password-characters = A password cannot contain control characters, or text that did not arrive intact. Please type it again.
password-repetitive = A password needs at least 5 different characters.
password-common = That password is one of the first that anyone would guess. Please choose another.
password-contains-username = A password must not contain your username.

error-forbidden-text = This request came from another website, so it was refused. Please use the form on this site.

nav-login = Log in
nav-register = Register
nav-logout = Log out
signed-in-as = Signed in as { $name }
login-title = Log in
login-submit = Log in
login-failed = That username and password do not match an account. Please check them and try again.
login-no-account = No account yet? Register
register-title = Register
register-lead = An account keeps your progress and earns your certificates. It is free.
register-submit = Create my account
register-have-account = Already registered? Log in
field-username = Username
field-username-hint = 3 to 32 of the letters a–z, digits and . _ -, for example amina.k or your phone number.
field-display-name = Your name
field-display-name-hint = As it should appear on your certificates, in any language.
field-password = Password
field-password-hint = At least 10 characters. A few words together are easy to remember and hard to guess.
field-language = Language

form-check-fields = Please check these fields:
form-too-large = What you sent is far longer than any form here accepts, so nothing was saved. Please go back, shorten it and try again.
login-throttled = Too many wrong attempts from here. Please wait a few minutes and try again, or ask your trainer to reset your password.
code-throttled = Too many wrong codes from here. Please wait a minute and try again.
register-throttled = Many accounts were just made from here. Please wait a minute and try again.
password-throttled = Too many wrong attempts. Please wait a few minutes and try again.

account-title = Your account
account-role = Role
account-failed-sign-ins = { $count ->
    [one] Someone typed a wrong password for your account once since you last signed in.
   *[other] Someone typed a wrong password for your account { $count } times since you last signed in.
} If it was not you, choose a new password below: long, and used nowhere else.
role-learner = Learner
role-instructor = Instructor
role-manager = Programme manager
role-admin = Administrator
password-change-title = Change your password
field-current-password = Current password
field-new-password = New password
password-change-submit = Change password
password-changed = Your password is changed. You are signed out everywhere else.
password-wrong-current = That is not your current password.

account-data-title = Your data
account-data-text = Download everything we keep about you: your account, your profile answers and the history of your account.
account-data-download = Download my data (JSON)
account-delete-title = Delete your account
account-delete-warning = This erases your name, username and password for good, and signs you out everywhere. Completed courses are still counted in programme totals, without your name. This cannot be undone.
account-delete-submit = Delete my account
field-confirm-password = Your password, to confirm

audit-title = Audit log
audit-caption = The latest 200 changes to accounts, newest first (times in UTC)
audit-when = When
audit-action = What
audit-actor = By
audit-subject = Account
audit-address = From address
error-not-allowed-title = Not allowed
error-not-allowed-text = This page is only for people signed in with an account that may see it. Please log in, or ask your programme's administrator.

profile-title = About you (optional)
profile-explanation = These answers help the programme report, without names, who it reaches. None is needed to learn. Each is kept only if you tick its box, and you can withdraw at any time on your account page.
profile-prefer-not = Prefer not to say
profile-gender = Gender
profile-gender-female = Female
profile-gender-male = Male
profile-gender-other = Another gender
profile-gender-consent = I agree that my gender is used, without my name, in programme statistics.
profile-age-band = Age
profile-age-band-under-18 = Under 18
profile-age-band-18-24 = 18 to 24
profile-age-band-25-34 = 25 to 34
profile-age-band-35-44 = 35 to 44
profile-age-band-45-plus = 45 or older
profile-age-band-consent = I agree that my age group is used, without my name, in programme statistics.
profile-region = Country
profile-region-pk = Pakistan
profile-region-uz = Uzbekistan
profile-region-kz = Kazakhstan
profile-region-kg = Kyrgyzstan
profile-region-tj = Tajikistan
profile-region-af = Afghanistan
profile-region-other = Another country
profile-region-consent = I agree that my country is used, without my name, in programme statistics.
profile-choice-unknown = Please choose one of the answers in the list.
profile-consent-needed = To keep this answer, tick the box to agree. Or choose "Prefer not to say".
profile-save = Save my answers
profile-saved = Your answers are saved.
profile-withdrawn = Your consent is withdrawn and your answers are deleted.
profile-withdraw-text = Withdraw every consent: your answers to these questions are deleted at once.
profile-withdraw = Withdraw consent and delete my answers

login-forgot = Forgot your password? Ask your trainer for a reset code
reset-title = Set a new password
reset-lead = Your trainer, programme manager or administrator can give you a one-time reset code. Type it here with a new password. You will be signed out everywhere else.
field-reset-code = Reset code
field-reset-code-hint = 12 letters and digits, for example ABCD-EFGH-JKMN. Capitals, spaces and dashes do not matter.
reset-submit = Set my new password
reset-code-invalid = That code does not work. It may be mistyped, already used or expired. Please ask for a new one.

nav-users = Accounts
users-title = Accounts
users-search = Username or name begins with
users-search-submit = Find
users-caption = Accounts found (at most 50)
users-name = Name
users-actions = Actions
users-none = No account matches.
users-issue-code = Issue a reset code
users-issue-code-for = Issue a reset code for { $username }
users-role-for = Role of { $username }
users-change-role = Change role
users-role-changed = The role of { $username } is changed. They are signed out everywhere.
users-code-issued = Reset code for { $username }
users-code-expires = Give it to them in person. It works once, until { $time }. Any earlier code stops working.
users-code-link = Or share this link:

nav-my-courses = My courses
nav-cohorts = Cohorts
progress-lessons = { $done } of { $total } lessons done ({ $percent })
course-your-progress = Your progress
course-sign-in-to-track = To keep your progress and earn a certificate, log in or register.
course-enrol = Enrol in this course
course-enrol-hint = Free. Your progress is saved as you go.
course-have-code = Have a cohort code?
course-code-only = This course is for cohorts: join with the code your trainer gave you.
course-completed-on = You completed this course on { $date }.
course-continue = Continue
course-unenrol = Leave this course (your progress is kept)
lesson-done = done
lesson-completed = You have completed this lesson.
lesson-mark-complete = Mark as complete and go on
lesson-enrol-to-track = Enrol in the course to keep track of the lessons you complete.
lesson-locked = This lesson is for learners enrolled in the course.
lesson-locked-enrol = Enrol to read on
learning-not-enrolled = Please enrol in the course first: your progress is kept for enrolled learners.
learning-code-only = This course is joined with a cohort code only.
learning-quiz-lesson = This lesson is completed by passing its quiz.
quiz-submit = Check my answers
quiz-enrol-to-submit = Enrol in the course to submit your answers and get feedback.
quiz-best = Your best score so far: { $score }.
quiz-best-passed = You passed this quiz. Your best score: { $score }.
quiz-result-title = Your result
quiz-passed = Well done: { $score }. You passed.
quiz-failed = { $score }. You need { $pass_mark } to pass. Read the explanations and try again.
quiz-question-right = Right
quiz-question-wrong = Not quite
quiz-question-missing = Not quite: a right answer is missing
quiz-chosen-right = Your answer, right:
quiz-chosen-wrong = Your answer, not right:
quiz-right-answer = The right answer:
quiz-try-again = Try the quiz again
quiz-unanswered = Please answer every question before checking.
quiz-tampered = These answers do not match this quiz. Please reload the page and answer again.
my-title = My courses
my-empty = You are not enrolled in any course yet.
my-next-lesson = Next lesson:
join-title = Join a cohort
join-lead = Your trainer gives you a cohort code. Type it here to join the cohort and its course.
join-submit = Join
join-done = You have joined the cohort.
join-sign-in-first = Log in or register first; then you can join.
join-code-unknown = No cohort has that code. Please check it with your trainer.
join-cohort-ended = This cohort has ended, so it cannot be joined any more.
join-cohort-full = This cohort is full. Please ask your trainer.
field-cohort-code = Cohort code
field-cohort-code-hint = 8 letters and digits, for example K7QM-2XPA.
field-optional = (optional)
cohorts-title = Cohorts
cohorts-none = No cohorts yet.
cohorts-caption = Cohorts, newest first
cohort-name = Cohort name
cohort-name-hint = For example: Lahore, spring 2027, evening group.
cohort-course = Course
cohort-dates = Dates
cohort-members = Learners
cohort-new-title = New cohort
cohort-time-zone = Time zone
cohort-starts-on = Starts on
cohort-ends-on = Ends on (joining closes after this day)
cohort-capacity = Places
cohort-create = Create the cohort
cohort-members-caption = Learners in this cohort
cohort-joined = Joined
cohort-progress = Progress
cohort-left-on = left on { $date }
cohort-member-completed = completed
cohort-date-invalid = Please give a date as YYYY-MM-DD, or leave it empty.
cohort-dates-reversed = The end date must not be before the start date.
cohort-capacity-invalid = Places must be a whole number from 1 to 100000, or empty for no limit.
cohort-course-unknown = Please choose a course from the list.
cohort-name-invalid = A cohort needs a name of 1 to 100 characters.
cohort-time-zone-unknown = Please choose a time zone from the list.

certificate-open = Your certificate
certificate-title = Certificate of completion
certificate-back = Back to the course
certificate-revoked-on = This certificate was revoked on { $date } and is no longer valid.
certificate-heading = Certificate of completion
certificate-certifies = This certifies that
certificate-completed = has completed the course
certificate-date = Date
certificate-hours = Study time
certificate-issuer = Issued by
certificate-qr = QR code of the address where this certificate can be checked
certificate-verify-at = Anyone can check this certificate at:
certificate-code = Code:
verify-title = Check a certificate
verify-unknown = No certificate has this code. Check that it was typed exactly as printed.
verify-valid = Valid: this certificate was issued by the programme and has not been revoked.
verify-revoked = Revoked on { $date }: this certificate is no longer valid.
verify-name = Name
verify-holder-deleted = Not kept: the holder has deleted their account.
revoke-title = Revoke this certificate
revoke-reason = Reason (kept in the audit log)
revoke-submit = Revoke the certificate
revoke-reason-needed = Please give a reason of 1 to 500 characters.
certificate-credential = Download the digital credential (Open Badge)
certificate-credential-hint = A signed Open Badges 3.0 file that employers' systems and digital wallets can check.
certificate-pdf = Download as PDF

nav-teach = Teaching
nav-statistics = Statistics
manage-title = Programme statistics
manage-organisation = Organisation:
manage-tools = Management
stat-filters = Filter the statistics
stat-all = All
stat-cohort = Cohort
stat-enrolled-from = Enrolled from
stat-enrolled-to = Enrolled until
stat-apply-filters = Show
stat-filter-date-invalid = A date was not understood and was left out: please use YYYY-MM-DD.
stat-learners-csv = Download each learner's progress (CSV)
stat-days = { $days } days
stat-download-csv = Download this table (CSV)
stat-funnel-title = From enrolment to certificate
stat-funnel-description = Of { $enrolled } enrolments, { $started } started, { $completed } completed and { $certified } were certified.
stat-funnel-caption = Enrolments at each step
stat-step = Step
stat-count = Enrolments
stat-of-enrolled = Of enrolled
stat-enrolled = Enrolled
stat-started = Started
stat-completed = Completed
stat-certified = Certified
stat-learners = Learners
stat-median-days = Median time to complete
stat-active-7 = Active in the last 7 days
stat-active-30 = Active in the last 30 days
stat-by-course = By course
stat-by-course-caption = The funnel of each course
stat-completion-rate-title = Completion rate by course
stat-completion-rate-description = The share of each course's enrolments that completed it.
stat-by-cohort = By cohort
stat-by-cohort-caption = The funnel of each cohort
stat-no-cohort = Enrolled alone
stat-breakdowns = By gender, age and region
stat-breakdowns-note = Only answers given with consent are counted. A cohort in which any answer has fewer than { $threshold } people is left out of these tables altogether, and every figure adds up the cohorts that are shown, so that no group smaller than { $threshold } can be worked out, from this page or by comparing pages.
stat-left-out = Left out: { $enrolments ->
    [one] { $enrolments } enrolment
   *[other] { $enrolments } enrolments
} in { $cohorts ->
    [one] { $cohorts } cohort
   *[other] { $cohorts } cohorts
} with a group of fewer than the threshold.
stat-breakdowns-dated = Breakdowns by gender, age and region are not shown for a range of dates: comparing two ranges could single people out. Clear the dates to see them.
stat-not-shown = not shown
stat-at-least = at least { $count }
stat-groups-left-out = Cohorts left out
stat-breakdown-caption = Enrolments by answer: { $question }
stat-not-stated = Not stated
stat-scope = Scope
stat-total = Total
csv-username = Username
csv-name = Name
csv-cohort = Cohort
csv-enrolled-on = Enrolled on
csv-left-on = Left on
csv-started-on = Started on
csv-last-active = Last active on
csv-lessons-done = Lessons done
csv-lessons-total = Lessons in the course
csv-completed-on = Completed on
csv-certificate = Certificate code
csv-certificate-status = Certificate status
csv-certificate-valid = valid
csv-certificate-revoked = revoked
teach-title = Teaching
teach-none = No course lists you as its instructor yet.
teach-stops-title = Where learners stop
teach-most-stop = Most learners who stopped did so after “{ $lesson }”.
teach-no-stops = No learner has stopped part way yet.
teach-reach-caption = Learners who completed each lesson, and how many of them did not complete the next
teach-lesson = Lesson
teach-completed-lesson = Completed it
teach-stopped-after = Did not complete the next
teach-questions-title = Quiz questions
teach-questions-note = From each learner's first attempt, before any retry.
teach-questions-caption = How each question was answered
teach-question = Question
teach-answered = Answered
teach-correct = Right
teach-common-wrong = Wrong answer chosen most
teach-learners-title = Learners
teach-learners-caption = Each learner's progress
teach-last-active = Last active
teach-more-learners = { $count } more learners are in the CSV file.
organisations-title = Organisations
organisation = Organisation
organisation-none = None (the programme itself)
organisations-intro = Partners the programme runs through: training centres, incubation centres, NGOs. A cohort may belong to one, and a manager scoped to one sees only its cohorts and learners.
organisations-none = No organisations yet.
organisations-caption = Organisations, their cohorts and their managers
organisation-name = Name
organisation-managers = Managers
organisation-new = New organisation
organisation-create = Create the organisation
organisation-name-invalid = An organisation needs a name of 1 to 100 characters.
organisation-name-taken = An organisation already has this name.
organisation-assign-title = Scope a manager to an organisation
organisation-assign-hint = A manager of one organisation sees and creates only its cohorts, and sees only its learners in statistics.
organisation-assign = Save
organisation-programme-wide = Programme-wide (every organisation)
organisation-unknown = Please choose an organisation from the list.
organisation-not-a-manager = No manager has this username.
import-title = Enrol learners from a file
import-intro = Upload a CSV file with one learner per row. Nothing changes until you have seen what the file would do and chosen to apply it.
import-columns-caption = The columns of the file (the first row names them)
import-column = Column
import-column-meaning = What it holds
import-column-name = The learner's full name, as it will appear on certificates. Required.
import-column-username = The name they will log in with: 3 to 32 letters a–z, digits, dots, dashes or underscores. An existing account with this username is enrolled, not created again. Required.
import-column-cohort = The code of the cohort to enrol them in, as shown on the cohort's page. Required.
import-column-profile = Optional answers, kept only with consent: gender (female, male, other), age band (under-18, 18-24, 25-34, 35-44, 45-plus), region (pk, uz, kz, kg, tj, af, other).
import-column-consent = "yes" when the learner agreed to their answers being kept for programme statistics. Needed for any answer.
import-template = Download a template file
import-file = CSV file (UTF-8)
import-file-hint = At most { $megabytes } MB. In Excel, save as "CSV UTF-8".
import-check = Check the file
import-recent = Your recent files
import-applied-short = applied
import-report-title = Enrolment file
import-applied = Applied on { $date }.
import-dry-run = What applying this file would do
import-check-again = The file checked again now (applied rows change nothing)
import-will-create = New account, enrolled
import-will-enrol = Existing account, enrolled
import-nothing-to-do = Already enrolled: nothing to do
import-refused = Refused
import-apply-note = Every row that is not refused is applied together, or none is. Refused rows are left out; fix them and upload the file again.
import-apply = Apply the { $count } valid rows
import-already-applied = This file was applied already.
import-rows-caption = Each row and what happens to it
import-line = Line
import-outcome = Outcome
import-error-prefix = Refused:
import-rows-left-out = { $count } more rows are not listed; the counts above include them.
import-codes-title = Set-password codes for the new accounts
import-codes-note = Give each learner their code. They open the "Forgot your password?" page of this site (/reset), type the code and choose a password. The codes work once, until { $date }.
import-codes-print = Use your browser's Print command to print this list, then forget the codes here.
import-codes-elsewhere = These codes are kept locked: only the browser that applied this file shows them, for 14 days after. If the list is lost, issue each learner a new reset code on the Accounts page.
import-codes-caption = New accounts and their codes
import-code = Code
import-codes-forget = I have printed them: forget these codes
import-error-no-file = Please choose a CSV file to upload.
import-error-too-large = This file is larger than the { $megabytes } MB allowed. Split it into smaller files.
import-error-empty = This file is empty.
import-error-encoding = This file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (comma delimited)"; in LibreOffice, choose the character set "Unicode (UTF-8)".
import-error-missing-column = The first row must name the column "{ $detail }".
import-error-unknown-column = The first row names a column this page does not know: "{ $detail }".
import-error-repeated-column = The first row names the column "{ $detail }" twice.
import-error-unreadable = The file cannot be read as CSV from line { $detail } on: is a quotation mark left open?
import-error-fields = This row has a different number of fields than the first row.
import-error-duplicate = This username is on an earlier row of the file.
import-error-cohort-unknown = No cohort has this code.
import-error-cohort-full = The cohort has no places left for this row.
import-error-staff-account = This username belongs to a staff account: a file enrols learners only.
import-error-not-yours = This username belongs to a learner your organisation does not look after. They can join the cohort with its code themselves.
import-error-other-cohort = This learner is in another cohort of this course, one you do not run.
import-error-profile-answer = A profile answer is not one of the answers offered.
import-error-consent-value = The consent column must be "yes", "no" or empty.
import-error-consent-needed = Profile answers are kept only with consent: the consent column must say "yes".
teach-common-wrong-count = Times chosen

lesson-video-opens = Video, opens { $site }
lesson-file-size-kb = { $kind }, { $size } KB
lesson-file-size-mb = { $kind }, { $size } MB
lesson-withheld-title = Not available yet
lesson-withheld = This lesson is being corrected and is not available yet. The other lessons of the course are.
lesson-withheld-staff = Learners do not see this lesson: it has errors, listed below. They see a short note instead. Fix the errors, and the lesson is served at the next reload.
lesson-problems-heading = Problems in this lesson (only staff see this)
lesson-not-available = not available yet
course-problems-heading = Problems in this course (only staff see this)
course-files-problems-heading = Problems in the course files (only staff see this)
lesson-folder-files = { $files ->
    [one] one file
   *[other] { $files } files
}

offline-heading = On this phone
offline-intro = Save this course on this phone to read it and learn without a connection. The lessons you complete are sent when you are online again.
offline-save = Save for offline
offline-remove = Remove from this phone
offline-copy-note = This is the copy saved on this phone.
offline-copy-live = Open the latest version
offline-page-title = No connection
offline-page-text = This page is not saved on this phone. It opens when you are online again.
offline-page-saved = Courses saved on this phone:
offline-page-retry = Try again
offline-refused-removed = Not recorded: this lesson is no longer in the course.
offline-refused-quiz-changed = Not recorded: this quiz has changed since the course was saved on your phone. Please take it again.
offline-graded-passed = Your quiz is graded: { $score }. You passed.
offline-graded-failed = Your quiz is graded: { $score }. Not passed yet: read the explanations and try again.
offline-sync-malformed = What your phone sent could not be read, so none of it was recorded.
offline-sync-too-large = Your phone sent too much at once. It sends the rest in turns.
offline-sync-not-yours = What your phone sent belongs to another account. Nothing was recorded.
offline-sync-sign-in = Please log in to send what is saved on this phone.
offline-js-size = This course needs { $size } on this phone.
offline-js-space = Your browser lets this site keep { $free } more.
offline-js-no-space = There is not enough space on this phone for this course. Free some space and try again.
offline-js-download = Download { $size }
offline-js-cancel = Cancel
offline-js-progress = Downloading: { $done } of { $total }
offline-js-paused = Download paused. It goes on when you are online.
offline-js-saved = Saved on this phone: { $size }.
offline-js-update = A new version of this course is available: { $size } to download.
offline-js-update-button = Update
offline-js-removed = Removed from this phone.
offline-js-failed = The download did not work. Please try again.
offline-js-pending = Waiting to be sent: { $count }
offline-js-send-now = Send now
offline-js-sent = Everything done on this phone is sent.
offline-js-queued = Saved on this phone. It is sent when you are online.
offline-js-quiz-queued = Your answers are saved on this phone. They are graded when you are online.
offline-js-sign-in = Log in to send what is waiting on this phone.
offline-js-logout-warning = Some of what you did is not sent yet ({ $count }). If you log out now, it is lost. Log out anyway?
offline-js-done = Done on this phone
offline-js-see-result = See the result
offline-js-answer-all = Please answer every question before checking.
offline-js-megabytes = { $amount } MB
