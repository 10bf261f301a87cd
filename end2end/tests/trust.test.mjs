// What an attacker's review found, tried again in Chromium as a person
// meets it: hostile names in every page title do nothing but show as text,
// and every download a person can click arrives whole through the
// browser's own gzip and brotli.

import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launchBrowser, artifacts } from "./support.mjs";

const HOSTILE = '</title><meta http-equiv="refresh" content="0;url=/?pwned">';

/** The sample courses, and one more whose titles are an attack. */
function coursesWithAHostileOne() {
  const dir = mkdtempSync(join(tmpdir(), "learn-hostile-"));
  cpSync(process.env.COURSES_DIR, dir, { recursive: true });
  const course = join(dir, "hostile");
  mkdirSync(join(course, "01-module"), { recursive: true });
  const toml = (value) => JSON.stringify(value);
  writeFileSync(join(course, "course.toml"), `title = ${toml(HOSTILE)}\nsummary = ${toml(HOSTILE)}\ninstructors = ["farida"]\n`);
  writeFileSync(join(course, "01-module", "module.toml"), `title = ${toml(HOSTILE)}\n`);
  writeFileSync(join(course, "01-module", "01-first.md"), `+++\ntitle = ${toml(HOSTILE)}\n+++\n\nText.\n`);
  writeFileSync(join(course, "01-module", "02-second.md"), `+++\ntitle = ${toml("Second & <last>")}\n+++\n\nMore.\n`);
  return dir;
}

async function signIn(context, base, username) {
  const page = await context.newPage();
  await page.goto(base + "/login?lang=en");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("river mango lantern");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(base + "/");
  return page;
}

test("hostile course, lesson and cohort names stay text in every title", async () => {
  const courses = coursesWithAHostileOne();
  const server = await startServer({ coursesDir: courses });
  const browser = await launchBrowser();
  try {
    const base = server.baseURL;
    server.cli(["users", "create", "--username", "root", "--display-name", "Root", "--role", "admin"], "river mango lantern\n");
    const context = await browser.newContext();
    const page = await signIn(context, base, "root");
    await page.goto(base + "/manage/cohorts?lang=en");
    await page.getByLabel("Course").selectOption("hostile");
    await page.getByLabel("Cohort name").fill(HOSTILE.slice(0, 100));
    await page.getByRole("button", { name: "Create the cohort" }).click();
    await page.waitForURL(/\/manage\/cohorts\/\d+$/);
    const cohortPage = new URL(page.url()).pathname;
    for (const path of ["/courses/hostile", "/courses/hostile/first", "/courses/hostile/second", cohortPage, "/manage/courses/hostile", "/manage/cohorts"]) {
      await page.goto(base + path + "?lang=en");
      // A meta refresh of 0 s would have moved the page by now.
      await page.waitForTimeout(300);
      assert.equal(new URL(page.url()).pathname, path, `${path} stayed where it was`);
      assert.ok(!page.url().includes("pwned"), `${path} did not redirect`);
      assert.equal(await page.locator("head meta[http-equiv]").count(), 0, `${path}: no meta element from a name`);
      const title = await page.title();
      assert.ok(!title.includes("<meta") || title.includes(HOSTILE.slice(0, 40)), `${path}: ${title}`);
    }
    await page.goto(base + "/courses/hostile/second?lang=en");
    assert.match(await page.title(), /Second & <last>/, "the title shows the text as written");
    await page.screenshot({ path: join(artifacts, "hostile-title.png") });
  } finally {
    await browser.close();
    await server.stop();
    rmSync(courses, { recursive: true, force: true });
  }
});

/** Every link a page offers as a download, clicked, with the file it saved. */
async function downloadEvery(page, label) {
  const links = await page.locator("a[download]").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
  assert.ok(links.length > 0, `${label} offers downloads`);
  const files = [];
  for (const href of links) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`a[download][href="${href}"]`).first().click()]);
    assert.equal(await download.failure(), null, `${label}: ${href} downloaded without failure`);
    files.push({ href, bytes: readFileSync(await download.path()) });
  }
  return files;
}

