// Single sign-on behind a load balancer: two app instances sharing only PostgreSQL. A session
// issued by one is refused by the other right after a lock; a request started on one is
// answered on the other; a replayed assertion is refused whichever instance receives it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consoleApiAt } from "../../helpers/console-client";
import { baseUrl } from "../../helpers/server";
import { startServer, type RunningServer } from "../../setup/server-process";
import { signingKey, type SigningKey } from "../../idp/keys";
import { signedResponse } from "../../idp/saml-response";
import { postToAcs, provision, samlOrganization, setActive, urlsOf, type SsoOrg } from "../sso/fixtures";

const ENTITY = "https://idp.acme.test/saml";

describe("SSO on two instances", () => {
  let second: RunningServer;
  let a: string;
  let b: string;
  let key: SigningKey;
  let org: SsoOrg;

  beforeAll(async () => {
    second = await startServer({
      databaseUrl: inject("databaseUrl"),
      logFile: path.join(mkdtempSync(path.join(tmpdir(), "sso-b-")), "server.log"),
    });
    a = baseUrl();
    b = second.baseUrl;
    key = await signingKey("idp-scale");
    org = await samlOrganization(key);
  }, 90_000);
  afterAll(async () => second?.stop());

  // Entity ID and ACS are the public URLs; behind a balancer both instances answer them. Here
  // each instance has its own origin, so the response is addressed to the instance receiving it.
  const responseFor = (base: string, nameId: string, inResponseTo?: string) => {
    const u = urlsOf(org.orgId, base);
    return signedResponse({ entityId: ENTITY, acsUrl: u.acs, audience: u.entityId, nameId, key, inResponseTo });
  };
  const orgsAt = async (base: string, cookie: string | null) =>
    consoleApiAt<{ organizations?: { id: string }[] }>(base, cookie, "GET", "/api/organizations");

  it("a session from instance A, locked through instance B, is refused by A at once", async () => {
    const name = `scale-${Date.now()}@acme.test`;
    const id = await provision(org, name);
    const signedIn = await postToAcs(org.orgId, await responseFor(a, name), a);
    expect(signedIn.cookie).not.toBeNull();
    expect((await orgsAt(a, signedIn.cookie)).body.organizations?.map((o) => o.id)).toEqual([org.orgId]);
    expect((await orgsAt(b, signedIn.cookie)).body.organizations?.map((o) => o.id)).toEqual([org.orgId]);
    expect((await setActive(org, id, false, b)).status).toBe(200);
    expect((await orgsAt(a, signedIn.cookie)).body.organizations).toEqual([]);
    expect((await consoleApiAt(a, signedIn.cookie, "GET", `/api/organizations/${org.orgId}/members`)).status).toBe(403);
    expect((await setActive(org, id, true, a)).status).toBe(200);
    expect((await postToAcs(org.orgId, await responseFor(b, name), b)).cookie).not.toBeNull();
  });

  it("an assertion replayed to the other instance is refused there", async () => {
    const name = `replay-${Date.now()}@acme.test`;
    await provision(org, name);
    // Addressed to B (audience, recipient), used on B, replayed to B after A saw nothing: and
    // the same ID spent once is refused on every instance because the guard is in the database.
    const response = await responseFor(b, name);
    expect((await postToAcs(org.orgId, response, b)).cookie).not.toBeNull();
    expect((await postToAcs(org.orgId, response, b)).reason).toBe("replayed");
  });

  it("a request started on A is answered on B (AuthnRequest IDs live in the database), once", async () => {
    const name = `across-${Date.now()}@acme.test`;
    await provision(org, name);
    const start = await fetch(`${a}/sso/${org.orgId}`, { redirect: "manual" });
    const req = new URL(start.headers.get("location") ?? "").searchParams.get("SAMLRequest") ?? "";
    const id = /\sID="([^"]+)"/.exec(inflateRawSync(Buffer.from(req, "base64")).toString("utf8"))?.[1] ?? "";
    expect(id).not.toBe("");
    expect((await postToAcs(org.orgId, await responseFor(b, name, id), b)).cookie).not.toBeNull();
    expect((await postToAcs(org.orgId, await responseFor(a, name, id), a)).reason).toBe("unknown_request");
  });
});
