// The studio in Chromium, as an instructor without a shell on the server
// uses it: an administrator on a laptop creates a course and names her;
// she writes on a 360 px phone in Urdu and on a laptop in English: a
// picture uploaded, a lesson with a quiz, the preview showing a mistake at
// its line, fixed, published. A learner on another instance (the same
// PostgreSQL) reads it and passes the quiz; a second version keeps her
// progress; the versions are compared and the first restored; two tabs on
// one lesson; a review; the front matter as fields, a question added at
// the cursor, a picture dropped, every page under 200 KB on a first
// visit. axe and the Nu checker on every studio page.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { startServer, launchBrowser, artifacts, assertAccessible } from "./support.mjs";

const PASSWORD = "river mango lantern";
const shots = join(artifacts, "studio");
mkdirSync(shots, { recursive: true });
const sources = join(artifacts, "studio-html");
rmSync(sources, { recursive: true, force: true });
mkdirSync(sources, { recursive: true });

// Both instances share one PostgreSQL schema of their own, dropped after.
const schema = `e2e_studio_${process.pid}`;
const database = { LEARN_DATABASE_URL: process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test", LEARN_DATABASE_SCHEMA: schema };
Object.assign(process.env, database);
after(() => {
  execFileSync("psql", [database.LEARN_DATABASE_URL, "-qc", `DROP SCHEMA IF EXISTS ${schema} CASCADE`]);
});

/** A small PNG of one colour, written by hand (signature, IHDR, IDAT, IEND). */
function png(width, height) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (kind, data) => {
    const body = Buffer.concat([Buffer.from(kind, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x2a)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

const lesson = (sentence, { picture = "![]", rightAnswers = "x" } = {}) => `+++
title = "Using government services online"
minutes = 6
+++

${sentence}

${picture}(../assets/one-window.png)

::: question official-site single
Where do you apply for a national ID card online?

- [x] On the government's own site, typed in yourself {#official}
  Type the address yourself, or use the official app.
- [${rightAnswers}] On a site a text message links to {#sms-link}
  Messages with links are how scammers steal logins.
:::
`;

async function signIn(context, base, username, language = "en") {
  const page = await context.newPage();
  await page.goto(`${base}/login?lang=${language}`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("form button[type=submit]").first().click();
  await page.waitForURL(base + "/");
  return page;
}

/** Checks a studio page: axe, no sideways scrolling, its HTML kept for the Nu checker. */
async function check(page, label) {
  // The page as the server sent it (before axe is added to it).
  const html = await (await page.context().request.get(page.url())).text();
  writeFileSync(join(sources, `${label.replaceAll(/[^a-z0-9]+/gi, "-")}.html`), html);
  await assertAccessible(page, label);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(sideways, false, `${label}: nothing scrolls sideways`);
  await page.screenshot({ path: join(shots, `${label.replaceAll(/[^a-z0-9]+/gi, "-")}.png`), fullPage: true });
}

const COURSE = "one-window-basics";
const LESSON_PATH = "01-introduction/01-welcome.md";
const editor = (base, language) => `${base}/studio/${COURSE}/edit?path=${encodeURIComponent(LESSON_PATH)}&lang=${language}`;

test("an instructor writes, previews, fixes and publishes; a learner elsewhere passes; versions compared and restored; two tabs; a review", async () => {
  const first = await startServer({ env: database });
  const second = await startServer({ env: database });
  const browser = await launchBrowser();
  const picture = join(mkdtempSync(join(tmpdir(), "studio-")), "one window.png");
  writeFileSync(picture, png(64, 40));
  try {
    const base = first.baseURL;
    first.cli(["users", "create", "--username", "root", "--display-name", "Root", "--role", "admin"], PASSWORD + "\n");
    first.cli(["users", "create", "--username", "farida", "--display-name", "فریدہ", "--role", "instructor"], PASSWORD + "\n");
    first.cli(["users", "create", "--username", "omar", "--display-name", "Omar", "--role", "instructor"], PASSWORD + "\n");

    // The administrator, on a laptop: the course, and its instructor.
    const laptop = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const admin = await signIn(laptop, base, "root");
    await admin.goto(`${base}/studio?lang=en`);
    await check(admin, "studio home en laptop");
    await admin.locator("#id").fill(COURSE);
    await admin.locator("#title").fill("Government and banking services online, safely");
    await admin.locator("#language").selectOption("en");
    await admin.locator("form:has(#id) button[type=submit]").click();
    await admin.waitForURL(`${base}/studio/${COURSE}`);
    await admin.locator("#instructors").fill("farida");
    await admin.locator("#manage button[type=submit]").click();
    await admin.waitForURL(/#manage$/);

    // Farida, on a phone, in Urdu: a picture, then the lesson with two mistakes.
    const phone = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    const farida = await signIn(phone, base, "farida", "ur");
    await farida.goto(`${base}/studio/${COURSE}?lang=ur`);
    assert.equal(await farida.locator("html").getAttribute("dir"), "rtl");
    await check(farida, "studio course ur phone");
    await farida.locator("input[type=file][name=file]").setInputFiles(picture);
    await farida.locator("form[enctype='multipart/form-data'] button[type=submit]").click();
    await farida.waitForURL(/uploaded=assets(%2F|\/)one-window\.png/);
    assert.match(await farida.locator("#files").innerText(), /one-window\.png/);

    await farida.goto(editor(base, "ur"));
    await farida.locator("#editor-text").fill(lesson("Apply only on the official sites.", { rightAnswers: "x" }));
    await farida.locator("button[name=intent][value=preview]").click();
    await farida.waitForURL(/unsaved=/);
    const problems = await farida.locator("#problems").innerText();
    assert.match(problems, /single/, `the quiz's mistake is named: ${problems}`);
    assert.match(problems, /9|10|11|12|13|14|15|16|17|18|19/, "at its line");
    const line = await farida.locator("#problems a[href^='#line-']").first().getAttribute("href");
    await farida.locator("#problems a[href^='#line-']").first().click();
    assert.equal(await farida.locator(`${line}`).count(), 1, "the link leads to the line");
    await check(farida, "studio editor ur phone with problems");
    // The preview in its frame is the learner's page.
    const frame = farida.frameLocator("iframe.phone-preview");
    await frame.locator("h1").waitFor();
    assert.match(await frame.locator("h1").innerText(), /Using government services online/);

    // Fixed (one right answer, and the picture described), saved, published.
    await farida.locator("#editor-text").fill(lesson("Apply only on the official sites.", { picture: "![A phone showing the one-window portal]", rightAnswers: " " }));
    await farida.locator("button[name=intent][value=save]").click();
    await farida.waitForURL(/saved=1/);
    assert.equal(await farida.locator("#problems").count(), 0, "no problems left in the file");
    await farida.goto(`${base}/studio/${COURSE}?lang=ur`);
    await farida.locator("#publish input[name=message]").fill("First version");
    await farida.locator("#publish button[type=submit]").click();
    await farida.waitForURL(/published=1/);

    // A learner on the other instance reads it and passes the quiz.
    const learnerContext = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    const learner = await learnerContext.newPage();
    const elsewhere = second.baseURL;
    let served = false;
    for (let tries = 0; tries < 50 && !served; tries++) {
      const response = await learner.goto(`${elsewhere}/courses/${COURSE}/welcome?lang=en`);
      served = response.status() === 200 && (await learner.locator("h1").innerText()).includes("Using government services online");
      if (!served) await learner.waitForTimeout(200);
    }
    assert.ok(served, "the other instance serves the published lesson within ten seconds");
    assert.equal(await learner.locator("img[alt='A phone showing the one-window portal']").count(), 1, "with its picture");
    await learner.goto(`${elsewhere}/register?lang=en`);
    await learner.locator("#display_name").fill("Ayesha");
    await learner.locator("#username").fill("ayesha");
    await learner.locator("#password").fill("seven blue camels");
    await learner.locator("form button[type=submit]").first().click();
    await learner.waitForURL(`${elsewhere}/`);
    await learner.goto(`${elsewhere}/courses/${COURSE}?lang=en`);
    await learner.getByRole("button", { name: "Enrol in this course" }).click();
    await learner.waitForLoadState();
    await learner.goto(`${elsewhere}/courses/${COURSE}/welcome?lang=en`);
    await learner.locator("#q-official-site--official").check();
    await learner.getByRole("button", { name: "Check my answers" }).click();
    await learner.waitForURL(/attempt=\d+/);
    assert.match(await learner.locator(".quiz-result .score").innerText(), /Well done/);

    // A second lesson and a second version: her progress is kept.
    const desk = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const faridaAtDesk = await signIn(desk, base, "farida");
    await faridaAtDesk.goto(`${base}/studio/${COURSE}?lang=en`);
    await faridaAtDesk.locator(".studio-module form.studio-add input[name=title]").fill("Banking apps");
    await faridaAtDesk.locator(".studio-module form.studio-add button[type=submit]").click();
    await faridaAtDesk.waitForURL(/edit\?path=01-introduction%2F02-banking-apps\.md|edit\?path=01-introduction\/02-banking-apps\.md/);
    await faridaAtDesk.locator("#editor-text").fill('+++\ntitle = "Banking apps"\nminutes = 4\n+++\n\nInstall your bank\'s app from the official store only.\n');
    await faridaAtDesk.locator("button[name=intent][value=save]").click();
    await faridaAtDesk.waitForURL(/saved=1/);
    await check(faridaAtDesk, "studio editor en laptop");
    await faridaAtDesk.goto(`${base}/studio/${COURSE}?lang=en`);
    await faridaAtDesk.locator("#publish input[name=message]").fill("Banking apps lesson");
    await faridaAtDesk.locator("#publish button[type=submit]").click();
    await faridaAtDesk.waitForURL(/published=1/);
    let progress = "";
    for (let tries = 0; tries < 50 && !progress.includes("1 of 2"); tries++) {
      await learner.goto(`${elsewhere}/courses/${COURSE}?lang=en`);
      progress = await learner.locator(".standing .progress").innerText().catch(() => "");
      if (!progress.includes("1 of 2")) await learner.waitForTimeout(200);
    }
    assert.match(progress, /1 of 2 lessons done/, "her completion survived the new version");

    // History: the two compared, the first restored as the draft.
    await faridaAtDesk.goto(`${base}/studio/${COURSE}/history?from=1&to=2&lang=en`);
    const diff = await faridaAtDesk.locator("main").innerText();
    assert.match(diff, /Install your bank's app from the official store only\./, "the added lesson in the comparison");
    await check(faridaAtDesk, "studio history en laptop");
    await faridaAtDesk.locator("#versions tbody tr", { hasText: "First version" }).locator("form button[type=submit]").click();
    await faridaAtDesk.waitForURL(/restored=1/);
    await faridaAtDesk.goto(`${base}/studio/${COURSE}?lang=en`);
    assert.doesNotMatch(await faridaAtDesk.locator("#outline").innerText(), /Banking apps/, "the draft is version 1 again");

    // Two tabs on one lesson: the later save is refused with both texts.
    const tabOne = await desk.newPage();
    const tabTwo = await desk.newPage();
    await tabOne.goto(editor(base, "en"));
    await tabTwo.goto(editor(base, "en"));
    await tabOne.locator("#editor-text").fill(lesson("Text from the first tab.", { picture: "![A phone showing the one-window portal]", rightAnswers: " " }));
    await tabOne.locator("button[name=intent][value=save]").click();
    await tabOne.waitForURL(/saved=1/);
    await tabTwo.locator("#editor-text").fill(lesson("Text from the second tab.", { picture: "![A phone showing the one-window portal]", rightAnswers: " " }));
    await tabTwo.locator("button[name=intent][value=save]").click();
    await tabTwo.waitForURL(/yours=/);
    assert.match(await tabTwo.locator("#theirs").inputValue(), /Text from the first tab\./);
    assert.match(await tabTwo.locator("#yours").inputValue(), /Text from the second tab\./);
    await check(tabTwo, "studio editor en laptop conflict");

    // Review: required now; farida proposes, cannot approve, omar approves.
    await admin.goto(`${base}/studio/${COURSE}?lang=en`);
    await admin.locator("#instructors").fill("farida\nomar");
    await admin.locator("#manage input[name=review_required]").check();
    await admin.locator("#manage button[type=submit]").click();
    await admin.waitForURL(/#manage$/);
    await faridaAtDesk.goto(`${base}/studio/${COURSE}?lang=en`);
    await faridaAtDesk.locator("#publish input[name=message]").fill("Clearer first lesson");
    await faridaAtDesk.locator("#publish button[type=submit]").click();
    await faridaAtDesk.waitForURL(/#review$/);
    assert.equal(await faridaAtDesk.locator("#review input[name=decision][value=approve]").count(), 0, "nobody approves their own");
    await check(faridaAtDesk, "studio course en laptop proposed");
    const omarContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const omar = await signIn(omarContext, base, "omar");
    await omar.goto(`${base}/studio/${COURSE}?lang=en#review`);
    await omar.locator("#review form:has(input[value=approve]) button[type=submit]").click();
    await omar.waitForURL(/published=1/);
    await learner.goto(`${elsewhere}/courses/${COURSE}/welcome?lang=en`);
    let reviewed = false;
    for (let tries = 0; tries < 50 && !reviewed; tries++) {
      await learner.goto(`${elsewhere}/courses/${COURSE}/welcome?lang=en`);
      reviewed = (await learner.locator("article").innerText()).includes("Text from the first tab.");
      if (!reviewed) await learner.waitForTimeout(200);
    }
    assert.ok(reviewed, "the approved version is served elsewhere");
  } finally {
    await browser.close();
    await first.stop();
    await second.stop();
  }
});

test("with its script, the editor previews as she types and keeps her text through a dropped connection", async () => {
  const server = await startServer({ env: database });
  const browser = await launchBrowser();
  try {
    const base = server.baseURL;
    const phone = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    const farida = await signIn(phone, base, "farida", "en");
    await farida.goto(editor(base, "en"));
    const written = (sentence) => lesson(sentence, { picture: "![A phone showing the one-window portal]", rightAnswers: " " });
    await farida.locator("#editor-text").fill(written("Typed live, previewed."));
    // The frame follows the text a moment after typing stops.
    const frame = () => farida.frameLocator("iframe.phone-preview");
    let previewed = false;
    for (let tries = 0; tries < 40 && !previewed; tries++) {
      await farida.waitForTimeout(250);
      previewed = (await frame().locator("article").innerText().catch(() => "")).includes("Typed live, previewed.");
    }
    assert.ok(previewed, "the preview shows the text as typed, before any save");

    // The connection drops while she types: the preview waits, the text stays.
    await phone.setOffline(true);
    await farida.locator("#editor-text").fill(written("Typed on the bus, offline."));
    await farida.getByText("No connection: the preview waits.").waitFor({ timeout: 5000 });
    await farida.close();
    await phone.setOffline(false);
    const again = await phone.newPage();
    await again.goto(editor(base, "en"));
    assert.match(await again.locator("#editor-text").inputValue(), /Typed on the bus, offline\./, "her text is back");
    await again.getByText("Your text that was not saved was kept in this browser").waitFor();
    await again.locator("button[name=intent][value=save]").click();
    await again.waitForURL(/saved=1/);
    await again.goto(editor(base, "en"));
    assert.equal(await again.getByText("Your text that was not saved was kept in this browser").count(), 0, "nothing left to restore once saved");

    // A translation beside its original, marked as made from it; then the
    // original changes and the translation is flagged stale.
    const urdu = `${base}/studio/${COURSE}/edit?path=${encodeURIComponent("01-introduction/01-welcome.ur.md")}&lang=ur`;
    await again.goto(urdu);
    assert.match(await again.locator("#original-text").inputValue(), /Typed on the bus, offline\./, "the original beside it");
    await again.locator("#editor-text").fill(`+++
title = "سرکاری سروسز آن لائن"
+++

صرف سرکاری websites پر درخواست دیں۔

![ون ونڈو portal دکھاتا ہوا فون](../assets/one-window.png)

::: question official-site single
شناختی کارڈ کی درخواست آن لائن کہاں دیں؟

- [x] حکومت کی اپنی website پر، خود لکھ کر {#official}
  address خود لکھیں، یا سرکاری app استعمال کریں۔
- [ ] SMS کے link والی website پر {#sms-link}
  links والے پیغامات سے دھوکے باز login چراتے ہیں۔
:::
`);
    await again.locator("input[name=up_to_date]").check();
    await again.locator("button[name=intent][value=save]").click();
    await again.waitForURL(/saved=1/);
    await again.goto(editor(base, "en"));
    await again.locator("#editor-text").fill(written("Typed on the bus, then changed at home."));
    await again.locator("button[name=intent][value=save]").click();
    await again.waitForURL(/saved=1/);
    await again.goto(urdu);
    await again.locator("#original .note").waitFor();
    assert.match(await again.locator("#original ol.diff").innerText(), /changed at home/, "what changed in the original");
    assert.equal(await again.locator("input[name=up_to_date]").isChecked(), false, "not marked as matching any more");
    await check(again, "studio editor ur phone stale translation");
  } finally {
    await browser.close();
    await server.stop();
  }
});

/** Every response a page load transfers, by address, in bytes as Chromium received them. */
async function transfersByUrl(page) {
  const client = await page.context().newCDPSession(page);
  await client.send("Network.enable");
  const urls = new Map();
  const bytes = new Map();
  client.on("Network.requestWillBeSent", (event) => urls.set(event.requestId, event.request.url));
  client.on("Network.loadingFinished", (event) => bytes.set(urls.get(event.requestId), event.encodedDataLength));
  return bytes;
}

test("a lesson's front matter as fields, a question added at the cursor, a picture dropped on the course page, each page within 200 KB", async () => {
  const server = await startServer({ env: database });
  const browser = await launchBrowser();
  try {
    const base = server.baseURL;
    const laptop = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const farida = await signIn(laptop, base, "farida", "en");

    // The studio's pages with their script, on a first visit (nothing
    // cached): under 200 KB each.
    const cookies = await laptop.cookies();
    for (const address of [`${base}/studio/${COURSE}?lang=ur`, editor(base, "ur"), `${base}/studio/${COURSE}/history?from=1&to=2&lang=en`]) {
      const fresh = await browser.newContext({ viewport: { width: 360, height: 740 } });
      await fresh.addCookies(cookies);
      const page = await fresh.newPage();
      const first = await transfersByUrl(page);
      const response = await page.goto(address, { waitUntil: "load" });
      assert.equal(response.status(), 200, address);
      const bytes = [...first.values()].reduce((sum, value) => sum + value, 0);
      if (!address.includes("history")) {
        assert.ok([...first.keys()].some((url) => url.includes("/assets/studio.")), `${address} loads the studio's script`);
      }
      assert.ok(bytes > 1000 && bytes <= 200 * 1024, `${address}: first visit ${bytes} B`);
      await fresh.close();
    }

    // The front matter as fields: a new title and minutes, the text below
    // without a front matter of its own.
    await farida.goto(editor(base, "en"));
    assert.equal(await farida.locator("#lesson-title").inputValue(), "Using government services online");
    await farida.locator("#lesson-title").fill("Government services online, safely");
    await farida.locator("#lesson-minutes").fill("8");
    const body = "\nApply only on the official sites.\n\n![A phone showing the one-window portal](../assets/one-window.png)\n\nNever share a code sent to your phone.\n";
    await farida.locator("#editor-text").fill(body);
    // "Add a question" puts one where the cursor is: after the picture,
    // before the last sentence, with an id no question of the lesson has.
    await farida.locator("#editor-text").evaluate((area) => {
      const at = area.value.indexOf("Never share");
      area.setSelectionRange(at, at);
    });
    await farida.locator("button[name=intent][value=question]").click();
    assert.equal(farida.url().includes("unsaved="), false, "added here, not by the server");
    const withQuestion = await farida.locator("#editor-text").inputValue();
    assert.match(withQuestion, /portal\]\(\.\.\/assets\/one-window\.png\)\n\n::: question question-1 single\n/);
    assert.match(withQuestion, /:::\n\nNever share a code/, "the text after the cursor follows the question");
    await farida.locator("button[name=intent][value=save]").click();
    await farida.waitForURL(/saved=1/);
    assert.equal(await farida.locator("#problems").count(), 0, "the question added is a valid one");
    assert.equal(await farida.locator("#lesson-minutes").inputValue(), "8");
    assert.doesNotMatch(await farida.locator("#editor-text").inputValue(), /\+\+\+/, "the front matter is in the fields, not the text");
    const frame = farida.frameLocator("iframe.phone-preview");
    await frame.locator("h1").waitFor();
    assert.match(await frame.locator("h1").innerText(), /Government services online, safely/);
    assert.equal(await frame.locator("#q-question-1--right").count(), 1, "the question added, in the preview");
    await check(farida, "studio editor en laptop fields");

    // A picture dropped on the upload form is uploaded.
    await farida.goto(`${base}/studio/${COURSE}?lang=en`);
    await farida.locator("#upload .hint", { hasText: /drop/i }).waitFor();
    const dropped = await farida.evaluateHandle((encoded) => {
      const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], "bank app.png", { type: "image/png" }));
      return transfer;
    }, png(48, 32).toString("base64"));
    await farida.locator("#upload").dispatchEvent("drop", { dataTransfer: dropped });
    await farida.waitForURL(/uploaded=assets(%2F|\/)bank-app\.png/);
    assert.match(await farida.locator("#files").innerText(), /bank-app\.png/);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("the studio pages are valid HTML to the Nu HTML checker", async () => {
  const vnu = createRequire(import.meta.url)("vnu-jar");
  const files = (await import("node:fs")).readdirSync(sources).map((name) => join(sources, name));
  assert.ok(files.length >= 6, `the pages were saved (${files.length})`);
  const report = JSON.parse(
    execFileSync("java", ["-jar", vnu, "--errors-only", "--format", "json", "--exit-zero-always", "--stdout", ...files], { maxBuffer: 64 * 1024 * 1024 }).toString(),
  );
  const errors = report.messages.map((m) => `${m.url.replace(/.*\//, "")}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors, []);
});
