import { CORE_USER, ENTERPRISE_USER } from "./constants";
import { isObject, parseStoredJson, type ScimObject } from "./json";
import type { MemberRow } from "../members/store";
import { CORE_USER_ATTRIBUTES } from "./schema/user-schema";

export interface ResourceContext {
  /** `<origin>/scim/v2/<orgId>`, for meta.location and manager.$ref. */
  baseUrl: string;
  /** Display names of the managers the rows point to (id → displayName), when known. */
  managers?: ReadonlyMap<string, string | null>;
  /** The User's groups (read-only, RFC 7643 §4.1.2); undefined: not read, not returned. */
  groups?: readonly { id: string; displayName: string }[];
}

export function userLocation(baseUrl: string, id: string): string {
  return `${baseUrl}/Users/${encodeURIComponent(id)}`;
}

/** What the IdP stored; for a member the IdP adopted without sending a name, what the console knows. */
export function storedAttributes(m: MemberRow): ScimObject {
  const stored = parseStoredJson(m.scimAttributes);
  if (m.scimAttributes) return stored;
  const name = { ...(m.givenName ? { givenName: m.givenName } : {}), ...(m.familyName ? { familyName: m.familyName } : {}) };
  return {
    ...(Object.keys(name).length ? { name } : {}),
    ...(m.displayName ? { displayName: m.displayName } : {}),
    ...(m.email ? { emails: [{ value: m.email, primary: true }] } : {}),
  };
}

/** The manager id in stored attributes (parsed once per row: toResources needs it before toScimUser). */
export function managerIdIn(stored: ScimObject): string | undefined {
  const ext = stored[ENTERPRISE_USER];
  const manager = isObject(ext) && isObject(ext.manager) ? ext.manager.value : undefined;
  return typeof manager === "string" ? manager : undefined;
}

/** Enterprise manager in the RFC 7643 §4.3 shape, whatever form the IdP sent it in. */
function enterprise(stored: unknown, ctx: ResourceContext): ScimObject | undefined {
  if (!isObject(stored)) return undefined;
  const ext: ScimObject = { ...stored };
  if (isObject(ext.manager) && typeof ext.manager.value === "string") {
    const id = ext.manager.value;
    const displayName = ctx.managers?.get(id);
    ext.manager = { value: id, $ref: userLocation(ctx.baseUrl, id), ...(displayName ? { displayName } : {}) };
  }
  return ext;
}

/** Member → SCIM User: every attribute exactly as the IdP stored it, plus id, active and meta. */
export function toScimUser(m: MemberRow, ctx: ResourceContext, stored = storedAttributes(m)): ScimObject {
  const ext = enterprise(stored[ENTERPRISE_USER], ctx);
  const resource: ScimObject = {
    schemas: ext ? [CORE_USER, ENTERPRISE_USER] : [CORE_USER],
    id: m.id,
    ...(m.externalId !== null ? { externalId: m.externalId } : {}),
    userName: m.userName,
  };
  for (const def of CORE_USER_ATTRIBUTES) {
    if (def.name === "userName") continue;
    if (def.name === "active") resource.active = !m.locked;
    else if (def.name === "groups") {
      // Ours, never what an IdP sent (Okta PUTs back `groups: []`); none is unassigned (RFC 7643 §2.5).
      if (ctx.groups?.length)
        resource.groups = ctx.groups.map((g) => ({
          value: g.id,
          $ref: `${ctx.baseUrl}/Groups/${encodeURIComponent(g.id)}`,
          display: g.displayName,
          type: "direct",
        }));
    } else if (stored[def.name] !== undefined) resource[def.name] = stored[def.name];
  }
  if (ext) resource[ENTERPRISE_USER] = ext;
  resource.meta = {
    resourceType: "User",
    created: m.createdAt.toISOString(),
    lastModified: m.updatedAt.toISOString(),
    location: userLocation(ctx.baseUrl, m.id),
    version: `W/"${m.version}"`,
  };
  return resource;
}

/** The stored resource in the form PATCH operates on (no id/meta/schemas). */
export function patchableUser(m: MemberRow): ScimObject {
  const stored = storedAttributes(m);
  return { userName: m.userName, ...(m.externalId !== null ? { externalId: m.externalId } : {}), active: !m.locked, ...stored };
}
