// The one LIKE escaping, for the SCIM filter and the console search alike. Prisma turns
// contains/startsWith/endsWith into SQL LIKE without escaping `%` and `_` (and PostgreSQL
// treats `\` as LIKE's escape). A comparison whose value holds one of those is left in the
// where tree as a marker, which refineLikes (like-refinement.ts) resolves exactly.

export type LikeOp = "contains" | "startsWith" | "endsWith";
export const LIKE_MARKER = "__scimLike";

export interface LikeMarker {
  on: "member" | "email";
  column: string;
  op: LikeOp;
  value: string;
}

export function needsRefinement(value: string): boolean {
  return /[%_\\]/.test(value);
}

/** A LIKE comparison on a member column, or its marker when the value holds a wildcard. */
export function likeCondition(on: LikeMarker["on"], column: string, op: LikeOp, value: string): Record<string, unknown> {
  if (needsRefinement(value)) return { [LIKE_MARKER]: { on, column, op, value } satisfies LikeMarker };
  return { [column]: { [op]: value } };
}
