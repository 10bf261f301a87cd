// Offline learning: the service worker (/sw.js imports the offline script,
// records.js, this file and page.js joined; see records.js). It answers from
// the saved copies when there is no connection, and sends the outbox by
// Background Sync where the browser has it. In a page it does nothing.
"use strict";
(() => {
  if (typeof window !== "undefined") return;
  const { meta, setMeta, sendOutbox } = OfflineRecords;

  // --- The service worker ----------------------------------------------------
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
  self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== location.origin) return;
    if (request.mode === "navigate") event.respondWith(navigate(request, url));
    else if (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/media/")) {
      event.respondWith(hashed(request));
    }
  });
  self.addEventListener("sync", (event) => {
    if (event.tag === "outbox") event.waitUntil(sendForCurrent(true));
  });
  self.addEventListener("message", (event) => {
    if (event.data === "send") event.waitUntil(sendForCurrent(false));
  });

  // The caches of the person signed in here (none for nobody).
  async function currentCaches() {
    const user = await meta("current");
    if (!user) return [];
    const names = (await caches.keys()).filter((name) => name.startsWith(`learn-${user}-`));
    return Promise.all(names.map((name) => caches.open(name)));
  }
  async function savedCopy(cacheList, key, options) {
    for (const cache of cacheList) {
      const found = await cache.match(key, options);
      if (found) return found;
    }
    return undefined;
  }

  // Pages: a saved page first (it costs no data); anything else from the
  // network, and when that fails or is slow, the saved copy of the page,
  // or the offline page.
  async function navigate(request, url) {
    const saved = await currentCaches();
    const copy = saved.length ? await savedCopy(saved, url.origin + url.pathname) : undefined;
    if (copy && !url.search) return copy;
    const network = fetch(request).then(async (response) => {
      // Every page says who it is for: nobody's pages show nobody's copies.
      if (response.ok && (response.headers.get("content-type") ?? "").startsWith("text/html")) {
        const learner = response.headers.get("x-learner");
        if (learner !== (await meta("current"))) await setMeta("current", learner);
      }
      return response;
    });
    const fallback = copy ?? (saved.length ? await savedCopy(saved, url.origin + "/offline") : undefined);
    if (!fallback) return network;
    const slow = new Promise((resolve) => setTimeout(() => resolve(fallback), 4000));
    const answered = network.then((response) => (response.status >= 500 ? fallback : response));
    return Promise.race([answered, slow]).catch(() => fallback);
  }

  // Hashed files (stylesheet, script, course pictures): kept ones first.
  // Offline, another size of the same picture does.
  async function hashed(request) {
    const saved = await currentCaches();
    const kept = await savedCopy(saved, request);
    if (kept) return kept;
    try {
      return await fetch(request);
    } catch (error) {
      const similar = await savedCopy(saved, request, { ignoreSearch: true });
      if (similar) return similar;
      throw error;
    }
  }

  async function sendForCurrent(retry) {
    const user = await meta("current");
    if (!user) return;
    const answer = await sendOutbox(user);
    for (const client of await self.clients.matchAll()) client.postMessage("sent");
    // Background Sync tries again later when this throws.
    if (retry && answer.offline) throw new Error("offline");
  }
})();
