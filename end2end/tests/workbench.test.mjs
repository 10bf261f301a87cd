// A Carpentries Workbench lesson copied in without changing its text, on a
// 360 px phone in English and Urdu: its callouts are boxes, a challenge's
// solution stays folded until the learner opens it (no script), attribute
// lists are read and never shown, the Urdu translation shows the original's
// picture where its own is missing (its boxes labelled in Urdu), and a
// broken first lesson keeps its place in the outline while "Start the
// course" opens the first one served.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launchBrowser, assertAccessible, artifacts } from "./support.mjs";

const shots = join(artifacts, "workbench");
mkdirSync(shots, { recursive: true });

const env = {};
before(async () => {
  env.courses = mkdtempSync(join(tmpdir(), "learn-workbench-"));
  cpSync(join(import.meta.dirname, "../../app/tests/fixtures/workbench"), join(env.courses, "shell"), { recursive: true });
  // The first episode is broken (a question never closed): withheld.
  writeFileSync(
    join(env.courses, "shell/01-the-shell/00-setup.md"),
    "---\ntitle: \"Setup\"\n---\n\nDownload the files.\n\n::: question ready single\nReady?\n\n- [x] yes {#yes}\n",
  );
  env.server = await startServer({ coursesDir: env.courses });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  rmSync(env.courses, { recursive: true, force: true });
});

for (const language of ["en", "ur"]) {
  test(`on a 360 px phone in ${language}, a Workbench episode reads as its authors meant`, async () => {
    const base = env.server.baseURL;
    // bypassCSP: only so that axe-core may be added to the page.
    const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    const page = await context.newPage();

    // The outline keeps the files' order; the broken setup is not where
    // a learner starts.
    await page.goto(`${base}/courses/shell?lang=${language}`);
    const items = await page.locator(".lessons > li").allInnerTexts();
    assert.match(items[0], /^Setup/, `outline: ${JSON.stringify(items)}`);
    assert.match(items[1], /^Introducing the Shell/);
    assert.match(items[2], language === "ur" ? /^فائلوں اور فولڈروں میں گھومنا/ : /^Navigating Files and Directories/);
    assert.equal(await page.locator(".lessons > li.withheld").count(), 1);
    const start = await page.locator("a.button").first().getAttribute("href");
    assert.equal(start, "/courses/shell/introduction");

    await page.goto(`${base}${start}?lang=${language}`);
    const challenge = page.locator(".box-challenge");
    await challenge.waitFor();
    // Labels are in the lesson's language (this episode has no Urdu yet).
    assert.match(await challenge.locator(".box-label").innerText(), /Try it/);
    assert.match(await page.locator(".box-questions").innerText(), /What is a command shell/);
    assert.match(await page.locator(".box-keypoints").innerText(), /read commands and run other programs/);
    const answer = page.getByText("size, owner and date of each file");
    assert.equal(await answer.isVisible(), false, "the solution is folded");
    await page.locator(".box-folded > summary").click();
    assert.equal(await answer.isVisible(), true, "opened by the learner, with no script");
    const text = await page.locator("main").innerText();
    assert.doesNotMatch(text, /:::/, "no fence shown as text");
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, "nothing wider than the phone");
    await assertAccessible(page, `workbench episode (${language})`);
    await page.screenshot({ path: join(shots, `episode-${language}.png`), fullPage: true });

    // The next episode: in Urdu, its translation, with the original's
    // picture where the translated one is missing.
    await page.goto(`${base}/courses/shell/navigation?lang=${language}`);
    const picture = page.locator(".lesson-body img");
    await picture.waitFor();
    assert.match(await picture.getAttribute("src"), /filesystem\.svg/);
    assert.ok(await picture.evaluate((img) => img.complete && img.naturalWidth > 0), "the picture arrived");
    const alt = await picture.getAttribute("alt");
    assert.match(alt, language === "ur" ? /فولڈروں کا درخت/ : /A tree of folders/);
    const body = await page.locator(".lesson-body").innerText();
    assert.doesNotMatch(body, /\{alt=|\{#/, "attribute lists are never shown");
    assert.equal(await page.locator("#working-directory").count(), 1, "a span's id is an anchor");
    const keypoints = await page.locator(".box-keypoints .box-label").innerText();
    assert.match(keypoints, language === "ur" ? /اہم نکات/ : /Key points/);
    await page.screenshot({ path: join(shots, `navigation-${language}.png`), fullPage: true });
    await context.close();
  });
}
