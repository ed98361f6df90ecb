import { splitSchemaPrefix } from "../schema/schema-prefix";

/** "urn:…:core:2.0:User:Emails.Value" → "emails.value"; other schemas keep their URN (and are not filterable). */
export function normalizeAttrPath(attrPath: string): string {
  const split = splitSchemaPrefix(attrPath);
  return (split?.schema === "core" ? split.rest : attrPath).toLowerCase();
}
