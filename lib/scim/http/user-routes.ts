import { badRequest, SCIM_NO_CONTENT_HEADERS, scimJson } from "../errors";
import type { ScimObject } from "../json";
import { listResponse, parsePaging, queryParam } from "../list-response";
import { parseAttributeList, projectResource } from "../projection";
import { createUser } from "../users/create-user";
import { deleteUser } from "../users/delete-user";
import { getUser } from "../users/get-user";
import { listUsers } from "../users/list-users";
import { patchUser } from "../users/patch-user";
import { replaceUser } from "../users/replace-user";
import { assertPatchLimits, isStorableText } from "./json-limits";
import { readJsonBody } from "./read-body";
import type { Handler, ScimRequest } from "./types";

/** attributes / excludedAttributes apply to every response that carries Users (RFC 7644 §3.9). */
function projector(params: URLSearchParams): (r: ScimObject) => ScimObject {
  const attributes = parseAttributeList(queryParam(params, "attributes"));
  const excluded = parseAttributeList(queryParam(params, "excludedAttributes"));
  return (r) => projectResource(r, attributes, excluded);
}

/** The filter goes into a database query: what cannot be stored cannot match, and PostgreSQL refuses a NUL. */
export function filterParam(params: URLSearchParams): string | null {
  const filter = queryParam(params, "filter");
  if (filter !== null && !isStorableText(filter))
    throw badRequest("invalidFilter", "The filter must not contain NUL (U+0000) or unpaired surrogate characters.");
  return filter;
}

async function readPatchBody(req: Request): Promise<unknown> {
  const body = await readJsonBody(req);
  assertPatchLimits(body);
  return body;
}

function userResponse(r: ScimRequest, resource: ScimObject, status = 200): Response {
  const location = (resource.meta as { location: string }).location;
  return scimJson(projector(r.params)(resource), status, { Location: location });
}

export const usersRoute: Record<string, Handler> = {
  // GET /Users — list and filter
  GET: async (r) => {
    const paging = parsePaging(r.params);
    const page = await listUsers(r.ctx, filterParam(r.params), paging);
    return scimJson(listResponse(page.resources.map(projector(r.params)), page.totalResults, paging.startIndex));
  },
  // POST /Users — create, or adopt an unmanaged member of that userName
  POST: async (r) => userResponse(r, (await createUser(r.ctx, await readJsonBody(r.req))).resource, 201),
};

export const userRoute: Record<string, Handler> = {
  GET: async (r) => userResponse(r, await getUser(r.ctx, r.id!)),
  PUT: async (r) => userResponse(r, await replaceUser(r.ctx, r.id!, await readJsonBody(r.req))),
  PATCH: async (r) => userResponse(r, await patchUser(r.ctx, r.id!, await readPatchBody(r.req))),
  DELETE: async (r) => {
    await deleteUser(r.ctx, r.id!);
    return new Response(null, { status: 204, headers: SCIM_NO_CONTENT_HEADERS });
  },
};
