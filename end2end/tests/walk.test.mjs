// A learner walks from the catalogue to a course and through its lessons,
// with JavaScript and without.

import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serverAndBrowser, artifacts } from "./support.mjs";

const env = serverAndBrowser();

for (const javaScriptEnabled of [true, false]) {
  const label = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a learner reads from the catalogue to the second lesson ${label}`, async () => {
    const context = await env.browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const response = await page.goto(env.server.baseURL + "/");
    assert.equal(response.status(), 200);
    assert.equal(await page.locator("h1").textContent(), "Courses");

    await page.getByRole("link", { name: "Online safety and cyber hygiene" }).click();
    await page.waitForURL(/\/courses\/online-safety$/);
    assert.equal(await page.locator("h1").textContent(), "Online safety and cyber hygiene");

    await page.getByRole("link", { name: "Start the course" }).click();
    await page.waitForURL(/\/courses\/online-safety\/strong-passwords$/);
    const firstTitle = await page.locator("h1").textContent();
    assert.ok(firstTitle.length > 0);
    assert.ok(await page.locator(".lesson-body p").count() > 2, "the lesson has text");

    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/courses\/online-safety\/password-managers$/);
    assert.notEqual(await page.locator("h1").textContent(), firstTitle);
    assert.equal(await page.locator('a[rel="prev"]').getAttribute("href"), "/courses/online-safety/strong-passwords");

    if (!javaScriptEnabled) {
      await page.screenshot({ path: join(artifacts, "lesson-360x740-en.png"), fullPage: false });
    }
    await context.close();
  });
}

test("the table of contents jumps to its section", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.baseURL + "/courses/online-safety/strong-passwords");
  const entry = page.locator(".contents a").first();
  const anchor = await entry.getAttribute("href");
  await entry.click();
  assert.ok(page.url().endsWith(anchor));
  assert.equal(await page.locator(anchor).count(), 1, `a heading with id ${anchor}`);
  await context.close();
});

test("an unknown lesson shows the 404 page with status 404", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(env.server.baseURL + "/courses/online-safety/no-such-lesson");
  assert.equal(response.status(), 404);
  assert.equal(await page.locator("h1").textContent(), "Page not found");
  await page.getByRole("link", { name: "See all courses" }).click();
  await page.waitForURL(env.server.baseURL + "/");
  await context.close();
});

test("the skip link is the first stop of the keyboard and leads to the content", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.baseURL + "/courses/online-safety/strong-passwords");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
  await page.keyboard.press("Enter");
  // Following an anchor may take a moment on a busy machine.
  await page.waitForURL(/#main$/, { timeout: 5_000 });
  await context.close();
});
