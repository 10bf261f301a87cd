// The studio's editor, helped (its form works as well without): the text
// not saved yet is kept in this browser, so that a closed tab or a lost
// connection loses none of it, and the preview follows the text. Only the
// editor page loads it (pages/studio/editor.rs); its messages are data-*.
"use strict";
(() => {
  const form = document.getElementById("editor");
  const textarea = document.getElementById("editor-text");
  if (!form || !textarea) return;
  const said = form.dataset;
  const field = (name) => (form.querySelector(`input[name="${name}"]`) || {}).value || "";
  // The page's text's revision ("" for a new file).
  const revision = field("revision");

  // --- The text kept in this browser ---
  // localStorage "studio:{course}:{path}" = {text, revision, savedAt}, with
  // the revision it was written on. Private browsing may refuse it.
  const key = `studio:${field("course")}:${field("path")}`;
  function stored(work) {
    try {
      return work(localStorage);
    } catch (error) {
      return null;
    }
  }
  const keep = (text) => stored((s) => s.setItem(key, JSON.stringify({ text, revision, savedAt: Date.now() })));

  // A polite line.
  function line(className, message) {
    const added = document.createElement("p");
    added.className = className;
    added.setAttribute("role", "status");
    added.textContent = message || "";
    return added;
  }

  // --- The preview, as the text is written ---
  // Preview, posted from here: the server keeps the text and, as the call
  // does not accept text/html, answers 200 (no redirect) with `Location:
  // /studio/…/edit?path=…&unsaved={hash}#preview` (and `serverfnredirect`).
  // The frame (lessons only) then shows it.
  let frame = document.querySelector("iframe.phone-preview");
  // A quiet line under the buttons when the preview cannot follow.
  const status = line("hint");
  status.hidden = true;
  if (frame) (form.querySelector(".editor-actions") || textarea).after(status);
  let shown = textarea.value; // the text the frame shows
  let timer;
  let sending = false;
  let again = false;

  function later() {
    clearTimeout(timer);
    if (frame) timer = setTimeout(preview, 1200);
  }

  // One at a time; text typed meanwhile goes once it is answered.
  async function preview() {
    if (sending) return (again = true);
    const text = textarea.value;
    if (text === shown) return;
    sending = true;
    try {
      if (!navigator.onLine) throw new Error("offline");
      show(await keptAside(text));
      shown = text;
      status.hidden = true;
    } catch (error) {
      // Offline or refused: the text stays, here and in this browser.
      status.textContent = said.offlineNote || "";
      status.hidden = false;
    }
    sending = false;
    if (again) {
      again = false;
      preview();
    }
  }

  // Posts as Preview does (the browser adds Origin, Sec-Fetch-Site);
  // answers the text's hash.
  async function keptAside(text) {
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string") body.append(name, value);
    body.set("text", text);
    body.set("intent", "preview");
    const response = await fetch(form.getAttribute("action"), {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json" },
      body,
    });
    const address = response.ok && response.headers.get("location");
    const hash = address && new URL(address, location.href).searchParams.get("unsaved");
    if (!/^[0-9a-f]{64}$/.test(hash || "")) throw new Error(String(response.status));
    return hash;
  }

  // The frame (and the link opening it alone) at `unsaved={hash}`.
  function show(hash) {
    const before = frame.getAttribute("src") || "";
    const [rest, fragment = ""] = before.split(/(?=#)/);
    const [path, query = ""] = rest.split("?");
    const parts = query.split("&").filter((part) => part && !part.startsWith("unsaved="));
    const address = `${path}?${parts.concat("unsaved=" + hash).join("&")}${fragment}`;
    // A new frame, not a new address: Back does not step through previews.
    const next = frame.cloneNode(false);
    next.setAttribute("src", address);
    frame.replaceWith(next);
    frame = next;
    for (const link of frame.parentElement.querySelectorAll(`a[href="${CSS.escape(before)}"]`)) link.href = address;
  }

  // --- On opening the page ---
  // A note above the editor's grid (not in it).
  function note(message) {
    const added = line("note", message);
    (form.closest(".studio-editor") || form).before(added);
    return added;
  }

  const kept = stored((s) => JSON.parse(s.getItem(key)));
  const text = kept && typeof kept.text === "string" ? kept.text : null;
  if (said.saved === "true" && (text === null || kept.revision !== revision || text === textarea.value)) {
    // Just saved: it is on the server (not text typed since: below).
    stored((s) => s.removeItem(key));
  } else if (text !== null && text !== textarea.value) {
    if (kept.revision === revision) {
      textarea.value = text;
      note(said.restoredNote);
      later();
    } else {
      // Saved since: the saved text stays; the kept one is offered.
      const older = note(said.restoredOlderNote);
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = said.putBackLabel || "";
      button.addEventListener("click", () => {
        textarea.value = text;
        keep(text);
        older.remove();
        later();
      });
      older.append(" ", button);
    }
  }

  textarea.addEventListener("input", () => {
    keep(textarea.value);
    later();
  });
  // Save and Preview post the form: no call of ours races them.
  form.addEventListener("submit", () => clearTimeout(timer));
  window.addEventListener("online", () => frame && textarea.value !== shown && preview());
})();
