// A learner registers, logs out and logs in again, in Chromium without
// JavaScript: plain forms and redirects.

import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serverAndBrowser, artifacts } from "./support.mjs";

const env = serverAndBrowser();

test("register, log out, log in and change the password, without JavaScript", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(env.server.baseURL + "/register?lang=ur");

  // A weak password: the form comes back with the error by the field and the name kept.
  await page.getByLabel("آپ کا نام").fill("عائشہ خان");
  await page.getByLabel("صارف نام").fill("aisha");
  await page.getByLabel("پاس ورڈ").fill("short");
  await page.getByRole("button", { name: "میرا اکاؤنٹ بنائیں" }).click();
  await page.waitForURL(/\/register\?/);
  assert.equal(await page.getByLabel("آپ کا نام").inputValue(), "عائشہ خان");
  assert.equal(await page.getByLabel("پاس ورڈ").inputValue(), "");
  assert.match(await page.locator("#password-error").textContent(), /10/);
  assert.equal(await page.getByLabel("پاس ورڈ").getAttribute("aria-invalid"), "true");
  await page.screenshot({ path: join(artifacts, "register-error-360x740-ur.png"), fullPage: true });

  await page.getByLabel("پاس ورڈ").fill("river mango lantern");
  await page.getByRole("button", { name: "میرا اکاؤنٹ بنائیں" }).click();
  await page.waitForURL(env.server.baseURL + "/");
  assert.match(await page.locator(".viewer").textContent(), /عائشہ خان/);

  await page.getByRole("button", { name: "لاگ آؤٹ" }).click();
  await page.waitForURL(env.server.baseURL + "/");
  assert.equal(await page.locator(".viewer").count(), 0);

  await page.goto(env.server.baseURL + "/login");
  await page.getByLabel("صارف نام").fill("aisha");
  await page.getByLabel("پاس ورڈ").fill("wrong words here");
  await page.getByRole("button", { name: "لاگ اِن کریں" }).click();
  await page.waitForURL(/\/login\?/);
  assert.equal(await page.getByRole("alert").count(), 1);
  assert.equal(await page.getByLabel("صارف نام").inputValue(), "aisha");

  await page.getByLabel("پاس ورڈ").fill("river mango lantern");
  await page.getByRole("button", { name: "لاگ اِن کریں" }).click();
  await page.waitForURL(env.server.baseURL + "/");
  assert.match(await page.locator(".viewer").textContent(), /عائشہ خان/);

  // Signed in, the language choice is saved to the profile with a POST.
  await page.getByRole("button", { name: "Русский" }).click();
  await page.waitForURL(env.server.baseURL + "/**");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ru");
  await context.clearCookies();
  await page.goto(env.server.baseURL + "/login");
  // A fresh browser: the login page follows the browser (English) …
  await page.getByLabel("Username").fill("aisha");
  await page.getByLabel("Password").fill("river mango lantern");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(env.server.baseURL + "/");
  // … and once signed in, the profile's language.
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ru", "the profile remembers");

  // Change the password on the account page.
  await page.locator(".viewer").click();
  await page.waitForURL(env.server.baseURL + "/account");
  await page.getByLabel("Текущий пароль").fill("river mango lantern");
  await page.getByLabel("Новый пароль").fill("seven blue camels");
  await page.getByRole("button", { name: "Сменить пароль" }).click();
  await page.waitForURL(/\/account\?changed=1/);
  assert.equal(await page.getByRole("status").count(), 1);
  await page.getByRole("button", { name: "Выйти" }).click();
  await page.goto(env.server.baseURL + "/login");
  await page.getByLabel("Имя пользователя").fill("aisha");
  await page.getByLabel("Пароль").fill("seven blue camels");
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(env.server.baseURL + "/");
  assert.match(await page.locator(".viewer").textContent(), /عائشہ خان/);
  await context.close();
});

test("the signed-in pages pass axe too, in Urdu", async () => {
  const { readFileSync } = await import("node:fs");
  const { createRequire } = await import("node:module");
  const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(env.server.baseURL + "/register?lang=ur");
  await page.getByLabel("آپ کا نام").fill("زینب");
  await page.getByLabel("صارف نام").fill("zainab");
  await page.getByLabel("پاس ورڈ").fill("green tea morning walk");
  await page.getByRole("button", { name: "میرا اکاؤنٹ بنائیں" }).click();
  await page.waitForURL(env.server.baseURL + "/");
  for (const path of ["/", "/account", "/courses/online-safety/strong-passwords"]) {
    await page.goto(env.server.baseURL + path);
    await page.addScriptTag({ content: axeSource });
    const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
    const results = await page.evaluate((values) => axe.run(document, { runOnly: { type: "tag", values } }), tags);
    const violations = results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(", ")}`);
    assert.deepEqual(violations, [], `${path}\n${violations.join("\n")}`);
  }
  await page.goto(env.server.baseURL + "/account");
  await page.screenshot({ path: join(artifacts, "account-360x740-ur.png"), fullPage: true });
  await context.close();
});
