// Starts the real server binary on port 0 and Debian's Chromium.

import { spawn, execFileSync } from "node:child_process";
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "node:net";
import { request as forward, createServer as createHttpServer } from "node:http";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const artifacts = join(here, "..", "artifacts");
mkdirSync(artifacts, { recursive: true });

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with \`make test\``);
  return value;
};

/** Starts `server serve` on a free port (or `address`) with a fresh SQLite database (or `dataDir`'s). */
export async function startServer({ coursesDir, dataDir = mkdtempSync(join(tmpdir(), "learn-e2e-")), address = "127.0.0.1:0", env = {} } = {}) {
  const child = spawn(
    required("SERVER_BIN"),
    [
      "serve",
      "--address", address,
      "--data-dir", dataDir,
      "--courses-dir", coursesDir ?? required("COURSES_DIR"),
      "--site-dir", required("SITE_DIR"),
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RUST_LOG: "warn", ...env } },
  );
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk));
  let timer;
  const baseURL = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/listening on (http:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
    timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${log}`)), 30_000);
  }).finally(() => clearTimeout(timer));
  return {
    baseURL,
    pid: child.pid,
    log: () => log,
    /** Runs `server <args…> --data-dir <this server's>` with `input` on stdin; returns stdout. */
    cli(args, input = "") {
      return execFileSync(required("SERVER_BIN"), [...args, "--data-dir", dataDir], { input, env: { ...process.env, RUST_LOG: "warn" } })
        .toString();
    },
    dataDir,
    /** Kills the process at once (no shutdown at all), keeping its data. */
    async crash() {
      child.kill("SIGKILL");
      await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on("exit", resolve)));
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A free port, so that a restarted server answers at the same address (a phone's origin). */
export async function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A gate in front of `server`: the browser talks to the server through it,
 * and the test decides what gets through. Chromium's offline emulation
 * (`context.setOffline`) reaches pages, but a service worker woken by
 * Background Sync may start before it applies; a closed gate is offline
 * for everyone, as a phone without signal is.
 * `mode`: "open"; "closed" (every connection dropped); "no-sync" (the
 * outbox cannot be sent); "lose-answers" (a batch reaches the server, its
 * answer never reaches the phone). `synced` counts batches answered;
 * `onSync`, if set, is called as a batch is passed on.
 */
export async function gateTo(server) {
  const target = new URL(server.baseURL);
  const sockets = new Set();
  const gate = { mode: "open", synced: 0 };
  const proxy = createHttpServer((incoming, outgoing) => {
    const sync = incoming.method === "POST" && incoming.url.startsWith("/offline/sync");
    if (gate.mode === "closed" || (sync && gate.mode === "no-sync")) return incoming.socket.destroy();
    const upstream = forward(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        if (sync) gate.synced += 1;
        if (sync && gate.mode === "lose-answers") {
          answer.resume();
          answer.on("end", () => incoming.socket.destroy());
          return;
        }
        outgoing.writeHead(answer.statusCode, answer.rawHeaders);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => incoming.socket.destroy());
    incoming.pipe(upstream);
    if (sync) gate.onSync?.();
  });
  proxy.on("connection", (socket) => {
    if (gate.mode === "closed") return socket.destroy();
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  gate.baseURL = `http://127.0.0.1:${proxy.address().port}`;
  /** Lets `mode` through from now on; closing drops every open connection too. */
  gate.set = (mode) => {
    gate.mode = mode;
    if (mode === "closed") for (const socket of sockets) socket.destroy();
  };
  gate.stop = () =>
    new Promise((resolve) => {
      proxy.close(resolve);
      proxy.closeAllConnections();
    });
  return gate;
}

function chromiumPath() {
  try {
    return execFileSync("sh", ["-c", "command -v chromium"]).toString().trim();
  } catch {
    throw new Error("Debian's chromium is not installed: run `make test`, which installs it");
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** The address of every lesson of every course, read from the site itself. */
export async function allLessonPaths(baseURL) {
  const links = async (path, pattern) => {
    const html = await (await fetch(baseURL + path)).text();
    return [...new Set([...html.matchAll(pattern)].map((m) => m[1]))];
  };
  const courses = await links("/", /href="(\/courses\/[a-z0-9-]+)"/g);
  const lessons = [];
  for (const course of courses) {
    lessons.push(...(await links(course, /href="(\/courses\/[a-z0-9-]+\/[a-z0-9-]+)"/g)));
  }
  return [...new Set(lessons)];
}

/** Counts every byte a page transfers, as Chromium's network layer sees them. */
export async function measureTransfers(page) {
  const client = await page.context().newCDPSession(page);
  await client.send("Network.enable");
  const record = { bytes: 0, urls: [] };
  client.on("Network.requestWillBeSent", (event) => record.urls.push(event.request.url));
  client.on("Network.loadingFinished", (event) => (record.bytes += event.encodedDataLength));
  return record;
}

/** One server and one browser for a test file, started before its tests and stopped after. */
export function serverAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** Posts a form as a browser without JavaScript does (redirects not followed). */
export async function postForm(base, path, body, cookie) {
  return fetch(base + path, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: base,
      accept: "text/html",
      referer: base + "/",
      ...(cookie ? { cookie } : {}),
    },
    body,
  });
}

/** `session=…` from a response's Set-Cookie. */
export const sessionCookie = (response) =>
  response.headers.getSetCookie().find((value) => value.startsWith("session=")).split(";")[0];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core (WCAG 2.2 AA and best practice) on the page; fails on any violation. */
export async function assertAccessible(page, label) {
  await page.addScriptTag({ content: axeSource });
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
  const results = await page.evaluate((values) => axe.run(document, { runOnly: { type: "tag", values } }), tags);
  const violations = results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(", ")}`);
  assert.deepEqual(violations, [], `${label}\n${violations.join("\n")}`);
}

/** A quiz's options as form fields, read from its course file: the right ones, or the first wrong one of each question. */
export function quizAnswers(file, which = "right") {
  const quiz = readFileSync(join(required("COURSES_DIR"), file), "utf8");
  return [...quiz.matchAll(/::: question (\S+) (\S+)\n([\s\S]*?)\n:::/g)]
    .flatMap(([, id, kind, body]) => {
      const options = [...body.matchAll(/^- \[( |x)\] .*\{#([a-z0-9-]+)\}$/gm)].map(([, mark, option]) => ({ option, right: mark === "x" }));
      const chosen = which === "right" ? options.filter((o) => o.right) : options.filter((o) => !o.right).slice(0, 1);
      return chosen.map(({ option }) => (kind === "multiple" ? `multiple%5B${id}%3A${option}%5D=on` : `single%5B${id}%5D=${option}`));
    })
    .join("&");
}

/** A quiz's form fields (`single[q]=a`, `multiple[q:a]=on`) as the offline outbox writes its answers. */
export function asAnswers(fields) {
  const answers = {};
  for (const field of fields.split("&")) {
    const [name, value] = field.split("=").map(decodeURIComponent);
    const single = name.match(/^single\[(.+)\]$/);
    const [question, option] = single ? [single[1], value] : name.slice("multiple[".length, -1).split(":");
    (answers[question] ??= []).push(option);
  }
  return answers;
}

/** The smartphone-basics course's lessons in order, and its quiz's right answers as form fields. */
export function smartphoneCourse() {
  const lessons = [
    "getting-to-know-your-phone", "battery-and-storage", "installing-apps-safely",
    "connecting-to-the-internet", "saving-data", "browsing-and-searching",
    "messages-and-files", "email-basics", "video-calls",
  ];
  return { lessons, answers: quizAnswers("smartphone-basics/03-staying-in-touch/04-check-your-skills.md") };
}
