import { parse, type Filter } from "scim2-parse-filter";
import type { GroupProfile, GroupRow, GroupUpdate, MembershipOp } from "../../groups/store";
import { badRequest } from "../errors";
import { isObject } from "../json";
import { splitSchemaPrefix } from "../schema/schema-prefix";
import { displayNameValue, externalIdValue, field, memberIds } from "./group-input";

// PATCH /Groups/<id> in every shape Entra ID and Okta send (IDP-REQUESTS.md): add / remove /
// replace in any letter case; `members` with objects or bare ids; removal by
// `members[value eq "…"]`; `remove members` with no value clears it; a path-less replace of
// `{ id, displayName }` (Okta's rename). The operations become one GroupUpdate, applied in
// order in one transaction. Unknown attributes are ignored, as for Users.

interface RawOperation {
  op: string;
  path?: string;
  value?: unknown;
  hasValue: boolean;
}

function operationsOf(body: unknown): RawOperation[] {
  if (!isObject(body)) throw badRequest("invalidSyntax", "The request body must be a JSON object.");
  const ops = field(body, "Operations");
  if (!Array.isArray(ops) || !ops.length) throw badRequest("invalidSyntax", "'Operations' must be a non-empty list of operations.");
  return ops.map((o) => {
    if (!isObject(o)) throw badRequest("invalidSyntax", "Each operation must be an object.");
    const op = field(o, "op");
    const path = field(o, "path");
    if (typeof op !== "string") throw badRequest("invalidSyntax", "Each operation needs an 'op'.");
    if (path !== undefined && path !== null && typeof path !== "string") throw badRequest("invalidSyntax", "'path' must be a string.");
    const valueKey = Object.keys(o).find((k) => k.toLowerCase() === "value");
    return { op: op.trim().toLowerCase(), path: typeof path === "string" && path.trim() ? path.trim() : undefined, value: valueKey ? o[valueKey] : undefined, hasValue: valueKey !== undefined };
  });
}

/** The ids a `members[…]` filter names: `value eq "x"`, or several joined by `or`. */
function idsInFilter(f: Filter): string[] {
  if (f.op === "or") return f.filters.flatMap(idsInFilter);
  if (f.op === "eq" && f.attrPath.toLowerCase() === "value" && typeof f.compValue === "string") return [f.compValue];
  throw badRequest("invalidFilter", "A members filter must be value eq \"<id>\" (or several joined by or).");
}

type Target = { attr: "members"; filter?: string } | { attr: "displayname" } | { attr: "externalid" } | undefined;

const PATH = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?$/s;

function targetOf(path: string): Target {
  const split = splitSchemaPrefix(path);
  const m = split && PATH.exec(split.rest);
  if (!m) return undefined; // another schema, or an attribute we do not keep: ignored
  const name = m[1]!.toLowerCase();
  if (name === "members") return { attr: "members", filter: m[2] };
  if (m[2] !== undefined) return undefined;
  return name === "displayname" || name === "externalid" ? { attr: name } : undefined;
}

function parseMembersFilter(text: string): string[] {
  let f: Filter;
  try {
    f = parse(text);
  } catch {
    throw badRequest("invalidPath", `The filter in 'members[${text}]' is not valid.`);
  }
  return idsInFilter(f);
}

export function groupPatch(body: unknown): (current: GroupRow) => GroupUpdate {
  const operations = operationsOf(body);
  const attributeSteps: ((p: GroupProfile) => GroupProfile)[] = [];
  const membership: MembershipOp[] = [];

  const setAttr = (name: "displayname" | "externalid", value: unknown) => {
    if (name === "displayname") {
      const displayName = displayNameValue(value);
      attributeSteps.push((p) => ({ ...p, displayName }));
    } else {
      const externalId = externalIdValue(value);
      attributeSteps.push((p) => ({ ...p, externalId }));
    }
  };

  for (const o of operations) {
    if (o.op !== "add" && o.op !== "replace" && o.op !== "remove") throw badRequest("invalidSyntax", `Unsupported operation '${o.op}': use add, replace or remove.`);
    if (o.op === "remove") {
      if (!o.path) throw badRequest("noTarget", "A 'remove' operation needs a 'path'.");
      const t = targetOf(o.path);
      if (!t) continue;
      if (t.attr === "displayname") throw badRequest("mutability", "'displayName' is required: it can be replaced, not removed.");
      if (t.attr === "externalid") attributeSteps.push((p) => ({ ...p, externalId: null }));
      else if (t.filter !== undefined) membership.push({ kind: "remove", ids: parseMembersFilter(t.filter) });
      else if (o.value === undefined || o.value === null) membership.push({ kind: "clear" });
      else membership.push({ kind: "remove", ids: memberIds(o.value) });
      continue;
    }
    if (!o.hasValue) throw badRequest("invalidValue", `The '${o.op}' operation needs a 'value'.`);
    if (o.path) {
      const t = targetOf(o.path);
      if (!t) continue;
      if (t.attr === "members") {
        if (t.filter !== undefined) throw badRequest("invalidPath", "Members are added by 'members' with a list of ids, not through a filter.");
        membership.push({ kind: o.op === "add" ? "add" : "set", ids: memberIds(o.value) });
      } else setAttr(t.attr, o.value);
      continue;
    }
    if (!isObject(o.value)) throw badRequest("invalidValue", `An '${o.op}' operation without a path needs an object value.`);
    // Okta's rename `{ id, displayName }`: id is read-only (ignored), the rest are attributes.
    for (const [key, value] of Object.entries(o.value)) {
      const t = targetOf(key);
      if (!t) continue;
      if (t.attr === "members") membership.push({ kind: o.op === "add" ? "add" : "set", ids: memberIds(value) });
      else setAttr(t.attr, value);
    }
  }

  return (current) => {
    const start: GroupProfile = { displayName: current.displayName, externalId: current.externalId, attributes: {} };
    return { profile: attributeSteps.reduce((p, step) => step(p), start), membership };
  };
}
