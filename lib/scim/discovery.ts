import {
  CORE_GROUP,
  CORE_USER,
  ENTERPRISE_USER,
  LIST_RESPONSE,
  MAX_RESULTS,
  RESOURCE_TYPE_SCHEMA,
  SCHEMA_SCHEMA,
  SERVICE_PROVIDER_CONFIG,
} from "./constants";
import { notFound } from "./errors";
import { SCHEMAS } from "./schema/user-schema";

// RFC 7643 §5–7 discovery documents: Users (with the Enterprise extension) and Groups.

const DOCS = "https://datatracker.ietf.org/doc/html/rfc7644";

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG],
    documentationUri: DOCS,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "OAuth Bearer Token",
        description: "Authentication with the SCIM token generated in the organization's settings: Authorization: Bearer <token>.",
        specUri: "https://datatracker.ietf.org/doc/html/rfc6750",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

function userResourceType(baseUrl: string) {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: "User",
    name: "User",
    endpoint: "/Users",
    description: "User Account (a member of the organization)",
    schema: CORE_USER,
    schemaExtensions: [{ schema: ENTERPRISE_USER, required: false }],
    meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/User` },
  };
}

function groupResourceType(baseUrl: string) {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: "Group",
    name: "Group",
    endpoint: "/Groups",
    description: "Group (the identity provider's groups, which the console can map to permissions)",
    schema: CORE_GROUP,
    schemaExtensions: [],
    meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/Group` },
  };
}

function schemaDocument(baseUrl: string, s: (typeof SCHEMAS)[number]) {
  return { schemas: [SCHEMA_SCHEMA], ...s, meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${s.id}` } };
}

function list(resources: unknown[]) {
  return { schemas: [LIST_RESPONSE], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources };
}

export function resourceTypes(baseUrl: string, id?: string) {
  const all = [userResourceType(baseUrl), groupResourceType(baseUrl)];
  if (id === undefined) return list(all);
  const found = all.find((r) => r.id.toLowerCase() === id.toLowerCase());
  if (!found) throw notFound(`Resource type '${id}' not found.`);
  return found;
}

export function schemas(baseUrl: string, id?: string) {
  const all = SCHEMAS.map((s) => schemaDocument(baseUrl, s));
  if (id === undefined) return list(all);
  const found = all.find((s) => s.id.toLowerCase() === id.toLowerCase());
  if (!found) throw notFound(`Schema '${id}' not found.`);
  return found;
}
