import { scimPatch, ScimError as LibraryError, type ScimPatchOperation, type ScimResource } from "scim-patch";
import { filter as compileFilter, parse, type Filter } from "scim2-parse-filter";
import { ENTERPRISE_USER } from "../constants";
import { badRequest, type ScimType } from "../errors";
import { isObject, type ScimObject } from "../json";
import type { PatchOperation } from "./normalize-operations";
import { pathText, type PatchPath } from "./patch-path";

// Applies normalised operations with scim-patch, one at a time, on a copy of the resource (a
// User, or a Group's own attributes: its members are the store's, lib/scim/groups/group-patch.ts).
// Around it: the checks RFC 7644 asks for that scim-patch does not make (remove of a missing
// target is noTarget), the one Entra relies on that it makes only partly (add/replace on a
// filtered path with no match creates the element), and removes named by value.

function container(resource: ScimObject, path: PatchPath): ScimObject | undefined {
  const c = path.schema === "enterprise" ? resource[ENTERPRISE_USER] : resource;
  return isObject(c) ? c : undefined;
}

function matching(resource: ScimObject, path: PatchPath): unknown[] {
  const c = container(resource, path);
  if (!c || !path.attr) return c ? [c] : [];
  const value = c[path.attr.name];
  if (value === undefined || value === null) return [];
  let items: unknown[] = Array.isArray(value) ? value : [value];
  if (path.filter) {
    const test = compileFilter(path.filter.ast);
    items = items.filter((item) => isObject(item) && test(item));
  }
  if (path.sub) {
    const sub = path.sub.name;
    items = items.filter((item) => isObject(item) && item[sub] !== undefined && item[sub] !== null);
  }
  return items;
}

/** `type eq "work"` → { type: "work" }: what a created element must carry to match its filter. */
function elementFromFilter(f: Filter): ScimObject | undefined {
  if (f.op !== "eq" || !("compValue" in f) || f.attrPath.includes(".")) return undefined;
  return { [f.attrPath]: f.compValue };
}

function run(resource: ScimObject, operation: ScimPatchOperation): ScimObject {
  try {
    return scimPatch(resource as unknown as ScimResource, [operation], {
      mutateDocument: true,
      treatMissingAsAdd: true,
    }) as unknown as ScimObject;
  } catch (err) {
    if (err instanceof LibraryError) throw badRequest((err.scimCode as ScimType | undefined) ?? "invalidValue", err.message);
    throw err;
  }
}

function applyOne(resource: ScimObject, op: PatchOperation): ScimObject {
  const text = pathText(op.path);
  if (op.op === "remove") {
    if (!matching(resource, op.path).length) {
      if (op.lenient) return resource;
      throw badRequest("noTarget", `The path '${text}' did not match any value to remove.`);
    }
    if (!op.path.attr) {
      delete resource[ENTERPRISE_USER]; // scim-patch cannot address a whole extension
      return resource;
    }
    return run(resource, { op: "remove", path: text });
  }
  // add/replace on `attr[filter]` (no sub-attribute) that matches nothing: create the element.
  if (op.path.filter && !op.path.sub && !matching(resource, op.path).length) {
    const seed = elementFromFilter(op.path.filter.ast);
    if (!seed || !isObject(op.value)) throw badRequest("noTarget", `The filter in '${text}' matched no value.`);
    const { filter: _filter, ...whole } = op.path;
    return run(resource, { op: "add", path: pathText(whole), value: [{ ...op.value, ...seed }] });
  }
  return run(resource, { op: op.op, path: text, value: op.value });
}

/**
 * `{"op":"Remove","path":"emails","value":[{"value":"x"}]}`: one filtered remove per value
 * named. Any other value on a remove is ignored (applyOne never reads it).
 */
function byValue(op: PatchOperation): PatchOperation[] {
  const { attr, filter, sub } = op.path;
  const items = Array.isArray(op.value) ? op.value : [];
  const named = items.length > 0 && items.every((i) => isObject(i) && typeof i.value === "string");
  if (op.op !== "remove" || !attr?.multiValued || filter !== undefined || sub || !named) return [op];
  return items.map((i) => {
    const text = `value eq ${JSON.stringify((i as { value: string }).value)}`;
    return { ...op, path: { ...op.path, filter: { text, ast: parse(text) } } };
  });
}

/** Applies every operation or none: the input is not modified, the caller writes the result once. */
export function applyPatch(resource: ScimObject, operations: PatchOperation[]): ScimObject {
  return operations.flatMap(byValue).reduce(applyOne, structuredClone(resource));
}
