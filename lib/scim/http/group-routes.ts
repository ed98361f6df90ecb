import { SCIM_NO_CONTENT_HEADERS, scimJson } from "../errors";
import { createGroup, deleteGroup, getGroup, listGroups, patchGroup, replaceGroup } from "../groups/group-operations";
import type { ScimObject } from "../json";
import { listResponse, parsePaging, queryParam } from "../list-response";
import { parseAttributeList, projectResource } from "../projection";
import { GROUP_BODY } from "./limits";
import { readJsonBody } from "./read-body";
import { assertPatchLimits } from "./json-limits";
import { filterParam } from "./user-routes";
import type { Handler, ScimRequest } from "./types";

/** attributes / excludedAttributes (RFC 7644 §3.9), and whether the response needs the members at all. */
function projection(params: URLSearchParams) {
  const attributes = parseAttributeList(queryParam(params, "attributes"));
  const excluded = parseAttributeList(queryParam(params, "excludedAttributes"));
  const names = (paths: string[][]) => paths.map((p) => p[0]!.toLowerCase());
  const withMembers = attributes.length
    ? names(attributes).includes("members")
    : !excluded.some((p) => p.length === 1 && p[0]!.toLowerCase() === "members");
  return { withMembers, project: (r: ScimObject) => projectResource(r, attributes, excluded) };
}

function groupResponse(r: ScimRequest, resource: ScimObject, project: (r: ScimObject) => ScimObject, status = 200): Response {
  const location = (resource.meta as { location: string }).location;
  return scimJson(project(resource), status, { Location: location });
}

const readGroupBody = (req: Request) => readJsonBody(req, GROUP_BODY);
const noContent = () => new Response(null, { status: 204, headers: SCIM_NO_CONTENT_HEADERS });

export const groupsRoute: Record<string, Handler> = {
  // GET /Groups — list and filter; members only when the response carries them
  GET: async (r) => {
    const paging = parsePaging(r.params);
    const { withMembers, project } = projection(r.params);
    const page = await listGroups(r.ctx, filterParam(r.params), paging, withMembers);
    return scimJson(listResponse(page.resources.map(project), page.totalResults, paging.startIndex));
  },
  // POST /Groups — with or without members; displayName unique per organization (409)
  POST: async (r) => {
    const { withMembers, project } = projection(r.params);
    return groupResponse(r, await createGroup(r.ctx, await readGroupBody(r.req), withMembers), project, 201);
  },
};

export const groupRoute: Record<string, Handler> = {
  GET: async (r) => {
    const { withMembers, project } = projection(r.params);
    return groupResponse(r, await getGroup(r.ctx, r.id!, withMembers), project);
  },
  PUT: async (r) => {
    const { withMembers, project } = projection(r.params);
    return groupResponse(r, await replaceGroup(r.ctx, r.id!, await readGroupBody(r.req), withMembers), project);
  },
  PATCH: async (r) => {
    const body = await readGroupBody(r.req);
    assertPatchLimits(body);
    await patchGroup(r.ctx, r.id!, body);
    return noContent();
  },
  DELETE: async (r) => {
    await deleteGroup(r.ctx, r.id!);
    return noContent();
  },
};
