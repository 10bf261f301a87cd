// Offline learning in Chromium, as a learner on a bus does it: save a
// course on the phone, lose the connection, read every lesson, complete
// them and pass the quiz, come back online, and find the progress and the
// certificate on the server. What waits on the phone is counted once
// (sent again, or from two tabs), survives a server killed mid-sync, and
// a second person on the same phone sees nothing of the first's.

import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { artifacts, asAnswers, assertAccessible, freePort, gateTo, serverAndBrowser, smartphoneCourse, startServer } from "./support.mjs";

const COURSE = "smartphone-basics";
const env = serverAndBrowser();

async function register(page, base, username, language = "en") {
  await page.goto(`${base}/register?lang=${language}`);
  await page.locator("#display_name").fill(`${username} Karimova`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill("seven blue camels");
  await page.locator("#language").selectOption(language);
  await page.locator("form.account-form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/register"));
}

/** Enrols on the course page, saves the course, and answers what the page said before downloading. */
async function enrolAndSave(page, base) {
  await page.goto(`${base}/courses/${COURSE}`);
  await page.locator("form.enrol button").click();
  await page.locator("form.unenrol").waitFor();
  await page.locator("#offline:not([hidden]) [data-offline=save]").click();
  const download = page.locator("[data-offline=save][data-step=download]");
  await download.waitFor();
  const asked = await page.locator(".offline-state").textContent();
  await download.click();
  await page.locator("[data-offline=remove]:not([hidden])").waitFor({ timeout: 30_000 });
  return asked;
}

/** What the server says of the learner's progress (asked directly, not through the phone's gate). */
async function serverProgress(server, context) {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const data = await (await fetch(`${server.baseURL}/account/data`, { headers: { cookie } })).json();
  return data.learning;
}

/** No signal: the page knows it (`navigator.onLine`), and nothing gets through the gate. */
async function offline(context, gate) {
  await context.setOffline(true);
  gate.set("closed");
}

async function online(context, gate, mode = "open") {
  gate.set(mode);
  await context.setOffline(false);
}

/** Clicks "Mark as complete" and waits for the next page (it comes after the outbox). */
async function completeHere(page) {
  const before = page.url();
  await page.locator("section.completion button[type=submit]").click();
  await page.waitForURL((url) => url.href !== before);
}

/** Ticks the quiz's right answers on the page. */
async function answerRight(page) {
  for (const [question, options] of Object.entries(asAnswers(smartphoneCourse().answers))) {
    for (const option of options) await page.locator(`#q-${question}--${option}`).check();
  }
}

/** Everything in one of the offline script's stores on this phone (IndexedDB). */
async function onThePhone(page, store) {
  return page.evaluate(async (name) => {
    const db = await new Promise((resolve) => {
      const request = indexedDB.open("learn-offline");
      request.onsuccess = () => resolve(request.result);
    });
    return new Promise((resolve) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
    });
  }, store);
}

async function waitUntil(check, what, seconds = 20) {
  for (let tries = 0; tries < seconds * 4; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`not within ${seconds} s: ${what}`);
}

const counts = (data) => ({
  lessons: data.lessons_completed.filter((l) => l.course === COURSE).length,
  attempts: data.quiz_attempts.filter((a) => a.course === COURSE).length,
  certificates: data.certificates.filter((c) => c.course === COURSE).length,
});

