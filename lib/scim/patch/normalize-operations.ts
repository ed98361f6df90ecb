import { z } from "zod";
import { ENTERPRISE_USER } from "../constants";
import { badRequest } from "../errors";
import { isObject } from "../json";
import { resolveKey } from "../user-input";
import { parsePatchPath, type PatchPath } from "./patch-path";

// Entra ID and Okta send PATCH bodies in several non-RFC shapes (IDP-REQUESTS.md). They are
// all rewritten here into one form — lower-case op, one canonical path per operation — so
// that scim-patch only ever sees RFC 7644 operations.

export interface PatchOperation {
  op: "add" | "replace" | "remove";
  path: PatchPath;
  value?: unknown;
  /** A remove that came from `value: null`: an absent target is fine, not noTarget. */
  lenient?: boolean;
}

const operationSchema = z.looseObject({
  op: z.string({ error: "Each operation needs an 'op'." }),
  path: z.string({ error: "'path' must be a string." }).optional(),
  value: z.unknown().optional(),
});

const bodySchema = z.looseObject({
  schemas: z.array(z.string()).optional(),
  Operations: z.array(operationSchema, { error: "'Operations' must be a list of operations." }).min(1, "'Operations' must not be empty."),
});

/** `{"emails": …, "name.givenName": …, "urn:…:enterprise:2.0:User:employeeNumber": …}` → one operation per key. */
function expandValueObject(op: "add" | "replace", value: Record<string, unknown>, within?: "core" | "enterprise"): PatchOperation[] {
  const out: PatchOperation[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const target = within ? { schema: within, path: key } : resolveKey(key);
    if (!target) continue;
    if ("container" in target) {
      if (isObject(inner)) out.push(...expandValueObject(op, inner, target.container));
      continue;
    }
    out.push(...toOperations(op, target.schema === "enterprise" ? `${ENTERPRISE_USER}:${target.path}` : target.path, inner));
  }
  return out;
}

/** Fixes the value's shape for its path: lists for whole multi-valued attributes, a manager object. */
function shapeValue(path: PatchPath, value: unknown): unknown {
  const def = path.attr;
  if (!def || path.sub || path.filter !== undefined) return value;
  if (def.multiValued && !Array.isArray(value)) return [value];
  if (def.name === "manager") {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return isObject(first) ? { value: first.value } : { value: first };
  }
  return value;
}

function toOperations(op: "add" | "replace", rawPath: string, value: unknown): PatchOperation[] {
  const path = parsePatchPath(rawPath);
  if (!path) return []; // unknown or read-only attribute: ignored, as in POST and PUT
  if (value === null || value === undefined || (isObject(value) && path.attr?.name === "manager" && !value.value)) {
    return [{ op: "remove", path, lenient: true }]; // "set to null" = unassign (RFC 7644 §3.5.2.3)
  }
  if (!path.attr) {
    if (!isObject(value)) throw badRequest("invalidValue", "The Enterprise User extension must be given an object.");
    return expandValueObject(op, value, "enterprise");
  }
  return [{ op, path, value: shapeValue(path, value) }];
}

/** Removes named by value (`{"op":"Remove","path":"emails","value":[{"value":"x"}]}`) become filtered removes. */
function removeOperations(rawPath: string | undefined, value: unknown): PatchOperation[] {
  if (!rawPath?.trim()) throw badRequest("noTarget", "A 'remove' operation needs a 'path'.");
  const path = parsePatchPath(rawPath);
  if (!path) throw badRequest("noTarget", `The path '${rawPath}' does not name an attribute of this User.`);
  const items = Array.isArray(value) ? value : [];
  if (path.attr?.multiValued && path.filter === undefined && !path.sub && items.length && items.every((i) => isObject(i) && typeof i.value === "string")) {
    return items.map((i) => ({ op: "remove" as const, path: { ...path, filter: `value eq ${JSON.stringify((i as { value: string }).value)}` } }));
  }
  return [{ op: "remove", path }]; // any other value on a remove is ignored
}

export function normalizeOperations(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw badRequest("invalidSyntax", "The request body must be a JSON object.");
  const parsed = bodySchema.safeParse({ ...body, Operations: body.Operations ?? body.operations });
  if (!parsed.success) throw badRequest("invalidSyntax", parsed.error.issues[0]?.message ?? "The PATCH request is not valid.");
  const out: PatchOperation[] = [];
  for (const operation of parsed.data.Operations) {
    const op = operation.op.trim().toLowerCase();
    if (op === "remove") out.push(...removeOperations(operation.path, operation.value));
    else if (op === "add" || op === "replace") {
      if (!("value" in operation)) throw badRequest("invalidValue", `The '${op}' operation needs a 'value'.`);
      if (operation.path?.trim()) out.push(...toOperations(op, operation.path, operation.value));
      else if (isObject(operation.value)) out.push(...expandValueObject(op, operation.value));
      else throw badRequest("invalidValue", `An '${op}' operation without a path needs an object value.`);
    } else throw badRequest("invalidSyntax", `Unsupported operation '${operation.op}': use add, replace or remove.`);
  }
  return out;
}
