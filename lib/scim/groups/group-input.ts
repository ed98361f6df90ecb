import type { GroupProfile } from "../../groups/store";
import { badRequest } from "../errors";
import { field, isObject } from "../json";

// POST and PUT /Groups bodies, and the member lists PATCH carries, in every shape Entra ID,
// Okta and Microsoft's test tools send: member objects (`value`, optional `display` or
// `displayName`, `$ref`, `type`) or bare id strings. Unknown attributes and schemas are ignored.

const MAX_ID_LENGTH = 200;

/** The member ids in a `members` value; ids too long to be ours are dropped (they cannot match). */
export function memberIds(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const ids = items.map((item) => {
    const id = isObject(item) ? field(item, "value") : item;
    if (typeof id !== "string")
      throw badRequest("invalidValue", "Each member must be a User id, or an object with a string 'value' (the User's id).");
    return id.trim();
  });
  return [...new Set(ids.filter((id) => id && id.length <= MAX_ID_LENGTH))];
}

export function displayNameValue(value: unknown): string {
  if (typeof value !== "string" || !value.trim())
    throw badRequest("invalidValue", "'displayName' is required and must be a non-empty string.");
  return value;
}

export function externalIdValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "string") throw badRequest("invalidValue", "'externalId' must be a string.");
  return value;
}

export interface GroupInput {
  profile: GroupProfile;
  /** Undefined when the body has no `members`: a PUT then leaves the membership alone. */
  members?: string[];
}

export function normalizeGroup(body: unknown): GroupInput {
  if (!isObject(body)) throw badRequest("invalidSyntax", "The request body must be a JSON object.");
  const members = field(body, "members");
  return {
    profile: {
      displayName: displayNameValue(field(body, "displayName")),
      externalId: externalIdValue(field(body, "externalId")),
      attributes: {},
    },
    members: members === undefined || members === null ? undefined : memberIds(members),
  };
}
