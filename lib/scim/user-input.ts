import { z } from "zod";
import { ENTERPRISE_USER } from "./constants";
import { badRequest } from "./errors";
import type { ScimProfile } from "../members/store/scim-profile";
import { isObject, type ScimObject } from "./json";
import { findAttribute, type AttributeDef } from "./schema/attribute";
import { coerceBoolean, coerceValue } from "./schema/coerce";
import { resolveKey, type SchemaName } from "./schema/schema-prefix";
import { CORE_USER_ATTRIBUTES, ENTERPRISE_USER_ATTRIBUTES } from "./schema/user-schema";

/** A User as the member store keeps it (three attributes in columns, everything else as sent). */
export type UserInput = ScimProfile;

// Common attributes the server owns (RFC 7643 §3.1), and what we never store.
const IGNORED = new Set(["id", "meta", "schemas", "password", "groups"]);
// Attributes that live in Member columns rather than in scimAttributes.
const TOP_LEVEL = new Set(["username", "externalid", "active"]);

function schemaAttributes(schema: SchemaName): AttributeDef[] {
  return schema === "core" ? CORE_USER_ATTRIBUTES : ENTERPRISE_USER_ATTRIBUTES;
}

function setPath(target: ScimObject, defs: AttributeDef[], path: string, value: unknown): void {
  const [head = "", ...rest] = path.split(".");
  const def = findAttribute(defs, head);
  if (!def) return;
  if (!rest.length) {
    // A dotted key seen earlier ("name.givenName") and a whole object ("name") merge.
    target[def.name] = isObject(target[def.name]) && isObject(value) ? { ...(target[def.name] as ScimObject), ...value } : value;
    return;
  }
  if (def.type !== "complex" || def.multiValued) return;
  const sub = findAttribute(def.subAttributes, rest.join("."));
  if (!sub) return;
  const current = isObject(target[def.name]) ? (target[def.name] as ScimObject) : {};
  target[def.name] = { ...current, [sub.name]: value };
}

/** Gathers the body's keys under canonical names, per schema, before any value is checked. */
function gather(body: ScimObject, raw: Record<SchemaName, ScimObject>, top: ScimObject, only?: SchemaName): void {
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    const target = only ? { schema: only, path: key } : resolveKey(key);
    if (!target) continue;
    if ("container" in target) {
      if (isObject(value)) gather(value, raw, top, target.container);
      continue;
    }
    const lower = target.path.toLowerCase();
    if (target.schema === "core" && TOP_LEVEL.has(lower)) top[lower] = value;
    else if (target.schema === "core" && IGNORED.has(lower)) continue;
    else setPath(raw[target.schema], schemaAttributes(target.schema), target.path, value);
  }
}

function coerceAll(raw: ScimObject, defs: AttributeDef[]): ScimObject {
  const out: ScimObject = {};
  for (const def of defs) {
    if (def.mutability === "readOnly" || !(def.name in raw)) continue;
    const value = coerceValue(def, raw[def.name]);
    if (value !== undefined) out[def.name] = value;
  }
  return out;
}

const userNameSchema = z
  .string({ error: "userName must be a string." })
  .refine((s) => s.trim().length > 0, "userName must not be empty.")
  .refine((s) => s.length <= 256, "userName is longer than 256 characters.");
const externalIdSchema = z.union([z.string(), z.number().transform(String)], { error: "externalId must be a string." });

/**
 * Turns a POST/PUT body (or a patched resource) into what we store. Unknown attributes,
 * unknown schema URNs, read-only values echoed back by the IdP (id, meta, groups), the
 * password and nulls are ignored; a missing userName is 400 invalidValue.
 */
export function normalizeUser(body: unknown): UserInput {
  if (!isObject(body)) throw badRequest("invalidSyntax", "The request body must be a JSON object.");
  const raw: Record<SchemaName, ScimObject> = { core: {}, enterprise: {} };
  const top: ScimObject = {};
  gather(body, raw, top);

  if (top.username === undefined) throw badRequest("invalidValue", "userName is required.");
  const userName = userNameSchema.safeParse(top.username);
  if (!userName.success) throw badRequest("invalidValue", userName.error.issues[0]?.message ?? "userName is not valid.");
  const externalId = top.externalid === undefined ? undefined : externalIdSchema.safeParse(top.externalid);
  if (externalId && !externalId.success) throw badRequest("invalidValue", "externalId must be a string.");

  const attributes = coerceAll(raw.core, CORE_USER_ATTRIBUTES);
  const emails = attributes.emails as ScimObject[] | undefined;
  // Okta expects one primary email; IdPs that send none get their first one marked.
  if (emails && !emails.some((e) => e.primary === true)) emails[0] = { ...emails[0], primary: true };

  const enterprise = coerceAll(raw.enterprise, ENTERPRISE_USER_ATTRIBUTES);
  if (isObject(enterprise.manager)) {
    // We keep only the id; $ref and displayName are derived when the resource is emitted.
    if (typeof enterprise.manager.value === "string" && enterprise.manager.value.trim())
      enterprise.manager = { value: enterprise.manager.value };
    else delete enterprise.manager;
  }
  if (Object.keys(enterprise).length) attributes[ENTERPRISE_USER] = enterprise;

  return {
    userName: userName.data,
    externalId: externalId?.data,
    active: top.active === undefined ? undefined : coerceBoolean(top.active, "active"),
    attributes,
  };
}
