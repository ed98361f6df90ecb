import { isObject, type ScimObject } from "../../scim/json";
import { profileColumns, type ProfileColumns } from "./columns";

/** A SCIM User as the store keeps it: three attributes in columns, everything else as sent. */
export interface ScimProfile {
  userName: string;
  externalId?: string;
  active?: boolean; // absent = leave the lock state as it is
  /** Canonical attribute names; the Enterprise extension under its URN. Stored as scimAttributes. */
  attributes: ScimObject;
}

export interface EmailRow {
  value: string;
  valueLower: string;
  type: string | null;
  primary: boolean;
}

/** MemberEmail rows: the derived table email filters run on (type lower-cased: it is not case-exact). */
export function emailRows(p: ScimProfile): EmailRow[] {
  const emails = Array.isArray(p.attributes.emails) ? p.attributes.emails : [];
  return emails
    .filter(
      (e): e is { value: string; type?: unknown; primary?: unknown } => isObject(e) && typeof e.value === "string" && e.value.length > 0,
    )
    .map((e) => ({
      value: e.value,
      valueLower: e.value.toLowerCase(),
      type: typeof e.type === "string" ? e.type.toLowerCase() : null,
      primary: e.primary === true,
    }));
}

const nonEmpty = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

/** Member columns derived from a SCIM User (everything but id, organization, lock and bookkeeping). */
export function scimColumns(
  p: ScimProfile,
): ProfileColumns & { scimDisplayNameLower: string | null; externalId: string | null; scimAttributes: string } {
  const name = isObject(p.attributes.name) ? p.attributes.name : {};
  const emails = emailRows(p);
  const primary = emails.find((e) => e.primary) ?? emails[0];
  return {
    // The IdP's own displayName still round-trips through scimAttributes.
    ...profileColumns({
      userName: p.userName,
      email: primary?.value ?? null,
      givenName: nonEmpty(name.givenName),
      familyName: nonEmpty(name.familyName),
      sentDisplayName: nonEmpty(p.attributes.displayName),
    }),
    // The filter's displayName is the one the resource returns (the IdP's), not the console's.
    scimDisplayNameLower: nonEmpty(p.attributes.displayName)?.toLowerCase() ?? null,
    externalId: p.externalId ?? null,
    scimAttributes: JSON.stringify(p.attributes),
  };
}
