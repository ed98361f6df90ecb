// scripts/rotate-scim-token.mjs against the real app, with a loopback server playing the
// identity provider's admin API (Okta's provisioning connection, Microsoft Graph's
// synchronization secrets): it takes the new token and then makes a SCIM request with it.
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScimSettings } from "@/lib/provisioning/schemas";
import { consoleApi, signIn } from "../../helpers/console-client";
import { enableScimWithToken, createOrganization, type TestOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";
import { ScimClient } from "../scim/scim-client";
import { createKey } from "./helpers";

interface Handoff {
  method: string;
  url: string;
  authorization: string;
  body: Record<string, unknown>;
}

type Behaviour = "switch" | "refuse" | "silent";

/** The IdP: records each hand-off; "switch" then calls SCIM with the new token, as Okta or Entra would. */
function fakeIdp() {
  const handoffs: Handoff[] = [];
  const state: { behaviour: Behaviour; orgId: string } = { behaviour: "switch", orgId: "" };
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let s = "";
      req.on("data", (c: Buffer) => (s += c.toString()));
      req.on("end", () => resolve(s));
    });
  const server: Server = createServer((req, res) => {
    void read(req).then(async (text) => {
      const body = JSON.parse(text) as Record<string, unknown>;
      handoffs.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization ?? "", body });
      if (state.behaviour === "refuse") {
        res.writeHead(400, { "Content-Type": "application/json" }).end('{"errorSummary":"Invalid token"}');
        return;
      }
      const okta = (req.url ?? "").startsWith("/api/v1/apps/");
      const token = okta
        ? String((body.profile as { token: string }).token)
        : String((body.value as { key: string; value: string }[]).find((v) => v.key === "SecretToken")?.value);
      if (okta) res.writeHead(200, { "Content-Type": "application/json" }).end('{"authScheme":"TOKEN","status":"ENABLED"}');
      else res.writeHead(204).end();
      if (state.behaviour === "switch") {
        // The IdP's next provisioning cycle, with the token it was just given.
        await new Promise((r) => setTimeout(r, 300));
        await new ScimClient(state.orgId, token).get("/Users?count=1", {
          headers: { "User-Agent": okta ? "Okta SCIM Client 1.0.0" : "Azure Active Directory SCIM Client" },
        });
      }
    });
  });
  return { server, handoffs, state };
}

function runScript(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/rotate-scim-token.mjs"], {
      env: { ...process.env, NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("scripts/rotate-scim-token.mjs", () => {
  const idp = fakeIdp();
  let idpUrl = "";

  beforeAll(async () => {
    await new Promise<void>((r) => idp.server.listen(0, "127.0.0.1", r));
    idpUrl = `http://127.0.0.1:${(idp.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => idp.server.close(() => r())));

  async function setUp(): Promise<{ org: TestOrganization; oldToken: string; key: string; cookie: string; env: Record<string, string> }> {
    const org = await createOrganization();
    const oldToken = await enableScimWithToken(org);
    const cookie = (await signIn(org.iam.email, org.iam.password))!;
    const { key } = await createKey(cookie, org.orgId, 30);
    idp.state.orgId = org.orgId;
    return {
      org,
      oldToken,
      key,
      cookie,
      env: { CONSOLE_URL: baseUrl(), ORG_ID: org.orgId, API_KEY: key, POLL_SECONDS: "0.25", WAIT_SECONDS: "30" },
    };
  }
  const tokensOf = async (cookie: string, orgId: string) =>
    (await consoleApi<ScimSettings>(cookie, "GET", `/api/organizations/${orgId}/scim`)).body.tokens;

  it.each([
    [
      "okta",
      { IDP: "okta", OKTA_APP_ID: "0oa1app", OKTA_API_TOKEN: "okta-admin-token" },
      "POST",
      "/api/v1/apps/0oa1app/connections/default?activate=TRUE",
      "SSWS okta-admin-token",
      "okta",
    ],
    [
      "entra",
      { IDP: "entra", ENTRA_SERVICE_PRINCIPAL_ID: "sp-1", GRAPH_TOKEN: "graph-access-token" },
      "PUT",
      "/servicePrincipals/sp-1/synchronization/secrets",
      "Bearer graph-access-token",
      "entra",
    ],
  ] as const)(
    "rotates with %s: new token handed over, used, old one deleted",
    async (_name, idpEnv, method, url, authorization, client) => {
      const { org, oldToken, cookie, env } = await setUp();
      idp.state.behaviour = "switch";
      const before = idp.handoffs.length;
      const urls: Record<string, string> = idpEnv.IDP === "okta" ? { OKTA_ORG_URL: idpUrl } : { GRAPH_URL: idpUrl };
      const r = await runScript({ ...env, ...idpEnv, ...urls });
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain("Rotation complete.");
      expect(r.out).not.toMatch(/scim_[A-Za-z0-9_-]{43}/); // the new token is never printed

      const handoff = idp.handoffs[before]!;
      expect(handoff).toMatchObject({ method, url, authorization });
      if (idpEnv.IDP === "entra")
        expect((handoff.body.value as { key: string; value: string }[]).find((v) => v.key === "BaseAddress")?.value).toBe(
          `${baseUrl()}/scim/v2/${org.orgId}`,
        );

      const tokens = await tokensOf(cookie, org.orgId);
      expect(tokens).toHaveLength(1);
      expect(tokens[0]).toMatchObject({ lastUsedClient: client, lastUsedAddress: "127.0.0.1" });
      expect((await new ScimClient(org.orgId, oldToken).get("/Users")).status).toBe(401);
    },
    60_000,
  );

  it("leaves the old token alone when the identity provider refuses the new one (and deletes the new one)", async () => {
    const { org, oldToken, cookie, env } = await setUp();
    idp.state.behaviour = "refuse";
    const r = await runScript({ ...env, IDP: "okta", OKTA_ORG_URL: idpUrl, OKTA_APP_ID: "app", OKTA_API_TOKEN: "t" });
    expect(r.code).toBe(1);
    expect(r.out).toContain("Okta refused the new token: HTTP 400");
    expect(await tokensOf(cookie, org.orgId)).toHaveLength(1);
    expect((await new ScimClient(org.orgId, oldToken).get("/Users")).status).toBe(200);
  }, 60_000);

  it("keeps both tokens when the identity provider does not switch in time (exit 3)", async () => {
    const { org, oldToken, cookie, env } = await setUp();
    idp.state.behaviour = "silent";
    const r = await runScript({ ...env, WAIT_SECONDS: "1", IDP: "okta", OKTA_ORG_URL: idpUrl, OKTA_APP_ID: "app", OKTA_API_TOKEN: "t" });
    expect(r.code, r.out).toBe(3);
    expect(await tokensOf(cookie, org.orgId)).toHaveLength(2);
    expect((await new ScimClient(org.orgId, oldToken).get("/Users")).status).toBe(200);
    // Two active tokens now: running again changes nothing (exit 2).
    const again = await runScript({ ...env, IDP: "okta", OKTA_ORG_URL: idpUrl, OKTA_APP_ID: "app", OKTA_API_TOKEN: "t" });
    expect(again.code).toBe(2);
    expect(again.out).toContain("2 tokens are already active");
  }, 60_000);
});
