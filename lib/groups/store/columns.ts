import { asDate, asText, type Row } from "../../db/sql";

// A group as the store hands it out. One list of columns serves the prepared statements
// (rows as arrays, in this order).

export const GROUP_FIELDS = [
  "id",
  "organizationId",
  "displayName",
  "externalId",
  "scimAttributes",
  "version",
  "createdAt",
  "updatedAt",
] as const;

export interface GroupRow {
  id: string;
  organizationId: string;
  displayName: string;
  externalId: string | null;
  /** JSON: the rest of the resource as the IdP sent it. */
  scimAttributes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** `"id", "organizationId", …` for the prepared statements. */
export const GROUP_COLUMNS = GROUP_FIELDS.map((f) => `"${f}"`).join(", ");

export function groupFromRow(r: Row): GroupRow {
  return {
    id: String(r[0]),
    organizationId: String(r[1]),
    displayName: String(r[2]),
    externalId: asText(r[3]),
    scimAttributes: asText(r[4]),
    version: Number(r[5]),
    createdAt: asDate(r[6]),
    updatedAt: asDate(r[7]),
  };
}

/** A member of a group as a SCIM Group lists it. */
export interface GroupMemberRow {
  id: string;
  userName: string;
  displayName: string | null;
}

export const groupMemberFromRow = (r: Row): GroupMemberRow => ({ id: String(r[0]), userName: String(r[1]), displayName: asText(r[2]) });

/** What a POST, PUT or PATCH stores about the group itself (members are written apart). */
export interface GroupProfile {
  displayName: string;
  externalId: string | null;
  /** Everything else the IdP sent that we keep, as JSON. */
  attributes: Record<string, unknown>;
}
