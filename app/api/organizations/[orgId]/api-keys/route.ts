import { createApiKey, listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { readJson } from "@/lib/http/read-json";

// Session only (withOrg): an API key cannot list or create API keys.

// GET /api/organizations/[orgId]/api-keys — the organization's API keys (never a key itself)
export const GET = withOrg<{ orgId: string }>("provisioning:manage", async ({ orgId }) => json({ apiKeys: await listApiKeys(orgId) }));

// POST /api/organizations/[orgId]/api-keys — body { name, expiresInDays (≤ 365), scope? }; the key is returned once
export const POST = withOrg<{ orgId: string }>("provisioning:manage", async ({ orgId, req, user }) =>
  json(await createApiKey(orgId, await readJson(req), { userId: user.id, email: user.email }), { status: 201 }),
);
