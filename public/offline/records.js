// Offline learning, the phone's part. Two roles:
// - in a page (a signed-in person's pages, and the copies saved on the
//   phone): "Save for offline" on a course page, the outbox of lessons
//   completed and quizzes submitted (kept here until the server has them),
//   sending it, and signing out on a shared phone;
// - as the service worker (/sw.js imports it): answering from the saved
//   copies when there is no connection, and sending the outbox by
//   Background Sync where the browser has it.
// Three files, served as one script (app/src/offline/script.rs joins them,
// in this order): records.js, what both roles share (the phone's records
// in IndexedDB, sending the outbox), as `OfflineRecords`; worker.js, the
// service worker; page.js, the page script. Each of the last two does
// nothing in the other's role.
// Quizzes are graded and certificates issued on the server only. Without
// JavaScript every page and form works as before. See docs/learning.md, "Learning offline", and docs/architecture.md, "Learning offline, inside".
"use strict";
const OfflineRecords = (() => {
  // --- What both roles share: the phone's records (IndexedDB) ---------------
  // meta    {key, value}: "current" (who is signed in here), "device" (a random id)
  // outbox  {id, user, event}: what waits to be sent, per person
  // saved   {user, course, title, version, bytes, complete}: courses saved here
  // done    {user, course, completed, certificate}: progress as last known
  // notes   {id, user, text, href}: news for the person (graded quizzes, refusals),
  //         by the event's id: the page and the worker sending at once tell it once
  const BATCH = 50;
  // Events this page sends itself and answers on the spot (no news needed).
  const handledHere = new Set();
  let opened;
  const db = () =>
    (opened ??= new Promise((resolve, reject) => {
      const request = indexedDB.open("learn-offline", 1);
      request.onupgradeneeded = () => {
        const base = request.result;
        base.createObjectStore("meta", { keyPath: "key" });
        base.createObjectStore("outbox", { keyPath: "id" }).createIndex("user", "user");
        base.createObjectStore("saved", { keyPath: ["user", "course"] }).createIndex("user", "user");
        base.createObjectStore("done", { keyPath: ["user", "course"] }).createIndex("user", "user");
        base.createObjectStore("notes", { keyPath: "id" }).createIndex("user", "user");
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }));
  const done = (request) =>
    new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  // One transaction; a write is reported only once it is on disk ("strict").
  async function store(name, write, work) {
    const tx = (await db()).transaction(name, write ? "readwrite" : "readonly", { durability: "strict" });
    const result = await work(tx.objectStore(name));
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    return result;
  }
  const get = (name, key) => store(name, false, (s) => done(s.get(key)));
  const put = (name, value) => store(name, true, (s) => done(s.put(value)));
  const remove = (name, key) => store(name, true, (s) => done(s.delete(key)));
  const mine = (name, user) => store(name, false, (s) => done(s.index("user").getAll(user)));
  // Takes an event out of the outbox; says whether it was still there (the
  // page and the worker may both hear of it: only one tells the news).
  const take = (id) =>
    store("outbox", true, async (s) => {
      const found = await done(s.get(id));
      if (found) await done(s.delete(id));
      return Boolean(found);
    });
  const meta = async (key) => (await get("meta", key))?.value;
  const setMeta = (key, value) => put("meta", { key, value });
  const cacheName = (user, course) => `learn-${user}-${course}`;
  const KEPT_HEADERS = ["content-type", "content-security-policy", "x-content-type-options", "x-frame-options"];
  // Only a path of this site is followed or linked to (never `//host`).
  const local = (path) => typeof path === "string" && /^\/(?![/\\])/.test(path);

  async function device() {
    let id = await meta("device");
    if (!id) await setMeta("device", (id = randomId()));
    return id;
  }
  function randomId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // Progress as the server last said, plus what waits to be sent.
  async function progress(user, course) {
    const known = (await get("done", [user, course])) ?? { user, course, completed: [], certificate: false };
    const waiting = (await mine("outbox", user))
      .map((item) => item.event)
      .filter((event) => event.course === course && event.kind === "complete")
      .map((event) => event.lesson);
    return { confirmed: new Set(known.completed), waiting: new Set(waiting) };
  }

  // Sends `user`'s outbox, a batch at a time. Answers what became of it:
  // {results, signIn, otherAccount, offline}. Events the server answered
  // (recorded, or refused for good) leave the outbox; the rest stay.
  async function sendOutbox(user) {
    const answer = { results: [] };
    const waiting = await mine("outbox", user);
    for (let start = 0; start < waiting.length; start += BATCH) {
      const items = waiting.slice(start, start + BATCH);
      const reply = await post(items);
      if ((reply.status === 400 || reply.status === 413) && items.length > 1) {
        // A batch is refused whole for one bad (or very large) event: find it, alone.
        for (const item of items) Object.assign(answer, await settle(user, [item], await post([item]), answer));
        continue;
      }
      Object.assign(answer, await settle(user, items, reply, answer));
      if (answer.offline || answer.signIn || answer.otherAccount) break;
    }
    return answer;
  }
  async function post(items) {
    try {
      const response = await fetch("/offline/sync", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ device: await device(), events: items.map((item) => item.event) }),
      });
      return { status: response.status, body: await response.json().catch(() => ({})) };
    } catch {
      return { status: 0, body: {} };
    }
  }
  async function settle(user, items, { status, body }, answer) {
    if (status === 401) {
      // Whoever was signed in here is not any more: their saved pages and
      // progress are not shown, nor anything queued for them, until they are.
      if ((await meta("current")) === user) await setMeta("current", null);
      return { signIn: true };
    }
    if (status === 403) return { otherAccount: true };
    if (status === 400 || status === 413) {
      // Never accepted as it is: dropped, and the person told.
      let taken = false;
      for (const item of items) taken = (await take(item.id)) || taken;
      if (taken) await put("notes", { id: items[0].id, user, text: body.message ?? "" });
      return {};
    }
    if (status !== 200) return { offline: true };
    for (const result of body.results ?? []) {
      const item = items.find((candidate) => candidate.id === result.id);
      if (!item) continue;
      answer.results.push(result);
      // A quiz sent from another page, or by the worker: its grade is news.
      if (!(await take(item.id)) || handledHere.has(item.id)) continue;
      if (item.event.kind === "quiz" && result.message) {
        await put("notes", { id: item.id, user, text: result.message, href: result.next });
      } else if (result.status === "refused") {
        await put("notes", { id: item.id, user, text: result.message });
      }
    }
    for (const [course, state] of Object.entries(body.courses ?? {})) {
      await put("done", { user, course, completed: state.completed, certificate: state.certificate });
    }
    return {};
  }

  return {
    get,
    put,
    remove,
    mine,
    meta,
    setMeta,
    cacheName,
    KEPT_HEADERS,
    local,
    randomId,
    progress,
    sendOutbox,
    handledHere,
  };
})();
