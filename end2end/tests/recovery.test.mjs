// Profile answers with consent, and recovery without email, in Chromium
// without JavaScript: a learner answers the optional questions, an
// administrator issues a reset code, the learner redeems it from the link.

import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serverAndBrowser, artifacts, assertAccessible } from "./support.mjs";

const env = serverAndBrowser();

test("profile consent, a reset code from an administrator, and a role change", async () => {
  env.server.cli(["users", "create", "--username", "root", "--display-name", "Root", "--role", "admin"], "river mango lantern\n");
  const base = env.server.baseURL;
  const learner = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const phone = await learner.newPage();

  // Registration with the optional questions: an answer without its consent is refused.
  await phone.goto(base + "/register?lang=en");
  await phone.getByLabel("Your name").fill("Дилноза Каримова");
  await phone.getByLabel("Username").fill("dilnoza");
  await phone.getByLabel("Password", { exact: true }).fill("seven blue camels");
  await phone.getByLabel("Gender", { exact: true }).selectOption("female");
  await phone.getByLabel("I agree that my gender is used").check();
  await phone.getByLabel("Age", { exact: true }).selectOption("18-24");
  await phone.getByRole("button", { name: "Create my account" }).click();
  await phone.waitForURL(/\/register\?/);
  assert.match(await phone.locator("#age_band-error").textContent(), /tick the box/);
  assert.equal(await phone.getByLabel("Gender", { exact: true }).inputValue(), "female", "the answers are kept");
  assert.equal(await phone.getByLabel("I agree that my gender is used").isChecked(), true);
  await phone.screenshot({ path: join(artifacts, "register-consent-error-360x740-en.png"), fullPage: true });
  await phone.getByLabel("Password", { exact: true }).fill("seven blue camels");
  await phone.getByLabel("I agree that my age group is used").check();
  await phone.getByRole("button", { name: "Create my account" }).click();
  await phone.waitForURL(base + "/");

  await phone.goto(base + "/account");
  assert.equal(await phone.getByLabel("Age", { exact: true }).inputValue(), "18-24");
  await phone.getByRole("button", { name: "Withdraw consent and delete my answers" }).click();
  await phone.waitForURL(/profile=withdrawn/);
  assert.equal(await phone.getByLabel("Gender", { exact: true }).inputValue(), "", "withdrawn: nothing kept");

  // The administrator finds the learner and issues a code. (Pages carry no
  // script either way; JavaScript is on here only to run axe.)
  const office = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await office.goto(base + "/login");
  await office.getByLabel("Username").fill("root");
  await office.getByLabel("Password", { exact: true }).fill("river mango lantern");
  await office.getByRole("button", { name: "Log in" }).click();
  await office.waitForURL(base + "/");
  await office.goto(base + "/account");
  await assertAccessible(office, "/account");
  await office.getByRole("link", { name: "Accounts" }).click();
  await office.getByLabel("Username or name begins with").fill("dil");
  await office.getByRole("button", { name: "Find" }).click();
  await office.getByRole("button", { name: "Issue a reset code for dilnoza" }).click();
  await office.waitForURL(/\/admin\/users\?q=dilnoza/);
  const code = (await office.locator(".issued-code code").textContent()).trim();
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await assertAccessible(office, "/admin/users with a code");
  await office.screenshot({ path: join(artifacts, "reset-code-issued.png"), fullPage: true });
  const link = await office.locator(".issued-code a").getAttribute("href");

  // The learner, on a borrowed phone, opens the link and sets a new password.
  const borrowed = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await borrowed.goto(link + "?lang=ru");
  assert.equal(await borrowed.getByLabel("Код сброса").inputValue(), code);
  await assertAccessible(borrowed, "/reset in Russian");
  await borrowed.getByLabel("Новый пароль").fill("my new garden path");
  await borrowed.getByRole("button", { name: "Установить новый пароль" }).click();
  await borrowed.waitForURL(/\/account\?changed=1/);
  assert.match(await borrowed.locator(".viewer").textContent(), /Дилноза Каримова/);

  // Signed out on the first phone; the same code does not work twice.
  await phone.goto(base + "/");
  assert.equal(await phone.locator(".viewer").count(), 0, "other sessions ended");
  await phone.goto(base + "/reset/" + code);
  await phone.getByLabel("New password").fill("another fine phrase");
  await phone.getByRole("button", { name: "Set my new password" }).click();
  await phone.waitForURL(/\/reset\/?.*\?/);
  assert.match(await phone.locator("#code-error").textContent(), /does not work/);

  // The administrator makes the learner an instructor.
  await office.getByLabel("Role of dilnoza").selectOption("instructor");
  await office.getByRole("button", { name: "Change role" }).click();
  await office.waitForURL(/changed=dilnoza/);
  assert.match(await office.getByRole("status").first().textContent(), /dilnoza/);
  await borrowed.goto(base + "/");
  assert.equal(await borrowed.locator(".viewer").count(), 0, "a role change signs out everywhere");
  await learner.close();
});
