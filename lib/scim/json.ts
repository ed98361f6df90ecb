// Small helpers for untyped JSON coming from IdPs.
export type ScimObject = Record<string, unknown>;

export function isObject(value: unknown): value is ScimObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseStoredJson(text: string | null | undefined): ScimObject {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** The key of `obj` named `key`, case-insensitively (RFC 7644 §3.10), or undefined. */
export function keyOf(obj: ScimObject, key: string): string | undefined {
  const lower = key.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

/** `key` of `obj`, case-insensitively (RFC 7644 §3.10). */
export function field(obj: ScimObject, key: string): unknown {
  const found = keyOf(obj, key);
  return found === undefined ? undefined : obj[found];
}
