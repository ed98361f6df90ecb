import { CORE_GROUP, CORE_USER, ENTERPRISE_USER } from "../constants";

const CORE = CORE_USER.toLowerCase();
const GROUP = CORE_GROUP.toLowerCase();
const ENTERPRISE = ENTERPRISE_USER.toLowerCase();

export type SchemaName = "core" | "enterprise";

/**
 * Splits an attribute name into its schema and the rest (RFC 7644 §3.10: a name may be
 * prefixed by its schema URN, case-insensitively). `rest` is "" when the name is the URN
 * itself; undefined is returned for another schema's URN. Unprefixed names are core.
 */
export function splitSchemaPrefix(name: string): { schema: SchemaName; rest: string } | undefined {
  const lower = name.toLowerCase();
  if (lower === ENTERPRISE || lower === CORE) return { schema: lower === CORE ? "core" : "enterprise", rest: "" };
  if (lower.startsWith(ENTERPRISE + ":")) return { schema: "enterprise", rest: name.slice(ENTERPRISE.length + 1) };
  if (lower.startsWith(CORE + ":")) return { schema: "core", rest: name.slice(CORE.length + 1) };
  // A Group's attributes are its core schema's (the two resource types never share a request).
  if (lower.startsWith(GROUP + ":")) return { schema: "core", rest: name.slice(GROUP.length + 1) };
  if (lower.startsWith("urn:")) return undefined;
  return { schema: "core", rest: name };
}

type KeyTarget = { schema: SchemaName; path: string } | { container: SchemaName } | null;

/** Where a body key goes: "name.givenName", "urn:…:User:userName", "urn:…:enterprise:2.0:User:department", or a whole schema object. */
export function resolveKey(key: string): KeyTarget {
  const split = splitSchemaPrefix(key);
  if (!split) return null; // another extension: not ours, ignored
  return split.rest ? { schema: split.schema, path: split.rest } : { container: split.schema };
}
