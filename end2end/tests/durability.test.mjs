// Nothing acknowledged is lost to a crash: a learner's enrolment, lesson
// completions and quiz attempt survive `kill -9` of the server, and so does
// a phone's outbox sent as the server dies (it is counted once when sent again).

import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { asAnswers, freePort, postForm, quizAnswers, sessionCookie, startServer } from "./support.mjs";

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

test("a phone's sync cut short by kill -9 is recorded exactly once when the phone sends it again", async () => {
  const address = `127.0.0.1:${await freePort()}`;
  let server = await startServer({ address });
  const dataDir = server.dataDir;
  try {
    const base = server.baseURL;
    const registered = await postForm(base, "/api/register", "username=feruza&display_name=Feruza&password=seven+blue+camels&language=en");
    const cookie = sessionCookie(registered);
    assert.equal((await postForm(base, "/api/enrol", "course=online-safety", cookie)).status, 303);
    const user = Number((await fetch(base + "/my", { headers: { cookie } })).headers.get("x-learner"));
    const manifest = await (await fetch(base + "/offline/online-safety/en/manifest.json", { headers: { cookie } })).json();
    const lessons = manifest.files.map((file) => file.url.match(/^\/courses\/online-safety\/(.+)$/)?.[1]).filter(Boolean);
    const quiz = "check-your-knowledge";
    const wrong = asAnswers(quizAnswers("online-safety/02-scams-and-privacy/05-check-your-knowledge.md", "wrong"));
    const events = [
      ...lessons.filter((lesson) => lesson !== quiz).map((lesson, n) => ({ id: `lesson${String(n).padStart(12, "0")}`, user, course: "online-safety", version: manifest.version, kind: "complete", lesson })),
      ...Array.from({ length: 90 }, (_, n) => ({ id: `attempt${String(n).padStart(12, "0")}`, user, course: "online-safety", version: manifest.version, kind: "quiz", lesson: quiz, answers: wrong })),
    ];
    const send = () =>
      fetch(base + "/offline/sync", {
        method: "POST",
        headers: { origin: base, cookie, "content-type": "application/json" },
        body: JSON.stringify({ device: "durability", events }),
      }).then((response) => response.json());

    // The process dies while the batch is being recorded.
    const first = send().catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await server.crash();
    const answered = await first;
    server = await startServer({ address, dataDir });
    const stored = async () => (await (await fetch(base + "/account/data", { headers: { cookie } })).json()).learning;
    const before = await stored();
    if (answered) {
      // Acknowledged before the kill: every event of it is there.
      assert.equal(before.quiz_attempts.length, 90, "an acknowledged batch is kept whole");
    }
    console.log(`cut short after ${before.lessons_completed.length} completions and ${before.quiz_attempts.length} attempts`);

    // The phone sends its whole outbox again: each event counted once.
    const again = await send();
    assert.equal(again.results.length, events.length);
    assert.ok(again.results.every((result) => result.status === "accepted"), JSON.stringify(again.results.slice(0, 3)));
    const after = await stored();
    assert.equal(after.lessons_completed.length, lessons.length - 1);
    assert.equal(after.quiz_attempts.length, 90);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
