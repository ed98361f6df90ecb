import type { FilterTable } from "../../db/filter-table";

// What a SCIM filter on Users may compare (RFC 7643 names, lower-cased), on "Member" m and its
// "MemberEmail" e rows (statements.ts scimMemberFilter). Anything else is 400 invalidFilter.
export const MEMBER_FILTER: FilterTable = {
  columns: {
    id: { sql: `m."id"`, type: "string" },
    username: { sql: `m."userNameLower"`, type: "string", lower: true },
    externalid: { sql: `m."externalId"`, type: "string", nullable: true }, // caseExact (RFC 7643 §3.1)
    // The IdP's displayName (what the resource returns), not the console's "given family".
    displayname: { sql: `m."scimDisplayNameLower"`, type: "string", lower: true, nullable: true },
    "name.givenname": { sql: `m."givenNameLower"`, type: "string", lower: true, nullable: true },
    "name.familyname": { sql: `m."familyNameLower"`, type: "string", lower: true, nullable: true },
    active: { sql: `m."locked"`, type: "boolean", invert: true },
    "meta.created": { sql: `m."createdAt"`, type: "date" },
    "meta.lastmodified": { sql: `m."updatedAt"`, type: "date" },
  },
  children: {
    // The derived email rows; type is written lower-cased.
    emails: {
      rows: `"MemberEmail" e WHERE e."memberId" = m."id"`,
      columns: {
        value: { sql: `e."valueLower"`, type: "string", lower: true },
        type: { sql: `e."type"`, type: "string", lower: true, nullable: true },
        primary: { sql: `e."primary"`, type: "boolean" },
      },
    },
  },
};
