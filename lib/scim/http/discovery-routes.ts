import { resourceTypes, schemas, serviceProviderConfig } from "../discovery";
import { ScimError, notFound, scimJson } from "../errors";
import { listResponse, parsePaging } from "../list-response";
import type { Handler } from "./types";

const groupsNotSupported: Handler = () => Promise.reject(new ScimError(501, "Groups are not supported yet."));
const writes = { POST: groupsNotSupported, PUT: groupsNotSupported, PATCH: groupsNotSupported, DELETE: groupsNotSupported };

// Groups answer reads with nothing (Entra and Okta probe them) and writes with 501 until groups exist.
export const groupsRoute = {
  collection: { GET: async (r) => scimJson(listResponse([], 0, parsePaging(r.params).startIndex)), ...writes } satisfies Record<string, Handler>,
  item: { GET: (r) => Promise.reject(notFound(`Group '${r.id}' not found: groups are not supported yet.`)), ...writes } satisfies Record<string, Handler>,
};

export const discoveryRoute = {
  serviceProviderConfig: { GET: async (r) => scimJson(serviceProviderConfig(r.ctx.baseUrl)) } satisfies Record<string, Handler>,
  resourceTypes: { GET: async (r) => scimJson(resourceTypes(r.ctx.baseUrl, r.id)) } satisfies Record<string, Handler>,
  schemas: { GET: async (r) => scimJson(schemas(r.ctx.baseUrl, r.id)) } satisfies Record<string, Handler>,
};
