import { splitSchemaPrefix } from "../schema/schema-prefix";
import { badRequest } from "../errors";

/** How one filterable attribute maps to a column: lower-cased shadow columns make comparisons case-insensitive. */
export interface Column {
  column: string;
  type: "string" | "boolean" | "date";
  lower?: boolean; // compare against a lower-cased column with a lower-cased value
  nullable?: boolean;
  invert?: boolean; // active = NOT locked
}

export type Field = { on: "member"; col: Column } | { on: "email"; col: Column };

// Member attributes (RFC 7643 names, lower-cased) → columns. Anything else is 400 invalidFilter.
const MEMBER: Record<string, Column> = {
  id: { column: "id", type: "string" },
  username: { column: "userNameLower", type: "string", lower: true },
  externalid: { column: "externalId", type: "string", nullable: true }, // caseExact (RFC 7643 §3.1)
  // The IdP's displayName (what the resource returns), not the console's "given family".
  displayname: { column: "scimDisplayNameLower", type: "string", lower: true, nullable: true },
  "name.givenname": { column: "givenNameLower", type: "string", lower: true, nullable: true },
  "name.familyname": { column: "familyNameLower", type: "string", lower: true, nullable: true },
  active: { column: "locked", type: "boolean", invert: true },
  "meta.created": { column: "createdAt", type: "date" },
  "meta.lastmodified": { column: "updatedAt", type: "date" },
};

// Sub-attributes of emails, on the derived MemberEmail rows (type is written lower-cased).
const EMAIL: Record<string, Column> = {
  value: { column: "valueLower", type: "string", lower: true },
  type: { column: "type", type: "string", lower: true, nullable: true },
  primary: { column: "primary", type: "boolean" },
};

/** "urn:…:core:2.0:User:Emails.Value" → "emails.value"; other schemas keep their URN (and are unsupported). */
export function normalizeAttrPath(attrPath: string): string {
  const split = splitSchemaPrefix(attrPath);
  return (split?.schema === "core" ? split.rest : attrPath).toLowerCase();
}

/** Own keys only: "__proto__" or "constructor" as an attribute name must not find Object.prototype. */
const own = (table: Record<string, Column>, key: string): Column | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const unsupported = (attrPath: string) => badRequest("invalidFilter", `Filtering on '${attrPath}' is not supported.`);

/** A top-level attribute path: a Member column, or emails / emails.<sub> (matched against any email). */
export function memberField(attrPath: string): Field {
  const name = normalizeAttrPath(attrPath);
  const col = own(MEMBER, name);
  if (col) return { on: "member", col };
  if (name === "emails") return { on: "email", col: EMAIL.value! }; // "emails co x" compares the value
  if (name.startsWith("emails.")) {
    const sub = own(EMAIL, name.slice("emails.".length));
    if (sub) return { on: "email", col: sub };
  }
  throw unsupported(attrPath);
}

/** A sub-attribute inside emails[…]; "emails.type" is accepted there too. */
export function emailColumn(attrPath: string): Column {
  const name = normalizeAttrPath(attrPath).replace(/^emails\./, "");
  const col = own(EMAIL, name);
  if (!col) throw unsupported(attrPath);
  return col;
}

export function assertEmailsPath(attrPath: string): void {
  if (normalizeAttrPath(attrPath) !== "emails") throw unsupported(attrPath);
}
