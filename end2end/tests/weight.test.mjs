// Every lesson page fits the budget of a learner on a slow, metered
// connection: at most 100 KB on a first visit (everything, compressed as
// served), at most 15 KB on a repeat visit, and never any wasm.
// Chromium asks for brotli only over https, so over plain http this is gzip.

import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, allLessonPaths, measureTransfers } from "./support.mjs";

const FIRST_VISIT_BUDGET = 100_000;
const REPEAT_VISIT_BUDGET = 15_000;

const env = serverAndBrowser();

test("every lesson page, in English, Urdu and Uzbek, stays within the page-weight budget", async () => {
  const lessons = await allLessonPaths(env.server.baseURL);
  assert.ok(lessons.length >= 18, `found only ${lessons.length} lessons`);
  const report = [];
  const pages = [...lessons, ...lessons.map((path) => `${path}?lang=ur`), ...lessons.map((path) => `${path}?lang=uz`)];
  for (const path of pages) {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const first = await measureTransfers(page);
    await page.goto(env.server.baseURL + path, { waitUntil: "load" });
    const firstBytes = first.bytes;

    const repeat = await measureTransfers(page);
    await page.goto(env.server.baseURL + path, { waitUntil: "load" });
    await context.close();

    report.push(`${path}: first ${firstBytes} B, repeat ${repeat.bytes} B`);
    assert.ok(firstBytes <= FIRST_VISIT_BUDGET, `${path}: first visit ${firstBytes} B > ${FIRST_VISIT_BUDGET} B`);
    assert.ok(repeat.bytes <= REPEAT_VISIT_BUDGET, `${path}: repeat visit ${repeat.bytes} B > ${REPEAT_VISIT_BUDGET} B`);
    const wasm = [...first.urls, ...repeat.urls].filter((url) => url.includes(".wasm") || url.includes("/pkg/"));
    assert.deepEqual(wasm, [], `${path} requested browser code`);
  }
  console.log(report.join("\n"));
});
