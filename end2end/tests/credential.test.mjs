// The Open Badges 3.0 credential checked by an independent, standard JOSE
// library (panva's `jose`), against the JWKS the server publishes: the
// signature, the issuer, the credential's type; then, after a revocation,
// the signed status list has the credential's bit set.

import { test } from "node:test";
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { createRemoteJWKSet, jwtVerify, decodeProtectedHeader } from "jose";
import { postForm, sessionCookie, startServer, smartphoneCourse as course } from "./support.mjs";

test("a credential verifies with jose against the published JWKS, and its revocation shows in the status list", async () => {
  const server = await startServer();
  try {
    const base = server.baseURL;
    server.cli(["users", "create", "--username", "malika", "--display-name", "Malika", "--role", "manager"], "river mango lantern\n");
    const registered = await postForm(base, "/api/register", "username=aigerim&display_name=%D0%90%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC&password=seven+blue+camels&language=en");
    const cookie = sessionCookie(registered);
    await postForm(base, "/api/enrol", "course=smartphone-basics", cookie);
    const { lessons, answers } = course();
    for (const lesson of lessons) {
      await postForm(base, "/api/complete_lesson", `course=smartphone-basics&lesson=${lesson}`, cookie);
    }
    const passed = await postForm(base, "/api/submit_quiz", `course=smartphone-basics&lesson=check-your-skills&attempt_key=AAAABBBBCCCCDDDDEEEE&${answers}`, cookie);
    assert.match(passed.headers.get("location"), /attempt=/);

    const download = await fetch(base + "/my/certificates/smartphone-basics/credential.jwt", { headers: { cookie } });
    assert.equal(download.status, 200);
    assert.equal(download.headers.get("content-type"), "application/vc+jwt");
    const token = await download.text();

    const header = decodeProtectedHeader(token);
    assert.equal(header.alg, "RS256");
    assert.equal(header.typ, "JWT");
    assert.ok(header.kid.startsWith(base + "/.well-known/jwks.json#"), header.kid);
    const jwks = createRemoteJWKSet(new URL(base + "/.well-known/jwks.json"));
    const { payload } = await jwtVerify(token, jwks, { algorithms: ["RS256"], issuer: base + "/issuer" });
    assert.deepEqual(payload.type, ["VerifiableCredential", "OpenBadgeCredential"]);
    assert.equal(payload.credentialSubject.identifier[0].identityHash, "Айгерим");
    assert.equal(payload.sub, payload.credentialSubject.id);
    assert.match(payload.sub, /^urn:uuid:/);
    assert.equal(payload.credentialStatus.type, "BitstringStatusListEntry");

    // A tampered credential fails.
    const [h, p, s] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...payload, name: "Something else" })).toString("base64url");
    await assert.rejects(jwtVerify(`${h}.${forged}.${s}`, jwks, { algorithms: ["RS256"] }));

    const bit = async () => {
      const list = await (await fetch(payload.credentialStatus.statusListCredential)).text();
      const verified = await jwtVerify(list, jwks, { algorithms: ["RS256"] });
      const encoded = verified.payload.credentialSubject.encodedList;
      assert.equal(encoded[0], "u", "multibase base64url");
      const bits = gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
      const index = Number(payload.credentialStatus.statusListIndex);
      return (bits[Math.floor(index / 8)] >> (7 - (index % 8))) & 1;
    };
    assert.equal(await bit(), 0, "not revoked yet");

    const login = await postForm(base, "/api/login", "username=malika&password=river+mango+lantern");
    const manager = sessionCookie(login);
    const code = payload.id.split("/verify/")[1];
    const revoked = await postForm(base, "/api/revoke_certificate", `code=${code}&reason=Issued+by+mistake`, manager);
    assert.equal(revoked.status, 303);
    assert.equal(await bit(), 1, "the status list shows the revocation at once");
  } finally {
    await server.stop();
  }
});
