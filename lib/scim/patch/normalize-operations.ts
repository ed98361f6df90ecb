import { ENTERPRISE_USER } from "../constants";
import { badRequest } from "../errors";
import { field, isObject, keyOf } from "../json";
import { resolveKey } from "../schema/schema-prefix";
import { parsePatchPath, type PatchPath } from "./patch-path";
import type { PatchResource } from "./patch-resources";

// Entra ID and Okta send PATCH bodies in several non-RFC shapes (IDP-REQUESTS.md), to Users
// and Groups alike. They are all rewritten here, for both resources, into one form — lower-case
// op, one canonical path per operation, values shaped for their attribute — so that what
// applies them (scim-patch, or the group store's membership statements) only ever sees
// RFC 7644 operations.

export interface PatchOperation {
  op: "add" | "replace" | "remove";
  path: PatchPath;
  /** On a remove, the values named for removal (`remove emails value [{value}]`, members' ids), if any. */
  value?: unknown;
  /** A remove whose target may be absent: from `value: null`, or on a resource whose removes are lenient. */
  lenient?: boolean;
  /** The add or replace whose `value: null` became this remove ("set to null" = unassign, RFC 7644 §3.5.2.3). */
  unassign?: "add" | "replace";
}

interface RawOperation {
  op: string;
  path?: string;
  value?: unknown;
  hasValue: boolean;
}

/** The body's operations, with their keys read case-insensitively (`Operations`, `op`, `Path`…). */
function rawOperations(body: unknown): RawOperation[] {
  if (!isObject(body)) throw badRequest("invalidSyntax", "The request body must be a JSON object.");
  const schemas = field(body, "schemas");
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.every((s) => typeof s === "string")))
    throw badRequest("invalidSyntax", "'schemas' must be a list of schema URIs.");
  const operations = field(body, "Operations");
  if (!Array.isArray(operations)) throw badRequest("invalidSyntax", "'Operations' must be a list of operations.");
  if (!operations.length) throw badRequest("invalidSyntax", "'Operations' must not be empty.");
  return operations.map((o: unknown) => {
    if (!isObject(o)) throw badRequest("invalidSyntax", "Each operation must be an object.");
    const op = field(o, "op");
    const path = field(o, "path");
    if (typeof op !== "string") throw badRequest("invalidSyntax", "Each operation needs an 'op'.");
    if (path !== undefined && path !== null && typeof path !== "string") throw badRequest("invalidSyntax", "'path' must be a string.");
    const valueKey = keyOf(o, "value");
    return {
      op,
      path: typeof path === "string" && path.trim() ? path : undefined,
      value: valueKey === undefined ? undefined : o[valueKey],
      hasValue: valueKey !== undefined,
    };
  });
}

/** Fixes the value's shape for its path: lists for whole multi-valued attributes, a manager object. */
function shapeValue(path: PatchPath, value: unknown): unknown {
  const def = path.attr;
  if (!def || path.sub || path.filter) return value;
  if (def.multiValued && !Array.isArray(value)) return [value];
  if (def.name === "manager") {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return isObject(first) ? { value: first.value } : { value: first };
  }
  return value;
}

/** `{"emails": …, "name.givenName": …, "urn:…:enterprise:2.0:User:employeeNumber": …}` → one operation per key. */
function expandValueObject(
  resource: PatchResource,
  op: "add" | "replace",
  value: Record<string, unknown>,
  within?: "core" | "enterprise",
): PatchOperation[] {
  const out: PatchOperation[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const target = within ? { schema: within, path: key } : resolveKey(key);
    if (!target) continue;
    if ("container" in target) {
      if (isObject(inner)) out.push(...expandValueObject(resource, op, inner, target.container));
      continue;
    }
    out.push(...toOperations(resource, op, target.schema === "enterprise" ? `${ENTERPRISE_USER}:${target.path}` : target.path, inner));
  }
  return out;
}

function toOperations(resource: PatchResource, op: "add" | "replace", rawPath: string, value: unknown): PatchOperation[] {
  const path = parsePatchPath(rawPath, resource);
  if (!path) return []; // unknown or read-only attribute: ignored, as in POST and PUT
  if (value === null || value === undefined || (isObject(value) && path.attr?.name === "manager" && !value.value)) {
    return [{ op: "remove", path, lenient: true, unassign: op }];
  }
  if (!path.attr) {
    if (!isObject(value)) throw badRequest("invalidValue", "The Enterprise User extension must be given an object.");
    return expandValueObject(resource, op, value, "enterprise");
  }
  return [{ op, path, value: shapeValue(path, value) }];
}

function removeOperations(resource: PatchResource, rawPath: string | undefined, value: unknown, hasValue: boolean): PatchOperation[] {
  if (!rawPath) throw badRequest("noTarget", "A 'remove' operation needs a 'path'.");
  const path = parsePatchPath(rawPath, resource);
  if (!path) {
    if (resource.lenientRemoves) return [];
    throw badRequest("noTarget", `The path '${rawPath}' does not name an attribute of this ${resource.name}.`);
  }
  const lenient = resource.lenientRemoves ? { lenient: true } : {};
  return [{ op: "remove", path, ...(hasValue ? { value } : {}), ...lenient }];
}

function operationsOf(resource: PatchResource, operation: RawOperation): PatchOperation[] {
  const { path } = operation;
  const op = operation.op.trim().toLowerCase();
  if (op === "remove") return removeOperations(resource, path, operation.value, operation.hasValue);
  if (op !== "add" && op !== "replace")
    throw badRequest("invalidSyntax", `Unsupported operation '${operation.op}': use add, replace or remove.`);
  if (!operation.hasValue) throw badRequest("invalidValue", `The '${op}' operation needs a 'value'.`);
  if (path) return toOperations(resource, op, path, operation.value);
  if (isObject(operation.value)) return expandValueObject(resource, op, operation.value);
  throw badRequest("invalidValue", `An '${op}' operation without a path needs an object value.`);
}

/** A PATCH body (RFC 7644 §3.5.2, in every shape the IdPs send) → the operations on `resource`, in order. */
export function normalizeOperations(body: unknown, resource: PatchResource): PatchOperation[] {
  return rawOperations(body).flatMap((o) => operationsOf(resource, o));
}
