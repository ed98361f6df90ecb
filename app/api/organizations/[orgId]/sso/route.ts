import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { readJson } from "@/lib/http/read-json";
import { ssoConnectionInput } from "@/lib/sso/connection-input";
import { getSsoConnection } from "@/lib/sso/get-connection";
import { saveSsoConnection } from "@/lib/sso/save-connection";

// GET /api/organizations/[orgId]/sso — the connection and what to paste into the IdP (never the client secret)
export const GET = withOrg<{ orgId: string }>("provisioning:manage", async ({ orgId, origin }) =>
  json(await getSsoConnection(orgId, origin)),
);

// PUT /api/organizations/[orgId]/sso — replace the connection (SAML or OIDC); the secret is write-only
export const PUT = withOrg<{ orgId: string }>("provisioning:manage", async ({ orgId, origin, req, user }) => {
  await saveSsoConnection(orgId, ssoConnectionInput.parse(await readJson(req)), { id: user.id, label: user.email });
  return json(await getSsoConnection(orgId, origin));
});
