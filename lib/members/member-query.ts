import { z } from "zod";

// Query string of GET /api/organizations/[orgId]/members. Unknown values are a 400, not ignored.
export const MEMBER_STATUSES = ["all", "active", "locked"] as const;
export const MEMBER_MANAGED = ["all", "managed", "unmanaged"] as const;
export const MEMBER_SORTS = ["name", "lastChange"] as const;
export const MAX_PAGE_SIZE = 100;

export const memberListParams = z.object({
  q: z.string().trim().max(200).default(""),
  status: z.enum(MEMBER_STATUSES).default("all"),
  managed: z.enum(MEMBER_MANAGED).default("all"),
  /** Members of one group (its id). */
  group: z.string().trim().max(200).default(""),
  sort: z.enum(MEMBER_SORTS).default("name"),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
});

export type MemberListQuery = z.infer<typeof memberListParams>;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/** Names read A→Z by default; the most recent SCIM change first by default. */
export function defaultOrder(sort: MemberSort): "asc" | "desc" {
  return sort === "name" ? "asc" : "desc";
}

export function parseMemberListQuery(params: URLSearchParams): MemberListQuery {
  return memberListParams.parse(Object.fromEntries(params));
}

export const setLockedInput = z.object({ locked: z.boolean({ error: "locked must be true or false" }) }).strict();
