import { asBool, asDate, asText, type Row } from "../../db/sql";

// A member as the store hands it out, and the columns a profile is stored in. One list of
// columns serves every statement that reads members (rows as arrays, in this order).

export const MEMBER_FIELDS = [
  "id",
  "organizationId",
  "role",
  "userName",
  "externalId",
  "email",
  "givenName",
  "familyName",
  "displayName",
  "locked",
  "scimManaged",
  "scimAttributes",
  "version",
  "createdAt",
  "updatedAt",
] as const;

type Field = (typeof MEMBER_FIELDS)[number];

export interface MemberRow {
  id: string;
  organizationId: string;
  role: string; // "owner" | "member"
  userName: string;
  externalId: string | null;
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  locked: boolean;
  scimManaged: boolean;
  /** JSON: the rest of the SCIM resource as the IdP sent it, so it round-trips. */
  scimAttributes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** `"id", "organizationId", …` for the prepared statements. */
export const MEMBER_COLUMNS = MEMBER_FIELDS.map((f) => `"${f}"`).join(", ");

const at = Object.fromEntries(MEMBER_FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

export function memberFromRow(r: Row): MemberRow {
  return {
    id: String(r[at.id]),
    organizationId: String(r[at.organizationId]),
    role: String(r[at.role]),
    userName: String(r[at.userName]),
    externalId: asText(r[at.externalId]),
    email: asText(r[at.email]),
    givenName: asText(r[at.givenName]),
    familyName: asText(r[at.familyName]),
    displayName: asText(r[at.displayName]),
    locked: asBool(r[at.locked]),
    scimManaged: asBool(r[at.scimManaged]),
    scimAttributes: asText(r[at.scimAttributes]),
    version: Number(r[at.version]),
    createdAt: asDate(r[at.createdAt]),
    updatedAt: asDate(r[at.updatedAt]),
  };
}

/** The product's display-name rule: "given family" (name.formatted is not used), else what the IdP sent, else either name. */
export function displayNameOf(givenName: string | null, familyName: string | null, sent: string | null = null): string | null {
  return givenName && familyName ? `${givenName} ${familyName}` : (sent ?? givenName ?? familyName);
}

export interface ProfileColumns {
  userName: string;
  userNameLower: string;
  email: string | null;
  emailLower: string | null;
  givenName: string | null;
  givenNameLower: string | null;
  familyName: string | null;
  familyNameLower: string | null;
  displayName: string | null;
  displayNameLower: string | null;
}

/** Name and email columns with their lower-cased twins (case-insensitive search, filters and uniqueness). */
export function profileColumns(p: {
  userName: string;
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  sentDisplayName?: string | null;
}): ProfileColumns {
  const lower = (v: string | null) => v?.toLowerCase() ?? null;
  const displayName = displayNameOf(p.givenName, p.familyName, p.sentDisplayName ?? null);
  return {
    userName: p.userName,
    userNameLower: p.userName.toLowerCase(),
    email: p.email,
    emailLower: lower(p.email),
    givenName: p.givenName,
    givenNameLower: lower(p.givenName),
    familyName: p.familyName,
    familyNameLower: lower(p.familyName),
    displayName,
    displayNameLower: lower(displayName),
  };
}
