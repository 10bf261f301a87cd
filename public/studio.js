// The studio, helped (its forms work as well without). In the editor, the
// text not saved yet is kept in this browser, so that a closed tab or a
// lost connection loses none of it; the preview follows the text; a
// question is added where the cursor is. On a course's page, a file
// dropped on the upload form is uploaded. The studio's pages load it
// (pages/studio/editor.rs, course.rs); their messages are data-*.
"use strict";

// --- Upload by dropping a file on the form ---
(() => {
  const zone = document.querySelector("form.drop-zone");
  const input = zone && zone.querySelector('input[type="file"]');
  if (!input) return;
  const hint = document.createElement("p");
  hint.className = "hint";
  hint.textContent = zone.dataset.dropNote || "";
  input.after(hint);
  const over = (on) => (event) => {
    event.preventDefault();
    zone.classList.toggle("dragging", on);
  };
  zone.addEventListener("dragover", over(true));
  zone.addEventListener("dragleave", over(false));
  zone.addEventListener("drop", (event) => {
    over(false)(event);
    const files = event.dataTransfer && event.dataTransfer.files;
    if (!files || files.length !== 1) return;
    input.files = files;
    // Checked as if chosen and sent: the folder must be given.
    zone.requestSubmit();
  });
})();

// --- The editor ---
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
  // A lesson's front matter fields, kept with its text.
  const kept_fields = [...form.querySelectorAll("input[data-keep]")];
  const snapshot = () => JSON.stringify([textarea.value, ...kept_fields.map((input) => input.value)]);
  const fieldValues = () => Object.fromEntries(kept_fields.map((input) => [input.name, input.value]));
  function putBack(text, fields) {
    textarea.value = text;
    for (const input of kept_fields) if (fields && typeof fields[input.name] === "string") input.value = fields[input.name];
  }
  function stored(work) {
    try {
      return work(localStorage);
    } catch (error) {
      return null;
    }
  }
  const keep = () =>
    stored((s) => s.setItem(key, JSON.stringify({ text: textarea.value, fields: fieldValues(), revision, savedAt: Date.now() })));

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
  let shown = snapshot(); // what the frame shows
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
    const now = snapshot();
    if (now === shown) return;
    sending = true;
    try {
      if (!navigator.onLine) throw new Error("offline");
      show(await keptAside());
      shown = now;
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
  async function keptAside() {
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string") body.append(name, value);
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
  const differs = () => {
    const before = snapshot();
    const page = [textarea.value, fieldValues()];
    putBack(text, kept.fields);
    const after = snapshot();
    putBack(page[0], page[1]);
    return before !== after;
  };
  if (said.saved === "true" && (text === null || kept.revision !== revision || !differs())) {
    // Just saved: it is on the server (not text typed since: below).
    stored((s) => s.removeItem(key));
  } else if (text !== null && differs()) {
    if (kept.revision === revision) {
      putBack(text, kept.fields);
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
        putBack(text, kept.fields);
        keep();
        older.remove();
        later();
      });
      older.append(" ", button);
    }
  }

  for (const input of [textarea, ...kept_fields]) {
    input.addEventListener("input", () => {
      keep();
      later();
    });
  }

  // --- A question, added where the cursor is ---
  // The button posts the form without a script (the server adds the
  // question at the end); here it goes at the start of the cursor's line,
  // with an id no question of the lesson has.
  const adding = form.querySelector('button[value="question"][data-template]');
  if (adding) {
    adding.addEventListener("click", (event) => {
      event.preventDefault();
      const value = textarea.value;
      let number = 1;
      while (new RegExp(`question question-${number}(\\s|$)`).test(value)) number += 1;
      const block = adding.dataset.template.replace("{id}", `question-${number}`);
      const at = value.lastIndexOf("\n", Math.max(0, textarea.selectionStart - 1)) + 1;
      const before = value.slice(0, at).replace(/\n*$/, "");
      const after = value.slice(at);
      const start = before ? `${before}\n\n` : "";
      textarea.value = `${start}${block}${after ? "\n" + after : ""}`;
      textarea.focus();
      textarea.setSelectionRange(start.length, start.length + block.indexOf("\n", block.indexOf("\n") + 1));
      keep();
      later();
    });
  }
  // Save and Preview post the form: no call of ours races them.
  form.addEventListener("submit", () => clearTimeout(timer));
  window.addEventListener("online", () => frame && snapshot() !== shown && preview());
})();
