// Nothing acknowledged is lost to a crash: a learner's enrolment, lesson
// completions and quiz attempt survive `kill -9` of the server.

import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { postForm, sessionCookie, startServer } from "./support.mjs";

test("acknowledged completions survive kill -9", async () => {
  let server = await startServer();
  const dataDir = server.dataDir;
  try {
    let base = server.baseURL;
    const registered = await postForm(base, "/api/register", "username=zarina&display_name=Zarina&password=seven+blue+camels&language=en");
    assert.equal(registered.status, 303);
    const cookie = sessionCookie(registered);
    assert.equal((await postForm(base, "/api/enrol", "course=smartphone-basics", cookie)).status, 303);
    const lessons = ["getting-to-know-your-phone", "battery-and-storage", "installing-apps-safely"];
    for (const lesson of lessons) {
      const done = await postForm(base, "/api/complete_lesson", `course=smartphone-basics&lesson=${lesson}`, cookie);
      assert.equal(done.status, 303, lesson);
      assert.ok(!done.headers.get("location").includes("__err"), done.headers.get("location"));
    }

    // The moment the last answer arrived, the process dies without any shutdown.
    await server.crash();
    server = await startServer({ dataDir });
    base = server.baseURL;
    const page = await (await fetch(base + "/courses/smartphone-basics?lang=en", { headers: { cookie } })).text();
    assert.match(page, /3 of 10 lessons done/, "every acknowledged completion is still there, and the session too");
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
