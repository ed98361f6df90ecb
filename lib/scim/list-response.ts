import { LIST_RESPONSE } from "./constants";
import { SCIM_LIMITS } from "./http/limits";

// Far beyond any organization's size; keeps the offset a valid 32-bit integer for the database.
const MAX_START_INDEX = 1_000_000_000;

export interface Paging {
  startIndex: number; // 1-based
  count: number; // 0..SCIM_LIMITS.maxResults
}

/** Query parameter names are matched case-insensitively (IdPs vary: startIndex, startindex). */
export function queryParam(params: URLSearchParams, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [key, value] of params) if (key.toLowerCase() === lower) return value;
  return null;
}

function integer(value: string | null): number | undefined {
  if (value === null || !/^\s*[-+]?\d+\s*$/.test(value)) return undefined;
  return Number.parseInt(value, 10);
}

/**
 * RFC 7644 §3.4.2.4: startIndex < 1 means 1, a negative count means 0, and count is
 * capped at SCIM_LIMITS.maxResults (advertised as filter.maxResults): RFC 7644 lets a server
 * return fewer results than asked, so a large count is not an error. Non-numbers fall back to defaults.
 */
export function parsePaging(params: URLSearchParams): Paging {
  const { maxResults } = SCIM_LIMITS;
  const startIndex = Math.min(MAX_START_INDEX, Math.max(1, integer(queryParam(params, "startIndex")) ?? 1));
  const count = Math.min(maxResults, Math.max(0, integer(queryParam(params, "count")) ?? maxResults));
  return { startIndex, count };
}

export function listResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return {
    schemas: [LIST_RESPONSE],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
