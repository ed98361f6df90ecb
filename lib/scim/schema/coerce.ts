import { badRequest } from "../errors";
import { isObject, type ScimObject } from "../json";
import { findAttribute, type AttributeDef } from "./attribute";

// Forgiving about what we accept (RFC 7644 leaves room, Entra and Okta use it): null means
// absent, "True"/"False" are booleans, a lone object stands for a one-element list, a
// manager may be a bare id. Unknown sub-attributes are dropped; wrong types are 400 invalidValue.

export function coerceBoolean(value: unknown, path: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const lower = value.trim().toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  throw badRequest("invalidValue", `Attribute '${path}' must be a boolean (true or false).`);
}

function coerceString(value: unknown, path: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw badRequest("invalidValue", `Attribute '${path}' must be a string.`);
}

function coerceComplex(def: AttributeDef, value: unknown, path: string): ScimObject | undefined {
  if (Array.isArray(value) && !def.multiValued) value = value[0]; // [{value,$ref}] for a single manager
  if (!isObject(value)) {
    // A bare value for a complex attribute that has a "value" (emails: ["a@b"], manager: "id").
    if (findAttribute(def.subAttributes, "value") && (typeof value === "string" || typeof value === "number")) value = { value };
    else throw badRequest("invalidValue", `Attribute '${path}' must be an object.`);
  }
  const out: ScimObject = {};
  for (const [key, sub] of Object.entries(value as ScimObject)) {
    const subDef = findAttribute(def.subAttributes, key);
    if (!subDef || subDef.mutability === "readOnly") continue;
    const coerced = coerceValue(subDef, sub, `${path}.${subDef.name}`);
    if (coerced !== undefined) out[subDef.name] = coerced;
  }
  return Object.keys(out).length ? out : undefined;
}

function coerceSingle(def: AttributeDef, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return undefined;
  switch (def.type) {
    case "complex":
      return coerceComplex(def, value, path);
    case "boolean":
      return coerceBoolean(value, path);
    default:
      return coerceString(value, path);
  }
}

/** At most one primary: true (RFC 7643 §2.4); the first one wins. */
function onePrimary(items: ScimObject[]): ScimObject[] {
  let seen = false;
  return items.map((item) => {
    if (item.primary !== true) return item;
    if (seen) return { ...item, primary: false };
    seen = true;
    return item;
  });
}

export function coerceValue(def: AttributeDef, value: unknown, path: string = def.name): unknown {
  if (value === null || value === undefined) return undefined;
  if (!def.multiValued) return coerceSingle(def, value, path);
  const list = (Array.isArray(value) ? value : [value]).map((v) => coerceSingle(def, v, path)).filter((v) => v !== undefined);
  if (!list.length) return undefined;
  return def.type === "complex" ? onePrimary(list as ScimObject[]) : list;
}
