// Offline learning: the page script (a signed-in person's pages, and the
// copies saved on the phone; part of the offline script, see records.js):
// "Save for offline" on a course page, the outbox of lessons completed and
// quizzes submitted, sending it, and signing out on a shared phone. In the
// service worker it does nothing.
"use strict";
(() => {
  if (typeof window === "undefined") return;
  const {
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
  } = OfflineRecords;

  // --- The page ----------------------------------------------------------------
  const script = document.currentScript;
  const text = JSON.parse(document.getElementById("offline-text")?.textContent || "{}");
  const say = (name, values = {}) =>
    (text[name] ?? "").replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
  const language = document.documentElement.lang || "en";
  const tenths = new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const megabytes = (bytes) => say("megabytes", { amount: tenths.format(Math.max(bytes / 1048576, 0.1)) });
  const supported = "serviceWorker" in navigator && "caches" in window && "indexedDB" in window && crypto.subtle;
  let user = script?.dataset.user || null;

  // A status line at the top of the page: what waits, what happened.
  const status = document.createElement("div");
  status.className = "offline-status";
  status.setAttribute("role", "status");
  status.hidden = true;
  const note = (message, link) => {
    const line = document.createElement("p");
    line.textContent = message;
    if (link) {
      const anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.textContent = link.text;
      line.append(" ", anchor);
    }
    status.append(line);
    status.hidden = false;
    return line;
  };

  async function showWaiting() {
    const count = user ? (await mine("outbox", user)).length : 0;
    // Read first, then change the page at once: two calls never add two lines.
    status.querySelectorAll(".waiting").forEach((line) => line.remove());
    status.hidden = status.childElementCount === 0;
    if (count === 0) return;
    const line = note(say("pending", { count: new Intl.NumberFormat(language).format(count) }));
    line.className = "waiting";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    button.textContent = say("sendNow");
    button.addEventListener("click", () => send(true));
    line.append(" ", button);
  }
  // One at a time, so that news is told once however many ask.
  let telling = Promise.resolve();
  const showNotes = () => (telling = telling.then(tellNews, tellNews));
  async function tellNews() {
    if (!user) return;
    for (const item of await mine("notes", user)) {
      await remove("notes", item.id);
      if (item.text) note(item.text, local(item.href) && { href: item.href, text: say("see") });
    }
  }

  // One send at a time; a send asked for during another starts after it.
  let sending;
  async function send(asked) {
    if (!user) return {};
    while (sending) await sending.catch(() => undefined);
    sending = sendOutbox(user);
    const answer = await sending.finally(() => (sending = undefined));
    if (answer.signIn) note(say("signIn"), { href: "/login?next=" + encodeURIComponent(location.pathname), text: "→" });
    else if (asked && !answer.offline && !answer.otherAccount) note(say("sent"));
    await showNotes();
    await showWaiting();
    await markProgress();
    return answer;
  }

  // Asks the browser to send the outbox when the connection returns,
  // even with the page closed (where it has Background Sync).
  async function registerWorker() {
    if (!supported) return undefined;
    await navigator.serviceWorker.register("/sw.js");
    return navigator.serviceWorker.ready;
  }
  async function sendLater() {
    const registration = await registerWorker().catch(() => undefined);
    await registration?.sync?.register("outbox").catch(() => undefined);
  }

  // Ticks on lessons done, on saved copies and while sends wait.
  async function markProgress() {
    const article = document.querySelector("article.lesson, article.course");
    const course = article?.dataset.course ?? document.getElementById("offline")?.dataset.course;
    if (!user || !course) return;
    const { confirmed, waiting } = await progress(user, course);
    for (const item of document.querySelectorAll("li[data-lesson]")) {
      const id = item.dataset.lesson;
      if ((!confirmed.has(id) && !waiting.has(id)) || item.classList.contains("done")) continue;
      item.classList.add("done");
      const tick = document.createElement("span");
      tick.className = "tick";
      tick.textContent = ` ✓\u00a0${confirmed.has(id) ? say("doneServer") : say("done")}`;
      item.querySelector(".meta")?.append(tick);
    }
    const lesson = article?.dataset.lesson;
    const completion = document.querySelector("section.completion");
    if (lesson && completion?.querySelector("form") && (confirmed.has(lesson) || waiting.has(lesson))) {
      const done = document.createElement("p");
      done.className = "note completed";
      done.textContent = "✓\u00a0" + (confirmed.has(lesson) ? say("completed") : say("done"));
      completion.replaceChildren(done);
    }
  }

  // Completing a lesson and submitting a quiz go through the outbox:
  // kept on the phone first, then sent; online the learner goes on at
  // once, offline they are told it waits.
  async function record(form) {
    const article = form.closest("article.lesson");
    const quiz = form.getAttribute("action") === "/api/submit_quiz";
    const course = article.dataset.course;
    const savedVersion = (await get("saved", [user, course]))?.version;
    const event = {
      // The form's own key where it has one: the same submission, with or
      // without this script, is one attempt.
      id: form.querySelector("input[name=attempt_key]")?.value || randomId(),
      user: Number(user),
      course,
      version: form.dataset.version || article.dataset.version || savedVersion || "unknown",
      kind: quiz ? "quiz" : "complete",
      lesson: article.dataset.lesson,
    };
    if (quiz) {
      event.answers = {};
      for (const input of form.querySelectorAll("input:checked")) {
        const single = input.name.match(/^single\[(.+)\]$/);
        const multiple = input.name.match(/^multiple\[(.+):(.+)\]$/);
        const [question, option] = single ? [single[1], input.value] : multiple ? [multiple[1], multiple[2]] : [];
        if (question) (event.answers[question] ??= []).push(option);
      }
    }
    handledHere.add(event.id);
    await put("outbox", { id: event.id, user, event });
    const answer = await send(false);
    const result = answer.results?.find((candidate) => candidate.id === event.id);
    if (result?.status === "accepted" && local(result.next)) return location.assign(result.next);
    if (result) return note(result.message).setAttribute("role", "alert");
    // Sent later (this page, another, or the worker): then its outcome is news.
    handledHere.delete(event.id);
    if (answer.signIn) return;
    await sendLater();
    if (quiz) {
      const waiting = document.createElement("p");
      waiting.className = "note";
      waiting.textContent = say("quizQueued");
      form.replaceWith(waiting);
    } else {
      sessionStorage.setItem("offline-note", say("queued"));
      location.assign(document.querySelector("a[rel=next]")?.href ?? `/courses/${course}`);
    }
  }

  document.addEventListener("submit", (submit) => {
    const form = submit.target;
    const action = form.getAttribute("action");
    if (!user) return;
    if (action === "/api/complete_lesson" || action === "/api/submit_quiz") {
      const unanswered = [...form.querySelectorAll("fieldset")].some((set) => !set.querySelector("input:checked"));
      if (unanswered && navigator.onLine) return; // the server says what is missing
      submit.preventDefault();
      if (unanswered) return note(say("answerAll")).setAttribute("role", "alert");
      // A second tap while the first is on its way changes nothing (decided
      // before anything is awaited).
      if (form.dataset.sending) return;
      form.dataset.sending = "yes";
      const button = submit.submitter ?? form.querySelector("button");
      button.disabled = true;
      record(form).finally(() => {
        delete form.dataset.sending;
        button.disabled = false;
      });
    } else if (action === "/api/logout") {
      submit.preventDefault();
      logout(form);
    }
  });

  // Signing out on a shared phone: what waits is sent first; what cannot
  // be sent is lost, after a warning. The next person sees nothing of it.
  async function logout(form) {
    let waiting = (await mine("outbox", user)).length;
    if (waiting > 0) {
      await send(false);
      waiting = (await mine("outbox", user)).length;
      if (waiting > 0 && !confirm(say("logoutWarning", { count: waiting }))) return;
    }
    for (const item of await mine("outbox", user)) await remove("outbox", item.id);
    for (const item of await mine("notes", user)) await remove("notes", item.id);
    for (const known of await mine("done", user)) await remove("done", [user, known.course]);
    await setMeta("current", null);
    form.submit();
  }

  // "Save for offline" on a course page.
  async function offlineSection(section) {
    const course = section.dataset.course;
    const state = section.querySelector(".offline-state");
    const bar = section.querySelector("progress");
    const save = section.querySelector("[data-offline=save]");
    const removeButton = section.querySelector("[data-offline=remove]");
    const saveLabel = save.textContent;
    let manifest;
    let cancel;
    let retried = false;
    const say_ = (message) => (state.textContent = message);

    async function needed(wanted) {
      const cache = await caches.open(cacheName(user, course));
      let bytes = 0;
      for (const file of wanted.files) {
        const kept = await cache.match(file.url);
        if (kept?.headers.get("x-sha256") !== file.sha256) bytes += file.bytes;
      }
      return bytes;
    }
    async function readManifest() {
      const response = await fetch(section.dataset.manifest, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }
    async function show() {
      const saved = await get("saved", [user, course]);
      cancel?.remove();
      cancel = undefined;
      bar.hidden = true;
      removeButton.hidden = !saved;
      save.hidden = false;
      save.textContent = saveLabel;
      if (!saved) return say_("");
      if (!saved.complete) {
        say_(say("paused"));
        if (navigator.onLine) ask(true);
        return;
      }
      say_(say("saved", { size: megabytes(saved.bytes) }));
      save.hidden = true;
      if (navigator.onLine) lookForUpdate(saved);
    }

    // Online, a saved course asks whether it changed (its manifest: a few KB).
    async function lookForUpdate(saved) {
      try {
        manifest = await readManifest();
        // Progress made elsewhere (another phone) shows on the saved pages too.
        await put("done", { user, course, completed: manifest.state.completed, certificate: manifest.state.certificate });
        markProgress();
        const bytes = await needed(manifest);
        if (manifest.version !== saved.version || bytes > 0) {
          say_(say("update", { size: megabytes(bytes) }));
          save.hidden = false;
          save.textContent = say("updateButton");
        }
      } catch {
        // No answer: the saved copy stays as it is.
      }
    }

    // Says how much, and how much room there is, before fetching anything.
    async function ask(resume) {
      try {
        manifest = await readManifest();
      } catch {
        return say_(say("failed"));
      }
      const bytes = await needed(manifest);
      const estimate = (await navigator.storage?.estimate?.()) ?? {};
      const free = (estimate.quota ?? Infinity) - (estimate.usage ?? 0);
      let message = say("size", { size: megabytes(manifest.bytes) });
      if (Number.isFinite(free)) message += " " + say("space", { free: megabytes(free) });
      if (bytes > free) return say_(message + " " + say("noSpace"));
      if (resume) return download();
      say_(message);
      save.textContent = say("download", { size: megabytes(bytes) });
      save.dataset.step = "download";
      cancel = document.createElement("button");
      cancel.type = "button";
      cancel.className = "link";
      cancel.textContent = say("cancel");
      cancel.addEventListener("click", () => {
        delete save.dataset.step;
        show();
      });
      save.after(" ", cancel);
    }

    // Fetches what is missing or changed, checks each file against its
    // hash, keeps it; resumes where it stopped; forgets what the new
    // version no longer has.
    async function download() {
      delete save.dataset.step;
      save.disabled = true;
      cancel?.remove();
      await navigator.storage?.persist?.();
      await registerWorker();
      const cache = await caches.open(cacheName(user, course));
      const record = { user, course, title: manifest.title, version: manifest.version, bytes: manifest.bytes };
      const previous = await get("saved", [user, course]);
      await put("saved", { ...record, version: previous?.version ?? manifest.version, complete: false });
      await put("done", { user, course, completed: manifest.state.completed, certificate: manifest.state.certificate });
      bar.hidden = false;
      let fetched = 0;
      try {
        // Said first: a quiz taken on this version is graded on it, even
        // if the course changes before the phone is back online.
        const where = `/offline/${encodeURIComponent(course)}/saved?v=${encodeURIComponent(manifest.version)}`;
        const said = await fetch(where, { method: "POST", credentials: "same-origin" });
        if (!said.ok) throw new Error(String(said.status));
        for (const file of manifest.files) {
          const kept = await cache.match(file.url);
          if (kept?.headers.get("x-sha256") !== file.sha256) {
            const response = await fetch(file.from ?? file.url, { credentials: "same-origin", cache: "no-store" });
            if (!response.ok) throw new Error(String(response.status));
            const body = await response.arrayBuffer();
            const digest = await crypto.subtle.digest("SHA-256", body);
            const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
            if (body.byteLength !== file.bytes || hex !== file.sha256) throw new Error("changed");
            // Kept with the headers that protect it when shown from here.
            const headers = { "x-sha256": hex };
            for (const name of KEPT_HEADERS) {
              const value = response.headers.get(name);
              if (value) headers[name] = value;
            }
            await cache.put(file.url, new Response(body, { headers }));
          }
          fetched += file.bytes;
          bar.value = Math.round((fetched * 100) / manifest.bytes);
          say_(say("progress", { done: megabytes(fetched), total: megabytes(manifest.bytes) }));
        }
        const wanted = new Set(manifest.files.map((file) => new URL(file.url, location.href).href));
        for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
        await put("saved", { ...record, complete: true });
      } catch (error) {
        save.disabled = false;
        // The course changed meanwhile: once more, with its new manifest.
        if (navigator.onLine && !retried && ["409", "changed"].includes(error.message)) {
          retried = true;
          return ask(true);
        }
        say_(navigator.onLine ? say("failed") : say("paused"));
        return;
      }
      save.disabled = false;
      await show();
      await markProgress();
    }

    save.addEventListener("click", () => (save.dataset.step === "download" ? download() : ask(false)));
    removeButton.addEventListener("click", async () => {
      await caches.delete(cacheName(user, course));
      await remove("saved", [user, course]);
      await show();
      say_(say("removed"));
    });
    window.addEventListener("online", () => show());
    // Shown once it says where this person stands.
    await show();
    section.hidden = false;
  }

  // The offline page: the courses saved here, to go on with.
  async function savedList(section) {
    const list = section.querySelector("ul");
    for (const saved of await mine("saved", user)) {
      if (!saved.complete) continue;
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `/courses/${saved.course}`;
      link.textContent = saved.title;
      item.append(link);
      list.append(item);
      section.hidden = false;
    }
  }

  async function start() {
    // A saved copy is nobody's: it is the person signed in here, asked of
    // the server when it can be, else the one last signed in.
    if (!user && navigator.onLine) {
      const asked = await fetch("/offline/whoami", { credentials: "same-origin", cache: "no-store" })
        .then((response) => (response.ok ? response.json() : undefined))
        .catch(() => undefined);
      if (asked) user = asked.learner === null ? null : String(asked.learner);
      if (asked && (await meta("current")) !== user) await setMeta("current", user);
    }
    if (user) {
      if ((await meta("current")) !== user) await setMeta("current", user);
    } else {
      user = await meta("current");
    }
    if (!user) return;
    document.querySelector("main")?.prepend(status);
    const carried = sessionStorage.getItem("offline-note");
    if (carried) {
      sessionStorage.removeItem("offline-note");
      note(carried);
    }
    await showNotes();
    await markProgress();
    const section = document.getElementById("offline");
    if (section && supported) offlineSection(section);
    const list = document.querySelector(".saved-courses");
    if (list) savedList(list);
    if ((await mine("outbox", user)).length > 0) await send(false);
    else await showWaiting();
    window.addEventListener("online", () => send(false));
    document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && send(false));
    navigator.serviceWorker?.addEventListener("message", () => {
      showNotes();
      showWaiting();
      markProgress();
    });
  }
  start().catch(() => {
    // Private browsing without IndexedDB, say: pages work as without script.
  });
})();
