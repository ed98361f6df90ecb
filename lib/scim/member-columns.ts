import type { Prisma } from "../db";
import { isObject } from "./json";
import type { UserInput } from "./user-input";

/** Member columns derived from a SCIM User (everything except id, organization, lock and bookkeeping). */
export function memberColumns(input: UserInput) {
  const name = isObject(input.attributes.name) ? input.attributes.name : {};
  const givenName = typeof name.givenName === "string" && name.givenName ? name.givenName : null;
  const familyName = typeof name.familyName === "string" && name.familyName ? name.familyName : null;
  const sentDisplayName = typeof input.attributes.displayName === "string" && input.attributes.displayName ? input.attributes.displayName : null;
  // Product rule: the display name is "given family" (name.formatted is not used). The
  // IdP's own displayName still round-trips through scimAttributes.
  const displayName = givenName && familyName ? `${givenName} ${familyName}` : (sentDisplayName ?? givenName ?? familyName);
  const emails = emailRows(input);
  const primary = emails.find((e) => e.primary) ?? emails[0];
  return {
    userName: input.userName,
    userNameLower: input.userName.toLowerCase(),
    email: primary?.value ?? null,
    emailLower: primary?.valueLower ?? null,
    givenName,
    givenNameLower: givenName?.toLowerCase() ?? null,
    familyName,
    familyNameLower: familyName?.toLowerCase() ?? null,
    displayName,
    displayNameLower: displayName?.toLowerCase() ?? null,
    externalId: input.externalId ?? null,
    scimAttributes: JSON.stringify(input.attributes),
  } satisfies Prisma.MemberUncheckedUpdateInput;
}

/** MemberEmail rows: the derived table email filters run on (type lower-cased: it is not case-exact). */
export function emailRows(input: UserInput): Omit<Prisma.MemberEmailCreateManyInput, "memberId">[] {
  const emails = Array.isArray(input.attributes.emails) ? input.attributes.emails : [];
  return emails
    .filter((e): e is { value: string; type?: unknown; primary?: unknown } => isObject(e) && typeof e.value === "string" && e.value.length > 0)
    .map((e) => ({ value: e.value, valueLower: e.value.toLowerCase(), type: typeof e.type === "string" ? e.type.toLowerCase() : null, primary: e.primary === true }));
}
