// Signing in with a partner's identity provider in Chromium, in Urdu, at
// phone width: PyPI's oidc-provider-mock (an independent OpenID Connect
// provider, `make oidc-tools`) runs on loopback; the person presses
// "Sign in with One Window", says who they are on the provider's own page,
// makes an account on the welcome page, and next time goes straight in.
// With the provider down, the login page says so and passwords still work.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launchBrowser, freePort, artifacts, assertAccessible } from "./support.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const providerProgram = process.env.OIDC_PROVIDER_MOCK ?? join(here, "..", "..", ".tools", "python", "bin", "oidc-provider-mock");

const env = {};

before(async () => {
  const port = await freePort();
  env.issuer = `http://127.0.0.1:${port}`;
  env.provider = spawn(providerProgram, ["--host", "127.0.0.1", "--port", String(port)], { stdio: "ignore" });
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(env.issuer + "/.well-known/openid-configuration")).ok) break;
    } catch {}
    if (tries > 100) throw new Error(`the OpenID provider did not start (${providerProgram}; make oidc-tools)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  env.folder = mkdtempSync(join(tmpdir(), "learn-oidc-"));
  const file = join(env.folder, "providers.toml");
  writeFileSync(
    file,
    `[[provider]]
id = "one-window"
issuer = "${env.issuer}"
client_id = "learn"
client_secret = "s3cret"
organisation = "One Window Centres"
name = { en = "One Window", ur = "ون ونڈو", uz = "Yagona darcha", ru = "Единое окно" }
`,
  );
  env.server = await startServer({ env: { LEARN_IDENTITY_PROVIDERS: file } });
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  env.provider?.kill();
  if (env.folder) rmSync(env.folder, { recursive: true, force: true });
});

/** A phone-sized Chromium; the provider's page may not fetch its CDN stylesheet (no internet here). */
async function phone() {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  await context.route(/^https:\/\//, (route) => route.abort());
  return context;
}

/** On the provider's own page: the person says who they are. */
async function sayWhoAtProvider(page, sub) {
  await page.waitForURL((url) => url.href.startsWith(env.issuer));
  await page.getByPlaceholder("sub").fill(sub);
  await page.getByRole("button", { name: "Authorize" }).click();
}

test("a first sign-in through the partner's provider makes an account; the next goes straight in", async () => {
  const base = env.server.baseURL;
  const claims = { name: "زینب بی بی", email: "zainab@one-window.example" };
  const put = await fetch(`${env.issuer}/users/zainab-42`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(claims),
  });
  assert.equal(put.status, 204);

  const context = await phone();
  const page = await context.newPage();
  await page.goto(base + "/login?lang=ur");
  const button = page.getByRole("button", { name: "ون ونڈو کے ذریعے لاگ اِن کریں" });
  await assertAccessible(page, "the login page with a partner's sign-in");
  await page.screenshot({ path: join(artifacts, "login-with-provider-360x740-ur.png"), fullPage: true });
  await button.click();
  await sayWhoAtProvider(page, "zainab-42");

  await page.waitForURL(base + "/welcome");
  assert.match(await page.locator("h1").textContent(), /خوش آمدید/);
  assert.match(await page.locator(".lead").textContent(), /ون ونڈو/);
  assert.match(await page.locator("main").textContent(), /زینب بی بی/);
  await assertAccessible(page, "the welcome page");
  await page.screenshot({ path: join(artifacts, "welcome-360x740-ur.png"), fullPage: true });
  await page.getByRole("button", { name: "میرا اکاؤنٹ بنائیں" }).click();
  await page.waitForURL(base + "/");
  assert.match(await page.locator(".viewer").textContent(), /زینب بی بی/);

  // The account page: linked to One Window, no password to change.
  await page.goto(base + "/account");
  assert.match(await page.locator("#sign-in-with").textContent(), /شراکت/);
  assert.equal(await page.getByLabel("موجودہ پاس ورڈ").count(), 0, "no current password to give");
  await page.screenshot({ path: join(artifacts, "account-linked-360x740-ur.png"), fullPage: true });

  await page.getByRole("button", { name: "لاگ آؤٹ" }).click();
  await page.waitForURL(base + "/");
  assert.equal(await page.locator(".viewer").count(), 0);

  await page.goto(base + "/login");
  await page.getByRole("button", { name: "ون ونڈو کے ذریعے لاگ اِن کریں" }).click();
  await sayWhoAtProvider(page, "zainab-42");
  await page.waitForURL(base + "/");
  assert.match(await page.locator(".viewer").textContent(), /زینب بی بی/, "straight in, the same account");
  await context.close();
});

test("with the provider down, the login page says so and the password form still works", async () => {
  const base = env.server.baseURL;
  env.server.cli(["users", "create", "--username", "saima", "--display-name", "Saima", "--role", "learner"], "river mango lantern\n");
  env.provider.kill();
  await new Promise((resolve) => (env.provider.exitCode !== null || env.provider.signalCode !== null ? resolve() : env.provider.on("exit", resolve)));

  const context = await phone();
  const page = await context.newPage();
  await page.goto(base + "/login?lang=ur");
  await page.getByRole("button", { name: "ون ونڈو کے ذریعے لاگ اِن کریں" }).click();
  await page.waitForURL(/\/login\?provider=one-window&problem=unavailable/);
  const alert = page.getByRole("alert");
  assert.match(await alert.textContent(), /ون ونڈو/);
  assert.match(await alert.textContent(), /پاس ورڈ/);
  await page.screenshot({ path: join(artifacts, "login-provider-down-360x740-ur.png"), fullPage: true });

  await page.getByLabel("صارف نام").fill("saima");
  await page.getByLabel("پاس ورڈ").fill("river mango lantern");
  await page.getByRole("button", { name: "لاگ اِن کریں", exact: true }).click();
  await page.waitForURL(base + "/");
  assert.match(await page.locator(".viewer").textContent(), /Saima/);
  await context.close();
});
