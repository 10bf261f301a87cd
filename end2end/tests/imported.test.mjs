// A course brought from GitHub, as an instructor copies it into courses/:
// served with its real mistakes shown to staff only, a broken lesson
// withheld alone, its wide tables scrolling in their own box on a 360 px
// phone (English and Urdu) with no word broken, its 2 MB sketch-note sent
// as a phone-sized copy, and no request to another site.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { startServer, launchBrowser, measureTransfers, artifacts } from "./support.mjs";

const shots = join(artifacts, "imported");
mkdirSync(shots, { recursive: true });

/** A PNG of a soft gradient with grain, like a scanned drawing: PNG cannot compress it. */
function sketchnote(width, height) {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  let state = 7;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const grain = state >>> 29;
      rows.set([200 + ((x / 20) | 0) % 40 + grain, 180 + ((y / 20) | 0) % 40 + grain, 230 - grain], row + 1 + x * 3);
    }
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const env = {};
before(async () => {
  env.courses = mkdtempSync(join(tmpdir(), "learn-imported-"));
  cpSync(join(import.meta.dirname, "../../app/tests/fixtures/imported"), join(env.courses, "web-dev"), { recursive: true });
  mkdirSync(join(env.courses, "web-dev/01-getting-started/images"), { recursive: true });
  const png = sketchnote(1600, 1250);
  assert.ok(png.length > 1_500_000, `the sketch-note weighs ${png.length} B`);
  writeFileSync(join(env.courses, "web-dev/01-getting-started/images/sketchnote.png"), png);
  env.server = await startServer({ coursesDir: env.courses });
  env.server.cli(["users", "create", "--username", "root", "--display-name", "Root", "--role", "admin"], "river mango lantern\n");
  env.server.cli(["users", "create", "--username", "farida", "--display-name", "Farida", "--role", "instructor"], "river mango lantern\n");
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  rmSync(env.courses, { recursive: true, force: true });
});

const LESSON = "/courses/web-dev/intro-to-programming";

for (const language of ["en", "ur"]) {
  test(`on a 360 px phone in ${language}, a wide table scrolls in its own box and keeps every word whole`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const transfers = await measureTransfers(page);
    await page.goto(`${env.server.baseURL}${LESSON}?lang=${language}`, { waitUntil: "load" });
    const layout = await page.evaluate(() => {
      const wrap = document.querySelector(".lesson-body .table-wrap");
      const broken = [];
      for (const cell of wrap.querySelectorAll("th, td")) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.textContent.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            if (range.getClientRects().length > 1) broken.push(match[0]);
          }
        }
      }
      return {
        direction: getComputedStyle(wrap).direction,
        scrolls: wrap.scrollWidth > wrap.clientWidth,
        overflow: getComputedStyle(wrap).overflowX,
        page: document.documentElement.scrollWidth,
        broken,
      };
    });
    assert.equal(layout.direction, language === "ur" ? "rtl" : "ltr");
    assert.ok(layout.scrolls, "the five-column table is wider than the phone and scrolls");
    assert.equal(layout.overflow, "auto");
    assert.ok(layout.page <= 360, `the page itself scrolls sideways: ${layout.page} px`);
    assert.deepEqual(layout.broken, [], "words broken inside cells");

    // Scrolled to the end: every picture the page shows has arrived.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    const outside = transfers.urls.filter((url) => !url.startsWith(env.server.baseURL) && !url.startsWith("data:"));
    assert.deepEqual(outside, [], "no request to another site (the video thumbnail is never fetched)");
    const picture = transfers.urls.find((url) => url.includes("sketchnote.png"));
    assert.ok(picture?.includes("f=webp"), `the phone fetched ${picture}`);
    assert.ok(transfers.bytes <= 100_000, `${LESSON}?lang=${language}: ${transfers.bytes} B on a first visit`);
    await page.screenshot({ path: join(shots, `lesson-${language}.png`), fullPage: true });
    await context.close();
  });
}

