import type { GroupMemberRow, GroupRow } from "../../groups/store";
import { CORE_GROUP } from "../constants";
import type { ScimObject } from "../json";
import { userLocation } from "../user-resource";

export function groupLocation(baseUrl: string, id: string): string {
  return `${baseUrl}/Groups/${encodeURIComponent(id)}`;
}

/** Group → SCIM Group (RFC 7643 §4.2). `members` undefined: not loaded (excluded), so not returned. */
export function toScimGroup(g: GroupRow, baseUrl: string, members?: readonly GroupMemberRow[]): ScimObject {
  return {
    schemas: [CORE_GROUP],
    id: g.id,
    ...(g.externalId !== null ? { externalId: g.externalId } : {}),
    displayName: g.displayName,
    ...(members
      ? {
          members: members.map((m) => ({
            value: m.id,
            $ref: userLocation(baseUrl, m.id),
            display: m.displayName ?? m.userName,
            type: "User",
          })),
        }
      : {}),
    meta: {
      resourceType: "Group",
      created: g.createdAt.toISOString(),
      lastModified: g.updatedAt.toISOString(),
      location: groupLocation(baseUrl, g.id),
      version: `W/"${g.version}"`,
    },
  };
}

/** The group's own attributes as PATCH applies operations to them (its members are the store's). */
export function patchableGroup(g: GroupRow): ScimObject {
  return { displayName: g.displayName, ...(g.externalId !== null ? { externalId: g.externalId } : {}) };
}
