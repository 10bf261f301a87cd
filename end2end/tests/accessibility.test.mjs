// WCAG 2.2 AA: axe-core over every page type in English and Urdu, keyboard
// walks, and reflow at 320 CSS pixels (what 200% zoom leaves on a laptop).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { serverAndBrowser } from "./support.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const PAGES = {
  catalogue: "/",
  course: "/courses/online-safety",
  lesson: "/courses/online-safety/strong-passwords",
  "lesson with an image": "/courses/smartphone-basics/connecting-to-the-internet",
  quiz: "/courses/online-safety/check-your-knowledge",
  "not found": "/courses/online-safety/no-such-lesson",
  "log in": "/login",
  register: "/register",
};

const env = serverAndBrowser();

for (const language of ["en", "ur"]) {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`axe finds no violations on the ${name} page in ${language}`, async () => {
      // The site's CSP forbids inline scripts; only the test's own axe is let in.
      const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${env.server.baseURL}${path}?lang=${language}`);
      await page.addScriptTag({ content: axeSource });
      const results = await page.evaluate((tags) => axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
      const violations = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`,
      );
      assert.deepEqual(violations, [], violations.join("\n"));
      await context.close();
    });
  }
}

for (const [name, path] of Object.entries(PAGES)) {
  test(`the ${name} page reflows at 320 CSS pixels without sideways scrolling`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(env.server.baseURL + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow} px too wide`);
    await context.close();
  });
}

/** Presses Tab until the focused element matches, checking every stop shows its focus. */
async function tabTo(page, predicate, description) {
  for (let stop = 0; stop < 60; stop++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      const style = getComputedStyle(element);
      return {
        tag: element.tagName,
        href: element.getAttribute("href"),
        text: element.textContent.trim(),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      };
    });
    assert.ok(focused.outline, `no visible focus on ${focused.tag} ${focused.href ?? ""} "${focused.text}"`);
    if (predicate(focused)) return;
  }
  assert.fail(`could not reach ${description} with the keyboard`);
}

for (const language of ["en", "ur"]) {
  test(`a keyboard alone reaches a lesson and the next one, in ${language}`, async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.baseURL}/?lang=${language}`);

    await tabTo(page, (f) => f.href === "/courses/online-safety", "the course");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/courses\/online-safety$/);

    await tabTo(page, (f) => f.href === "/courses/online-safety/strong-passwords" && f.tag === "A", "the first lesson");
    await page.keyboard.press("Enter");
    await page.waitForURL(/strong-passwords$/);

    await tabTo(page, (f) => f.href === "/courses/online-safety/password-managers", "the next lesson");
    await page.keyboard.press("Enter");
    await page.waitForURL(/password-managers$/);
    await context.close();
  });
}

test("a quiz can be answered by keyboard", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.baseURL + "/courses/online-safety/check-your-knowledge");
  await tabTo(page, (f) => f.tag === "INPUT", "the first answer");
  await page.keyboard.press("Space");
  const checked = await page.evaluate(() => document.activeElement.checked);
  assert.equal(checked, true);
  await context.close();
});
