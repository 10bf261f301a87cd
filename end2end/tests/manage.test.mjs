// Programme managers and instructors in Chromium without JavaScript: a
// manager enrols learners from a CSV file and prints their set-password
// codes, a learner sets her password with hers, the dashboard shows the
// funnel as a chart beside its table (in Urdu too), a table downloads as
// CSV, an instructor sees where learners stop; axe finds nothing wrong.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serverAndBrowser, artifacts, postForm, sessionCookie, assertAccessible } from "./support.mjs";

const env = serverAndBrowser();

async function signIn(context, username) {
  const page = await context.newPage();
  await page.goto(env.server.baseURL + "/login?lang=en");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("river mango lantern");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(env.server.baseURL + "/");
  return page;
}

test("a manager enrols learners from a file, prints their codes, and reads the statistics", async () => {
  const { server, browser } = env;
  const base = server.baseURL;
  server.cli(["users", "create", "--username", "malika", "--display-name", "Malika", "--role", "manager"], "river mango lantern\n");
  server.cli(["users", "create", "--username", "farida", "--display-name", "Farida", "--role", "instructor"], "river mango lantern\n");

  // Axe is an inline script: the CSP is bypassed for it. The pages
  // themselves have no script; the learner's phone runs none.
  const office = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 800 } });
  const page = await signIn(office, "malika");

  // A cohort of the course Farida teaches.
  await page.goto(base + "/manage/cohorts");
  await page.getByLabel("Course").selectOption("online-safety");
  await page.getByLabel("Cohort name").fill("Lahore evening");
  await page.getByRole("button", { name: "Create the cohort" }).click();
  await page.waitForURL(/\/manage\/cohorts\/\d+$/);
  const code = (await page.locator("dd code").first().textContent()).trim();

  // The file: two new learners, one row with a mistake.
  await page.goto(base + "/manage/import");
  await assertAccessible(page, "upload page");
  const file = `name,username,cohort,gender,consent\r\nعائشہ بی بی,ayesha,${code},female,yes\r\nГульнора Каримова,gulnora,${code},,\r\nNo Code,nocode,WRONG-CODE,,\r\n`;
  await page.getByLabel("CSV file (UTF-8)").setInputFiles({ name: "learners.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.waitForURL(/\/manage\/import\/\d+$/);
  const report = await page.locator("#import-rows").textContent();
  assert.match(report, /Refused: No cohort has this code\./);
  assert.match(report, /عائشہ بی بی/);
  await assertAccessible(page, "dry run");
  await page.getByRole("button", { name: "Apply the 2 valid rows" }).click();
  await page.waitForURL(/\/manage\/import\/\d+#codes$/);
  const codes = page.locator("#import-codes");
  assert.match(await codes.textContent(), /Гульнора Каримова/);
  await assertAccessible(page, "codes to print");
  await page.screenshot({ path: join(artifacts, "import-codes.png"), fullPage: true });
  const gulnoraCode = (await codes.locator("tr", { hasText: "gulnora" }).locator("code").textContent()).trim();
  assert.match(gulnoraCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // Gulnora sets her password with the printed code, on her phone.
  const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const learner = await phone.newPage();
  await learner.goto(base + "/reset?lang=en");
  await learner.getByLabel("Reset code").fill(gulnoraCode.toLowerCase());
  await learner.getByLabel("New password").fill("seven blue camels");
  await learner.getByRole("button", { name: /password/i }).click();
  await learner.waitForURL((url) => !url.pathname.startsWith("/reset"));
  await learner.goto(base + "/my");
  assert.match(await learner.locator("main").textContent(), /Online safety and cyber hygiene/);
  // She completes a lesson, so the funnel has someone who started.
  await learner.goto(base + "/courses/online-safety/strong-passwords");
  await learner.getByRole("button", { name: /complete/i }).first().click();

  // The codes can be forgotten once printed.
  await page.getByRole("button", { name: /forget these codes/ }).click();
  assert.equal(await page.locator("#import-codes").count(), 0);

  // The dashboard: a chart with a title and description, and the same numbers in a table.
  await page.goto(base + "/manage");
  const chart = page.locator("svg#funnel-chart, svg[aria-labelledby^='funnel-chart']");
  assert.equal(await chart.count(), 1);
  assert.match(await page.locator("#funnel-chart-description").textContent(), /Of 2 enrolments, 1 started/);
  const funnel = page.locator("#funnel-table");
  assert.equal(await funnel.getByRole("row", { name: /^Enrolled 2 100%$/ }).count(), 1);
  assert.equal(await funnel.getByRole("row", { name: /^Started 1 50%$/ }).count(), 1);
  // Two learners: every group is smaller than five, so nothing is shown of them.
  assert.match(await page.locator("#breakdown-gender").textContent(), /not shown/);
  await assertAccessible(page, "dashboard");
  await page.screenshot({ path: join(artifacts, "dashboard.png"), fullPage: true });

  // A table downloads as CSV, UTF-8 with a byte order mark.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator("a[href^='/manage/statistics/courses.csv']").click(),
  ]);
  const csv = readFileSync(await download.path());
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(csv.toString("utf8"), /Online safety and cyber hygiene,2,2,1,0,0/);

  // In Urdu, right to left, still accessible.
  await page.goto(base + "/manage?lang=ur");
  assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
  await assertAccessible(page, "dashboard in Urdu");
  await page.screenshot({ path: join(artifacts, "dashboard-ur.png"), fullPage: true });

  // The cohort page carries the same statistics for the cohort.
  await page.goto(base + "/manage/cohorts?lang=en");
  await page.getByRole("link", { name: "Lahore evening" }).click();
  assert.match(await page.locator("#funnel-table").textContent(), /Enrolled\s*2/);
  await assertAccessible(page, "cohort page");
  await page.goto(base + "/manage/organisations");
  await assertAccessible(page, "organisations page");

  // Farida sees where learners stop in her course, and nothing else.
  const teacher = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const teach = await signIn(teacher, "farida");
  await teach.goto(base + "/teach");
  const reach = teach.locator("#online-safety-reach");
  assert.match(await reach.locator("tr", { hasText: "Strong passwords" }).textContent(), /1\s*1/);
  assert.match(await teach.locator(".stop-note").textContent(), /Strong passwords/);
  await assertAccessible(teach, "teaching page");
  await teach.screenshot({ path: join(artifacts, "teach.png"), fullPage: true });
  const manage = await teach.goto(base + "/manage");
  assert.equal(manage.status(), 403);

  // A learner sees none of it.
  for (const path of ["/manage", "/teach", "/manage/import"]) {
    const response = await learner.goto(base + path);
    assert.equal(response.status(), 403, path);
  }
  await Promise.all([office.close(), phone.close(), teacher.close()]);
});

test("the dashboard reflows at 320 CSS pixels without sideways scrolling", async () => {
  const { server, browser } = env;
  const base = server.baseURL;
  const login = await postForm(base, "/api/login", "username=malika&password=river+mango+lantern");
  const cookie = sessionCookie(login);
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  await context.addCookies([{ name: "session", value: cookie.split("=")[1], url: base }]);
  const page = await context.newPage();
  for (const path of ["/manage", "/manage/import", "/manage/organisations"]) {
    const response = await page.goto(base + path);
    assert.equal(response.status(), 200, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow} px too wide`);
  }
  await context.close();
});
