import { ENTERPRISE_USER } from "../../scim/constants";
import { isObject, parseStoredJson, type ScimObject } from "../../scim/json";
import type { MemberRow } from "./columns";
import type { ScimProfile } from "./scim-profile";

const asObject = (v: unknown): ScimObject => (isObject(v) ? v : {});

/** Top-level attributes whose stored value differs: for the audit detail, and to skip no-op writes. */
function changedKeys(before: ScimObject, after: ScimObject): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((k) => {
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) return [];
    // Name the extension's attributes (department, manager…) rather than its URN.
    if (k === ENTERPRISE_USER) return changedKeys(asObject(before[k]), asObject(after[k]));
    return [k];
  });
}

export function changedAttributes(row: MemberRow, profile: ScimProfile): string[] {
  const changed = changedKeys(parseStoredJson(row.scimAttributes), profile.attributes);
  if (row.userName !== profile.userName) changed.unshift("userName");
  if ((row.externalId ?? undefined) !== profile.externalId) changed.unshift("externalId");
  return changed;
}
