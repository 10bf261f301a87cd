// Every lesson page fits the budget of a learner on a slow, metered
// connection: at most 100 KB on a first visit (everything, compressed as
// served), at most 15 KB on a repeat visit, and never any wasm. Signed in,
// the pages also load the offline script: it and the service worker stay
// within 15 KB together.
// Chromium asks for brotli only over https, so over plain http this is gzip.

import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, allLessonPaths, measureTransfers, postForm, sessionCookie } from "./support.mjs";

const FIRST_VISIT_BUDGET = 100_000;
const REPEAT_VISIT_BUDGET = 15_000;
// The offline script and its service worker together, compressed as sent.
const OFFLINE_SCRIPT_BUDGET = 15_000;

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

test("signed-in lesson pages carry the offline script within budget; script and service worker within 15 KB", async () => {
  const base = env.server.baseURL;
  const registered = await postForm(base, "/api/register", "username=weigher&display_name=Weigher&password=seven+blue+camels&language=en");
  const session = sessionCookie(registered).split("=");
  const lessons = (await allLessonPaths(base)).slice(0, 6);
  let script = 0;
  for (const path of [...lessons, ...lessons.map((lesson) => `${lesson}?lang=ur`)]) {
    const context = await env.browser.newContext();
    await context.addCookies([{ name: session[0], value: session[1], url: base }]);
    const page = await context.newPage();
    const first = await transfersByUrl(page);
    await page.goto(base + path, { waitUntil: "load" });
    const firstBytes = [...first.values()].reduce((sum, value) => sum + value, 0);
    const scriptBytes = [...first].find(([url]) => url.includes("/assets/offline."))?.[1];
    assert.ok(scriptBytes > 0, `${path}: a signed-in page loads the offline script`);
    script = Math.max(script, scriptBytes);
    const repeat = await transfersByUrl(page);
    await page.goto(base + path, { waitUntil: "load" });
    const repeatBytes = [...repeat.values()].reduce((sum, value) => sum + value, 0);
    await context.close();
    assert.ok(firstBytes <= FIRST_VISIT_BUDGET, `${path}: first visit ${firstBytes} B > ${FIRST_VISIT_BUDGET} B`);
    assert.ok(repeatBytes <= REPEAT_VISIT_BUDGET, `${path}: repeat visit ${repeatBytes} B > ${REPEAT_VISIT_BUDGET} B`);
  }
  // The service worker's own script, as the browser fetches it.
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const worker = await transfersByUrl(page);
  await page.goto(base + "/sw.js", { waitUntil: "load" });
  const workerBytes = worker.get(base + "/sw.js");
  await context.close();
  console.log(`offline script ${script} B, service worker ${workerBytes} B (compressed, as transferred)`);
  assert.ok(script + workerBytes <= OFFLINE_SCRIPT_BUDGET, `offline script and worker: ${script + workerBytes} B`);
});
