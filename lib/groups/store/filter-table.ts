import type { FilterTable } from "../../db/filter-table";

// What a SCIM filter on Groups may compare, on "Group" g and its "GroupMember" gm rows
// (statements.ts groupFilter). Anything else is 400 invalidFilter.
export const GROUP_FILTER: FilterTable = {
  columns: {
    id: { sql: `g."id"`, type: "string" },
    displayname: { sql: `g."displayNameLower"`, type: "string", lower: true },
    externalid: { sql: `g."externalId"`, type: "string", nullable: true }, // caseExact (RFC 7643 §3.1)
    "meta.created": { sql: `g."createdAt"`, type: "date" },
    "meta.lastmodified": { sql: `g."updatedAt"`, type: "date" },
  },
  children: {
    // `members.value`, `members[value eq "…"]`, `members pr`: the member ids.
    members: { rows: `"GroupMember" gm WHERE gm."groupId" = g."id"`, columns: { value: { sql: `gm."memberId"`, type: "string" } } },
  },
};
