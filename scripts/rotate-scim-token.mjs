#!/usr/bin/env node
// Rotates an organization's SCIM token without downtime (docs/ROTATING-TOKENS.md):
//   1. create a second token with the organization API key,
//   2. hand it to the identity provider (Microsoft Graph for Entra ID, Okta's provisioning
//      connection API for Okta),
//   3. wait until the identity provider has used the new token,
//   4. delete the old one(s).
// Plain Node (20+) fetch, no dependencies. The new token is never printed.
//
// Environment:
//   CONSOLE_URL, ORG_ID, API_KEY            the console, the organization, an API key (scope scim:manage)
//   IDP=entra  GRAPH_TOKEN, ENTRA_SERVICE_PRINCIPAL_ID [, GRAPH_URL=https://graph.microsoft.com/v1.0]
//   IDP=okta   OKTA_ORG_URL, OKTA_API_TOKEN, OKTA_APP_ID
//   WAIT_SECONDS (2700: Entra provisions every 40 minutes), POLL_SECONDS (15)
// Exit codes: 0 rotated; 1 an error; 2 nothing to do safely (SCIM disabled, two tokens active); 3 the
// identity provider did not use the new token in time (both tokens are left active).

const env = process.env;
const need = (name) => {
  const v = env[name];
  if (!v) fail(1, `${name} is not set (see docs/ROTATING-TOKENS.md).`);
  return v;
};
function fail(code, message) {
  console.error(`rotate-scim-token: ${message}`);
  process.exit(code);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const consoleUrl = need("CONSOLE_URL").replace(/\/+$/, "");
const orgId = need("ORG_ID");
const apiKey = need("API_KEY");
const idp = need("IDP");
if (idp !== "entra" && idp !== "okta") fail(1, `IDP must be "entra" or "okta", not "${idp}".`);
const waitMs = Number(env.WAIT_SECONDS ?? 2700) * 1000;
const pollMs = Number(env.POLL_SECONDS ?? 15) * 1000;
const scim = `${consoleUrl}/api/organizations/${encodeURIComponent(orgId)}/scim`;

/** The console API with the API key; waits out a 429 (Retry-After). */
async function api(method, path, body) {
  for (;;) {
    const res = await fetch(`${scim}${path}`, {
      method,
      headers: { Authorization: `Bearer ${apiKey}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status === 429) {
      await sleep(Number(res.headers.get("retry-after") ?? 1) * 1000);
      continue;
    }
    const data = await res.json().catch(() => null);
    if (!res.ok) {
      const err = new Error(`${method} ${path || "/"}: HTTP ${res.status} ${data?.error?.message ?? ""}`.trim());
      err.status = res.status;
      throw err;
    }
    return data;
  }
}

async function handToIdp(token, baseUrl) {
  if (idp === "entra") {
    // Microsoft Graph: PUT /servicePrincipals/{id}/synchronization/secrets (Synchronization.ReadWrite.All); 204 No Content.
    const graph = (env.GRAPH_URL ?? "https://graph.microsoft.com/v1.0").replace(/\/+$/, "");
    const res = await fetch(
      `${graph}/servicePrincipals/${encodeURIComponent(need("ENTRA_SERVICE_PRINCIPAL_ID"))}/synchronization/secrets`,
      {
        method: "PUT",
        headers: { Authorization: `Bearer ${need("GRAPH_TOKEN")}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          value: [
            { key: "BaseAddress", value: baseUrl },
            { key: "SecretToken", value: token },
          ],
        }),
      },
    );
    if (!res.ok) throw new Error(`Microsoft Graph refused the new secret: HTTP ${res.status} ${await res.text()}`);
    return;
  }
  // Okta: "Update the default provisioning connection" — POST /api/v1/apps/{appId}/connections/default?activate=TRUE.
  const okta = need("OKTA_ORG_URL").replace(/\/+$/, "");
  const res = await fetch(`${okta}/api/v1/apps/${encodeURIComponent(need("OKTA_APP_ID"))}/connections/default?activate=TRUE`, {
    method: "POST",
    headers: { Authorization: `SSWS ${need("OKTA_API_TOKEN")}`, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ profile: { authScheme: "TOKEN", token } }),
  });
  if (!res.ok) throw new Error(`Okta refused the new token: HTTP ${res.status} ${await res.text()}`);
}

async function main() {
  const before = await api("GET", "");
  if (!before.enabled) fail(2, "SCIM is not enabled for this organization: enable it in the console first.");
  const old = before.tokens.filter((t) => t.status === "active" || t.id === before.expiry?.tokenId);
  const active = before.tokens.filter((t) => t.status === "active");
  if (active.length >= before.maxActiveTokens)
    fail(2, `${active.length} tokens are already active: delete the one your identity provider no longer uses, then run this again.`);

  const created = await api("POST", "/tokens");
  const fresh = created.tokenInfo;
  console.log(`Created token ${fresh.prefix}… (expires ${fresh.expiresAt}).`);
  try {
    await handToIdp(created.token, created.baseUrl);
  } catch (err) {
    // The identity provider still has the old token: remove the unused new one again.
    await api("DELETE", `/tokens/${fresh.id}`).catch(() => {});
    throw err;
  }
  console.log(`Handed ${fresh.prefix}… to ${idp === "entra" ? "Microsoft Entra ID" : "Okta"}; waiting for its first request with it…`);

  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = await api("GET", "");
    const t = now.tokens.find((x) => x.id === fresh.id);
    if (!t) fail(1, `Token ${fresh.prefix}… disappeared (deleted in the console?).`);
    if (t.lastUsedAt) {
      console.log(
        `The identity provider switched to ${t.prefix}… at ${t.lastUsedAt}${t.lastUsedClient ? ` (${t.lastUsedClient}, ${t.lastUsedAddress ?? "?"})` : ""}.`,
      );
      break;
    }
    if (Date.now() > deadline)
      fail(
        3,
        `The identity provider has not used ${fresh.prefix}… within ${waitMs / 1000} s; both tokens are left active. Run again later or delete the old token by hand.`,
      );
    await sleep(pollMs);
  }
  for (const t of old) {
    await api("DELETE", `/tokens/${t.id}`).catch((err) => {
      if (err.status !== 404) throw err; // already deleted: fine
    });
    console.log(`Deleted the old token ${t.prefix}….`);
  }
  console.log("Rotation complete.");
}

main().catch((err) => fail(1, err.message));
