import { resourceTypes, schemas, serviceProviderConfig } from "../discovery";
import { scimJson } from "../errors";
import type { Handler } from "./types";

export const discoveryRoute = {
  serviceProviderConfig: { GET: async (r) => scimJson(serviceProviderConfig(r.ctx.baseUrl)) } satisfies Record<string, Handler>,
  resourceTypes: { GET: async (r) => scimJson(resourceTypes(r.ctx.baseUrl, r.id)) } satisfies Record<string, Handler>,
  schemas: { GET: async (r) => scimJson(schemas(r.ctx.baseUrl, r.id)) } satisfies Record<string, Handler>,
};