test("a course saved on the phone is read and learnt offline; progress and certificate reach the server", async () => {
  const gate = await gateTo(env.server);
  const base = gate.baseURL;
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
  const page = await context.newPage();
  await register(page, base, "nilufar");
  // Every byte the download fetched, to hold against the manifest.
  const fetched = new Map();
  page.on("response", async (response) => {
    const url = new URL(response.url());
    if (!/^\/(offline|assets|media)\//.test(url.pathname) || url.pathname.endsWith("manifest.json")) return;
    const body = await response.body().catch(() => undefined);
    if (body) fetched.set(url.pathname + url.search, body.length);
  });
  const asked = await enrolAndSave(page, base);
  assert.match(asked, /This course needs \d+\.\d MB on this phone\./, "the size is said before downloading");
  assert.match(await page.locator(".offline-state").textContent(), /Saved on this phone: \d+\.\d MB/);
  await assertAccessible(page, "course page, saved for offline");
  await page.screenshot({ path: join(artifacts, "offline-saved-360x740.png"), fullPage: true });
  const manifest = await page.evaluate(async (course) => (await fetch(`/offline/${course}/en/manifest.json`)).json(), COURSE);
  assert.ok(manifest.files.length >= 14, `pages, stylesheet, script and pictures: ${manifest.files.length}`);
  for (const file of manifest.files) {
    assert.equal(fetched.get(file.from ?? file.url), file.bytes, `${file.url}: the manifest's size is the bytes fetched`);
  }

  await offline(context, gate);
  const { lessons } = smartphoneCourse();
  for (const lesson of [...lessons, "check-your-skills"]) {
    await page.goto(`${base}/courses/${COURSE}/${lesson}`);
    assert.match(await page.locator(".offline-copy").textContent(), /copy saved on this phone/, lesson);
    assert.ok((await page.locator("article.lesson").textContent()).length > 300, `${lesson} is readable offline`);
  }
  await assertAccessible(page, "the saved copy of a quiz lesson, offline");

  await page.goto(`${base}/courses/${COURSE}/${lessons[0]}`);
  for (let done = 1; done <= lessons.length; done++) {
    await completeHere(page);
    await page.getByText(`Waiting to be sent: ${done}`).waitFor();
    assert.match(await page.locator(".offline-status").textContent(), /Saved on this phone\. It is sent when you are online\./);
  }
  assert.match(page.url(), /check-your-skills$/);
  await answerRight(page);
  await page.locator("section.quiz button[type=submit]").click();
  await page.getByText("Your answers are saved on this phone. They are graded when you are online.").waitFor();
  await page.screenshot({ path: join(artifacts, "offline-quiz-waiting-360x740.png"), fullPage: true });

  await page.goto(`${base}/courses/${COURSE}`);
  await page.locator("li.done").nth(lessons.length - 1).waitFor();
  assert.equal(await page.locator("li.done").count(), lessons.length, "the saved course page ticks what was done here");
  assert.match(await page.locator("li.done").first().textContent(), /Done on this phone/);
  await page.goto(`${base}/my`);
  assert.equal(await page.locator("h1").textContent(), "No connection", "an honest page for what was not saved");
  await page.locator(".saved-courses a", { hasText: "Using a smartphone" }).waitFor();
  await assertAccessible(page, "the offline page");
  assert.deepEqual(counts(await serverProgress(env.server, context)), { lessons: 0, attempts: 0, certificates: 0 });

  // Back online: the outbox goes by itself, the grade comes back as news.
  await online(context, gate);
  await waitUntil(async () => counts(await serverProgress(env.server, context)).certificates === 1, "the certificate is issued");
  assert.deepEqual(counts(await serverProgress(env.server, context)), { lessons: 10, attempts: 1, certificates: 1 });
  await page.getByText("Your quiz is graded: 100%. You passed.").waitFor();
  await page.goto(`${base}/courses/${COURSE}?online=1`);
  assert.match(await page.locator(".standing").textContent(), /10 of 10 lessons done/);
  await page.locator(".standing a[href$='/my/certificates/smartphone-basics']").click();
  await page.waitForURL(/\/my\/certificates\/smartphone-basics$/);
  assert.match(await page.locator(".certificate .learner").textContent(), /nilufar Karimova/);
  await context.close();
  await gate.stop();
});

test("what waits on the phone is counted once: sent again after a lost answer, and from two tabs at once", async () => {
  const gate = await gateTo(env.server);
  const context = await env.browser.newContext();
  try {
    const base = gate.baseURL;
    const page = await context.newPage();
    await register(page, base, "timur");
    await enrolAndSave(page, base);
    await offline(context, gate);
    const { lessons } = smartphoneCourse();
    await page.goto(`${base}/courses/${COURSE}/${lessons[0]}`);
    for (let n = 0; n < 3; n++) await completeHere(page);
    await page.goto(`${base}/courses/${COURSE}/check-your-skills`);
    await answerRight(page);
    await page.locator("section.quiz button[type=submit]").click();
    await page.getByText("Your answers are saved on this phone.").waitFor();
    const second = await context.newPage();
    await second.goto(`${base}/courses/${COURSE}/${lessons[4]}`);

    // The server records the batch, but its answer never reaches the phone.
    await online(context, gate, "lose-answers");
    await waitUntil(() => gate.synced >= 1, "a batch reached the server");
    for (const tab of [page, second]) await tab.locator(".offline-status .waiting button").waitFor();
    // Passing the quiz completes its lesson too.
    assert.deepEqual(counts(await serverProgress(env.server, context)), { lessons: 4, attempts: 1, certificates: 0 });
    // Answers get through again only now: a retry of the script's own while
    // the server was asked would otherwise empty the outbox before the tabs
    // are told to send it.
    gate.set("open");
    // Both tabs send the same outbox at the same moment.
    await Promise.all([page, second].map((tab) => tab.locator(".offline-status .waiting button").click()));
    await waitUntil(
      async () => (await page.evaluate(() => document.querySelector(".offline-status .waiting"))) === null,
      "the outbox is empty",
    );
    assert.deepEqual(counts(await serverProgress(env.server, context)), { lessons: 4, attempts: 1, certificates: 0 });
  } finally {
    // A failure must not leave the gate listening: the file would never end.
    await context.close();
    await gate.stop();
  }
});

test("a server killed with kill -9 during a sync loses nothing: the outbox delivers once it is back", async () => {
  const address = `127.0.0.1:${await freePort()}`;
  let server = await startServer({ address });
  const dataDir = server.dataDir;
  const gate = await gateTo(server);
  const context = await env.browser.newContext();
  try {
    const base = gate.baseURL;
    const page = await context.newPage();
    await register(page, base, "aziza");
    await enrolAndSave(page, base);
    await offline(context, gate);
    await page.goto(`${base}/courses/${COURSE}/${smartphoneCourse().lessons[0]}`);
    for (let n = 0; n < 5; n++) await completeHere(page);
    // The batch arrives as the process dies, without any shutdown.
    let killing;
    gate.onSync = () => {
      gate.onSync = undefined;
      killing = new Promise((resolve) => setTimeout(resolve, 5)).then(() => server.crash());
    };
    await online(context, gate);
    await waitUntil(() => killing !== undefined, "a sync began");
    await killing;
    server = await startServer({ address, dataDir });
    await page.reload().catch(() => undefined);
    await waitUntil(async () => counts(await serverProgress(server, context)).lessons === 5, "five lessons on the server");
    await page.reload();
    assert.equal(await page.locator(".offline-status .waiting").count(), 0, "nothing waits any more");
    assert.deepEqual(counts(await serverProgress(server, context)), { lessons: 5, attempts: 0, certificates: 0 });
  } finally {
    await context.close();
    await gate.stop();
    await server.stop();
  }
});

test("a second person on the same phone sees nothing of the first's; signing out warns before losing what waits", async () => {
  const gate = await gateTo(env.server);
  const base = gate.baseURL;
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await register(page, base, "gulnora", "ur");
  await enrolAndSave(page, base);
  assert.match(await page.locator(".offline-state").textContent(), /اس فون پر محفوظ ہے/, "in her language");
  await assertAccessible(page, "course page saved for offline, in Urdu");
  await offline(context, gate);
  const { lessons } = smartphoneCourse();
  await page.goto(`${base}/courses/${COURSE}/${lessons[0]}`);
  await completeHere(page);
  await completeHere(page);
  // Online, but the outbox cannot be sent: signing out asks first.
  await online(context, gate, "no-sync");
  await page.goto(`${base}/courses/${COURSE}/${lessons[2]}?online=1`);
  let warning = "";
  page.once("dialog", (dialog) => {
    warning = dialog.message();
    dialog.dismiss();
  });
  await page.locator("form.logout button").click();
  await waitUntil(() => warning !== "", "a warning");
  assert.match(warning, /\(2\)/, warning);
  assert.equal(await page.locator("form.logout").count(), 1, "dismissed: still signed in");
  page.once("dialog", (dialog) => dialog.accept());
  await page.locator("form.logout button").click();
  await page.waitForURL(`${base}/`);
  await page.locator("p.sign-in").waitFor();
  gate.set("open");

  // Someone else signs in on the same phone.
  await register(page, base, "bahrom");
  await page.goto(`${base}/courses/${COURSE}`);
  await page.locator("#offline:not([hidden])").waitFor();
  assert.equal(await page.locator("[data-offline=remove]:not([hidden])").count(), 0, "not saved for him");
  assert.equal(await page.locator(".offline-status .waiting").count(), 0, "nothing of hers waits for him");
  const his = { outbox: await onThePhone(page, "outbox"), done: await onThePhone(page, "done"), notes: await onThePhone(page, "notes") };
  assert.deepEqual(his, { outbox: [], done: [], notes: [] }, "her outbox went when she signed out, as warned");
  await offline(context, gate);
  const opened = await page.goto(`${base}/courses/${COURSE}/${lessons[0]}`).then(
    () => page.locator("main").textContent(),
    () => "",
  );
  assert.ok(!opened.includes("copy saved on this phone"), "her saved course is not his");
  await online(context, gate);
  assert.deepEqual(counts(await serverProgress(env.server, context)), { lessons: 0, attempts: 0, certificates: 0 });
  await context.close();
  await gate.stop();
});

test("a double tap on a quiz is one attempt; a saved page takes no taps for someone whose session has ended", async () => {
  const base = env.server.baseURL;
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await register(page, base, "parvina");
  await enrolAndSave(page, base);
  await page.goto(`${base}/courses/${COURSE}/check-your-skills?online=1`);
  await answerRight(page);
  // Two taps before anything comes back.
  await page.evaluate(() => {
    const button = document.querySelector("section.quiz button[type=submit]");
    button.click();
    button.click();
  });
  await page.waitForURL(/attempt=\d+/);
  assert.deepEqual(counts(await serverProgress(env.server, context)), { lessons: 1, attempts: 1, certificates: 0 });

  // Her session ends without her signing out here (it expired, or she
  // signed out on another phone): the saved pages no longer show her
  // progress, and a tap on them is not queued as hers.
  await context.clearCookies();
  await page.goto(`${base}/courses/${COURSE}/${smartphoneCourse().lessons[0]}`);
  await page.waitForTimeout(1000);
  assert.equal(await page.locator(".offline-status .waiting").count(), 0);
  await page.goto(`${base}/courses/${COURSE}`);
  await page.waitForTimeout(1000);
  assert.equal(await page.locator("li.done").count(), 0, "none of her ticks for whoever holds the phone");
  assert.equal(await page.locator("form.logout").count(), 0, "the page as a visitor sees it");
  assert.deepEqual(await onThePhone(page, "outbox"), [], "nothing queued as hers");
  await context.close();
});

test("a download shows its progress, resumes after a dropped connection, updates only what changed, and is removed whole", async () => {
  const courses = mkdtempSync(join(tmpdir(), "learn-courses-"));
  cpSync(process.env.COURSES_DIR, courses, { recursive: true });
  const server = await startServer({ coursesDir: courses });
  const context = await env.browser.newContext();
  try {
    const base = server.baseURL;
    const page = await context.newPage();
    await register(page, base, "shahnoza");
    await page.goto(`${base}/courses/${COURSE}`);
    await page.locator("form.enrol button").click();
    await page.locator("form.unenrol").waitFor();
    // Every file the phone fetches for the course, in order.
    const fetched = [];
    page.on("requestfinished", (request) => {
      const url = new URL(request.url());
      if (/^\/(offline\/[^/]+\/[^/]+\/[^/]+\.html|media\/|assets\/)/.test(url.pathname)) fetched.push(url.pathname);
    });
    // The connection drops as the third page arrives.
    let pages = 0;
    await context.route(/\.lesson\.html/, async (route) => {
      pages += 1;
      if (pages === 3) {
        await context.setOffline(true);
        return route.abort("internetdisconnected");
      }
      return route.continue();
    });
    await page.locator("#offline:not([hidden]) [data-offline=save]").click();
    await page.locator("[data-offline=save][data-step=download]").click();
    await page.getByText("Download paused. It goes on when you are online.").waitFor();
    assert.ok(await page.locator("#offline progress").isVisible(), "its progress is shown");
    const before = fetched.length;
    await context.unroute(/\.lesson\.html/);
    await context.setOffline(false);
    await page.getByText(/^Saved on this phone:/).waitFor({ timeout: 30_000 });
    const again = fetched.slice(before).filter((path) => fetched.slice(0, before).includes(path) && !path.startsWith("/assets/"));
    assert.deepEqual(again, [], "what was saved before the drop is not fetched again");

    // The course changes: one lesson is edited and published.
    const lesson = join(courses, "smartphone-basics/02-the-internet/02-saving-data.md");
    writeFileSync(lesson, readFileSync(lesson, "utf8").replace("+++\n\n", "+++\n\nA tip added after the course was saved.\n\n"));
    process.kill(server.pid, "SIGHUP");
    await waitUntil(
      async () => (await (await fetch(`${base}/courses/${COURSE}/saving-data`)).text()).includes("A tip added"),
      "the new version is served",
    );
    await page.goto(`${base}/courses/${COURSE}`);
    await page.getByText(/A new version of this course is available: \d+\.\d MB to download\./).waitFor();
    const beforeUpdate = fetched.length;
    await page.locator("[data-offline=save]", { hasText: "Update" }).click();
    await page.locator("[data-offline=save]", { hasText: /^Download/ }).click();
    await page.getByText(/^Saved on this phone:/).waitFor({ timeout: 30_000 });
    const updated = fetched.slice(beforeUpdate).filter((path) => path.startsWith("/offline/"));
    assert.deepEqual(
      updated.sort(),
      [`/offline/${COURSE}/en/check-your-skills.lesson.html`, `/offline/${COURSE}/en/saving-data.lesson.html`],
      "only the edited lesson and the quiz (whose answers name the version) are fetched again",
    );
    await context.setOffline(true);
    await page.goto(`${base}/courses/${COURSE}/saving-data`);
    assert.match(await page.locator("article.lesson").textContent(), /A tip added after the course was saved/);
    await context.setOffline(false);

    // Removed: the space is freed, and the course is no longer there offline.
    await page.goto(`${base}/courses/${COURSE}`);
    await page.locator("[data-offline=remove]:not([hidden])").click();
    await page.getByText("Removed from this phone.").waitFor();
    const kept = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("learn-")));
    assert.deepEqual(kept, []);
    assert.ok(await page.locator("[data-offline=save]").isVisible(), "it can be saved again");
  } finally {
    await context.close();
    await server.stop();
    rmSync(courses, { recursive: true, force: true });
  }
});
