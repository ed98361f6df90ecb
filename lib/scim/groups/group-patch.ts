import type { Filter } from "scim2-parse-filter";
import type { GroupProfile, GroupRow, GroupUpdate, MembershipOp } from "../../groups/store";
import { badRequest } from "../errors";
import type { ScimObject } from "../json";
import { applyPatch } from "../patch/apply-patch";
import { normalizeOperations, type PatchOperation } from "../patch/normalize-operations";
import { GROUP_PATCH } from "../patch/patch-resources";
import { displayNameValue, externalIdValue, memberIds } from "./group-input";
import { patchableGroup } from "./group-resource";

// PATCH /Groups/<id>. The body goes through the same normalisation as a User's (every shape
// Entra ID and Okta send: op in any case, paths with or without the schema URN, Okta's
// path-less `{ id, displayName }`, bare-id members, `members[value eq "…"]`), then splits:
// - the operations on the group's own attributes (displayName, externalId) are applied by
//   scim-patch, as a User's are, to the group as stored, read under its lock;
// - those on `members` become the store's set-based membership operations (add ids, remove
//   ids, clear, replace all), kept in order and run in the same transaction.
// A group may hold every member of the organization: its member list is never loaded to be
// patched, and no request costs one statement per member.

/** The ids a `members[…]` filter names: `value eq "x"`, or several joined by `or`. */
function idsInFilter(f: Filter): string[] {
  if (f.op === "or") return f.filters.flatMap(idsInFilter);
  if (f.op === "eq" && f.attrPath.toLowerCase() === "value" && typeof f.compValue === "string") return [f.compValue];
  throw badRequest("invalidFilter", 'A members filter must be value eq "<id>" (or several joined by or).');
}

/** One operation on `members` as the store's membership operation; undefined when it asks for nothing. */
function membershipOp(o: PatchOperation): MembershipOp | undefined {
  const { filter, sub } = o.path;
  if (sub) return undefined; // members.value, members[…].type: nothing a member is but its id
  if (o.op === "remove") {
    if (filter) return { kind: "remove", ids: idsInFilter(filter.ast) };
    if (o.unassign === "add") return undefined; // `add members: null` adds no one
    // `remove members` with no value (or `replace members: null`) empties the group.
    return o.value === undefined || o.value === null ? { kind: "clear" } : { kind: "remove", ids: memberIds(o.value) };
  }
  if (filter) throw badRequest("invalidPath", "Members are added by 'members' with a list of ids, not through a filter.");
  return { kind: o.op === "add" ? "add" : "set", ids: memberIds(o.value) };
}

/** The group's own attributes as stored → its profile; the same checks as POST and PUT. */
function profileOf(resource: ScimObject): GroupProfile {
  return { displayName: displayNameValue(resource.displayName), externalId: externalIdValue(resource.externalId), attributes: {} };
}

/**
 * Parses and checks the body now (a bad request never opens a transaction); the returned
 * function turns the group read under the lock into the change to make.
 */
export function groupPatch(body: unknown): (current: GroupRow) => GroupUpdate {
  const own: PatchOperation[] = [];
  const membership: MembershipOp[] = [];
  for (const o of normalizeOperations(body, GROUP_PATCH)) {
    if (o.path.attr?.name === "members") {
      const m = membershipOp(o);
      if (m) membership.push(m);
    } else if (o.op === "remove" && !o.unassign && o.path.attr?.name === "displayName") {
      throw badRequest("mutability", "'displayName' is required: it can be replaced, not removed.");
    } else own.push(o);
  }
  return (current) => {
    const profile = own.length
      ? profileOf(applyPatch(patchableGroup(current), own))
      : { displayName: current.displayName, externalId: current.externalId, attributes: {} };
    return { profile, membership };
  };
}
