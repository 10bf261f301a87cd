// Languages and right-to-left: the switcher works without JavaScript, the
// choice is remembered, browsers' preferences are honoured, and lessons
// fall back to the course's language with a note.

import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serverAndBrowser, artifacts } from "./support.mjs";

const env = serverAndBrowser();

const htmlAttributes = (page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

test("switching to Urdu mirrors the page and is remembered, without JavaScript", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(env.server.baseURL + "/");
  assert.deepEqual(await htmlAttributes(page), { lang: "en", dir: "ltr" });

  await page.getByRole("link", { name: "اردو" }).click();
  assert.deepEqual(await htmlAttributes(page), { lang: "ur", dir: "rtl" });
  assert.equal(await page.locator("h1").textContent(), "کورسز");
  assert.equal(await page.getByRole("navigation", { name: "سائٹ" }).getByRole("link").first().textContent(), "کورسز");
  await page.screenshot({ path: join(artifacts, "catalogue-360x740-ur.png") });

  // Remembered: the next page, without ?lang=, is still in Urdu.
  await page.goto(env.server.baseURL + "/courses/online-safety");
  assert.deepEqual(await htmlAttributes(page), { lang: "ur", dir: "rtl" });
  assert.equal(await page.locator("h1").getAttribute("lang"), "ur", "the course title is translated");

  await page.goto(env.server.baseURL + "/courses/online-safety/strong-passwords");
  assert.equal(await page.locator(".lesson-body").getAttribute("lang"), "ur");
  assert.equal(await page.locator(".note").count(), 0, "a translated lesson needs no note");
  const nextArrowLeft = await page.locator('a[rel="next"]').evaluate((a) => a.getBoundingClientRect().left);
  const previousExists = await page.locator('a[rel="prev"]').count();
  assert.equal(previousExists, 0);
  assert.ok(nextArrowLeft < 100, "in right-to-left, 'next' sits on the left");
  await page.screenshot({ path: join(artifacts, "lesson-360x740-ur.png") });
  await page.screenshot({ path: join(artifacts, "lesson-360x740-ur-full.png"), fullPage: true });

  await page.getByRole("link", { name: "English" }).click();
  assert.deepEqual(await htmlAttributes(page), { lang: "en", dir: "ltr" });
  await context.close();
});

test("a lesson without a translation is shown in the course's language with a note", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.baseURL + "/courses/smartphone-basics/saving-data?lang=ur");
  assert.equal(await htmlAttributes(page).then((a) => a.dir), "rtl");
  assert.equal(await page.locator(".lesson-body").getAttribute("lang"), "en");
  assert.equal(await page.locator(".lesson-body").getAttribute("dir"), "ltr");
  const note = await page.locator(".note").textContent();
  assert.match(note, /اردو/);
  assert.match(note, /انگریزی/, "the language shown is named in Urdu too");
  // Each language names both in its own words and grammar.
  for (const [lang, words] of [["uz", /oʻzbek tilida.*ingliz tilida/], ["ru", /на русском.*на английском/]]) {
    await page.goto(env.server.baseURL + `/courses/online-safety/strong-passwords?lang=${lang}`);
    assert.match(await page.locator(".note").textContent(), words, lang);
  }
  await context.close();
});

test("a browser that prefers Russian gets Russian, and a Russian lesson", async () => {
  const context = await env.browser.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  await page.goto(env.server.baseURL + "/courses/smartphone-basics/saving-data");
  assert.deepEqual(await htmlAttributes(page), { lang: "ru", dir: "ltr" });
  assert.equal(await page.locator(".lesson-body").getAttribute("lang"), "ru");
  assert.equal(await page.locator(".skip-link").textContent(), "Перейти к содержанию");
  await context.close();
});

test("every interface language has real lessons: Uzbek and Urdu readers get them", async () => {
  const context = await env.browser.newContext({ locale: "uz-UZ" });
  const page = await context.newPage();
  await page.goto(env.server.baseURL + "/courses/smartphone-basics/saving-data");
  assert.deepEqual(await htmlAttributes(page), { lang: "uz", dir: "ltr" });
  assert.equal(await page.locator(".lesson-body").getAttribute("lang"), "uz");
  assert.equal(await page.locator(".note").count(), 0, "no note: the lesson is in Uzbek");
  await page.goto(env.server.baseURL + "/courses/freelancing-first-steps/what-is-freelancing?lang=ur");
  assert.equal(await page.locator(".lesson-body").getAttribute("lang"), "ur");
  assert.equal(await page.locator(".lesson-body").getAttribute("dir"), "rtl");
  await context.close();
});

test("unknown languages in the address, cookie or browser fall back to English", async () => {
  const context = await env.browser.newContext({ locale: "de-DE" });
  await context.addCookies([{ name: "lang", value: "xx", url: env.server.baseURL }]);
  const page = await context.newPage();
  const response = await page.goto(env.server.baseURL + "/?lang=klingon");
  assert.equal(response.status(), 200);
  assert.deepEqual(await htmlAttributes(page), { lang: "en", dir: "ltr" });
  await context.close();
});