test("every download a person can click arrives whole, through gzip and brotli", async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const base = server.baseURL;
    server.cli(["users", "create", "--username", "malika", "--display-name", "Malika", "--role", "manager"], "river mango lantern\n");
    server.cli(["users", "create", "--username", "farida", "--display-name", "Farida", "--role", "instructor"], "river mango lantern\n");
    const office = await browser.newContext({ acceptDownloads: true });
    const page = await signIn(office, base, "malika");
    await page.goto(base + "/manage/cohorts?lang=en");
    await page.getByLabel("Course").selectOption("online-safety");
    await page.getByLabel("Cohort name").fill("Big cohort");
    await page.getByRole("button", { name: "Create the cohort" }).click();
    await page.waitForURL(/\/manage\/cohorts\/\d+$/);
    const cohortPage = new URL(page.url()).pathname;
    const code = (await page.locator("dd code").first().textContent()).trim();
    // 1,500 learners: the learners file is streamed in many pieces.
    const rows = ["name,username,cohort"];
    for (let n = 0; n < 1500; n++) rows.push(`Learner ${n} with a longer name,learner${String(n).padStart(4, "0")},${code}`);
    await page.goto(base + "/manage/import?lang=en");
    await page.getByLabel("CSV file (UTF-8)").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\r\n")) });
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.waitForURL(/\/manage\/import\/\d+$/);
    await page.getByRole("button", { name: /Apply the 1,500 valid rows/ }).click();
    await page.waitForURL(/#codes$/);

    const cookie = (await office.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const saved = new Map();
    for (const path of ["/manage", "/manage/courses/online-safety", cohortPage, "/manage/import"]) {
      await page.goto(base + path + "?lang=en");
      for (const file of await downloadEvery(page, path)) {
        // The same address fetched whole, uncompressed, is what was saved.
        const whole = Buffer.from(await (await fetch(base + file.href, { headers: { cookie, "accept-encoding": "identity" } })).arrayBuffer());
        assert.equal(file.bytes.length, whole.length, `${path}: ${file.href} arrived whole (${file.bytes.length} of ${whole.length} bytes)`);
        assert.ok(file.bytes.equals(whole), `${path}: ${file.href} arrived unchanged`);
        saved.set(file.href, file.bytes);
      }
    }
    const learners = [...saved.keys()].find((href) => href.startsWith("/manage/cohorts/") && href.endsWith("learners.csv"));
    assert.ok(learners, "the cohort's learners file was among them");
    const text = saved.get(learners).toString("utf8");
    assert.equal(text.trimEnd().split("\r\n").length, 1501, "a header and every learner");
    assert.ok(text.includes("learner1499"), "the last learner is there");

    // The instructor's tables, and a person's own data.
    const teaching = await browser.newContext({ acceptDownloads: true });
    const farida = await signIn(teaching, base, "farida");
    await farida.goto(base + "/teach?lang=en");
    const teachFiles = await downloadEvery(farida, "/teach");
    assert.ok(teachFiles.every((file) => file.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))), "CSV files start with a byte order mark");
    await farida.goto(base + "/account?lang=en");
    const [own] = await downloadEvery(farida, "/account");
    assert.equal(JSON.parse(own.bytes.toString("utf8")).account.username, "farida");
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("the owner is told in Urdu of wrong passwords a stranger tried, and a link cannot make it up", async () => {
  // Behind a proxy, so that the stranger and the owner come from two addresses.
  const server = await startServer({ env: { LEARN_TRUSTED_PROXIES: "127.0.0.1" } });
  const browser = await launchBrowser();
  try {
    const base = server.baseURL;
    server.cli(["users", "create", "--username", "amina", "--display-name", "Amina", "--role", "learner"], "river mango lantern\n");
    for (let guess = 0; guess < 3; guess++) {
      const response = await fetch(base + "/api/login", {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: base,
          accept: "text/html",
          referer: base + "/login",
          "x-forwarded-for": "203.0.113.9",
        },
        body: "username=amina&password=a+wrong+guess",
      });
      // The refusal travels back to the form as base64 (`__err`).
      const error = new URL(response.headers.get("location"), base).searchParams.get("__err") ?? "";
      assert.ok(Buffer.from(error, "base64url").toString().includes("login-failed"), `guess ${guess} is refused`);
    }
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } });
    const page = await context.newPage();
    await page.goto(base + "/login?lang=ur");
    await page.getByLabel("صارف نام").fill("amina");
    await page.getByLabel("پاس ورڈ", { exact: true }).fill("river mango lantern");
    await page.getByRole("button", { name: "لاگ اِن کریں" }).click();
    await page.waitForURL(/\/account\?failed_sign_ins$/);
    const notice = page.getByRole("alert");
    await notice.waitFor();
    assert.match(await notice.innerText(), /(3|۳) بار غلط پاس ورڈ/, "she is told how many, in Urdu");
    assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
    await page.screenshot({ path: join(artifacts, "failed-sign-ins-ur.png") });
    // A link that says more shows nothing the session does not hold.
    await page.goto(base + "/account?failed_sign_ins=99&lang=ur");
    assert.doesNotMatch(await page.locator("main").innerText(), /99/, "the link's number is never shown");
    // Signed in again with nothing tried in between: no notice.
    await context.clearCookies();
    await page.goto(base + "/login?lang=ur");
    await page.getByLabel("صارف نام").fill("amina");
    await page.getByLabel("پاس ورڈ", { exact: true }).fill("river mango lantern");
    await page.getByRole("button", { name: "لاگ اِن کریں" }).click();
    await page.waitForURL(base + "/");
    await page.goto(base + "/account?failed_sign_ins&lang=ur");
    assert.equal(await page.getByRole("alert").count(), 0, "nothing to tell");
  } finally {
    await browser.close();
    await server.stop();
  }
});
