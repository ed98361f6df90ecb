import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { readJson } from "@/lib/http/read-json";
import { mappingInput, mappingPreviewParams } from "@/lib/groups/group-query";
import { previewGroupMapping, setGroupMapping } from "@/lib/groups/store";

type Params = { orgId: string; groupId: string };

// GET /api/organizations/[orgId]/groups/[groupId]/mapping?permission=iam|none — who would gain or lose the IAM permission
export const GET = withOrg<Params>("provisioning:manage", async ({ orgId, params, req }) => {
  const { permission } = mappingPreviewParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await previewGroupMapping(orgId, params.groupId, permission === "iam" ? "iam" : null));
});

// PUT /api/organizations/[orgId]/groups/[groupId]/mapping { permission: "iam" | null } — save the mapping
export const PUT = withOrg<Params>("provisioning:manage", async ({ orgId, params, req, user }) => {
  const { permission } = mappingInput.parse(await readJson(req));
  return json(await setGroupMapping(orgId, params.groupId, permission, { type: "user", id: user.id, label: user.email }));
});