test("a withheld lesson is a note for learners and a preview with its problems for staff", async () => {
  const base = env.server.baseURL;
  const visitor = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await visitor.newPage();
  await page.goto(`${base}/courses/web-dev?lang=en`);
  await page.getByText("Unfinished quiz").waitFor();
  assert.match(await page.locator(".modules").innerText(), /Unfinished quiz\s*not available yet/);
  assert.match(await page.locator(".module-intro").innerText(), /Tomomi Imura/);
  assert.equal(await page.locator(".staff-problems").count(), 0, "visitors never see the problems");
  await page.goto(`${base}/courses/web-dev/unfinished-quiz?lang=en`);
  assert.match(await page.locator(".withheld-note").innerText(), /not available yet/);
  assert.equal(await page.locator(".quiz, .staff-problems").count(), 0);
  await page.goto(`${base}${LESSON}?lang=en`);
  assert.equal(await page.locator(".staff-problems").count(), 0);
  await visitor.close();

  const staff = await env.browser.newContext();
  const admin = await staff.newPage();
  await admin.goto(base + "/login?lang=en");
  await admin.getByLabel("Username").fill("root");
  await admin.getByLabel("Password").fill("river mango lantern");
  await admin.getByRole("button", { name: "Log in" }).click();
  await admin.waitForURL(base + "/");
  await admin.goto(`${base}/courses/web-dev/unfinished-quiz?lang=en`);
  assert.match(await admin.locator(".staff-problems").innerText(), /03-unfinished-quiz\.md:\d+: error: .*correct option/);
  await admin.goto(`${base}${LESSON}?lang=en`);
  // Warnings are grouped and collapsed (errors open): read whole, hidden or not.
  const problems = await admin.locator(".staff-problems").textContent();
  assert.match(problems, /warning: `<your subject line here>`/);
  assert.match(problems, /the quotes are part of the address/);
  // All of a course's problems, on the page staff open to look after their courses.
  await admin.goto(`${base}/teach?lang=en`);
  assert.match(await admin.locator(".staff-problems").innerText(), /03-unfinished-quiz\.md:\d+: error: /);
  await staff.close();

  // An instructor of other courses sees none of them.
  const other = await env.browser.newContext();
  const instructor = await other.newPage();
  await instructor.goto(base + "/login?lang=en");
  await instructor.getByLabel("Username").fill("farida");
  await instructor.getByLabel("Password").fill("river mango lantern");
  await instructor.getByRole("button", { name: "Log in" }).click();
  await instructor.waitForURL(base + "/");
  for (const path of ["/teach", "/courses/web-dev", "/courses/web-dev/unfinished-quiz", LESSON]) {
    await instructor.goto(`${base}${path}?lang=en`);
    assert.equal(await instructor.locator(".staff-problems").count(), 0, path);
  }
  await other.close();
});

test("a starter file, or its whole folder, is a download, never a page of the site", async () => {
  const html = await (await fetch(`${env.server.baseURL}${LESSON}`)).text();
  const href = html.match(/class="file-link" download="" href="([^"]+)"/)[1].replaceAll("&amp;", "&");
  const response = await fetch(env.server.baseURL + href);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-disposition"), /^attachment; filename="index.html"/);
  assert.match(response.headers.get("content-security-policy"), /sandbox/);
  assert.match(await response.text(), /<h1>Hello<\/h1>/);

  // A link to the starter folder downloads its files as one ZIP.
  const folder = [...html.matchAll(/class="file-link" download="" href="([^"]+)"/g)]
    .map((match) => match[1].replaceAll("&amp;", "&"))
    .find((link) => link.includes("starter.zip"));
  const zip = await fetch(env.server.baseURL + folder);
  assert.equal(zip.status, 200);
  assert.equal(zip.headers.get("content-type"), "application/zip");
  assert.match(zip.headers.get("content-disposition"), /^attachment; filename="starter.zip"/);
  const saved = join(env.courses, "downloaded.zip");
  writeFileSync(saved, Buffer.from(await zip.arrayBuffer()));
  const listing = execFileSync("python3", ["-c", "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(sorted(z.namelist()))", saved]).toString();
  assert.equal(listing.trim(), "['starter/index.html', 'starter/style.css']");
});
