// The learner's journey in Chromium: a manager creates a cohort, a learner
// registers from the shared join link, joins, reads and completes lessons,
// fails then passes the quiz, and sees 100%. Once without JavaScript, once
// with it (and axe on every page type of the journey).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serverAndBrowser, artifacts, assertAccessible } from "./support.mjs";

const env = serverAndBrowser();
const quizFile = join(process.env.COURSES_DIR ?? "courses", "smartphone-basics/03-staying-in-touch/04-check-your-skills.md");

/** The quiz's questions as written: id and options with their ids and correctness. */
function questions() {
  const text = readFileSync(quizFile, "utf8");
  return [...text.matchAll(/::: question (\S+) \S+\n([\s\S]*?)\n:::/g)].map(([, id, body]) => ({
    id,
    options: [...body.matchAll(/^- \[( |x)\] .*\{#([a-z0-9-]+)\}$/gm)].map(([, mark, option]) => ({ id: option, correct: mark === "x" })),
  }));
}

let cohortNumber = 0;
async function createCohort(base) {
  cohortNumber += 1;
  const office = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await office.goto(base + "/login?lang=en");
  await office.getByLabel("Username").fill("root");
  await office.getByLabel("Password").fill("river mango lantern");
  await office.getByRole("button", { name: "Log in" }).click();
  await office.waitForURL(base + "/");
  await office.getByRole("link", { name: "Cohorts" }).click();
  await office.getByLabel("Course").selectOption("smartphone-basics");
  await office.getByLabel("Cohort name").fill(`Tashkent evening ${cohortNumber}`);
  await office.getByLabel("Time zone").selectOption("Asia/Tashkent");
  await office.getByLabel("Places").fill("30");
  await office.getByRole("button", { name: "Create the cohort" }).click();
  await office.waitForURL(/\/manage\/cohorts\/\d+$/);
  const code = (await office.locator("dd code").textContent()).trim();
  return { office, code, url: office.url() };
}

async function journey({ javaScriptEnabled, username, check }) {
  const base = env.server.baseURL;
  const { office, code, url } = await createCohort(base);
  const context = await env.browser.newContext({ javaScriptEnabled, bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();

  await page.goto(`${base}/join/${code}?lang=en`);
  await check(page, "/join/{code} signed out");
  await page.getByRole("link", { name: "Register" }).last().click();
  await page.getByLabel("Your name").fill("Дилноза Каримова");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill("seven blue camels");
  await page.locator("#language").selectOption("en");
  await page.getByRole("button", { name: "Create my account" }).click();
  await page.waitForURL(`${base}/join/${code}`);
  assert.equal(await page.getByLabel("Cohort code").inputValue(), code, "back at the join page, code filled in");
  await page.getByRole("button", { name: "Join" }).click();
  await page.waitForURL(/\/courses\/smartphone-basics\?joined=/);
  assert.match(await page.getByRole("status").first().textContent(), /joined/);
  assert.match(await page.locator(".standing .progress").textContent(), /0 of 10 lessons done/);
  await check(page, "course page, enrolled");

  await page.getByRole("link", { name: "Start the course" }).click();
  let marked = 0;
  while ((await page.getByRole("button", { name: "Mark as complete and go on" }).count()) > 0) {
    if (marked === 0) await check(page, "lesson page with its button");
    // With JavaScript the completion goes through the outbox first, so the
    // next page comes a moment after the click: wait for it either way.
    const before = page.url();
    await page.getByRole("button", { name: "Mark as complete and go on" }).click();
    await page.waitForURL((url) => url.href !== before);
    marked += 1;
  }
  assert.equal(marked, 9, "nine lessons before the quiz");
  assert.match(page.url(), /check-your-skills$/);

  // Fail: the first wrong option of every question.
  for (const question of questions()) {
    const wrong = question.options.find((option) => !option.correct);
    await page.locator(`#q-${question.id}--${wrong.id}`).check();
  }
  await page.getByRole("button", { name: "Check my answers" }).click();
  await page.waitForURL(/attempt=\d+/);
  assert.match(await page.locator(".quiz-result .score").textContent(), /You need 70%/);
  assert.ok((await page.locator(".question-result .explanation").count()) > 0, "explanations after submitting");
  await page.screenshot({ path: join(artifacts, `quiz-failed-360x740-${javaScriptEnabled ? "js" : "nojs"}.png`), fullPage: true });
  await check(page, "quiz result");
  assert.equal(await page.locator("form .questions").count(), 0, "the result stands alone, without the form again");

  // Pass: exactly the right options, on a fresh form.
  await page.getByRole("link", { name: "Try the quiz again" }).click();
  await page.waitForLoadState();
  for (const question of questions()) {
    for (const option of question.options.filter((option) => option.correct)) {
      await page.locator(`#q-${question.id}--${option.id}`).check();
    }
  }
  await page.getByRole("button", { name: "Check my answers" }).click();
  await page.waitForURL(/attempt=\d+/);
  assert.match(await page.locator(".quiz-result .score").textContent(), /Well done: 100%/);

  await page.getByRole("link", { name: "My courses" }).click();
  await page.waitForURL(`${base}/my`);
  assert.match(await page.locator(".progress").first().textContent(), /10 of 10 lessons done \(100%\)/);
  assert.match(await page.locator(".completed").first().textContent(), /You completed this course/);
  await check(page, "/my");
  await page.screenshot({ path: join(artifacts, `my-courses-360x740-${javaScriptEnabled ? "js" : "nojs"}.png`), fullPage: true });

  // The certificate, issued at once; its QR code's address says "valid" to anyone.
  await page.goto(base + "/courses/smartphone-basics");
  await page.getByRole("link", { name: "Your certificate" }).click();
  await page.waitForURL(`${base}/my/certificates/smartphone-basics`);
  assert.match(await page.locator(".certificate .learner").textContent(), /Дилноза Каримова/);
  assert.equal(await page.locator(".certificate .qr svg").count(), 1, "a QR code");
  await check(page, "certificate page");
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: join(artifacts, `certificate-print-${javaScriptEnabled ? "js" : "nojs"}.png`), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  const verifyUrl = await page.locator(".certificate .verify a").getAttribute("href");
  const stranger = await (await env.browser.newContext({ javaScriptEnabled, bypassCSP: true })).newPage();
  await stranger.goto(verifyUrl + "?lang=en");
  assert.match(await stranger.locator(".verdict").textContent(), /Valid/);
  assert.match(await stranger.locator("dl").textContent(), /Дилноза Каримова/);
  await check(stranger, "verify page");
  await stranger.context().close();

  await office.goto(url);
  assert.match(await office.locator("tbody", { hasText: username }).textContent(), new RegExp(`${username}[\\s\\S]*100%`));
  await check(office, "cohort page");
  await office.goto(base + "/manage/cohorts");
  await check(office, "cohorts page");
  await office.context().close();
  await context.close();
}

test("join a cohort, learn, fail then pass the quiz, see 100% (without JavaScript)", async () => {
  env.server.cli(["users", "create", "--username", "root", "--display-name", "Root", "--role", "admin"], "river mango lantern\n");
  await journey({ javaScriptEnabled: false, username: "dilnoza", check: async () => {} });
});

test("the same journey with JavaScript, every page checked by axe", async () => {
  await journey({ javaScriptEnabled: true, username: "dilnoza2", check: assertAccessible });
});
