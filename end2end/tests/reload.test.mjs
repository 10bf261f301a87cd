// Instructors publish edited courses with `kill -HUP`: a sound version
// replaces the old at once, a broken one is refused and the old keeps serving.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "./support.mjs";

let server;
let courses;
const lesson = () => join(courses, "online-safety/01-accounts/01-strong-passwords.md");
const page = async () => (await fetch(server.baseURL + "/courses/online-safety/strong-passwords")).text();

async function eventually(check, what) {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

before(async () => {
  courses = mkdtempSync(join(tmpdir(), "learn-courses-"));
  cpSync(process.env.COURSES_DIR, courses, { recursive: true });
  server = await startServer({ coursesDir: courses });
});

after(async () => {
  await server?.stop();
  rmSync(courses, { recursive: true, force: true });
});

test("SIGHUP publishes a sound version, and withholds a lesson broken since", async () => {
  const original = readFileSync(lesson(), "utf8");
  writeFileSync(lesson(), original.replace("+++\n\n", "+++\n\nPublished without a restart.\n\n"));
  process.kill(server.pid, "SIGHUP");
  await eventually(async () => (await page()).includes("Published without a restart."), "the new version");

  writeFileSync(lesson(), "this lesson lost its front matter");
  process.kill(server.pid, "SIGHUP");
  // Only the broken lesson is left out (the rest of its course serves), and
  // the log says why; `--refuse-broken-courses` would refuse the version.
  await eventually(async () => (await page()).includes("withheld-note"), "the lesson withheld");
  assert.match(server.log(), /01-strong-passwords\.md:1: error: /);
  const other = await fetch(server.baseURL + "/courses/online-safety/password-managers");
  assert.equal(other.status, 200);
  assert.ok(!(await other.text()).includes("withheld-note"), "the other lessons serve");
});
