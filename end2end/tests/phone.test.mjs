// Every page type on a 360 px phone, in English and Urdu, as each role
// sees it: nothing scrolls sideways, every table caption is whole, dates
// and percentages are written the language's way, charts mirror in Urdu;
// screenshots of each are kept in artifacts/phone/. The HTML of every
// page is then checked by the Nu HTML checker (vnu-jar): 0 errors.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serverAndBrowser, artifacts, postForm, sessionCookie, quizAnswers, smartphoneCourse } from "./support.mjs";

const env = serverAndBrowser();
const shots = join(artifacts, "phone");
mkdirSync(shots, { recursive: true });
const sources = join(artifacts, "html");
rmSync(sources, { recursive: true, force: true });
mkdirSync(sources, { recursive: true });
const PASSWORD = "river mango lantern";
const people = {};
const places = {};

async function signedIn(base, username) {
  const response = await postForm(base, "/api/login", `username=${username}&password=${encodeURIComponent(PASSWORD)}`);
  assert.equal(response.status, 303, `${username} signs in`);
  return sessionCookie(response);
}

let prepared;
/** The programme every test looks at, made once. */
const programme = () => (prepared ??= prepare());

async function prepare() {
  const { server } = env;
  const base = server.baseURL;
  for (const [username, role, name] of [
    ["amina", "learner", "عائشہ بی بی"],
    ["farida", "instructor", "Farida Yusupova"],
    ["malika", "manager", "Malika Karimova"],
    ["root", "admin", "Administrator"],
  ]) {
    server.cli(["users", "create", "--username", username, "--display-name", name, "--role", role], PASSWORD + "\n");
    people[username] = await signedIn(base, username);
  }
  // A cohort of Farida's course, which Amina joins and completes.
  const created = await postForm(
    base,
    "/api/create_cohort",
    "course_id=online-safety&name=Lahore+evening+classes+for+women+and+girls&time_zone=Asia%2FKarachi&starts_on=&ends_on=&capacity=30&organisation=",
    people.malika,
  );
  places.cohort = created.headers.get("location");
  const cohortPage = await (await fetch(base + places.cohort, { headers: { cookie: people.malika } })).text();
  const code = cohortPage.match(/<code>([0-9A-Z]{4}-[0-9A-Z]{4})<\/code>/)[1];
  await postForm(base, "/api/join_cohort", `code=${code}`, people.amina);
  // A failed quiz attempt, kept for its result page.
  const quiz = await (await fetch(base + "/courses/online-safety/check-your-knowledge", { headers: { cookie: people.amina } })).text();
  const key = quiz.match(/name="attempt_key" value="([A-Za-z0-9]+)"/)[1];
  const wrong = quizAnswers("online-safety/02-scams-and-privacy/05-check-your-knowledge.md", "wrong");
  const failed = await postForm(base, "/api/submit_quiz", `course=online-safety&lesson=check-your-knowledge&attempt_key=${key}&${wrong}`, people.amina);
  assert.equal(failed.status, 303, "the failed attempt is stored");
  places.quizResult = failed.headers.get("location").replace(/#.*/, "");
  // A certificate: Amina completes the smartphone course.
  await postForm(base, "/api/enrol", "course=smartphone-basics", people.amina);
  const { lessons, answers } = smartphoneCourse();
  for (const lesson of lessons) {
    await postForm(base, "/api/complete_lesson", `course=smartphone-basics&lesson=${lesson}`, people.amina);
  }
  await postForm(base, "/api/submit_quiz", `course=smartphone-basics&lesson=check-your-skills&attempt_key=AAAABBBBCCCCDDDDEEEE&${answers}`, people.amina);
  const certificate = await (await fetch(base + "/my/certificates/smartphone-basics", { headers: { cookie: people.amina } })).text();
  places.verify = certificate.match(/href="https?:\/\/[^"]*(\/verify\/[A-Z0-9-]+)"/)[1];
  for (const lesson of ["strong-passwords"]) {
    await postForm(base, "/api/complete_lesson", `course=online-safety&lesson=${lesson}`, people.amina);
  }
}

const PAGES = {
  visitor: () => ({
    catalogue: "/",
    course: "/courses/online-safety",
    lesson: "/courses/online-safety/strong-passwords",
    quiz: "/courses/online-safety/check-your-knowledge",
    "log in": "/login",
    register: "/register",
    reset: "/reset",
    verify: places.verify,
    "verify unknown": "/verify/AAAA-BBBB-CCCC",
    "not found": "/no-such-page",
  }),
  amina: () => ({
    "my courses": "/my",
    account: "/account",
    course: "/courses/online-safety",
    lesson: "/courses/online-safety/strong-passwords",
    "quiz result": places.quizResult,
    certificate: "/my/certificates/smartphone-basics",
    join: "/join",
    // What the phone shows offline: a page it did not save, and a saved one.
    offline: "/offline",
    "saved lesson": "/offline/online-safety/en/strong-passwords.lesson.html",
  }),
  farida: () => ({ teach: "/teach", cohorts: "/manage/cohorts", cohort: places.cohort }),
  malika: () => ({
    dashboard: "/manage",
    "course statistics": "/manage/courses/online-safety",
    cohorts: "/manage/cohorts",
    cohort: places.cohort,
    import: "/manage/import",
    organisations: "/manage/organisations",
    users: "/admin/users",
  }),
  root: () => ({ users: "/admin/users", audit: "/admin/audit" }),
};

for (const language of ["en", "ur"]) {
  for (const [who, pages] of Object.entries(PAGES)) {
    test(`at 360 px in ${language}, every page of ${who} fits the phone`, async () => {
      await programme();
      const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: language });
      if (people[who]) {
        const [name, value] = people[who].split("=");
        await context.addCookies([{ name, value, url: env.server.baseURL }]);
      }
      const page = await context.newPage();
      const problems = [];
      for (const [name, path] of Object.entries(pages())) {
        const separator = path.includes("?") ? "&" : "?";
        await page.goto(`${env.server.baseURL}${path}${separator}lang=${language}`);
        const found = await page.evaluate(() => {
          const wide = document.documentElement.scrollWidth - document.documentElement.clientWidth;
          const captions = [...document.querySelectorAll("caption")]
            .filter((caption) => {
              const box = caption.getBoundingClientRect();
              return caption.scrollWidth > caption.clientWidth + 1 || box.left < -1 || box.right > innerWidth + 1;
            })
            .map((caption) => caption.textContent.trim());
          // Dates and percentages as the language writes them, not ISO
          // dates or the Arabic percent sign beside the Latin one.
          const text = document.body.innerText;
          const unformatted = text.match(/\b\d{4}-\d{2}-\d{2}\b|٪/g) ?? [];
          // Codes stay in a monospace font, whatever the page's language.
          const codes = [...document.querySelectorAll("code")]
            .filter((code) => !/mono/i.test(getComputedStyle(code).fontFamily))
            .map((code) => code.textContent);
          // The header leaves the screen to the content: at most 170 px of 740.
          const header = Math.round(document.querySelector("header").getBoundingClientRect().height);
          return { wide, captions, unformatted, codes, header };
        });
        if (found.wide > 0) problems.push(`${name} (${path}) is ${found.wide} px too wide`);
        for (const caption of found.captions) problems.push(`${name}: caption cut off: ${caption}`);
        for (const text of found.unformatted) problems.push(`${name}: not formatted for ${language}: ${text}`);
        if (found.header > 170) problems.push(`${name}: the header takes ${found.header} px`);
        for (const code of found.codes) problems.push(`${name}: code not in a monospace font: ${code}`);
        const cookie = people[who] ? { cookie: people[who] } : {};
        const html = await (await fetch(`${env.server.baseURL}${path}${separator}lang=${language}`, { headers: cookie })).text();
        writeFileSync(join(sources, `${who}-${language}-${name.replaceAll(" ", "-")}.html`), html);
        await page.screenshot({ path: join(shots, `${who}-${language}-${name.replaceAll(" ", "-")}.png`), fullPage: true });
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test("charts grow from the reading side: left in English, right in Urdu", async () => {
  await programme();
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  const [name, value] = people.malika.split("=");
  await context.addCookies([{ name, value, url: env.server.baseURL }]);
  const page = await context.newPage();
  for (const [language, side] of [["en", "left"], ["ur", "right"]]) {
    await page.goto(`${env.server.baseURL}/manage?lang=${language}`);
    const bars = await page.locator("#funnel-chart .chart-bar").evaluateAll((rects) =>
      rects.map((rect) => rect.getBoundingClientRect()).map((box) => ({ left: box.left, right: box.right })),
    );
    assert.ok(bars.length >= 4, "the funnel has its bars");
    const edges = bars.map((bar) => Math.round(bar[side]));
    assert.ok(edges.every((edge) => Math.abs(edge - edges[0]) <= 1), `${language}: every bar starts at the ${side} (${edges})`);
    const labels = await page.locator("#funnel-chart .chart-label").evaluateAll((texts) =>
      texts.map((text) => text.getBoundingClientRect()).map((box) => ({ left: box.left, right: box.right })),
    );
    const chart = await page.locator("#funnel-chart").evaluate((svg) => svg.getBoundingClientRect());
    for (const label of labels) {
      assert.ok(label.left >= chart.left - 1 && label.right <= chart.right + 1, `${language}: labels stay inside the chart`);
    }
  }
  await context.close();
});

test("every page is valid HTML to the Nu HTML checker", async () => {
  const vnu = createRequire(import.meta.url)("vnu-jar");
  const files = [];
  for (const language of ["en", "ur"]) {
    for (const [who, pages] of Object.entries(PAGES)) {
      for (const name of Object.keys(pages())) files.push(join(sources, `${who}-${language}-${name.replaceAll(" ", "-")}.html`));
    }
  }
  const report = JSON.parse(
    execFileSync("java", ["-jar", vnu, "--errors-only", "--format", "json", "--exit-zero-always", "--stdout", ...files], {
      maxBuffer: 64 * 1024 * 1024,
    }).toString(),
  );
  const errors = report.messages.map((m) => `${m.url.replace(/.*\//, "")}:${m.lastLine}: ${m.message}`);
  assert.ok(files.length >= 50, `the pages were saved (${files.length})`);
  assert.deepEqual(errors, []);
});
