// A partner's LMS placing our courses, in Chromium: PyPI's lti1p3platform
// (OpenLearning's LTI 1.3 platform library, `make lti-tools`) runs on
// loopback as the LMS (server/tests/lti_platform.py). An instructor picks
// a lesson in our picker (Deep Linking) and the LMS checks our signed
// answer; a learner launched from the LMS lands on the course signed in,
// through the real cookie rules of a cross-site form post.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launchBrowser, freePort, artifacts, assertAccessible } from "./support.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const python = process.env.LTI_PYTHON ?? join(root, ".tools", "lti", "bin", "python");
const harness = join(root, "server", "tests", "lti_platform.py");

const env = {};

before(async () => {
  const port = await freePort();
  env.lms = `http://127.0.0.1:${port}`;
  env.platform = spawn(python, [harness, "serve", String(port)], { stdio: "ignore" });
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(env.lms + "/jwks")).ok) break;
    } catch {}
    if (tries > 200) throw new Error(`the LTI platform did not start (${python}; make lti-tools)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  env.folder = mkdtempSync(join(tmpdir(), "learn-lti-"));
  execFileSync(python, [harness, "make-key", join(env.folder, "tool.pem")]);
  const file = join(env.folder, "platforms.toml");
  writeFileSync(
    file,
    `tool_key_file = "tool.pem"

[[platform]]
id = "city-lms"
issuer = "${env.lms}"
client_id = "learn-tool"
deployment_ids = ["deployment-1"]
jwks_url = "${env.lms}/jwks"
login_url = "${env.lms}/authorize"
token_url = "${env.lms}/token"
organisation = "City University"
name = { en = "City LMS", ur = "سٹی ایل ایم ایس" }
`,
  );
  env.server = await startServer({ env: { LEARN_LTI_PLATFORMS: file } });
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  env.platform?.kill();
  if (env.folder) rmSync(env.folder, { recursive: true, force: true });
});

async function phone() {
  return env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
}

test("an instructor places a lesson from our picker, and the LMS takes our signed answer", async () => {
  const base = env.server.baseURL;
  const context = await phone();
  const page = await context.newPage();
  await page.goto(`${env.lms}/start?tool=${encodeURIComponent(base)}&user=teacher-3&roles=instructor&kind=deep`);
  await page.waitForURL(base + "/lti/launch");
  assert.match(await page.locator("h1").textContent(), /Choose what to place/);
  await assertAccessible(page, "the deep-linking picker");
  await page.screenshot({ path: join(artifacts, "lti-picker-360x740.png"), fullPage: true });
  await page.getByLabel("Strong passwords and passphrases").check();
  await page.getByRole("button", { name: "Place it" }).click();
  await page.waitForURL(base + "/lti/deep-link");
  assert.match(await page.locator("h1").textContent(), /Strong passwords/);
  await page.getByRole("button", { name: "Back to City LMS" }).click();
  await page.waitForURL(env.lms + "/deep-link-return");
  assert.match(await page.locator("body").textContent(), /Placed/);
  const received = await (await fetch(env.lms + "/received")).json();
  const item = received.deep_links[0][0];
  assert.equal(item.type, "ltiResourceLink");
  assert.equal(item.custom.course, "online-safety");
  assert.ok(item.custom.lesson, "a lesson, not the whole course");
  await context.close();
});

test("a learner launched from the LMS lands on the course signed in, in Urdu", async () => {
  const base = env.server.baseURL;
  const context = await phone();
  const page = await context.newPage();
  const name = encodeURIComponent("زینب بی بی");
  await page.goto(`${env.lms}/start?tool=${encodeURIComponent(base)}&user=lms-42&name=${name}&course=online-safety`);
  await page.waitForURL(base + "/courses/online-safety");
  await page.goto(base + "/?lang=ur");
  assert.match(await page.locator(".viewer").textContent(), /زینب بی بی/, "signed in as the LMS's learner");
  await page.goto(base + "/my");
  assert.match(await page.locator("main").textContent(), /online|آن لائن|Online/i, "enrolled in the course");
  await page.screenshot({ path: join(artifacts, "lti-launched-360x740-ur.png"), fullPage: true });
  await context.close();
});

test("an administrator finds the addresses to give the LMS on the partners page", async () => {
  const base = env.server.baseURL;
  env.server.cli(["users", "create", "--username", "root", "--display-name", "Root", "--role", "admin"], "river mango lantern\n");
  const context = await phone();
  const page = await context.newPage();
  await page.goto(base + "/login?lang=en");
  await page.getByLabel("Username").fill("root");
  await page.getByLabel("Password").fill("river mango lantern");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(base + "/");
  await page.goto(base + "/admin/users");
  await page.getByRole("link", { name: "Partners" }).click();
  await page.waitForURL(base + "/admin/partners");
  const text = await page.locator("main").textContent();
  assert.ok(text.includes(base + "/lti/login"), "the initiate login address");
  assert.ok(text.includes(base + "/lti/jwks.json"), "the public keyset address");
  assert.ok(text.includes(base + "/lti/launch"), "the launch address");
  assert.ok(text.includes("City LMS"), "the platform registered");
  await assertAccessible(page, "the partners page");
  await page.screenshot({ path: join(artifacts, "admin-partners-360x740.png"), fullPage: true });
  await context.close();
});
